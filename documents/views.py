"""Public views of the registry: a document's permalink page, its earlier versions, open data."""

import csv
from itertools import chain

from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import ReferenceIndex

from core.exports import neutralise_formula

from .exports import EXPORT_FIELDS, export_rows
from .library import localized_names, localized_snippets
from .models import DocumentType, DocumentVersion, IssuingBody, RegistryDocument

# A downloaded file is data, never a page: no scripts, no embedding, no sniffing.
DOWNLOAD_CSP = "default-src 'none'; sandbox"


def public_document(document_id: int) -> RegistryDocument:
    return get_object_or_404(
        RegistryDocument.objects.public().select_related("document_type", "issuing_body"), pk=document_id
    )


@require_GET
def document_detail(request, document_id: int, slug: str):
    document = public_document(document_id)
    if slug != document.slug:
        return redirect(document.get_absolute_url(), permanent=True)
    document.type_name = localized_names(DocumentType).get(document.document_type_id, "")
    document.body = localized_snippets(IssuingBody).get(document.issuing_body_id)
    related = {
        _("Amends"): document.amends.public(),
        _("Amended by"): document.amended_by.public(),
        _("Supersedes"): document.supersedes.public(),
        _("Superseded by"): document.superseded_by.public(),
    }
    used_on = [
        page
        for page in ReferenceIndex.get_references_to(document).group_by_source_object()
        if getattr(page[0], "live", False)
    ]
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "versions": document.versions.all(),
            "related": {label: list(docs) for label, docs in related.items() if docs.exists()},
            "used_on": [source for source, _references in used_on],
        },
    )


@require_GET
def version_download(request, document_id: int, version_id: int):
    document = public_document(document_id)
    version = get_object_or_404(DocumentVersion, pk=version_id, document=document)
    try:
        file = version.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("This version's file is no longer available.")) from error
    response = FileResponse(file, as_attachment=True, filename=version.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = DOWNLOAD_CSP
    return response


class EchoBuffer:
    """csv.writer writes a row to this and gets the line back, so rows can be streamed."""

    def write(self, value):
        return value


def spreadsheet_safe(row: dict) -> dict:
    """Titles, numbers and summaries are editors' text: a spreadsheet must not run them as formulas."""
    return {key: neutralise_formula(value) for key, value in row.items()}


@require_GET
def registry_export(request, fmt: str):
    """The registry's metadata as open data: one row per public document, no personal data."""
    rows = export_rows(request)
    if fmt == "json":
        return JsonResponse(
            {"fields": EXPORT_FIELDS, "documents": list(rows)}, json_dumps_params={"ensure_ascii": False}
        )
    if fmt != "csv":
        raise Http404
    writer = csv.DictWriter(EchoBuffer(), fieldnames=EXPORT_FIELDS)
    # The byte-order mark lets spreadsheet programs read Cyrillic correctly.
    lines = chain(["\ufeff" + writer.writeheader()], (writer.writerow(spreadsheet_safe(row)) for row in rows))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="document-registry.csv"'
    return response
