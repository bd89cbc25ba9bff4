"""Build and keep ``SearchEntry`` rows from the pages and the document registry.

Everything here is idempotent: ``sync_page(key)`` and ``sync_document(pk)`` look at
the current state of the source and create, update or delete the one entry that
describes it. The signal handlers, the demo loader and ``sync_search_entries``
all go through them, so there is a single way an entry comes to be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import Page
from wagtail.search import index

from core.scripts import normalize, to_latin

from .models import MAX_DISPLAY_TEXT, MAX_SEARCH_TEXT, SearchEntry, SearchWord
from .stemming import with_stem_exceptions

LANGUAGES = ("sr-cyrl", "sr-latn", "en")
DOCUMENT_KIND = "documents.registrydocument"
# Page types that are only a way in, not something to find.
SKIPPED_KINDS = {"home.homepage"}
_WORD_RE = re.compile(r"[a-z]{4,40}")
_DISPLAY_WORD_RE = re.compile(r"[^\W\d_]{4,40}")
_SPACES_RE = re.compile(r"\s+")


def page_key(translation_key) -> str:
    return f"page:{translation_key}"


def document_key(pk: int) -> str:
    return f"document:{pk}"


# --------------------------------------------------------------------------
# Text of an object, from its own search_fields
# --------------------------------------------------------------------------


def _text_of_value(model_field, value) -> Iterable[str]:
    if value is None:
        return []
    if model_field is not None and hasattr(model_field, "get_searchable_content"):
        return [str(part) for part in model_field.get_searchable_content(value)]
    if hasattr(value, "all"):  # a related manager (tags, articles)
        return [str(item) for item in value.all()]
    return [str(value)]


def searchable_text(obj, fields=None) -> str:
    """The plain text of every SearchField the model declares, in declaration order.

    Reusing the page types' own search_fields means a new field that an app makes
    searchable in the admin is also found by the public search.
    """
    parts: list[str] = []
    for field in fields if fields is not None else type(obj).get_search_fields():
        if isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                parts.append(searchable_text(item, field.fields))
        elif isinstance(field, index.SearchField):
            try:
                model_field = type(obj)._meta.get_field(field.field_name)
                value = getattr(obj, field.field_name)
            except (FieldDoesNotExist, AttributeError):  # a method or property, as modelsearch allows
                model_field, value = None, field.get_value(obj)
            parts.extend(_text_of_value(model_field, value))
    text = strip_tags(" ".join(part for part in parts if part))
    return _SPACES_RE.sub(" ", text).strip()


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------


def page_date(page):
    """The date a visitor would sort this page by: its own date field if it has one."""
    field_name = getattr(type(page), "search_date_field", None)
    value = getattr(page, field_name, None) if field_name else None
    value = value or page.first_published_at or timezone.now()
    return timezone.localtime(value).date() if hasattr(value, "hour") else value


def is_searchable_page(page) -> bool:
    return page.live and page.depth > 2 and page.specific_class is not None


def sync_page(translation_key) -> SearchEntry | None:
    """Create, update or delete the entry of a page and its translations."""
    key = page_key(translation_key)
    live = Page.objects.filter(translation_key=translation_key, depth__gt=2).live()
    # Latin twins do not inherit their original's view restriction: one restricted
    # translation keeps the whole item out of the public search.
    if live.count() != live.public().count():
        SearchEntry.objects.filter(key=key).delete()
        return None
    pages = [page.specific for page in live.select_related("locale").order_by("pk")]
    pages = [page for page in pages if f"{page._meta.app_label}.{page._meta.model_name}" not in SKIPPED_KINDS]
    if not pages:
        SearchEntry.objects.filter(key=key).delete()
        return None

    by_language = {page.locale.language_code: page for page in pages}
    original = by_language.get("sr-cyrl") or by_language.get("sr-latn") or pages[0]
    english = by_language.get("en")
    titles, urls = {}, {}
    for language in LANGUAGES:
        page = by_language.get(language)
        if page is None:
            # No version in this language: the Latin twin for English readers, else the
            # original, its title in the right script.
            page = by_language.get("sr-latn", original) if language == "en" else original
            titles[language] = to_latin(original.title) if language != "sr-cyrl" else original.title
        else:
            titles[language] = page.title
        urls[language] = page.get_url()
    text = searchable_text(original)
    text_en = searchable_text(english) if english else ""
    date = page_date(original)
    return _save(
        key,
        kind=f"{original._meta.app_label}.{original._meta.model_name}",
        document_type_id=None,
        year=date.year if date else None,
        date=date,
        titles=titles,
        urls=urls,
        text=text,
        text_en=text_en,
        search_title=normalize(" ".join([original.title, english.title if english else ""])),
        search_text=normalize(" ".join([text, text_en])),
    )


# --------------------------------------------------------------------------
# Registry documents
# --------------------------------------------------------------------------


def sync_document(pk: int) -> SearchEntry | None:
    from django.utils import translation

    from documents.models import RegistryDocument

    key = document_key(pk)
    document = RegistryDocument.objects.public().select_related("document_type").filter(pk=pk).first()
    if document is None:
        SearchEntry.objects.filter(key=key).delete()
        return None
    titles, urls = {}, {}
    for language in LANGUAGES:
        with translation.override(language):
            titles[language] = document.display_title
            urls[language] = document.get_absolute_url()
    text = " ".join(part for part in [document.reference_number, document.summary, document.extracted_text] if part)
    date = document.date_adopted or document.date_published
    return _save(
        key,
        kind=DOCUMENT_KIND,
        document_type_id=document.document_type_id,
        year=document.year,
        date=date or timezone.localtime(document.created_at).date(),
        titles=titles,
        urls=urls,
        text=_SPACES_RE.sub(" ", text).strip(),
        text_en="",
        search_title=normalize(" ".join([document.title, document.title_en])),
        search_text=document.search_text or normalize(text),
    )


# --------------------------------------------------------------------------
# Saving, vocabulary, bulk rebuild
# --------------------------------------------------------------------------


# Entries that apps above search keep themselves (organisations): each source is a callable
# that brings all of its entries up to date and returns their keys, so a rebuild keeps them.
ENTRY_SOURCES: list = []


def register_entry_source(rebuild) -> None:
    if rebuild not in ENTRY_SOURCES:
        ENTRY_SOURCES.append(rebuild)


def save_entry(key: str, **values) -> SearchEntry:
    """Create or update the entry under `key` (for an app's own entries, see ENTRY_SOURCES)."""
    return _save(key, **values)


def _save(key: str, **values) -> SearchEntry:
    values["text"] = values["text"][:MAX_DISPLAY_TEXT]
    values["text_en"] = values["text_en"][:MAX_DISPLAY_TEXT]
    values["search_title"] = with_stem_exceptions(values["search_title"])
    values["search_text"] = with_stem_exceptions(values["search_text"][:MAX_SEARCH_TEXT])
    entry, _ = SearchEntry.objects.update_or_create(key=key, defaults=values)
    remember_words(*values["titles"].values(), values["text"], values["text_en"])
    return entry


def remember_words(*texts: str) -> None:
    """Add the texts' words to the vocabulary that spelling suggestions come from.

    Each word is kept under its normalised key with the form the content writes it in.
    """
    forms: dict[str, str] = {}
    for text in texts:
        for match in _DISPLAY_WORD_RE.finditer(text[:MAX_DISPLAY_TEXT]):
            form = match.group()
            key = normalize(form)
            if _WORD_RE.fullmatch(key):
                forms.setdefault(key, form.lower())
    if forms:
        SearchWord.objects.bulk_create(
            [SearchWord(word=key, form=form[:40]) for key, form in forms.items()], ignore_conflicts=True
        )


def rebuild_all(stdout=None) -> dict[str, int]:
    """Rebuild every entry from the pages and documents; delete entries of things gone."""
    from documents.models import RegistryDocument

    keys = set()
    for translation_key in Page.objects.filter(depth__gt=2).values_list("translation_key", flat=True).distinct():
        with transaction.atomic():
            if sync_page(translation_key):
                keys.add(page_key(translation_key))
    for pk in RegistryDocument.objects.values_list("pk", flat=True).iterator():
        with transaction.atomic():
            if sync_document(pk):
                keys.add(document_key(pk))
    for rebuild in ENTRY_SOURCES:
        keys.update(rebuild())
    stale = SearchEntry.objects.exclude(key__in=keys)
    deleted = 0
    for entry in stale.iterator():
        entry.delete()
        deleted += 1
    return {"entries": len(keys), "deleted": deleted}
