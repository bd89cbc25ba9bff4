"""One scheduler at a time runs a given job, even when two were started by mistake.

On PostgreSQL, a session-level advisory lock per job on the scheduler's own connection: the
server releases it by itself if the process or its connection dies, so a crashed scheduler
never leaves a job locked. On SQLite (one machine by nature), an exclusive `flock` on a file
per database and job in the temporary directory; the kernel releases it when the process dies.
The lock is tried, never waited for: a job that is locked is skipped until it is next due.
"""

import contextlib
import fcntl
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def job_lock(name: str, connection=None) -> Iterator[bool]:
    """Yields True when this process holds the lock of job `name` for the block, False when another one does."""
    connection = connection or connections[DEFAULT_DB_ALIAS]
    locker = _advisory_lock if connection.vendor == "postgresql" else _file_lock
    with locker(name, connection) as acquired:
        yield acquired


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_try_advisory_lock, the same in every process."""
    return int.from_bytes(hashlib.sha256(f"cso-scheduler:{name}".encode()).digest()[:8], "big", signed=True)


@contextlib.contextmanager
def _advisory_lock(name: str, connection) -> Iterator[bool]:
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
            except DatabaseError:
                # The connection broke during the job: the server ended its session, and the lock with it.
                logger.warning("scheduler: the connection holding the lock of %s was lost", name)


def lock_path(name: str, connection) -> Path:
    database = str(connection.settings_dict["NAME"])
    if os.path.exists(database):
        database = os.path.realpath(database)
    digest = hashlib.sha256(database.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"cso-scheduler-{digest}-{name}.lock"


@contextlib.contextmanager
def _file_lock(name: str, connection) -> Iterator[bool]:
    with open(lock_path(name, connection), "a") as lock_file:
        try:
            fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)
