"""Which site and which page a public URL serves, remembered until the content changes.

Wagtail finds the page of a URL one path segment at a time: the site (a query), the active
locale (a query), the localized home page, then for each segment the child with that slug and
its specific row (two queries). A news item costs seven queries before its view starts. Every
answer depends only on the host, the path (which holds the language prefix) and the page tree,
and any change to the tree bumps the content version (core/content_cache.py), so the answer is
kept in the cache: a known URL costs one query, for its page.

Only routes that end at a page (no sub-path left for a routable page, so no per-visitor tokens
in the keys) and that left nothing else on the request (the English fallback of an untranslated
page marks the request) are kept; everything else is routed by Wagtail as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from . import page_serve
from .content_cache import TIMEOUT, cache_key

# Wagtail's page view, and the one the site routes pages to (core/page_serve.py).
PAGE_VIEWS = (wagtail_views.serve, page_serve.serve)

# What Wagtail's routing itself leaves on the request.
ROUTING_ATTRIBUTES = {"_wagtail_site", "_wagtail_route_for_request", "routable_resolver_match"}


def route_key(request) -> str:
    return cache_key(f"route:{request.get_host()}:{request.get_port()}:{request.path}")


def remembered_route(request, path: str):
    """Set the site and the route Wagtail would find, from the cache; False when not known."""
    known = cache.get(route_key(request))
    if known is None:
        return False
    site, page_pk, content_type_id = known
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.select_related("locale").filter(pk=page_pk, live=True).first() if model else None
    if page is None:
        return False
    request._wagtail_site = site
    request._wagtail_route_for_request = page.route(request, [])
    return True


def remember_route(request, path: str) -> None:
    before = set(vars(request))
    route = Page.route_for_request(request, path)
    added = set(vars(request)) - before - ROUTING_ATTRIBUTES
    site = Site.find_for_request(request)
    if route is None or added or site is None:
        return
    page = route[0]
    segments = [segment for segment in path.split("/") if segment]
    root = site.root_page.localized
    if not page.path.startswith(root.path) or page.depth - root.depth != len(segments):
        return  # a sub-path of a routable page, or a page found outside the site's tree
    cache.set(route_key(request), (site, page.pk, page.content_type_id), TIMEOUT)


class RememberedRouteMiddleware:
    """Before Wagtail's page view runs, give it the site and route remembered for this URL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func not in PAGE_VIEWS or request.method not in ("GET", "HEAD"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        if not remembered_route(request, path):
            remember_route(request, path)
        return None
