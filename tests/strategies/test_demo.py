"""The demo strategy: the national strategy 2022–2030 with its measures, built once, in three languages."""

import pytest

from django.utils import translation

from wagtail.models import Locale, Page

from demo.builder import build_demo_site, ensure_locales
from demo.strategies import MEASURES, STRATEGY, build_demo_strategies
from documents.models import RegistryDocument
from strategies.models import (
    DocumentRole,
    Measure,
    MeasureProgress,
    StrategyDocument,
    StrategyIndexPage,
    StrategyPage,
    StrategyStatus,
)


@pytest.fixture
def demo(demo_site) -> StrategyIndexPage:
    """The session's demo site (tests/demo_snapshot.py), built in autocommit as the demo command builds it."""
    return StrategyIndexPage.objects.get(locale__language_code="sr-cyrl")


def strategy() -> StrategyPage:
    return StrategyPage.objects.get(title=STRATEGY["title"][0], locale__language_code="sr-cyrl")


def counts() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Measure.objects.count(),
        MeasureProgress.objects.count(),
        StrategyDocument.objects.count(),
        RegistryDocument.objects.count(),
    )


def test_demo_strategies_are_built_once(demo):
    before = counts()

    build_demo_strategies(build_demo_site(with_sections=False), ensure_locales())

    assert counts() == before


def test_demo_strategy_is_the_adopted_national_strategy_with_six_measures(demo):
    page = strategy()

    assert page.live
    assert (page.start_year, page.end_year, page.status) == (2022, 2030, StrategyStatus.ADOPTED)
    assert page.adopting_body == "Влада Републике Србије"
    assert page.measures.count() == len(MEASURES) == 6
    years = MeasureProgress.objects.filter(measure__strategy=page).values_list("year", flat=True)
    assert sorted(set(years)) == [2023, 2024]


def test_demo_strategy_links_the_strategy_text_from_the_registry(demo):
    links = {link.role: link.document for link in strategy().documents.select_related("document")}

    assert links[DocumentRole.STRATEGY].title.startswith("Стратегија за стварање подстицајног окружења")
    assert links[DocumentRole.ACTION_PLAN].file.name.endswith(".pdf")
    assert links[DocumentRole.REPORT].title.endswith("за 2023. годину")


def test_demo_strategy_and_index_render_in_three_languages(client, demo):
    page = strategy()
    english = page.get_translation(Locale.objects.get(language_code="en"))
    latin = page.get_translation(Locale.objects.get(language_code="sr-latn"))
    with translation.override("en"):
        plan = str(DocumentRole.ACTION_PLAN.label)
    for url, texts in [
        ("/sr-cyrl/strategije/", ["<h1>Стратегије</h1>", STRATEGY["title"][0]]),
        ("/sr-latn/strategije/", ["<h1>Strategije</h1>", "Strategija za stvaranje podsticajnog okruženja"]),
        ("/en/strategies/", ["<h1>Strategies</h1>", STRATEGY["title"][1]]),
        (page.url, ["Обуке за удружења о писању пројеката", "Влада Републике Србије"]),
        (latin.url, ["Obuke za udruženja o pisanju projekata", "Vlada Republike Srbije"]),
        (english.url, ["Training for associations in writing projects", "Government of the Republic of Serbia", plan]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for text in texts:
            assert text in html, (url, text)
    assert english.url == "/en/strategies/strategy-enabling-environment-civil-society/"
