"""Empty the cache in front of the app (Varnish, FRONTEND_CACHE_URL) whenever the app's own page cache is.

Wagtail's front-end cache invalidation purges a published page's own URLs (home/frontend_purge.py
adds its translations, listings, feeds and the home page); but a menu, a footer or a list of
related pages on any other page can show the change too. So every change that bumps the app's
generation also sends one BAN of the whole site to each HTTP front cache: the shipped VCL
(deploy/varnish/default.vcl) accepts it from the app's machine. With that, the front cache is
exactly as fresh as the app's, and may keep pages long (PAGE_CACHE_SHARED_SECONDS).
A front cache that does not answer is logged, never raised: publishing must not fail because of it.
"""

import logging
import urllib.error
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
BAN_TIMEOUT_SECONDS = 2


def http_front_caches() -> list[str]:
    configured = getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}
    return [backend["LOCATION"].rstrip("/") for backend in configured.values() if backend["BACKEND"] == HTTP_BACKEND]


class BanRequest(urllib.request.Request):
    def get_method(self):
        return "BAN"


def ban_whole_site() -> None:
    for location in http_front_caches():
        request = BanRequest(location + "/", headers={"X-Ban-Url": "^/"})
        try:
            with urllib.request.urlopen(request, timeout=BAN_TIMEOUT_SECONDS):  # noqa: S310  (the operator's URL)
                pass
        except (urllib.error.URLError, OSError) as error:
            logger.error("Could not empty the front cache at %s: %s", location, error)
