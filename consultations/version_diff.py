"""What changed between two versions of a draft: article by article, word by word, as plain data.

The template renders the pieces with <ins>/<del> and autoescaping; nothing here builds HTML, so a
draft's text can never become markup. Articles are followed across versions by their
translation_key (the same in every version and language), so a renumbered or moved article is
compared with itself, not taken for one removed and one added.
"""

import difflib
import enum
import re
from dataclasses import dataclass, field

# Words, punctuation, and the space between them: a word's comma changing is a change of the comma only.
_TOKEN_RE = re.compile(r"\w+|[^\w\s]+|\s+")
PARAGRAPH_MARK = "¶"


class Change(enum.StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


class Status(enum.StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Piece:
    """A run of words with one fate; `lines` are its words split where the text breaks a line."""

    change: Change
    lines: tuple[str, ...]


@dataclass
class ArticleChange:
    status: Status
    old: object | None  # the article's copy in the older version (None: added)
    new: object | None  # … and in the newer one (None: removed)
    heading: list[Piece] = field(default_factory=list)
    text: list[Piece] = field(default_factory=list)
    comments: list = field(default_factory=list)  # accepted comments that led to the change

    @property
    def shown(self):
        return self.new or self.old

    @property
    def heading_changed(self) -> bool:
        return any(piece.change != Change.SAME for piece in self.heading)

    @property
    def renumbered(self) -> bool:
        return bool(self.old and self.new and self.old.number != self.new.number)


def tokens(text: str) -> list[str]:
    """The text's tokens, each run of spaces as one space or as its line breaks (so only they count)."""
    found = _TOKEN_RE.findall(text.replace("\r\n", "\n").replace("\r", "\n").strip())
    return [("\n" * min(token.count("\n"), 2) or " ") if token.isspace() else token for token in found]


def _piece(change: Change, text: str) -> Piece:
    if change != Change.SAME and text.isspace():
        if "\n" not in text:  # a space where a line break was (or the reverse): the break is the change
            return Piece(Change.SAME, (" ",))
        # Only a line break was added or removed: a visible mark, or the change could not be seen or heard.
        return Piece(change, (PARAGRAPH_MARK, "") if change == Change.ADDED else (PARAGRAPH_MARK,))
    return Piece(change, tuple(text.split("\n")))


def word_diff(old: str, new: str) -> list[Piece]:
    """The new text as runs of kept, removed and added text; where words were replaced, the removed come first."""
    before, after = tokens(old), tokens(new)
    operations = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    pieces, removed, added = [], [], []

    def flush():
        if removed:
            pieces.append(_piece(Change.REMOVED, "".join(removed)))
        if added:
            pieces.append(_piece(Change.ADDED, "".join(added)))
        removed.clear()
        added.clear()

    for index, (operation, i1, i2, j1, j2) in enumerate(operations):
        kept = "".join(after[j1:j2])
        if operation != "equal":
            removed.extend(before[i1:i2])
            added.extend(after[j1:j2])
        elif (removed or added) and kept.isspace() and index < len(operations) - 1:
            # A lone space between two changes belongs to them: "a b" → "c d" reads as one replacement.
            removed.append(kept)
            added.append(kept)
        else:
            flush()
            pieces.append(_piece(Change.SAME, kept))
    flush()
    return pieces


def _whole(change: Change, text: str) -> list[Piece]:
    return [_piece(change, "".join(tokens(text)))] if text.strip() else []


def _compared(old, new) -> ArticleChange:
    if old is None:
        return ArticleChange(Status.ADDED, None, new, _whole(Change.ADDED, new.heading), _whole(Change.ADDED, new.text))
    if new is None:
        return ArticleChange(
            Status.REMOVED, old, None, _whole(Change.REMOVED, old.heading), _whole(Change.REMOVED, old.text)
        )
    same = (tokens(old.heading), tokens(old.text), old.number) == (tokens(new.heading), tokens(new.text), new.number)
    status = Status.UNCHANGED if same else Status.CHANGED
    return ArticleChange(status, old, new, word_diff(old.heading, new.heading), word_diff(old.text, new.text))


def compare_articles(old_articles: list, new_articles: list) -> list[ArticleChange]:
    """Every article of either version, in the newer version's order; a removed one where it stood before."""
    new_keys = {article.translation_key for article in new_articles}
    old_by_key = {article.translation_key: article for article in old_articles}
    old_position = {article.translation_key: index for index, article in enumerate(old_articles)}
    changes, next_old = [], 0
    for article in new_articles:
        kept = old_by_key.get(article.translation_key)
        if kept is not None:
            # The removed articles that stood before this one in the older version come first.
            while next_old <= old_position[article.translation_key]:
                candidate = old_articles[next_old]
                if candidate.translation_key not in new_keys:
                    changes.append(_compared(candidate, None))
                next_old += 1
        changes.append(_compared(kept, article))
    changes.extend(_compared(a, None) for a in old_articles[next_old:] if a.translation_key not in new_keys)
    return changes
