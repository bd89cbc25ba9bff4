"""What may come from the page cache, what may be stored and shared, and the Cache-Control each gets.

Only an anonymous visitor's GET or HEAD of a language-prefixed URL (/sr-cyrl/, /sr-latn/, /en/:
pages, listings, feeds, calendars, exports) is answered from the cache. A request carrying a
session cookie (an editor, a visitor who gave a page's password) or a pending message goes to
the app, which renders it for that visitor alone.

A response is stored and shared only when nothing in it belongs to one visitor: status 200, no
cookie set (a rendered CSRF token sets one), no CSRF token rendered, no private/no-store from the
view (a comment form holding one visitor's form token, receipts, confirmations), no user signed in.
The open consultation's page is rendered for the cache without them: its script fetches the form
token and challenge from an uncached route, and its POST is checked by origin, not by a CSRF cookie
(consultations/views.py). Such a response tells caches in front of the app (Varnish, a CDN) they may keep
it: `public, max-age=<browser>, s-maxage=<shared>`. Everything else on the public site is `private`;
the admin (previews included) is `private, no-store`.
"""

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_cache_control

# Browsers cannot be purged: they keep a page a minute at most.
BROWSER_SECONDS = 60
# Anything longer is a crafted or tracking URL not worth a cache entry.
LONGEST_CACHED_QUERY = 512
MESSAGES_COOKIE = "messages"  # django.contrib.messages' cookie storage
# What a shareable response may vary on: the cache key already holds the path (and so the language).
SHAREABLE_VARY = {"", "cookie", "accept-encoding", "accept-language"}
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def admin_prefix() -> str | None:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def is_public_url(request) -> bool:
    return request.path.startswith(language_prefixes())


def may_answer_from_cache(request) -> bool:
    """Can this request be answered with a page rendered for someone else? Decided from the request alone."""
    return (
        request.method in ("GET", "HEAD")
        and is_public_url(request)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and MESSAGES_COOKIE not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and len(request.META.get("QUERY_STRING", "")) <= LONGEST_CACHED_QUERY
    )


def _says_private(response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return any(directive in cache_control for directive in PRIVATE_DIRECTIVES)


def _varies_only_on_shareable(response) -> bool:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")} <= SHAREABLE_VARY


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_shareable(request, response) -> bool:
    """May this response to this request be given to any other anonymous visitor?"""
    return (
        may_answer_from_cache(request)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # The page rendered a CSRF token (a form): even if no cookie was set, the token is this visitor's.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not _says_private(response)
        and _varies_only_on_shareable(response)
        and not _signed_in(request)
    )


def mark_shareable(response, seconds_until_change: int) -> None:
    """Public for browsers and shared caches, never past the next clock change. A view that chose its own
    max-age (the search page) keeps it: its answers are not purged on publish."""
    if "max-age" in response.get("Cache-Control", ""):
        return
    patch_cache_control(
        response,
        public=True,
        max_age=min(BROWSER_SECONDS, seconds_until_change),
        s_maxage=min(settings.PAGE_CACHE_SHARED_SECONDS, seconds_until_change),
    )


def mark_not_shareable(request, response) -> None:
    """The admin and its previews: stored nowhere. Other pages for one visitor: kept by their browser only."""
    prefix = admin_prefix()
    if prefix and request.path.startswith(prefix):
        patch_cache_control(response, private=True, no_store=True)
    elif is_public_url(request) and not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
