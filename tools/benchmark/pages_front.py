"""The front of the page benchmark: Varnish in front of the app, nginx serving the home page as a file.

Besides one phase per page through Varnish and one of nginx, the two serve the same home page
in alternating rounds (Varnish, nginx, Varnish, ...): on a shared machine a neighbour's burst
lands in one phase, and the medians of alternating rounds compare the two under the same
conditions. The report's Varnish-to-nginx verdict uses those medians.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from tools.procfile import RunningProcess, free_port
from tools.varnish import VARNISHD, run_varnish

from .pages_cpu import pids_with_argument
from .pages_load import run_load
from .pages_nginx import nginx_available, run_nginx
from .pages_phase import measure, say
from .pages_report import NGINX, VARNISH, PhaseResult

HOME = "/sr-cyrl/"
NGINX_TARGET = {"page": "home", "language": "sr-cyrl", "path": HOME + " (saved as a file)"}


def alternate_rounds(varnish_url: str, nginx_url: str, args) -> list[tuple[float, float]]:
    """(Varnish req/s, nginx req/s) of each round, the two loaded one after the other with the same settings."""
    rounds = []
    for number in range(1, args.rounds + 1):
        varnish = run_load(varnish_url, args.duration, args.concurrency, use_wrk=args.use_wrk)
        nginx = run_load(nginx_url, args.duration, args.concurrency, use_wrk=args.use_wrk)
        rounds.append((varnish.requests_per_second, nginx.requests_per_second))
        say(f"round {number}: Varnish {rounds[-1][0]:,.0f} req/s, nginx {rounds[-1][1]:,.0f} req/s")
    return rounds


def measure_front(web: RunningProcess, targets: list[dict], home_html: bytes, args, notes: list[str]):
    """Varnish rows for every target, the nginx row, and the alternating rounds (where both exist)."""
    results: list[PhaseResult] = []
    rounds: list[tuple[float, float]] = []
    has_varnish = Path(VARNISHD).exists()
    if not has_varnish:
        notes.append(f"Varnish rows left out: {VARNISHD} is not installed")
    if not nginx_available():
        notes.append("nginx row left out: nginx is not installed")
    with contextlib.ExitStack() as running:
        if has_varnish:
            port = free_port()
            varnish_url = running.enter_context(run_varnish(int(web.base_url.rsplit(":", 1)[1]), port))
            serving = lambda: [web.process.pid, *pids_with_argument(f"127.0.0.1:{port}", "varnishd")]  # noqa: E731
            for target in targets:
                results.append(measure(varnish_url + target["path"], VARNISH, target, args, serving, 0))
        if nginx_available():
            nginx_url, nginx_pid = running.enter_context(run_nginx(home_html))
            results.append(measure(nginx_url, NGINX, NGINX_TARGET, args, lambda: [nginx_pid], 0))
            if has_varnish and args.rounds:
                rounds = alternate_rounds(varnish_url + HOME, nginx_url, args)
    return results, rounds
