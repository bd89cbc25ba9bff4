from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core import page_serve
from home import views as home_views
from home.media_files import serve_public_media, serves_local_media
from home.sitemaps import sitemap_index, sitemap_section

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    # The read-only public API, one address for every language (?lang=): outside the language prefixes.
    path("api/", include("api.urls")),
    # One sitemap for every language (each URL names its translations): outside the language prefixes.
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
]

# Uploaded images on the local disk (one machine, dev included); S3 serves its own signed URLs.
if serves_local_media():
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_public_media, name="public_media"))

# Every language is prefixed (/sr-cyrl/, /sr-latn/, /en/); "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("documents.urls")),
    path("", include("calls.urls")),
    path("", include("consultations.urls")),
    path("", include("news.urls")),
    path("", include("alerts.urls")),
    path("", include("organisations.urls")),
    # Wagtail's pages, with Django's CSRF check per page route (core/page_serve.py).
    path("", include(page_serve.urlpatterns)),
    prefix_default_language=True,
)

# A lost database connection anywhere in a request answers 503 in the visitor's language (core/outage.py).
handler500 = "core.outage.server_error"
