"""Rows a test module's tests all start from, built once for the module instead of once per test.

Publishing a page costs a few hundred queries (its revision, the Latin twin through wagtail-localize,
search entries, the reference index): a consultation with its home and index is about a second of a
test's setup. A module whose tests only read that tree, or change it and let their savepoint undo it,
builds it once:

    @once_per_module
    def consultation(module_rows):
        return ConsultationPageFactory(home=module_rows.home_page(), title="…")

`module_rows` (tests/conftest.py) opens a transaction around the module's tests; the rows are made
inside it, each test runs in a savepoint of its own (pytest-django's `db`), rolled back after it, and
the module's rows are rolled back after its last test. Tests get each object fresh from the database,
so that what one test changes on a Python object does not reach the next.

Not for a module with transactional tests (`transactional_db`, live servers, the browser tests): they
commit and flush, which an open transaction forbids.
"""

import functools
import inspect
import sys

import pytest

from django.db import connection, transaction

from tests.factories import SiteHomePageFactory


class ModuleRows:
    """The module's open transaction, and `make` to build rows in it with the database unblocked."""

    def __init__(self, django_db_blocker):
        self.blocker = django_db_blocker
        self.atomic = transaction.atomic()
        self._home_page = None

    def begin(self) -> None:
        with self.blocker.unblock():
            self.atomic.__enter__()

    def roll_back(self) -> None:
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)

    def make(self, build, *args, **kwargs):
        # Made inside a test's savepoint, the rows would be rolled back after that test while the
        # module kept them for the next ones.
        assert connection.atomic_blocks and connection.atomic_blocks[-1] is self.atomic, (
            "module rows are made in module-scoped fixtures only: a test's transaction is open"
        )
        with self.blocker.unblock():
            return build(*args, **kwargs)

    def home_page(self):
        """The site's home page (as the `home_page` fixture makes it), made once for the module: call it from
        module-scoped fixtures (the `module_home_page` fixture gives it to tests)."""
        if self._home_page is None:
            self._home_page = self.make(SiteHomePageFactory)
        return self._home_page


def fresh(rows):
    """`rows` (a model instance, or dicts and lists of them) as the database has them now, new objects: a
    test's changes to the last ones stay there."""
    if isinstance(rows, dict):
        return {name: fresh(value) for name, value in rows.items()}
    if isinstance(rows, list | tuple):
        return type(rows)(fresh(value) for value in rows)
    return type(rows)._default_manager.get(pk=rows.pk)


def once_per_module(build):
    """Decorator: `build` (asking for `module_rows` and any other module-scoped fixtures) becomes two
    fixtures: `<name>_built`, its rows made once for the module, and `<name>`, those rows fresh for each test.
    """
    name = build.__name__
    built_name = f"{name}_built"

    @functools.wraps(build)  # pytest reads the fixtures to pass from `build`'s signature
    def built(**fixtures):
        return fixtures["module_rows"].make(build, **fixtures)

    def for_each_test(**fixtures):
        return fresh(fixtures[built_name])

    asks_for = [inspect.Parameter(arg, inspect.Parameter.KEYWORD_ONLY) for arg in ("db", built_name)]
    for_each_test.__signature__ = inspect.Signature(asks_for)
    # pytest finds fixtures among a module's names: the module-scoped one is named there too.
    sys._getframe(1).f_globals[built_name] = pytest.fixture(scope="module", name=built_name)(built)
    return pytest.fixture(name=name)(for_each_test)


def home_page_of_the_module():
    """A `home_page` fixture for a module with rows built once: the module's home, under which they are
    (the bare site's `home_page` would replace that tree for the test).
    In the module: `home_page = home_page_of_the_module()`."""

    @pytest.fixture(name="home_page")
    def home_page(module_home_page):
        return module_home_page

    return home_page
