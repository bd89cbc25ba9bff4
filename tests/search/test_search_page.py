"""The search page as a visitor and an editor meet it: limits, notices, escaping, reports."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import UnansweredQuery
from search.query import MAX_QUERY_LENGTH
from tests.module_rows import home_page_of_the_module, once_per_module
from tests.search.conftest import page


def build_site(home_page):
    page(home_page, "Јавни конкурс за удружења", intro="Конкурс за финансирање програма удружења.")
    page(
        home_page,
        "Контакт",
        intro="Пишите на kancelarija.test@example.org или позовите 021 487 1234 за питања о конкурсу.",
    )
    return home_page


@once_per_module
def site(module_rows):
    return build_site(module_rows.home_page())


home_page = home_page_of_the_module()


# The database backend's own index and ranking limit are PostgreSQL's; on SQLite the same search
# runs on SQLite's full-text search (tests/search/test_finding.py covers both).
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's search index: this run is on SQLite"
)


def get(client, language="sr-cyrl", **params):
    return client.get(f"/{language}/search/", params)


def test_results_show_counts_highlights_and_facets(client, site):
    response = get(client, q="konkurs")
    html = response.content.decode()

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "2 резултата" in html or "2 results" in html
    assert "<mark>Конкурс</mark>" in html
    assert 'aria-label="Сузите резултате"' in html or "search-facets" in html


def test_contact_details_in_page_text_are_not_shown_in_snippets(client, site):
    html = get(client, q="kontakt").content.decode()

    assert "kancelarija.test@example.org" not in html
    assert "487 1234" not in html


def test_the_query_is_escaped_never_rendered_as_html(client, site):
    html = get(client, q='<script>alert("x")</script> konkurs').content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_a_long_query_is_cut_with_a_notice(client, site):
    response = get(client, q="konkurs " + "a" * (MAX_QUERY_LENGTH * 3))
    html = response.content.decode()

    assert response.status_code == 200
    assert f"{MAX_QUERY_LENGTH}" in html
    assert 'class="notice"' in html


def test_no_results_page_suggests_a_spelling_and_records_the_query(client, site):
    html = get(client, q="konkurz").content.decode()

    assert "?q=%D0%BA%D0%BE%D0%BD%D0%BA%D1%83%D1%80%D1%81" in html, "the vocabulary has конкурс, suggested in Cyrillic"
    assert UnansweredQuery.objects.get(query="konkurz").hits == 1
    get(client, q="КОНКУРЗ")
    assert UnansweredQuery.objects.get(query="konkurz").hits == 2


def test_no_personal_data_is_kept_from_unanswered_queries(client, site):
    get(client, q="pera.peric@example.com 064 123 4567 xyzzy")

    assert list(UnansweredQuery.objects.values_list("query", flat=True)) == ["xyzzy"]


def test_promoted_results_match_in_any_script(client, site, home_page):
    target = page(home_page, "Упутство за пријаву", intro="Како се пријавити.")
    query = Query.objects.create(query_string="пријава")
    SearchPromotion.objects.create(query=query, page=target, description="Почните овде.", sort_order=0)

    html = get(client, language="sr-latn", q="Prijava").content.decode()

    assert "search-promotions" in html
    assert "Uputstvo za prijavu" in html


def test_the_query_count_does_not_grow_with_the_results(client, home_page, settings):
    for number in range(3):
        page(home_page, f"Вест број {number}", intro="Обавештење за удружења.")
    # A search for another word first fills what every page shares (menus, footer), as any
    # earlier visitor would: what is counted is the search itself.
    get(client, q="udruzenja")
    with CaptureQueriesContext(connection) as few:
        get(client, q="obavestenje")
    for number in range(3, 15):
        page(home_page, f"Вест број {number}", intro="Обавештење за удружења.")
    get(client, q="udruzenja")
    with CaptureQueriesContext(connection) as many:
        get(client, q="obavestenje")

    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]
    assert len(many) <= 10, [query["sql"] for query in many.captured_queries]


def test_suggestions_are_json_titles_in_the_visitors_script(client, site):
    data = client.get("/sr-latn/search/suggest/", {"q": "javn"}).json()

    assert [item["title"] for item in data["results"]] == ["Javni konkurs za udruženja"]
    assert data["results"][0]["url"].startswith("/sr-latn/")


def test_editors_see_the_searches_without_results(admin_client, client, site):
    for _ in range(3):
        get(client, q="stipendije")
    get(client, q="volonteri")

    html = admin_client.get("/admin/reports/searches-without-results/").content.decode()

    assert "stipendije" in html and "volonteri" in html
    assert html.index("stipendije") < html.index("volonteri")


def test_anonymous_visitors_cannot_open_the_report(client):
    assert client.get("/admin/reports/searches-without-results/").status_code == 302


queries = st.one_of(
    st.text(max_size=600),
    st.text(alphabet=st.sampled_from("\"'()*&|!~^:-+<>\\/%_\x00\x1b\u200b\ufeff AND OR NOT закон"), max_size=80),
    st.from_regex(r'[\w"()*~^-]{1,40}( (AND|OR|NOT|[-+]?"?\w+"?\*?))*', fullmatch=True),
)


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=queries, page_number=st.one_of(st.none(), st.text(max_size=12), st.integers(-5, 10**12).map(str)))
def test_no_input_breaks_the_page(client, site, q, page_number):
    params = {"q": q} if page_number is None else {"q": q, "page": page_number, "year": page_number}
    response = client.get("/sr-latn/search/", params)

    assert response.status_code == 200
    assert client.get("/sr-latn/search/suggest/", {"q": q}).status_code == 200


def test_did_you_mean_is_written_in_the_readers_script(client, site):
    latin = client.get("/sr-latn/search/", {"q": "konkurz"}).content.decode()

    assert "?q=konkurs" in latin and ">konkurs</a>" in latin


def test_answers_are_cached_until_the_content_changes(client, site, home_page):
    get(client, q="konkurs")
    with CaptureQueriesContext(connection) as again:
        get(client, q="konkurs")

    assert not [query for query in again if "indexentry" in query["sql"] or "searchentry" in query["sql"]]

    page(home_page, "Нови конкурс", intro="Још један конкурс.")

    assert "Нови <mark>конкурс</mark>" in get(client, q="konkurs").content.decode()


@postgresql_only
def test_postgresql_answers_from_the_entries_own_index(client, site):
    with CaptureQueriesContext(connection) as queries:
        get(client, q="konkurs")
    searches = [query["sql"] for query in queries if "search_vector @@" in query["sql"]]

    assert len(searches) == 3, "a count that stops after 1,000, the count with the three facets, then one page"
    assert not [query for query in queries if "wagtailsearch_indexentry" in query["sql"]]


@postgresql_only
def test_too_many_matches_to_rank_are_listed_newest_first_with_a_notice(client, site, monkeypatch):
    monkeypatch.setattr("search.postgres.RANK_LIMIT", 1)

    html = get(client, language="en", q="konkurs").content.decode()

    assert "listed newest first" in html
    assert "2 results" in html
