"""What may be uploaded to the registry, decided by the file's content, not its name.

A name can lie (an HTML page renamed to .pdf, a program renamed to .docx); the first
bytes and, for zip-based office formats, the archive's own table of contents cannot.
"""

import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 64 * 1024
# Office files are zip archives: refuse ones that would expand past this (zip bombs).
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_ENTRIES = 5000
MARKUP_SIGNS = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?php", b"<body", b"<iframe")

ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
OOXML_MARKERS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}
# "C:", "c:foo": a Windows drive, which an unpacking program may write outside its folder.
DRIVE_LETTER = re.compile(r"^[A-Za-z]:")


def detect_format(file) -> str | None:
    """The registry format a file really is ('pdf', 'docx', …), or None."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return detect_zip_format(file)
    if looks_like_plain_text(head):
        return "text"
    return None


def detect_zip_format(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                raise ValidationError(_("The archive inside this file has too many parts."), code="zip_entries")
            if sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                raise ValidationError(_("This file expands to an unreasonable size."), code="zip_bomb")
            if any(escapes_its_folder(entry.filename) for entry in entries):
                raise ValidationError(
                    _("The archive inside this file has parts whose paths point outside it; it is refused."),
                    code="zip_path",
                )
            names = {entry.filename for entry in entries}
            if "mimetype" in names:
                return ODF_MIMETYPES.get(archive.read("mimetype").strip())
            if "[Content_Types].xml" in names:
                return next((fmt for marker, fmt in OOXML_MARKERS.items() if marker in names), None)
            return None
    except zipfile.BadZipFile:
        return None
    finally:
        file.seek(0)


def escapes_its_folder(name: str) -> bool:
    """An entry an unpacking program would write outside its folder (zip slip, OWASP ASVS 5.2.3).

    Office formats never need one; both separators count, since Windows tools accept "\\".
    """
    if name.startswith(("/", "\\")) or DRIVE_LETTER.match(name):
        return True
    return ".." in re.split(r"[/\\]", name)


def looks_like_plain_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        # A multi-byte character may be cut at the end of the sample.
        text = head.decode("utf-8", errors="strict") if len(head) < HEAD_BYTES else head[:-4].decode("utf-8")
    except UnicodeDecodeError:
        return False
    lowered = text.lstrip().lower().encode()
    return not any(sign in lowered[:2048] for sign in MARKUP_SIGNS)


def validate_document_file(file, filename: str) -> None:
    """Raise ValidationError unless the file's content matches an allowed format and its name."""
    if file.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    actual = detect_format(file)
    expected = "text" if extension in {"txt", "csv"} else extension
    if actual is None:
        raise ValidationError(
            _("This file is not a PDF, DOCX, ODT, XLSX, ODS, CSV or TXT document."), code="unknown_format"
        )
    if actual != expected:
        raise ValidationError(
            _("The file's content does not match its extension .%(extension)s."),
            code="format_mismatch",
            params={"extension": extension},
        )
