"""Text extraction reads back exactly what was written, in both scripts, and fails cleanly on bad files."""

import io
import time

import docx
import pypdfium2 as pdfium
import pytest
from odf.opendocument import OpenDocumentText
from odf.text import P, S
from PIL import Image

from demo import files as demo_files
from documents import extraction
from documents.extraction import ExtractionError, extract
from documents.thumbnails import pdf_first_page_png
from documents.validation import detect_format

TITLE = "Одлука о оснивању Канцеларије"
PARAGRAPHS = [
    "Члан 1. Оснива се Канцеларија за сарадњу са цивилним друштвом, са седиштем у граду Нови Сад.",
    "Prema član 5 ovog pravilnika, udruženja iz Šapca, Čačka i Đakova podnose izveštaj do 31. marta.",
    "Нови Сад",
]
WORDS = ["Одлука о оснивању Канцеларије", "član 5", "Нови Сад", "Šapca, Čačka i Đakova", "цивилним друштвом"]
ROWS = [
    ["Назив", "Место", "Износ"],
    ["Одлука о оснивању Канцеларије", "Нови Сад", 1500],
    ["član 5", "Šabac", 2.5],
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def build(file_format: str) -> bytes:
    if file_format == "pdf":
        return demo_files.pdf_document(TITLE, PARAGRAPHS)
    if file_format == "docx":
        return demo_files.docx_document(TITLE, PARAGRAPHS)
    if file_format == "odt":
        return demo_files.odt_document(TITLE, PARAGRAPHS)
    if file_format == "xlsx":
        return demo_files.xlsx_workbook(ROWS)
    if file_format == "ods":
        return demo_files.ods_workbook(ROWS)
    return "\n".join([TITLE, *PARAGRAPHS]).encode()


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt"])
def test_documents_give_back_cyrillic_and_latin_words_exactly(file_format):
    result = extract(io.BytesIO(build(file_format)), file_format)

    for words in WORDS:
        assert words in result.text
    assert result.text.startswith(TITLE)
    assert result.machine_readable


@pytest.mark.parametrize("file_format", ["xlsx", "ods"])
def test_spreadsheet_rows_come_back_as_tab_separated_lines(file_format):
    result = extract(io.BytesIO(build(file_format)), file_format)

    assert result.text.splitlines() == [
        "Назив\tМесто\tИзнос",
        "Одлука о оснивању Канцеларије\tНови Сад\t1500",
        "član 5\tŠabac\t2.5",
    ]
    assert result.page_count is None  # sheets are not pages


@pytest.mark.parametrize(
    ("file_format", "detected"),
    [("pdf", "pdf"), ("docx", "docx"), ("odt", "odt"), ("xlsx", "xlsx"), ("ods", "ods"), ("txt", "text")],
)
def test_demo_files_are_recognised_by_upload_validation(file_format, detected):
    assert detect_format(io.BytesIO(build(file_format))) == detected


def test_pdf_page_count_is_the_number_of_pages():
    data = demo_files.pdf_document(TITLE, PARAGRAPHS * 40)
    pages = len(pdfium.PdfDocument(data))

    result = extract(io.BytesIO(data), "pdf")

    assert pages > 1
    assert result.page_count == pages
    assert result.text.count("Нови Сад") == 80


def test_text_pdf_is_machine_readable():
    result = extract(io.BytesIO(build("pdf")), "pdf")

    assert result.page_count == 1
    assert result.machine_readable is True


def test_scanned_pdf_is_flagged_as_not_machine_readable():
    data = demo_files.scanned_pdf([TITLE, "član 5", "Нови Сад"])

    result = extract(io.BytesIO(data), "pdf")

    assert result == extraction.Extraction(text="", page_count=1, machine_readable=False)


@pytest.mark.parametrize("width", [320, 200])
def test_pdf_thumbnail_is_a_png_of_the_requested_width(width):
    png = pdf_first_page_png(io.BytesIO(build("pdf")), width=width)

    assert png.startswith(PNG_SIGNATURE)
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    assert image.width == width
    assert image.height == pytest.approx(width * 297 / 210, abs=2)  # A4 proportions


def test_scanned_pdf_still_gets_a_thumbnail():
    png = pdf_first_page_png(io.BytesIO(demo_files.scanned_pdf(["Нови Сад"])))

    assert png.startswith(PNG_SIGNATURE)


def test_unrenderable_pdf_has_no_thumbnail():
    assert pdf_first_page_png(io.BytesIO(b"%PDF-1.4 garbage")) is None


def test_windows_1250_csv_decodes_serbian_latin():
    data = "Šabac;Čačak\nĐurđevo;Žabalj;Ćuprija\n".encode("cp1250")

    assert extract(io.BytesIO(data), "csv").text == "Šabac;Čačak\nĐurđevo;Žabalj;Ćuprija"


def test_windows_1251_csv_decodes_serbian_cyrillic():
    data = "Град;Износ\nНови Сад;1500\nШабац;ђак\n".encode("cp1251")

    assert extract(io.BytesIO(data), "csv").text == "Град;Износ\nНови Сад;1500\nШабац;ђак"


def test_utf8_text_loses_its_byte_order_mark_and_extra_whitespace():
    data = "\ufeffОдлука  о\u00a0оснивању\r\n\r\n\r\n\r\nčlan 5   \n".encode()

    assert extract(io.BytesIO(data), "txt").text == "Одлука о оснивању\n\nčlan 5"


@pytest.mark.parametrize(
    ("file_format", "content"),
    [
        ("pdf", b"%PDF-1.4 garbage"),
        ("pdf", b"%PDF-1.4\n" + b"\x00" * 5000),
        ("docx", b"PK\x03\x04 not really a zip"),
        ("odt", b"PK\x03\x04 not really a zip"),
        ("xlsx", b"PK\x03\x04 not really a zip"),
        ("ods", b"PK\x03\x04 not really a zip"),
    ],
)
def test_broken_file_raises_extraction_error_quickly(file_format, content):
    started = time.monotonic()

    with pytest.raises(ExtractionError):
        extract(io.BytesIO(content), file_format)

    assert time.monotonic() - started < 5


def test_unknown_format_raises_extraction_error():
    with pytest.raises(ExtractionError):
        extract(io.BytesIO(b"data"), "exe")


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt", "xlsx", "ods", "txt"])
def test_text_is_capped_at_max_text_chars(monkeypatch, file_format):
    data = build(file_format)
    full = extract(io.BytesIO(data), file_format).text
    monkeypatch.setattr(extraction, "MAX_TEXT_CHARS", 25)

    capped = extract(io.BytesIO(data), file_format).text

    assert len(full) > 25
    assert len(capped) <= 25
    assert full.startswith(capped)


def test_docx_table_cells_are_read_once_each_in_row_order():
    document = docx.Document()
    document.add_paragraph("Списак удружења")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Нови Сад"
    table.cell(0, 2).text = "član 5"
    table.cell(1, 0).text = "Šabac"
    table.cell(1, 2).text = "Čačak"
    buffer = io.BytesIO()
    document.save(buffer)

    result = extract(buffer, "docx")

    assert result.text == "Списак удружења\nНови Сад\tčlan 5\nŠabac\t\tČačak"


def test_odt_with_a_huge_space_run_cannot_exhaust_memory():
    document = OpenDocumentText()
    paragraph = P(text="Нови")
    paragraph.addElement(S(c=10**12))  # "a trillion spaces here", in a file of a few hundred bytes
    paragraph.addText("Сад")
    document.text.addElement(paragraph)
    buffer = io.BytesIO()
    document.write(buffer)

    assert extract(buffer, "odt").text == "Нови Сад"


def test_demo_files_are_reproducible():
    assert demo_files.pdf_document(TITLE, PARAGRAPHS) == demo_files.pdf_document(TITLE, PARAGRAPHS)
    assert demo_files.docx_document(TITLE, PARAGRAPHS) == demo_files.docx_document(TITLE, PARAGRAPHS)
    assert demo_files.xlsx_workbook(ROWS) == demo_files.xlsx_workbook(ROWS)


def test_bundled_font_covers_serbian_in_both_scripts():
    from fontTools.ttLib import TTFont

    for path in (demo_files.FONT_PATH, demo_files.BOLD_FONT_PATH):
        cmap = TTFont(path).getBestCmap()
        assert all(ord(char) in cmap for char in "čćđšžČĆĐŠŽЂЋЏђћџЉЊљњ–—„“”‘’…€№")
