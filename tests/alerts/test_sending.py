"""Instant alerts: who gets which, in which language, and the links every alert carries (RFC 8058)."""

import datetime
import re

import pytest

from django.core import mail
from django.test import Client, TestCase
from django.utils import translation

from taggit.models import Tag
from wagtail.models import Locale

from alerts.models import AlertItem, Delivery, Kind, Subscription
from alerts.reminders import send_closing_reminders
from tests.alerts.factories import SubscriptionFactory
from tests.alerts.helpers import messages_to, only_message_to
from tests.calls.factories import CallPageFactory, FundingOpportunityPageFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.documents.factories import DocumentTypeFactory, RegistryDocumentFactory
from tests.factories import publish
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def latin():
    return Locale.objects.get(language_code="sr-latn")


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_an_alert_carries_one_click_unsubscribe_headers_and_a_link_to_manage_the_subscription(home_page):
    subscription = SubscriptionFactory(email="ana@udruzenje.example")
    ConsultationPageFactory(home=home_page)
    message = only_message_to("ana@udruzenje.example")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.fullmatch(r"<(https?://\S+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    assert f"/sr-cyrl/alerts/unsubscribe/{subscription.pk}/" in unsubscribe_url
    assert unsubscribe_url in message.body
    assert f"/sr-cyrl/alerts/manage/{subscription.pk}/" in message.body
    # The headers go out on the wire as written (what a mail provider reads).
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in message.message().as_string()


def test_the_one_click_post_of_a_mail_provider_unsubscribes_without_a_csrf_token_and_deletes_the_address(home_page):
    SubscriptionFactory(email="ana@udruzenje.example")
    ConsultationPageFactory(home=home_page)
    url = path_of(re.search(r"<(\S+)>", only_message_to("ana@udruzenje.example").extra_headers["List-Unsubscribe"])[1])
    provider = Client(enforce_csrf_checks=True)
    response = provider.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists() and not Delivery.objects.exists()
    assert provider.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200, "a second click: still fine"

    mail.outbox.clear()
    ConsultationPageFactory(home=home_page)
    assert not mail.outbox


def test_the_unsubscribe_link_opened_in_a_browser_only_asks_and_a_forged_one_is_refused(client, home_page):
    subscription = SubscriptionFactory(email="ana@udruzenje.example")
    ConsultationPageFactory(home=home_page)
    url = path_of(re.search(r"<(\S+)>", only_message_to("ana@udruzenje.example").extra_headers["List-Unsubscribe"])[1])
    page = client.get(url)
    assert page.status_code == 200 and 'name="List-Unsubscribe" value="One-Click"' in page.text
    assert page["X-Robots-Tag"] == "noindex" and "no-store" in page["Cache-Control"]
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    forged = url.replace(f"/{subscription.pk}/", f"/{subscription.pk}/x")
    assert client.post(forged).status_code == 404
    manage_token_for_unsubscribe = re.search(r"/alerts/manage/\d+/(\S+?)/", mail.outbox[0].body)[1]
    assert client.post(f"/en/alerts/unsubscribe/{subscription.pk}/{manage_token_for_unsubscribe}/").status_code == 404
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_the_manage_link_changes_the_choices_and_language_without_an_account(client, home_page):
    SubscriptionFactory(email="ana@udruzenje.example", calls=False)
    ConsultationPageFactory(home=home_page)
    url = path_of(re.search(r"(https?://\S+/alerts/manage/\S+/)", only_message_to("ana@udruzenje.example").body)[1])
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "en", "calls": "on", "frequency": "instant"})
    assert response.status_code == 200 and "Ваш избор је сачуван." in response.text  # the link is in Cyrillic
    subscription = Subscription.objects.get()
    assert (subscription.language, subscription.calls, subscription.consultations) == ("en", True, False)
    assert client.get(url.replace("/manage/", "/confirm/")).status_code == 404, "a manage link confirms nothing"

    mail.outbox.clear()
    ConsultationPageFactory(home=home_page)
    call = CallPageFactory(home=home_page)
    message = only_message_to("ana@udruzenje.example")
    assert message.subject.startswith("New public call: ") and call.slug in message.body


def test_alerts_are_written_in_each_subscribers_language_with_links_to_the_page_in_it(home_page):
    SubscriptionFactory(email="cirilica@udruzenje.example", language="sr-cyrl")
    SubscriptionFactory(email="latinica@udruzenje.example", language="sr-latn")
    SubscriptionFactory(email="english@udruzenje.example", language="en")
    consultation = ConsultationPageFactory(home=home_page, title="Нацрт одлуке о буџету")
    cyrillic = only_message_to("cirilica@udruzenje.example")
    with translation.override("sr-cyrl"):
        label = str(Kind.CONSULTATION.label)
    assert label != "new public consultation", "translated"
    assert cyrillic.subject == f"{label[0].upper()}{label[1:]}: Нацрт одлуке о буџету"
    assert f"/sr-cyrl/{consultation.get_parent().slug}/" in cyrillic.body
    latin = only_message_to("latinica@udruzenje.example")
    assert "Nacrt odluke o budžetu" in latin.subject and "/sr-latn/" in latin.body
    english = only_message_to("english@udruzenje.example")
    # No English translation yet: the English reader gets the Latin page, as the site shows it.
    assert english.subject == "New public consultation: Nacrt odluke o budžetu"
    assert "/sr-latn/" in english.body and "Unsubscribe:" in english.body


def test_news_alerts_reach_followers_of_all_news_and_of_the_items_topics_only(home_page):
    everything = SubscriptionFactory(email="sve@udruzenje.example")
    calls_topic = SubscriptionFactory(email="konkursi@udruzenje.example")
    training_topic = SubscriptionFactory(email="obuke@udruzenje.example")
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, topics=["конкурс", "обука"], published=False)  # makes the tags exist
    calls_topic.news_topics.set(Tag.objects.filter(name="конкурс"))
    training_topic.news_topics.set(Tag.objects.filter(name="обука"))
    mail.outbox.clear()
    NewsPageFactory(parent=index, topics=["конкурс"], title="Расписан конкурс")
    assert sorted(message.to[0] for message in mail.outbox) == sorted([everything.email, calls_topic.email])
    assert "Расписан конкурс" in messages_to(calls_topic.email)[0].subject


def test_document_alerts_follow_the_chosen_types_and_wait_until_the_document_is_published(home_page):
    act, report = DocumentTypeFactory(name="Одлука"), DocumentTypeFactory(name="Извештај")
    all_documents = SubscriptionFactory(email="svi@udruzenje.example")
    reports_only = SubscriptionFactory(email="izvestaji@udruzenje.example")
    reports_only.document_types.set([report])
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = RegistryDocumentFactory(document_type=act, published=False)
    assert not mail.outbox, "not public yet"
    document.published = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        document.save()
        document.save()  # saved again: no second alert
    assert len(messages_to(all_documents.email)) == 1 and not messages_to(reports_only.email)
    with translation.override("sr-cyrl"):
        assert document.get_absolute_url() in messages_to(all_documents.email)[0].body
    with TestCase.captureOnCommitCallbacks(execute=True):
        RegistryDocumentFactory(document_type=report)
    assert len(messages_to(reports_only.email)) == 1


def test_a_page_published_again_is_not_announced_again_and_a_latin_twin_is_not_announced_at_all(home_page):
    SubscriptionFactory(email="ana@udruzenje.example")
    consultation = ConsultationPageFactory(home=home_page)
    publish(consultation)
    assert len(messages_to("ana@udruzenje.example")) == 1
    assert list(AlertItem.objects.values_list("key", flat=True)) == [f"page:{consultation.pk}"]


def test_an_unconfirmed_subscription_gets_no_alert(home_page):
    SubscriptionFactory(email="ana@udruzenje.example", confirmed_at=None)
    ConsultationPageFactory(home=home_page)
    assert not mail.outbox and not Delivery.objects.exists()


def test_a_funding_opportunity_reaches_those_who_follow_calls_and_its_deadline_gets_a_reminder(home_page):
    follows_calls = SubscriptionFactory(email="konkursi@udruzenje.example", language="en", reminder_days=3)
    SubscriptionFactory(email="vesti@udruzenje.example", consultations=False, calls=False, documents=False)
    opportunity = FundingOpportunityPageFactory(home=home_page, closes_in=2 * DAY)
    message = only_message_to(follows_calls.email)
    assert message.subject == f"New funding opportunity: {opportunity.get_translation(latin()).title}"
    assert not messages_to("vesti@udruzenje.example")

    with TestCase.captureOnCommitCallbacks(execute=True):
        send_closing_reminders()
    assert messages_to(follows_calls.email)[-1].subject.startswith("Closing soon: ")
