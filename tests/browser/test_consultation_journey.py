"""The whole consultation cycle in a browser: comment, confirm, moderate, answer, report."""

import csv
import io
import re

import pytest

from django.core import mail
from django.utils import timezone

from consultations.models import Comment, CommentState, ConsultationPage
from tests.browser.comment_form import fill_comment


@pytest.fixture
def open_consultation(demo_server):
    return ConsultationPage.objects.live().open().get(locale__language_code="sr-cyrl")


def test_comment_confirm_moderate_answer_and_report(
    browser_page, demo_server, open_consultation, assert_accessible, django_user_model
):
    page = browser_page
    mail.outbox.clear()
    page.goto(f"{demo_server}/sr-cyrl/")
    page.get_by_role("link", name=open_consultation.title).first.click()
    page.wait_for_url(re.compile(open_consultation.slug))
    assert_accessible(page)

    third = open_consultation.articles.all()[2]
    page.get_by_label("На шта се односи коментар?").select_option(str(third.pk))
    fill_comment(page, "Удружење „Мост“ Нови Сад", "ana@most.example")
    page.get_by_label(re.compile("Прочитао/ла сам обавештење о приватности")).check()
    page.wait_for_timeout(4500)  # a person takes longer than the minimum fill time to write this
    page.get_by_role("button", name="Пошаљи коментар").click()
    page.get_by_role("heading", name="Проверите е-пошту").wait_for()
    assert_accessible(page)

    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Потврди").click()
    page.get_by_role("heading", name=re.compile("Потврда пријема JK-")).wait_for()
    assert_accessible(page)
    comment = Comment.objects.get(contact_email="ana@most.example")
    assert comment.state == CommentState.CONFIRMED
    assert comment.tracking_number in page.content()

    moderator = django_user_model.objects.create_superuser("moderatorka", "mod@example.org", "tajna-lozinka-123")
    page.goto(f"{demo_server}/admin/login/")
    page.get_by_label(re.compile("Username|Корисничко")).fill(moderator.username)
    page.get_by_label(re.compile("Password|Лозинка")).fill("tajna-lozinka-123")
    page.get_by_role("button", name=re.compile("Sign in|Пријав")).click()
    page.goto(f"{demo_server}/admin/comments/edit/{comment.pk}/")
    page.locator("input[name=state][value=published]").check()
    page.locator("select[name=decision]").select_option("accepted")
    page.locator("textarea[name=decision_reasons]").fill("Рок је продужен на 30 дана.")
    page.get_by_role("button", name=re.compile("^(Save|Sačuvaj|Сачувај)$")).click()
    page.wait_for_url(re.compile(r"/admin/comments/"))
    comment.refresh_from_db()
    assert (comment.state, comment.decision) == (CommentState.PUBLISHED, "accepted")

    open_consultation.report_published_at = timezone.now()
    open_consultation.save_revision().publish()
    report_url = f"{demo_server}{open_consultation.url}izvestaj/"
    page.goto(report_url)
    assert "Удружење „Мост“ Нови Сад" in page.content()
    assert "Рок је продужен на 30 дана." in page.content()
    assert_accessible(page)
    csv_text = page.request.get(report_url + "csv/").text().lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    row = next(row for row in rows if row["tracking_number"] == comment.tracking_number)
    assert row["decision"] == "accepted"
    docx = page.request.get(report_url + "docx/")
    assert docx.ok and docx.body()[:2] == b"PK"
    assert "ana@most.example" not in csv_text
