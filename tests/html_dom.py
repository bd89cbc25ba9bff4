"""Pages as a browser sees them: parsed by the WHATWG algorithm (html5lib), not by a regex.

The spec's parser turns CR LF into LF, drops the line feed right after <pre> and <textarea>
and decodes entities, exactly as the DOM a visitor reads, copies and a screen reader walks.
"""

import html5lib

# Attributes whose value names other elements by id: one id, or a space-separated list.
IDREF_ATTRIBUTES = ("for", "list", "form", "aria-activedescendant", "aria-errormessage")
IDREFS_ATTRIBUTES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "aria-details", "headers")


def parse(content: str | bytes):
    return html5lib.parse(content, treebuilder="etree", namespaceHTMLElements=False)


def text_content(element) -> str:
    """The element's text as the DOM's textContent has it (what select-and-copy of a <pre> gives)."""
    return "".join(element.itertext())


def find_by_class(document, tag: str, css_class: str):
    return [el for el in document.iter(tag) if css_class in (el.get("class") or "").split()]


def broken_idrefs(content: str | bytes) -> list[str]:
    """Every reference by id (labels, ARIA relations, in-page links) that names no element of the page."""
    document = parse(content)
    ids = {element.get("id") for element in document.iter() if element.get("id")}
    broken = []
    for element in document.iter():
        references = [(name, element.get(name)) for name in IDREF_ATTRIBUTES if element.get(name)]
        references += [(name, ref) for name in IDREFS_ATTRIBUTES for ref in (element.get(name) or "").split()]
        href = element.get("href") or ""
        if element.tag == "a" and href.startswith("#") and len(href) > 1:
            references.append(("href", href[1:]))
        broken += [f"<{element.tag} {name}> → #{ref}" for name, ref in references if ref not in ids]
    return broken
