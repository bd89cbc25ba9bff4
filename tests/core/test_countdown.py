"""A countdown ("5 days left") stays true for as long as any cached copy of its page lives."""

import datetime
import random
import re

import pytest
from freezegun import freeze_time

from django.test import Client
from django.utils import timezone, translation

from core.countdown import next_change, remaining
from core.page_cache.generation import compute_next_change
from tests.consultations.factories import ConsultationPageFactory

DEADLINE = datetime.datetime(2026, 12, 1, 15, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("left", "words"),
    [
        (datetime.timedelta(days=5, hours=3), "5\xa0days"),
        (datetime.timedelta(days=1), "1\xa0day"),
        (datetime.timedelta(hours=23, minutes=59), "23\xa0hours"),
        (datetime.timedelta(minutes=20, seconds=30), "20\xa0minutes"),
        (datetime.timedelta(seconds=10), "1\xa0minute"),
    ],
)
def test_a_countdown_names_one_unit(left, words):
    with translation.override("en"):
        assert remaining(DEADLINE, DEADLINE - left) == words


def test_a_countdown_is_translated_by_djangos_catalogue():
    with translation.override("sr-cyrl"):
        assert remaining(DEADLINE, DEADLINE - datetime.timedelta(days=5, hours=3)) == "5\xa0дана"


def test_the_words_hold_until_the_next_change_and_no_longer():
    sampler = random.Random(2026)
    for _ in range(500):
        now = DEADLINE - datetime.timedelta(seconds=sampler.randint(1, 40 * 24 * 3600))
        change = next_change(DEADLINE, now)
        before = change - datetime.timedelta(microseconds=1)
        assert now < change <= DEADLINE + datetime.timedelta(microseconds=1)
        with translation.override("en"):
            assert remaining(DEADLINE, max(now, before)) == remaining(DEADLINE, now), (now, change)
            if change < DEADLINE:
                assert remaining(DEADLINE, change) != remaining(DEADLINE, now), (now, change)


def test_a_past_deadline_changes_nothing():
    assert next_change(DEADLINE, DEADLINE) is None


def test_the_page_cache_ends_a_countdowns_page_when_its_number_drops(db, home_page):
    now = timezone.now().replace(microsecond=0)
    ConsultationPageFactory(home=home_page, now=now, closes_in=datetime.timedelta(days=5, hours=3, minutes=7))

    assert compute_next_change(now) <= now + datetime.timedelta(hours=3, minutes=7, microseconds=1)


def test_a_shared_cache_keeps_an_open_consultation_no_longer_than_its_countdown_is_true(settings, db, home_page):
    settings.PAGE_CACHE_SECONDS = 300
    with freeze_time("2026-11-27 08:00:00"):
        consultation = ConsultationPageFactory(home=home_page, closes_in=datetime.timedelta(days=2, minutes=2))
        response = Client().get(consultation.url)

    assert "2\xa0дана" in response.content.decode()
    assert int(re.search(r"s-maxage=(\d+)", response["Cache-Control"])[1]) <= 120
