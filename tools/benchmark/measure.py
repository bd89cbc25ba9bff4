"""Timing the queries on one backend: the whole search page, the results alone, and each step."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import postgres
from search.query import PER_PAGE, ModelsearchSearch, PostgresSearch, SearchRequest, _run

from .queries import BenchQuery
from .timing import Timings, timed


@dataclass
class Measurement:
    """The samples of one backend on one corpus."""

    full: Timings = field(default_factory=Timings)  # the whole search page (_run)
    results: Timings = field(default_factory=Timings)  # count and first page only
    by_group: dict[str, Timings] = field(default_factory=dict)
    parts: dict[str, Timings] = field(default_factory=dict)
    sql: list[int] = field(default_factory=list)  # SQL statements per search, one per query
    hits: dict[str, int] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)  # query -> its kind

    def hits_of(self, group: str) -> list[int]:
        return [hits for q, hits in self.hits.items() if self.groups[q] == group]


def searcher(backend, request: SearchRequest):
    """The same way in as the search page: straight SQL on PostgreSQL, modelsearch elsewhere."""
    return (PostgresSearch if postgres.is_available(backend) else ModelsearchSearch)(backend, request)


def results_only(backend, request: SearchRequest):
    """The count and the first page, as _run gets them (no facets, no broadening)."""
    search = searcher(backend, request)
    with search.session():
        total = search.count("and")
        return total, search.page("and", total, 0, PER_PAGE) if total else []


def steps(backend, request: SearchRequest) -> dict[str, Callable[[], object]]:
    """Each step of a search alone, for the breakdown."""
    total = results_only(backend, request)[0]

    def step(call):
        def run():
            search = searcher(backend, request)
            with search.session():
                return call(search)

        return run

    return {
        "count": step(lambda search: search.count("and")),
        "page of 10": step(lambda search: search.page("and", total, 0, PER_PAGE)),
        "facets (all three)": step(lambda search: search.facet_counts("and")),
    }


def _warm_up(backend, requests, measurement: Measurement) -> None:
    """Run each query once (caches, connections, the planner's statistics) and count its SQL."""
    for query, request in requests:
        with CaptureQueriesContext(connection) as captured:
            outcome = _run(backend, request)
        measurement.sql.append(len(captured.captured_queries))
        measurement.hits[query.q] = outcome.total
        results_only(backend, request)


def measure(backend, queries: Sequence[BenchQuery], repeat: int, breakdown: bool) -> Measurement:
    requests = [(query, SearchRequest.from_params({"q": query.q})) for query in queries]
    measurement = Measurement(groups={query.q: query.group for query, _ in requests})
    _warm_up(backend, requests, measurement)
    for _round in range(repeat):
        for query, request in requests:
            seconds, _ = timed(_run, backend, request)
            measurement.full.add(seconds)
            measurement.by_group.setdefault(query.group, Timings()).add(seconds)
            seconds, _ = timed(results_only, backend, request)
            measurement.results.add(seconds)
            if breakdown:
                for name, step in steps(backend, request).items():
                    seconds, _ = timed(step)
                    measurement.parts.setdefault(name, Timings()).add(seconds)
    return measurement
