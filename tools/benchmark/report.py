"""The benchmark's report: one row per corpus size and backend in four Markdown tables."""

from __future__ import annotations

from dataclasses import dataclass, field

from .measure import Measurement
from .timing import format_table

LATENCY_MEASURES = (("full", "full search page (_run)"), ("results", "results only (search+count)"))


def _optional_seconds(seconds: float | None) -> str:
    return f"{seconds:.1f}" if seconds is not None else "-"


@dataclass
class Report:
    indexing: list[list] = field(default_factory=list)
    latency: list[list] = field(default_factory=list)
    groups: list[list] = field(default_factory=list)
    parts: list[list] = field(default_factory=list)

    def add_indexing(self, size, label, count, generated, inserted, seconds) -> None:
        self.indexing.append(
            [
                f"{size:,}",
                label,
                f"{count:,}",
                _optional_seconds(generated),
                _optional_seconds(inserted),
                f"{seconds:.1f}",
                f"{count / seconds:,.0f}",
            ]
        )

    def add_measurement(self, size, label, measurement: Measurement) -> None:
        sql = measurement.sql
        for name, description in LATENCY_MEASURES:
            s = getattr(measurement, name).summary()
            statements = f"{sum(sql) / len(sql):.1f} ({min(sql)}-{max(sql)})" if name == "full" else ""
            self.latency.append([f"{size:,}", label, description, *self._spread(s), f"{s['mean']:.1f}", statements])
        for group, timings in measurement.by_group.items():
            hits = measurement.hits_of(group)
            self.groups.append(
                [f"{size:,}", label, group, f"{min(hits):,}-{max(hits):,}", *self._spread(timings.summary())]
            )
        for name, timings in measurement.parts.items():
            self.parts.append([f"{size:,}", label, name, *self._spread(timings.summary())])

    @staticmethod
    def _spread(summary: dict[str, float]) -> list[str]:
        return [f"{summary['p50']:.1f}", f"{summary['p95']:.1f}", f"{summary['max']:.1f}"]

    def write(self, write) -> None:
        """Write the tables with ``write`` (a command's stdout.write), each after its caption."""

        def table(headers, rows):
            write(format_table(headers, rows))
            write("")

        if self.indexing:
            write(
                "Indexing: generating the corpus, inserting it (bulk_create; on PostgreSQL with the generated\n"
                "search vectors and their GIN index), then an update_index-style rebuild of SearchEntry on each\n"
                "backend in chunks of 1,000 (docs/s is for that rebuild)"
            )
            table(["corpus", "backend", "indexed", "generate s", "insert s", "index s", "docs/s"], self.indexing)
        write("Query latency, ms (each query once to warm up, then every query in turn, repeated)")
        table(["corpus", "backend", "measure", "p50", "p95", "max", "mean", "SQL/search"], self.latency)
        write("Full search page by kind of query, ms")
        table(["corpus", "backend", "queries", "hits", "p50", "p95", "max"], self.groups)
        if self.parts:
            write("Each step alone (AND query, no filters), ms")
            table(["corpus", "backend", "step", "p50", "p95", "max"], self.parts)
