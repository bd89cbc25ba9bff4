"""core.scripts.to_latin: Serbian Cyrillic text to Latin. Plain pytest, no database, no Django settings."""

import subprocess
import sys
from pathlib import Path

import pytest

from core.scripts import to_latin
from tests.search.serbian_alphabet import SERBIAN_ALPHABET

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_module_imports_without_django():
    code = "import sys, core.scripts; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)


def test_alphabet_has_all_30_serbian_letters():
    assert len(SERBIAN_ALPHABET) == 30
    assert len({cyr for cyr, _ in SERBIAN_ALPHABET}) == 30


@pytest.mark.parametrize(("cyrillic", "latin"), SERBIAN_ALPHABET)
def test_every_serbian_letter_maps_in_both_cases(cyrillic, latin):
    # A lone capital is title case (Љ → Lj); lower case is plain lower.
    assert to_latin(cyrillic) == latin
    assert to_latin(cyrillic.lower()) == latin.lower()


def test_whole_alphabet_maps_in_lower_case_and_all_caps():
    cyrillic = "".join(cyr for cyr, _ in SERBIAN_ALPHABET)
    assert to_latin(cyrillic.lower()) == "".join(lat.lower() for _, lat in SERBIAN_ALPHABET)
    assert to_latin(cyrillic) == "ABVGDĐEŽZIJKLLJMNNJOPRSTĆUFHCČDŽŠ"


# --- to_latin: digraphs, mixed content, numbers, URLs ----------------------

# Each rule of to_latin with the texts that show it (text, its Latin form); the rule names the test id.
TO_LATIN_RULES = {
    "capital digraph in a title-case word is title case": [
        ("Љубав", "Ljubav"),
        ("Њујорк", "Njujork"),
        ("Џак", "Džak"),
        ("Његош", "Njegoš"),
        ("Џеп Љубе", "Džep Ljube"),
        ("„Љиљана“", "„Ljiljana“"),
    ],
    "capital digraph in an all-caps word or acronym is all caps": [
        ("ЉУБАВ", "LJUBAV"),
        ("ЊЕГОШ", "NJEGOŠ"),
        ("ЏЕП", "DŽEP"),
        ("КОЊ", "KONJ"),  # digraph last: previous letter decides
        ("ПАЏ", "PADŽ"),
        ("ЉДС", "LJDS"),  # acronym
        ("ЊЏ", "NJDŽ"),
        ("ЗАКОН О ЉУДСКИМ ПРАВИМА", "ZAKON O LJUDSKIM PRAVIMA"),
        ("ЉУ\u0301БАВ", "LJU\u0301BAV"),  # stress accent does not hide the next letter
    ],
    "lone capital digraph is title case": [
        ("Љ", "Lj"),
        ("Њ.", "Nj."),
        ("Џ", "Dž"),
        ("А Љ Б", "A Lj B"),
        ("(Џ)", "(Dž)"),
        ("Љ-1", "Lj-1"),
    ],
    "mixed Latin and Cyrillic: only Cyrillic changes": [
        ("Закон о šumama и Vodama", "Zakon o šumama i Vodama"),
        ("Wagtail-ов CMS", "Wagtail-ov CMS"),
        ("iPhone-у", "iPhone-u"),
        ("Beoград", "Beograd"),  # scripts mixed inside one word
        ("ЏEП", "DŽEP"),  # Latin capital E after Cyrillic Џ still means caps
    ],
    "numbers, abbreviations and quotes survive": [
        (
            "Сл. лист Града Новог Сада бр. 12/2023",
            "Sl. list Grada Novog Sada br. 12/2023",
        ),
        ("чл. 5. ст. 2. тач. 3)", "čl. 5. st. 2. tač. 3)"),
        ("1.000,00 дин.", "1.000,00 din."),
        ("2020–2023. године", "2020–2023. godine"),
        ("ЈКП „Водовод и канализација“", "JKP „Vodovod i kanalizacija“"),
        ("«Њива» и ‘Ћуприја’", "«Njiva» i ‘Ćuprija’"),
        ("ул. Жарка Зрењанина 2а", "ul. Žarka Zrenjanina 2a"),
    ],
    "URLs and e-mails are untouched, even with Cyrillic": [
        (
            "Посетите https://пример.срб/вести?страна=1 данас",
            "Posetite https://пример.срб/вести?страна=1 danas",
        ),
        ("Види http://novisad.rs/дом.", "Vidi http://novisad.rs/дом."),
        ("Сајт www.нови-сад.срб и још", "Sajt www.нови-сад.срб i još"),
        ("Пишите на инфо@град.срб.", "Pišite na инфо@град.срб."),
        ("Адреса: pera.peric@novisad.rs", "Adresa: pera.peric@novisad.rs"),
        ("„https://пример.срб“ је сајт", "„https://пример.срб“ je sajt"),
        ("ftp://сервер.срб/фајл", "ftp://сервер.срб/фајл"),
    ],
}


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        pytest.param(text, latin, id=f"{rule}: {text}")
        for rule, cases in TO_LATIN_RULES.items()
        for text, latin in cases
    ],
)
def test_to_latin_follows_each_rule(text, latin):
    assert to_latin(text) == latin


@pytest.mark.parametrize("text", ["Мы", "я", "Ёж", "йод", "Україна", "ґ"])
def test_non_serbian_cyrillic_letters_are_left_alone(text):
    result = to_latin(text)
    for ch in "ыяЁйїґ":
        assert result.count(ch) == text.count(ch)
    assert to_latin("Мы") == "Mы"


def test_serbian_accented_e_and_i_are_transliterated():
    assert to_latin("ѝ и ѐ Ѝ") == "ì i è Ì"


@pytest.mark.parametrize(
    "latin",
    [
        "Ljubav, LJUBAV, Njegoš, DŽEP, Džak",
        "Đorđe Ćirić, Šabac, Žabalj",
        "Sl. list Grada Novog Sada br. 12/2023",
        "https://novisad.rs/o-nama?x=1&y=2",
        "",
    ],
)
def test_latin_text_is_unchanged(latin):
    assert to_latin(latin) == latin


@pytest.mark.parametrize(
    "text",
    ["ЉУБАВ и Љубав", "Ђорђе Џаја", "Сл. лист бр. 12/2023", "www.град.срб Град"],
)
def test_to_latin_is_idempotent(text):
    once = to_latin(text)
    assert to_latin(once) == once
