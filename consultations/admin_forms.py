"""Forms of the moderation admin: the edit form of one comment and the bulk actions' forms."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from . import moderation
from .models import CommentState, Decision, RejectionReason
from .notices import notify_answer

REJECTION_REASON_REQUIRED = _("Choose the reason for rejecting the comment.")
REASONS_REQUIRED = _("Give the reasons when a comment is not accepted or only partly accepted.")
DECISION_REQUIRED = _("Choose a decision for these reasons.")
NOT_ANSWERABLE = _("Only confirmed or published comments can be answered.")
REASONS_MAX_LENGTH = 10000

MODERATED_FIELDS = ("state", "rejection_reason", "decision", "decision_reasons")


class CommentModerationForm(WagtailAdminModelForm):
    """The moderator's part of a comment: its state and the office's answer.

    Everything the commenter wrote is shown read-only by the panels and is not in this form.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.before = {name: getattr(self.instance, name) for name in MODERATED_FIELDS}
        state = self.fields.get("state")
        if state is not None:
            if self.instance.state == CommentState.UNCONFIRMED:
                state.disabled = True
                state.help_text = _("The commenter has not confirmed the comment by e-mail; it cannot be moderated.")
            else:
                state.choices = [choice for choice in CommentState.choices if choice[0] != CommentState.UNCONFIRMED]

    def clean(self):
        cleaned_data = super().clean()
        state = cleaned_data.get("state") or self.instance.state
        if state == CommentState.REJECTED:
            if not cleaned_data.get("rejection_reason"):
                self.add_error("rejection_reason", REJECTION_REASON_REQUIRED)
        elif "rejection_reason" in self.fields:
            cleaned_data["rejection_reason"] = ""

        if "decision" in self.fields and "decision_reasons" in self.fields:
            decision = cleaned_data.get("decision", "")
            reasons = cleaned_data.get("decision_reasons", "")
            answer_changed = (decision, reasons) != (self.before["decision"], self.before["decision_reasons"])
            if answer_changed and decision and state not in moderation.ANSWERABLE:
                self.add_error("decision", NOT_ANSWERABLE)
            if reasons.strip() and not decision:
                self.add_error("decision", DECISION_REQUIRED)
            if decision in moderation.REASONS_REQUIRED and not reasons.strip():
                self.add_error("decision_reasons", REASONS_REQUIRED)
        return cleaned_data

    def save(self, commit=True):
        comment = self.instance
        now = timezone.now()
        if comment.state != self.before["state"]:
            if comment.state == CommentState.PUBLISHED:
                moderation.mark_published(comment, now)
            elif comment.state == CommentState.REJECTED:
                moderation.mark_rejected(comment, comment.rejection_reason)
            else:
                comment.published_at = None
        answer = (comment.decision, comment.decision_reasons)
        answered = answer != (self.before["decision"], self.before["decision_reasons"])
        if answered:
            moderation.mark_answered(comment, *answer, now=now)
        saved = super().save(commit=commit)
        if answered:
            notify_answer(comment)  # e-mailed once the answer is committed, at most once per comment
        return saved


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason for rejecting"),
        choices=RejectionReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": REJECTION_REASON_REQUIRED},
    )


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    reasons = forms.CharField(
        label=_("Reasons for the decision"),
        required=False,
        max_length=REASONS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The same answer is given to every selected comment, e.g. to a campaign of identical texts."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("decision") in moderation.REASONS_REQUIRED and not cleaned_data.get("reasons", "").strip():
            self.add_error("reasons", REASONS_REQUIRED)
        return cleaned_data
