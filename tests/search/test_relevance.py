"""The judged query set over the demo content reaches recall@5 ≥ 0.9 on SQLite, PostgreSQL and OpenSearch.

One demo site for all three: the suite's own database (PostgreSQL under `make test`), SQLite
(the embedded default) in a process of its own, and a real OpenSearch node. The OpenSearch
part is skipped, with its reason, when no node runs; the PostgreSQL part when the suite
itself runs on SQLite (after the others have passed).
"""

import pytest

from django.db import connection

from cso_site.settings.environment import search_backends
from tests.search.conftest import RUN_PREFIX, Engine, opensearch_url
from tools.relevance import (
    CATEGORIES,
    CUTOFF,
    QueryResult,
    Report,
    evaluate,
    load_judgements,
    recall_at,
    reciprocal_rank,
)

MIN_RECALL = 0.9


def test_the_metrics_count_as_defined():
    assert recall_at(["a", "b"], ["x", "a", "y", "z", "w", "b"]) == 0.5
    assert recall_at(["a"], []) == 0.0
    assert reciprocal_rank(["a", "b"], ["x", "b", "a"]) == 0.5
    assert reciprocal_rank(["a"], ["x", "y"]) == 0.0


def test_the_judged_set_covers_every_category():
    judgements = load_judgements()

    assert len(judgements) >= 30
    assert {judgement.category for judgement in judgements} == set(CATEGORIES)


def assert_recall(report) -> None:
    by_category = report.by_category()
    assert all(score.queries for score in by_category.values()), by_category
    table = "\n".join(
        f"{category}: recall@{CUTOFF} {score.recall:.3f}, MRR {score.mrr:.3f}"
        for category, score in by_category.items()
    )
    misses = "\n".join(
        f"{result.judgement.query!r} ({result.judgement.category}): expected "
        + ", ".join(f"{report.titles[key]} at {result.rank_of(key) or '-'}" for key in result.expected)
        for result in report.results
        if result.misses
    )
    assert report.overall.recall >= MIN_RECALL, f"{report.label}\n{table}\nmissed:\n{misses}"


def assert_demo_promotes_the_calls_page(client):
    """The demo's promoted result: the calls page, first, for "konkurs" in any script."""
    html = client.get("/sr-latn/search/", {"q": "konkurs"}).content.decode()
    start = html.index('class="search-promotions"')
    promoted = html[start : html.index("</section>", start)]

    assert 'href="/sr-latn/' in promoted and "Javni konkursi" in promoted
    assert "Svi javni konkursi Grada" in promoted


def embedded_report(answers: dict) -> Report:
    """The SQLite run's answers (tests/search/embedded_sqlite.py) as a report of this process."""
    judgements = {judgement.query: judgement for judgement in load_judgements()}
    judged = answers["judged"]
    results = [
        QueryResult(judgements[item["query"]], item["expected"], item["found"], item["broadened"])
        for item in judged["results"]
    ]
    return Report(backend="default", label=judged["label"], results=results, titles=judged["titles"])


def test_judged_queries_find_what_is_expected_on_sqlite_postgresql_and_opensearch(
    demo_site, embedded_sqlite, settings, client
):
    # The session's demo, built in autocommit (tests/demo_snapshot.py): its search entries were
    # written after each commit, as in production; every backend indexes those same entries.
    database = Engine("database")
    database.index_entries()
    vendor = connection.vendor
    assert_recall(evaluate("default"))
    assert_demo_promotes_the_calls_page(client)

    # SQLite, the embedded default, in a process of its own (it has been working meanwhile).
    sqlite = embedded_report(embedded_sqlite.answers)
    assert sqlite.label == "database (SQLite)"
    assert_recall(sqlite)

    url = opensearch_url()  # skips here, with its reason, when no node runs
    backends = search_backends(f"{url}?index={RUN_PREFIX}")
    backends["default"]["AUTO_UPDATE"] = False
    settings.WAGTAILSEARCH_BACKENDS = backends
    Engine("opensearch").index_entries()
    assert_recall(evaluate("default"))

    if vendor != "postgresql":
        pytest.skip("The PostgreSQL third needs the suite on PostgreSQL (make test sets DATABASE_URL).")


def test_a_new_visitors_words_find_the_documents_on_sqlite(embedded_sqlite):
    """ "друштво" and "strategiji" found nothing on the embedded default before it stemmed."""
    found = embedded_sqlite.answers["found"]
    society = "Стратегија за стварање подстицајног окружења за развој цивилног друштва 2022–2030"

    assert found["друштво"], "the society's documents, found in any script and any form"
    assert found["drustvo"] == found["друштво"] == found["društva"]
    assert society in found["друштво"]
    assert society in found["strategiji"][:5]
    assert "Стратегија за стварање подстицајног окружења за развој цивилног друштва" in found["strategiji"][:5]
