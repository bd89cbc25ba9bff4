"""A PNG thumbnail of a PDF's first page, for the registry's listing and the document page.

Rendered by PDFium (pypdfium2); a PDF it cannot draw simply has no thumbnail.
"""

import io
import logging
import threading

import pypdfium2 as pdfium

logger = logging.getLogger(__name__)

# A thumbnail of a very tall page (a receipt roll, a hostile 1×100000 pt box) shows its top only.
MAX_THUMBNAIL_ASPECT = 2.0

# PDFium is not thread-safe; a worker running tasks in threads must not render two PDFs at once.
_PDFIUM_LOCK = threading.Lock()


def _pdfium_source(file):
    # PDFium reads straight from a real file object; wrappers without readinto are read into memory.
    return file if hasattr(file, "readinto") else file.read()


def _render_top(page, width: int) -> bytes | None:
    page_width, page_height = page.get_size()
    if page_width <= 0 or page_height <= 0:
        return None
    crop_bottom = max(0.0, page_height - page_width * MAX_THUMBNAIL_ASPECT)
    image = page.render(scale=width / page_width, crop=(0, crop_bottom, 0, 0)).to_pil().convert("RGB")
    if image.width != width:  # the renderer rounds the bitmap size up
        image = image.resize((width, max(1, round(image.height * width / image.width))))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def pdf_first_page_png(file, width: int = 320) -> bytes | None:
    """PNG thumbnail of the first page, `width` pixels wide; None if the PDF cannot be rendered."""
    file.seek(0)
    try:
        with _PDFIUM_LOCK:
            document = pdfium.PdfDocument(_pdfium_source(file))
            try:
                if len(document) == 0:
                    return None
                page = document[0]
                try:
                    return _render_top(page, width)
                finally:
                    page.close()
            finally:
                document.close()
    except Exception as error:  # noqa: BLE001 - any failure to draw only costs the thumbnail
        # A thumbnail is a nicety: a PDF that PDFium cannot draw simply has none.
        logger.warning("Could not render a PDF thumbnail: %s", error)
        return None
    finally:
        file.seek(0)
