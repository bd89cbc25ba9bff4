"""Public views of the registry: a document's permalink page, its earlier versions, open data."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, ReferenceIndex

from core.downloads import as_download, csv_response, json_response

from .exports import EXPORT_FIELDS, export_rows
from .library import localized_names, localized_snippets
from .models import DocumentType, DocumentVersion, IssuingBody, RegistryDocument


def public_document(document_id: int) -> RegistryDocument:
    return get_object_or_404(
        RegistryDocument.objects.public().select_related("document_type", "issuing_body"), pk=document_id
    )


def one_version_per_page(pages: list) -> list:
    """Each page once, in the reader's language (else Latin, else Cyrillic): every version of a page
    refers to the document, and a reader wants the one they can read, at its own URL."""
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    preference = [get_language(), "sr-latn", "sr-cyrl"]

    def rank(page) -> int:
        code = codes.get(page.locale_id)
        return preference.index(code) if code in preference else len(preference)

    chosen: dict = {}
    for page in pages:
        key = page.translation_key
        if key not in chosen or rank(page) < rank(chosen[key]):
            chosen[key] = page
    return list(chosen.values())


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
            "used_on": one_version_per_page([source for source, _references in used_on]),
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
