"""`make bench`: the page benchmark, end to end (see docs/benchmarks/pages.md, which it writes).

    python -m tools.benchmark.pages [--duration 3] [--concurrency 16] [--page home] [--language sr-cyrl]

A scratch SQLite database in a temporary directory gets the demo content; the Procfile's web
process serves it with production settings, first with the page cache off, then as deployed
with Varnish in front; nginx serves a saved copy of the home page. Every phase runs for a fixed
time; server CPU comes from /proc, queries from an in-process count on the same settings.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.procfile import PROJECT, free_port, procfile_command, procfile_process, production_env

from .pages_front import HOME, measure_front
from .pages_kinds import LANGUAGES, PAGE_TYPES
from .pages_load import PYTHON_GENERATOR, WRK_GENERATOR, fetch, wrk_available
from .pages_phase import measure, say
from .pages_report import APP_CACHED, MODES, UNCACHED, PhaseResult, RunContext, render

OUTPUT = PROJECT / "docs" / "benchmarks" / "pages.md"
CACHED_SECONDS = "300"  # the production default of PAGE_CACHE_SECONDS


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=3, help="Seconds of load per phase (default 3).")
    parser.add_argument("--concurrency", type=int, default=16, help="Connections kept busy (default 16).")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers, WEB_CONCURRENCY (default 2).")
    parser.add_argument("--page", action="append", choices=PAGE_TYPES, help="Page type (repeatable; default all).")
    parser.add_argument("--language", action="append", choices=LANGUAGES, help="Language (repeatable; default all).")
    parser.add_argument(
        "--rounds", type=int, default=5, help="Alternating Varnish/nginx rounds on the home page (default 5)."
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"Report file (default {OUTPUT}).")
    parser.add_argument("--python-load", action="store_true", help="Use the Python load generator even if wrk exists.")
    return parser.parse_args(argv)


def manage(env: dict[str, str], log: Path, *arguments: str) -> str:
    """Run manage.py with `env`; its stderr (and stdout unless captured for the caller) go to `log`."""
    with log.open("ab") as log_file:
        completed = subprocess.run(  # noqa: S603  (this interpreter, manage.py and our own arguments)
            [sys.executable, "manage.py", *arguments], cwd=PROJECT, env=env, stdout=subprocess.PIPE, stderr=log_file
        )
    if completed.returncode:
        raise RuntimeError(f"manage.py {' '.join(arguments)} failed; see {log}")
    return completed.stdout.decode()


def prepare_database(env: dict[str, str], log: Path) -> None:
    """Migrate, load the demo content, then run the Procfile's release step (search entries and index)."""
    say("scratch database: migrate, load_demo_content, the Procfile's release")
    manage(env, log, "migrate", "--noinput", "-v0")
    manage(env, log, "load_demo_content")
    release_env = dict(env, PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]))
    with log.open("ab") as log_file:
        subprocess.run(  # noqa: S603  (the Procfile's own command line, as a platform runs it)
            ["/bin/bash", "-c", procfile_command("release")],
            cwd=PROJECT,
            env=release_env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            check=True,
        )


def measure_uncached(env, targets, args) -> list[PhaseResult]:
    with procfile_process("web", dict(env, PAGE_CACHE_SECONDS="0")) as web:
        return [
            measure(web.base_url + t["path"], UNCACHED, t, args, lambda: [web.process.pid], t["queries_uncached"])
            for t in targets
        ]


def measure_cached(env, targets, args, notes) -> tuple[list[PhaseResult], list[tuple[float, float]]]:
    """The app as deployed (page cache on), then Varnish in front of it and nginx beside it."""
    with procfile_process("web", dict(env, PAGE_CACHE_SECONDS=CACHED_SECONDS)) as web:
        results = [
            measure(web.base_url + t["path"], APP_CACHED, t, args, lambda: [web.process.pid], t["queries_cached_hit"])
            for t in targets
        ]
        home_html = fetch(web.base_url + HOME)[1]
        front, rounds = measure_front(web, targets, home_html, args, notes)
    return results + front, rounds


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.machine(),
    )
    return f"{os.cpu_count()} cores ({model}), {platform.system()} {platform.release()}"


def run(args) -> tuple[RunContext, list[PhaseResult]]:
    args.use_wrk = wrk_available() and not args.python_load
    context = RunContext(
        started=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        machine=machine(),
        load_before=load_average(),
        duration=args.duration,
        concurrency=args.concurrency,
        workers=args.workers,
        generator=WRK_GENERATOR if args.use_wrk else PYTHON_GENERATOR,
    )
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as scratch:
        log = Path(scratch) / "manage.log"
        env = production_env(
            DATABASE_URL=f"sqlite:///{scratch}/bench.sqlite3",
            WEB_CONCURRENCY=str(args.workers),
            HOST="127.0.0.1",
            PORT=str(free_port()),
        )
        try:
            prepare_database(env, log)
            targets = json.loads(manage(env, log, "page_benchmark_targets", *_selection(args)))
        except (RuntimeError, subprocess.CalledProcessError):
            sys.stderr.write(log.read_text(errors="replace")[-4000:])
            raise
        skipped = [f"{t['page']} ({t['language']}): {t['status']}" for t in targets if t["status"] != 200]
        if skipped:
            context.notes.append("left out, not 200 in-process: " + ", ".join(skipped))
        targets = [t for t in targets if t["status"] == 200]
        try:
            results = measure_uncached(env, targets, args)
            cached, context.rounds = measure_cached(env, targets, args, context.notes)
        finally:
            manage(env, log, "page_benchmark_cleanup")
    context.load_after = load_average()
    return context, results + cached


def _selection(args) -> list[str]:
    return [f"--page={page}" for page in args.page or []] + [f"--language={lang}" for lang in args.language or []]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    context, results = run(args)
    order = {mode: index for index, mode in enumerate(MODES)}
    results.sort(key=lambda r: (PAGE_TYPES.index(r.page), LANGUAGES.index(r.language), order[r.mode]))
    args.output.write_text(render(context, results))
    say(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
