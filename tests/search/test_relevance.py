"""The judged query set over the demo content reaches recall@5 ≥ 0.9, on the database and on OpenSearch.

One demo build per backend (the `engine` fixture of conftest.py runs the test once on the
database and once on a real OpenSearch node, skipped with its reason when none runs).
"""

import pytest

from home.demo.builder import build_demo_site
from search.relevance import CATEGORIES, CUTOFF, evaluate, load_judgements, recall_at, reciprocal_rank

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


# Autocommit, as in production: search entries are written after each commit.
@pytest.mark.django_db(transaction=True)
def test_judged_queries_find_what_is_expected(transactional_db, engine):
    build_demo_site()
    engine.index_entries()

    report = evaluate("default")

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
