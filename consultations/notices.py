"""Every participant hears back: e-mails to commenters when something happens to what they commented on.

- `notify_answer(comment)`: the office answered the comment.
- `notify_commenters(consultation, event, version=None)`: the report was published, the consultation
  was extended or reopened, or a revised draft was published (event: "report_published", "extended",
  "reopened", "revised_draft").

Who: the authors of confirmed comments who left an e-mail address that was not erased and who did
not stop the e-mails about this consultation. One e-mail per address and event, in the language of
the author's latest comment, with only that author's own comments in it.

How: queued after the transaction commits, as a background task (django_tasks), so a mail server
that is down never undoes an answer or a publication. Each notice is claimed (SentNotice, unique per
comment, event and occasion) before it is sent, so a retry or a second save never e-mails twice; a
failed send gives its claim back for the next try.
"""

import logging
from functools import partial

from django_tasks import task

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils.crypto import salted_hmac

from .models import Comment, NoticeEvent, NoticeOptOut, SentNotice

logger = logging.getLogger(__name__)

CONSULTATION_EVENTS = {
    NoticeEvent.REPORT_PUBLISHED,
    NoticeEvent.EXTENDED,
    NoticeEvent.REOPENED,
    NoticeEvent.REVISED_DRAFT,
}
UNSUBSCRIBE_SALT = "consultations.notices.unsubscribe"
ADDRESS_SALT = "consultations.notices.address"


def address_key(email: str) -> str:
    """A keyed hash of an address: what an opt-out and an unsubscribe link hold instead of the address."""
    return salted_hmac(ADDRESS_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def unsubscribe_token(consultation_id: int, email: str) -> str:
    return signing.dumps({"c": consultation_id, "a": address_key(email)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(consultation id, address key), or None when the token was not made by this site."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["c"]), str(data["a"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def stop_notices(consultation_id: int, key: str) -> None:
    NoticeOptOut.objects.get_or_create(consultation_id=consultation_id, address_key=key)


def recipients():
    """Comments whose authors may be e-mailed: confirmed, with an address that was not erased."""
    return Comment.objects.confirmed().exclude(contact_email="").filter(contact_erased_at__isnull=True)


def occasion_of(consultation, event: str, version=None) -> str:
    """Which occurrence of the event: every extension and every revised draft is news of its own."""
    if event in (NoticeEvent.EXTENDED, NoticeEvent.REOPENED):
        return consultation.closes_at.isoformat()
    if event == NoticeEvent.REVISED_DRAFT and version is not None:
        return f"version-{version.pk}"
    return ""


def notify_answer(comment) -> None:
    if comment.decision:
        _queue([comment.pk], NoticeEvent.ANSWER, "")


def notify_commenters(consultation, event: str, *, version=None) -> None:
    if event not in CONSULTATION_EVENTS:
        raise ValueError(f"unknown commenter notice event {event!r}")
    original = consultation.original
    by_address: dict[str, list[int]] = {}
    for pk, email in recipients().filter(consultation=original).values_list("pk", "contact_email"):
        by_address.setdefault(address_key(email), []).append(pk)
    occasion = occasion_of(original, event, version)
    for comment_ids in by_address.values():
        _queue(comment_ids, event, occasion)


def _queue(comment_ids: list[int], event: str, occasion: str) -> None:
    transaction.on_commit(partial(_enqueue, comment_ids, str(event), occasion), robust=True)


def _enqueue(comment_ids, event, occasion) -> None:
    try:
        send_notice.enqueue(comment_ids, event, occasion)
    except Exception:
        # The answer or publication stands; the notice is not claimed, so it can still be sent.
        logger.exception("Could not queue the %s notice", event)


def _claim(comments, event: str, occasion: str) -> list:
    claimed = []
    for comment in comments:
        try:
            with transaction.atomic():
                SentNotice.objects.create(comment=comment, event=event, occasion=occasion)
        except IntegrityError:
            continue  # sent before (or being sent by another worker)
        claimed.append(comment)
    return claimed


def _opted_out(comment) -> bool:
    return NoticeOptOut.objects.filter(
        consultation_id=comment.consultation_id, address_key=address_key(comment.contact_email)
    ).exists()


@task()
def send_notice(comment_ids: list[int], event: str, occasion: str = "") -> int:
    """E-mail the author of these comments (one address) about `event`, once; returns how many comments it covered."""
    from .notice_emails import send_notice_email

    comments = recipients().filter(pk__in=comment_ids).select_related("consultation")
    if event == NoticeEvent.ANSWER:
        comments = comments.exclude(decision="")
    comments = [comment for comment in comments if not _opted_out(comment)]
    claimed = _claim(comments, event, occasion)
    if not claimed:
        return 0
    try:
        send_notice_email(claimed, event)
    except Exception:
        SentNotice.objects.filter(comment__in=claimed, event=event, occasion=occasion).delete()
        logger.exception("Sending the %s notice failed; it will be sent on the next try", event)
        raise
    return len(claimed)
