"""`manage.py backup_site` and `manage.py restore_site` on PostgreSQL and S3, run as an operator runs them.

The site is built with factories in the test database and a bucket of its own on moto; the
commands run in processes of their own under the production settings, pointed at it or at a new
empty database and bucket.
"""

import json
import os
import stat
from pathlib import Path

import pytest
import wagtail_factories

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from core.backup.streams import CHUNK_SIZE
from demo import files as demo_files
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.core.backup_targets import (
    S3_ENDPOINT,
    S3_KEYS,
    bucket_hashes,
    delete_bucket,
    empty_database,
    manage,
    new_bucket,
    row_counts,
    site_env,
)
from tests.documents.factories import RegistryDocumentFactory
from tests.factories import SiteHomePageFactory, StandardPageFactory

pytestmark = [
    pytest.mark.skipif(
        not S3_ENDPOINT, reason="no S3-compatible server: TEST_S3_ENDPOINT_URL is unset (`make test` starts moto)"
    ),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL: DATABASE_URL (`make test` sets it)"
    ),
]

LARGE_FILE = "scans/large-scan.bin"


@pytest.fixture
def source_bucket(settings):
    """The site under test stores its files in a bucket of its own."""
    bucket = new_bucket()
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = S3_ENDPOINT
    settings.AWS_S3_REGION_NAME = S3_KEYS["region_name"]
    settings.AWS_ACCESS_KEY_ID = S3_KEYS["aws_access_key_id"]
    settings.AWS_SECRET_ACCESS_KEY = S3_KEYS["aws_secret_access_key"]
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    yield bucket
    delete_bucket(bucket)


@pytest.fixture
def target_bucket():
    bucket = new_bucket()
    yield bucket
    delete_bucket(bucket)


@pytest.fixture
def target_database():
    with empty_database() as name:
        yield name


@pytest.fixture
def site_content(transactional_db, source_bucket):
    """Pages, registry documents with their files, a comment with an attachment, images: committed,
    so the commands' own processes see them."""
    home = SiteHomePageFactory()
    StandardPageFactory.create_batch(2, parent=home)
    RegistryDocumentFactory.create_batch(2)
    consultation = ConsultationPageFactory(home=home, article_count=2)
    comment = CommentFactory(
        consultation=consultation,
        article=consultation.articles.first(),
        attachment=ContentFile(demo_files.pdf_document("Прилог", ["Предлог измене члана 1."]), name="prilog.pdf"),
    )
    images = wagtail_factories.ImageFactory.create_batch(2)
    images[0].get_rendition("fill-40x30")
    # A file no row points at, larger than a chunk of the streaming copy: the whole bucket is backed up.
    default_storage.save(LARGE_FILE, ContentFile(os.urandom(3 * CHUNK_SIZE + 17)))
    return {"comment": comment, "images": images}


def back_up(database: str, bucket: str, directory: Path) -> dict:
    done = manage("backup_site", str(directory), env=site_env(database, bucket))
    assert done.returncode == 0, done.stderr
    return json.loads((directory / "manifest.json").read_text())


def test_backup_restores_into_an_empty_database_and_bucket_with_every_row_and_every_file(
    site_content, source_bucket, target_database, target_bucket, tmp_path
):
    source_database = connection.settings_dict["NAME"]
    backup = tmp_path / "backup"
    manifest = back_up(source_database, source_bucket, backup)

    restored = manage("restore_site", str(backup), env=site_env(target_database, target_bucket))
    assert restored.returncode == 0, restored.stderr

    source_rows = row_counts(source_database)
    assert row_counts(target_database) == source_rows
    assert source_rows["public.consultations_comment"] == 1
    assert source_rows["public.documents_registrydocument"] == 2
    assert source_rows["public.wagtailimages_image"] == 2
    source_files = bucket_hashes(source_bucket)
    assert bucket_hashes(target_bucket) == source_files
    assert site_content["comment"].attachment.name in source_files
    assert {image.file.name for image in site_content["images"]} <= set(source_files)
    assert LARGE_FILE in source_files
    listed = {entry["name"]: entry["sha256"] for entry in manifest["storages"]["default"]["files"]}
    assert listed == source_files


def test_manifest_describes_the_dump_tables_schema_and_portal_and_the_backup_is_private(
    site_content, source_bucket, tmp_path
):
    backup = tmp_path / "backup"
    manifest = back_up(connection.settings_dict["NAME"], source_bucket, backup)

    database = manifest["database"]
    assert database["engine"] == "postgresql" and database["format"] == "pg_dump --format=custom"
    assert (backup / database["file"]).read_bytes()[:5] == b"PGDMP"  # pg_dump's custom archive
    assert database["tables"]["public.consultations_comment"] == 1
    assert database["migrations"]["consultations"].startswith("0")
    assert manifest["portal"]["version"] and manifest["created_at"]
    for path in [backup, *backup.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_restore_refuses_a_backup_with_a_corrupted_file_naming_it_and_restores_nothing(
    site_content, source_bucket, target_database, target_bucket, tmp_path
):
    backup = tmp_path / "backup"
    back_up(connection.settings_dict["NAME"], source_bucket, backup)
    attachment = site_content["comment"].attachment.name
    corrupted = backup / "files" / "default" / attachment
    corrupted.write_bytes(corrupted.read_bytes().replace(b"%PDF", b"%PDX", 1))

    restored = manage("restore_site", str(backup), env=site_env(target_database, target_bucket))

    assert restored.returncode != 0
    assert f"default/{attachment}" in restored.stderr
    assert "does not match its manifest" in restored.stderr
    assert row_counts(target_database) == {}
    assert bucket_hashes(target_bucket) == {}


def test_restore_refuses_a_database_or_bucket_that_is_not_empty(
    site_content, source_bucket, target_database, target_bucket, tmp_path
):
    backup = tmp_path / "backup"
    source_database = connection.settings_dict["NAME"]
    back_up(source_database, source_bucket, backup)
    rows_before = row_counts(source_database)

    into_the_live_site = manage("restore_site", str(backup), env=site_env(source_database, target_bucket))
    assert into_the_live_site.returncode != 0
    assert "the database already holds tables" in into_the_live_site.stderr
    assert row_counts(source_database) == rows_before
    assert bucket_hashes(target_bucket) == {}

    into_a_used_bucket = manage("restore_site", str(backup), env=site_env(target_database, source_bucket))
    assert into_a_used_bucket.returncode != 0
    assert f"S3 bucket {source_bucket} already holds files" in into_a_used_bucket.stderr
    assert row_counts(target_database) == {}
