"""Latin pages show no Cyrillic: the last pass over every HTML answer under /sr-latn/.

Page content reaches the Latin site already transliterated (the Latin twin), but much of what a
page shows is not page content: commenters' text and the office's answers, titles of documents
and snippets, labels built from them. Marking every such place in the templates would always
miss one, so the answer's text nodes are transliterated here, with the project's one exact
transliterator (core.scripts), after the page is rendered and before the page cache stores it
(a cached Latin page costs nothing more; a page with no Cyrillic letter costs one regex scan).

Left exactly as written: markup and attribute values (URLs, form values), except the attributes
a reader sees or hears (alt, title, aria-label, placeholder); script and style bodies; what a
visitor typed into a <textarea>; and any element marked translate="no", the way a record that
must keep its text as written (a receipt's hashed text) says so.
"""

import re

from core.scripts import to_latin, to_latin_html

LATIN_PREFIX = "/sr-latn/"

_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")
_VOID_ELEMENTS = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

# Kept byte for byte: code bodies, typed text, and elements that ask for it.
_VERBATIM_RE = re.compile(
    r"""<(script|style|textarea)\b[^>]*>.*?</\1\s*>
      | <([A-Za-z][A-Za-z0-9-]*)\b(?:"[^"]*"|'[^']*'|[^'">])*
        \stranslate\s*=\s*(?:"no"|'no'|no\b)(?:"[^"]*"|'[^']*'|[^'">])*>""",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)
_READABLE_ATTRIBUTE_RE = re.compile(
    r"""(\s(?:alt|title|aria-label|aria-description|placeholder)\s*=\s*)("[^"]*"|'[^']*')""", re.IGNORECASE
)
_TAG_RE = re.compile(r"<[A-Za-z](?:\"[^\"]*\"|'[^']*'|[^'\">])*>")


def _element_end(html: str, name: str, after: int) -> int:
    """Where the element opened just before `after` closes (same-name nesting counted), or the end."""
    opening = re.compile(rf"<(/?){re.escape(name)}\b[^>]*>", re.IGNORECASE)
    depth = 1
    for match in opening.finditer(html, after):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return len(html)


def _verbatim_spans(html: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    while match := _VERBATIM_RE.search(html, pos):
        name = match.group(2)
        if match.group(1) or name.lower() in _VOID_ELEMENTS or match.group().endswith("/>"):
            end = match.end()
        else:
            end = _element_end(html, name, match.end())
        spans.append((match.start(), end))
        pos = end
    return spans


def _readable_attributes_in_latin(tag: re.Match) -> str:
    text = tag.group()
    if not _CYRILLIC_RE.search(text):
        return text
    return _READABLE_ATTRIBUTE_RE.sub(lambda m: m.group(1) + to_latin(m.group(2)), text)


def _latin_stretch(html: str) -> str:
    if not _CYRILLIC_RE.search(html):
        return html
    return _TAG_RE.sub(_readable_attributes_in_latin, to_latin_html(html))


# Cyrillic a reader could meet: in a text node (after a tag's ">") or in a readable attribute. Cyrillic
# only in attribute values (a tag's slug in a filter's <option value>) leaves the page as it is, cheaply.
_READABLE_CYRILLIC_RE = re.compile(
    r""">[^<\u0400-\u04ff]*[\u0400-\u04ff]
      | \s(?:alt|title|aria-label|aria-description|placeholder)\s*=\s*
        (?:"[^"\u0400-\u04ff]*|'[^'\u0400-\u04ff]*)[\u0400-\u04ff]""",
    re.VERBOSE | re.IGNORECASE,
)


def latin_page_html(html: str) -> str:
    """The page with every text a reader meets in Latin; what must stay as written stays."""
    if not _CYRILLIC_RE.search(html) or not _READABLE_CYRILLIC_RE.search(html):
        return html
    parts, pos = [], 0
    for start, end in _verbatim_spans(html):
        parts.extend((_latin_stretch(html[pos:start]), html[start:end]))
        pos = end
    parts.append(_latin_stretch(html[pos:]))
    return "".join(parts)


def is_latin_page(request, response) -> bool:
    # The English URL of a page not translated yet shows its Latin version (core/untranslated.py).
    shows_latin = request.path.startswith(LATIN_PREFIX) or getattr(request, "untranslated_page", None) is not None
    return shows_latin and not response.streaming and response.get("Content-Type", "").startswith("text/html")


class LatinPageMiddleware:
    """Inside the page cache (it stores the Latin answer) and outside the views and templates."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_latin_page(request, response):
            charset = response.charset or "utf-8"
            content = response.content.decode(charset)
            latin = latin_page_html(content)
            if latin is not content:
                response.content = latin.encode(charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response
