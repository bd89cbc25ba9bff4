"""Uploads are allowed by what a file is, not what it is called; a refused upload stores nothing."""

import io
import zipfile
from pathlib import Path

import pytest

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import RegistryDocument
from documents.validation import detect_format, validate_document_file
from tests.documents.files import (
    HTML_PAGE,
    MINIMAL_PDF,
    WINDOWS_EXECUTABLE,
    minimal_docx,
    minimal_odt,
    zip_bomb_docx,
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (MINIMAL_PDF, "pdf"),
        (minimal_docx(), "docx"),
        (minimal_odt(), "odt"),
        ("Рб;Назив\n1;Удружење\n".encode(), "text"),
        (HTML_PAGE, None),
        (WINDOWS_EXECUTABLE, None),
    ],
)
def test_format_is_detected_from_content(content, expected):
    assert detect_format(io.BytesIO(content)) == expected


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


# A name, the content, the validator's error code and (where the admin is tried too) the admin's message.
BAD_FILES = [
    (
        "odluka.pdf",
        HTML_PAGE,
        "unknown_format",
        "Ова датотека није документ у формату PDF, DOCX, ODT, XLSX, ODS, CSV или TXT.",
    ),
    ("obrazac.docx", WINDOWS_EXECUTABLE, "unknown_format", "Ова датотека није документ у формату"),
    ("izvestaj.pdf", minimal_docx(), "format_mismatch", None),
    ("prazno.txt", b"", "empty", None),
    ("bomba.docx", zip_bomb_docx(), "zip_bomb", "Ова датотека се распакује у неразумно велику величину."),
    ("prazno.pdf", b"", "empty", "Пребачени фајл је празан."),
]


@pytest.mark.parametrize(("name", "content", "code"), [(name, content, code) for name, content, code, _ in BAD_FILES])
def test_disguised_empty_or_bomb_files_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        validate_document_file(upload(name, content), name)
    assert error.value.code == code


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "documents"
    return sorted(root.rglob("*")) if root.exists() else []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"), [(name, content, message) for name, content, _, message in BAD_FILES if message]
)
def test_admin_refuses_bad_files_with_a_clear_error_and_stores_nothing(
    admin_client, local_media, name, content, message
):
    # A media folder of the test's own: tests in other processes write to the shared one meanwhile.
    before = stored_files()
    response = admin_client.post("/admin/documents/add/", {"title": "Лош фајл", "file": upload(name, content)})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert RegistryDocument.objects.count() == 0
    assert stored_files() == before, "a refused upload leaves no file behind"


@pytest.mark.django_db
def test_admin_refuses_oversize_files(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post("/admin/documents/add/", {"title": "Велик", "file": upload("a.txt", b"a" * 4096)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ова датотека је превелика (4,0\xa0KB). Највећа дозвољена величина је 1,0\xa0KB." in html
    assert "није дозвољена" not in html, "no confusing second error about the extension"
    assert RegistryDocument.objects.count() == 0


@pytest.mark.django_db
def test_admin_accepts_a_real_pdf(admin_client):
    response = admin_client.post(
        "/admin/documents/add/", {"title": "Одлука", "file": upload("odluka.pdf", MINIMAL_PDF)}
    )
    assert response.status_code == 302
    document = RegistryDocument.objects.get()
    assert document.file_extension == "pdf"
    assert document.file_size == len(MINIMAL_PDF)


def office_file_with_entry(file_format: str, hostile_name: str) -> bytes:
    """A well-formed DOCX/XLSX/ODT/ODS that also holds one entry whose path leaves the archive's folder."""
    parts = {
        "docx": {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"},
        "xlsx": {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"},
        "odt": {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"},
        "ods": {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office/>"},
    }[file_format]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        archive.writestr(zipfile.ZipInfo(hostile_name), "payload")
    return buffer.getvalue()


ZIP_PATH_REFUSAL = "Архива у овој датотеци има делове чије путање воде ван ње; датотека је одбијена."
HOSTILE_ENTRY_NAMES = [
    "../../etc/cron.d/evil",
    "word/../../outside.xml",
    "/etc/passwd",
    "..\\..\\Windows\\evil.dll",
    "\\server\\share\\evil",
    "C:/Windows/evil.dll",
    "c:evil.txt",
]


@pytest.mark.parametrize("file_format", ["docx", "xlsx", "odt", "ods"])
@pytest.mark.parametrize("hostile_name", HOSTILE_ENTRY_NAMES)
def test_office_files_with_entries_outside_the_archive_are_refused(file_format, hostile_name):
    content = office_file_with_entry(file_format, hostile_name)
    assert zipfile.ZipFile(io.BytesIO(content)).namelist()[-1] == hostile_name, "the test zip keeps the hostile path"

    with pytest.raises(ValidationError) as error:
        validate_document_file(upload(f"prilog.{file_format}", content), f"prilog.{file_format}")

    assert error.value.code == "zip_path"


@pytest.mark.parametrize("file_format", ["docx", "xlsx", "odt", "ods"])
def test_office_files_with_ordinary_entries_are_accepted(file_format):
    content = office_file_with_entry(file_format, "word/media/..image..png")
    validate_document_file(upload(f"prilog.{file_format}", content), f"prilog.{file_format}")


@pytest.mark.django_db
def test_admin_refuses_a_docx_with_a_path_outside_the_archive_in_serbian(admin_client, local_media):
    content = office_file_with_entry("docx", "../../evil.sh")
    before = stored_files()

    response = admin_client.post("/admin/documents/add/", {"title": "Злонамерни", "file": upload("a.docx", content)})

    assert response.status_code == 200
    assert (
        "Архива у овој датотеци има делове чије путање воде ван ње; датотека је одбијена." in response.content.decode()
    )
    assert RegistryDocument.objects.count() == 0
    assert stored_files() == before


def test_comment_attachments_with_a_path_outside_the_archive_are_refused():
    from consultations.forms import CommentForm

    form = CommentForm()
    form.cleaned_data = {"attachment": upload("predlog.docx", office_file_with_entry("docx", "../evil.xml"))}

    with pytest.raises(ValidationError) as error:
        form.clean_attachment()

    assert error.value.code == "zip_path"
