"""Serbian script handling: Cyrillic→Latin transliteration, slugs, search folding.

Standard library only, and no Django imports, on purpose: models, search
backends, migrations and management commands all import this, some of them
before Django settings are configured.

Public API:

* ``to_latin(text)`` – exact Serbian Cyrillic→Latin for display text.
* ``to_latin_html(html)`` – the same, for HTML / rich text (text nodes only).
* ``latin_slug(text, max_length)`` – readable ASCII slug from either script.
* ``normalize(text)`` – script-, case- and accent-insensitive search key.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape as _unescape

__all__ = ["latin_slug", "normalize", "to_latin", "to_latin_html"]


# --------------------------------------------------------------------------
# Alphabet tables (built once at import; every public function reuses them)
# --------------------------------------------------------------------------

# The 30 letters of the Serbian Cyrillic alphabet in alphabet order, and their
# official Latin (gajica) counterparts. Љ Њ Џ map to their *title-case* Latin
# digraphs here; the all-caps forms depend on context (see _is_caps_context).
_CYRILLIC_UPPER = "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
_LATIN_UPPER = (
    *("A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj", "M"),
    *("N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č", "Dž", "Š"),
)
_CYRILLIC_TO_LATIN: dict[str, str] = {}
for _cyr, _lat in zip(_CYRILLIC_UPPER, _LATIN_UPPER, strict=True):
    _CYRILLIC_TO_LATIN[_cyr] = _lat
    _CYRILLIC_TO_LATIN[_cyr.lower()] = _lat.lower()
# Ѐ/ѐ and Ѝ/ѝ are not extra letters but Е/И with a grave accent, which Serbian
# orthography uses to disambiguate words (e.g. ѝ "her" vs и "and").
_CYRILLIC_TO_LATIN.update({"Ѐ": "È", "ѐ": "è", "Ѝ": "Ì", "ѝ": "ì"})

del _cyr, _lat

_TO_LATIN_TABLE = str.maketrans(_CYRILLIC_TO_LATIN)

# Used as a cheap "is there anything to do?" test, so Latin-only text (most
# queries, URLs, already-converted content) returns without any copying.
_SERBIAN_CYRILLIC_RE = re.compile("[" + "".join(_CYRILLIC_TO_LATIN) + "]")

# Capital digraph letters whose Latin form depends on the neighbouring letters.
_CAPITAL_DIGRAPHS = {"Љ": "LJ", "Њ": "NJ", "Џ": "DŽ"}
_CAPITAL_DIGRAPH_RE = re.compile("[ЉЊЏ]")

# Latin letters with a stroke have no Unicode decomposition, so NFKD cannot
# strip them; Serbian convention (and the old ASCII "ćirilica" habit) is dj.
_LATIN_FOLD = {"đ": "dj", "Đ": "Dj"}

# Invisible characters that break words apart for search without being
# visible (soft hyphen, zero-width joiners, BOM). ZWSP is a word break.
_INVISIBLE = {"\u00ad": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": ""}
_INVISIBLE["\u200b"] = " "

# URLs and e-mail addresses must survive byte-for-byte, including Cyrillic
# IDN hosts/paths: transliterating them would produce a different address.
# Quotes are excluded from URLs so „https://x.rs“ does not swallow the quote
# or a Cyrillic word glued to it.
_URL_OR_EMAIL_RE = re.compile(
    r"""
      (?:[A-Za-z][A-Za-z0-9+.\-]*://|\bwww\.)[^\s<>"'„“”«»‘’]+
    | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+
    """,
    re.VERBOSE,
)


# --------------------------------------------------------------------------
# Plain text transliteration
# --------------------------------------------------------------------------


def _neighbour_letter(text: str, index: int, step: int) -> str:
    """Letter next to text[index] in direction step (±1), or "" if none.

    Combining marks (e.g. a stress accent) are skipped so they do not hide
    the letter they sit on.
    """
    j = index + step
    while 0 <= j < len(text) and unicodedata.combining(text[j]):
        j += step
    if 0 <= j < len(text) and text[j].isalpha():
        return text[j]
    return ""


def _is_caps_context(text: str, index: int) -> bool:
    """Should the capital digraph at text[index] be written LJ/NJ/DŽ?

    Љубав → Lj, ЉУБАВ → LJ: the next letter decides. At the end of a word
    (no next letter) the previous letter decides (КОЊ → KONJ); a lone
    capital has neither and stays title case (Љ → Lj).
    """
    following = _neighbour_letter(text, index, 1)
    if following:
        return following.isupper()
    preceding = _neighbour_letter(text, index, -1)
    return preceding.isupper()


def _latinize(text: str, start: int, end: int) -> str:
    """Transliterate text[start:end]; the rest of text is only digraph context."""
    parts: list[str] = []
    pos = start
    # Only capital digraphs need a look at their neighbours; everything else
    # is a single C-level str.translate over the whole span.
    for match in _CAPITAL_DIGRAPH_RE.finditer(text, start, end):
        index = match.start()
        if _is_caps_context(text, index):
            parts.append(text[pos:index].translate(_TO_LATIN_TABLE))
            parts.append(_CAPITAL_DIGRAPHS[match.group()])
            pos = index + 1
    parts.append(text[pos:end].translate(_TO_LATIN_TABLE))
    return "".join(parts)


def _latinize_outside(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> str:
    """Transliterate text[start:end] except the sorted protected ranges."""
    parts: list[str] = []
    pos = start
    for p_start, p_end in protected:
        if p_end <= pos:
            continue
        if p_start >= end:
            break
        p_start, p_end = max(p_start, pos), min(p_end, end)
        parts.append(_latinize(text, pos, p_start))
        parts.append(text[p_start:p_end])
        pos = p_end
    parts.append(_latinize(text, pos, end))
    return "".join(parts)


def _protected_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every URL / e-mail in text[start:end]."""
    end = len(text) if end is None else end
    # Quick substring tests keep the regex off ordinary prose.
    chunk = text[start:end]
    if "@" not in chunk and "://" not in chunk and "www." not in chunk.lower():
        return []
    return [m.span() for m in _URL_OR_EMAIL_RE.finditer(text, start, end)]


def to_latin(text: str) -> str:
    """Serbian Cyrillic → Latin, leaving everything else untouched.

    Latin, digits, punctuation, non-Serbian Cyrillic (ы, я, …), URLs and
    e-mail addresses are returned exactly as given.
    """
    if not _SERBIAN_CYRILLIC_RE.search(text):
        return text
    return _latinize_outside(text, 0, len(text), _protected_ranges(text))


# --------------------------------------------------------------------------
# HTML / rich text transliteration
# --------------------------------------------------------------------------

# Everything that is not a text node. script/style bodies are code, not text,
# so they are matched whole. Attribute values may contain ">" inside quotes.
_HTML_TOKEN_RE = re.compile(
    r"""
      <!--.*?-->
    | <!\[CDATA\[.*?\]\]>
    | <(script|style)\b(?:"[^"]*"|'[^']*'|[^'">])*>.*?</\1\s*>
    | <[!?/]?[A-Za-z](?:"[^"]*"|'[^']*'|[^'">])*>
    | &(?:\#[0-9]+|\#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);?
    """,
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")

# Tags that can sit inside a word (<b>Љ</b>УБАВ), so they must not break the
# digraph context. Any other tag (p, li, br, img, …) counts as a word break.
_INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn"),
        *("em", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span"),
        *("strong", "sub", "sup", "time", "u", "var", "wbr"),
    }
)


def _tag_as_text(tag: str) -> str:
    """What a tag contributes to the visible text used for context."""
    if tag.startswith(("<!", "<?")):
        return ""
    name = _TAG_NAME_RE.match(tag)
    if name and name.group(1).lower() in _INLINE_TAGS:
        return ""
    return " "


def to_latin_html(html: str) -> str:
    """to_latin for HTML / rich text: only text nodes change.

    Tags, attributes (names and values), comments, script/style bodies and
    character entities are copied verbatim; the markup is never re-serialised.
    """
    if not _SERBIAN_CYRILLIC_RE.search(html):
        return html

    # Build the visible text ("plain") with entities decoded, remembering
    # where each raw text node lies in it. Text nodes are copied into plain
    # unchanged, so a node's raw text equals plain[start:end].
    pieces: list[tuple[str, int, int] | str] = []  # text node spans or raw markup
    plain_parts: list[str] = []
    plain_len = 0
    runs: list[tuple[int, int]] = []  # tag-free stretches, for URL detection
    run_start = 0
    pos = 0

    def add_text(raw: str) -> None:
        nonlocal plain_len
        pieces.append((raw, plain_len, plain_len + len(raw)))
        plain_parts.append(raw)
        plain_len += len(raw)

    for match in _HTML_TOKEN_RE.finditer(html):
        if match.start() > pos:
            add_text(html[pos : match.start()])
        raw = match.group()
        pieces.append(raw)
        is_entity = raw.startswith("&")
        if not is_entity:
            # A URL cannot continue across a tag, even an inline one.
            runs.append((run_start, plain_len))
        visible = _unescape(raw) if is_entity else _tag_as_text(raw)
        plain_parts.append(visible)
        plain_len += len(visible)
        if not is_entity:
            run_start = plain_len
        pos = match.end()
    if pos < len(html):
        add_text(html[pos:])
    runs.append((run_start, plain_len))

    plain = "".join(plain_parts)
    protected = [span for r_start, r_end in runs for span in _protected_ranges(plain, r_start, r_end)]

    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        else:
            _raw, start, end = piece
            out.append(_latinize_outside(plain, start, end, protected))
    return "".join(out)


# --------------------------------------------------------------------------
# Search normalisation and slugs
# --------------------------------------------------------------------------


def _strip_marks(text: str) -> str:
    """NFKD-decompose and drop combining marks (á → a, ǆ → dz, ﬁ → fi)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Cyrillic → folded Latin, lower case only (normalize casefolds first, so the
# capital digraph context no longer matters: Љ/LJ/Lj all become "lj").
_FOLD_BASE: dict[str, str] = {
    cyr: _strip_marks(lat.translate(str.maketrans(_LATIN_FOLD)))
    for cyr, lat in _CYRILLIC_TO_LATIN.items()
    if cyr.islower()
}
_FOLD_BASE.update({k: v.lower() for k, v in _LATIN_FOLD.items()})
_FOLD_BASE.update(_INVISIBLE)


def _fold_char(ch: str) -> str:
    """Search form of one character: casefold, Latin, no diacritics."""
    result = ch
    # Repeat because a step can expose more work, e.g. ℌ NFKD → H (needs
    # casefolding) or ǅ → Dž; two or three rounds always reach a fixed point.
    for _ in range(4):
        folded = "".join(_FOLD_BASE.get(c, c) for c in result.casefold())
        folded = _strip_marks(folded)
        if folded == result:
            break
        result = folded
    return result


class _FoldTable(dict):
    """str.translate table for normalize, filled lazily per code point.

    Casefolding, transliteration and NFKD stripping are all per-character
    (casefold and NFKD-minus-marks have no context), so one cached table does
    the whole job in a single C-level translate pass. Only characters actually
    seen are computed, instead of scanning all of Unicode at import.
    """

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()
for _code in range(128):  # warm the common case
    _FOLD_TABLE[_code] = _fold_char(chr(_code))
for _ch in _FOLD_BASE:
    _FOLD_TABLE[ord(_ch)] = _fold_char(_ch)
del _code, _ch


def normalize(text: str) -> str:
    """Search key: script-, case- and diacritic-insensitive, words kept.

    normalize("Закон") == normalize("ZAKÓN") == "zakon". Runs of whitespace
    become one space and the ends are trimmed; punctuation is kept. Unlike
    to_latin, URLs are transliterated too: a search key must not depend on
    the script the query was typed in.
    """
    if text.isascii():  # most queries and already-Latin text: C-speed lower()
        return " ".join(text.lower().split())
    return " ".join(text.translate(_FOLD_TABLE).split())


_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")


def latin_slug(text: str, max_length: int = 255) -> str:
    """Readable ASCII slug from a title in either script.

    latin_slug("Ђорђе Џаја") == "djordje-dzaja". Characters with no ASCII
    form (e.g. Russian я, CJK) are dropped. Longer slugs are cut at the last
    hyphen that fits, or hard-cut if the first word alone is too long.
    """
    if max_length < 1:
        raise ValueError("max_length must be at least 1")
    slug = _NON_ALNUM_RE.sub("-", normalize(text)).strip("-")
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] != "-" and "-" in cut:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")
