"""A period with an opening and a closing moment, `opens_at` and `closes_at`.

A public call's application period and a consultation's comment period are such periods:
each app names the phases in its own words (announced or upcoming, results or report),
and asks the same questions of its rows here, of one row or of a queryset.
"""

from django.utils import timezone


class PeriodMixin:
    """The phase of one row with `opens_at` and `closes_at` at `now`, bounded as the filters below bound it."""

    def period_phase(self, now=None, *, before, during, after):
        """`before` until the period opens, `during` until it closes, `after` from then on: each app's own words."""
        now = now or timezone.now()
        if now < self.opens_at:
            return before
        return during if now < self.closes_at else after


class PeriodQuerySetMixin:
    """Filters of a queryset whose rows have `opens_at` and `closes_at`, at `now` (default: this moment)."""

    def not_open_yet(self, now=None):
        return self.filter(opens_at__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def not_closed(self, now=None):
        """Not open yet, or open: what one may still take part in."""
        return self.filter(closes_at__gt=now or timezone.now())
