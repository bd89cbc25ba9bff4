"""What the issue asks of search, on the database backend and on a real OpenSearch node."""

import pytest

from django.utils import translation

from search.entries import DOCUMENT_KIND
from search.query import SearchRequest, autocomplete, run_search
from tests.module_rows import home_page_of_the_module


@pytest.fixture(autouse=True)
def cyrillic_by_default():
    """Expected URLs (page.url) follow the active language: make it the site's default, whatever
    an earlier test in the same thread left active."""
    with translation.override("sr-cyrl"):
        yield


home_page = home_page_of_the_module()


def search(language="sr-cyrl", **params):
    with translation.override(language):
        return run_search(SearchRequest.from_params(params))


def urls(outcome):
    return [result.url for result in outcome.results]


def test_cyrillic_latin_and_accented_queries_find_the_same(archive):
    answers = [urls(search(q=q)) for q in ["zakon", "закон", "zakón", "ZAKON", "Закон"]]

    assert answers[0], "the law page and the PDF that mentions a law must be found"
    assert all(answer == answers[0] for answer in answers)
    assert archive["law_page"].url in answers[0]


def test_latin_without_diacritics_finds_cyrillic_text(archive):
    found = urls(search(q="drustvo"))

    assert archive["society_page"].url in found


def test_an_inflected_form_finds_the_page_with_another_form(archive):
    found = urls(search(q="стратегије"))

    assert archive["strategy_page"].url in found, "the page says only 'стратегија'"


def test_a_word_only_inside_a_pdf_finds_the_document(archive):
    for query in ["кварцитни", "kvarcitni"]:
        outcome = search(q=query)

        assert [result.kind for result in outcome.results] == [DOCUMENT_KIND]
        assert outcome.results[0].url == archive["pdf"].get_absolute_url()
        assert "<mark>кварцитни</mark>" in str(outcome.results[0].snippet)


def test_results_link_to_the_visitors_language(archive):
    latin = search(language="sr-latn", q="закон")
    law = next(result for result in latin.results if "o udruženjima" in str(result.title))

    assert law.url.startswith("/sr-latn/")
    assert "<mark>Zakon</mark>" in str(law.title)


def test_facets_count_and_narrow(archive):
    outcome = search(q="стратегија")
    kinds = {option.value: option.count for option in outcome.facets["kind"]}
    years = {option.value: option.count for option in outcome.facets["year"]}
    types = {option.value: option.count for option in outcome.facets["type"]}

    assert kinds == {"home.standardpage": 1, DOCUMENT_KIND: 1}
    assert years == {"2023": 1, "2022": 1}
    assert types == {str(archive["strategy_type"].pk): 1}

    documents_only = search(q="стратегија", kind=DOCUMENT_KIND)
    assert documents_only.total == 1
    assert urls(documents_only) == [archive["strategy_document"].get_absolute_url()]
    assert search(q="стратегија", year="2023").total == 1
    assert search(q="стратегија", type=str(archive["strategy_type"].pk)).total == 1


def test_sort_by_date_puts_the_newest_first(archive):
    outcome = search(q="zakon", sort="newest")
    dates = [result.date for result in outcome.results]

    assert len(dates) == 2
    assert dates == sorted(dates, reverse=True)


def test_all_words_first_then_some_of_them(archive):
    both = search(q="закон удружењима")
    assert both.total == 1 and not both.broadened

    either = search(q="удружењима квазиреч")
    assert either.total == 1 and either.broadened


def test_pagination_slices_in_the_engine(archive, home_page, engine):
    from tests.search.conftest import page

    for number in range(12):
        page(home_page, f"Обавештење {number}", intro="Обавештење о јавном позиву.")
    engine.index_entries()

    first, second = search(q="обавештење"), search(q="обавештење", page="2")

    assert first.total == second.total == 12
    assert len(first.results) == 10 and len(second.results) == 2
    assert not set(urls(first)) & set(urls(second))


def test_autocomplete_suggests_titles_as_typed(archive):
    with translation.override("sr-latn"):
        suggestions, _fallback = autocomplete("civil")

    assert "Civilno društvo u Novom Sadu" in [item["title"] for item in suggestions]


@pytest.mark.parametrize("query", ["", "   ", "\x00", "***", "—"])
def test_an_empty_query_is_no_search(home_page, engine, query):
    assert search(q=query).total == 0
