"""From a posted form to a stored comment, exactly once, and on to its confirmation.

A comment the site acknowledges is stored exactly once with its attachment, or the
visitor sees an error and keeps what they typed:
- the form carries a server-issued token; the database keeps submission tokens unique,
  so double clicks, retries and concurrent posts of one form store one comment;
- the attachment is written inside the same transaction; if storage or the database
  fails, neither a row nor an orphan file remains.
"""

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .models import Comment, CommentState, hash_token, new_tracking_number

logger = logging.getLogger(__name__)

TOKEN_SALT = "consultations.comment-form"  # noqa: S105  (a signing namespace, not a secret)
MIN_FILL_SECONDS = 4
MAX_FORM_AGE = 60 * 60 * 24
RATE_LIMITS = {"ip": (20, 60 * 60), "email": (10, 60 * 60)}


class Rejected(Exception):  # noqa: N818  (a refusal, not a programming error)
    """The server refuses the submission; `reason` is logged, the visitor gets a plain message."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class StorageFailed(Exception):  # noqa: N818  (an outcome the view reports, not a bug)
    """The attachment could not be stored; nothing was saved."""


def issue_form_token() -> str:
    return signing.dumps({"t": secrets.token_urlsafe(24), "at": int(time.time())}, salt=TOKEN_SALT)


def read_form_token(value: str) -> dict:
    try:
        data = signing.loads(value, salt=TOKEN_SALT, max_age=MAX_FORM_AGE)
    except signing.BadSignature as error:
        raise Rejected("bad-or-expired-form-token") from error
    return data


def client_fingerprint(request) -> str:
    """The visitor's IP, hashed with the site's secret: rate limits without keeping addresses."""
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def within_rate_limit(kind: str, key: str) -> bool:
    limit, window = RATE_LIMITS[kind]
    cache_key = f"comment-rate:{kind}:{key}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    return count <= limit


def check_abuse(request, form_data: dict, token: dict) -> None:
    """Honeypot, minimum fill time, rate limits. Each refusal is logged without personal data."""
    if form_data.get("website"):
        raise Rejected("honeypot")
    if time.time() - token["at"] < MIN_FILL_SECONDS:
        raise Rejected("filled-too-fast")
    if not within_rate_limit("ip", client_fingerprint(request)):
        raise Rejected("rate-limit-ip")
    email_key = hashlib.sha256(form_data.get("contact_email", "").strip().lower().encode()).hexdigest()[:32]
    if not within_rate_limit("email", email_key):
        raise Rejected("rate-limit-email")


@dataclass(frozen=True)
class Submission:
    comment: Comment
    confirmation_token: str | None  # None when this form had already been submitted


def submit_comment(page, form, token: dict) -> Submission:
    """Store the comment once; a repeated token returns the comment already stored."""
    if not page.is_open():
        raise Rejected("consultation-closed")
    existing = Comment.objects.filter(submission_token=token["t"]).first()
    if existing:
        return Submission(existing, None)

    raw_confirmation = secrets.token_urlsafe(32)
    comment = form.save(commit=False)
    comment.consultation = page
    comment.article = form.article
    with translation.override(settings.LANGUAGE_CODE):
        comment.target_label = _target_label(form.article)
    comment.submission_token = token["t"]
    comment.confirmation_token_hash = hash_token(raw_confirmation)
    comment.confirmation_expires_at = Comment.expiry()
    comment.seal()
    upload = form.cleaned_data.get("attachment")
    if upload:
        comment.attachment_sha256 = _sha256(upload)
    try:
        with transaction.atomic():
            comment.save()
    except IntegrityError:
        # Another request with the same form token won the race: that comment stands.
        _delete_stored_file(comment)
        existing = Comment.objects.filter(submission_token=token["t"]).first()
        if existing is None:
            raise
        return Submission(existing, None)
    except Exception as error:
        _delete_stored_file(comment)
        if upload:
            logger.exception("Storing a comment's attachment failed")
            raise StorageFailed from error
        raise
    return Submission(comment, raw_confirmation)


def confirm_comment(raw_token: str) -> tuple[Comment | None, str]:
    """Confirm by the e-mailed token; returns the comment and 'confirmed', 'already' or 'expired'."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().filter(confirmation_token_hash=hash_token(raw_token)).first()
        if comment is None:
            return None, "unknown"
        if comment.state != CommentState.UNCONFIRMED:
            return comment, "already"
        if comment.confirmation_expires_at < timezone.now():
            return comment, "expired"
        comment.state = CommentState.CONFIRMED
        comment.confirmed_at = timezone.now()
        comment.tracking_number = new_tracking_number()
        comment.save(update_fields=["state", "confirmed_at", "tracking_number"])
    return comment, "confirmed"


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
