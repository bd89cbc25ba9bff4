"""`backup_site` and `restore_site` on the embedded defaults: a SQLite file and the local media folder.

The site is built with factories in the test database, copied to a file, and the commands run in
processes of their own, pointed at it or at a new database file and an empty media folder. (On
PostgreSQL and S3, `make test`'s setup, the same round trip is tests/core/test_backup.py.)
"""

import hashlib
import json
import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
import wagtail_factories

from django.core.files.base import ContentFile
from django.db import connection

from demo import files as demo_files
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.core.backup_targets import manage
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import SiteHomePageFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite round trip; on PostgreSQL it is tests/core/test_backup.py"
)

# The test settings put media in one folder for every test; a site of the test's own reads it from here.
SETTINGS_WITH_MEDIA_FROM_ENV = """
import os
from cso_site.settings.test import *  # noqa: F403
MEDIA_ROOT = os.environ["BACKUP_TEST_MEDIA_ROOT"]
"""


@pytest.fixture
def site_settings(tmp_path):
    (tmp_path / "settings_module").mkdir()
    (tmp_path / "settings_module" / "backup_test_settings.py").write_text(SETTINGS_WITH_MEDIA_FROM_ENV)
    return tmp_path / "settings_module"


def site_env(settings_folder: Path, database: Path, media: Path) -> dict:
    return dict(
        {key: value for key, value in os.environ.items() if not key.startswith("AWS_")},
        PYTHONPATH=str(settings_folder),
        DJANGO_SETTINGS_MODULE="backup_test_settings",
        DATABASE_URL=f"sqlite:///{database}",
        BACKUP_TEST_MEDIA_ROOT=str(media),
    )


@pytest.fixture
def source_site(transactional_db, settings, tmp_path):
    """A site with pages, registry documents, a comment with its attachment and images: its media in a
    folder of its own, its database copied to a file."""
    settings.MEDIA_ROOT = tmp_path / "source-media"
    home = SiteHomePageFactory()
    RegistryDocumentFactory.create_batch(2)
    consultation = ConsultationPageFactory(home=home, article_count=1)
    CommentFactory(
        consultation=consultation,
        article=consultation.articles.first(),
        attachment=ContentFile(demo_files.pdf_document("Прилог", ["Предлог."]), name="prilog.pdf"),
    )
    wagtail_factories.ImageFactory().get_rendition("fill-40x30")
    database = tmp_path / "source.sqlite3"
    with closing(sqlite3.connect(database)) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    return database, settings.MEDIA_ROOT


def row_counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(database)) as db:
        tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}  # noqa: S608


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_sqlite_site_and_its_media_restore_into_a_new_database_file_and_an_empty_folder(
    source_site, site_settings, tmp_path
):
    source_database, source_media = source_site
    backup = tmp_path / "backup"
    done = manage("backup_site", str(backup), env=site_env(site_settings, source_database, source_media))
    assert done.returncode == 0, done.stderr
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["database"]["engine"] == "sqlite"
    assert stat.S_IMODE((backup / "database.sqlite3").stat().st_mode) == 0o600

    target_database, target_media = tmp_path / "target.sqlite3", tmp_path / "target-media"
    restored = manage("restore_site", str(backup), env=site_env(site_settings, target_database, target_media))
    assert restored.returncode == 0, restored.stderr

    source_rows = row_counts(source_database)
    assert row_counts(target_database) == source_rows
    assert source_rows["consultations_comment"] == 1 and source_rows["wagtailimages_rendition"] == 1
    source_files = file_hashes(source_media)
    assert file_hashes(target_media) == source_files
    assert any(name.startswith("consultations/attachments/") for name in source_files)

    again = manage("restore_site", str(backup), env=site_env(site_settings, target_database, target_media))
    assert again.returncode != 0
    assert "the database already holds tables" in again.stderr and "already holds files" in again.stderr
