"""The sitemap search engines read: every public page in each language it is live in, with hreflang alternates.

/sitemap.xml is a sitemap index; each section (pages here, the registry's documents from
`documents`, anything another app registers with SITEMAP_HOOK) is a sitemap of its own at
/sitemap-<section>.xml, split into files of 50,000 URLs (?p=2…) as the protocol requires.

Wagtail's own sitemap lists one locale's tree and no alternates, so the pages are read here
in a fixed number of queries whatever their number: the site's home pages in every language,
then every live, public page under them in one query. A page under an unpublished or
restricted ancestor is dropped by walking the tree in path order: a page is listed only when
its parent is. Each URL names all live language versions of its page (and the Cyrillic one
as x-default), the same set the page's own <head> gives.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.http import Http404

from wagtail import hooks
from wagtail.models import Page, Site

from core.languages import BCP47

SITEMAP_HOOK = "register_sitemap"
X_DEFAULT = "x-default"


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


@dataclass(frozen=True)
class SitemapUrl:
    """One URL of a sitemap: its path on this host, when it last changed, and all its language versions."""

    path: str
    lastmod: datetime.datetime | None
    alternates: tuple[Alternate, ...]


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def without_microseconds(moment):
    return moment.replace(microsecond=0) if moment else None


class LanguageVersionsSitemap(Sitemap):
    """A sitemap of SitemapUrls for one request: its host and scheme make every URL absolute."""

    def __init__(self, request):
        self.request = request

    def location(self, item: SitemapUrl) -> str:
        return item.path

    def lastmod(self, item: SitemapUrl):
        return item.lastmod

    def absolute(self, path: str) -> str:
        return f"{self.request.scheme}://{self.request.get_host()}{path}"

    def alternates(self, paths: dict[str, str]) -> tuple[Alternate, ...]:
        """hreflang links for {language code: path}, in the order of settings.LANGUAGES, then x-default."""
        links = [
            Alternate(BCP47[code], self.absolute(paths[code])) for code, _name in settings.LANGUAGES if code in paths
        ]
        if settings.LANGUAGE_CODE in paths:
            links.append(Alternate(X_DEFAULT, self.absolute(paths[settings.LANGUAGE_CODE])))
        return tuple(links)


def parent_path(page) -> str:
    return page.path[: -Page.steplen]


def reachable(pages, home_paths: set[str]) -> list:
    """The pages whose every ancestor up to a home page is among `pages` (ordered by path)."""
    listed = set()
    kept = []
    for page in pages:
        if page.path in home_paths or parent_path(page) in listed:
            listed.add(page.path)
            kept.append(page)
    return kept


class PageSitemap(LanguageVersionsSitemap):
    # What a page's URL, language and dates need: no specific page types, no content.
    PAGE_FIELDS = ("id", "path", "url_path", "translation_key", "locale__language_code", "last_published_at")
    PAGE_FIELDS += ("latest_revision_created_at",)

    def public_pages(self) -> list:
        site = Site.find_for_request(self.request) or Site.objects.select_related("root_page").get(is_default_site=True)
        home_paths = set(site.root_page.get_translations(inclusive=True).values_list("path", flat=True))
        under_a_home = Q()
        for path in home_paths:
            under_a_home |= Q(path__startswith=path)
        pages = (
            Page.objects.filter(under_a_home, locale__language_code__in=language_codes())
            .live()
            .public()
            .select_related("locale")
            .only(*self.PAGE_FIELDS)
            .order_by("path")
        )
        return reachable(pages, home_paths)

    @cached_property
    def urls(self) -> list[SitemapUrl]:
        paths = {}
        for page in self.public_pages():
            url_parts = page.get_url_parts(self.request)
            if url_parts and url_parts[2]:
                paths[page] = url_parts[2]
        versions = defaultdict(dict)
        for page, path in paths.items():
            versions[page.translation_key][page.locale.language_code] = path
        alternates = {key: self.alternates(by_language) for key, by_language in versions.items()}
        return [
            SitemapUrl(
                path,
                without_microseconds(page.last_published_at or page.latest_revision_created_at),
                alternates[page.translation_key],
            )
            for page, path in paths.items()
        ]

    def items(self):
        return self.urls

    def get_latest_lastmod(self):
        return max((url.lastmod for url in self.urls if url.lastmod), default=None)


def add_sitemap_section(name: str, sitemap_class: type[LanguageVersionsSitemap]) -> None:
    """Register a section of the sitemap, served at /sitemap-<name>.xml; called from an app's wagtail_hooks."""
    hooks.register(SITEMAP_HOOK, lambda: (name, sitemap_class))


def sitemaps_for(request) -> dict[str, Sitemap]:
    """The sections of the sitemap with something to list: the pages, then those the apps registered.

    An empty section is left out: a sitemap file must hold at least one URL (sitemap.xsd).
    """
    sections = {"pages": PageSitemap} | dict(register() for register in hooks.get_hooks(SITEMAP_HOOK))
    sitemaps = {name: sitemap_class(request) for name, sitemap_class in sections.items()}
    return {name: sitemap for name, sitemap in sitemaps.items() if sitemap.paginator.count}


def sitemap_index(request):
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap_section(request, section: str):
    sitemaps = sitemaps_for(request)
    if section not in sitemaps:
        raise Http404(section)
    return sitemap_views.sitemap(request, sitemaps, section=section, template_name="sitemaps/sitemap.xml")
