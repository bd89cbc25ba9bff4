"""Was this POST sent by a page of this site? Django's own Origin/Referer rule, without its cookie.

For a form whose page is served from a shared cache (it cannot carry a per-visitor CSRF token, and
must not set a cookie), the defence against cross-site requests is the one Django applies before
its cookie check, and the one OWASP recommends: the browser's `Origin` header (sent with every
POST by current browsers, "null" from sandboxed or privacy-stripped contexts) must name this site;
without it, the `Referer` must. Only what Django itself tolerates is tolerated: a request with
neither header over plain HTTP (Django checks the Referer on HTTPS only), never over HTTPS.
Origins in CSRF_TRUSTED_ORIGINS count as this site, as they do for Django's check.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.utils.http import is_same_domain


def origin_of(url: str) -> str | None:
    """`scheme://host[:port]` of a URL, or None when it has no scheme or host."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _own_origin(request) -> str | None:
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return f"{'https' if request.is_secure() else 'http'}://{host}".lower()


def _trusted(origin: str) -> bool:
    """Named in CSRF_TRUSTED_ORIGINS, exactly or by a `scheme://*.domain` entry."""
    scheme, _, host = origin.partition("://")
    for trusted in getattr(settings, "CSRF_TRUSTED_ORIGINS", ()):
        trusted = trusted.lower()
        if trusted == origin:
            return True
        trusted_scheme, _, trusted_host = trusted.partition("://")
        if trusted_host.startswith("*") and trusted_scheme == scheme and is_same_domain(host, trusted_host[1:]):
            return True
    return False


def is_allowed_origin(origin: str | None, request) -> bool:
    if not origin or origin == "null":
        return False
    return origin == _own_origin(request) or _trusted(origin)


def is_same_origin(request) -> bool:
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return is_allowed_origin(origin.lower(), request)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        return is_allowed_origin(origin_of(referer), request)
    return not request.is_secure()
