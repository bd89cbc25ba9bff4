"""Snippets show where the words are, in the text's own script, and nothing else as HTML."""

from search.snippets import highlight, highlight_title


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
