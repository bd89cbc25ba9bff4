"""What a visitor does on the public site, in a real browser, with an accessibility audit on the way."""

import re

import pytest

LANGUAGES = [
    ("sr-cyrl", "sr-Cyrl", "Канцеларија за сарадњу са цивилним друштвом Града Новог Сада"),
    ("sr-latn", "sr-Latn", "Kancelarija za saradnju sa civilnim društvom Grada Novog Sada"),
    ("en", "en", "Office for Cooperation with Civil Society of the City of Novi Sad"),
]


@pytest.mark.parametrize(("prefix", "html_lang", "office"), LANGUAGES)
def test_home_page_in_each_language_is_accessible(
    browser_page, demo_server, assert_accessible, prefix, html_lang, office
):
    response = browser_page.goto(f"{demo_server}/{prefix}/")

    assert response.status == 200
    assert browser_page.locator("html").get_attribute("lang") == html_lang
    assert browser_page.locator("h1").inner_text() == office
    assert_accessible(browser_page)


@pytest.mark.parametrize(
    "path",
    [
        "/sr-cyrl/o-kancelariji/",
        "/sr-latn/delokrug-poslova/",
        "/en/national-office-2010-2020/",
    ],
)
def test_standard_pages_are_accessible(browser_page, demo_server, assert_accessible, path):
    assert browser_page.goto(demo_server + path).status == 200
    assert_accessible(browser_page)


def test_switching_language_keeps_the_visitor_on_the_same_page(browser_page, demo_server):
    browser_page.goto(f"{demo_server}/sr-cyrl/o-kancelariji/")

    browser_page.get_by_role("link", name="English").click()
    browser_page.wait_for_url(re.compile(r"/en/about-the-office/$"))
    assert browser_page.locator("h1").inner_text() == "About the Office"

    browser_page.get_by_role("link", name="Srpski (latinica)").click()
    browser_page.wait_for_url(re.compile(r"/sr-latn/o-kancelariji/$"))
    assert browser_page.locator("h1").inner_text() == "O kancelariji"


def test_root_sends_a_serbian_browser_to_the_cyrillic_site(browser_page, demo_server):
    browser_page.goto(f"{demo_server}/")
    assert browser_page.url == f"{demo_server}/sr-cyrl/"


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("sr-cyrl", "Страница није пронађена"), ("sr-latn", "Stranica nije pronađena"), ("en", "Page not found")],
)
def test_not_found_page_is_translated_and_accessible(browser_page, demo_server, assert_accessible, prefix, heading):
    response = browser_page.goto(f"{demo_server}/{prefix}/nema-takve-stranice/")

    assert response.status == 404
    assert browser_page.locator("h1").inner_text() == heading
    assert_accessible(browser_page)


def test_keyboard_user_can_skip_to_the_content(browser_page, demo_server):
    browser_page.goto(f"{demo_server}/sr-cyrl/o-kancelariji/")

    browser_page.keyboard.press("Tab")
    skip_link = browser_page.locator(".skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
