"""/api/v1/: the read-only public API, outside the language prefixes (the `lang` parameter chooses)."""

from rest_framework.routers import DefaultRouter

from django.urls import include, path, re_path
from django.views.generic import RedirectView

from . import views

app_name = "api"


class Router(DefaultRouter):
    APIRootView = views.ApiRootView
    include_format_suffixes = False


router = Router()
router.register("pages", views.PageViewSet, basename="page")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("calls", views.CallViewSet, basename="call")
router.register("awards", views.AwardViewSet, basename="award")
router.register("funding-outside-calls", views.DirectFundingViewSet, basename="direct-funding")
router.register("consultations", views.ConsultationViewSet, basename="consultation")
router.register("comments", views.CommentViewSet, basename="comment")

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:docs"), name="home"),
    path("v1/schema/", views.ApiSchemaView.as_view(), name="schema"),
    path("v1/docs/", views.ApiDocsView.as_view(), name="docs"),
    path("v1/", include(router.urls)),
    # Anything else under /api/ is a JSON 404 here, not a redirect into a language prefix.
    re_path(r"^.*$", views.not_found),
]
