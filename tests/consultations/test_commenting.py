"""A CSO comments on an open consultation, confirms by e-mail and gets a receipt."""

import datetime
import hashlib
import re

import pytest
from freezegun import freeze_time

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from consultations.models import Comment, CommentState
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import VALID_TAX_NUMBER, comment_data, form_token, post_comment
from tests.module_rows import home_page_of_the_module, once_per_module

pytestmark = pytest.mark.django_db


@once_per_module
def consultation(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), title="Нацрт одлуке о удружењима", article_count=5)


home_page = home_page_of_the_module()


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/potvrda/\S+/", message.body).group(0)


def test_comment_confirm_and_receipt(client, consultation):
    response = post_comment(client, consultation, comment_data(consultation))

    assert response.status_code == 200
    assert "Проверите е-пошту" in response.content.decode()
    comment = Comment.objects.get()
    assert comment.state == CommentState.UNCONFIRMED
    assert comment.target_label.startswith("Члан 3")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["marija@zeleni.example"]

    link = confirmation_link(mail.outbox[0])
    assert client.get(link).status_code == 200, "opening the link alone changes nothing (mail scanners)"
    assert Comment.objects.get().state == CommentState.UNCONFIRMED
    with TestCase.captureOnCommitCallbacks(execute=True):
        confirmed = client.post(link, follow=True)

    comment.refresh_from_db()
    assert comment.state == CommentState.CONFIRMED
    assert re.fullmatch(r"JK-[A-Z2-9]{5}-[A-Z2-9]{5}", comment.tracking_number)
    html = confirmed.content.decode()
    assert comment.tracking_number in html and comment.text_sha256 in html
    receipt = mail.outbox[1]
    assert comment.tracking_number in receipt.subject
    assert comment.text_sha256 in receipt.body
    assert hashlib.sha256(comment.canonical_text().encode()).hexdigest() == comment.text_sha256
    assert "Удружењима је потребно више времена" in receipt.body


def test_confirmation_link_expires(client, consultation):
    post_comment(client, consultation, comment_data(consultation))
    link = confirmation_link(mail.outbox[0])
    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=73)):
        response = client.post(link)
    assert response.status_code == 410
    assert Comment.objects.get().state == CommentState.UNCONFIRMED


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"proposed_wording": ""}, "proposed_wording", "Напишите формулацију коју предлажете."),
        ({"justification": ""}, "justification", "Ово поље се мора попунити."),
        ({"registration_number": "1234567"}, "registration_number", "Матични број има тачно 8 цифара."),
        ({"tax_id": "123456789"}, "tax_id", "Ово није исправан ПИБ"),
        ({"contact_email": "not-an-email"}, "contact_email", "Унесите исправну и-мејл адресу."),
        ({"justification": "а" * 5001}, "justification", "5000"),
        ({"privacy": ""}, "privacy", "Потврдите да сте прочитали обавештење о приватности."),
    ],
)
def test_invalid_comments_are_refused_in_the_visitors_language_and_keep_the_text(
    client, consultation, overrides, field, message
):
    data = comment_data(consultation, **overrides)
    response = post_comment(client, consultation, data)

    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0] or message in response.content.decode()
    assert Comment.objects.count() == 0
    html = response.content.decode()
    assert "Удружење „Зелени Нови Сад“" in html, "what the visitor typed is kept"


def test_a_valid_pib_is_accepted(client, consultation):
    # NIS a.d. Novi Sad's published tax number (the check digit itself: tests/core/test_registry_numbers.py).
    assert post_comment(client, consultation, comment_data(consultation, tax_id=VALID_TAX_NUMBER)).status_code == 200
    assert Comment.objects.get().tax_id == VALID_TAX_NUMBER


def test_the_same_form_sent_twice_stores_one_comment(client, consultation):
    data = comment_data(consultation, form_token=form_token(token="jedan-isti-token"))
    post_comment(client, consultation, data)
    post_comment(client, consultation, data)
    assert Comment.objects.count() == 1
    assert len(mail.outbox) == 1, "one confirmation e-mail"


def test_comments_are_refused_one_second_after_closing(client, home_page):
    page = ConsultationPageFactory(home=home_page, closes_in=datetime.timedelta(minutes=10))
    data = comment_data(page)
    with freeze_time(page.closes_at + datetime.timedelta(seconds=1)):
        response = post_comment(client, page, data)
    assert response.status_code == 400
    assert "Ова консултација је затворена" in response.content.decode()
    assert Comment.objects.count() == 0
    with freeze_time(page.closes_at - datetime.timedelta(seconds=1)):
        assert post_comment(client, page, comment_data(page)).status_code == 200
    assert Comment.objects.count() == 1


def test_honeypot_and_too_fast_forms_are_refused_and_logged(client, consultation, caplog):
    post_comment(client, consultation, comment_data(consultation, website="http://spam.example"))
    post_comment(client, consultation, comment_data(consultation, form_token=form_token(seconds_ago=1)))
    assert Comment.objects.count() == 0
    reasons = " ".join(record.getMessage() for record in caplog.records)
    assert "honeypot" in reasons and "filled-too-fast" in reasons
    assert "marija@zeleni.example" not in reasons, "refusals are logged without personal data"


def test_rate_limit_per_email_holds_in_the_shared_cache(client, consultation):
    # Eleven different comments: the same comment sent again is not a new one (test_repeated_sends.py).
    # Sent from different networks, so only the per-e-mail limit (30 an hour) counts.
    statuses = [
        post_comment(
            client,
            consultation,
            comment_data(consultation, justification=f"Образложење број {n}."),
            REMOTE_ADDR=f"198.51.100.{n + 1}",
        ).status_code
        for n in range(31)
    ]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    assert Comment.objects.count() == 30


def test_disguised_or_oversize_attachments_are_refused_and_the_text_is_kept(client, consultation, settings):
    html_as_pdf = SimpleUploadedFile("prilog.pdf", b"<!DOCTYPE html><script>alert(1)</script>")
    response = post_comment(client, consultation, comment_data(consultation, attachment=html_as_pdf))
    assert response.status_code == 400
    assert "Прилог није документ у формату PDF, DOCX или ODT." in response.content.decode()
    assert "Удружењима је потребно више времена" in response.content.decode()

    from consultations import forms

    big = SimpleUploadedFile("prilog.pdf", b"%PDF-1.4\n" + b"0" * (forms.MAX_ATTACHMENT_BYTES + 1))
    response = post_comment(client, consultation, comment_data(consultation, attachment=big))
    assert "Прилог је већи од 10 MB." in response.content.decode()
    assert Comment.objects.count() == 0


def test_a_real_pdf_attachment_is_stored_with_its_hash(client, consultation):
    from demo.files import pdf_document

    content = pdf_document("Предлог", ["Предлог измене члана 3."])
    post_comment(
        client, consultation, comment_data(consultation, attachment=SimpleUploadedFile("predlog.pdf", content))
    )
    comment = Comment.objects.get()
    assert comment.attachment_sha256 == hashlib.sha256(content).hexdigest()
    assert comment.attachment.read() == content


def test_storage_failure_stores_nothing_and_asks_to_retry(client, consultation, settings):
    from botocore.config import Config

    from demo.files import pdf_document

    settings.AWS_STORAGE_BUCKET_NAME = "unreachable"
    settings.AWS_S3_ENDPOINT_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.AWS_ACCESS_KEY_ID = settings.AWS_SECRET_ACCESS_KEY = "test"
    settings.AWS_S3_REGION_NAME = "us-east-1"
    settings.AWS_S3_CLIENT_CONFIG = Config(connect_timeout=1, retries={"max_attempts": 1})
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}
    attachment = SimpleUploadedFile("predlog.pdf", pdf_document("Предлог", ["Текст предлога."]))

    response = post_comment(client, consultation, comment_data(consultation, attachment=attachment))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Прилог тренутно није могуће сачувати" in html
    assert "Удружењима је потребно више времена" in html
    assert Comment.objects.count() == 0
    assert mail.outbox == []


def test_attachments_live_at_unguessable_paths_and_only_moderators_open_them(client, admin_client, consultation):
    from demo.files import pdf_document

    content = pdf_document("Предлог", ["Предлог измене члана 3."])
    post_comment(
        client, consultation, comment_data(consultation, attachment=SimpleUploadedFile("predlog.pdf", content))
    )
    comment = Comment.objects.get()
    folder = comment.attachment.name.split("/")[-2]
    assert len(folder) == 32 and comment.attachment_filename == "predlog.pdf"

    url = f"/admin/comment-attachments/{comment.pk}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302, "anonymous visitors are sent to the login"
    assert anonymous["Location"].startswith("/admin/login/")
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["X-Content-Type-Options"] == "nosniff"
