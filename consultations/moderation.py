"""Moderating comments: who may, what each step changes, and what the log keeps.

The admin (``consultations/admin_*.py``) only collects the moderator's choice; the rules live
here so that the edit view and the bulk actions apply them identically. Log entries name the
action and, where useful, the reason or decision code, never any personal data.
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogContext, LogFormatter, log

from .models import Comment, CommentState, Decision, RejectionReason
from .notices import notify_answer

PERMISSION = "consultations.moderate_comment"

# Log action codes (registered with Wagtail in wagtail_hooks.py).
LOG_PUBLISH = "consultations.comment.publish"
LOG_REJECT = "consultations.comment.reject"
LOG_REOPEN = "consultations.comment.reopen"
LOG_ANSWER = "consultations.comment.answer"
LOG_ERASE_CONTACT = "consultations.comment.erase_contact"

# Which states each step starts from. Unconfirmed comments were never acknowledged to their
# author as received, so they wait for the e-mail confirmation and cannot be moderated.
PUBLISHABLE = {CommentState.CONFIRMED, CommentState.REJECTED}
REJECTABLE = {CommentState.CONFIRMED, CommentState.PUBLISHED, CommentState.REJECTED}
ANSWERABLE = {CommentState.CONFIRMED, CommentState.PUBLISHED}
# Decisions that need the office's reasons written out.
REASONS_REQUIRED = {Decision.PARTLY, Decision.NOT_ACCEPTED}


def can_moderate(user) -> bool:
    return bool(user and user.is_active and user.has_perm(PERMISSION))


# ---------------------------------------------------------------------------------------------
# Near-identical groups (copied campaign texts)


def group_size_expression():
    """How many comments of the same consultation share the row's fingerprint: one subquery."""
    same_text = (
        Comment.objects.filter(consultation_id=OuterRef("consultation_id"), fingerprint=OuterRef("fingerprint"))
        .order_by()
        .values("fingerprint")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(same_text, output_field=IntegerField()), 1)


def with_group_size(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(group_size=group_size_expression())


def same_text_as(queryset: QuerySet, comment_id) -> QuerySet:
    """The comments whose text is near-identical to comment `comment_id` (in its consultation)."""
    source = Comment.objects.filter(pk=comment_id)
    return queryset.filter(
        consultation_id=Subquery(source.values("consultation_id")[:1]),
        fingerprint=Subquery(source.values("fingerprint")[:1]),
    )


def search(queryset: QuerySet, query: str, fields) -> QuerySet:
    # SQLite (the default set-up) folds case for ASCII only: also try the usual cases of the
    # query, so "зелени" finds "Зелени" there as it does on PostgreSQL.
    variants = dict.fromkeys([query, query.lower(), query.upper(), query.capitalize(), query.title()])
    condition = Q()
    for name in fields:
        for variant in variants:
            condition |= Q(**{f"{name}__icontains": variant})
    return queryset.filter(condition)


# ---------------------------------------------------------------------------------------------
# Steps


@dataclass
class Outcome:
    """What a step did to a selection: the comments it changed and the ones it left alone."""

    done: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def mark_published(comment: Comment, now=None) -> None:
    comment.state = CommentState.PUBLISHED
    comment.rejection_reason = ""
    comment.published_at = now or timezone.now()


def mark_rejected(comment: Comment, reason: str) -> None:
    comment.state = CommentState.REJECTED
    comment.rejection_reason = reason
    comment.published_at = None  # published_at is set only while the comment is published


def mark_answered(comment: Comment, decision: str, reasons: str, now=None) -> None:
    comment.decision = decision
    comment.decision_reasons = reasons
    comment.answered_at = (now or timezone.now()) if decision else None


def change_each(comments, user, applies, change, action: str, fields=None, data=None) -> Outcome:
    """Apply `change` to each comment that `applies` accepts, save its `fields` and log `action`
    (as `user`); the others are skipped, untouched."""
    outcome = Outcome()
    with LogContext(user=user):
        for comment in comments:
            if not applies(comment):
                outcome.skipped.append(comment)
                continue
            change(comment)
            if fields:
                comment.save(update_fields=fields)
            log(comment, action, data=data)
            outcome.done.append(comment)
    return outcome


STATE_FIELDS = ["state", "rejection_reason", "published_at"]


def publish(comments, user) -> Outcome:
    now = timezone.now()
    return change_each(
        comments,
        user,
        applies=lambda comment: comment.state in PUBLISHABLE,
        change=lambda comment: mark_published(comment, now),
        action=LOG_PUBLISH,
        fields=STATE_FIELDS,
    )


def reject(comments, reason: str, user) -> Outcome:
    if reason not in RejectionReason.values:
        raise ValueError(f"unknown rejection reason {reason!r}")

    def applies(comment):
        unchanged = comment.state == CommentState.REJECTED and comment.rejection_reason == reason
        return comment.state in REJECTABLE and not unchanged

    return change_each(
        comments,
        user,
        applies=applies,
        change=lambda comment: mark_rejected(comment, reason),
        action=LOG_REJECT,
        fields=STATE_FIELDS,
        data={"reason": reason},
    )


def answer(comments, decision: str, reasons: str, user) -> Outcome:
    if decision not in Decision.values:
        raise ValueError(f"unknown decision {decision!r}")
    now = timezone.now()
    outcome = change_each(
        comments,
        user,
        applies=lambda comment: comment.state in ANSWERABLE,
        change=lambda comment: mark_answered(comment, decision, reasons, now),
        action=LOG_ANSWER,
        fields=["decision", "decision_reasons", "answered_at"],
        data={"decision": decision},
    )
    for comment in outcome.done:
        notify_answer(comment)  # e-mailed once the answer is committed
    return outcome


def has_contact(comment: Comment) -> bool:
    return bool(comment.contact_name or comment.contact_email or comment.contact_phone)


def erase_contacts(comments, user) -> Outcome:
    # erase_contact() saves the fields it empties itself.
    return change_each(comments, user, applies=has_contact, change=Comment.erase_contact, action=LOG_ERASE_CONTACT)


def log_edit(comment: Comment, before: dict, user, content_changed: bool) -> None:
    """Log what the moderator's edit of one comment changed (state, answer), by action code."""
    entries = []
    if comment.state != before["state"] or (
        comment.state == CommentState.REJECTED and comment.rejection_reason != before["rejection_reason"]
    ):
        if comment.state == CommentState.PUBLISHED:
            entries.append((LOG_PUBLISH, None))
        elif comment.state == CommentState.REJECTED:
            entries.append((LOG_REJECT, {"reason": comment.rejection_reason}))
        else:
            entries.append((LOG_REOPEN, None))
    if (comment.decision, comment.decision_reasons) != (before["decision"], before["decision_reasons"]):
        entries.append((LOG_ANSWER, {"decision": comment.decision}))
    with LogContext(user=user):
        if not entries:
            log(comment, "wagtail.edit", content_changed=content_changed)
        for action, data in entries:
            log(comment, action, data=data)


# ---------------------------------------------------------------------------------------------
# The dashboard


def waiting_by_consultation() -> list[dict]:
    """Per consultation, how many confirmed comments wait for moderation: one query."""
    return list(
        Comment.objects.filter(state=CommentState.CONFIRMED)
        .order_by()
        .values("consultation_id", "consultation__title")
        .annotate(waiting=Count("pk"))
        .order_by("consultation__title", "consultation_id")
    )


# ---------------------------------------------------------------------------------------------
# Log messages


class RejectFormatter(LogFormatter):
    label = _("Reject comment")

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason", "")
        label = dict(RejectionReason.choices).get(reason, reason)
        return _("Comment rejected (%(reason)s)") % {"reason": label}


class AnswerFormatter(LogFormatter):
    label = _("Answer comment")

    def format_message(self, log_entry):
        decision = (log_entry.data or {}).get("decision", "")
        if not decision:
            return _("Answer withdrawn")
        return _("Comment answered: %(decision)s") % {"decision": dict(Decision.choices).get(decision, decision)}


def register_log_actions(actions) -> None:
    actions.register_action(LOG_PUBLISH, _("Publish comment"), _("Comment published"))
    actions.register_action(LOG_REJECT)(RejectFormatter)
    actions.register_action(LOG_REOPEN, _("Return comment to moderation"), _("Comment returned to moderation"))
    actions.register_action(LOG_ANSWER)(AnswerFormatter)
    actions.register_action(LOG_ERASE_CONTACT, _("Erase contact data"), _("Contact data erased"))
