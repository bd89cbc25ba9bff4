"""One row's phase (PeriodMixin) and the queryset's filters (PeriodQuerySetMixin) draw the same boundaries."""

import datetime

import pytest

from calls.models import CallPage
from core.periods import PeriodMixin
from tests.calls.factories import CallPageFactory

OPENS = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
CLOSES = OPENS + datetime.timedelta(days=20)
SECOND = datetime.timedelta(seconds=1)
BOUNDARIES = (OPENS - SECOND, OPENS, CLOSES - SECOND, CLOSES)


class Period(PeriodMixin):
    opens_at, closes_at = OPENS, CLOSES


def phase(row, now) -> str:
    return row.period_phase(now, before="not open yet", during="open", after="closed")


def test_a_period_is_open_from_its_opening_moment_until_just_before_its_closing_moment():
    assert [phase(Period(), now) for now in BOUNDARIES] == ["not open yet", "open", "open", "closed"]


@pytest.mark.django_db
def test_a_rows_phase_agrees_with_the_queryset_filters_at_each_boundary(home_page):
    call = CallPageFactory(home=home_page, now=OPENS, opens_in=datetime.timedelta(0), closes_in=CLOSES - OPENS)
    calls = CallPage.objects.filter(pk=call.pk)

    for now in BOUNDARIES:
        assert calls.not_open_yet(now).exists() == (phase(call, now) == "not open yet"), now
        assert calls.open(now).exists() == (phase(call, now) == "open"), now
        assert calls.not_closed(now).exists() == (phase(call, now) != "closed"), now
