"""Public views of the registry: a document's permalink page, its earlier versions, open data."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import ReferenceIndex

from core.downloads import as_download, csv_response, json_response

from .exports import EXPORT_FIELDS, export_rows
from .library import localized_names, localized_snippets
from .models import DocumentType, DocumentVersion, IssuingBody, RegistryDocument


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
    return as_download(FileResponse(file, filename=version.filename), version.filename)


@require_GET
def registry_export(request, fmt: str):
    """The registry's metadata as open data: one row per public document, no personal data."""
    rows = export_rows(request)
    if fmt == "json":
        return json_response({"fields": EXPORT_FIELDS, "documents": list(rows)}, "document-registry.json")
    if fmt != "csv":
        raise Http404
    return csv_response(rows, EXPORT_FIELDS, "document-registry.csv")
