"""The search suites run on every backend: the database, and a real OpenSearch node.

`make test` starts the node (scripts/services.sh) and sets TEST_SEARCH_URL. Where Java
or Maven is missing (a laptop), the OpenSearch half is skipped with that reason; where
they exist (CI: TEST_OPENSEARCH_REQUIRED=1) a missing node is a failure, not a skip.
"""

import json
import os
import subprocess
import sys
import uuid
from datetime import date
from functools import cached_property
from pathlib import Path

import pytest

from django.core import serializers
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import TestCase

from wagtail.search.backends import get_search_backend

from cso_site.settings.environment import search_backends
from demo import files as demo_files
from home.models import StandardPage
from search.models import SearchEntry
from tests.documents.factories import DocumentTypeFactory, RegistryDocumentFactory
from tests.factories import publish
from tests.module_rows import fresh

SKIP_REASON = (
    "OpenSearch not running: TEST_SEARCH_URL is unset. `make test` starts a node from Maven "
    "artifacts when `java` and `mvn` are installed (see README, Search)."
)


def opensearch_url() -> str:
    url = os.environ.get("TEST_SEARCH_URL", "")
    if not url:
        if os.environ.get("TEST_OPENSEARCH_REQUIRED") == "1":
            pytest.fail("Java and Maven are here, so OpenSearch should run, but TEST_SEARCH_URL is unset")
        pytest.skip(SKIP_REASON)
    return url


class Engine:
    """The backend under test, and how to make what was saved searchable on it."""

    def __init__(self, name: str):
        self.name = name

    @property
    def backend(self):
        return get_search_backend("default")

    def index_entries(self):
        """Make the saved entries (and only they) searchable on the backend, refreshed."""
        index = self.backend.get_index_for_model(SearchEntry)
        if self.name == "opensearch" and index.exists():
            # Creating an index costs the node about a second; emptying one is cheaper.
            index.es.delete_by_query(index=index.name, body={"query": {"match_all": {}}}, refresh=True)
        else:
            index.reset()
            index.add_model(SearchEntry)
        entries = list(SearchEntry.objects.all())
        if entries:
            index.add_items(SearchEntry, entries)
        index.refresh()


# One index name for the whole run; each test empties it (see index_entries).
RUN_PREFIX = f"test{uuid.uuid4().hex[:10]}"


@pytest.fixture(params=["database", "opensearch"])
def engine(request, settings):
    if request.param == "database":
        yield Engine("database")
        return
    url = opensearch_url()
    backends = search_backends(f"{url}?index={RUN_PREFIX}")
    # Content built by a test is indexed once, by index_entries(), rather than object by
    # object as it is saved: the same documents, in a tenth of the time.
    backends["default"]["AUTO_UPDATE"] = False
    settings.WAGTAILSEARCH_BACKENDS = backends
    engine = Engine("opensearch")
    yield engine


@pytest.fixture(scope="session", autouse=True)
def delete_test_indexes():
    yield
    url = os.environ.get("TEST_SEARCH_URL", "")
    if url:
        from opensearchpy import OpenSearch

        host = url.split("://", 1)[1]
        OpenSearch([f"http://{host}"]).indices.delete(index=f"{RUN_PREFIX}_*", ignore_unavailable=True)


# What a new visitor tries on the embedded default (issue 13): nothing was found before stemming.
SQLITE_VISITOR_QUERIES = ("друштво", "drustvo", "društva", "strategiji")


class EmbeddedSQLiteRun:
    """tests/search/embedded_sqlite.py running in the background; `answers` waits for it."""

    def __init__(self, process: subprocess.Popen):
        self.process = process

    @cached_property
    def answers(self) -> dict:
        stdout, stderr = self.process.communicate(timeout=600)
        assert self.process.returncode == 0, f"the SQLite run failed:\n{stderr[-4000:]}"
        return json.loads(stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def embedded_sqlite(demo_snapshot, django_db_blocker, tmp_path_factory):
    """The demo's search entries answered on SQLite, the embedded default, in a process of its own.

    Started once, at the first test that asks, with the entries of the session's demo; it
    migrates a new SQLite file and indexes them (about half a minute) while the test goes on.
    """
    from tests.demo_snapshot import restore

    folder = tmp_path_factory.mktemp("embedded_sqlite")
    with django_db_blocker.unblock(), transaction.atomic():
        restore(demo_snapshot)
        (folder / "entries.json").write_text(serializers.serialize("json", SearchEntry.objects.all()), "utf-8")
        transaction.set_rollback(True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cso_site.settings.test")
    env["DATABASE_URL"] = f"sqlite:///{folder / 'db.sqlite3'}"
    env.pop("SEARCH_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.search.embedded_sqlite", str(folder / "entries.json"), *SQLITE_VISITOR_QUERIES],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    run = EmbeddedSQLiteRun(process)
    yield run
    if process.poll() is None:
        process.kill()
        process.communicate()


def page(parent, title, intro="", body_text="", year=None, **extra):
    body = [("paragraph", f"<p>{body_text}</p>")] if body_text else []
    child = StandardPage(title=title, intro=intro, body=body, **extra)
    parent.add_child(instance=child)
    publish(child)
    if year:
        StandardPage.objects.filter(pk=child.pk).update(first_published_at=f"{year}-06-01T12:00:00Z")
        from search.entries import sync_page

        sync_page(child.translation_key)
    return child


def pdf_document(title, paragraphs, **extra):
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = RegistryDocumentFactory(
            title=title,
            file=ContentFile(demo_files.pdf_document(title, paragraphs), name="file.pdf"),
            **extra,
        )
    document.refresh_from_db()
    return document


def build_archive(home_page) -> dict:
    """A small archive with the cases the issue names: pages, PDFs and their document types."""
    strategy_type = DocumentTypeFactory(name="Стратегија")
    report_type = DocumentTypeFactory(name="Извештај")
    return {
        "law_page": page(home_page, "Закон о удружењима", intro="Закон уређује оснивање и рад удружења.", year=2021),
        "society_page": page(
            home_page, "Цивилно друштво у Новом Саду", intro="Подршка за цивилно друштво и грађане.", year=2024
        ),
        "strategy_page": page(
            home_page, "Развојни документ", body_text="Ова стратегија описује циљеве до 2030. године.", year=2023
        ),
        "unrelated_page": page(home_page, "Радно време", intro="Канцеларија ради од 8 до 16 часова.", year=2025),
        "pdf": pdf_document(
            "Извештај о раду за 2019. годину",
            ["У извештају се помиње волонтерски кварцитни програм.", "Закон о волонтирању се примењује."],
            document_type=report_type,
            date_adopted=date(2020, 3, 1),
        ),
        "strategy_document": pdf_document(
            "Стратегија развоја цивилног друштва",
            ["Стратегија за стварање подстицајног окружења."],
            document_type=strategy_type,
            date_adopted=date(2022, 5, 1),
        ),
        "strategy_type": strategy_type,
        "report_type": report_type,
    }


@pytest.fixture(scope="module")
def archive_built(module_rows):
    """The archive's rows, the same on every engine: built once for the module (tests/module_rows.py)."""
    return module_rows.make(build_archive, module_rows.home_page())


@pytest.fixture
def archive(db, archive_built, engine):
    """The module's archive, fresh from the database, indexed on the backend under test."""
    engine.index_entries()
    return fresh(archive_built)
