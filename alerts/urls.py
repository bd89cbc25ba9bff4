from django.urls import path

from home import converters  # noqa: F401  (registers <dbid:…>)

from . import views

app_name = "alerts"

# Paths in the visitor's language are not worth a second route each: one ASCII path for all languages.
urlpatterns = [
    path("alerts/", views.subscribe, name="subscribe"),
    path("alerts/check-your-email/", views.check_email, name="check_email"),
    path("alerts/confirm/<dbid:pk>/<str:token>/", views.confirm, name="confirm"),
    path("alerts/manage/<dbid:pk>/<str:token>/", views.manage, name="manage"),
    path("alerts/unsubscribe/<dbid:pk>/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
