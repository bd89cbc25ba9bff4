"""A visitor finds the strategy, narrows the list by status and reads what was done of each measure."""

import re

import pytest

SLUGS = {"sr-cyrl": "strategije", "sr-latn": "strategije", "en": "strategies"}


@pytest.fixture
def strategies_server(demo_server):
    """The demo site holds the national strategy."""
    return demo_server


def with_strategy_styles(page, server):
    """Check contrast with the app's stylesheet even before base.html links it."""
    if not page.locator('link[href$="css/strategies.css"]').count():
        page.add_style_tag(url=f"{server}/static/css/strategies.css")


@pytest.mark.parametrize("prefix", ["sr-cyrl", "sr-latn"])
def test_visitor_filters_strategies_and_reads_the_measures_table(
    browser_page, strategies_server, assert_accessible, prefix
):
    page = browser_page
    page.goto(f"{strategies_server}/{prefix}/{SLUGS[prefix]}/")
    with_strategy_styles(page, strategies_server)
    assert page.get_by_role("heading", level=1).count() == 1
    assert_accessible(page)

    page.locator("#strategy-status").select_option("adopted")
    page.locator("form.strategy-filter button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?status=adopted$"))
    cards = page.locator(".strategy-card h2 a")
    assert cards.count() == 1

    cards.first.click()
    page.wait_for_url(re.compile(rf"/{prefix}/strategije/strategija-za-stvaranje-"))
    with_strategy_styles(page, strategies_server)
    table = page.get_by_role("table")
    assert table.locator("tbody tr").count() == 6
    headers = table.locator("thead th").all_inner_texts()
    assert [header[-4:] for header in headers[-2:]] == ["2023", "2024"], "one column per reporting year"
    assert page.locator(".progress-bar__segment").count() == 6
    assert_accessible(page)


def test_english_strategy_index_and_strategy_are_accessible(browser_page, strategies_server, assert_accessible):
    page = browser_page
    page.goto(f"{strategies_server}/en/strategies/")
    with_strategy_styles(page, strategies_server)
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("enabling environment")).click()
    page.wait_for_url(re.compile(r"/en/strategies/strategy-enabling-environment-civil-society/$"))
    with_strategy_styles(page, strategies_server)
    assert page.get_by_role("cell", name=re.compile("Done")).count() >= 1
    assert_accessible(page)
