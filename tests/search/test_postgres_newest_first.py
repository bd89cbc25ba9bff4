"""PostgreSQL: a newest-first page is the same whether the date index is walked or the matches sorted."""

import datetime

import pytest

from django.db import connection

from search import postgres
from search.models import SearchEntry
from search.query import SearchRequest, run_search

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the date index is PostgreSQL's")


@pytest.fixture
def dated_entries(db):
    # Twelve entries with the word, dates out of insertion order (and one without a date), four without it.
    dates = [datetime.date(2020 + n % 5, 1 + n, 1) for n in range(11)] + [None]
    SearchEntry.objects.bulk_create(
        [
            SearchEntry(key=f"t:{n}", kind="home.standardpage", date=date, search_title=f"udruzenje {n}")
            for n, date in enumerate(dates)
        ]
        + [SearchEntry(key=f"o:{n}", kind="home.standardpage", search_title="drugo") for n in range(4)]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchentry")  # reltuples, which the choice reads
    return dates


def test_the_date_index_is_walked_only_when_most_entries_match(dated_entries):
    assert postgres.newest_first_order(12) == "date DESC NULLS LAST, id DESC"
    assert postgres.newest_first_order(2) == "(date + 0) DESC NULLS LAST, id DESC"


@pytest.mark.parametrize("share", [0.0, 2.0], ids=["walking the index", "sorting the matches"])
def test_newest_first_pages_list_the_newest_first_either_way(dated_entries, monkeypatch, share):
    monkeypatch.setattr(postgres, "NEWEST_INDEX_SHARE", share)
    outcome = run_search(SearchRequest(q="udruzenje", sort="newest"))

    expected = sorted((date for date in dated_entries if date), reverse=True)[:10]
    assert outcome.total == 12
    assert [result.date for result in outcome.results] == expected
