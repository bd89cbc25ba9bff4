"""The site search finds organisations by name (either script) and by registration number, on every backend."""

import pytest

from django.utils import translation

from search.query import SearchRequest, run_search
from tests.factories import publish
from tests.organisations.factories import NUMBER, award, call_with_results
from tests.search.conftest import delete_test_indexes, engine  # noqa: F401  (the backends under test)

pytestmark = pytest.mark.django_db

ORGANISATION_URL = f"/sr-cyrl/organisations/{NUMBER}/"


def search(q: str, language: str = "sr-cyrl"):
    with translation.override(language):
        return run_search(SearchRequest.from_params({"q": q}))


def test_site_search_finds_an_organisation_by_name_and_by_number(home_page, engine):  # noqa: F811
    home = publish(home_page)
    call_with_results(home, [award("Удружење „Стари мост“"), award("Удружење „Мост“")], years_ago=1)
    call_with_results(home, [award("Еколошки покрет „Мост“")])
    engine.index_entries()

    for query in ("Еколошки покрет", "ekoloski pokret", NUMBER, "стари мост"):
        found = [result for result in search(query).results if result.kind == "organisations.organisation"]
        assert [result.url for result in found] == [ORGANISATION_URL], query
        assert found[0].kind_label == "Организације"

    latin = [result for result in search("ekoloski", "sr-latn").results if result.kind == "organisations.organisation"]
    assert latin[0].url == f"/sr-latn/organisations/{NUMBER}/"
    assert str(latin[0].title) == "<mark>Ekološki</mark> pokret „Most“"
