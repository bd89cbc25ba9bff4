"""The report's statistics: the web page and the DOCX show the same tables, in the same order."""

import io
import re

import docx
import pytest

from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.test_report import articles, get


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, reported=True)


def test_the_web_report_and_the_docx_show_the_same_statistics_tables_in_the_same_order(page):
    CommentFactory(consultation=page, article=articles(page)[0])
    captions = [
        "Comments in total",
        "Comments per article",
        "Comments per kind",
        "Comments per decision",
        "Comments per channel",
        "Comments per respondent type",
    ]
    html = get(page, "html", "en").content.decode()
    shown = re.findall(r'<caption id="report-[a-z-]+-caption">([^<]+)</caption>', html)
    assert shown[: len(captions)] == captions
    document = docx.Document(io.BytesIO(get(page, "docx", "en").content))
    docx_captions = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Caption"]
    assert docx_captions[: len(captions)] == captions
    assert [len(table.columns) for table in document.tables[: len(captions)]] == [2] * len(captions)
