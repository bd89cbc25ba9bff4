"""A data subject's requests for alert subscriptions: export and erasure by e-mail address.

Registered with `manage.py personal_data export|erase --email X` (consultations/data_requests.py), so the
one command answers for comments and subscriptions alike. Erasure deletes the subscription and its
delivery records: an alert subscription is nothing but the address and its choices.
"""

import logging

from consultations.data_requests import register_holder

from .models import Subscription

logger = logging.getLogger(__name__)


def subscriptions_of(email: str):
    return Subscription.objects.filter(email__iexact=email.strip())


def export(email: str) -> list[dict]:
    return [
        {
            "email": subscription.email,
            "language": subscription.language,
            "frequency": subscription.frequency,
            "follows": [
                name for name in ("consultations", "calls", "news", "documents") if getattr(subscription, name)
            ],
            "news_topics": sorted(tag.name for tag in subscription.news_topics.all()),
            "document_types": sorted(kind.name for kind in subscription.document_types.all()),
            "reminder_days": subscription.reminder_days,
            "created_at": subscription.created_at.isoformat(),
            "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
            "alerts_sent": subscription.deliveries.filter(sent_at__isnull=False).count(),
        }
        for subscription in subscriptions_of(email).prefetch_related("news_topics", "document_types")
    ]


def erase(email: str) -> str:
    found = subscriptions_of(email)
    count = found.count()
    found.delete()
    logger.info("personal_data erase: %s alert subscription(s) deleted", count)
    return f"{count} alert subscription(s) deleted."


register_holder("alert_subscriptions", export, erase)
