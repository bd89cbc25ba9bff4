"""Every feed of the site carries an editor's text as text: a reader shows `<script>`, never runs it."""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser
import pytest

from tests.calls.factories import CallPageFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import publish
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert("x")</script> <img src=x onerror=alert(1)> & <b>bold</b>'
ATOM = "{http://www.w3.org/2005/Atom}"


class Rendering(HTMLParser):
    """What a reader displays for an HTML fragment: its text, and the elements it would make."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.text, self.elements = "", []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_data(self, data):
        self.text += data


def as_a_reader_shows_it(detail) -> Rendering:
    if detail.type == "text/plain":
        shown = Rendering("")
        shown.text = detail.value
        return shown
    return Rendering(detail.value)


@pytest.fixture
def feeds(home_page):
    home = publish(home_page)
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Вест", lead=f"Увод {MARKUP}")
    CallPageFactory(home=home, title="Конкурс", summary=f"Сажетак {MARKUP}")
    ConsultationPageFactory(home=home, title="Консултација", summary=f"Нацрт {MARKUP}")
    return ["news", "calls", "consultations"]


def test_feed_readers_get_an_editors_markup_as_literal_text_not_elements(client, feeds):
    """Every feed, both formats, both scripts: one set of pages (publishing them is the slow part)."""
    for url in [
        f"/{language}/feeds/{feed}/{flavour}/"
        for feed in feeds
        for flavour in ("rss", "atom")
        for language in ("sr-cyrl", "sr-latn")
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))

        (entry,) = parsed.entries
        shown = as_a_reader_shows_it(entry.summary_detail)
        assert shown.elements == [], url
        assert '<script>alert("x")</script> <img src=x onerror=alert(1)> & <b>bold</b>' in shown.text, url


def test_rss_description_is_html_that_escapes_the_text_and_atom_summary_is_declared_text(client, feeds):
    rss = ET.fromstring(client.get("/sr-cyrl/feeds/news/rss/").content)  # noqa: S314  (the site's own feed)
    description = rss.find("channel/item/description").text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in description
    assert "<script" not in description

    atom = ET.fromstring(client.get("/sr-cyrl/feeds/news/atom/").content)  # noqa: S314
    summary = atom.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text.endswith(MARKUP)
