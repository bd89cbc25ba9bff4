"""Wagtail's page view, with Django's CSRF check decided per page route instead of for the whole page tree.

Django's CsrfViewMiddleware looks at the view a URL resolves to, and every page resolves to Wagtail's
one `serve` view, so `csrf_exempt` on a page's route would change nothing. This view is exempt itself
and applies the check (`csrf_protect`) to every unsafe request except one whose page route is marked
`csrf_exempt`. Only one route is: the comment form of an open consultation, whose page comes from the
shared cache without a CSRF token or cookie; it checks the request's Origin/Referer itself
(core/same_origin.py) and carries a signed, single-use form token (consultations/views.py).
"""

from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.models import Page

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")

protected_serve = csrf_protect(wagtail_views.serve)


def route_is_csrf_exempt(request, path: str) -> bool:
    """Does this URL end at a page route marked `csrf_exempt`? (Wagtail keeps the route on the request.)"""
    route = Page.route_for_request(request, path)
    if route is None:
        return False
    # A routable page's route is (page, (view, args, kwargs), {}); a plain page's is (page, (), {}).
    route_args = route[1]
    view = route_args[0] if route_args and callable(route_args[0]) else None
    return bool(getattr(view, "csrf_exempt", False))


@csrf_exempt  # checked below, per route: only a route marked csrf_exempt goes without it
def serve(request, path):
    if request.method in SAFE_METHODS or not route_is_csrf_exempt(request, path):
        return protected_serve(request, path)
    return wagtail_views.serve(request, path)


# Wagtail's public URLs, with this view in place of its page view (same pattern, same name).
urlpatterns = [pattern for pattern in wagtail_urls.urlpatterns if getattr(pattern, "name", "") != "wagtail_serve"] + [
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
