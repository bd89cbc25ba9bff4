"""Timing a call, percentiles of the samples, and the Markdown tables of the report."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (share in 0-1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else 0.0


@dataclass
class Timings:
    samples: list[float] = field(default_factory=list)  # seconds

    def add(self, seconds: float) -> None:
        self.samples.append(seconds)

    def summary(self) -> dict[str, float]:
        ms = [value * 1000 for value in self.samples]
        return {
            "p50": percentile(ms, 0.50),
            "p95": percentile(ms, 0.95),
            "max": max(ms, default=0.0),
            "mean": statistics.fmean(ms) if ms else 0.0,
            "n": len(ms),
        }


def timed(function: Callable, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - start, value


def format_table(headers: list[str], rows: list[list]) -> str:
    """A plain-text table that is also Markdown; columns of numbers are aligned right."""
    cells = [[str(cell) for cell in headers]] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    right = {
        i
        for i in range(len(headers))
        if rows and all(str(row[i])[:1].isdigit() or str(row[i]) in {"", "-"} for row in rows)
    }

    def line(row):
        padded = (c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True)))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(cells[0]), rule, *(line(row) for row in cells[1:])])
