"""core.scripts.normalize: one search key across scripts, case and diacritics."""

import unicodedata

import pytest

from core.scripts import normalize, to_latin
from tests.search.serbian_alphabet import SERBIAN_ALPHABET


@pytest.mark.parametrize(
    "variants",
    [
        ("Закон", "ZAKÓN", "ЗАКОН", "Zakon", "за\u0301кон", "zakon"),
        ("Друштво", "društvo", "DRUŠTVO", "drustvo"),
        ("Ђорђе", "Đorđe", "ĐORĐE", "Djordje", "djordje"),
        ("ЉУБАВ", "Љубав", "LJUBAV", "Ljubav", "ǈubav", "ljubav"),
        ("Џеп", "ЏЕП", "džep", "DŽEP", "ǆep", "dzep"),
        ("Ћуприја", "Ćuprija", "ćuprija", "cuprija"),
        ("Чачак", "Čačak", "cacak"),
        ("Жабаљ", "Žabalj", "zabalj"),
        ("Нови  Сад", "NOVI\tSAD", " Novi\u00a0Sad ", "novi sad"),
    ],
)
def test_normalize_matches_across_scripts_case_and_diacritics(variants):
    keys = {normalize(v) for v in variants}
    assert len(keys) == 1, keys
    assert keys.pop() == variants[-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Закон", "zakon"),
        ("zakon", "zakon"),
        ("ZAKÓN", "zakon"),
        ("Друштво", "drustvo"),
        ("Ђорђе", "djordje"),
        ("ЉУБАВ", "ljubav"),
        ("Нови-Сад", "novi-sad"),  # no hyphenation, punctuation kept
        (
            "Сл. лист  Града\nНовог Сада бр. 12/2023",
            "sl. list grada novog sada br. 12/2023",
        ),
        ("„Службени гласник“", "„sluzbeni glasnik“"),
        ("Straße", "strasse"),
        ("За\u00adкон", "zakon"),  # soft hyphen inside a word
        ("c\u030cas", "cas"),  # decomposed č
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalize_gives_expected_search_key(text, expected):
    assert normalize(text) == expected


def test_normalize_keeps_non_serbian_cyrillic_as_lower_case():
    assert normalize("Мы Я") == "mы я"


def _reference_normalize(text: str) -> str:
    """The spec, step by step and slowly: to_latin, fold, NFKD-strip, casefold."""
    text = to_latin(text).replace("đ", "dj").replace("Đ", "Dj")
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.split())


@pytest.mark.parametrize(
    "text",
    [
        "".join(cyr for cyr, _ in SERBIAN_ALPHABET),
        "".join(cyr.lower() for cyr, _ in SERBIAN_ALPHABET),
        "Члан 5. Закона о локалној самоуправи („Службени гласник РС“, бр. 129/2007)",
        "ЉУБАВ, Љубав, Њујорк, ЏЕП, Ђорђе Џаја, Šta je novo? Café naïve",
    ],
)
def test_normalize_equals_step_by_step_definition(text):
    assert normalize(text) == _reference_normalize(text)


@pytest.mark.parametrize("text", ["Ђорђе Џаја", "ZAKÓN", "Сл. лист бр. 12/2023", "ℌǅ ß"])
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


def test_normalize_transliterates_urls_too():
    # Search keys must not depend on the script; display text uses to_latin.
    assert normalize("www.Град.срб") == normalize("www.grad.srb") == "www.grad.srb"
