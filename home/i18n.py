"""Showing Cyrillic-authored text in the visitor's language and script."""

from django.utils.translation import get_language, gettext_noop

from core.scripts import to_latin

# Django's own Serbian Latin catalogue translates the separator of its durations (timeuntil: "3 nedelje,
# 4 dana") as "," with no space; this project's catalogue, searched first, keeps the space.
DURATION_SEPARATOR = gettext_noop(", ")


def in_current_language(cyrillic: str, english: str = "") -> str:
    """Cyrillic as written; exact Latin on the Latin site; English where given, else Latin."""
    language = get_language()
    if language == "en":
        return english or to_latin(cyrillic)
    if language == "sr-latn":
        return to_latin(cyrillic)
    return cyrillic
