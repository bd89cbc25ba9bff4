"""Relevance you can measure: a judged query set over the demo content, and its metrics.

``relevance_judgements.json`` lists queries with the results a person typing them wants.
Pages are named by their URL path in sr-cyrl and registry documents by their Cyrillic
title, so the set survives a fresh demo load (primary keys do not). At run time the names
are resolved to ``SearchEntry`` keys, each query runs on one search backend exactly as the
search page runs it (``search.query._run``: same normalisation, same broadening to "any
word"), but without the fallback to another backend, and two numbers come out:

* recall@5 – the share of a query's expected results that are among its first five
  results, averaged over the queries;
* MRR – the mean over the queries of 1/rank of the first expected result on the first
  results page (0 when none is there).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.utils import translation

from wagtail.search.backends import get_search_backend

from search.entries import DOCUMENT_KIND
from search.models import SearchEntry
from search.query import SearchRequest, _run

JUDGEMENTS_PATH = Path(__file__).with_name("relevance_judgements.json")
CUTOFF = 5
# Identifiers are in this language; ranking does not depend on the visitor's language.
LANGUAGE = "sr-cyrl"
CATEGORIES = ("cyrillic", "latin", "no-diacritics", "inflected", "english", "inside-file")


class JudgementError(ValueError):
    """The judged set is malformed, or names something the demo content does not have."""


@dataclass(frozen=True)
class Judgement:
    """One judged query: what was typed, and what a person wants to find with it."""

    query: str
    category: str
    pages: tuple[str, ...] = ()  # URL paths in sr-cyrl, e.g. "/sr-cyrl/strategije/"
    documents: tuple[str, ...] = ()  # Cyrillic titles of registry documents
    why: str = ""

    @property
    def targets(self) -> tuple[str, ...]:
        """The expected results as stable identifiers: "page:<path>" and "document:<title>"."""
        return tuple(f"page:{path}" for path in self.pages) + tuple(f"document:{title}" for title in self.documents)


def load_judgements(path: Path = JUDGEMENTS_PATH) -> list[Judgement]:
    """Read and check the judged set; every query needs a known category and an expected result."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    judgements = []
    for number, item in enumerate(raw["queries"], start=1):
        judgement = Judgement(
            query=str(item["query"]).strip(),
            category=str(item["category"]),
            pages=tuple(item.get("pages", ())),
            documents=tuple(item.get("documents", ())),
            why=str(item.get("why", "")),
        )
        if not judgement.query:
            raise JudgementError(f"query #{number} is empty")
        if judgement.category not in CATEGORIES:
            raise JudgementError(f"{judgement.query!r}: unknown category {judgement.category!r}")
        if not judgement.targets or len(set(judgement.targets)) != len(judgement.targets):
            raise JudgementError(f"{judgement.query!r}: expected results must be given, each once")
        if any(not path.startswith(f"/{LANGUAGE}/") for path in judgement.pages):
            raise JudgementError(f"{judgement.query!r}: page paths must start with /{LANGUAGE}/")
        judgements.append(judgement)
    queries = [judgement.query for judgement in judgements]
    if len(set(queries)) != len(queries):
        raise JudgementError("a query is judged twice")
    return judgements


def _path(url: str) -> str:
    return urlsplit(url or "").path


@dataclass(frozen=True)
class Catalogue:
    """The current entries, addressable by stable identifier and by result URL."""

    by_target: dict[str, str]  # "page:<path>" / "document:<title>" -> entry key
    by_url: dict[str, str]  # URL path in LANGUAGE -> entry key
    titles: dict[str, str]  # entry key -> title in LANGUAGE, for reports
    ambiguous: frozenset[str] = frozenset()  # identifiers that more than one entry answers to

    @classmethod
    def from_entries(cls, entries: Iterable[SearchEntry]) -> Catalogue:
        by_target: dict[str, str] = {}
        by_url: dict[str, str] = {}
        titles: dict[str, str] = {}
        ambiguous: set[str] = set()
        for entry in entries:
            path = _path(entry.urls.get(LANGUAGE, ""))
            title = entry.titles.get(LANGUAGE, "")
            target = f"document:{title}" if entry.kind == DOCUMENT_KIND else f"page:{path}"
            if target in by_target:
                ambiguous.add(target)  # two documents with one title
            by_target[target] = entry.key
            by_url[path] = entry.key
            titles[entry.key] = title
        return cls(by_target, by_url, titles, frozenset(ambiguous))

    def resolve(self, judgements: Sequence[Judgement]) -> dict[str, str]:
        """Identifier -> entry key for every expected result; all unknown ones are named at once."""
        wanted = {target for judgement in judgements for target in judgement.targets}
        missing = sorted(wanted - self.by_target.keys())
        if missing:
            raise JudgementError("not in the search entries (is the demo loaded?): " + "; ".join(missing))
        unclear = sorted(wanted & self.ambiguous)
        if unclear:
            raise JudgementError("more than one search entry answers to: " + "; ".join(unclear))
        return {target: self.by_target[target] for target in wanted}


def recall_at(expected: Sequence[str], found: Sequence[str], cutoff: int = CUTOFF) -> float:
    """Share of the expected keys among the first `cutoff` found keys."""
    top = set(found[:cutoff])
    return sum(1 for key in expected if key in top) / len(expected) if expected else 0.0


def reciprocal_rank(expected: Sequence[str], found: Sequence[str]) -> float:
    """1/rank of the first expected key among the found keys; 0 when none was found."""
    wanted = set(expected)
    return next((1 / rank for rank, key in enumerate(found, start=1) if key in wanted), 0.0)


@dataclass
class QueryResult:
    """What one backend answered to one judged query."""

    judgement: Judgement
    expected: list[str]  # entry keys, in the judged order
    found: list[str]  # entry keys of the first results page, best first
    broadened: bool = False

    @property
    def recall(self) -> float:
        return recall_at(self.expected, self.found)

    @property
    def reciprocal_rank(self) -> float:
        return reciprocal_rank(self.expected, self.found)

    def rank_of(self, key: str) -> int | None:
        return self.found.index(key) + 1 if key in self.found else None

    @property
    def misses(self) -> list[str]:
        """Expected keys that are not in the first CUTOFF results."""
        return [key for key in self.expected if key not in self.found[:CUTOFF]]


@dataclass
class Score:
    queries: int
    recall: float
    mrr: float


def score(results: Sequence[QueryResult]) -> Score:
    if not results:
        return Score(0, 0.0, 0.0)
    return Score(
        queries=len(results),
        recall=sum(result.recall for result in results) / len(results),
        mrr=sum(result.reciprocal_rank for result in results) / len(results),
    )


@dataclass
class Report:
    """The judged set's results on one backend."""

    backend: str  # the WAGTAILSEARCH_BACKENDS key
    label: str  # what it is, e.g. "database (PostgreSQL)", "opensearch"
    results: list[QueryResult] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)

    @property
    def overall(self) -> Score:
        return score(self.results)

    def by_category(self) -> dict[str, Score]:
        return {
            category: score([result for result in self.results if result.judgement.category == category])
            for category in CATEGORIES
        }


def describe_backend(name: str) -> str:
    """A readable name for a configured backend: which engine, and for the database which vendor."""
    config = settings.WAGTAILSEARCH_BACKENDS[name]
    path = config.get("BACKEND", "")
    if path.startswith(("search.database", "wagtail.search.backends.database", "modelsearch.backends.database")):
        vendor = {"postgresql": "PostgreSQL", "sqlite": "SQLite", "mysql": "MySQL"}.get(
            connection.vendor, connection.vendor
        )
        return f"database ({vendor})"
    for engine in ("opensearch", "elasticsearch"):
        if engine in path.lower():
            urls = ", ".join(config.get("URLS", []))
            return f"{engine} ({urls}, index prefix {config.get('INDEX_PREFIX', '')!r})" if urls else engine
    return path


def evaluate(name: str, judgements: Sequence[Judgement] | None = None) -> Report:
    """Run every judged query on backend `name` (no fallback) and collect the results.

    Raises ``search.backends.EngineUnavailableError`` if an engine does not answer, and
    ``JudgementError`` if an expected result is not in the search entries.
    """
    judgements = list(judgements if judgements is not None else load_judgements())
    catalogue = Catalogue.from_entries(SearchEntry.objects.only("key", "kind", "titles", "urls"))
    keys = catalogue.resolve(judgements)
    backend = get_search_backend(name)
    report = Report(backend=name, label=describe_backend(name), titles=catalogue.titles)
    with translation.override(LANGUAGE):
        for judgement in judgements:
            outcome = _run(backend, SearchRequest.from_params({"q": judgement.query}))
            found = [catalogue.by_url.get(_path(result.url), f"?{result.url}") for result in outcome.results]
            report.results.append(
                QueryResult(
                    judgement=judgement,
                    expected=[keys[target] for target in judgement.targets],
                    found=found,
                    broadened=outcome.broadened,
                )
            )
    return report
