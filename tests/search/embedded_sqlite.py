"""The embedded default (SQLite) answering the demo's queries, whatever database the suite runs on.

CI runs the suite on PostgreSQL, while a fresh clone's `make run` searches on SQLite. This
module runs in a process of its own on a new SQLite file (DATABASE_URL): it migrates it,
loads the search entries of the session's demo (exported by the suite), indexes them with
the SQLite backend, and prints as JSON what the judged queries (tools/relevance.py) and
the visitor queries given on its command line find there.

    python -m tests.search.embedded_sqlite ENTRIES_JSON [QUERY ...]
"""

import json
import sys
from pathlib import Path

from django.utils.html import strip_tags


def index_entries(entries_json: str) -> None:
    from django.core import serializers

    from wagtail.search.backends import get_search_backend

    from search.models import SearchEntry

    SearchEntry.objects.bulk_create(item.object for item in serializers.deserialize("json", entries_json))
    index = get_search_backend("default").get_index_for_model(SearchEntry)
    index.reset()
    index.add_items(SearchEntry, list(SearchEntry.objects.all()))


def judged_report() -> dict:
    from tools.relevance import evaluate

    report = evaluate("default")
    return {
        "label": report.label,
        "titles": report.titles,
        "results": [
            {"query": r.judgement.query, "expected": r.expected, "found": r.found, "broadened": r.broadened}
            for r in report.results
        ],
    }


def visitor_results(queries: list[str]) -> dict[str, list[str]]:
    """The titles (sr-cyrl) each query finds on the search page's first page."""
    from django.utils import translation

    from search.query import SearchRequest, run_search

    found = {}
    with translation.override("sr-cyrl"):
        for query in queries:
            outcome = run_search(SearchRequest.from_params({"q": query}))
            found[query] = [strip_tags(str(result.title)) for result in outcome.results]
    return found


def main(entries_path: str, queries: list[str]) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    assert connection.vendor == "sqlite", connection.vendor
    call_command("migrate", verbosity=0, interactive=False)
    index_entries(Path(entries_path).read_text(encoding="utf-8"))
    answers = {"judged": judged_report(), "found": visitor_results(queries)}
    sys.stdout.write(json.dumps(answers, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
