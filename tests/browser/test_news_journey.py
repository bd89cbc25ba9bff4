"""A visitor finds the events, subscribes to their calendar, opens an event, then reads the news."""

import re

import icalendar

from demo.news import INFO_DAY, NEWS, PUBLIC_HEARING, ROUND_TABLE
from tests.browser.navigation import open_from_main_menu


def test_visitor_subscribes_to_the_events_calendar_and_opens_an_event(browser_page, demo_server, assert_accessible):
    page = browser_page
    open_from_main_menu(page, f"{demo_server}/en/", "Main menu", "Events", r"/en/events/$")
    assert_accessible(page)

    subscribe = page.get_by_role("link", name="Subscribe to the events calendar")
    address = subscribe.get_attribute("href")
    assert address == f"{demo_server}/en/calendar/events.ics", "an absolute http(s) address, not webcal://"
    response = page.request.get(address)
    assert response.ok and response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.body())
    events = {str(vevent["SUMMARY"]): vevent for vevent in calendar.walk("VEVENT")}
    assert {INFO_DAY["title"][1], PUBLIC_HEARING["title"][1]} <= set(events)
    for vevent in events.values():
        assert str(vevent["URL"]).startswith(f"{demo_server}/en/events/")
        assert vevent["DTSTART"].params["TZID"] == "Europe/Belgrade"

    page.get_by_role("link", name=PUBLIC_HEARING["title"][1]).click()
    page.wait_for_url(re.compile(r"/en/events/public-hearing"))
    assert page.get_by_role("heading", level=1).inner_text() == PUBLIC_HEARING["title"][1]
    assert_accessible(page)
    single = page.request.get(demo_server + page.locator("#add-to-calendar").get_attribute("href"))
    [vevent] = icalendar.Calendar.from_ical(single.body()).walk("VEVENT")
    assert vevent["UID"] == events[PUBLIC_HEARING["title"][1]]["UID"]


def test_news_and_past_event_pages_are_accessible(browser_page, demo_server, assert_accessible):
    page = browser_page
    page.goto(f"{demo_server}/en/news/")
    assert_accessible(page)
    page.get_by_label("Topic").select_option(index=1)
    page.get_by_role("button", name="Show news").click()
    page.wait_for_url(re.compile(r"topic="))
    assert_accessible(page)

    page.goto(f"{demo_server}/en/news/")
    page.get_by_role("link", name=NEWS[0]["title"][1]).click()
    page.wait_for_url(re.compile(r"/en/news/the-office"))
    assert page.locator("article img").get_attribute("alt") == NEWS[0]["image"]["alt"][1]
    assert_accessible(page)

    page.goto(f"{demo_server}/sr-cyrl/dogadjaji/")
    page.get_by_role("link", name=ROUND_TABLE["title"][0]).click()
    page.wait_for_url(re.compile(r"/sr-cyrl/dogadjaji/okrugli-sto"))
    assert page.get_by_role("link", name=ROUND_TABLE["materials"]["title"][0]).count() == 1
    assert_accessible(page)

    page.goto(f"{demo_server}/sr-latn/")
    assert page.locator(".home-section--events").count() == 1
    assert page.locator(".home-section--news").count() == 1
    assert_accessible(page)
