"""The organisations' section of the sitemap: each organisation's page in every language."""

from documents.sitemaps import RowsInEveryLanguageSitemap

from .models import Organisation


class OrganisationSitemap(RowsInEveryLanguageSitemap):
    changed_field = "updated_at"

    def rows(self):
        return Organisation.objects.only("id", "registration_number", "updated_at").order_by("pk")
