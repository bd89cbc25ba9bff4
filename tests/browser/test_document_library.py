"""A visitor browses the registry, narrows it down, opens a document and downloads it."""

import re

import pytest

from tests.browser.navigation import open_from_main_menu


def test_visitor_filters_the_library_opens_a_document_and_downloads_it(browser_page, demo_server, assert_accessible):
    page = browser_page
    open_from_main_menu(page, f"{demo_server}/sr-cyrl/", "Главни мени", "Документи", r"/sr-cyrl/dokumenti/$")
    assert_accessible(page)

    page.get_by_label("Врста документа").select_option(label="Јавни конкурс (1)")
    page.get_by_label("Година").select_option("2024")
    page.get_by_role("button", name="Прикажи документе").click()
    page.wait_for_url(re.compile(r"type=\d+.*year=2024"))
    results = page.locator(".document-item h2 a")
    assert results.all_inner_texts() == [
        "Јавни конкурс за финансирање програма удружења из буџета Града Новог Сада за 2024. годину"
    ]

    results.first.click()
    page.wait_for_url(re.compile(r"/sr-cyrl/documents/\d+/javni-konkurs"))
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Преузми")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as file:
        assert file.read(2) == b"PK"


@pytest.mark.parametrize("prefix", ["sr-latn", "en"])
def test_library_and_a_scanned_document_are_accessible_in_other_languages(
    browser_page, demo_server, assert_accessible, prefix
):
    page = browser_page
    slug = "documents" if prefix == "en" else "dokumenti"
    page.goto(f"{demo_server}/{prefix}/{slug}/?q=zapisnik")
    assert_accessible(page)
    page.locator(".document-item h2 a").first.click()
    page.wait_for_url(re.compile(rf"/{prefix}/documents/\d+/"))
    assert page.locator(".notice").count() == 1, "the scan is flagged as not machine-readable"
    assert_accessible(page)
