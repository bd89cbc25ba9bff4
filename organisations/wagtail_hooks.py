from home.sitemaps import add_sitemap_section

from .sitemaps import OrganisationSitemap

add_sitemap_section("organisations", OrganisationSitemap)
