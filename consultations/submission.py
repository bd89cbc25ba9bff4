"""From a posted form to a stored comment, exactly once, and on to its confirmation.

A comment the site acknowledges is stored exactly once with its attachment, or the
visitor sees an error and keeps what they typed:
- the form carries a server-issued token; the database keeps submission tokens unique,
  so double clicks, retries and concurrent posts of one form store one comment;
- the same content from the same sender to the same target sent again from a fresh form
  (Back, then Send) is the same comment: the database keeps its content key unique too;
- the attachment is written inside the same transaction; if storage or the database
  fails, neither a row nor an orphan file remains.
"""

import enum
import hashlib
import logging
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from . import proof_of_work, rate_limits
from .models import Comment, CommentState, hash_token, new_tracking_number
from .versions import current_version

logger = logging.getLogger(__name__)

TOKEN_SALT = "consultations.comment-form"  # noqa: S105  (a signing namespace, not a secret)
# The default of settings.COMMENT_MIN_FILL_SECONDS (set from the environment).
MIN_FILL_SECONDS = 4
MAX_FORM_AGE = 60 * 60 * 24


class Refusal(enum.StrEnum):
    """Why the server refused a send. The value is what the log says; the visitor reads a plain message."""

    BAD_OR_EXPIRED_FORM_TOKEN = "bad-or-expired-form-token"  # noqa: S105  (a log word, not a secret)
    FORM_TOKEN_USED_FOR_OTHER_CONTENT = "form-token-used-for-other-content"  # noqa: S105  (likewise)
    HONEYPOT = "honeypot"
    FILLED_TOO_FAST = "filled-too-fast"
    RATE_LIMIT_IP = "rate-limit-ip"
    RATE_LIMIT_IP_WITHOUT_PROOF = "rate-limit-ip-without-proof"
    RATE_LIMIT_EMAIL = "rate-limit-email"
    CONSULTATION_CLOSED = "consultation-closed"

    @property
    def spends_form_token(self) -> bool:
        """After this refusal the form's token cannot be sent again: the form comes back with a new one."""
        return self in (Refusal.BAD_OR_EXPIRED_FORM_TOKEN, Refusal.FORM_TOKEN_USED_FOR_OTHER_CONTENT)


class Confirmation(enum.Enum):
    """What following a confirmation link did."""

    CONFIRMED = "confirmed"
    ALREADY = "already"  # confirmed (or moderated) before: nothing changes
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # no comment has this token


class Rejected(Exception):  # noqa: N818  (a refusal, not a programming error)
    """The server refuses the submission; `reason` is logged, the visitor gets a plain message."""

    def __init__(self, reason: Refusal):
        super().__init__(reason)
        self.reason = reason


class RateLimited(Rejected):
    """Too many comments from one address or mailbox: the visitor may send again in `retry_after` seconds."""

    def __init__(self, reason: Refusal, retry_after: int):
        super().__init__(reason)
        self.retry_after = retry_after


class StorageFailed(Exception):  # noqa: N818  (an outcome the view reports, not a bug)
    """The attachment could not be stored; nothing was saved."""


def issue_form_token(handed_back: bool = False) -> str:
    """A signed single-use token for one form, stamped with the time it was issued.

    `handed_back`: the token comes back with a form the visitor already filled and sent once (without a
    token, as a browser without JavaScript sends the shared page's form, or with a spent one), to check and
    send once more. The filling happened before this token existed, so the minimum fill time is not measured
    from it (the signature keeps anyone from marking a token so); everything else is checked as for any send.
    """
    payload = {"t": secrets.token_urlsafe(24), "at": int(time.time())}
    if handed_back:
        payload["handed_back"] = True
    return signing.dumps(payload, salt=TOKEN_SALT)


def read_form_token(value: str) -> dict:
    try:
        data = signing.loads(value, salt=TOKEN_SALT, max_age=MAX_FORM_AGE)
    except signing.BadSignature as error:
        raise Rejected(Refusal.BAD_OR_EXPIRED_FORM_TOKEN) from error
    return data


def check_abuse(request, form_data: dict, token: dict) -> None:
    """Honeypot, minimum fill time, rate limits. Each refusal is logged without personal data."""
    if form_data.get("website"):
        raise Rejected(Refusal.HONEYPOT)
    min_fill_seconds = getattr(settings, "COMMENT_MIN_FILL_SECONDS", MIN_FILL_SECONDS)
    # A form handed back to send once more was filled before its token existed (issue_form_token).
    if not token.get("handed_back") and time.time() - token["at"] < min_fill_seconds:
        raise Rejected(Refusal.FILLED_TOO_FAST)
    # Forms sent without the browser's proof of work share the stricter per-address limit.
    if proof_of_work.is_solved(form_data.get("proof", ""), token):
        ip_kind, refusal = "ip", Refusal.RATE_LIMIT_IP
    else:
        ip_kind, refusal = "ip-without-proof", Refusal.RATE_LIMIT_IP_WITHOUT_PROOF
    retry_after = rate_limits.count(ip_kind, rate_limits.client_address(request))
    if retry_after:
        raise RateLimited(refusal, retry_after)
    retry_after = rate_limits.count("email", rate_limits.mailbox(form_data.get("contact_email", "")))
    if retry_after:
        raise RateLimited(Refusal.RATE_LIMIT_EMAIL, retry_after)


@dataclass(frozen=True)
class Submission:
    comment: Comment
    confirmation_token: str | None  # None when this form had already been submitted


def submit_comment(page, form, token: dict) -> Submission:
    """Store the comment once.

    The same form sent again (a double click, a retry) or the same content sent again from a
    fresh form (Back, then Send) answers with the comment already stored, and sends no second
    e-mail; a used form token sent with other content is refused, so nobody is ever told that
    a comment was received when it was not stored.
    """
    if not page.is_open():
        raise Rejected(Refusal.CONSULTATION_CLOSED)
    comment, raw_confirmation = _comment_from_form(page, form, token)
    earlier = _earlier_send(comment)
    if earlier:
        return earlier
    upload = form.cleaned_data.get("attachment")
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # A concurrent send of the same form or of the same content won the race: that comment stands.
        _delete_stored_file(comment)
        earlier = _earlier_send(comment)
        if earlier is None:
            raise
        return earlier
    except Exception as error:
        _delete_stored_file(comment)
        if upload:
            logger.exception("Storing a comment's attachment failed")
            raise StorageFailed from error
        raise
    return Submission(comment, raw_confirmation)


def _comment_from_form(page, form, token: dict) -> tuple[Comment, str]:
    raw_confirmation = secrets.token_urlsafe(32)
    comment = form.save(commit=False)
    comment.consultation = page
    comment.article = form.article
    comment.version = current_version(page)
    with translation.override(settings.LANGUAGE_CODE):
        comment.target_label = _target_label(form.article)
    comment.language = written_in(translation.get_language())
    comment.submission_token = token["t"]
    comment.confirmation_token_hash = hash_token(raw_confirmation)
    comment.confirmation_expires_at = Comment.expiry()
    comment.seal()
    upload = form.cleaned_data.get("attachment")
    if upload:
        comment.attachment_sha256 = _sha256(upload)
    comment.content_key = comment.submission_content_key()
    return comment, raw_confirmation


def written_in(language: str | None) -> str:
    """The site language the visitor used (later e-mails speak it); the site default otherwise."""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _earlier_send(comment: Comment) -> Submission | None:
    """The stored comment this send repeats, if any; refuses a used form token carrying other content."""
    by_token = Comment.objects.filter(submission_token=comment.submission_token).first()
    if by_token is not None:
        if by_token.content_key != comment.content_key:
            raise Rejected(Refusal.FORM_TOKEN_USED_FOR_OTHER_CONTENT)
        return Submission(by_token, None)
    by_content = Comment.objects.filter(content_key=comment.content_key).first()
    if by_content is None:
        return None
    return Submission(by_content, _renew_expired_confirmation(by_content))


def _renew_expired_confirmation(comment: Comment) -> str | None:
    """A repeated send of a comment whose confirmation link expired gets a new link (else none)."""
    now = timezone.now()
    if comment.state != CommentState.UNCONFIRMED or comment.confirmation_expires_at >= now:
        return None
    raw_confirmation = secrets.token_urlsafe(32)
    renewed = Comment.objects.filter(
        pk=comment.pk, state=CommentState.UNCONFIRMED, confirmation_expires_at__lt=now
    ).update(confirmation_token_hash=hash_token(raw_confirmation), confirmation_expires_at=Comment.expiry())
    return raw_confirmation if renewed else None


def confirm_comment(raw_token: str) -> tuple[Comment | None, Confirmation]:
    """Confirm by the e-mailed token; returns the comment (None when unknown) and what happened."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(confirmation_token_hash=hash_token(raw_token)).first()
        if comment is None:
            return None, Confirmation.UNKNOWN
        if comment.state != CommentState.UNCONFIRMED:
            return comment, Confirmation.ALREADY
        if comment.confirmation_expires_at < timezone.now():
            return comment, Confirmation.EXPIRED
        comment.state = CommentState.CONFIRMED
        comment.confirmed_at = timezone.now()
        comment.tracking_number = new_tracking_number()
        comment.save(update_fields=["state", "confirmed_at", "tracking_number"])
    return comment, Confirmation.CONFIRMED


def _target_label(article) -> str:
    from .forms import article_label

    return article_label(article) if article else str(translation.gettext("The draft as a whole"))


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _delete_stored_file(comment) -> None:
    if comment.attachment and getattr(comment.attachment, "_committed", False):
        try:
            comment.attachment.storage.delete(comment.attachment.name)
        except Exception:
            logger.exception("Could not remove an orphaned attachment")
