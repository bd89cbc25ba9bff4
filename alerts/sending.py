"""Sending the outbox: each delivery not yet sent, in batches, each marked sent right after the mail server took it.

Restart-safe: a delivery is claimed by locking its row (SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL,
so several workers share the work without taking the same row), sent, marked sent and committed before
the next one. A worker stopped at any moment (even SIGKILL) loses its lock with its connection; the next
run takes every row without a sent mark, so nobody is skipped and nothing marked is sent again.
The one window: the mail server accepted a message and the worker died before its mark was committed
(a few milliseconds); that one message goes out twice. At-least-once was chosen over at-most-once:
a duplicate alert does less harm than a missed deadline. On SQLite (development, one worker) the row
lock is a no-op and the rest holds.

Instant subscribers get each item at once; reminders go at once to everybody; the weekly digest
(alerts/digest.py) takes the other rows.
"""

import logging
import smtplib

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .links import site_root
from .messages import ItemViews, alert_message
from .models import MAX_ATTEMPTS, Delivery, Frequency, Kind

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
# The address was refused or the message could not be built: counted, retried, given up after MAX_ATTEMPTS.
PER_MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def is_transient(error: smtplib.SMTPException) -> bool:
    """A 4xx answer: the server asks to try later, which is no fault of the address."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
    else:
        codes = [getattr(error, "smtp_code", 500)]
    return all(400 <= code < 500 for code in codes)


def pending_instant():
    due_now = Q(subscription__frequency=Frequency.INSTANT) | Q(item__kind=Kind.REMINDER)
    return Delivery.objects.filter(due_now, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)


def send_pending(batch_size: int = BATCH_SIZE) -> int:
    """Send every instant delivery not yet sent; returns how many this run sent."""
    sent, after, views, root = 0, 0, ItemViews(), site_root()
    while True:
        batch = list(
            pending_instant()
            .filter(pk__gt=after, subscription__confirmed_at__isnull=False)
            .select_related("subscription", "item")
            .order_by("pk")[:batch_size]
        )
        if not batch:
            break
        after = batch[-1].pk
        # One SMTP connection per batch; a failing server stops the run (the next run resumes).
        with get_connection() as connection:
            for delivery in batch:
                sent += send_one(delivery, connection, views, root)
    if sent:
        logger.info("alerts: %s alert e-mail(s) sent", sent)
    return sent


def send_one(delivery, connection, views: ItemViews, root: str) -> int:
    with transaction.atomic():
        claimed = Delivery.objects.select_for_update(skip_locked=True).filter(pk=delivery.pk, sent_at__isnull=True)
        if not claimed.values_list("pk", flat=True):
            return 0  # another worker holds it, or sent it since the batch was read
        subscription = delivery.subscription
        try:
            message = alert_message(subscription, [views.get(delivery.item, subscription.language)], root, connection)
            accepted = message.send()
        except PER_MESSAGE_ERRORS as error:
            if is_transient(error):
                raise  # "try again later" (4xx): stop this run, nothing marked; the next run sends it
            logger.warning("alerts: delivery %s refused by the mail server", delivery.pk)
            Delivery.objects.filter(pk=delivery.pk).update(attempts=F("attempts") + 1)
            return 0
        if not accepted:
            Delivery.objects.filter(pk=delivery.pk).update(attempts=F("attempts") + 1)
            return 0
        # Right after the server's "250 accepted": committed with the block (see the module's docstring).
        Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
    return 1
