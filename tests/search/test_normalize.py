"""Tests for core.scripts: plain pytest, no database, no Django settings."""

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

try:
    from core.scripts import latin_slug, normalize, to_latin, to_latin_html
except ModuleNotFoundError:
    # Without tests/__init__.py, pytest's default import mode imports this
    # directory as a top-level package named "search", hiding the app of the
    # same name. Load the (dependency-free) module from its file instead.
    import importlib.util

    _spec = importlib.util.spec_from_file_location(
        "_search_normalize_under_test", PROJECT_ROOT / "search" / "normalize.py"
    )
    _module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_module)
    latin_slug, normalize = _module.latin_slug, _module.normalize
    to_latin, to_latin_html = _module.to_latin, _module.to_latin_html

# The Serbian alphabet, written out independently of the implementation.
SERBIAN_ALPHABET = [
    ("А", "A"),
    ("Б", "B"),
    ("В", "V"),
    ("Г", "G"),
    ("Д", "D"),
    ("Ђ", "Đ"),
    ("Е", "E"),
    ("Ж", "Ž"),
    ("З", "Z"),
    ("И", "I"),
    ("Ј", "J"),
    ("К", "K"),
    ("Л", "L"),
    ("Љ", "Lj"),
    ("М", "M"),
    ("Н", "N"),
    ("Њ", "Nj"),
    ("О", "O"),
    ("П", "P"),
    ("Р", "R"),
    ("С", "S"),
    ("Т", "T"),
    ("Ћ", "Ć"),
    ("У", "U"),
    ("Ф", "F"),
    ("Х", "H"),
    ("Ц", "C"),
    ("Ч", "Č"),
    ("Џ", "Dž"),
    ("Ш", "Š"),
]

TAG_OR_ENTITY = re.compile(r"<[^>]*>|&[#\w]+;")


def test_module_imports_without_django():
    code = "import sys, core.scripts; assert 'django' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)


# --- to_latin: alphabet ------------------------------------------------------


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


# --- to_latin_html -----------------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<p>Члан <b>1</b> <a id="a1">закона</a></p>',
            '<p>Član <b>1</b> <a id="a1">zakona</a></p>',
        ),
        ('<a id="a1">Града</a> Новог Сада', '<a id="a1">Grada</a> Novog Sada'),
        (
            '<p data-block-key="x1"><a href="/sr/закон/" linktype="page" id="3">Закон</a></p>',
            '<p data-block-key="x1"><a href="/sr/закон/" linktype="page" id="3">Zakon</a></p>',
        ),
        (
            '<a href="https://пример.срб" title="Наслов" class="веза">Вести</a>',
            '<a href="https://пример.срб" title="Наслов" class="веза">Vesti</a>',
        ),
        (
            '<img alt="Слика" data-опис="x>y">Текст',
            '<img alt="Слика" data-опис="x>y">Tekst',
        ),
        (
            "Шта&nbsp;је&amp;ново &#1040; &#x410; &laquo;Да&raquo;",
            "Šta&nbsp;je&amp;novo &#1040; &#x410; &laquo;Da&raquo;",
        ),
        ("<!-- коментар -->Текст", "<!-- коментар -->Tekst"),
        ('<script>var s = "шта";</script>шта', '<script>var s = "шта";</script>šta'),
        ("a < б и в > г", "a < b i v > g"),
    ],
)
def test_html_only_text_nodes_change(markup, expected):
    assert to_latin_html(markup) == expected


def test_html_tags_and_entities_are_byte_identical():
    markup = (
        '<h2 id="увод">Увод</h2>\n<ul class="листа">\n'
        '  <li><a href="mailto:инфо@град.срб">инфо@град.срб</a>&nbsp;—&nbsp;пишите</li>\n'
        "</ul><br/><p>ЉУБАВ&amp;МИР</p>"
    )
    result = to_latin_html(markup)
    assert TAG_OR_ENTITY.findall(result) == TAG_OR_ENTITY.findall(markup)
    assert ">info@" not in result  # e-mail in link text stays untouched
    assert "pišite" in result
    assert "LJUBAV&amp;MIR" in result


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        ("<b>Љ</b>УБАВ", "<b>LJ</b>UBAV"),  # inline tag does not break the word
        ("<p>Љ</p><p>УВОД</p>", "<p>Lj</p><p>UVOD</p>"),  # block tag does
        ("ЊУ&shy;ЈОРК", "NJU&shy;JORK"),
        ("<p>Љубав</p>", "<p>Ljubav</p>"),
    ],
)
def test_html_capital_digraph_context_follows_visible_text(markup, expected):
    assert to_latin_html(markup) == expected


def test_html_url_in_link_text_is_untouched():
    markup = '<a href="https://пример.срб">https://пример.срб</a> вести'
    assert to_latin_html(markup) == '<a href="https://пример.срб">https://пример.срб</a> vesti'


def test_html_without_serbian_cyrillic_is_returned_as_is():
    markup = '<p class="x">Zakon &amp; <a href="/закон/">red</a></p>'
    assert to_latin_html(markup) == markup


# --- normalize ---------------------------------------------------------------


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


# --- latin_slug --------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("О канцеларији", "o-kancelariji"),
        ("Делокруг послова", "delokrug-poslova"),
        ("Ђорђе Џаја", "djordje-dzaja"),
        ("Šta je novo?", "sta-je-novo"),
        ("ЉУБАВ И МИР", "ljubav-i-mir"),
        ("Đorđe Džaja", "djordje-dzaja"),
        (
            "Сл. лист Града Новог Сада бр. 12/2023",
            "sl-list-grada-novog-sada-br-12-2023",
        ),
        ("  „Закон“ — о  јавним набавкама!  ", "zakon-o-javnim-nabavkama"),
        ("Café & Crème brûlée", "cafe-creme-brulee"),
        ("Мы и ми", "m-i-mi"),  # no ASCII form for ы: dropped
    ],
)
def test_latin_slug_is_readable_ascii(title, slug):
    assert latin_slug(title) == slug
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)


@pytest.mark.parametrize("title", ["", "   ", "!!! — ???", "„“ «» –", "ыы"])
def test_latin_slug_is_empty_without_letters_or_digits(title):
    assert latin_slug(title) == ""


@pytest.mark.parametrize(
    ("title", "max_length", "slug"),
    [
        ("Делокруг послова", 12, "delokrug"),  # cut on the hyphen before "pos"
        ("Делокруг послова", 16, "delokrug-poslova"),
        ("Делокруг послова", 9, "delokrug"),  # cut exactly at a hyphen
        ("Делокруг послова", 8, "delokrug"),
        ("Закон", 3, "zak"),  # one long word: hard cut
        ("а б в г", 4, "a-b"),
    ],
)
def test_latin_slug_respects_max_length_on_word_boundary(title, max_length, slug):
    assert latin_slug(title, max_length=max_length) == slug
    assert len(slug) <= max_length


def test_latin_slug_default_max_length_is_255():
    slug = latin_slug("реч " * 200)
    assert len(slug) <= 255
    assert slug.endswith("rec")


def test_latin_slug_rejects_non_positive_max_length():
    with pytest.raises(ValueError):
        latin_slug("Закон", max_length=0)


def test_stem_exceptions_give_every_form_of_a_word_one_stem():
    from search.stemming import with_stem_exceptions

    assert with_stem_exceptions("izvestaj o rezultatima i rezultat") == "izvestaja o rezultatima i rezultata"
    assert with_stem_exceptions("izvestajna polaznicima") == "izvestajna polaznicima", "whole words only"
