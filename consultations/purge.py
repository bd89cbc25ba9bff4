"""Unconfirmed comments are deleted, with their attachments, once their retention has run out.

A comment nobody confirmed was never acknowledged: it holds a contact person's data that the
office has no reason to keep. It goes `retention` after its confirmation link expired (the
office sets the days in the admin, consultations/models/retention.py). Within that time a
repeated send of the same comment still renews the link (consultations/submission.py).

The row goes first, in a transaction that re-checks it is still unconfirmed and expired; its
file is deleted after the commit. A file that cannot be deleted then (the object store is
down) is an orphan that the sweep of orphaned files removes later; the reverse order could
leave a row pointing at a missing file.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .models import Comment, CommentRetentionSettings, CommentState

logger = logging.getLogger(__name__)

BATCH = 500


@dataclass(frozen=True)
class Purged:
    comments: int
    attachments_deleted: int
    attachments_left: int  # could not be deleted now; the orphan sweep removes them later


def retention() -> datetime.timedelta:
    return datetime.timedelta(days=CommentRetentionSettings.load().retention_days)


def purge_unconfirmed_comments(keep_for: datetime.timedelta | None = None) -> Purged:
    """Delete every unconfirmed comment whose link expired more than `keep_for` (default: the office's
    retention) ago, and its attachment."""
    cutoff = timezone.now() - (retention() if keep_for is None else keep_for)
    comments = deleted = left = 0
    while True:
        attachments, count = _delete_batch(cutoff)
        if not count:
            return Purged(comments, deleted, left)
        comments += count
        for name in attachments:
            if _delete_file(name):
                deleted += 1
            else:
                left += 1


def _delete_batch(cutoff: datetime.datetime) -> tuple[list[str], int]:
    with transaction.atomic():
        rows = list(
            Comment.objects.select_for_update()
            .filter(state=CommentState.UNCONFIRMED, confirmation_expires_at__lt=cutoff)
            .values_list("pk", "attachment")[:BATCH]
        )
        Comment.objects.filter(pk__in=[pk for pk, _ in rows]).delete()
    return [name for _, name in rows if name], len(rows)


def _delete_file(name: str) -> bool:
    storage = Comment._meta.get_field("attachment").storage
    try:
        storage.delete(name)
    except Exception:
        logger.exception("purge: could not delete the attachment of a purged comment; the orphan sweep will")
        return False
    return True
