"""Work done once per test run and shared by its processes (pytest-xdist workers), in a folder they all see.

The first process that needs a result makes it while holding the folder's lock for it; the others wait
for the lock, then take what it left. Two results are shared this way:

- a migrated PostgreSQL database, used as the TEMPLATE of every database the run needs migrated
  (pytest-django's test databases, the load and front-cache tests' own): migrating costs ~25-40 s,
  `CREATE DATABASE … TEMPLATE` about a second; its SQL dump fills the fault tests' private servers' databases;
- the demo snapshot (tests/demo_snapshot.py), built by one process, loaded from a file by the others.
"""

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

PROJECT = Path(__file__).resolve().parents[1]


SHARED_FOLDER = "CSO_TEST_RUN_FOLDER"


def make_shared_folder() -> None:
    """In the run's controller (or its only process), before any worker starts: a new folder, named in an
    environment variable the workers inherit; or the one the caller made (scripts/test.sh migrates the
    template in it while the checks before pytest run)."""
    if not _is_worker() and SHARED_FOLDER not in os.environ:
        os.environ[SHARED_FOLDER] = tempfile.mkdtemp(prefix="cso-test-run-")


def shared_folder() -> Path:
    """The folder every process of this run shares (made by `make_shared_folder`)."""
    return Path(os.environ[SHARED_FOLDER])


@contextlib.contextmanager
def exclusive(lock_file: Path):
    """Hold `lock_file`'s lock (flock) for the block: one process of the run at a time."""
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --- the migrated template database ----------------------------------------------------------


def postgres_server_url() -> str | None:
    """DATABASE_URL when the suite runs on PostgreSQL, else None."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def database_url(server_url: str, name: str) -> str:
    return urlunsplit(urlsplit(server_url)._replace(path="/" + name))


def template_name(server_url: str) -> str:
    """Named after the run's database, as pytest-django names its test databases (test_<name>_gw0, …)."""
    return f"test_{urlsplit(server_url).path.lstrip('/')}_migrated"


def _admin(server_url: str):
    import psycopg

    return psycopg.connect(database_url(server_url, "postgres"), autocommit=True)


def migrated_template(folder: Path) -> str | None:
    """The run's migrated template database (made by the first process to ask), or None off PostgreSQL."""
    server_url = postgres_server_url()
    if server_url is None:
        return None
    with exclusive(folder / "migrated-template.lock"):
        made = folder / "migrated-template"
        if made.exists():
            return made.read_text()
        name = template_name(server_url)
        drop_database(server_url, name)  # left by an interrupted run
        with _admin(server_url) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        env = dict(
            os.environ, DJANGO_SETTINGS_MODULE="cso_site.settings.test", DATABASE_URL=database_url(server_url, name)
        )
        migrated = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
        )
        if migrated.returncode:
            drop_database(server_url, name)
            raise RuntimeError(f"migrating the template database failed:\n{migrated.stderr[-4000:]}")
        _dump(server_url, name, folder / DUMP)
        made.write_text(name)
        return name


DUMP = "migrated-template.sql"


def _dump(server_url: str, name: str, path: Path) -> None:
    """The template as SQL, for PostgreSQL servers of the tests' own (tests/faults/): written now, while no
    one copies the template (a copy fails while a connection is open on it); ~0.3 s."""
    from tests.faults.private_services import postgres_bin

    if postgres_bin() is None:
        return
    with path.open("wb") as sql:
        command = [str(postgres_bin() / "pg_dump"), "--no-owner", "--no-privileges", database_url(server_url, name)]
        subprocess.run(command, stdout=sql, check=True)


def migrated_template_sql(folder: Path) -> Path | None:
    """The migrated template's SQL dump, once `migrated_template` has made it; None off PostgreSQL."""
    dump = folder / DUMP
    return dump if dump.exists() else None


def migrate_template_while_workers_start(config) -> None:
    """In the controller of a pytest-xdist run on PostgreSQL, the template is migrated in a thread from the
    start, while the workers start and collect the tests (instead of one worker migrating while the other
    waits). A failure here is left for the first worker that asks, which tries again and reports it."""
    if _is_worker() or not getattr(config.option, "numprocesses", None) or postgres_server_url() is None:
        return
    folder = shared_folder()

    def migrate() -> None:
        with contextlib.suppress(Exception):
            migrated_template(folder)

    config.stash[_MIGRATING] = threading.Thread(target=migrate, name="migrated-template", daemon=True)
    config.stash[_MIGRATING].start()


def clean_up_at_the_end(config) -> None:
    """In the run's controller (or its only process): the template and the shared folder go, once nothing
    uses them any more."""
    if _is_worker() or SHARED_FOLDER not in os.environ:
        return
    if (thread := config.stash.get(_MIGRATING, None)) is not None:
        thread.join()
    made = shared_folder() / "migrated-template"
    if made.exists() and postgres_server_url():
        drop_database(postgres_server_url(), made.read_text())
    shutil.rmtree(shared_folder(), ignore_errors=True)


_MIGRATING = pytest.StashKey[threading.Thread]()


def _is_worker() -> bool:
    return bool(os.environ.get("PYTEST_XDIST_WORKER"))


def drop_database(server_url: str, name: str) -> None:
    with _admin(server_url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    # scripts/test.sh: `python -m tests.shared_per_run` migrates the template in the run's folder
    # (CSO_TEST_RUN_FOLDER) while the lint checks run; pytest then finds it made (or waits for the lock).
    migrated_template(shared_folder())
