"""Private PostgreSQL and S3 servers that a fault test may stop, freeze and start again.

The shared services of `make test` (and of everyone else's tests) are never touched: each
fault test module starts its own throwaway PostgreSQL cluster (the Debian binaries, on a
free port, in a temporary directory) and its own moto S3 server, and owns them outright.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.procfile_server import free_port

HOST = "127.0.0.1"
BUCKET = "cso-fault-tests"  # the site's bucket in the private store
DURABLE_MOTO = Path(__file__).with_name("durable_moto.py")


def postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL server binaries, or None when the package is not installed."""
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return candidates[-1].parent if candidates else None


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, its commands run as the `postgres` OS user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class PrivateCluster:
    """A PostgreSQL cluster of this test's own: stop it (immediate mode) and start it at will."""

    bin_dir: Path
    home: Path
    port: int

    @property
    def data(self) -> Path:
        return self.home / "data"

    def url(self, database: str = "cso") -> str:
        return f"postgres://postgres@{HOST}:{self.port}/{database}"

    def pg_ctl(self, *args: str, timeout: float = 60) -> None:
        subprocess.run(
            _as_postgres([str(self.bin_dir / "pg_ctl"), "-D", str(self.data), *args]),
            cwd="/",
            check=True,
            capture_output=True,
            timeout=timeout,
        )

    def start(self) -> None:
        self.pg_ctl("-l", str(self.home / "postgres.log"), "-w", "-t", "30", "start")

    def stop_immediately(self) -> None:
        """`pg_ctl stop -m immediate`: the server quits at once, as in a crash (recovery runs on the next start)."""
        self.pg_ctl("stop", "-m", "immediate", "-w")

    def create_database(self, name: str) -> None:
        subprocess.run(
            [str(self.bin_dir / "createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", name],
            check=True,
            capture_output=True,
        )


@contextlib.contextmanager
def private_postgres():
    """A fresh cluster on a free port, running until the block ends; then stopped and deleted."""
    bin_dir = postgres_bin()
    assert bin_dir is not None, "the caller skips when the PostgreSQL binaries are missing"
    # Under /tmp, so the `postgres` user can reach it whatever the project's parent directories allow.
    home = Path(tempfile.mkdtemp(prefix="cso-fault-pg-", dir="/tmp"))
    home.chmod(0o755)
    (home / "run").mkdir(mode=0o700)
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
        shutil.chown(home / "run", "postgres")
    cluster = PrivateCluster(bin_dir, home, free_port())
    subprocess.run(
        _as_postgres(
            [str(bin_dir / "initdb"), "-D", str(cluster.data), "--username=postgres", "--auth=trust", "--no-sync"]
            + ["--encoding=UTF8", "--locale=C.UTF-8"]
        ),
        cwd="/",
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = f"listen_addresses='{HOST}'\nport={cluster.port}\nunix_socket_directories='{home / 'run'}'\n"
    options += "fsync=off\nsynchronous_commit=off\nfull_page_writes=off\nmax_connections=40\n"
    subprocess.run(
        _as_postgres(["tee", "-a", str(cluster.data / "postgresql.conf")]),
        input=options.encode(),
        cwd="/",
        check=True,
        capture_output=True,
    )
    cluster.start()
    try:
        yield cluster
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            cluster.pg_ctl("stop", "-m", "immediate", "-w")
        shutil.rmtree(home, ignore_errors=True)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):  # noqa: S310  (a URL this module built)
            return True
    except urllib.error.HTTPError:
        return True
    except (OSError, urllib.error.URLError):
        return False


@dataclass
class PrivateObjectStore:
    """moto's S3 server, made durable across a stop and start (tests/faults/durable_moto.py)."""

    port: int
    state_file: Path
    log_file: Path
    process: subprocess.Popen | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 30) -> None:
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(DURABLE_MOTO), HOST, str(self.port), str(self.state_file)],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while not _answers(self.endpoint + "/moto-api/"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"moto did not start:\n{self.log_file.read_text(errors='replace')[-3000:]}")
            time.sleep(0.1)

    def stop(self) -> None:
        """The store goes away (connections are refused) until `start`; what it held is kept."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGCONT)  # a frozen process cannot act on SIGTERM
        self.process.terminate()
        self.process.wait(timeout=30)

    def freeze(self) -> None:
        """The store hangs: connections are accepted by the kernel, nothing answers."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@contextlib.contextmanager
def private_object_store():
    workdir = Path(tempfile.mkdtemp(prefix="cso-fault-s3-"))
    store = PrivateObjectStore(free_port(), workdir / "objects.pickle", workdir / "moto.log")
    store.start()
    try:
        yield store
    finally:
        store.stop()
        shutil.rmtree(workdir, ignore_errors=True)
