"""core.scripts.to_latin_html: only the text of HTML changes to Latin, never tags, attributes or entities."""

import re

import pytest

from core.scripts import to_latin_html

TAG_OR_ENTITY = re.compile(r"<[^>]*>|&[#\w]+;")


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
