"""Documents on an S3-compatible store (moto's server, started by `make test`)."""

import os
import uuid

import boto3
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import RegistryDocument
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
def s3_bucket(settings):
    bucket = f"cso-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3", endpoint_url=ENDPOINT, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )
    client.create_bucket(Bucket=bucket)
    settings.AWS_STORAGE_BUCKET_NAME = bucket
    settings.AWS_S3_ENDPOINT_URL = ENDPOINT
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_ACCESS_KEY_ID = "test"
    settings.AWS_SECRET_ACCESS_KEY = "test"  # noqa: S105
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.AWS_QUERYSTRING_AUTH = True
    # Changing STORAGES resets Django's default storage, which the document's file field follows.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    return client, bucket


def object_keys(client, bucket) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])]


def test_uploaded_document_is_stored_privately_in_the_bucket_and_served_by_the_site(admin_client, client, s3_bucket):
    s3, bucket = s3_bucket
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Одлука", "file": SimpleUploadedFile("odluka.pdf", MINIMAL_PDF)}
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
