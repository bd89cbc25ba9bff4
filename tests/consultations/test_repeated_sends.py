"""Back, then Send again: the same comment is stored once; a used form token never hides a lost comment."""

import datetime
import re
import threading

import pytest
from freezegun import freeze_time

from django.core import mail
from django.db import connections
from django.test import Client

from consultations.models import Comment, CommentState
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data, form_token, post_comment
from tests.html_dom import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о поновљеним слањима", article_count=3)


def token_in(response) -> str:
    (field,) = [el for el in parse(response.content).iter("input") if el.get("name") == "form_token"]
    return field.get("value")


def test_back_then_send_again_stores_one_comment_and_sends_one_email(client, consultation):
    text = "Удружењима је потребно више времена\nда припреме документацију."
    first = post_comment(client, consultation, comment_data(consultation, justification=text))
    # Back re-opens the form with a new token; the browser restores what was typed (and may
    # send its line breaks as CRLF, the address in other letter case).
    again = comment_data(
        consultation,
        form_token=form_token(),
        contact_email=" Marija@Zeleni.Example ",
        justification=text.replace("\n", "\r\n"),
    )
    second = post_comment(client, consultation, again)

    assert first.status_code == second.status_code == 200
    assert "Проверите е-пошту" in second.content.decode(), "the second send is answered as the first was"
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1, "one confirmation e-mail"


def test_a_changed_text_consent_or_target_is_a_new_comment(client, consultation):
    post_comment(client, consultation, comment_data(consultation))
    post_comment(client, consultation, comment_data(consultation, justification="Друго образложење."))
    post_comment(client, consultation, comment_data(consultation, consent="private"))
    post_comment(client, consultation, comment_data(consultation, target=""))
    assert Comment.objects.count() == 4
    assert len(mail.outbox) == 4


def test_an_expired_unconfirmed_comment_sent_again_gets_a_new_confirmation_link(client, consultation):
    post_comment(client, consultation, comment_data(consultation))
    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=73)):
        response = post_comment(client, consultation, comment_data(consultation))
        assert response.status_code == 200
        assert Comment.objects.count() == 1
        assert len(mail.outbox) == 2, "the first link expired: a new one is sent"
        link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[1].body).group(0)
        client.post(link)
    assert Comment.objects.get().state == CommentState.CONFIRMED


@pytest.mark.django_db(transaction=True)
def test_concurrent_sends_of_the_same_content_from_two_forms_store_one_comment(home_page):
    page = ConsultationPageFactory(home=home_page, article_count=3)
    # Each send comes from its own form (its own token), as after Back; all carry the same content.
    sends = [comment_data(page, form_token=form_token()) for _ in range(6)]
    start = threading.Barrier(len(sends))
    statuses = []

    def submit(data):
        try:
            start.wait()
            statuses.append(Client().post(page.url, data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(data,)) for data in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [200] * len(sends), "every send is told the comment was received"
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1, "one confirmation e-mail"


def test_a_used_form_token_with_other_content_is_refused_and_the_text_kept_with_a_new_token(client, consultation):
    used = form_token()
    post_comment(client, consultation, comment_data(consultation, form_token=used))

    other_text = "Сасвим друго образложење, послато старим обрасцем."
    refused = post_comment(client, consultation, comment_data(consultation, form_token=used, justification=other_text))

    assert refused.status_code == 400
    html = refused.content.decode()
    assert "Овај образац је већ послат с другим текстом" in html
    assert "Проверите е-пошту" not in html, "never a success page for a comment that was not stored"
    assert other_text in html, "the typed text is kept"
    fresh = token_in(refused)
    assert fresh != used, "the form comes back with a token that can still be sent"
    assert Comment.objects.count() == 1 and len(mail.outbox) == 1

    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=10)):  # read, then send
        resent = post_comment(
            client, consultation, comment_data(consultation, form_token=fresh, justification=other_text)
        )
    assert resent.status_code == 200
    assert Comment.objects.filter(justification=other_text).count() == 1


def test_a_used_form_token_with_the_same_content_answers_as_the_first_send(client, consultation):
    data = comment_data(consultation, form_token=form_token())
    post_comment(client, consultation, data)
    again = post_comment(client, consultation, data)
    assert again.status_code == 200 and "Проверите е-пошту" in again.content.decode()
    assert Comment.objects.count() == 1 and len(mail.outbox) == 1


def test_an_expired_form_comes_back_with_a_new_token_so_it_can_be_sent(client, consultation):
    with freeze_time(datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=25)):
        expired = form_token()
    refused = post_comment(client, consultation, comment_data(consultation, form_token=expired))
    assert refused.status_code == 400
    assert "Удружењима је потребно више времена" in refused.content.decode()
    fresh = token_in(refused)
    assert fresh != expired
    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=10)):
        assert post_comment(client, consultation, comment_data(consultation, form_token=fresh)).status_code == 200
    assert Comment.objects.count() == 1
