"""Subscribing to e-mail alerts: double opt-in, in the visitor's language, without revealing who subscribed."""

import re

import pytest

from django.core import mail
from django.test import TestCase

from alerts.models import Subscription
from tests.alerts.factories import SubscriptionFactory
from tests.alerts.helpers import messages_to, only_message_to
from tests.consultations.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db


def subscribe(client, language="en", **fields):
    data = {"email": "jovana@udruzenje.example", "consultations": "on", "frequency": "instant", **fields}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/{language}/alerts/", data)


def link_in(message, purpose: str) -> str:
    return re.search(rf"https?://\S+(/[a-z-]+/alerts/{purpose}/\d+/[\w-]+=*/)", message.body).group(1)


def test_a_subscription_sends_a_confirmation_in_the_visitors_language_and_no_alert_before_it_is_confirmed(
    client, home_page
):
    response = subscribe(client, language="en")
    assert response.status_code == 302 and response["Location"] == "/en/alerts/check-your-email/"
    confirmation = only_message_to("jovana@udruzenje.example")
    assert confirmation.subject == "Confirm your e-mail alerts"
    confirm_path = link_in(confirmation, "confirm")
    assert confirm_path.startswith("/en/alerts/confirm/")

    ConsultationPageFactory(home=home_page)
    assert len(messages_to("jovana@udruzenje.example")) == 1, "unconfirmed: the confirmation only"

    page = client.get(confirm_path)  # a mail scanner opening the link confirms nothing
    assert page.status_code == 200 and Subscription.objects.get().confirmed_at is None
    assert client.post(confirm_path).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None

    consultation = ConsultationPageFactory(home=home_page)
    alert = messages_to("jovana@udruzenje.example")[-1]
    assert alert.subject == f"New public consultation: {consultation.get_translation(locale_en_or_latin()).title}"


def locale_en_or_latin():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="sr-latn")  # no English translation: the Latin twin is shown


def test_a_confirmation_link_with_a_wrong_token_finds_nothing(client, home_page):
    subscribe(client)
    path = link_in(only_message_to("jovana@udruzenje.example"), "confirm")
    forged = re.sub(r"/[\w-]+=*/$", "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/", path)
    assert client.post(forged).status_code == 404
    assert Subscription.objects.get().confirmed_at is None


def test_subscribing_an_address_already_confirmed_changes_nothing_and_mails_its_owner_the_manage_link(
    client, home_page
):
    SubscriptionFactory(email="jovana@udruzenje.example", consultations=False, calls=True)
    response = subscribe(client, email="Jovana@Udruzenje.example")
    assert response["Location"] == "/en/alerts/check-your-email/", "the same answer as for a new address"
    subscription = Subscription.objects.get()
    assert (subscription.consultations, subscription.calls) == (False, True), "a stranger cannot change it"
    message = only_message_to("jovana@udruzenje.example")
    assert "/alerts/manage/" in message.body and "/alerts/confirm/" not in message.body


def test_the_already_subscribed_message_speaks_the_subscribers_language_not_the_visitors_and_can_unsubscribe(
    client, home_page
):
    SubscriptionFactory(email="jovana@udruzenje.example", language="sr-cyrl")
    subscribe(client, language="en", email="jovana@udruzenje.example")
    message = only_message_to("jovana@udruzenje.example")
    assert message.subject == "Ваша обавештења е-поштом"
    assert link_in(message, "manage").startswith("/sr-cyrl/alerts/manage/")
    assert "/alerts/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_the_form_refuses_a_subscription_to_nothing_and_a_bad_address_with_messages_in_the_visitors_language(
    client, home_page
):
    response = client.post("/en/alerts/", {"email": "not an address", "frequency": "instant"})
    assert response.status_code == 200
    assert "Enter a valid e-mail address" in response.text and "Choose at least one thing to follow." in response.text
    response = client.post("/en/alerts/", {"email": "a@b.example", "consultations": "on", "reminder_days": "99"})
    assert "Give a number of days from 1 to 30." in response.text
    assert not Subscription.objects.exists() and not mail.outbox


def test_the_form_is_refused_after_three_requests_for_one_mailbox_in_an_hour(client, home_page):
    for _ in range(3):
        assert subscribe(client, email="jovana+alerts@udruzenje.example").status_code == 302
    response = subscribe(client, email="Jovana@udruzenje.example")
    assert response.status_code == 200 and "Too many requests were sent from here" in response.text
    assert len(mail.outbox) == 3


def test_the_footer_links_to_the_subscription_form_and_robots_txt_keeps_crawlers_off_it(client, home_page):
    assert 'href="/en/alerts/"' in client.get("/en/").text
    robots = client.get("/robots.txt").text
    assert "Disallow: /en/alerts/" in robots and "Disallow: /sr-cyrl/alerts/" in robots
