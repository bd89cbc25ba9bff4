"""PostgreSQL: more matches than are counted or ranked are listed newest first, the same page however found."""

import datetime

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import postgres
from search.query import SearchRequest, run_search

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the capped count is PostgreSQL's")


@pytest.fixture
def few_to_count(monkeypatch):
    """Count and rank at most 5 matches; look for the newest matches among the newest 12, then 20 entries."""
    monkeypatch.setattr(postgres, "EXACT_LIMIT", 5)
    monkeypatch.setattr(postgres, "RANK_LIMIT", 5)
    monkeypatch.setattr(postgres, "NEWEST_WINDOWS", (12, 20))
    cache.clear()  # the windows' dates and the index's facet values are cached until the content changes


def entries(*groups):
    """(word, dates) groups as search entries, in insertion order unlike date order."""
    from search.models import SearchEntry

    SearchEntry.objects.bulk_create(
        [
            SearchEntry(key=f"{word}:{n}", kind="home.standardpage", date=date, year=date and date.year,
                        search_title=f"{word} {n}")
            for word, dates in groups
            for n, date in enumerate(dates)
        ]
    )  # fmt: skip


def newest(dates, count=10):
    return sorted((date for date in dates if date), reverse=True)[:count]


SPREAD = [datetime.date(2015 + n % 11, 1 + n % 12, 1 + n) for n in range(24)] + [None]


def test_a_word_in_many_entries_is_listed_newest_first_page_after_page(db, few_to_count):
    entries(("udruzenje", SPREAD))
    ordered = newest(SPREAD, count=30) + [None]

    with CaptureQueriesContext(connection) as queries:
        pages = [run_search(SearchRequest(q="udruzenje", page=number)) for number in (1, 2, 3)]

    assert [result.date for outcome in pages for result in outcome.results] == ordered
    page_queries = [query["sql"] for query in queries if query["sql"].startswith("SELECT id FROM")]
    assert "date >=" in page_queries[0], "the first page came from the newest 12 entries, not the whole table"
    assert all(not outcome.total_is_exact and outcome.more_than == 5 for outcome in pages)
    assert all(outcome.newest_first_because_many for outcome in pages)


def test_a_word_found_only_in_old_entries_widens_the_window_until_the_page_is_full(db, few_to_count):
    old = [datetime.date(2012, 1, 1 + n) for n in range(12)]
    entries(("arhiva", old), ("novo", [datetime.date(2026, 1, 1 + n) for n in range(10)]))

    outcome = run_search(SearchRequest(q="arhiva"))

    assert [result.date for result in outcome.results] == newest(old)


def test_facets_over_too_many_matches_offer_every_value_without_counts(db, few_to_count):
    entries(("udruzenje", SPREAD), ("drugo", [datetime.date(2009, 5, 5)]))

    outcome = run_search(SearchRequest(q="udruzenje"))

    years = {option.value: option.count for option in outcome.facets["year"]}
    assert set(years) == {str(date.year) for date in SPREAD if date} | {"2009"}
    assert set(years.values()) == {None}


def test_a_filter_that_leaves_few_matches_counts_them_exactly(db, few_to_count):
    entries(("udruzenje", SPREAD))

    outcome = run_search(SearchRequest(q="udruzenje", year=2016))

    assert outcome.total_is_exact
    assert outcome.total == sum(1 for date in SPREAD if date and date.year == 2016)


def test_up_to_the_limit_the_count_and_facets_are_exact(db, few_to_count):
    entries(("udruzenje", SPREAD[:5]))

    outcome = run_search(SearchRequest(q="udruzenje"))

    assert outcome.total_is_exact and outcome.total == 5
    assert sum(option.count for option in outcome.facets["year"]) == 5


def test_the_page_says_more_than_the_limit_and_shows_no_counts(client, db, few_to_count):
    entries(("udruzenje", SPREAD))

    html = client.get("/en/search/", {"q": "udruzenje"}).content.decode()

    assert "More than 5 results" in html
    assert 'class="count"' not in html
