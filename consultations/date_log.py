"""The public log of a consultation's dates as one page shows it.

The entries and their dates are the original's (editors change dates there); the reason is the
page's own translation of it where there is one (English), else the original's words, marked as
Serbian so that screen readers read them right. The Latin page transliterates them as it renders.
"""

from dataclasses import dataclass

from django.conf import settings

from core.languages import BCP47

from .models import DateChange


@dataclass(frozen=True)
class DateLogEntry:
    change: DateChange
    reason: str
    reason_lang: str  # a BCP 47 tag when the reason is not in the page's language, else ""


def date_log(page, original) -> list[DateLogEntry]:
    """Two queries at most: the original's entries and the page's translations of them."""
    entries = list(original.date_changes.all())
    if not entries:
        return []
    if page.pk == original.pk:
        return [DateLogEntry(entry, entry.reason, "") for entry in entries]
    translated = {entry.translation_key: entry.reason for entry in page.date_changes.all()}
    source_lang = BCP47.get(settings.LANGUAGE_CODE, settings.LANGUAGE_CODE)
    return [
        DateLogEntry(entry, translated[entry.translation_key], "")
        if entry.translation_key in translated
        else DateLogEntry(entry, entry.reason, source_lang)
        for entry in entries
    ]
