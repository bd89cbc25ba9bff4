"""Open data: the registry's metadata, one row per public document.

Only registry facts: no uploader, no e-mail, nothing personal.
"""

from .library import localized_names
from .models import DocumentType, IssuingBody, RegistryDocument
from .models.registry import REGISTRY_FACTS

EXPORT_FIELDS = [
    "id",
    "title",
    "title_en",
    *REGISTRY_FACTS,
    "topics",
    "file_format",
    "file_size",
    "page_count",
    "machine_readable",
    "sha256",
    "permalink",
    "download_url",
]


def export_rows(request):
    type_names, body_names = localized_names(DocumentType), localized_names(IssuingBody)
    documents = RegistryDocument.objects.public().order_by("pk").prefetch_related("tags")
    for document in documents.iterator(chunk_size=500):
        yield {
            "id": document.pk,
            "title": document.title,
            "title_en": document.title_en,
            "document_type": type_names.get(document.document_type_id, ""),
            "reference_number": document.reference_number,
            "issuing_body": body_names.get(document.issuing_body_id, ""),
            "date_adopted": document.date_adopted.isoformat() if document.date_adopted else "",
            "date_published": document.date_published.isoformat() if document.date_published else "",
            "gazette_reference": document.gazette_reference,
            "status": document.status,
            "file_language": document.file_language,
            "summary": document.summary,
            "topics": ", ".join(sorted(tag.name for tag in document.tags.all())),
            "file_format": document.file_extension.lower(),
            "file_size": document.file_size,
            "page_count": document.page_count,
            "machine_readable": document.machine_readable,
            "sha256": document.sha256,
            "permalink": request.build_absolute_uri(document.get_absolute_url()),
            "download_url": request.build_absolute_uri(document.url),
        }
