"""The API's entry points: the endpoints, the OpenAPI schema and the docs page (Swagger UI from our static files)."""

from csp.decorators import csp_update
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.routers import APIRootView

from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..base import PublicApiThrottle, answer_outside_language_prefixes
from ..params import LANG, parse_query


class OpenToAll:
    """Anonymous, rate limited, and 404s kept as 404s (base.answer_outside_language_prefixes)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]

    def dispatch(self, request, *args, **kwargs):
        answer_outside_language_prefixes(request)
        return super().dispatch(request, *args, **kwargs)


class ApiRootView(OpenToAll, APIRootView):
    """The endpoints of version 1, each with its address."""

    renderer_classes = [JSONRenderer]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        parse_query(request.query_params, (LANG,))


class ApiSchemaView(OpenToAll, SpectacularAPIView):
    """The OpenAPI 3 schema: YAML, or JSON with ?format=json."""


# Swagger UI draws its icons as data: SVG images; this page only (it shows no user content) allows them.
@method_decorator(csp_update({"img-src": ["data:"]}), name="dispatch")
class ApiDocsView(OpenToAll, SpectacularSwaggerSplitView):
    """Swagger UI, its script and styles served from the site (drf-spectacular-sidecar): nothing from a CDN,
    and no inline script, so the site's Content-Security-Policy holds."""

    template_name = "api/swagger_ui.html"
    title = gettext_lazy("Open data API")
    url_name = "api:schema"


def not_found(request, *args, **kwargs):
    answer_outside_language_prefixes(request)
    return JsonResponse({"detail": _("Not found.")}, status=404)
