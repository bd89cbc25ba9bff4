"""Counting searches that found nothing, for editors. No visitor data is stored: the
normalised query, with anything like an e-mail address or a phone number removed, and a
count per day."""

import re

from django.db.models import F
from django.utils import timezone

from core.redaction import without_contacts
from core.scripts import normalize

from .models import UnansweredQuery


def record_unanswered(raw_query: str) -> None:
    """Count one search for `raw_query` (as typed) that found nothing."""
    # Contacts are recognised in the query as typed; normalising first would hide them.
    without = without_contacts(raw_query).replace("…", " ")
    query = " ".join(word for word in re.findall(r"\w+", normalize(without)))[:200]
    if not query:
        return
    day = timezone.localdate()
    updated = UnansweredQuery.objects.filter(query=query, day=day).update(hits=F("hits") + 1)
    if not updated:
        _, created = UnansweredQuery.objects.get_or_create(query=query, day=day, defaults={"hits": 1})
        if not created:
            UnansweredQuery.objects.filter(query=query, day=day).update(hits=F("hits") + 1)
