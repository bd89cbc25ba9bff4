"""One load run, end to end: a private site, the Locust scenario against it, the reconciliation, the figures.

    python -m tests.load.harness --users 50 --comments 1000      (what `make load` runs)

1. A database of the run's own (created on the PostgreSQL of DATABASE_URL, dropped at the end), a
   bucket of its own on the S3-compatible server of TEST_S3_ENDPOINT_URL, and an SMTP sink
   (tests/load/smtp_sink.py) on a free port; the content is seeded as the fault tests seed theirs
   (an open consultation with articles).
2. The Procfile's `web` process (gunicorn, production settings, DEBUG off) through
   tests/procfile_server.py, with EMAIL_URL pointing at the sink. Confirmation e-mails are sent by
   the request itself once the comment is committed (consultations/views.py, on_commit), not
   through django-tasks, so no `worker` process is needed.
3. Locust, headless, USERS users each playing COMMENTS/USERS organisations (tests/load/locustfile.py).
4. tests/load/reconcile.py with the server's environment; then the figures: confirmed comments per
   second and per-request latency percentiles.

Two settings differ from a bare production start, both through the environment and both
documented in docs/benchmarks/load.md: TRUSTED_PROXY_COUNT=1 (the generator stands in for the TLS
proxy and gives each organisation its own address) and COMMENT_MIN_FILL_SECONDS=0 (the server does
no work while a person types; without it 50 users could not stand in for hundreds of organisations).
"""

import argparse
import contextlib
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from tests.procfile_server import PROJECT, free_port, procfile_process, production_env

S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "load", "AWS_SECRET_ACCESS_KEY": "load", "AWS_S3_REGION_NAME": "us-east-1"}
S3_KEYS = {"aws_access_key_id": "load", "aws_secret_access_key": "load"}
# The requests of one organisation's journey, in its order, by the names tests/load/locustfile.py gives them:
# the report's latencies are of these. The cached page holds no form token: its script fetches one ("form token").
REQUEST_NAMES = ("open consultation", "form token", "send comment", "open confirmation link", "confirm", "receipt")


@dataclass
class LoadSite:
    env: dict[str, str]
    base_url: str
    page: str
    mail_dir: Path
    workdir: Path
    web_pid: int


def database_url(admin_url: str, name: str) -> str:
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path="/" + name))


@contextlib.contextmanager
def private_database(server_url: str, template: str | None = None):
    """A database of this run's own on the PostgreSQL server of `server_url`, dropped afterwards: a copy of
    `template` when given (the test run's migrated database, tests/shared_per_run.py), else empty.

    Created and dropped from the server's maintenance database (`postgres`), so the database
    `server_url` names need not exist (the test suite's does not until pytest-django creates it).
    """
    import psycopg

    name = f"cso_load_{secrets.token_hex(4)}"
    admin_url = database_url(server_url, "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    try:
        yield database_url(admin_url, name)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def private_bucket(endpoint: str):
    """A bucket of this run's own, emptied and removed afterwards."""
    import boto3

    # moto accepts any key; these name no real account.
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **S3_KEYS)
    bucket = f"cso-load-{secrets.token_hex(4)}"
    s3.create_bucket(Bucket=bucket)
    try:
        yield bucket
    finally:
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=item["Key"])
        s3.delete_bucket(Bucket=bucket)


@contextlib.contextmanager
def smtp_sink(directory: Path):
    port = free_port()
    sink = subprocess.Popen(
        [sys.executable, "-m", "tests.load.smtp_sink", "--port", str(port), "--directory", str(directory)],
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        sink.stdout.readline()  # "listening on …": it accepts connections from now on
        yield f"smtp://127.0.0.1:{port}"
    finally:
        sink.terminate()
        sink.wait(timeout=10)


def seed(env: dict[str, str]) -> dict:
    """Migrate and add an open consultation (the fault tests' seed), in a process with the server's settings."""
    seeded = subprocess.run(
        [sys.executable, "-m", "tests.faults.seed"], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    if seeded.returncode:
        raise RuntimeError(f"seeding failed:\n{seeded.stderr[-4000:]}")
    return json.loads(seeded.stdout.rsplit("SEED ", 1)[1])


@contextlib.contextmanager
def load_site(admin_database_url: str, s3_endpoint: str, keep_workdir: bool = False, template: str | None = None):
    """Everything a run needs, torn down afterwards; with `keep_workdir` the log and the e-mails stay; the
    database starts as a copy of `template` when given (its migrate then has nothing to do)."""
    workdir = Path(tempfile.mkdtemp(prefix="cso-load-"))
    with (
        contextlib.ExitStack() as cleanup,
        private_database(admin_database_url, template) as db_url,
        private_bucket(s3_endpoint) as bucket,
        smtp_sink(workdir / "mail") as email_url,
    ):
        env = production_env(
            DATABASE_URL=db_url,
            AWS_STORAGE_BUCKET_NAME=bucket,
            AWS_S3_ENDPOINT_URL=s3_endpoint,
            EMAIL_URL=email_url,
            TRUSTED_PROXY_COUNT="1",
            COMMENT_MIN_FILL_SECONDS="0",
            **S3_CREDENTIALS,
        )
        if not keep_workdir:
            cleanup.callback(shutil.rmtree, workdir, ignore_errors=True)
        page = seed(env)["urls"]["sr-cyrl"]
        with procfile_process("web", env) as web:
            yield LoadSite(env, web.base_url, page, workdir / "mail", workdir, web.process.pid)


def run_scenario(site: LoadSite, users: int, comments: int, timeout: int = 900) -> Path:
    """Run Locust headless until every user has played its organisations; returns the log's path."""
    log = site.workdir / "organisations.jsonl"
    env = dict(
        os.environ,
        LOAD_PAGE=site.page,
        LOAD_MAIL_DIR=str(site.mail_dir),
        LOAD_LOG=str(log),
        LOAD_COMMENTS_PER_USER=str(-(-comments // users)),
    )
    command = [
        sys.executable, "-m", "locust", "-f", str(PROJECT / "tests" / "load" / "locustfile.py"),
        "--headless", "--only-summary", "--users", str(users), "--spawn-rate", str(users),
        "--host", site.base_url, "--run-time", f"{timeout}s", "--stop-timeout", "30",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    finished = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout + 120)
    (site.workdir / "locust.out").write_text(finished.stdout + finished.stderr)
    if not log.exists():
        raise RuntimeError(f"locust wrote no log (exit {finished.returncode}):\n{finished.stderr[-4000:]}")
    return log


def reconcile(site: LoadSite, log: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "tests.load.reconcile", str(log)],
        cwd=PROJECT,
        env=site.env,
        capture_output=True,
        text=True,
    )
    if not done.stdout.strip():
        raise RuntimeError(f"the reconciliation failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def figures(log: Path) -> dict:
    """Confirmed comments per second over the run, the proof of work's cost, and latency percentiles."""
    records = [json.loads(line) for line in log.read_text().splitlines()]
    entries = [record for record in records if "organisation" in record]
    latencies = {name: ms for record in records for name, ms in record.get("latencies", {}).items()}
    opened = [entry["opened_at"] for entry in entries if "opened_at" in entry]
    confirmed = [entry["confirmed_at"] for entry in entries if "confirmed_at" in entry]
    sent = [entry["sent_at"] for entry in entries if "sent_at" in entry]
    seconds = max(confirmed + sent) - min(opened) if opened and (confirmed or sent) else 0
    proof = [entry["proof_cpu_seconds"] for entry in entries if "proof_cpu_seconds" in entry]
    return {
        "seconds": round(seconds, 1),
        "submissions_per_second": round(len(sent) / seconds, 1) if seconds > 0 else 0,
        "confirmed_per_second": round(len(confirmed) / seconds, 1) if seconds > 0 else 0,
        "proof_of_work_cpu_ms_mean": round(1000 * sum(proof) / len(proof), 1) if proof else 0,
        "latency_ms": {name: percentiles(latencies[name]) for name in REQUEST_NAMES if name in latencies},
    }


def percentiles(milliseconds: list[float]) -> dict:
    """Nearest-rank p50/p95/p99 of every request of one type (exact, not Locust's rounded buckets)."""
    ordered = sorted(milliseconds)

    def rank(p: int) -> float:
        return ordered[max(0, -(-p * len(ordered) // 100) - 1)]

    return {"requests": len(ordered), "p50": rank(50), "p95": rank(95), "p99": rank(99)}


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user + system) spent so far by process `root` and its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    spent: dict[int, float] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(pid)
        spent[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += spent.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def run(
    admin_database_url: str,
    s3_endpoint: str,
    users: int,
    comments: int,
    keep_workdir: bool = False,
    template: str | None = None,
) -> dict:
    with load_site(admin_database_url, s3_endpoint, keep_workdir, template) as site:
        load_before = os.getloadavg()
        started, web_cpu = time.monotonic(), tree_cpu_seconds(site.web_pid)
        generator_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        log = run_scenario(site, users, comments)
        elapsed = time.monotonic() - started
        web_cpu = tree_cpu_seconds(site.web_pid) - web_cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        generator_cpu = after.ru_utime + after.ru_stime - generator_cpu.ru_utime - generator_cpu.ru_stime
        load_after = os.getloadavg()
        result = {
            "users": users,
            "comments": comments,
            "web_concurrency": site.env.get("WEB_CONCURRENCY", "2 (the Procfile's default)"),
            "wall_seconds": round(elapsed, 1),
            "cpu_seconds": {
                "web (gunicorn, all workers)": round(web_cpu, 1),
                "generator (locust)": round(generator_cpu, 1),
            },
            "load_average_before": load_before,
            "load_average_after": load_after,
            "reconciliation": reconcile(site, log),
            **figures(log),
            "workdir": str(site.workdir) if keep_workdir else "(removed)",
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--comments", type=int, default=1000)
    arguments = parser.parse_args()
    admin_url = os.environ.get("DATABASE_URL", "")
    endpoint = os.environ.get("TEST_S3_ENDPOINT_URL", "")
    if not admin_url.startswith("postgres") or not endpoint:
        sys.exit("harness: set DATABASE_URL (PostgreSQL) and TEST_S3_ENDPOINT_URL (scripts/load.sh does)")
    result = run(admin_url, endpoint, arguments.users, arguments.comments, keep_workdir=True)
    print(json.dumps(result, indent=2))  # noqa: T201
    sys.exit(0 if result["reconciliation"]["clean"] else 1)


if __name__ == "__main__":
    main()
