"""Feed formats that carry an item's text as text, so no reader ever runs an editor's markup.

RSS readers take `<description>` as HTML and Atom readers do the same with
`<summary type="html">`: Django escapes the text once, for XML, and the reader un-escapes
it into markup, so a title like `<img onerror=…>` in a summary would become an element.
Here the RSS description is escaped once more (the reader shows the characters), and the
Atom summary is declared `type="text"`.
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape


class TextRssFeed(Rss201rev2Feed):
    def add_item_elements(self, handler, item):
        description = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("description", escape(description))


class TextAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        description = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})
