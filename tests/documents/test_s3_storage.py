"""Documents on an S3-compatible store (moto's server, started by `make test`)."""

import os

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import RegistryDocument, Status
from tests.documents.factories import DocumentTypeFactory, IssuingBodyFactory
from tests.documents.files import HTML_PAGE, MINIMAL_PDF

ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ENDPOINT,
        reason="no S3-compatible server: TEST_S3_ENDPOINT_URL is unset (`make test` starts moto and sets it)",
    ),
]


@pytest.fixture
def s3_bucket(s3_default_storage, settings):
    """A bucket of the test's own as the default storage, with signed URLs as in production."""
    settings.AWS_QUERYSTRING_AUTH = True
    return s3_default_storage


def published_with_metadata() -> dict:
    """What an editor fills in to publish a document at upload: the public may then see it."""
    return {
        "published": "on",
        "document_type": DocumentTypeFactory().pk,
        "issuing_body": IssuingBodyFactory().pk,
        "status": Status.IN_FORCE,
        "date_adopted": "2025-01-15",
    }


def object_keys(client, bucket) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_uploaded_document_is_stored_privately_in_the_bucket_and_served_by_the_site(admin_client, client, s3_bucket):
    s3, bucket = s3_bucket
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Одлука", "file": SimpleUploadedFile("odluka.pdf", MINIMAL_PDF), **published_with_metadata()},
    )
    assert response.status_code == 302

    document = RegistryDocument.objects.get()
    assert object_keys(s3, bucket) == [document.file.name]
    grants = s3.get_object_acl(Bucket=bucket, Key=document.file.name)["Grants"]
    assert all(grant["Grantee"].get("URI", "").endswith("AllUsers") is False for grant in grants), "not public"

    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == MINIMAL_PDF


def test_same_name_uploaded_twice_does_not_overwrite(admin_client, s3_bucket):
    s3, bucket = s3_bucket
    for title in ("Први", "Други"):
        admin_client.post("/admin/documents/add/", {"title": title, "file": SimpleUploadedFile("a.pdf", MINIMAL_PDF)})
    assert len(set(object_keys(s3, bucket))) == 2


def test_refused_upload_leaves_no_object_in_the_bucket(admin_client, s3_bucket):
    s3, bucket = s3_bucket
    admin_client.post("/admin/documents/add/", {"title": "Лош", "file": SimpleUploadedFile("x.pdf", HTML_PAGE)})
    assert object_keys(s3, bucket) == []
    assert RegistryDocument.objects.count() == 0


def test_upload_extraction_library_search_and_versions_work_on_s3(admin_client, client, home_page, s3_bucket):
    from django.test import TestCase

    from wagtail.models import Collection

    from demo import files as demo_files
    from documents.models import DocumentLibraryPage, DocumentVersion, Extraction
    from tests.factories import publish

    s3, bucket = s3_bucket
    library = DocumentLibraryPage(title="Документи")
    home_page.add_child(instance=library)
    publish(library)
    first = demo_files.pdf_document("Одлука", ["Одлука о волонтерском сервису Града Новог Сада, члан 5."])
    publication = published_with_metadata()
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(
            "/admin/documents/add/",
            {
                "title": "Одлука",
                "file": SimpleUploadedFile("odluka.pdf", first),
                "collection": Collection.get_first_root_node().pk,
                **publication,
            },
        )
    document = RegistryDocument.objects.get()
    assert document.extraction == Extraction.DONE
    assert document.thumbnail.name in object_keys(s3, bucket)

    found = client.get("/sr-latn/dokumenti/", {"q": "volonterskom"})
    assert [d.title for d in found.context["results"]] == ["Одлука"]

    second = demo_files.pdf_document("Одлука", ["Измењена одлука."])
    with TestCase.captureOnCommitCallbacks(execute=True):
        admin_client.post(
            f"/admin/documents/edit/{document.pk}/",
            {
                "title": "Одлука",
                "file": SimpleUploadedFile("odluka.pdf", second),
                "collection": Collection.get_first_root_node().pk,
                **publication,
            },
        )
    version = DocumentVersion.objects.get()
    assert version.file.name in object_keys(s3, bucket), "the earlier file stays in the bucket"
    assert b"".join(client.get(version.get_absolute_url()).streaming_content) == first
