"""The rows the migrations put in the test database, put back whenever a flush has emptied them.

A transactional test (`transactional_db`, `live_server`, `django_db(transaction=True)`) ends with
Django's flush, which empties every table, the rows data migrations created among them: Wagtail's
root page and root collection, the locales, the editors' group with its Serbian name and the
permissions given to it. pytest-django runs such tests after the others of their process, but
pytest-xdist hands each process whole files, so a test of the next file may come after a flush.

So the test database is copied once, right after the migrations (tests/demo_snapshot.py's copy:
every table's rows, same ids), and tests/conftest.py puts the copy back after every test during which
a flush (or a migration) sent Django's post_migrate signal; that is after its fixtures' teardown, the
flush included. A copy costs a fraction of a second; Django's own `serialized_rollback` would reload
the rows only at the start of the next transactional test and leave the tables empty after it.
"""

from dataclasses import dataclass

from tests.demo_snapshot import Snapshot, capture, restore


@dataclass
class _State:
    snapshot: Snapshot | None = None
    blocker: object = None  # pytest-django's django_db_blocker: the copy is put back between tests
    emptied: bool = False


_state = _State()


def copy_after_migrations(django_db_blocker) -> None:
    """Called once per test process, when the test database has just been migrated."""
    with django_db_blocker.unblock():
        _state.snapshot = capture(with_files=False)
    _state.blocker = django_db_blocker
    _state.emptied = False


def note_flush(**kwargs) -> None:
    """post_migrate receiver: a flush (or a migration) just ran; the tables may no longer match the copy."""
    _state.emptied = True


def put_back_if_flushed() -> None:
    """Between tests: the copy back in every table, if a flush ran since the last time."""
    if _state.snapshot is None or not _state.emptied:
        return
    with _state.blocker.unblock():
        restore(_state.snapshot)
    _state.emptied = False
