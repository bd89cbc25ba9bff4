"""Snippets: the passage of a result's text where the visitor's words are, marked.

Matching is done on normalised words, so a query typed in Latin without
diacritics marks the Cyrillic word it found, and a light prefix rule marks the
inflected forms that the stemmers matched ("стратегије" marks "стратегија").
Everything is escaped; only the <mark> elements added here are HTML.
"""

from __future__ import annotations

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.scripts import normalize

WORD_RE = re.compile(r"\w+")
MAX_SCAN = 200_000
WINDOW_BEFORE = 80
SNIPPET_LENGTH = 260
PASSAGE_MARGIN = 300


def query_words(normalized_query: str) -> list[str]:
    return [word for word in normalized_query.split() if len(word) >= 2]


def same_word(word: str, query_word: str) -> bool:
    """Equal, or an inflected form: a long common beginning, differing only in the ending."""
    if word == query_word:
        return True
    shorter = min(len(word), len(query_word))
    if shorter < 4 or abs(len(word) - len(query_word)) > 3:
        return False
    common = 0
    for a, b in zip(word, query_word, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, shorter - 2)


@functools.lru_cache(maxsize=100_000)
def folded(word: str) -> str:
    """`normalize(word)`, remembered: the site's texts share a vocabulary of some tens of thousands of words."""
    return normalize(word)


def word_matcher(words: list[str]):
    """A test "is this word of the text one of the visitor's?" for the words of one search.

    It runs on every word up to the excerpt, for ten results on every search page: equal words
    are found in a set, and only a word sharing a query word's first four letters is compared
    letter by letter (`same_word` needs at least that much in common).
    """
    exact = set(words)
    beginnings = {word[:4] for word in words if len(word) >= 4}

    def matches(word: str) -> bool:
        candidate = folded(word)
        if candidate in exact:
            return True
        return candidate[:4] in beginnings and any(same_word(candidate, query_word) for query_word in words)

    return matches


def match_spans(text: str, words: list[str], length: int, window: int) -> tuple[list[tuple[int, int]], int]:
    """The matches inside the excerpt that begins `window` characters before the first one.

    Words are normalised one by one, and only as far as the excerpt reaches: a match on
    the first page of a long file costs nothing for the rest of it.
    """
    spans: list[tuple[int, int]] = []
    start = end = None
    matches = word_matcher(words)
    for match in WORD_RE.finditer(text, 0, MAX_SCAN):
        if end is not None and match.end() > end:
            break
        if matches(match.group()):
            if start is None:
                start = max(0, match.start() - window)
                end = start + length
            spans.append(match.span())
    return spans, start or 0


def passage(text: str, normalized_query: str, length: int = SNIPPET_LENGTH, window: int = WINDOW_BEFORE) -> str:
    """The part of `text` a snippet can come from: around the first match, with a margin on each side.

    What is done to the text before highlighting (removing contact data) then reads a thousand
    characters, not a whole file; the margin keeps a contact that straddles the cut far outside
    the excerpt, so no part of one is ever shown.
    """
    if len(text) <= length + window + 2 * PASSAGE_MARGIN:
        return text
    words = query_words(normalized_query)
    spans, start = match_spans(text, words, length, window) if words else ([], 0)
    if not spans:
        return text[: length + PASSAGE_MARGIN]
    begin = max(0, start - PASSAGE_MARGIN)
    return text[begin : start + length + PASSAGE_MARGIN]


def highlight(
    text: str, normalized_query: str, length: int = SNIPPET_LENGTH, window: int = WINDOW_BEFORE
) -> SafeString:
    """An escaped excerpt of `text` around the first match, with matches in <mark>."""
    if not text:
        return mark_safe("")
    words = query_words(normalized_query)
    spans, start = match_spans(text, words, length, window) if words else ([], 0)
    if start:
        # Begin at a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts = ["…" if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < start:
            continue
        if span_end > end:
            break
        parts.append(escape(text[position:span_start]))
        parts.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    parts.append(escape(text[position:end]))
    parts.append("…" if end < len(text) else "")
    return mark_safe("".join(parts))  # noqa: S308  (every piece of text is escaped above)


def highlight_title(title: str, normalized_query: str) -> SafeString:
    return highlight(title, normalized_query, length=len(title) + 1, window=len(title))
