"""The weekly digest groups a week's items in one e-mail; reminders go out a chosen number of days before closing."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from alerts.digest import send_digests
from alerts.models import Delivery, Frequency
from alerts.reminders import send_closing_reminders
from tests.alerts.factories import SubscriptionFactory
from tests.alerts.helpers import messages_to, only_message_to
from tests.calls.factories import CallPageFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def test_a_weekly_subscriber_gets_nothing_at_once_then_one_digest_grouping_the_weeks_items(home_page):
    week_ago = timezone.now() - 8 * DAY
    weekly = SubscriptionFactory(email="nedeljno@udruzenje.example", frequency=Frequency.WEEKLY, confirmed_at=week_ago)
    ConsultationPageFactory(home=home_page, title="Нацрт одлуке о буџету")
    CallPageFactory(home=home_page, title="Конкурс за културу")
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Обука за удружења")
    assert not mail.outbox, "weekly: nothing at once"

    assert send_digests() == 1
    digest = only_message_to(weekly.email)
    assert digest.subject == "Недељна обавештења: 3 нове ставке"
    body = digest.body
    assert body.index("Нова јавна консултација") < body.index("Нацрт одлуке о буџету")
    for heading, title in (("Нови јавни конкурс", "Конкурс за културу"), ("Вести", "Обука за удружења")):
        assert f"== {heading} ==" in body and title in body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert not Delivery.objects.filter(sent_at=None).exists()

    assert send_digests() == 0, "nothing twice"
    assert len(mail.outbox) == 1


def test_the_next_digest_waits_until_a_week_after_the_last_one(home_page):
    weekly = SubscriptionFactory(frequency=Frequency.WEEKLY, confirmed_at=timezone.now() - 30 * DAY)
    weekly.last_digest_at = timezone.now() - 3 * DAY
    weekly.save()
    ConsultationPageFactory(home=home_page)
    assert send_digests() == 0
    assert send_digests(now=timezone.now() + 5 * DAY) == 1
    assert len(messages_to(weekly.email)) == 1


def test_a_reminder_goes_out_once_the_chosen_number_of_days_before_a_followed_consultation_or_call_closes(home_page):
    three_days = SubscriptionFactory(email="tri@udruzenje.example", reminder_days=3, calls=False)
    weekly = SubscriptionFactory(email="nedeljno@udruzenje.example", reminder_days=3, frequency=Frequency.WEEKLY)
    SubscriptionFactory(email="bez@udruzenje.example")  # no reminders
    closing_later = ConsultationPageFactory(home=home_page, closes_in=5 * DAY)
    closing_soon = ConsultationPageFactory(home=home_page, closes_in=2 * DAY, title="Нацрт који се затвара")
    CallPageFactory(home=home_page, closes_in=DAY)  # `three_days` does not follow calls
    mail.outbox.clear()

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_closing_reminders")
    reminder = only_message_to(three_days.email)
    assert reminder.subject == "Ускоро се завршава: Нацрт који се затвара"
    assert closing_soon.slug in reminder.body
    assert len(messages_to(weekly.email)) == 2, "reminders go at once, weekly or not: the consultation and the call"
    assert not messages_to("bez@udruzenje.example")

    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_closing_reminders")
        send_closing_reminders(now=timezone.now() + 3 * DAY)  # two days later the other one is within three days
    assert len(messages_to(three_days.email)) == 2
    assert closing_later.slug in messages_to(three_days.email)[-1].body
