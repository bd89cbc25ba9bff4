"""The admin action "Publish a revised draft": the page's latest text becomes the draft's next version.

Offered on a Cyrillic consultation's header and in its listing's "more" menu to editors who may
publish it. The editor first edits the articles (saving a draft or publishing), then opens this
screen, writes what changed and, if comments are taken on the revised text, the new period.
"""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.admin.widgets.button import Button

from .models import ConsultationPage
from .versions import is_original, publish_revised_draft

NOTE_MAX_LENGTH = 3000


class RevisedDraftForm(forms.Form):
    note = forms.CharField(
        label=_("Summary of changes"),
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What changed from the previous version and why; shown with the version."),
        error_messages={
            "required": _("Say briefly what changed in this version."),
            "max_length": _("The summary can be at most %(limit_value)d characters long."),
        },
    )
    reopen = forms.BooleanField(label=_("Reopen the comment period for this version"), required=False)
    opens_at = forms.DateTimeField(
        label=_("Comments open at"), required=False, widget=AdminDateTimeInput, help_text=_("Empty: now.")
    )
    closes_at = forms.DateTimeField(label=_("Comments close at"), required=False, widget=AdminDateTimeInput)

    def clean(self):
        data = super().clean()
        if not data.get("reopen"):
            data["opens_at"] = data["closes_at"] = None
            return data
        now = timezone.now()
        opens_at, closes_at = data.get("opens_at") or now, data.get("closes_at")
        if closes_at is None:
            self.add_error("closes_at", _("Give the moment the reopened comment period closes."))
        elif closes_at <= max(opens_at, now):
            self.add_error("closes_at", _("The reopened period must close after it opens, and in the future."))
        data["opens_at"] = opens_at
        return data


def may_publish_revised_draft(page, user) -> bool:
    """Versions belong to the Cyrillic original; only editors who may publish it add one."""
    return page.live and is_original(page) and page.permissions_for_user(user).can_publish()


def next_version_number(page) -> int:
    # With no version yet, publishing freezes version 1 (the text as it was) and then this one.
    return max(page.draft_versions.aggregate(n=Max("number"))["n"] or 1, 1) + 1


def revised_draft_view(request, page_id):
    page = get_object_or_404(ConsultationPage, pk=page_id)
    if not may_publish_revised_draft(page, request.user):
        raise PermissionDenied
    form = RevisedDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = publish_revised_draft(
                page,
                request.user,
                note=form.cleaned_data["note"],
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"],
            )
        except ValidationError as error:  # the page's latest draft does not validate: say why, publish nothing
            form.add_error(None, error.messages)
        else:
            messages.success(
                request, gettext("Version %(number)s of the draft is published.") % {"number": version.number}
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    context = {"page": page, "form": form, "next_number": next_version_number(page)}
    return TemplateResponse(request, "consultations/admin/revised_draft.html", context)


urlpatterns = [
    path("consultations/<int:page_id>/revised-draft/", revised_draft_view, name="consultation_revised_draft"),
]


def revised_draft_buttons(page, user, priority: int):
    if isinstance(page.specific_deferred, ConsultationPage) and may_publish_revised_draft(page, user):
        yield Button(
            _("Publish a revised draft"),
            url=reverse("consultation_revised_draft", args=[page.pk]),
            icon_name="doc-full",
            priority=priority,
        )
