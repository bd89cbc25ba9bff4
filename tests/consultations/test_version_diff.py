"""What changed between two versions of a draft: word by word, article by article, as data.

The diff is plain data (consultations/version_diff.py); the template marks it up with autoescaping.
"""

import uuid
from dataclasses import dataclass, field

from consultations.version_diff import PARAGRAPH_MARK, Change, Status, compare_articles, word_diff

OLD_ARTICLE = (
    "Удружење подноси пријаву у року од 15 дана од дана објављивања јавног конкурса.\n"
    "Пријава се подноси у писаном облику."
)
NEW_ARTICLE = (
    "Удружење подноси пријаву у року од 30 дана од дана објављивања јавног конкурса на порталу Града.\n"
    "Пријава се подноси у писаном или електронском облику."
)


def marked(pieces) -> str:
    """The pieces as a reader gets them: [-removed-] and {+added+}, line breaks as |."""
    out = []
    for piece in pieces:
        text = "|".join(piece.lines)
        out.append({Change.SAME: text, Change.REMOVED: f"[-{text}-]", Change.ADDED: f"{{+{text}+}}"}[piece.change])
    return "".join(out)


def test_a_changed_deadline_and_an_added_phrase_are_marked_word_by_word():
    assert marked(word_diff(OLD_ARTICLE, NEW_ARTICLE)) == (
        "Удружење подноси пријаву у року од [-15-]{+30+} дана од дана објављивања јавног конкурса{+ на порталу Града+}."
        "|Пријава се подноси у писаном {+или електронском +}облику."
    )


def test_replaced_words_read_as_one_removal_then_one_addition():
    pieces = word_diff("Решење доноси градоначелник у року од осам дана.", "Решење доноси Градско веће без одлагања.")
    assert marked(pieces) == "Решење доноси [-градоначелник у року од осам дана-]{+Градско веће без одлагања+}."


def test_the_old_text_and_the_new_text_can_both_be_read_back_from_the_pieces():
    pieces = word_diff(OLD_ARTICLE, NEW_ARTICLE)
    old = "\n".join("".join("\n".join(p.lines) for p in pieces if p.change != Change.ADDED).split("\n"))
    new = "".join("\n".join(p.lines) for p in pieces if p.change != Change.REMOVED)
    assert old == OLD_ARTICLE
    assert new == NEW_ARTICLE


def test_spacing_alone_is_no_change_but_a_new_paragraph_is_marked_visibly():
    assert all(p.change == Change.SAME for p in word_diff("Први  став.", "Први став."))
    pieces = word_diff("Први став. Други став.", "Први став.\nДруги став.")
    assert marked(pieces) == f"Први став. {{+{PARAGRAPH_MARK}|+}}Други став."


def test_identical_texts_are_one_unchanged_piece():
    assert marked(word_diff(OLD_ARTICLE, OLD_ARTICLE)) == OLD_ARTICLE.replace("\n", "|")


@dataclass
class Copy:
    number: str
    heading: str
    text: str
    translation_key: uuid.UUID = field(default_factory=uuid.uuid4)


def test_articles_are_followed_by_their_key_so_a_renumbered_article_is_compared_with_itself():
    first, second, third = (
        Copy("1", "Предмет", "Овом одлуком уређује се."),
        Copy("2", "Рок", OLD_ARTICLE),
        Copy("3", "Жалба", "На решење се може изјавити жалба."),
    )
    added = Copy("2", "Појмови", "Поједини изрази имају следеће значење.")
    renumbered = Copy("3", "Рок", NEW_ARTICLE, second.translation_key)
    changes = compare_articles([first, second, third], [first, added, renumbered])

    assert [(c.status, c.shown.heading) for c in changes] == [
        (Status.UNCHANGED, "Предмет"),
        (Status.ADDED, "Појмови"),
        (Status.CHANGED, "Рок"),
        (Status.REMOVED, "Жалба"),
    ]
    assert changes[2].renumbered and changes[2].old.number == "2"
    assert marked(changes[1].text) == "{+Поједини изрази имају следеће значење.+}"
    assert marked(changes[3].text) == "[-На решење се може изјавити жалба.-]"
    assert not changes[2].heading_changed


def test_a_removed_article_stays_where_it_stood_between_the_kept_ones():
    first, second, third = Copy("1", "А", "а"), Copy("2", "Б", "б"), Copy("3", "В", "в")
    changes = compare_articles([first, second, third], [first, third])
    assert [(c.status, c.shown.heading) for c in changes] == [
        (Status.UNCHANGED, "А"),
        (Status.REMOVED, "Б"),
        (Status.UNCHANGED, "В"),
    ]


def test_a_changed_heading_alone_makes_the_article_changed():
    key = uuid.uuid4()
    changes = compare_articles([Copy("1", "Рок", "Текст.", key)], [Copy("1", "Рок за пријаве", "Текст.", key)])
    assert changes[0].status == Status.CHANGED and changes[0].heading_changed
    assert marked(changes[0].heading) == "Рок{+ за пријаве+}"
