"""Split a draft act in DOCX into its articles (чланови), for a consultation page.

Pure function, no models: `articles_from_docx(file)` reads the document's paragraphs (and
the text of its tables) in order and starts a new article at each paragraph that is only an
article heading: "Члан 1", "Члан 1.", "Члан 12а", "ЧЛАН 3", "Član 5", "Clan 5". A short
paragraph right after the heading that reads like a title becomes the article's heading; the
rest, up to the next article heading, is its text. Whatever precedes the first article (the
act's title, the legal basis, the preamble) is left out.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_ARTICLES = 500
# Article.number, Article.heading and Article.text max_length.
MAX_NUMBER_LENGTH = 20
MAX_HEADING_LENGTH = 250
MAX_TEXT_LENGTH = 20000
# A plain paragraph this short, without a closing full stop, reads as the article's title.
TITLE_LENGTH = 120
# The main XML part of a DOCX; anything larger is not a draft act but an accident (or a zip bomb).
MAX_DOCUMENT_XML_BYTES = 50 * 1024 * 1024
TRUNCATION_MARK = " […]"

ARTICLE_HEADING = re.compile(
    # "чл[аa]н": a Latin "a" typed inside the Cyrillic word is a common slip in real drafts.
    r"^(?:чл[аa]н|[cč]l[aа]n)\s*(?P<number>\d{1,4})(?:\s?(?P<letter>[^\W\d_]))?\s*\.?$",
    re.IGNORECASE,
)
TITLE_STYLE = re.compile(r"^(heading|title|subtitle|наслов|naslov)", re.IGNORECASE)
SENTENCE_END = (".", ":", ";", ",", "!", "?")


class DocxImportError(ValueError):
    """The file cannot be split into articles; the message is for the editor."""


@dataclass(frozen=True)
class ImportedArticle:
    number: str
    heading: str
    text: str


@dataclass
class _Block:
    """One paragraph (or one table, flattened) of the document body."""

    text: str
    looks_like_title: bool = False
    in_table: bool = False


def articles_from_docx(file) -> list[ImportedArticle]:
    """The articles of the draft act in `file` (a path or a binary file object), in order."""
    articles: list[tuple[str, list[_Block]]] = []
    for block in _blocks(file):
        number = None if block.in_table else article_number(block.text)
        if number is not None:
            if len(articles) == MAX_ARTICLES:
                raise DocxImportError(
                    _("The document has more than %(limit)s articles; split it or enter the articles by hand.")
                    % {"limit": MAX_ARTICLES}
                )
            articles.append((number, []))
        elif articles and block.text:
            articles[-1][1].append(block)
    if not articles:
        raise DocxImportError(
            _('No article headings such as "Члан 1" were found in the document, so there are no articles to import.')
        )
    return [_article(number, blocks) for number, blocks in articles]


def article_number(text: str) -> str | None:
    """The number of an article heading ("Члан 12а." → "12а"); None if the paragraph is not only that."""
    match = ARTICLE_HEADING.match(text.strip())
    if match is None:
        return None
    return match["number"] + (match["letter"] or "")


def _article(number: str, blocks: list[_Block]) -> ImportedArticle:
    heading = ""
    # The title needs a body after it: a lone short paragraph is the article's text.
    if len(blocks) > 1 and blocks[0].looks_like_title:
        heading = blocks.pop(0).text
    return ImportedArticle(number=number, heading=heading, text=_cap("\n\n".join(b.text for b in blocks)))


def _cap(text: str) -> str:
    if len(text) <= MAX_TEXT_LENGTH:
        return text
    cut = text[: MAX_TEXT_LENGTH - len(TRUNCATION_MARK)]
    # End on a whole word when there is one near the limit.
    space = cut.rfind(" ", len(cut) - 200)
    return (cut[:space] if space > 0 else cut).rstrip() + TRUNCATION_MARK


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ")
    return "\n".join(line.strip() for line in text.strip().splitlines())


def _open(file):
    from docx import Document

    if hasattr(file, "seek"):
        file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > MAX_DOCUMENT_XML_BYTES:
                raise DocxImportError(_("The document is too large to import its articles."))
        if hasattr(file, "seek"):
            file.seek(0)
        return Document(file)
    except DocxImportError:
        raise
    except Exception as error:  # BadZipFile, KeyError, lxml or python-docx errors: all mean "not a DOCX".
        raise DocxImportError(_("The file is not a readable DOCX document.")) from error


def _blocks(file):
    from docx.table import Table

    document = _open(file)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            text = _table_text(item)
            if text:
                yield _Block(text=text, in_table=True)
            continue
        text = _clean(item.text)
        first_line, _newline, rest = text.partition("\n")
        if rest and article_number(first_line) is not None:
            # "Члан 3" and its title typed as one paragraph with a line break.
            yield _Block(text=first_line)
            yield _Block(text=rest, looks_like_title=_looks_like_title(item, rest))
        else:
            yield _Block(text=text, looks_like_title=_looks_like_title(item, text))


def _looks_like_title(paragraph, text: str) -> bool:
    if not text or len(text) > MAX_HEADING_LENGTH or "\n" in text:
        return False
    style = getattr(paragraph.style, "name", "") or ""
    if TITLE_STYLE.match(style):
        return True
    runs = [run for run in paragraph.runs if run.text.strip()]
    if runs and all(_is_bold(run, paragraph) for run in runs):
        return True
    return len(text) <= TITLE_LENGTH and not text.endswith(SENTENCE_END)


def _is_bold(run, paragraph) -> bool:
    # Direct formatting wins over the character style, which wins over the paragraph style.
    if run.bold is not None:
        return run.bold
    for style in (run.style, paragraph.style):
        bold = getattr(getattr(style, "font", None), "bold", None)
        if bold is not None:
            return bold
    return False


def _table_text(table) -> str:
    rows = []
    for row in table.rows:
        cells, seen = [], []
        for cell in row.cells:
            # A merged cell appears once per grid column it spans; keep it once.
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            text = " ".join(_clean(cell.text).split())
            if text:
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)
