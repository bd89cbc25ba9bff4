"""robots.txt: where crawlers may not go, and where the sitemap is.

Kept out: the admin (editors' previews and drafts are served under it too) and, in every
language, the routes an app registers with CRAWLER_EXCLUSIONS_HOOK, such as the comment
confirmation links and receipts that carry a visitor's secret token. An app's patterns are
relative to a language prefix and may use `*` (any characters, RFC 9309), since those routes
hang below pages whose paths the editors choose.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail import hooks

CRAWLER_EXCLUSIONS_HOOK = "register_crawler_exclusions"


def excluded_paths() -> list[str]:
    paths = [reverse("wagtailadmin_home")]
    patterns = [pattern for register in hooks.get_hooks(CRAWLER_EXCLUSIONS_HOOK) for pattern in register()]
    for code, _name in settings.LANGUAGES:
        paths += [f"/{code}/{pattern.lstrip('/')}" for pattern in patterns]
    return paths


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in excluded_paths()), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
