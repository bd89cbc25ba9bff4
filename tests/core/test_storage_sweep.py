"""The sweep of orphaned files (core/storage_sweep.py) on the local media folder and on S3 (moto)."""

import datetime
import os
import time

import pytest

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command

from core.storage_sweep import sweep_orphaned_files, upload_prefixes
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.documents.factories import RegistryDocumentFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def stored(name: str, content: bytes = b"x") -> str:
    """A file saved in the default storage as an upload would be; returns the name it got."""
    return storages["default"].save(name, ContentFile(content))


def age_local_file(media_root, name: str, by: datetime.timedelta) -> None:
    moment = time.time() - by.total_seconds()
    os.utime(media_root / name, (moment, moment))


def comment_with_attachment(home_page):
    consultation = ConsultationPageFactory(home=home_page, article_count=0, published=False)
    return CommentFactory(
        consultation=consultation, article=None, attachment=ContentFile(b"%PDF-1.4 prilog", name="prilog.pdf")
    )


def test_upload_folders_are_found_from_the_models_file_fields(local_media):
    from core.storage_sweep import file_fields_on

    prefixes = upload_prefixes(file_fields_on(storages["default"]))
    # Comment attachments (a callable with a random folder), registry documents (their thumbnails are
    # inside), Wagtail's images and renditions, and Wagtail's own uploads.
    assert {"consultations/attachments/", "documents/", "original_images/", "images/"} <= set(prefixes)
    assert "documents/thumbnails/" not in prefixes, "a folder inside another is listed once"


def test_local_sweep_deletes_an_old_orphan_and_keeps_referenced_fresh_and_foreign_files(local_media, home_page):
    comment = comment_with_attachment(home_page)
    old_orphan = stored("consultations/attachments/0123abcd/izgubljen.pdf")
    old_document_orphan = stored("documents/ostatak.pdf")
    fresh_orphan = stored("documents/upravo-poslat.pdf")
    not_an_upload = stored("izvoz/arhiva.csv")
    for name in (comment.attachment.name, old_orphan, old_document_orphan, not_an_upload):
        age_local_file(local_media, name, by=2 * HOUR)

    deleted = sweep_orphaned_files(HOUR)

    assert deleted == sorted([old_orphan, old_document_orphan])
    storage = storages["default"]
    assert not storage.exists(old_orphan) and not storage.exists(old_document_orphan)
    assert storage.exists(comment.attachment.name), "a file a row references is never swept"
    assert storage.exists(fresh_orphan), "an upload younger than the grace period may still be committing"
    assert storage.exists(not_an_upload), "only the folders file fields upload to are swept"


def test_files_of_registry_documents_and_their_versions_count_as_referenced(local_media, home_page):
    from documents.models import DocumentVersion

    document = RegistryDocumentFactory()
    version = DocumentVersion.objects.create(document=document, file=ContentFile(b"%PDF-1.4 v1", name="stara.pdf"))
    for name in (document.file.name, version.file.name):
        age_local_file(local_media, name, by=2 * HOUR)

    assert sweep_orphaned_files(HOUR) == []
    assert storages["default"].exists(version.file.name)


def test_dry_run_lists_without_deleting(local_media):
    orphan = stored("documents/ostatak.pdf")
    age_local_file(local_media, orphan, by=2 * HOUR)

    assert sweep_orphaned_files(HOUR, dry_run=True) == [orphan]
    assert storages["default"].exists(orphan)


def test_command_deletes_orphans_older_than_the_given_minutes_and_reports_the_count(local_media, capsys):
    old, recent = stored("documents/star.pdf"), stored("documents/nov.pdf")
    age_local_file(local_media, old, by=datetime.timedelta(minutes=20))
    age_local_file(local_media, recent, by=datetime.timedelta(minutes=5))

    call_command("sweep_orphaned_files", "--older-than-minutes", "10")

    output = capsys.readouterr().out
    assert old in output and "1 orphaned file(s) deleted" in output
    assert not storages["default"].exists(old)
    assert storages["default"].exists(recent)


def test_sweep_on_s3_deletes_an_old_orphan_and_keeps_the_referenced_and_the_fresh(s3_default_storage, home_page):
    s3, bucket = s3_default_storage
    comment = comment_with_attachment(home_page)
    orphan = stored("consultations/attachments/0123abcd/izgubljen.pdf")
    not_an_upload = stored("izvoz/arhiva.csv")

    assert sweep_orphaned_files(HOUR) == [], "just uploaded: within the grace period"
    time.sleep(1.1)  # S3 keeps whole seconds: the objects are now strictly older than "now"
    deleted = sweep_orphaned_files(datetime.timedelta(0))

    assert deleted == [orphan]
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}
    assert keys == {comment.attachment.name, not_an_upload}
