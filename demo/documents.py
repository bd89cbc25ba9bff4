"""Demo registry: document types, issuing bodies, a library page and a handful of real files.

The files are generated (PDF/DOCX/ODT/XLSX with Cyrillic text, see demo/files.py), so
`make run` shows a living library without downloading anything. The other parts of the demo
file their documents here too (`ensure_registry_document`). Safe to run again: what exists is kept.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.models import Collection

from core.scripts import latin_slug
from documents.models import DocumentLibraryPage, DocumentType, IssuingBody, RegistryDocument, Status

from . import files
from .data import load
from .pages import ensure_index_page, translate_if_missing

DATA = load("documents")


def root_collection() -> Collection:
    # A flushed database (transactional tests) has no root collection yet.
    return Collection.get_first_root_node() or Collection.add_root(name="Све збирке")


def registry_snippet(model, name: str, locales):
    """The Cyrillic document type or issuing body called `name` (the registry builds them first)."""
    return model.objects.filter(locale=locales["sr-cyrl"], name=name).first()


def generated_file(file_format: str, title: str, content: list) -> tuple[str, bytes]:
    """(extension, bytes) of a file in `file_format`; "scan" is a PDF with no text layer."""
    if file_format == "pdf":
        return "pdf", files.pdf_document(title, content)
    if file_format == "scan":
        return "pdf", files.scanned_pdf([title, *content])
    if file_format == "docx":
        return "docx", files.docx_document(title, content)
    if file_format == "odt":
        return "odt", files.odt_document(title, content)
    return "xlsx", files.xlsx_workbook(content)


def ensure_registry_document(title: str, title_en: str, file_format: str, content: list, *, topics=(), **fields):
    """The published registry document called `title`, with a generated file; created once."""
    document = RegistryDocument.objects.filter(title=title).first()
    if document is not None:
        return document
    extension, data = generated_file(file_format, title, content)
    fields.setdefault("summary", content[0] if isinstance(content[0], str) else "")
    document = RegistryDocument(title=title, title_en=title_en, collection=root_collection(), published=True, **fields)
    document.file.save(f"{latin_slug(title, max_length=60)}.{extension}", ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    if topics:
        document.tags.add(*topics)
    return document


def ensure_translated_snippets(model, pairs, locales, **fields_for) -> dict[str, object]:
    """Create each Cyrillic snippet once (its Latin twin follows on save) and its English translation.

    `pairs` are [Cyrillic name, English name]; `fields_for[name]` are more fields of that snippet.
    """
    english = dict(pairs)
    by_name = {}
    for name, _english in pairs:
        fields = fields_for.get(name, {})
        snippet = registry_snippet(model, name, locales)
        if snippet is None:
            snippet = model.objects.create(locale=locales["sr-cyrl"], name=name, **fields)
        table = {name: english[name]}
        if fields.get("successor"):
            table[fields["successor"]] = english[fields["successor"]]
        translate_if_missing(snippet, locales, table)
        by_name[name] = snippet
    return by_name


def ensure_documents(types, bodies) -> None:
    for spec in DATA["documents"]:
        content = spec.get("paragraphs") or spec["rows"]
        ensure_registry_document(
            *spec["title"],
            spec["format"],
            content,
            topics=spec["topics"],
            document_type=types[spec["type"]],
            issuing_body=bodies[spec["issuer"]],
            date_adopted=spec["adopted"],
            date_published=spec["adopted"] + datetime.timedelta(days=7),
            reference_number=spec.get("reference_number", ""),
            status=Status(spec["status"]),
        )


def build_demo_registry(home, locales) -> DocumentLibraryPage:
    types = ensure_translated_snippets(
        DocumentType,
        DATA["document_types"],
        locales,
        **{name: {"sort_order": i} for i, (name, _en) in enumerate(DATA["document_types"])},
    )
    bodies = ensure_translated_snippets(
        IssuingBody,
        [body["name"] for body in DATA["issuing_bodies"]],
        locales,
        **{
            body["name"][0]: {"abolished_in": body.get("abolished_in"), "successor": body.get("successor", "")}
            for body in DATA["issuing_bodies"]
        },
    )
    ensure_documents(types, bodies)
    return ensure_index_page(home, locales, DocumentLibraryPage, DATA["library"])
