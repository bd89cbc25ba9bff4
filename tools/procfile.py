"""The Procfile's processes, run the way production runs them, for tests and benchmarks that need a real server.

Load and fault tests and `make bench` must see what a visitor of the deployed site sees: gunicorn with its
worker processes, the production settings (`DEBUG` off, the deploy checks on), static files
from the collected manifest. `procfile_process("web", env)` starts the Procfile's own command
line (so a change to the Procfile is what gets tested), waits until it answers HTTP, yields it
and stops it with SIGTERM, as a platform does. The caller prepares the database (migrated,
committed data: a test that shares it with the server uses `transactional_db` or a database
of its own) and passes where the services are through `env`.
"""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PROCFILE = PROJECT / "Procfile"
STATIC_MANIFEST = PROJECT / "static" / "staticfiles.json"


def procfile_command(name: str) -> str:
    """The command line the Procfile declares for process `name` (e.g. "web", "worker")."""
    for line in PROCFILE.read_text().splitlines():
        key, sep, command = line.partition(":")
        if sep and key.strip() == name:
            return command.strip()
    raise KeyError(f"the Procfile declares no {name!r} process")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(**overrides: str) -> dict[str, str]:
    """Environment for the production settings on 127.0.0.1 over plain HTTP.

    TLS is the proxy's job in production (SECURE_PROXY_SSL_HEADER); here nothing terminates
    it, so the redirect to https is off. Everything else is as deployed.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        # The test process's own settings and service URLs must not leak into the server's.
        if not key.startswith(("DJANGO_", "DATABASE_", "AWS_", "SEARCH_", "TEST_", "EMAIL_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cso_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        PYTHONUNBUFFERED="1",
    )
    env.update(overrides)
    return env


def ensure_static_collected(env: dict[str, str]) -> None:
    """Production serves static files from the collected manifest; a fresh clone has none yet, and a
    manifest older than a file of static_src/ lacks it (the page naming it would answer 500)."""
    sources = [path.stat().st_mtime for path in (PROJECT / "static_src").rglob("*") if path.is_file()]
    if STATIC_MANIFEST.exists() and STATIC_MANIFEST.stat().st_mtime >= max(sources, default=0):
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=PROJECT,
        env=env,
        check=True,
        timeout=300,
    )


@dataclass
class RunningProcess:
    name: str
    process: subprocess.Popen
    base_url: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _answers_http(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (a URL this module built)
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except (OSError, urllib.error.URLError):
        return False


@contextlib.contextmanager
def procfile_process(name: str = "web", env: dict[str, str] | None = None, ready_path: str = "/", timeout: float = 60):
    """Run the Procfile's `name` process with `env` (default: production_env()) until the block ends.

    `PORT` and `HOST` are chosen here (127.0.0.1 and a free port) unless `env` sets them.
    """
    env = dict(env or production_env())
    env.setdefault("HOST", "127.0.0.1")
    env.setdefault("PORT", str(free_port()))
    # The Procfile names programs (gunicorn, python) as a platform's PATH finds them.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", os.defpath)])
    ensure_static_collected(env)
    base_url = f"http://{env['HOST']}:{env['PORT']}"
    with tempfile.NamedTemporaryFile(prefix=f"procfile-{name}-", suffix=".log", delete=False) as log:
        log_path = Path(log.name)
    with log_path.open("wb") as log_file:
        # bash expands the Procfile's ${PORT:-8000}-style defaults as a platform's shell does;
        # exec makes gunicorn the process we signal.
        process = subprocess.Popen(  # noqa: S603  (the Procfile's own command line)
            ["/bin/bash", "-c", "exec " + procfile_command(name)],
            cwd=PROJECT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = RunningProcess(name, process, base_url, log_path)
    try:
        if name == "web":
            _wait_until_answering(running, base_url + ready_path, timeout)
        yield running
    except BaseException:
        # A failed test keeps the server's log file (RunningProcess.log_path) for whoever investigates.
        stop_process_group(process)
        raise
    stop_process_group(process)
    log_path.unlink(missing_ok=True)


def _wait_until_answering(running: RunningProcess, url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise RuntimeError(f"{running.name} exited with {running.process.returncode}:\n{running.log()[-4000:]}")
        if _answers_http(url):
            return
        time.sleep(0.2)
    raise TimeoutError(f"{running.name} did not answer {url} within {timeout} s:\n{running.log()[-4000:]}")


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM to the process group, SIGKILL if it has not gone after 30 s."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
