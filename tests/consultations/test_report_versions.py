"""The consultation report names the draft version each comment was written on, in every format and language."""

import csv
import io
import json
import re
from datetime import timedelta

import docx
import pytest

from django.utils import timezone, translation

from wagtail.models import Locale

from consultations.models import Comment
from consultations.report import build_report
from consultations.versions import freeze_version
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.report_helpers import add_comments_in_turn, queries_for_report
from tests.consultations.test_report import get
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db


def reported_consultation(home):
    return ConsultationPageFactory(
        home=home,
        opens_in=-timedelta(days=30),
        closes_in=-timedelta(days=1),
        report_published_at=timezone.now(),
    )


def with_version_2(page):
    """`page` with version 2 of its draft, one comment on each version."""
    first_version = page.draft_versions.get(number=1)
    second_version = freeze_version(page, note="Рок продужен на 30 дана.")
    article = page.articles.first()
    CommentFactory(consultation=page, article=article, version=first_version, justification="Коментар на прву.")
    CommentFactory(consultation=page, article=article, version=second_version, justification="Коментар на другу.")
    return page


@once_per_module
def page(module_rows):
    return reported_consultation(module_rows.home_page())


@once_per_module
def revised(module_rows):
    """A consultation of its own (no test asks for both): `page` keeps a single-version draft."""
    return with_version_2(reported_consultation(module_rows.home_page()))


def in_language(page, language):
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def csv_rows(page) -> list[dict]:
    text = get(page, "csv").content.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def docx_comment_table(page, language="sr-cyrl") -> list[list[str]]:
    document = docx.Document(io.BytesIO(get(page, "docx", language).content))
    return [[cell.text for cell in row.cells] for row in document.tables[-1].rows]


def comment_header(html: str) -> str:
    table = html[html.index('id="report-comments-caption"') :]
    return table[: table.index("</thead>")]


@pytest.mark.parametrize(
    ("language", "header", "first", "second"),
    [
        ("sr-cyrl", "Верзија нацрта", "Верзија 1", "Верзија 2"),
        ("sr-latn", "Verzija nacrta", "Verzija 1", "Verzija 2"),
        ("en", "Version of the draft", "Version 1", "Version 2"),
    ],
)
def test_html_report_names_each_comments_version_in_the_visitors_language(revised, language, header, first, second):
    shown = revised if language == "en" else in_language(revised, language)  # no English translation needed

    html = get(shown, "html", language).content.decode()

    assert header in comment_header(html)
    versions_path = revised.reverse_subpage("versions")
    assert re.search(rf'<a href="/[^"]*/{versions_path}#version-1">{first}</a>', html)
    assert re.search(rf'<a href="/[^"]*/{versions_path}#version-2">{second}</a>', html)


def test_html_report_of_a_single_version_draft_leaves_the_version_column_out(page):
    CommentFactory(consultation=page, article=page.articles.first())

    html = get(page, "html").content.decode()

    assert "Верзија нацрта" not in comment_header(html)
    assert "#version-1" not in html


def test_exports_keep_the_version_column_when_the_draft_has_one_version(page):
    CommentFactory(consultation=page, article=page.articles.first())

    assert [row["version"] for row in csv_rows(page)] == ["1"]
    data = json.loads(get(page, "json").content)
    assert "version" in data["fields"] and data["comments"][0]["version"] == 1
    header, row = docx_comment_table(page)
    assert header[2] == "Верзија нацрта" and row[2] == "Верзија 1"


def test_exports_name_the_version_each_comment_was_written_on(revised):
    by_text = {row["justification"]: row["version"] for row in csv_rows(revised)}
    assert by_text == {"Коментар на прву.": "1", "Коментар на другу.": "2"}

    data = json.loads(get(revised, "json").content)
    assert sorted(comment["version"] for comment in data["comments"]) == [1, 2]

    header, *rows = docx_comment_table(revised, "en")
    assert header[2] == "Version of the draft"
    assert sorted(row[2] for row in rows) == ["Version 1", "Version 2"]


def test_a_comment_from_before_versions_existed_counts_as_version_1(revised):
    Comment.objects.filter(justification="Коментар на прву.").update(version=None)

    with translation.override("en"):
        rows = build_report(revised).rows

    assert sorted((row.version, row.version_label) for row in rows) == [(1, "Version 1"), (2, "Version 2")]


def test_report_of_a_two_version_draft_runs_the_same_number_of_queries_for_5_and_50_comments(revised):
    versions = list(revised.draft_versions.order_by("number"))
    article_ids = [article.pk for article in revised.articles.all()] + [None]

    def add(count):
        add_comments_in_turn(revised, count, article_ids, version=lambda n: versions[n % 2] if n % 3 else None)

    add(3)
    few, report = queries_for_report(revised)
    assert report.statistics.total == 5 and report.several_versions
    add(45)
    many, report = queries_for_report(revised)
    assert report.statistics.total == 50
    assert {row.version for row in report.rows} == {1, 2}
    assert few == many <= 4
