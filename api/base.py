"""What every endpoint of the public API shares: read-only, anonymous, JSON, paginated, rate limited, checked input.

No authentication is read, so an editor signed in to the admin sees exactly what anybody sees.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.throttling import AnonRateThrottle

from django.conf import settings
from django.core.cache import caches
from django.http import Http404
from django.utils import translation
from django.utils.connection import ConnectionProxy
from django.utils.crypto import salted_hmac

from consultations.rate_limits import client_address
from core.params import database_id

from .params import LANG, MAX_PAGE_SIZE, PAGINATION, Param, parse_query, requested_language


def answer_outside_language_prefixes(request) -> None:
    """Keep the API's 404s as 404s.

    LocaleMiddleware redirects a 404 of a path without a language prefix to /sr-cyrl/<path> when
    that path routes, and Wagtail's page route takes any path. It asks `request.urlconf` whether
    language prefixes are in use: for API requests it is told of a configuration without them.
    """
    request.urlconf = "api.unprefixed_urls"


RATE_LIMIT_SALT = "api.rate-limit"


class PublicApiThrottle(AnonRateThrottle):
    """API_RATE requests per client address (behind TRUSTED_PROXY_COUNT proxies).

    Counted in the `rate_limits` cache, which every worker shares: Redis when CACHE_URL is set, else
    a private folder of files on the machine (cso_site/settings/environment.py), never one count per worker.
    """

    scope = "public_api"
    cache = ConnectionProxy(caches, "rate_limits")

    def get_rate(self):
        return settings.API_RATE

    def get_ident(self, request):
        # A keyed hash, as the comment limits keep theirs: the counters (files without Redis) hold no address.
        return salted_hmac(RATE_LIMIT_SALT, client_address(request), algorithm="sha256").hexdigest()


class ApiPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    """A list and a detail endpoint; subclasses give `filter_params`, applied through `filter_lookups` or `filtered`."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [PublicApiThrottle]
    renderer_classes = [JSONRenderer]
    pagination_class = ApiPagination
    # Ids are ASCII digits within the database's range; anything else is 404 before a query.
    lookup_value_regex = "[0-9]{1,19}"
    filter_params: tuple[Param, ...] = ()
    # The filters among `filter_params` that are one exact lookup each ({param: lookup}); `filtered` applies the rest.
    filter_lookups: dict[Param, str] = {}
    # The detail's serializer where it shows more than the list's `serializer_class`.
    detail_serializer_class = None

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def allowed_params(self) -> tuple[Param, ...]:
        if self.action == "list":
            return (LANG, *PAGINATION, *self.filter_params)
        return (LANG,)

    def dispatch(self, request, *args, **kwargs):
        answer_outside_language_prefixes(request)
        language = requested_language(request.GET)
        with translation.override(language):
            response = super().dispatch(request, *args, **kwargs)
        response.setdefault("Content-Language", language)
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # throttling first: a refused request costs no parsing
        self.params = parse_query(request.query_params, self.allowed_params())

    def get_object(self):
        if database_id(self.kwargs.get(self.lookup_field)) is None:
            raise Http404
        return super().get_object()

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        params = self.params
        lookups = {lookup: params[param.name] for param, lookup in self.filter_lookups.items() if param.name in params}
        return self.filtered(queryset.filter(**lookups), params)

    def filtered(self, queryset, params: dict):
        return queryset


def documented(viewset_class):
    """The viewset's schema: its filters on the list, the language on both, one tag per resource."""
    tag = viewset_class.schema_tag
    filters = [param.openapi() for param in (*PAGINATION, *viewset_class.filter_params)]
    return extend_schema_view(
        list=extend_schema(tags=[tag], parameters=[LANG.openapi(), *filters], description=viewset_class.list_doc),
        retrieve=extend_schema(tags=[tag], parameters=[LANG.openapi()], description=viewset_class.detail_doc),
    )(viewset_class)
