"""Requests of a data subject: what the portal holds about an e-mail address, and its erasure.

`manage.py personal_data export --email X` and `manage.py personal_data erase --email X` call these
(docs/data-protection.md describes the procedure). An e-mail address is matched without regard to
case, on the comments' contact e-mail and on admin accounts.

Erasure follows the office's rule (docs/data-protection.md, "Erasure"):

* a comment nobody confirmed was never acknowledged: it is deleted, with its attachment;
* a confirmed comment stays part of the consultation's record (the report, the office's answer), as
  an anonymous one: the contact person's name, e-mail and telephone are emptied, e-mail addresses and
  telephone numbers inside its text are replaced by "…" (what the public pages already show), and
  with `delete_attachments` its attachment is deleted too. The organisation's name and registration
  number are an organisation's, not a person's, and stay. The receipt's SHA-256 stays as issued, so
  the commenter's receipt can still be checked against the report's manifest.

Each anonymised comment gets an entry "contact data erased" in its history (the same log action as the
admin's bulk action, without personal data); the server log counts what was done, without the address.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import DateTimeField

from core.redaction import without_contacts

from . import moderation
from .models import Comment, CommentState
from .personal_data import PUBLIC_TEXT_FIELDS

logger = logging.getLogger(__name__)

# Every stored field of a comment is exported (a field added later is too), except the ones
# shown in another form below and the tokens, which stay on the server.
NOT_EXPORTED = frozenset(
    {"id", "consultation", "article", "attachment", "attachment_sha256", "submission_token", "confirmation_token_hash"}
)
ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "is_active", "is_staff", "is_superuser")

# Apps above this one that hold data by e-mail address (alerts: subscriptions) register here, so the one
# command answers for everything: name -> (export(email) -> JSON-able, erase(email) -> one line of counts).
OTHER_HOLDERS: dict = {}


def register_holder(name: str, export, erase) -> None:
    OTHER_HOLDERS[name] = (export, erase)


def comments_of(email: str):
    return Comment.objects.filter(contact_email__iexact=email.strip()).select_related("consultation")


def accounts_of(email: str):
    return get_user_model().objects.filter(email__iexact=email.strip()).prefetch_related("groups")


def _timestamp(value) -> str | None:
    return value.isoformat() if value else None


def comment_record(comment: Comment) -> dict:
    record = {}
    for stored in Comment._meta.concrete_fields:
        if stored.name not in NOT_EXPORTED:
            value = getattr(comment, stored.name)
            record[stored.name] = _timestamp(value) if isinstance(stored, DateTimeField) else value
    record["consultation"] = {"id": comment.consultation_id, "title": comment.consultation.title}
    record["attachment"] = (
        {"file_name": comment.attachment_filename, "sha256": comment.attachment_sha256} if comment.attachment else None
    )
    record["text_sha256"] = comment.text_sha256
    return record


def account_record(user) -> dict:
    record = {name: getattr(user, name) for name in ACCOUNT_FIELDS}
    record.update(
        last_login=_timestamp(user.last_login),
        date_joined=_timestamp(user.date_joined),
        groups=sorted(group.name for group in user.groups.all()),
    )
    return record


def export(email: str) -> dict:
    """Everything stored about the address: its comments (with their contact data) and admin accounts."""
    return {
        "email": email.strip(),
        "comments": [comment_record(comment) for comment in comments_of(email)],
        "admin_accounts": [account_record(user) for user in accounts_of(email)],
        **{name: holder_export(email) for name, (holder_export, _erase) in OTHER_HOLDERS.items()},
    }


@dataclass
class Erased:
    anonymised: list = field(default_factory=list)  # tracking numbers
    deleted_unconfirmed: int = 0
    attachments_deleted: int = 0
    attachments_left: list = field(default_factory=list)  # names the store could not delete now
    admin_accounts: int = 0  # found, not touched: the admin's Users screen handles them
    others: list = field(default_factory=list)  # one line of counts from each registered holder


def _redact_text(comment: Comment) -> None:
    for name in PUBLIC_TEXT_FIELDS:
        setattr(comment, name, without_contacts(getattr(comment, name)))
    comment.save(update_fields=list(PUBLIC_TEXT_FIELDS))


def _forget_attachment(comment: Comment) -> str:
    name = comment.attachment.name
    comment.attachment = ""
    comment.attachment_sha256 = ""
    comment.save(update_fields=["attachment", "attachment_sha256"])
    return name


def _delete_files(names: list[str], outcome: Erased) -> None:
    """After the commit: a row never points at a deleted file; a file left behind goes to the orphan sweep."""
    storage = Comment._meta.get_field("attachment").storage
    for name in names:
        try:
            storage.delete(name)
            outcome.attachments_deleted += 1
        except Exception:
            logger.exception("personal_data erase: an attachment could not be deleted now; the orphan sweep will")
            outcome.attachments_left.append(name)


def erase(email: str, delete_attachments: bool = False) -> Erased:
    """Erase the address's contact data (see the module's docstring for what stays)."""
    outcome = Erased(admin_accounts=accounts_of(email).count())
    files = []
    with transaction.atomic():
        comments = list(comments_of(email).select_for_update(of=("self",)))
        unconfirmed = [comment for comment in comments if comment.state == CommentState.UNCONFIRMED]
        files += [comment.attachment.name for comment in unconfirmed if comment.attachment]
        Comment.objects.filter(pk__in=[comment.pk for comment in unconfirmed]).delete()
        outcome.deleted_unconfirmed = len(unconfirmed)
        kept = [comment for comment in comments if comment.state != CommentState.UNCONFIRMED]
        for comment in kept:
            _redact_text(comment)
            if delete_attachments and comment.attachment:
                files.append(_forget_attachment(comment))
        # Empties name, e-mail and telephone, and logs "contact data erased" on each comment (user: none).
        moderation.erase_contacts(kept, user=None)
        outcome.anonymised = [comment.tracking_number for comment in kept]
    _delete_files(files, outcome)
    outcome.others = [holder_erase(email) for _export, holder_erase in OTHER_HOLDERS.values()]
    logger.info(
        "personal_data erase: %s comment(s) anonymised, %s unconfirmed deleted, %s attachment(s) deleted",
        len(outcome.anonymised),
        outcome.deleted_unconfirmed,
        outcome.attachments_deleted,
    )
    return outcome
