"""docs/benchmarks/pages.md: how to run the page benchmark, what its columns mean, and the run's table."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from .pages_load import PYTHON_GENERATOR, LoadResult
from .timing import format_table

UNCACHED = "app, cache off"
APP_CACHED = "app, cached"
VARNISH = "Varnish"
NGINX = "nginx, file"
MODES = (UNCACHED, APP_CACHED, VARNISH, NGINX)

# The Done-when bars of issue 13.
VARNISH_SHARE_OF_NGINX = 0.5
CACHED_HIT_CPU_MS = 2.0

INTRODUCTION = """# Page benchmark

`make bench` prepares a scratch SQLite database with the demo content (`migrate`,
`load_demo_content`, the Procfile's `release`), starts the Procfile's `web` process (gunicorn,
production settings) on it and loads each page type in each language for a fixed time, after
four warm-up requests:

- **app, cache off**: the server started with `PAGE_CACHE_SECONDS=0`, every request rendered;
- **app, cached**: the server as deployed (whole-page cache on, local memory: each gunicorn
  worker keeps its own);
- **Varnish**: Debian's `varnishd` with `deploy/varnish/default.vcl` in front of that server
  (`tools/varnish.py`);
- **nginx, file**: nginx (its own configuration, on 127.0.0.1) serving a copy of the Cyrillic
  home page saved from the app as a static file, the ceiling for any cache of that page.

Then Varnish and nginx serve that home page in alternating rounds: a neighbour's burst lands in
one round, and the medians of the rounds are what the Varnish-to-nginx verdict compares. At the
end the files the demo content stored (in `media/`, as `make run` stores them) are deleted.

    make bench                                   # all page types and languages, 3 s a phase
    make bench ARGS="--duration 10 --concurrency 32 --page home --language sr-cyrl --rounds 9"
    .venv/bin/python -m tools.benchmark.pages --help   # every option

It installs `wrk` and `nginx-light` (and `varnish`) from Debian when they are missing. Without wrk
the load comes from a Python generator, which cannot keep Varnish or nginx busy: the report says
so, and their requests per second are then the generator's ceiling. Without varnishd or nginx
those rows are left out.

Numbers on a shared machine move from run to run (another process on the same cores takes
their time): compare rows of one run, never across runs. Server CPU per request moves least.

## Columns

- **cache**: `hit` when the app's page cache (`X-Page-Cache`) or Varnish (`X-Cache`) answered
  any warm-up request from the cache, else what the last one said (`miss`); `-` where neither
  says (cache off, a page the app does not share, nginx).
- **req/s**: successful responses per second over the phase, `concurrency` connections kept busy.
- **p50/p95/p99 ms**: latency percentiles seen by the load generator (queueing included).
- **server CPU ms/req**: user + system CPU time of the serving processes during the phase
  (gunicorn's master and workers; plus varnishd's for Varnish; nginx's for nginx), read from
  `/proc/<pid>/stat`, divided by the requests served.
- **queries**: SQL queries of one warm request, counted in-process (`CaptureQueriesContext`) on the
  same settings: rendered (cache off), and answered from the page cache (cached); 0 for Varnish
  and nginx, which never reach the app on a hit.
- **errors**: connection errors, timeouts and 4xx/5xx answers during the phase.
"""


@dataclass
class PhaseResult:
    page: str
    language: str
    path: str
    mode: str
    load: LoadResult
    cpu_seconds: float | None = None
    queries: int | None = None
    cache: str = "-"  # hit/miss of the app's cache or Varnish on the last warm-up request; "-" for neither

    @property
    def cpu_ms_per_request(self) -> float | None:
        if self.cpu_seconds is None or not self.load.requests:
            return None
        return self.cpu_seconds * 1000 / self.load.requests


@dataclass
class RunContext:
    started: str
    machine: str
    load_before: str
    load_after: str = ""
    duration: float = 3
    concurrency: int = 16
    workers: int = 2
    generator: str = "wrk"
    notes: list[str] = field(default_factory=list)
    rounds: list[tuple[float, float]] = field(default_factory=list)  # (Varnish, nginx) req/s, alternating


def _number(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def result_row(result: PhaseResult) -> list[str]:
    load = result.load
    return [
        result.page,
        result.language,
        result.mode,
        result.cache,
        _number(load.requests_per_second, 0),
        _number(load.p50_ms, 1),
        _number(load.p95_ms, 1),
        _number(load.p99_ms, 1),
        _number(result.cpu_ms_per_request, 2),
        "-" if result.queries is None else str(result.queries),
        str(load.errors),
    ]


RESULT_HEADERS = ["page", "language", "served by", "cache", "req/s", "p50 ms", "p95 ms", "p99 ms", "server CPU ms/req"]
RESULT_HEADERS += ["queries", "errors"]


def _find(results: list[PhaseResult], mode: str, page: str = "home", language: str = "sr-cyrl"):
    return next((r for r in results if r.mode == mode and r.page == page and r.language == language), None)


def _varnish_verdict(results: list[PhaseResult], rounds: list[tuple[float, float]]) -> str:
    if rounds:
        varnish_rps = statistics.median(v for v, _n in rounds)
        nginx_rps = statistics.median(n for _v, n in rounds)
        how = f"medians of {len(rounds)} alternating rounds"
    else:
        varnish, nginx = _find(results, VARNISH), _find(results, NGINX)
        if not (varnish and nginx and nginx.load.requests_per_second):
            return "- Varnish against nginx: not measured in this run (varnishd or nginx missing)."
        varnish_rps, nginx_rps = varnish.load.requests_per_second, nginx.load.requests_per_second
        how = "one phase each"
    share = varnish_rps / nginx_rps
    verdict = "met" if share >= VARNISH_SHARE_OF_NGINX else "NOT met"
    return (
        f"- Through Varnish the cached home page is served at {share:.0%} of the throughput of nginx serving "
        f"the same HTML as a file ({varnish_rps:,.0f} vs {nginx_rps:,.0f} req/s, {how}; "
        f"bar: at least {VARNISH_SHARE_OF_NGINX:.0%}): {verdict}."
    )


def verdicts(results: list[PhaseResult], rounds: list[tuple[float, float]] = ()) -> list[str]:
    """The Done-when bars of issue 13, as measured in this run (or why they could not be)."""
    lines = [_varnish_verdict(results, list(rounds))]
    cached = [r for r in results if r.mode == APP_CACHED and r.cache == "hit" and r.cpu_ms_per_request is not None]
    missed = sorted(
        {f"{r.page} ({r.language})" for r in results if r.mode in (APP_CACHED, VARNISH) and r.cache != "hit"}
    )
    if missed:
        lines.append(
            "- Not answered from a cache (the page is not shareable, or the cache is off): " + ", ".join(missed)
        )
    if cached:
        worst = max(cached, key=lambda r: r.cpu_ms_per_request)
        verdict = "met" if worst.cpu_ms_per_request <= CACHED_HIT_CPU_MS else "NOT met"
        lines.append(
            f"- A hit of the app's page cache costs at most {worst.cpu_ms_per_request:.2f} ms of server CPU "
            f"({worst.page}, {worst.language}; bar: at most {CACHED_HIT_CPU_MS:g} ms): {verdict}."
        )
    return lines


def rounds_table(rounds: list[tuple[float, float]]) -> str:
    rows = [[str(n), f"{v:,.0f}", f"{g:,.0f}", f"{v / g:.2f}" if g else "-"] for n, (v, g) in enumerate(rounds, 1)]
    return format_table(["round", "Varnish req/s", "nginx req/s", "Varnish / nginx"], rows)


def render(context: RunContext, results: list[PhaseResult]) -> str:
    """The whole Markdown document: the introduction, the run's context, the verdicts and the table."""
    run = [
        "## The last run",
        "",
        f"- when: {context.started}; machine: {context.machine}",
        f"- load average (1, 5, 15 min) before: {context.load_before}; after: {context.load_after}",
        f"- each phase {context.duration:g} s with {context.concurrency} connections, load from "
        f"{context.generator}; gunicorn with {context.workers} sync workers, SQLite",
    ]
    if context.generator == PYTHON_GENERATOR:
        run.append(
            "- wrk was not installed: the Python load generator limits the fast rows (Varnish, nginx, "
            "app cached), so their req/s are the generator's ceiling, not the server's"
        )
    run += [f"- {note}" for note in context.notes]
    table = format_table(RESULT_HEADERS, [result_row(result) for result in results])
    parts = [INTRODUCTION, *run, "", *verdicts(results, context.rounds), "", table, ""]
    if context.rounds:
        parts += [
            "The cached home page, Varnish and nginx in alternating rounds:",
            "",
            rounds_table(context.rounds),
            "",
        ]
    return "\n".join(parts)
