"""Load for one phase of the page benchmark: wrk when installed, a Python generator otherwise.

wrk (Debian package `wrk`, C, event loop) keeps a cache like Varnish or nginx busy with little CPU
of its own, so their throughput is theirs, not the generator's. The Python generator (threads and
http.client) is the fallback where wrk is missing; the report then says its throughput figures
for the fast servers are the generator's ceiling, not the server's.
"""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass

from .timing import percentile

WRK_GENERATOR = "wrk"
PYTHON_GENERATOR = "python"

# wrk's done() hook prints one line with what the summary lacks: p95 and a count of every error.
WRK_REPORT_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d duration_us=%d errors=%d p50_us=%d p95_us=%d p99_us=%d\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""
WRK_REPORT_LINE = re.compile(r"^BENCH (?P<fields>.*)$", re.MULTILINE)


@dataclass
class LoadResult:
    requests: int
    seconds: float
    errors: int  # connection errors, timeouts and non-2xx/3xx answers
    p50_ms: float
    p95_ms: float
    p99_ms: float
    generator: str

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def parse_wrk_report(output: str) -> LoadResult:
    """The LoadResult in the BENCH line that WRK_REPORT_SCRIPT makes wrk print."""
    match = WRK_REPORT_LINE.search(output)
    if not match:
        raise ValueError(f"wrk printed no BENCH line:\n{output}")
    fields = dict(pair.split("=", 1) for pair in match["fields"].split())
    return LoadResult(
        requests=int(fields["requests"]),
        seconds=int(fields["duration_us"]) / 1e6,
        errors=int(fields["errors"]),
        p50_ms=int(fields["p50_us"]) / 1000,
        p95_ms=int(fields["p95_us"]) / 1000,
        p99_ms=int(fields["p99_us"]) / 1000,
        generator=WRK_GENERATOR,
    )


def run_wrk(url: str, seconds: float, concurrency: int, threads: int = 2) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="bench-") as script:
        script.write(WRK_REPORT_SCRIPT)
        script.flush()
        command = [
            "wrk",
            f"--threads={min(threads, concurrency)}",
            f"--connections={concurrency}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=10s",
            f"--script={script.name}",
            url,
        ]
        completed = subprocess.run(  # noqa: S603  (wrk with arguments built here)
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        )
    return parse_wrk_report(completed.stdout)


def run_python_load(url: str, seconds: float, concurrency: int) -> LoadResult:
    """Closed loop: `concurrency` threads, each sending GET after GET on a kept-alive connection."""
    parts = urllib.parse.urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        connection = None
        mine, failed = [], 0
        while time.monotonic() < deadline:
            connection = connection or http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            start = time.perf_counter()
            try:
                connection.request("GET", target)
                response = connection.getresponse()
                response.read()
                failed += response.status >= 400
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException):
                failed += 1
                connection = None
                continue
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    workers = [threading.Thread(target=client) for _ in range(concurrency)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    ms = [value * 1000 for value in latencies]
    return LoadResult(
        requests=len(ms),
        seconds=elapsed,
        errors=errors[0],
        p50_ms=percentile(ms, 0.50),
        p95_ms=percentile(ms, 0.95),
        p99_ms=percentile(ms, 0.99),
        generator=PYTHON_GENERATOR,
    )


def run_load(url: str, seconds: float, concurrency: int, use_wrk: bool) -> LoadResult:
    return run_wrk(url, seconds, concurrency) if use_wrk else run_python_load(url, seconds, concurrency)


def fetch(url: str) -> tuple[int, bytes, dict[str, str]]:
    """One GET outside the measurement (warming a cache, saving the page for nginx): status, body, headers."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        return response.status, response.read(), {name.lower(): value for name, value in response.getheaders()}
    finally:
        connection.close()
