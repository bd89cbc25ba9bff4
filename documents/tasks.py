"""Work on a document's file that should not slow down the upload."""

import logging

from django_tasks import task

from django.core.files.base import ContentFile
from django.db import transaction

from .extraction import ExtractionError, extract
from .models import Extraction, RegistryDocument
from .thumbnails import pdf_first_page_png
from .validation import detect_format

logger = logging.getLogger(__name__)


@task()
def extract_document_text(document_id: int) -> None:
    """Extract the file's text (kept for search), count pages, draw a PDF's first page."""
    document = RegistryDocument.objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return
    extension = document.file_extension.lower()
    try:
        with document.file.open("rb") as file:
            detected = detect_format(file)
            file_format = extension if detected != "text" else ("csv" if extension == "csv" else "txt")
            result = extract(file, file_format)
            thumbnail = pdf_first_page_png(file) if file_format == "pdf" else None
    except (ExtractionError, OSError, ValueError) as error:
        logger.warning("Text extraction failed for document %s: %s", document_id, error)
        RegistryDocument.objects.filter(pk=document_id).update(extraction=Extraction.FAILED)
        return

    document.extracted_text = result.text
    document.page_count = result.page_count
    document.machine_readable = result.machine_readable
    document.extraction = Extraction.DONE
    if thumbnail:
        if document.thumbnail:
            document.thumbnail.delete(save=False)
        document.thumbnail.save(f"{document.pk}.png", ContentFile(thumbnail), save=False)
    document.save()  # recomputes search_text and reindexes


def queue_extraction(document: RegistryDocument) -> None:
    """Queue once the upload is committed, so the task sees the saved file and row."""
    if document.extraction == Extraction.PENDING and document.file:
        transaction.on_commit(lambda: extract_document_text.enqueue(document.pk))
