"""Which confirmed subscriptions hear about an alert item (their kinds, topics and document types)."""

from django.db.models import Q

from .models import Kind, Subscription

# The subscription flag that follows each kind of page.
FLAG_OF_KIND = {
    Kind.CONSULTATION: "consultations",
    Kind.CALL: "calls",
    Kind.FUNDING: "calls",  # other donors' programmes: followed with the office's calls
    Kind.NEWS: "news",
    Kind.DOCUMENT: "documents",
}


def confirmed():
    return Subscription.objects.filter(confirmed_at__isnull=False)


def for_news(topic_ids) -> list[int]:
    """Followers of all news, and those who chose at least one of the item's topics."""
    chosen = Q(news_topics__isnull=True) | Q(news_topics__in=list(topic_ids))
    return list(confirmed().filter(chosen, news=True).values_list("pk", flat=True).distinct())


def for_document(document_type_id) -> list[int]:
    chosen = Q(document_types__isnull=True) | Q(document_types=document_type_id)
    return list(confirmed().filter(chosen, documents=True).values_list("pk", flat=True).distinct())


def for_kind(kind: str) -> list[int]:
    return list(confirmed().filter(**{FLAG_OF_KIND[kind]: True}).values_list("pk", flat=True))


def for_reminder(kind: str, days: int) -> list[int]:
    """Who follows the kind (consultations or calls) and asked to be reminded `days` before it closes."""
    return list(confirmed().filter(reminder_days=days, **{FLAG_OF_KIND[kind]: True}).values_list("pk", flat=True))
