"""Every participant hears back: e-mails to commenters on an answer, the report, an extension, a
reopening and a revised draft; in the commenter's language, once, and never after they said stop."""

import datetime
import re

import pytest

from django.core import mail
from django.test import Client, TestCase
from django.utils import timezone, translation

from wagtail.models import Locale

from consultations import moderation
from consultations.models import CommentState, Decision, NoticeOptOut, SentNotice
from consultations.notices import notify_answer, notify_commenters, unsubscribe_token
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import comment_data, post_comment
from tests.factories import publish
from tests.module_rows import home_page_of_the_module, once_per_module

pytestmark = pytest.mark.django_db


@once_per_module
def page(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), title="Нацрт одлуке о буџету")


home_page = home_page_of_the_module()


def committed(action, *args, **kwargs):
    """Run `action` as a request would: what waits for the commit (the queued e-mails) runs after it."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action(*args, **kwargs)


def answer(comments, decision=Decision.PARTLY, reasons="Рок је продужен на 20 дана."):
    return committed(moderation.answer, comments, decision, reasons, None)


def translated(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def unsubscribe_url(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>")


# ---------------------------------------------------------------------------------------------
# The answer


def test_answer_is_emailed_to_the_commenter_in_the_language_they_wrote_in(page):
    english = CommentFactory(article=None, consultation=page, language="en", contact_email="ana@example.org")
    cyrillic = CommentFactory(article=None, consultation=page, language="sr-cyrl", contact_email="marko@example.org")

    answer([english, cyrillic])

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"ana@example.org", "marko@example.org"}
    to_english, to_cyrillic = by_address["ana@example.org"], by_address["marko@example.org"]
    assert to_english.subject == "The office answered your comment on “Нацрт одлуке о буџету”"
    assert "Decision: partly accepted" in to_english.body
    assert "Рок је продужен на 20 дана." in to_english.body
    assert english.tracking_number in to_english.body
    assert to_cyrillic.subject == translated("sr-cyrl", "The office answered your comment on “%(title)s”") % {
        "title": "Нацрт одлуке о буџету"
    }
    assert to_cyrillic.subject != to_english.subject  # really translated
    assert translated("sr-cyrl", "partly accepted") in to_cyrillic.body
    # Each e-mail holds its own commenter's comment only.
    assert cyrillic.tracking_number not in to_english.body and english.tracking_number not in to_cyrillic.body


def test_answer_to_a_latin_commenter_is_all_latin(page):
    comment = CommentFactory(article=None, consultation=page, language="sr-latn")

    answer([comment])

    message = mail.outbox[0]
    assert message.subject == "Kancelarija je odgovorila na vaš komentar na „Nacrt odluke o budžetu“"
    assert "Rok je produžen na 20 dana." in message.body
    assert not re.search("[\u0400-\u04ff]", message.subject + message.body)
    assert "/sr-latn/notices/unsubscribe/" in message.body


def test_answer_is_emailed_once_however_often_it_is_saved_or_changed(page):
    comment = CommentFactory(article=None, consultation=page, language="en")

    answer([comment])
    answer([comment], Decision.NOT_ACCEPTED, "Other reasons.")
    committed(notify_answer, comment)

    assert len(mail.outbox) == 1
    assert SentNotice.objects.filter(comment=comment, event="answer").count() == 1


def test_answer_in_the_admin_edit_view_is_emailed(admin_client, page):
    comment = CommentFactory(article=None, consultation=page, language="en", state=CommentState.CONFIRMED)

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = admin_client.post(
            f"/admin/comments/edit/{comment.pk}/",
            {"state": "published", "rejection_reason": "", "decision": "accepted", "decision_reasons": ""},
        )

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[comment.contact_email]]
    assert "Decision: accepted" in mail.outbox[0].body


def test_no_email_for_unconfirmed_erased_or_addressless_comments(page):
    unconfirmed = CommentFactory(article=None, consultation=page, state=CommentState.UNCONFIRMED, tracking_number=None)
    no_address = CommentFactory(article=None, consultation=page, contact_email="")
    erased = CommentFactory(article=None, consultation=page)
    erased.erase_contact()

    answer([unconfirmed, no_address, erased])
    committed(notify_commenters, page, "report_published")

    assert mail.outbox == []


def test_a_failed_send_keeps_the_answer_and_the_notice_can_be_sent_later(settings, page):
    comment = CommentFactory(article=None, consultation=page, language="en")
    # A real SMTP client, to a port where no mail server listens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    outcome = answer([comment])

    comment.refresh_from_db()
    assert outcome.done == [comment] and comment.decision == Decision.PARTLY and comment.answered_at
    assert not SentNotice.objects.filter(comment=comment).exists()  # the claim was given back

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    committed(notify_answer, comment)
    assert len(mail.outbox) == 1


# ---------------------------------------------------------------------------------------------
# Events of the consultation, detected when the page is published


def test_publishing_the_report_emails_each_commenter_once(page):
    first = CommentFactory(article=None, consultation=page, language="en")
    second = CommentFactory(article=None, consultation=page, state=CommentState.CONFIRMED, language="sr-cyrl")
    CommentFactory(article=None, consultation=page, state=CommentState.UNCONFIRMED, tracking_number=None)

    page.report_published_at = timezone.now()
    publish(page)
    publish(page)  # published again: no second e-mail

    assert sorted(message.to[0] for message in mail.outbox) == sorted([first.contact_email, second.contact_email])
    english = next(message for message in mail.outbox if message.to == [first.contact_email])
    assert english.subject == "The report on the consultation “Нацрт одлуке о буџету” is published"
    assert f"{page.full_url}izvestaj/" in english.body


def test_extending_an_open_consultation_emails_extended_with_the_new_closing_date(page):
    comment = CommentFactory(article=None, consultation=page, language="en")

    page.closes_at = timezone.now() + datetime.timedelta(days=45)
    publish(page)
    publish(page)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [comment.contact_email]
    assert message.subject == "The consultation “Нацрт одлуке о буџету” is extended"
    assert f"comments can be sent until {timezone.localtime(page.closes_at):%Y-%m-%d %H:%M}." in message.body


def test_extending_twice_emails_twice_and_shortening_emails_nothing(page):
    CommentFactory(article=None, consultation=page, language="en")
    for days in (40, 50, 35):
        page.closes_at = timezone.now() + datetime.timedelta(days=days)
        publish(page)

    assert [message.subject.split("”")[-1] for message in mail.outbox] == [" is extended", " is extended"]


def test_reopening_a_closed_consultation_emails_reopened(home_page):
    page = ConsultationPageFactory(
        home=home_page, opens_in=datetime.timedelta(days=-30), closes_in=datetime.timedelta(days=-1)
    )
    comment = CommentFactory(article=None, consultation=page, language="en")

    page.closes_at = timezone.now() + datetime.timedelta(days=10)
    publish(page)

    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([comment.contact_email], f"The consultation “{page.title}” is open for comments again")
    ]


def test_revised_draft_is_emailed_once_per_version(page):
    CommentFactory(article=None, consultation=page, language="en")

    class Version:  # what helper code passes: any saved object with a primary key
        def __init__(self, pk):
            self.pk = pk

    committed(notify_commenters, page, "revised_draft", version=Version(1))
    committed(notify_commenters, page, "revised_draft", version=Version(1))
    committed(notify_commenters, page, "revised_draft", version=Version(2))

    assert [message.subject for message in mail.outbox] == [f"A revised draft of “{page.title}” is published"] * 2


def test_one_address_with_several_comments_gets_one_email_naming_only_its_own(page):
    mine = [
        CommentFactory(article=None, consultation=page, language="en", contact_email="ana@example.org")
        for _ in range(2)
    ]
    other = CommentFactory(article=None, consultation=page, language="en", contact_email="marko@example.org")

    committed(notify_commenters, page, "report_published")

    mine_message = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert len(mail.outbox) == 2
    assert all(comment.tracking_number in mine_message.body for comment in mine)
    assert other.tracking_number not in mine_message.body
    assert "marko" not in mine_message.body and other.organisation_name not in mine_message.body


# ---------------------------------------------------------------------------------------------
# Stopping the e-mails


def test_every_notice_carries_one_click_unsubscribe_headers(page):
    comment = CommentFactory(article=None, consultation=page, language="en")
    answer([comment])

    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = unsubscribe_url(message)
    assert url.startswith("http://localhost/en/notices/unsubscribe/")
    assert url in message.body
    assert message.body.count("/notices/unsubscribe/") == 1


def test_unsubscribe_link_asks_first_then_stops_every_later_email_about_the_consultation(page):
    comment = CommentFactory(article=None, consultation=page, language="en")
    answer([comment])
    path = unsubscribe_url(mail.outbox[0]).removeprefix("http://localhost")
    client = Client()

    shown = client.get(path)
    assert shown.status_code == 200
    assert "Stop the e-mails" in shown.content.decode()
    assert "no-store" in shown["Cache-Control"] and shown["X-Robots-Tag"] == "noindex"
    assert not NoticeOptOut.objects.exists()  # a mail scanner opening the link stops nothing

    stopped = client.post(path)
    assert stopped.status_code == 200 and "E-mails stopped" in stopped.content.decode()
    later = CommentFactory(
        article=None, consultation=page, language="sr-cyrl", contact_email=comment.contact_email.upper()
    )
    committed(notify_commenters, page, "report_published")
    committed(notify_answer, later)
    assert len(mail.outbox) == 1


def test_stopping_one_consultation_leaves_the_others(home_page, page):
    other_page = ConsultationPageFactory(home=home_page)
    comment = CommentFactory(article=None, consultation=page, contact_email="ana@example.org")
    CommentFactory(article=None, consultation=other_page, contact_email="ana@example.org")

    Client().post(f"/en/notices/unsubscribe/{unsubscribe_token(page.pk, comment.contact_email)}/")
    committed(notify_commenters, page, "report_published")
    committed(notify_commenters, other_page, "report_published")

    assert len(mail.outbox) == 1 and other_page.title in mail.outbox[0].subject


def test_one_click_post_from_a_mail_program_stops_without_a_csrf_token(page):
    comment = CommentFactory(article=None, consultation=page)
    token = unsubscribe_token(page.pk, comment.contact_email)

    response = Client(enforce_csrf_checks=True).post(
        f"/sr-cyrl/notices/unsubscribe/{token}/", "List-Unsubscribe=One-Click", content_type="text/plain"
    )

    assert response.status_code == 200
    assert NoticeOptOut.objects.filter(consultation=page).count() == 1


def test_unsubscribe_page_speaks_the_visitors_language(page):
    token = unsubscribe_token(page.pk, "ana@example.org")
    cyrillic = Client().get(f"/sr-cyrl/notices/unsubscribe/{token}/").content.decode()
    assert translated("sr-cyrl", "Stop the e-mails about this consultation") in cyrillic
    assert "Stop the e-mails about this consultation" not in cyrillic


def test_a_forged_or_altered_unsubscribe_token_is_not_found(page):
    token = unsubscribe_token(page.pk, "ana@example.org")
    assert Client().post(f"/en/notices/unsubscribe/{token[:-2]}xx/").status_code == 404
    assert Client().get("/en/notices/unsubscribe/not-a-token/").status_code == 404
    assert not NoticeOptOut.objects.exists()


def test_crawlers_are_kept_off_unsubscribe_links(client, home_page):
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /sr-cyrl/notices/unsubscribe/" in robots
    assert "Disallow: /en/notices/unsubscribe/" in robots


# ---------------------------------------------------------------------------------------------
# The language a comment is written in


def test_a_comment_sent_from_the_latin_page_is_written_in_latin(client, page, settings):
    settings.COMMENT_MIN_FILL_SECONDS = 0
    twin = page.get_translation(Locale.objects.get(language_code="sr-latn")).specific

    post_comment(client, twin, comment_data(page))
    post_comment(client, page, comment_data(page, contact_email="drugi@zeleni.example"))

    languages = dict(page.comments.values_list("contact_email", "language"))
    assert languages == {"marija@zeleni.example": "sr-latn", "drugi@zeleni.example": "sr-cyrl"}
