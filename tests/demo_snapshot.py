"""The demo site, built once per test run and put back for every test that asks for it.

Building the demo costs ~19 s on PostgreSQL; putting its rows back costs a fraction of a second.
The first test of the run that needs the demo builds it on its test database in autocommit (as
production and `load_demo_content` do, so what waits for the commit runs: Latin twins,
search entries, text extraction), copies every table's rows, then puts the database back as
it found it; the run's other processes load that copy from a file (`shared_demo_snapshot`).
`restore()` empties every table and loads the copied rows again:

- inside a `db` test's transaction, which rolls it all back after the test;
- in a transactional or live-server test, committed, and flushed after the test as usual.

What lives outside the tables comes back too: sequences (only ever moved forward, since a
rolled-back test leaves them where they are), the files the demo wrote to storage (a test may
have deleted one), and the caches that hold row ids (content types, Django's cache).
"""

import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache, caches
from django.core.files.base import ContentFile
from django.db import connection, models, transaction
from django.utils import translation

# Django's record of applied migrations is the same before and after; leave it alone.
UNTOUCHED_TABLES = {"django_migrations"}


@dataclass
class Snapshot:
    """Every table's rows (PostgreSQL: COPY text; SQLite: column names and rows), sequences, files."""

    tables: dict[str, object]
    sequences: dict[str, int] = field(default_factory=dict)
    files: dict[tuple[models.FileField, str], bytes] = field(default_factory=dict)
    home_pk: int | None = None


def build_demo_snapshot() -> Snapshot:
    """Build the demo, copy it, and leave the database as it was. Needs autocommit (no open transaction)."""
    from demo.builder import build_demo_site  # imported late: it loads every app's demo content

    assert not connection.in_atomic_block, "the demo is built in autocommit, as `load_demo_content` builds it"
    before = capture(with_files=False)
    with translation.override(translation.get_language()):
        home = build_demo_site()
    demo = capture(with_files=True)
    demo.home_pk = home.pk
    restore(before)
    return demo


def shared_demo_snapshot(folder: Path) -> Snapshot:
    """The demo snapshot, built by the first process of the test run that asks for it and saved in the run's
    shared `folder`; the run's other processes (pytest-xdist workers) load it from there. Their databases
    start as copies of one migrated template, so the same rows fit every one of them."""
    from tests.shared_per_run import exclusive

    saved = folder / f"demo-snapshot-{connection.vendor}.pickle"
    with exclusive(folder / "demo-snapshot.lock"):
        if saved.exists():
            return _load(saved)
        snapshot = build_demo_snapshot()
        _save(snapshot, saved)
        return snapshot


def _save(snapshot: Snapshot, path: Path) -> None:
    # A field is saved as its model's label and its name: field objects belong to this process.
    files = {(f.model._meta.label, f.name, name): content for (f, name), content in snapshot.files.items()}
    path.write_bytes(pickle.dumps(replace(snapshot, files=files)))


def _load(path: Path) -> Snapshot:
    from django.apps import apps

    snapshot = pickle.loads(path.read_bytes())  # noqa: S301 (written by this test run, above)
    fields = {(label, name): apps.get_model(label)._meta.get_field(name) for label, name, _file in snapshot.files}
    snapshot.files = {(fields[label, name], file): content for (label, name, file), content in snapshot.files.items()}
    return snapshot


def capture(with_files: bool) -> Snapshot:
    with connection.cursor() as cursor:
        untouched = UNTOUCHED_TABLES | _full_text_tables(cursor)
        tables = [name for name in connection.introspection.table_names(cursor) if name not in untouched]
        if connection.vendor == "postgresql":
            snapshot = Snapshot({table: _copy_out(cursor, table) for table in tables}, _pg_sequences(cursor))
        else:
            snapshot = Snapshot({table: _select_all(cursor, table) for table in tables})
    if with_files:
        snapshot.files = stored_files()
    return snapshot


def restore(snapshot: Snapshot) -> None:
    """Put the snapshot's rows back in every table, in one transaction (a savepoint inside a test's)."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _pg_restore(cursor, snapshot)
        else:
            _sqlite_restore(cursor, snapshot)
    forget_cached_ids()
    for (file_field, name), content in snapshot.files.items():
        if not file_field.storage.exists(name):
            file_field.storage.save(name, ContentFile(content))


def forget_cached_ids() -> None:
    """Content type ids and Wagtail's cached site roots belong to the rows just replaced (or rolled back)."""
    ContentType.objects.clear_cache()
    cache.clear()
    caches["rate_limits"].clear()  # the rate limits' counts, in files every test of the process shares


# --- PostgreSQL ------------------------------------------------------------------------------


def _quote(table: str) -> str:
    return connection.ops.quote_name(table)


def _copy_out(cursor, table: str) -> bytes:
    with cursor.cursor.copy(f"COPY {_quote(table)} TO STDOUT") as copy:
        return b"".join(bytes(chunk) for chunk in copy)


def _pg_sequences(cursor) -> dict[str, int]:
    cursor.execute(
        "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value "
        "FROM pg_sequences WHERE schemaname = current_schema() AND last_value IS NOT NULL"
    )
    return dict(cursor.fetchall())


def _pg_restore(cursor, snapshot: Snapshot) -> None:
    # Checks the test deferred must run before TRUNCATE ("pending trigger events"); the rows
    # then load in any order, their foreign keys checked once all are in.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute(f"TRUNCATE {', '.join(_quote(table) for table in snapshot.tables)}")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for table, rows in snapshot.tables.items():
        if rows:
            with cursor.cursor.copy(f"COPY {_quote(table)} FROM STDIN") as copy:
                copy.write(rows)
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    # Never backwards: a rolled-back test leaves sequences where it moved them, and rows of
    # the database it rolls back to may already use every id below.
    for sequence, last_value in snapshot.sequences.items():
        cursor.execute(
            f"SELECT setval(%s, GREATEST(%s, (SELECT last_value FROM {sequence})))",  # noqa: S608 (from pg_sequences)
            [sequence, last_value],
        )


# --- SQLite ----------------------------------------------------------------------------------


def _select_all(cursor, table: str) -> tuple[list[str], list[tuple]]:
    cursor.execute(f"SELECT * FROM {_quote(table)}")  # noqa: S608 (a table name from introspection)
    return [column[0] for column in cursor.description], cursor.fetchall()


def _full_text_tables(cursor) -> set[str]:
    """SQLite's FTS5 tables (Wagtail's search index) and their shadow tables: triggers on
    wagtailsearch_indexentry keep them in step with its rows, so they are never written directly."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    names = {name for (name,) in cursor.fetchall()}
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    virtual = {name for (name,) in cursor.fetchall()}
    return {name for name in names if any(name == v or name.startswith(f"{v}_") for v in virtual)}


def _sqlite_restore(cursor, snapshot: Snapshot) -> None:
    # Django's foreign keys on SQLite are DEFERRABLE INITIALLY DEFERRED: checked when the
    # outermost transaction commits, by which time every table is whole again. New ids stay
    # above the restored ones by themselves (AUTOINCREMENT takes the larger of the table's
    # highest id and the highest ever used).
    for table in snapshot.tables:
        cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608
    for table, (columns, rows) in snapshot.tables.items():
        if rows:
            names = ", ".join(_quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608


# --- files -----------------------------------------------------------------------------------


def stored_files() -> dict[tuple[models.FileField, str], bytes]:
    """The content of every file a row names, keyed by the field that names it and its name."""
    files = {}
    for file_field in _file_fields():
        names = file_field.model._base_manager.exclude(**{file_field.attname: ""}).values_list(file_field.attname)
        for (name,) in names:
            if name and file_field.storage.exists(name):
                with file_field.storage.open(name) as stored:
                    files[(file_field, name)] = stored.read()
    return files


def _file_fields() -> list[models.FileField]:
    from django.apps import apps

    return [
        file_field
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
        for file_field in model._meta.concrete_fields
        if isinstance(file_field, models.FileField)
    ]
