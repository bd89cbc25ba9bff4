"""Snippets show where the words are, in the text's own script, and nothing else as HTML."""

import pytest

from core.redaction import without_contacts
from search.snippets import PASSAGE_MARGIN, WINDOW_BEFORE, highlight, highlight_title, passage


def test_a_latin_query_marks_the_cyrillic_word_and_its_inflected_forms():
    text = "Уводни део. Стратегија развоја цивилног друштва предвиђа мере, а стратегије градова прате."

    snippet = str(highlight(text, "strategije"))

    assert "<mark>Стратегија</mark>" in snippet and "<mark>стратегије</mark>" in snippet
    assert "<mark>развоја</mark>" not in snippet


def test_the_excerpt_starts_near_the_first_match_of_a_long_text():
    text = "реч " * 5000 + "кварцитни програм " + "крај " * 5000

    snippet = str(highlight(text, "kvarcitni"))

    assert snippet.startswith("…") and snippet.endswith("…")
    assert "<mark>кварцитни</mark>" in snippet
    assert len(snippet) < 400


def test_text_is_escaped_and_only_marks_are_html():
    snippet = str(highlight('<script>alert("закон")</script> закон & ред', "zakon"))

    assert "<script>" not in snippet
    assert "&lt;script&gt;" in snippet and "&amp; ред" in snippet
    assert snippet.count("<mark>") == 2


def test_a_title_is_kept_whole():
    title = "Јавни конкурс за финансирање програма удружења у области културе за 2026. годину"

    assert str(highlight_title(title, "kulture")).replace("<mark>", "").replace("</mark>", "") == title


def test_without_a_match_the_text_begins_the_snippet():
    assert str(highlight("Прва реченица. Друга реченица.", "nepostojeca")) == "Прва реченица. Друга реченица."


def test_the_passage_around_the_first_match_gives_the_same_snippet_as_the_whole_text():
    text = "реч " * 5000 + "кварцитни програм " + "крај " * 5000

    piece = passage(text, "kvarcitni")

    assert len(piece) < 1000
    assert str(highlight(piece, "kvarcitni")) == str(highlight(text, "kvarcitni"))
    assert passage("кратак текст о програму", "programu") == "кратак текст о програму"


@pytest.mark.parametrize("cut", range(0, 30, 3))
def test_no_part_of_a_contact_cut_by_the_passage_reaches_the_snippet(cut):
    # An address that straddles the passage's first character, `cut` of its characters before it.
    contact = "kancelarija.test@example.org "
    lead = WINDOW_BEFORE + PASSAGE_MARGIN - len(contact) + cut
    text = "реч " * 400 + contact + "x" * lead + " кварцитни " + "крај " * 400

    snippet = str(highlight(without_contacts(passage(text, "kvarcitni")), "kvarcitni"))

    assert "<mark>кварцитни</mark>" in snippet
    assert "example" not in snippet and "@" not in snippet
