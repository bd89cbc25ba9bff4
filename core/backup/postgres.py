"""PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore`.

Why this format: it is PostgreSQL's own archive, the standard way to back a database up. It
holds everything a migrated database is (tables, rows, sequences where they stood, indexes,
constraints, text-search configurations, extensions) and pg_restore rebuilds exactly that; it
is compressed, and pg_restore reads its table of contents before writing anything. A JSON
`dumpdata` would restore neither sequences nor anything migrations created outside the models.

The dump and the manifest's row counts describe one and the same moment: the counts are read
in a REPEATABLE READ transaction whose snapshot pg_dump is given (`--snapshot`), so a backup
taken while comments come in is still consistent with its manifest.

pg_dump must be as new as the server: the one of the server's major version is taken from the
Debian packages (/usr/lib/postgresql/<major>/bin), else a newer one, else the one on PATH.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections, transaction

from . import BackupError
from .database import latest_migrations, row_counts

VENDOR = "postgresql"
DUMP_NAME = "database.pgdump"
DUMP_FORMAT = "pg_dump --format=custom"
DEBIAN_BINARIES = Path("/usr/lib/postgresql")

TABLES_SQL = """
    SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
"""
# Anything a migration or a restore would create: tables, views, sequences, foreign tables.
ANY_RELATION_SQL = """
    SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%')
"""


def dump(path: Path) -> dict:
    """Write the dump to `path`; what the manifest says of the database."""
    connection = connections[DEFAULT_DB_ALIAS]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        described = {"server_version": cursor.fetchone()[0]}
        described["tables"] = row_counts(cursor, table_names(cursor))
        described["migrations"] = latest_migrations(cursor)
        pg_dump = client_program("pg_dump", server_major(connection))
        run([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={path}", "--no-password"], connection)
    return described


def restore(path: Path, *, replace: bool) -> None:
    """Load the dump into the site's database; with `replace`, objects already there are dropped first."""
    connection = connections[DEFAULT_DB_ALIAS]
    pg_restore = client_program("pg_restore", server_major(connection))
    options = ["--clean", "--if-exists"] if replace else []
    connection.close()
    run(
        [
            pg_restore,
            "--no-owner",  # the restoring role owns what it creates, whatever role made the backup
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",  # all or nothing: a failed restore leaves the database as it was
            "--no-password",
            *options,
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        connection,
    )


def is_empty() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute(ANY_RELATION_SQL)
        return not cursor.fetchone()[0]


def current_row_counts() -> dict[str, int]:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        return row_counts(cursor, table_names(cursor))


def table_names(cursor) -> dict[str, str]:
    """Every table outside the system schemas: label `schema.table` -> quoted SQL name."""
    cursor.execute(TABLES_SQL)
    quote = connections[DEFAULT_DB_ALIAS].ops.quote_name
    return {f"{schema}.{table}": f"{quote(schema)}.{quote(table)}" for schema, table in cursor.fetchall()}


def server_major(connection) -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def client_program(program: str, major: int) -> str:
    """`program` (pg_dump, pg_restore) of the server's major version, or a newer one."""
    debian = {
        int(path.parts[-3]): path for path in DEBIAN_BINARIES.glob(f"*/bin/{program}") if path.parts[-3].isdigit()
    }
    usable = sorted(version for version in debian if version >= major)
    if usable:
        return str(debian[usable[0]])
    on_path = shutil.which(program)
    if on_path and program_major(on_path) >= major:
        return on_path
    raise BackupError(f"no {program} for PostgreSQL {major} found: install postgresql-client-{major}")


def program_major(program: str) -> int:
    output = subprocess.run([program, "--version"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    found = re.search(r"(\d+)", output)
    return int(found.group(1)) if found else 0


def run(command: list[str], connection) -> None:
    """Run a PostgreSQL client program against the site's database (the password goes by environment)."""
    settings = connection.settings_dict
    _, client_env = connection.client.settings_to_cmd_args_env(settings, [])
    env = {**os.environ, **(client_env or {})}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("NAME", "PGDATABASE")):
        if settings.get(key):
            env[variable] = str(settings[key])
    finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603 (our argv)
    if finished.returncode != 0:
        program = Path(command[0]).name
        raise BackupError(f"{program} failed (exit {finished.returncode}): {finished.stderr.strip()[-2000:]}")
