"""The weekly digest (`manage.py send_alert_digests`, hourly in the scheduler): one e-mail per weekly
subscriber with every item of the past week, sent when a week has passed since their last one.

Each subscriber's digest is one transaction: their row is locked (skip locked: another scheduler
moves on to the next subscriber), the e-mail is sent, and all its deliveries are marked sent with the
time of the digest, so a run stopped half-way sends the rest next time and nobody gets one twice.
"""

import datetime
import logging

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .links import site_root
from .messages import ItemViews, alert_message
from .models import MAX_ATTEMPTS, Frequency, Kind, Subscription
from .sending import PER_MESSAGE_ERRORS, is_transient

logger = logging.getLogger(__name__)

WEEK = datetime.timedelta(days=7)


def due_subscriptions(now):
    """Weekly subscribers with something waiting, whose last digest (or confirmation) is a week old."""
    waiting = Q(deliveries__sent_at__isnull=True, deliveries__attempts__lt=MAX_ATTEMPTS) & ~Q(
        deliveries__item__kind=Kind.REMINDER
    )
    week_ago = now - WEEK
    return (
        Subscription.objects.filter(waiting, frequency=Frequency.WEEKLY, confirmed_at__isnull=False)
        .filter(Q(last_digest_at__lte=week_ago) | Q(last_digest_at__isnull=True, confirmed_at__lte=week_ago))
        .values_list("pk", flat=True)
        .distinct()
    )


def send_digests(now=None) -> int:
    now = now or timezone.now()
    sent, views, root = 0, ItemViews(), site_root()
    with get_connection() as connection:
        for pk in list(due_subscriptions(now)):
            sent += send_digest(pk, connection, views, root, now)
    if sent:
        logger.info("alerts: %s weekly digest(s) sent", sent)
    return sent


def send_digest(pk: int, connection, views: ItemViews, root: str, now) -> int:
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
        if subscription is None:
            return 0
        deliveries = list(
            subscription.deliveries.filter(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)
            .exclude(item__kind=Kind.REMINDER)
            .select_related("item")
            .order_by("item__kind", "item__created_at")
        )
        if not deliveries:
            return 0
        items = [views.get(delivery.item, subscription.language) for delivery in deliveries]
        try:
            accepted = alert_message(subscription, items, root, connection, digest=True).send()
        except PER_MESSAGE_ERRORS as error:
            if is_transient(error):
                raise  # try later: the next run sends this digest
            accepted = 0
        if not accepted:
            subscription.deliveries.filter(pk__in=[d.pk for d in deliveries]).update(attempts=F("attempts") + 1)
            return 0
        subscription.deliveries.filter(pk__in=[d.pk for d in deliveries]).update(sent_at=now)
        Subscription.objects.filter(pk=pk).update(last_digest_at=now)
    return 1
