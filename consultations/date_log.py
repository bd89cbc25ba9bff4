"""The public log of a consultation's dates as one page shows it.

The entries and their dates are the original's (editors change dates there); the reason is the
page's own translation of it where there is one (English), else the original's words, which the
template shows as every untranslated Serbian text: in the script of the reader's language (Latin on
an English page) and marked as Serbian (`serbian_text_lang`), so that screen readers read them right.
"""

from dataclasses import dataclass

from .models import DateChange


@dataclass(frozen=True)
class DateLogEntry:
    change: DateChange
    reason: str
    untranslated: bool  # the original's Serbian words on a page in another language


def date_log(page, original) -> list[DateLogEntry]:
    """Two queries at most: the original's entries and the page's translations of them."""
    entries = list(original.date_changes.all())
    if not entries:
        return []
    if page.pk == original.pk:
        return [DateLogEntry(entry, entry.reason, untranslated=False) for entry in entries]
    translated = {entry.translation_key: entry.reason for entry in page.date_changes.all()}
    return [
        DateLogEntry(entry, translated[entry.translation_key], untranslated=False)
        if entry.translation_key in translated
        else DateLogEntry(entry, entry.reason, untranslated=True)
        for entry in entries
    ]
