""" "Did you mean …": the closest words of the indexed vocabulary to the ones that found nothing."""

from __future__ import annotations

import difflib

from .models import SearchWord

# How many vocabulary words sharing a beginning are compared, at most.
CANDIDATES = 3000


def closest_word(word: str) -> str | None:
    if len(word) < 4 or SearchWord.objects.filter(word=word).exists():
        return None
    candidates = SearchWord.objects.filter(word__startswith=word[:2]).values_list("word", flat=True)[:CANDIDATES]
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return matches[0] if matches else None


def did_you_mean(terms: str) -> str | None:
    """The query with each unknown word replaced by its closest indexed word, if any changed."""
    words = terms.split()
    corrected = [closest_word(word) or word for word in words]
    return " ".join(corrected) if corrected != words else None
