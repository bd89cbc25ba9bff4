"""Plain text, page count and "is it a scan?" for registry documents.

Works on binary file objects, with no Django model imports, so it runs the same in a
background task and in tests. Every reader stops as soon as MAX_TEXT_CHARS of text are
collected, and every library failure on a damaged file becomes an ExtractionError.

Zip-based formats have already been checked against zip bombs by documents.validation.
"""

import codecs
import datetime
import itertools
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from odf.element import Node
from odf.namespaces import OFFICENS, TABLENS, TEXTNS
from odf.opendocument import load as load_odf
from pypdf import PdfReader

MAX_TEXT_CHARS = 2_000_000
MAX_PDF_PAGES = 2000
# Below this many visible characters per page on average a PDF is taken for a scan:
# page numbers, a stamp or a header line survive on scans, real text pages have hundreds.
MIN_CHARS_PER_PAGE = 20
MAX_SHEET_ROWS = 100_000
# openpyxl pads a row with empty cells up to its last used column, so rows alone do not
# bound the work (one cell in column XFD costs 16,384); this does.
MAX_SHEET_CELLS = 5_000_000


class ExtractionError(Exception):
    """The file could not be read as the format it was said to be (damaged, encrypted, not that format)."""


@dataclass(frozen=True)
class Extraction:
    text: str  # plain text, whitespace tidied, at most MAX_TEXT_CHARS characters
    page_count: int | None  # PDF pages; None where a page count is not known (office files, spreadsheets, text)
    machine_readable: bool  # False for a PDF with (almost) no text layer, i.e. a scan that needs OCR


# --------------------------------------------------------------------------
# Text tidying and the size cap
# --------------------------------------------------------------------------

# NUL and other control characters: PostgreSQL refuses NUL in text, the rest is noise.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES_RE = re.compile(r"[^\S\t\n]+")  # any whitespace run except tabs (cell separators) and newlines
_BLANK_LINES_RE = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """One space between words, no blanks at line ends, at most one empty line in a row.

    Leading tabs stay: they are the empty first cells of a spreadsheet row.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _SPACES_RE.sub(" ", _CONTROL_RE.sub("", text))
    # Line by line rather than a regex such as "[ \t]+\n", which backtracks quadratically on
    # a long run of tabs (a spreadsheet row padded out to column XFD).
    text = "\n".join(line.rstrip(" \t").lstrip(" ") for line in text.split("\n"))
    return _BLANK_LINES_RE.sub("\n\n", text).strip("\n")


class _TextCollector:
    """Gathers tidied blocks (paragraphs, pages, rows) and tells readers when to stop reading."""

    def __init__(self) -> None:
        self.limit = MAX_TEXT_CHARS  # read at call time, so tests can lower it
        self._blocks: list[str] = []
        self._size = 0

    @property
    def full(self) -> bool:
        return self._size >= self.limit

    def add(self, block: str) -> None:
        block = tidy(block)
        if block:
            self._blocks.append(block)
            self._size += len(block) + 1

    def add_all(self, blocks: Iterable[str]) -> None:
        for block in blocks:
            if self.full:
                break
            self.add(block)

    def text(self) -> str:
        text = "\n".join(self._blocks)[: self.limit].rstrip()
        # PDFs often spell č as c + combining caron; search and exact comparison want the composed form.
        text = unicodedata.normalize("NFC", text)
        # A broken text layer can yield lone surrogates, which cannot be stored as UTF-8.
        return text.encode("utf-8", errors="replace").decode("utf-8")


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def _open_pdf(file) -> PdfReader:
    reader = PdfReader(file)
    # Many PDFs are encrypted only to set permissions, with an empty user password.
    if reader.is_encrypted and not reader.decrypt(""):
        raise ExtractionError("The PDF is password-protected, so its text cannot be read.")
    return reader


def _extract_pdf(file) -> Extraction:
    reader = _open_pdf(file)
    page_count = len(reader.pages)
    collector = _TextCollector()
    pages_read = visible_chars = 0
    for page in itertools.islice(reader.pages, MAX_PDF_PAGES):
        if collector.full:
            break
        page_text = page.extract_text() or ""
        pages_read += 1
        visible_chars += len("".join(page_text.split()))
        collector.add(page_text)
    machine_readable = pages_read > 0 and visible_chars >= MIN_CHARS_PER_PAGE * pages_read
    return Extraction(collector.text(), page_count, machine_readable)


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------

_W_P, _W_TBL, _W_TR, _W_TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
# Wrappers whose paragraphs are still document text: content controls (cover pages,
# tables of contents), custom XML, tracked insertions.
_W_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:smartTag")}


def _docx_blocks(element) -> Iterator[str]:
    """Paragraph texts and table rows under a body or cell element, in document order."""
    for child in element.iterchildren():
        if child.tag == _W_P:
            yield Paragraph(child, None).text
        elif child.tag == _W_TBL:
            yield from _docx_table_rows(child)
        elif child.tag in _W_CONTAINERS:
            yield from _docx_blocks(child)


def _docx_table_rows(table) -> Iterator[str]:
    # Walking the XML sees each cell once; python-docx's row.cells repeats merged cells.
    for row in table.iterchildren(_W_TR):
        cells = (" ".join(filter(None, _docx_blocks(cell))) for cell in row.iterchildren(_W_TC))
        yield "\t".join(cells)


def _extract_docx(file) -> Extraction:
    collector = _TextCollector()
    collector.add_all(_docx_blocks(docx.Document(file).element.body))
    return Extraction(collector.text(), page_count=None, machine_readable=True)


# --------------------------------------------------------------------------
# ODT / ODS
# --------------------------------------------------------------------------

_ODF_PARAGRAPHS = {(TEXTNS, "p"), (TEXTNS, "h")}
_ODF_ROW = (TABLENS, "table-row")
_ODF_CELLS = {(TABLENS, "table-cell"), (TABLENS, "covered-table-cell")}
_ODF_SKIPPED = {(TEXTNS, "tracked-changes")}  # deleted text kept for change tracking
# Like odf.teletype.extractText, except that <text:s text:c="N"/> becomes one space:
# teletype builds N spaces, so a tiny hostile file could ask for gigabytes.
_ODF_INLINE = {(TEXTNS, "s"): " ", (TEXTNS, "tab"): "\t", (TEXTNS, "line-break"): "\n"}


def _qname(node) -> tuple[str, str] | None:
    return node.qname if node.nodeType == Node.ELEMENT_NODE else None


def _odf_text(element) -> str:
    parts = []
    for child in element.childNodes:
        if child.nodeType == Node.TEXT_NODE:
            parts.append(child.data)
        elif child.nodeType == Node.ELEMENT_NODE:
            parts.append(_ODF_INLINE.get(child.qname) or _odf_text(child))
    return "".join(parts)


def _odf_cell_text(cell) -> str:
    text = " ".join(filter(None, _odf_blocks(cell)))
    # Cells written without a display paragraph keep their value in an attribute only.
    return text or cell.getAttrNS(OFFICENS, "value") or ""


def _odf_blocks(element) -> Iterator[str]:
    """Paragraphs, headings and table rows (cells joined by tabs) under element, in document order.

    A row or cell marked as repeated (number-rows/columns-repeated) is read once: that is
    how spreadsheets store a million empty rows, and once is enough for search.
    """
    for child in element.childNodes:
        qname = _qname(child)
        if qname is None or qname in _ODF_SKIPPED:
            continue
        if qname in _ODF_PARAGRAPHS:
            yield _odf_text(child)
        elif qname == _ODF_ROW:
            yield "\t".join(_odf_cell_text(cell) for cell in child.childNodes if _qname(cell) in _ODF_CELLS)
        else:
            yield from _odf_blocks(child)


def _extract_odt(file) -> Extraction:
    collector = _TextCollector()
    collector.add_all(_odf_blocks(load_odf(file).body))
    return Extraction(collector.text(), page_count=None, machine_readable=True)


def _extract_ods(file) -> Extraction:
    collector = _TextCollector()
    collector.add_all(itertools.islice(_odf_blocks(load_odf(file).body), MAX_SHEET_ROWS))
    return Extraction(collector.text(), page_count=None, machine_readable=True)


# --------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):  # Excel has only datetimes; most are plain dates
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _xlsx_rows(workbook) -> Iterator[tuple]:
    cells = 0
    rows = (row for sheet in workbook.worksheets for row in _sheet_rows(sheet))
    for row in itertools.islice(rows, MAX_SHEET_ROWS):
        cells += len(row)
        if cells > MAX_SHEET_CELLS:
            return
        yield row


def _sheet_rows(sheet) -> Iterator[tuple]:
    # The stored dimension can claim A1:XFD1048576; forget it and read only the rows that exist.
    sheet.reset_dimensions()
    return sheet.iter_rows(values_only=True)


def _extract_xlsx(file) -> Extraction:
    workbook = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        collector = _TextCollector()
        collector.add_all("\t".join(_cell_text(value) for value in row) for row in _xlsx_rows(workbook))
    finally:
        workbook.close()  # read-only workbooks keep the archive open
    return Extraction(collector.text(), page_count=None, machine_readable=True)


# --------------------------------------------------------------------------
# CSV / TXT
# --------------------------------------------------------------------------

_CP1251_LETTERS = bytes(range(0xC0, 0x100))  # А–я in Windows-1251
_ASCII_LETTERS = string.ascii_letters.encode()
_ENCODING_SAMPLE_BYTES = 64 * 1024


def _count_bytes(data: bytes, alphabet: bytes) -> int:
    return len(data) - len(data.translate(None, alphabet))


def _legacy_encodings(data: bytes) -> tuple[str, ...]:
    """Windows code pages to try, most likely first.

    Serbian Latin files from Windows are Windows-1250, where only č ć đ š ž are above
    0x7F; Cyrillic ones are Windows-1251, where nearly every letter is in 0xC0–0xFF.
    Both decode anything, so the letter statistics decide which one is meant.
    """
    sample = data[:_ENCODING_SAMPLE_BYTES]
    if _count_bytes(sample, _CP1251_LETTERS) > _count_bytes(sample, _ASCII_LETTERS):
        return ("cp1251", "cp1250")
    return ("cp1250",)


def decode_text(data: bytes, truncated: bool = False) -> str:
    """UTF-8 (BOM stripped), else Windows-1250/1251, else Latin-1, which never fails."""
    try:
        # Incremental, so a character cut in two at the read limit is dropped, not an error.
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=not truncated)
    except UnicodeDecodeError:
        pass
    for encoding in _legacy_encodings(data):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:  # a byte the code page leaves undefined
            continue
    return data.decode("latin-1")


def _extract_plain_text(file) -> Extraction:
    limit = MAX_TEXT_CHARS * 4  # UTF-8 needs at most 4 bytes per character
    data = file.read(limit + 1)
    collector = _TextCollector()
    collector.add(decode_text(data[:limit], truncated=len(data) > limit))
    return Extraction(collector.text(), page_count=None, machine_readable=True)


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------

_EXTRACTORS: dict[str, Callable[..., Extraction]] = {
    "pdf": _extract_pdf,
    "docx": _extract_docx,
    "odt": _extract_odt,
    "xlsx": _extract_xlsx,
    "ods": _extract_ods,
    "csv": _extract_plain_text,
    "txt": _extract_plain_text,
    "text": _extract_plain_text,  # what validation.detect_format calls CSV and TXT
}


def extract(file, file_format: str) -> Extraction:
    """Text of a binary, seekable file in one of the registry formats ('pdf', 'docx', 'odt', …)."""
    extractor = _EXTRACTORS.get(file_format)
    if extractor is None:
        raise ExtractionError(f"Text cannot be extracted from the {file_format!r} format.")
    file.seek(0)
    try:
        return extractor(file)
    except ExtractionError:
        raise
    except Exception as error:
        # Parsers raise a zoo of types on damaged input (zip, XML, PDF syntax, KeyError,
        # RecursionError); the caller only needs to know this file could not be read.
        label = file_format.upper()
        raise ExtractionError(f"Could not read the {label} file (damaged, or not really {label}): {error}") from error
    finally:
        file.seek(0)
