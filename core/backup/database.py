"""What both database engines share: the engine of the site's database, row counts, schema version."""

from types import ModuleType

from django.db import DEFAULT_DB_ALIAS, connections

from . import BackupError


def engine() -> ModuleType:
    """The module that dumps and restores the site's database (postgres.py or sqlite.py)."""
    from . import postgres, sqlite

    vendor = connections[DEFAULT_DB_ALIAS].vendor
    for module in (postgres, sqlite):
        if module.VENDOR == vendor:
            return module
    raise BackupError(f"backups support PostgreSQL and SQLite; this site's database is {vendor}")


def row_counts(cursor, tables: dict[str, str]) -> dict[str, int]:
    """`tables` maps a table's label to its quoted SQL name; the rows of each, by label."""
    counts = {}
    for label, quoted in sorted(tables.items()):
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 (names from the catalogue, quoted)
        counts[label] = cursor.fetchone()[0]
    return counts


def latest_migrations(cursor) -> dict[str, str]:
    """The schema version: the latest applied migration of each app.

    "Latest" is read from the migration graph, not from the table's order: Django records a
    squashed migration after every migration that follows it once they are all applied.
    """
    from django.db.migrations.loader import MigrationLoader

    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    applied: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        applied.setdefault(app, []).append(name)
    graph = MigrationLoader(None, ignore_no_migrations=True).graph

    def depth(app: str, name: str) -> int:
        return len(graph.forwards_plan((app, name))) if (app, name) in graph.nodes else -1

    return {app: max(reversed(names), key=lambda name: depth(app, name)) for app, names in sorted(applied.items())}


def differing_counts(expected: dict[str, int], actual: dict[str, int]) -> list[str]:
    """The tables whose row count differs, described; an empty list when every count matches."""
    return [
        f"{table}: {count} row(s) in the backup, {actual.get(table, 'no table')} restored"
        for table, count in sorted(expected.items())
        if actual.get(table) != count
    ]
