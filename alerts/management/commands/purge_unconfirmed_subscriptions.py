"""`manage.py purge_unconfirmed_subscriptions`: an address nobody confirmed is kept a week, then deleted
(daily in the scheduler; docs/data-protection.md)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.models import Subscription

UNCONFIRMED_KEPT = datetime.timedelta(days=7)


class Command(BaseCommand):
    help = "Delete alert subscriptions left unconfirmed for a week."

    def handle(self, *args, **options):
        cutoff = timezone.now() - UNCONFIRMED_KEPT
        _, per_model = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
        return f"{per_model.get(Subscription._meta.label, 0)} unconfirmed subscription(s) deleted"
