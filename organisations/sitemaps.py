"""The organisations' section of the sitemap: each organisation's page in every language."""

from functools import cached_property

from django.db.models import Max
from django.utils import translation

from documents.sitemaps import UrlsOfEach
from home.sitemaps import LanguageVersionsSitemap, SitemapUrl, language_codes, without_microseconds

from .models import Organisation


class OrganisationSitemap(LanguageVersionsSitemap):
    def organisations(self):
        return Organisation.objects.only("id", "registration_number", "updated_at").order_by("pk")

    def urls_of(self, organisation) -> list[SitemapUrl]:
        paths = {}
        for code in language_codes():
            with translation.override(code):
                paths[code] = organisation.get_absolute_url()
        alternates = self.alternates(paths)
        lastmod = without_microseconds(organisation.updated_at)
        return [SitemapUrl(path, lastmod, alternates) for path in paths.values()]

    @cached_property
    def urls(self) -> UrlsOfEach:
        return UrlsOfEach(self.organisations(), len(language_codes()), self.urls_of)

    def items(self):
        return self.urls

    def get_latest_lastmod(self):
        return without_microseconds(self.organisations().aggregate(latest=Max("updated_at"))["latest"])
