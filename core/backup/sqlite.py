"""SQLite: a copy made with SQLite's online backup API (`sqlite3.Connection.backup`).

Why: the backup API copies the database under SQLite's own locking, so the copy is consistent
even while the site writes (copying the file with `cp` mid-write, or without its `-wal` file,
can give a torn or stale database). The copy is an ordinary SQLite database, with every table,
index and full-text index as it was; restoring runs the same API the other way. The manifest's
row counts and schema version are read from the copy itself, so they describe exactly it.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections

from . import BackupError
from .database import latest_migrations, row_counts
from .streams import write_private_file

VENDOR = "sqlite"
DUMP_NAME = "database.sqlite3"
DUMP_FORMAT = "sqlite3 backup API copy"

TABLES_SQL = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"


def database_file() -> Path:
    connection = connections[DEFAULT_DB_ALIAS]
    name = str(connection.settings_dict["NAME"])
    if connection.is_in_memory_db():
        raise BackupError("the site's SQLite database is in memory: there is no file to back up or restore")
    return Path(name)


def dump(path: Path) -> dict:
    """Copy the site's database to `path` (0600); what the manifest says of the database."""
    write_private_file(path, [])
    with closing(sqlite3.connect(database_file())) as source, closing(sqlite3.connect(path)) as copy:
        source.backup(copy)
    with closing(sqlite3.connect(path)) as copy:
        cursor = copy.cursor()
        return {
            "server_version": sqlite3.sqlite_version,
            "tables": row_counts(cursor, table_names(cursor)),
            "migrations": latest_migrations(cursor),
        }


def restore(path: Path, *, replace: bool) -> None:
    """Replace the site's database with the copy (the backup API rewrites the whole file)."""
    connections.close_all()
    target = database_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as copy, closing(sqlite3.connect(target)) as database:
        copy.backup(database)


def is_empty() -> bool:
    target = database_file()
    if not target.exists():
        return True
    with closing(sqlite3.connect(target)) as database:
        return not database.execute(TABLES_SQL).fetchall()


def current_row_counts() -> dict[str, int]:
    with closing(sqlite3.connect(database_file())) as database:
        cursor = database.cursor()
        return row_counts(cursor, table_names(cursor))


def table_names(cursor) -> dict[str, str]:
    """Every table (full-text index tables included): name -> quoted SQL name."""
    cursor.execute(TABLES_SQL)
    return {name: '"' + name.replace('"', '""') + '"' for (name,) in cursor.fetchall()}
