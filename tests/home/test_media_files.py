"""Uploaded images are served from the local disk; nothing else under MEDIA_ROOT is."""

import os
import secrets

import pytest
import wagtail_factories

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.fresh_process import run_python

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory()


def test_original_image_and_rendition_are_served_with_safe_headers(client, image):
    rendition = image.get_rendition("fill-10x10")

    for url in (image.file.url, rendition.url):
        assert url.startswith("/media/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] in {"image/png", "image/jpeg", "image/gif", "image/webp"}
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "public, max-age=86400"
        assert "sandbox" in response["Content-Security-Policy"]
        assert b"".join(response.streaming_content)[:4] in {b"\x89PNG", b"\xff\xd8\xff\xe0", b"GIF8", b"RIFF"}
        assert response.has_header("Last-Modified")


def test_an_unchanged_image_answers_not_modified(client, image):
    first = client.get(image.file.url)
    again = client.get(image.file.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize(
    "private_path",
    [
        "documents/odluka.png",  # registry files are served by the registry's own views and rules
        "documents/thumbnails/7.png",  # a private document's first page
        "consultations/attachments/9c1e5b7a2d4f60318e7b5a9c0d2e4f61/skenirano.png",  # comment attachments
        # (a fixed random-looking folder: test ids must be the same in every pytest-xdist worker)
    ],
)
def test_files_outside_the_image_folders_are_never_served(client, private_path):
    saved = default_storage.save(private_path, ContentFile(PNG))
    try:
        assert client.get(f"/media/{saved}").status_code == 404
        assert client.get(f"/media/images/../{saved}").status_code == 404
        assert client.get(f"/media/original_images/%2e%2e/{saved}").status_code == 404
    finally:
        default_storage.delete(saved)


def test_no_directory_listing_and_no_non_image_files(client, image):
    text = default_storage.save("original_images/notes.html", ContentFile(b"<script>alert(1)</script>"))
    try:
        assert client.get("/media/original_images/", follow=True).status_code == 404
        assert client.get("/media/images/", follow=True).status_code == 404
        assert client.get("/media/original_images/x/", follow=True).status_code == 404
        assert client.get(f"/media/{text}").status_code == 404
        assert client.get("/media/original_images/missing.png").status_code == 404
    finally:
        default_storage.delete(text)


def test_post_to_an_image_is_refused(client, image):
    assert client.post(image.file.url).status_code == 405


def test_production_settings_with_local_storage_serve_uploaded_images(tmp_path):
    """The one-machine deployment: production settings, no bucket, images from MEDIA_ROOT."""
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "logo.png").write_bytes(PNG)
    code = f"""
import django
from django.conf import settings
django.setup()
settings.MEDIA_ROOT = {str(tmp_path)!r}
from django.test import Client
response = Client().get("/media/original_images/logo.png", secure=True, HTTP_HOST="portal.example.org")
print(response.status_code, response["Content-Type"], response["X-Content-Type-Options"])
"""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env.update(
        DJANGO_SETTINGS_MODULE="cso_site.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="portal.example.org",
    )
    result = run_python(code, env)
    assert result.stdout.split() == ["200", "image/png", "nosniff"], result.stderr
