"""Pages for one visitor only (the form with its single-use token, confirmation, receipt) stay out of
shared caches and search engines; a comment refused because the consultation closed gives the text back."""

import datetime
import re

import pytest
from freezegun import freeze_time

from django.core import mail
from django.test import TestCase

from consultations.models import Comment
from tests.consultations.factories import ConsultationPageFactory
from tests.consultations.helpers import comment_data, form_token_url
from tests.html_dom import parse, text_content

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о приватним страницама", article_count=3)


def post(client, url, data=None, **extra):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {}, **extra)


def assert_private_and_noindex(response):
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, response["Cache-Control"]
    assert "noindex" in response.get("X-Robots-Tag", "")
    metas = [el.get("content", "") for el in parse(response.content).iter("meta") if el.get("name") == "robots"]
    assert any("noindex" in content for content in metas), "a <meta name=robots content=noindex>"


def test_the_comment_form_page_is_shared_and_indexable_and_its_one_use_token_is_never_stored(client, consultation):
    """The blank form (no token in it) may be shared; the one-use token comes from a private, unindexed answer."""
    response = client.get(consultation.url)
    assert 'name="form_token"' in response.content.decode()
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control and "no-store" not in cache_control, response["Cache-Control"]
    assert "noindex" not in response.get("X-Robots-Tag", "") and 'name="robots"' not in response.content.decode()
    token_answer = client.get(form_token_url(consultation))
    assert {"private", "no-store"} <= {part.strip() for part in token_answer["Cache-Control"].split(",")}
    assert "noindex" in token_answer["X-Robots-Tag"]


def test_a_refused_send_of_the_form_is_private_and_not_indexed(client, consultation):
    response = post(client, consultation.url, {"form_token": "x"})
    assert response.status_code == 400
    assert_private_and_noindex(response)


def test_the_confirmation_page_and_the_receipt_are_private_and_not_indexed(client, consultation):
    submitted = post(client, consultation.url, comment_data(consultation))
    assert_private_and_noindex(submitted)
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    assert_private_and_noindex(client.get(link))
    with TestCase.captureOnCommitCallbacks(execute=True):
        receipt = client.post(link, follow=True)
    assert "/prijem/" in receipt.redirect_chain[-1][0]
    assert_private_and_noindex(receipt)


def test_an_expired_confirmation_page_is_private_and_not_indexed(client, consultation):
    post(client, consultation.url, comment_data(consultation))
    link = re.search(r"https?://\S+/potvrda/\S+/", mail.outbox[0].body).group(0)
    with freeze_time(datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=73)):
        expired = client.post(link)
    assert expired.status_code == 410
    assert_private_and_noindex(expired)


def test_a_closed_consultation_without_a_form_stays_public_and_indexable(client, home_page):
    closed = ConsultationPageFactory(
        home=home_page, opens_in=-datetime.timedelta(days=20), closes_in=-datetime.timedelta(days=1)
    )
    response = client.get(closed.url)
    assert "no-store" not in response.get("Cache-Control", "")
    assert "noindex" not in response.get("X-Robots-Tag", "") and 'name="robots"' not in response.content.decode()


def test_a_comment_refused_after_closing_gives_the_text_back_to_copy_without_a_form(client, home_page):
    page = ConsultationPageFactory(home=home_page, closes_in=datetime.timedelta(minutes=10))
    wording = "Рок је 30 дана.\r\nДруги став <b>није</b> HTML."
    data = comment_data(page, proposed_wording=wording)
    with freeze_time(page.closes_at + datetime.timedelta(seconds=1)):
        response = post(client, page.url, data)

    assert response.status_code == 400
    assert Comment.objects.count() == 0
    document = parse(response.content)
    content = response.content.decode()
    assert "Ова консултација је затворена" in content
    assert not [form for form in document.iter("form") if form.get("method") == "post"], "no comment form"
    assert 'name="form_token"' not in content and "Пошаљи коментар" not in content, "no send button"

    copies = {el.get("id"): el for el in document.iter("textarea")}
    labels = {el.get("for"): text_content(el) for el in document.iter("label")}
    for field_id, typed in [
        ("refused-proposed-wording", "Рок је 30 дана.\nДруги став <b>није</b> HTML."),
        ("refused-justification", data["justification"]),
    ]:
        assert copies[field_id].get("readonly") is not None
        assert text_content(copies[field_id]) == typed, "the typed text, as text, ready to copy"
        assert labels[field_id].strip(), "each copy has a label"
    assert_private_and_noindex(response)
