"""What becomes an alert: a page of a followed type published for the first time, a registry document
published, a deadline coming (alerts/reminders.py). Each happening is recorded once (its key is unique),
with one delivery row per subscriber who follows it, in one transaction; the sending is queued after it.

Page types are named by label, not imported, so a type another app adds later joins by one line here
(PAGE_KINDS; its deadline joins the reminders in alerts/reminders.py). Funding opportunities (other
donors' programmes, calls app) reach those who follow calls.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import audience
from .models import AlertItem, Delivery, Kind

PAGE_KINDS = {
    "consultations.consultationpage": Kind.CONSULTATION,
    "calls.callpage": Kind.CALL,
    "calls.fundingopportunitypage": Kind.FUNDING,
    "news.newspage": Kind.NEWS,
}
# A page first published longer ago than this (an old page published again) is no news.
FRESH_FOR = datetime.timedelta(days=2)


def record(kind: str, key: str, subscriber_ids, **target) -> int:
    """Record the happening once, with a delivery per subscriber; returns the deliveries created (0 if known)."""
    with transaction.atomic():
        item, created = AlertItem.objects.get_or_create(key=key, defaults={"kind": kind, **target})
        if not created:
            return 0
        subscriber_ids = list(subscriber_ids() if callable(subscriber_ids) else subscriber_ids)
        rows = [Delivery(subscription_id=pk, item=item) for pk in subscriber_ids]
        Delivery.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    if rows:
        transaction.on_commit(queue_sending)
    return len(rows)


def queue_sending() -> None:
    from .tasks import send_pending_alerts

    send_pending_alerts.enqueue()


def is_announceable(page) -> bool:
    """The original (default-language) page, public, published for the first time just now."""
    if page.locale.language_code != settings.LANGUAGE_CODE or page.get_view_restrictions().exists():
        return False
    first = page.first_published_at
    return first is None or timezone.now() - first <= FRESH_FOR


def page_published(page) -> int:
    kind = PAGE_KINDS.get(page._meta.label_lower)
    if kind is None or not is_announceable(page):
        return 0
    if kind == Kind.NEWS:
        subscribers = lambda: audience.for_news(page.tagged_items.values_list("tag_id", flat=True))  # noqa: E731
    else:
        subscribers = lambda: audience.for_kind(kind)  # noqa: E731
    return record(kind, f"page:{page.pk}", subscribers, page=page)


def document_saved(document) -> int:
    if not document.is_public:
        return 0
    subscribers = lambda: audience.for_document(document.document_type_id)  # noqa: E731
    return record(Kind.DOCUMENT, f"document:{document.pk}", subscribers, document=document)
