"""A visitor searches from the header box in each language: suggestions as they type,
the results page, a facet, a result; and a misspelling that finds nothing.

Each demo build costs ~20 s, so one test walks a whole journey. Assertions avoid the
search page's own wording (its translations may still change): they read counts,
URLs, <mark>, ARIA state and the facet counts instead.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

HTML_LANG = {"sr-cyrl": "sr-Cyrl", "sr-latn": "sr-Latn", "en": "en"}


@dataclass(frozen=True)
class Journey:
    prefix: str
    typed: str  # a few letters, for the suggestions
    query: str  # what is searched for
    marked: str  # how the highlighted words begin (the query is matched in any script and form)
    facet: str  # the facet link to choose, by its href
    result_url: str  # where every result must lead once the facet is chosen


JOURNEYS = [
    # Cyrillic, narrowed to one content type: documents.
    Journey(
        "sr-cyrl", "конк", "конкурс", "конкурс", '[href*="kind=documents.registrydocument"]', r"/sr-cyrl/documents/\d+/"
    ),
    # Latin without diacritics finds "društvo" and its forms; narrowed to a year.
    Journey("sr-latn", "stra", "drustvo", "društv", '[href*="year=2022"]', r"/sr-latn/"),
    # English, narrowed to one document type.
    Journey("en", "roun", "associations", "associat", '[href*="type="]', r"/en/documents/\d+/"),
]


def header_box(page):
    return page.get_by_role("banner").get_by_role("combobox")


def shown_total(page) -> int:
    """The number in the result count ("17 results for …"), whatever the wording around it."""
    return int(re.search(r"\d+", page.locator(".result-count").inner_text()).group())


def facet_count(link) -> int:
    return int(re.search(r"\d+", link.locator(".count").inner_text()).group())


def query_of(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}


def choose_a_suggestion(page, server, journey):
    """Type a few letters: the list opens; Escape closes it; ArrowDown + Enter open the first one."""
    box = header_box(page)
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially(journey.typed, delay=60)
    listbox = page.get_by_role("listbox")
    options = listbox.get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    assert box.get_attribute("aria-activedescendant") is None, "nothing is chosen before the arrow keys"
    assert options.count() >= 1

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    assert box.input_value() == journey.typed, "Escape closes the list and keeps what was typed"

    box.press("Backspace")
    box.press_sequentially(journey.typed[-1], delay=60)
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert page.evaluate("document.activeElement.id") == box.get_attribute("id"), "focus stays in the box"
    target = first.get_attribute("data-url")
    assert target.startswith(f"/{journey.prefix}/")
    return box, target


def test_visitor_searches_from_the_header_narrows_by_a_facet_and_opens_a_result(
    browser_page, demo_server, assert_accessible
):
    # One demo build for the three languages: building it is most of this test's time.
    for journey in JOURNEYS:
        search_in_one_language(browser_page, demo_server, assert_accessible, journey)
    # The no-results page, in each language, on the same demo site.
    misspellings_find_nothing_and_did_you_mean_leads_to_results(browser_page, demo_server, assert_accessible)


def search_in_one_language(browser_page, demo_server, assert_accessible, journey):
    page = browser_page
    prefix = journey.prefix
    page.goto(f"{demo_server}/{prefix}/")

    # As-you-type suggestions; the open list is checked for accessibility too.
    box, target = choose_a_suggestion(page, demo_server, journey)
    assert_accessible(page)
    box.press("Enter")
    page.wait_for_url(f"{demo_server}{target}")
    assert page.locator("html").get_attribute("lang") == HTML_LANG[prefix]

    # Search from the header of the page the suggestion opened.
    box = header_box(page)
    box.fill(journey.query)
    box.press("Enter")
    page.wait_for_url(re.compile(rf"/{prefix}/search/\?"))
    assert query_of(page.url) == {"q": journey.query}
    results = page.locator(".result-item h2 a")
    total = shown_total(page)
    assert total >= results.count() > 1
    assert journey.query in page.locator(".result-count").inner_text()
    marks = page.locator(".result-item mark")
    assert marks.count() >= results.count(), "every result marks the words it was found by"
    assert all(text.lower().startswith(journey.marked) for text in marks.all_inner_texts())
    assert_accessible(page)

    # A facet narrows the results; its count is the new total, and it is marked as chosen.
    facet = page.locator(f".search-facets a{journey.facet}").first
    expected = facet_count(facet)
    assert 0 < expected < total
    facet.click()
    page.wait_for_url(re.compile(r"[?&](kind|type|year)="))
    chosen = query_of(page.url)
    assert chosen["q"] == journey.query and len(chosen) == 2, chosen
    assert shown_total(page) == expected == results.count()
    assert page.locator(".search-facets a[aria-current='true']").count() == 1
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert all(re.match(journey.result_url, href) for href in hrefs), hrefs
    if "year" in chosen:
        dates = page.locator(".result-item time").all()
        assert len(dates) == len(hrefs)
        assert all(date.get_attribute("datetime").startswith(chosen["year"]) for date in dates)
    assert_accessible(page)

    # Opening a result stays in the visitor's language.
    title = results.first.inner_text()
    results.first.click()
    page.wait_for_url(re.compile(rf"{re.escape(demo_server)}/{prefix}/(?!search/)"))
    assert page.locator("html").get_attribute("lang") == HTML_LANG[prefix]
    assert page.get_by_role("heading", level=1).inner_text() == title


MISSPELLINGS = [("en", "strategja"), ("sr-latn", "volontirzam"), ("sr-cyrl", "стратегја")]


def misspellings_find_nothing_and_did_you_mean_leads_to_results(browser_page, demo_server, assert_accessible):
    page = browser_page
    for prefix, misspelling in MISSPELLINGS:
        page.goto(f"{demo_server}/{prefix}/")
        box = header_box(page)
        box.fill(misspelling)
        box.press("Enter")
        page.wait_for_url(re.compile(rf"/{prefix}/search/\?"))
        assert query_of(page.url) == {"q": misspelling}
        no_results = page.locator(".no-results")
        assert misspelling in no_results.get_by_role("heading", level=2).inner_text()
        assert page.locator(".result-item").count() == 0
        assert no_results.get_by_role("listitem").count() >= 3, "the tips are shown"
        assert_accessible(page)

        suggestion = no_results.locator(".did-you-mean a")
        corrected = suggestion.inner_text()
        assert corrected and corrected != misspelling
        suggestion.click()
        page.wait_for_url(re.compile(rf"/{prefix}/search/\?q="))
        assert query_of(page.url) == {"q": corrected}
        assert shown_total(page) >= page.locator(".result-item").count() >= 1
        assert page.locator(".result-item mark").count() >= 1
