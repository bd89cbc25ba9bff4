"""The strategy index: newest period first, a status filter, pages of results, fixed queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from strategies.listing import PER_PAGE
from strategies.models import StrategyStatus
from tests.strategies.factories import StrategyIndexPageFactory, StrategyPageFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [strategy.title for strategy in response.context["strategies"]]


def test_index_lists_live_strategies_newest_period_first(client, home_page):
    StrategyPageFactory(home=home_page, title="Стара", start_year=2014, end_year=2020)
    StrategyPageFactory(home=home_page, title="Нова", start_year=2022, end_year=2030)
    StrategyPageFactory(home=home_page, title="Краћа нова", start_year=2022, end_year=2026)
    draft = StrategyPageFactory(home=home_page, title="Нацрт")
    draft.unpublish()
    index = StrategyIndexPageFactory(parent=home_page)

    response = client.get(index.url)

    assert titles(response) == ["Нова", "Краћа нова", "Стара"]
    assert response.context["strategies"][0].measure_count == 0


def test_status_filter_shows_only_strategies_with_that_status(client, home_page):
    StrategyPageFactory(home=home_page, title="Усвојена", status=StrategyStatus.ADOPTED)
    StrategyPageFactory(home=home_page, title="Истекла", status=StrategyStatus.EXPIRED, start_year=2010, end_year=2015)
    StrategyPageFactory(home=home_page, title="У припреми", status=StrategyStatus.IN_PREPARATION, adoption_date=None)
    index = StrategyIndexPageFactory(parent=home_page)

    assert titles(client.get(index.url, {"status": "expired"})) == ["Истекла"]
    assert titles(client.get(index.url, {"status": "in_preparation"})) == ["У припреми"]
    html = client.get(index.url, {"status": "expired"}).content.decode()
    assert '<option value="expired" selected>' in html
    assert '<label for="strategy-status">' in html


def test_an_unknown_status_is_ignored_not_an_error(client, home_page):
    StrategyPageFactory(home=home_page, title="Усвојена")
    index = StrategyIndexPageFactory(parent=home_page)

    response = client.get(index.url, {"status": "<script>"})

    assert response.status_code == 200
    assert titles(response) == ["Усвојена"]
    assert "<script>" not in response.content.decode()


def test_index_shows_the_number_of_measures_of_each_strategy(client, home_page):
    StrategyPageFactory(home=home_page, measure_count=4, progress={2023: ["done"], 2024: ["done"]})
    index = StrategyIndexPageFactory(parent=home_page)

    assert client.get(index.url).context["strategies"][0].measure_count == 4


def test_index_runs_a_fixed_number_of_queries_and_pages_long_lists(client, home_page):
    for n in range(3):
        StrategyPageFactory(home=home_page, measure_count=2, start_year=2000 + n)
    index = StrategyIndexPageFactory(parent=home_page)
    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        client.get(index.url)

    for n in range(PER_PAGE):
        StrategyPageFactory(home=home_page, measure_count=3, start_year=2010 + n)
    client.get(index.url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(index.url)

    assert len(few) == len(many) <= 12
    assert len(titles(response)) == PER_PAGE
    assert response.context["strategies"].paginator.num_pages == 2
    assert len(titles(client.get(index.url, {"page": 2}))) == 3


def test_latin_index_lists_the_latin_twins(client, home_page):
    StrategyPageFactory(home=home_page, title="Стратегија за младе")
    StrategyIndexPageFactory(parent=home_page)

    response = client.get("/sr-latn/strategije/")

    assert response.status_code == 200
    assert titles(response) == ["Strategija za mlade"]
