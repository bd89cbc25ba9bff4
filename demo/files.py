"""Small, realistic registry files built in memory, for demo content and tests.

No network and no system fonts: PDFs and the fake scan use the DejaVu Sans subset
committed in demo/data/fonts/, which covers Serbian Cyrillic and Latin (č ć đ š ž).
Output is reproducible: fixed dates and zip timestamps, so equal input gives equal bytes
(except that odfpy, once used in a process, may declare a few more XML namespaces).
"""

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter
from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path(__file__).resolve().parent / "data" / "fonts"
FONT_PATH = FONT_DIR / "DejaVuSans-Serbian.ttf"
BOLD_FONT_PATH = FONT_DIR / "DejaVuSans-Serbian-Bold.ttf"

FIXED_DATE = datetime(2024, 1, 15, 9, 0, tzinfo=UTC)
AUTHOR = "Kancelarija za saradnju sa civilnim društvom"

# The fake scan: an A4 page at 100 dpi, grey-ish like a real scanner's output.
SCAN_SIZE = (827, 1169)
SCAN_MARGIN = 80
SCAN_FONT_SIZE = 22
SCAN_LINE_HEIGHT = 34


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------


def _new_pdf(title: str) -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title(title)
    pdf.set_author(AUTHOR)
    pdf.set_lang("sr")
    pdf.add_font("DejaVu", "", FONT_PATH)
    pdf.add_font("DejaVu", "B", BOLD_FONT_PATH)
    pdf.set_auto_page_break(auto=True, margin=20)
    return pdf


def pdf_document(title: str, paragraphs: list[str]) -> bytes:
    """A4 PDF with a real text layer: the embedded font carries a ToUnicode map, so text extracts back exactly."""
    pdf = _new_pdf(title)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 16)
    pdf.multi_cell(0, 9, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)
    return bytes(pdf.output())


def _scan_image(lines: list[str]) -> bytes:
    """The lines drawn onto a page-sized greyscale PNG, as a scanner would deliver them."""
    image = Image.new("L", SCAN_SIZE, color=244)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_PATH), SCAN_FONT_SIZE)
    for index, line in enumerate(lines):
        draw.text((SCAN_MARGIN, SCAN_MARGIN + index * SCAN_LINE_HEIGHT), line, fill=30, font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scanned_pdf(lines: list[str]) -> bytes:
    """One A4 page that is only a picture of text: no text layer, like an unprocessed scan."""
    pdf = _new_pdf("Skenirani dokument")
    pdf.add_page()
    pdf.image(io.BytesIO(_scan_image(lines)), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


# --------------------------------------------------------------------------
# Office documents
# --------------------------------------------------------------------------


def _fixed_zip_dates(data: bytes) -> bytes:
    """The same archive, entries in the same order, with one fixed timestamp (libraries stamp "now")."""
    output = io.BytesIO()
    date_time = FIXED_DATE.timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            # ODF requires "mimetype" first and stored uncompressed; keep every entry's method.
            info.compress_type = entry.compress_type
            info.external_attr = entry.external_attr
            target.writestr(info, source.read(entry))
    return output.getvalue()


def docx_document(title: str, paragraphs: list[str]) -> bytes:
    document = Document()
    properties = document.core_properties
    properties.title = title
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.language = "sr"
    properties.created = properties.modified = FIXED_DATE.replace(tzinfo=None)
    properties.revision = 1
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_dates(buffer.getvalue())


def odt_document(title: str, paragraphs: list[str]) -> bytes:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=title))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    buffer = io.BytesIO()
    document.write(buffer)
    return _fixed_zip_dates(buffer.getvalue())


# --------------------------------------------------------------------------
# Spreadsheets
# --------------------------------------------------------------------------


def xlsx_workbook(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Podaci"
    for row in rows:
        sheet.append(row)
    workbook.properties.creator = AUTHOR
    workbook.properties.created = workbook.properties.modified = FIXED_DATE.replace(tzinfo=None)
    buffer = io.BytesIO()
    # Workbook.save() would stamp "modified" with the current time; the writer itself does not.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip_dates(buffer.getvalue())


def _ods_cell(value) -> TableCell:
    if value is None:
        return TableCell()
    if isinstance(value, bool):
        cell = TableCell(valuetype="boolean", booleanvalue=str(value).lower())
    elif isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=value)
    else:
        cell = TableCell(valuetype="string")
    # The displayed text lives in a paragraph; readers show it, and so does our extraction.
    cell.addElement(P(text=str(value)))
    return cell


def ods_workbook(rows: list[list]) -> bytes:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Podaci")
    for row in rows:
        table_row = TableRow()
        for value in row:
            table_row.addElement(_ods_cell(value))
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return _fixed_zip_dates(buffer.getvalue())
