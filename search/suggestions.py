""" "Did you mean …": the closest words of the indexed vocabulary to the ones that found nothing."""

from __future__ import annotations

import difflib

from django.utils.translation import get_language

from core.scripts import to_latin

from .models import SearchWord

# How many vocabulary words sharing a beginning are compared, at most.
CANDIDATES = 3000


def closest_word(word: str) -> SearchWord | None:
    if len(word) < 4 or SearchWord.objects.filter(word=word).exists():
        return None
    candidates = {
        entry.word: entry
        for entry in SearchWord.objects.filter(word__startswith=word[:2]).only("word", "form")[:CANDIDATES]
    }
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return candidates[matches[0]] if matches else None


def in_readers_script(form: str) -> str:
    return form if get_language() == "sr-cyrl" else to_latin(form)


def did_you_mean(terms: str) -> str | None:
    """The query with each unknown word replaced by its closest indexed word, as the content
    writes it and in the reader's script; None when no word changed."""
    words = terms.split()
    corrected = []
    for word in words:
        closest = closest_word(word)
        corrected.append(in_readers_script(closest.form or closest.word) if closest else word)
    return " ".join(corrected) if corrected != words else None
