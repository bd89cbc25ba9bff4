"""/sitemap.xml: every public page in each language it is live in, with its language versions as hreflang
alternates; schema-valid, split into files when large, in a number of queries that does not grow with the site."""

import pytest

from django.utils import timezone

from wagtail.models import Locale, PageViewRestriction

from home.sitemaps import PageSitemap
from tests.factories import StandardPageFactory, publish
from tests.module_rows import once_per_module
from tests.queries import queries_to_render
from tests.sitemaps import every_listed_url, index_locations, local, sitemap_urls

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def in_english(page, title: str, slug: str = ""):
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.slug = title, slug or translation.slug
    return publish(translation)


@once_per_module
def site_pages(module_rows):
    """The module's pages, built once. The query-count test asks for `home_page` instead: a new tree without
    them (it counts every listed URL)."""
    return build_site_pages(module_rows.home_page())


def build_site_pages(home_page):
    """A home page in three languages; pages in three and in two languages; pages the public must not find."""
    publish(home_page)
    in_english(home_page, "Home")
    about = publish(StandardPageFactory(parent=home_page, title="О нама"))
    in_english(about, "About us", "about-us")
    publish(StandardPageFactory(parent=home_page, title="Само српски"))

    private = publish(StandardPageFactory(parent=home_page, title="Интерна страница"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = publish(StandardPageFactory(parent=home_page, title="Нацрт странице"))
    draft.unpublish()
    # Live itself (saved live, without a revision), but under a page that is not: nobody can reach it.
    StandardPageFactory(parent=draft, title="Испод нацрта")
    # Its English version is started in the translation editor and not published.
    untranslated = publish(StandardPageFactory(parent=home_page, title="Још без превода"))
    untranslated.copy_for_translation(Locale.objects.get(language_code="en"))
    return {"about": about}


def test_the_sitemap_lists_every_public_page_in_each_language_it_is_live_in(client, site_pages):
    listed = every_listed_url(client)

    pages = {url for url in listed if "/documents/" not in url}
    assert pages == {
        f"{HOST}{path}"
        for path in [
            "/sr-cyrl/",
            "/sr-latn/",
            "/en/",
            "/sr-cyrl/o-nama/",
            "/sr-latn/o-nama/",
            "/en/about-us/",
            "/sr-cyrl/samo-srpski/",
            "/sr-latn/samo-srpski/",
            "/sr-cyrl/jos-bez-prevoda/",
            "/sr-latn/jos-bez-prevoda/",
        ]
    }, "no private page, draft, page under a draft or unpublished English translation"


def test_each_url_names_all_live_language_versions_of_its_page_and_the_cyrillic_one_as_default(client, site_pages):
    listed = every_listed_url(client)

    three = {
        "sr-Cyrl": f"{HOST}/sr-cyrl/o-nama/",
        "sr-Latn": f"{HOST}/sr-latn/o-nama/",
        "en": f"{HOST}/en/about-us/",
        "x-default": f"{HOST}/sr-cyrl/o-nama/",
    }
    for language_version in ("/sr-cyrl/o-nama/", "/sr-latn/o-nama/", "/en/about-us/"):
        assert listed[f"{HOST}{language_version}"].alternates == three
    assert listed[f"{HOST}/sr-latn/jos-bez-prevoda/"].alternates == {
        "sr-Cyrl": f"{HOST}/sr-cyrl/jos-bez-prevoda/",
        "sr-Latn": f"{HOST}/sr-latn/jos-bez-prevoda/",
        "x-default": f"{HOST}/sr-cyrl/jos-bez-prevoda/",
    }, "no English alternate for a page with no live English version"


def test_each_url_says_when_its_page_was_last_published(client, site_pages):
    about = site_pages["about"]
    about.refresh_from_db()

    listed = every_listed_url(client)

    published = timezone.localtime(about.last_published_at).replace(microsecond=0)
    assert listed[f"{HOST}/sr-cyrl/o-nama/"].lastmod == published.isoformat()


def test_the_index_at_the_root_names_a_file_per_section_with_something_to_list(client, site_pages):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    # No public document yet: a sitemap file must hold a URL, so the documents' file is not named.
    assert index_locations(response.content) == [f"{HOST}/sitemap-pages.xml"]
    assert client.get("/sitemap-documents.xml").status_code == 404
    assert client.get("/sitemap-no-such-section.xml").status_code == 404


def test_a_large_site_is_split_into_files_the_index_names_each_of_them(client, site_pages, monkeypatch):
    whole = sitemap_urls(client.get("/sitemap-pages.xml").content)
    # The protocol's limit is 50,000 URLs a file; three here, so ten URLs take four files.
    monkeypatch.setattr(PageSitemap, "limit", 3)

    files = [url for url in index_locations(client.get("/sitemap.xml").content) if "pages" in url]
    assert files == [f"{HOST}/sitemap-pages.xml"] + [f"{HOST}/sitemap-pages.xml?p={page}" for page in (2, 3, 4)]
    parts = [sitemap_urls(client.get(local(url)).content) for url in files]
    assert [len(part) for part in parts] == [3, 3, 3, 1]
    assert {loc: url for part in parts for loc, url in part.items()} == whole
    assert client.get("/sitemap-pages.xml?p=5").status_code == 404


def test_the_sitemap_takes_as_many_queries_for_fifty_pages_as_for_five(client, home_page):
    publish(home_page)
    sections = [publish(StandardPageFactory(parent=home_page, title=f"Одсек {number}")) for number in range(2)]

    def queries_with(pages: int) -> int:
        for number in range(pages):
            # Saved live without a revision: fast, and no Latin twin.
            StandardPageFactory(parent=sections[number % 2], title=f"Страна {pages}-{number}")
        return queries_to_render(client, "/sitemap-pages.xml")

    five = queries_with(5)
    fifty = queries_with(45)

    assert len(sitemap_urls(client.get("/sitemap-pages.xml").content)) == 2 + 2 * 2 + 50
    assert five == fifty
