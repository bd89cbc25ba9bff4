"""A visitor finds the open call from the home page, downloads a form and follows the funding data."""

import re

from icalendar import Calendar

from calls.models import CallPage
from demo.calls import CLOSED, OPEN


def test_visitor_finds_the_open_call_on_the_home_page_and_downloads_a_form(
    browser_page, demo_server, assert_accessible
):
    page = browser_page
    page.goto(f"{demo_server}/en/")
    section = page.get_by_role("region", name="Open calls")
    section.get_by_role("link", name=OPEN["title"][1]).click()
    page.wait_for_url(re.compile(r"/en/calls/culture-programmes-2026/$"))
    assert page.get_by_role("heading", level=1).inner_text() == OPEN["title"][1]
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile(r"^Form 1 ")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".docx")
    with open(download.path(), "rb") as file:
        assert file.read(2) == b"PK"

    calendar_link = page.get_by_role("link", name=re.compile(r"calendar \(\.ics\)"))
    response = page.request.get(demo_server + calendar_link.get_attribute("href"))
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    (event,) = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["url"]) == page.url


def test_calls_index_and_funding_transparency_are_accessible(browser_page, demo_server, assert_accessible):
    page = browser_page
    page.goto(f"{demo_server}/en/calls/")
    assert_accessible(page)
    page.get_by_label("Area").select_option(label="Social protection")
    page.get_by_role("button", name="Show calls").click()
    page.wait_for_url(re.compile(r"area=\d+"))
    assert page.locator(".call-card h2 a").all_inner_texts() == [CLOSED["title"][1]]
    assert_accessible(page)

    page.goto(f"{demo_server}/en/funding-transparency/")
    assert page.locator("svg.bar-chart rect").count() == 1
    assert_accessible(page)
    csv_link = page.get_by_role("link", name="allocations as CSV")
    csv_text = page.request.get(demo_server + csv_link.get_attribute("href")).text().lstrip("\ufeff")
    assert csv_text.count("\n") == 1 + 6 + 1, "a header, one row per award and the demo's one grant outside calls"


def test_call_with_results_is_accessible_in_cyrillic(browser_page, demo_server, assert_accessible):
    closed = CallPage.objects.get(title=CLOSED["title"][0], locale__language_code="sr-cyrl")
    page = browser_page
    page.goto(f"{demo_server}{closed.url}")
    assert page.locator("table.awards tbody tr").count() == 6
    assert_accessible(page)
    page.goto(f"{demo_server}/sr-cyrl/transparentnost-finansiranja/")
    assert_accessible(page)
