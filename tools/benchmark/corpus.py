"""Generated documents and the search entries made from them (see the package's docstring)."""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass

from core.scripts import normalize, to_latin
from search.models import MAX_DISPLAY_TEXT, MAX_SEARCH_TEXT, SearchEntry

from .slots import TEMPLATES, Slots
from .titles import title as make_title
from .vocabulary import DOCUMENT_TYPES, KINDS, RARE_PHRASES, SENTENCES, SENTENCES_EN

KEY_PREFIX = "bench:"
DEFAULT_SEED = 2026
REGISTRY_KIND = "documents.registrydocument"


def _cumulative(weights) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


# Zipf-like: a few sentences and words are everywhere, most are not.
_SENTENCE_WEIGHTS = _cumulative(1 / (rank + 1) ** 0.5 for rank in range(len(SENTENCES)))
_KIND_WEIGHTS = _cumulative(weight for _, weight in KINDS)
_TYPE_WEIGHTS = _cumulative(weight for *_, weight in DOCUMENT_TYPES)
_YEARS = list(range(2010, 2027))
# More is published in recent years.
_YEAR_WEIGHTS = _cumulative(1 + (year - 2010) * 0.35 for year in _YEARS)


@dataclass
class Document:
    n: int
    kind: str
    document_type_id: int | None
    date: datetime.date
    title: str
    title_en: str
    text: str
    text_en: str
    latin: bool  # the Latin-script twin is the original (some sites write Latin)


def _word_count(rng: random.Random) -> int:
    # Log-normal around 280 words, a long tail of long documents, cut to 100-2,000.
    return int(min(2000, max(100, rng.lognormvariate(math.log(280), 0.75))))


def _body(t: Slots, words: int, latin_share: float) -> str:
    rng, parts, count = t.rng, [], 0
    while count < words:
        if rng.random() < 0.35:
            sentence = rng.choices(SENTENCES, cum_weights=_SENTENCE_WEIGHTS)[0]
        else:
            sentence = rng.choice(TEMPLATES)(t)
        if rng.random() < 0.004:
            sentence += f" {RARE_PHRASES[int(len(RARE_PHRASES) * rng.random() ** 2)].capitalize()} је тема програма."
        if rng.random() < latin_share:
            sentence = to_latin(sentence)  # a quoted passage, a name written in Latin
        parts.append(sentence)
        count += sentence.count(" ") + 1
    return " ".join(parts)


def generate_document(n: int, seed: int = DEFAULT_SEED) -> Document:
    rng = random.Random(seed * 1_000_003 + n)  # noqa: S311 - a reproducible corpus, not a secret
    kind = rng.choices([kind for kind, _ in KINDS], cum_weights=_KIND_WEIGHTS)[0]
    document_type_id = document_type = None
    if kind == REGISTRY_KIND:
        document_type_id, document_type, _ = rng.choices(DOCUMENT_TYPES, cum_weights=_TYPE_WEIGHTS)[0]
    year = rng.choices(_YEARS, cum_weights=_YEAR_WEIGHTS)[0]
    date = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
    t = Slots(rng, year)
    title, title_en = make_title(t, kind, document_type)
    latin = rng.random() < 0.2
    text = _body(t, _word_count(rng), latin_share=0.06)
    text_en = ""
    if kind != REGISTRY_KIND and title_en and rng.random() < 0.8:
        text_en = " ".join(rng.choice(SENTENCES_EN) for _ in range(rng.randint(5, 40)))
    if kind == REGISTRY_KIND:
        text = f"{t.reference()} {text}"
    if latin:
        title, text = to_latin(title), to_latin(text)
    return Document(n, kind, document_type_id, date, title, title_en, text, text_en, latin)


def to_entry(document: Document) -> SearchEntry:
    """A SearchEntry for the document, with the fields search.entries fills."""
    latin_title = to_latin(document.title)
    titles = {"sr-cyrl": document.title, "sr-latn": latin_title, "en": document.title_en or latin_title}
    path = f"bench/{document.n}/"
    urls = {language: f"/{language}/{path}" for language in ("sr-cyrl", "sr-latn", "en")}
    return SearchEntry(
        key=f"{KEY_PREFIX}{document.n}",
        kind=document.kind,
        document_type_id=document.document_type_id,
        year=document.date.year,
        date=document.date,
        titles=titles,
        urls=urls,
        text=document.text[:MAX_DISPLAY_TEXT],
        text_en=document.text_en[:MAX_DISPLAY_TEXT],
        search_title=normalize(f"{document.title} {document.title_en}"),
        search_text=normalize(f"{document.text} {document.text_en}")[:MAX_SEARCH_TEXT],
    )
