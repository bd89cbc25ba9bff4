"""One phase of the page benchmark: warm the URL, read the servers' CPU, load it for a fixed time, read again."""

from __future__ import annotations

import sys
from collections.abc import Callable

from .pages_cpu import process_tree_cpu_seconds
from .pages_load import fetch, run_load
from .pages_report import PhaseResult

WARMUP_REQUESTS = 4  # fills the cache and reaches both gunicorn workers before the clock starts


def say(message: str) -> None:
    sys.stdout.write(f"==> {message}\n")
    sys.stdout.flush()


def cache_state(headers: dict[str, str]) -> str:
    """hit or miss, as the app's page cache (X-Page-Cache) or Varnish (X-Cache) answered the last warm-up request."""
    return (headers.get("x-cache") or headers.get("x-page-cache") or "-").lower()


def warmed_state(states: list[str]) -> str:
    """hit when any warm-up request was answered from a cache, else what the last one said.

    With the default local-memory cache each gunicorn worker has a cache of its own, and which
    worker takes a request is the kernel's choice: the last warm-up may be a worker's first miss.
    """
    return "hit" if "hit" in states else states[-1]


def measure(url: str, mode: str, target: dict, args, cpu_pids: Callable[[], list[int]], queries=None) -> PhaseResult:
    """Load `url` for args.duration s with args.concurrency connections; CPU of the trees of `cpu_pids()`."""
    states = [cache_state(fetch(url)[2]) for _ in range(WARMUP_REQUESTS)]
    pids = cpu_pids()
    cpu_before = process_tree_cpu_seconds(pids)
    load = run_load(url, args.duration, args.concurrency, use_wrk=args.use_wrk)
    cpu = process_tree_cpu_seconds(pids) - cpu_before
    result = PhaseResult(target["page"], target["language"], target["path"], mode, load, cpu, queries)
    result.cache = warmed_state(states)
    say(
        f"{mode:16} {target['page']:18} {target['language']:8} {result.cache:4} "
        f"{load.requests_per_second:9,.0f} req/s p95 {load.p95_ms:8.1f} ms  "
        f"CPU {result.cpu_ms_per_request or 0:7.2f} ms/req  errors {load.errors}"
    )
    return result
