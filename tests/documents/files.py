"""Files built in memory for upload tests: good ones, disguised ones and a zip bomb."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from wagtail.models import Collection

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
WINDOWS_EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64 + b"PE\x00\x00"


def office_zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def minimal_docx() -> bytes:
    return office_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": "<w:document>Члан 1</w:document>"})


def minimal_odt() -> bytes:
    return office_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def zip_bomb_docx() -> bytes:
    """A .docx that is a few hundred kilobytes on disk and expands past 200 MB."""
    return office_zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document/>",
            "word/media/padding.bin": b"\x00" * (210 * 1024 * 1024),
        }
    )


def drop_in_admin(admin_client, name: str, content: bytes):
    """A file as an editor drops it in the admin's multiple-upload view (no metadata yet); the
    work that waits for the commit (text extraction) runs. Returns the view's JSON answer."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
    return response.json()
