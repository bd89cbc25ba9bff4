"""Moderators record comments that reached the office outside the site: by e-mail, letter, at a
public hearing or a round table.

A recorded comment sits in the same record as the site's comments and goes through the same
moderation, answers, report and manifest; it is marked by its channel, the date it was received
and who entered it when (and Wagtail's log says so too). It is sealed with the same canonical
text and SHA-256 as a comment sent through the site, and confirmed at once: there is no e-mail
to confirm, the moderator vouches for it with the original (a registry document or the scan,
kept private like any attachment).
"""

import logging
import secrets

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from . import moderation
from .forms import CANONICAL_TEXT_FIELDS, COMMENT_FIELDS, CommentForm, article_label
from .models import Article, Channel, Comment, CommentState, ConsultationPage, Kind, hash_token, new_tracking_number
from .respondents import settle_organisation_fields
from .versions import current_version

logger = logging.getLogger(__name__)

LOG_RECORD = "consultations.comment.record"
URL_NAME = "consultation_comment_record"
WHOLE_ACT = _("The draft as a whole")
RECORDED_CHANNELS = [choice for choice in Channel.choices if choice[0] != Channel.WEB]
ORIGINAL_REQUIRED = _("Give the original: choose it from the document registry or upload the scan.")


class ConsultationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ArticleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.page.title} — {article_label(obj)}"


def original_consultations():
    """Comments belong to the Cyrillic originals (ConsultationPage.original)."""
    return ConsultationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("-opens_at")


class RecordCommentForm(forms.ModelForm):
    """Every field limited (the model's lengths, the attachment's size and content).

    Errors are in the moderator's language.
    """

    consultation = ConsultationChoiceField(label=_("Consultation"), queryset=original_consultations())
    article = ArticleChoiceField(
        label=_("Article"),
        queryset=Article.objects.filter(page__locale__language_code=settings.LANGUAGE_CODE).select_related("page"),
        required=False,
        empty_label=WHOLE_ACT,
        help_text=_("Leave empty for a comment on the draft as a whole."),
    )

    class Meta:
        model = Comment
        # The original (a registry document) sits beside the upload, as the form shows them.
        fields = ["channel", "received_on", *COMMENT_FIELDS]
        fields.insert(fields.index("attachment"), "original_document")
        field_classes = CANONICAL_TEXT_FIELDS
        widgets = {
            "received_on": forms.DateInput(attrs={"type": "date"}),
            "proposed_wording": forms.Textarea(attrs={"rows": 5}),
            "justification": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"attachment": _("Scan of the original or the author's attachment")}
        help_texts = {
            "original_document": _("The scanned letter, e-mail or minutes, if it is in the document registry."),
            "attachment": _(
                "Or upload it here: PDF, DOCX or ODT, up to 10 MB. It stays private unless the author agreed"
                " to publish it and a moderator approves it."
            ),
            "attachment_publication": _("The author agreed to publish the attachment with the comment."),
        }

    # The public form's checks, the same for a comment typed in from paper.
    clean_registration_number = CommentForm.clean_registration_number
    clean_tax_id = CommentForm.clean_tax_id
    clean_contact_phone = CommentForm.clean_contact_phone
    clean_attachment = CommentForm.clean_attachment

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.documents.widgets import AdminDocumentChooser

        self.fields["channel"].choices = RECORDED_CHANNELS
        self.fields["channel"].initial = Channel.ROUND_TABLE
        self.fields["received_on"].required = True
        self.fields["original_document"].widget = AdminDocumentChooser()
        for name in ("respondent_type", "consent", "kind"):
            self.fields[name].required = True

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on and received_on > timezone.localdate():
            raise ValidationError(_("The date received cannot be in the future."), code="future")
        return received_on

    def clean(self):
        cleaned = super().clean()
        consultation, article = cleaned.get("consultation"), cleaned.get("article")
        if consultation and article and article.page_id != consultation.pk:
            self.add_error("article", _("Choose an article of this consultation, or none for the draft as a whole."))
        if cleaned.get("kind") in (Kind.CHANGE, Kind.ADD) and not (cleaned.get("proposed_wording") or "").strip():
            self.add_error("proposed_wording", _("Please write the wording proposed."))
        if (
            not cleaned.get("original_document")
            and not cleaned.get("attachment")
            and not self._has_errors_on_original()
        ):
            self.add_error("attachment", ORIGINAL_REQUIRED)
        if cleaned.get("attachment_publication") and not cleaned.get("attachment"):
            self.add_error("attachment_publication", _("Only an uploaded attachment can be published."))
        settle_organisation_fields(self, cleaned)
        return cleaned

    def _has_errors_on_original(self) -> bool:
        return "attachment" in self.errors or "original_document" in self.errors


def record_comment(form: RecordCommentForm, user) -> Comment:
    """Store the recorded comment, confirmed and sealed, and log who entered it."""
    from .submission import _delete_stored_file, _sha256

    now = timezone.now()
    comment = form.save(commit=False)
    comment.consultation = form.cleaned_data["consultation"]
    comment.article = form.cleaned_data.get("article")
    comment.version = current_version(comment.consultation)
    with translation.override(settings.LANGUAGE_CODE):
        comment.target_label = article_label(comment.article) if comment.article else str(WHOLE_ACT)
    comment.entered_by, comment.entered_at = user, now
    comment.state, comment.confirmed_at = CommentState.CONFIRMED, now
    # Nobody holds these tokens: there is no form to resend and no e-mail to confirm.
    comment.submission_token = secrets.token_urlsafe(32)
    comment.confirmation_token_hash = hash_token(secrets.token_urlsafe(32))
    comment.confirmation_expires_at = now
    comment.tracking_number = new_tracking_number()
    comment.seal()
    upload = form.cleaned_data.get("attachment")
    if upload:
        comment.attachment_sha256 = _sha256(upload)
    # Left empty: two citizens may hand in the same text at one hearing, and both are comments.
    comment.content_key = None
    try:
        with transaction.atomic():
            comment.save()
            log(comment, LOG_RECORD, user=user, data={"channel": comment.channel})
    except Exception:
        _delete_stored_file(comment)
        raise
    return comment


class RecordCommentView(WagtailAdminTemplateMixin, FormView):
    form_class = RecordCommentForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Record a comment received outside the site")
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not moderation.can_moderate(request.user):
            # A plain 403, not Wagtail's redirect to the dashboard: the answer says what happened.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("consultation_comments:list"), "label": _("Comments")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse(URL_NAME),
            submit_button_label=_("Record the comment"),
            submit_button_active_label=_("Recording…"),
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        comment = record_comment(form, self.request.user)
        messages.success(
            self.request,
            _("Comment recorded with tracking number %(number)s.") % {"number": comment.tracking_number},
        )
        return redirect("consultation_comments:edit", comment.pk)


def record_button(user) -> list:
    """The listing's header button to the form, for moderators."""
    if not moderation.can_moderate(user):
        return []
    return [HeaderButton(_("Record a comment received outside the site"), url=reverse(URL_NAME), icon_name="plus")]


urlpatterns = [path("comments-record/", RecordCommentView.as_view(), name=URL_NAME)]


def register_log_actions(actions) -> None:
    actions.register_action(
        LOG_RECORD, _("Record comment received outside the site"), _("Comment received outside the site recorded")
    )
