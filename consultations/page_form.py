"""The consultation editor: a change to the dates of a published consultation needs a reason.

The change and its reason become an entry of the page's public date log (models/date_changes.py),
added to the page here so it is part of the revision and goes public when the page is published.
"""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import SitePageForm

from .models.date_changes import REASON_MAX_LENGTH, DateChange, DateChangeKind

DATE_CHANGE_REASON_REQUIRED = _(
    "The consultation is published: say why its dates change. The reason is shown on the page with the change."
)


def to_minute(moment):
    """The admin's date widget shows minutes: seconds a page got elsewhere (an import) are no change."""
    return moment.replace(second=0, microsecond=0)


def closing_change(previous, new, now) -> str:
    """What moving the closing date from `previous` to `new` means to the public, at `now`."""
    if new < previous:
        return DateChangeKind.CLOSED
    return DateChangeKind.REOPENED if previous <= now else DateChangeKind.EXTENDED


def date_changes_between(page, opens_at, closes_at, now=None) -> list[tuple[str, object, object]]:
    """(kind, from, to) for each of the page's dates that `opens_at` and `closes_at` would move."""
    now = now or timezone.now()
    changes = []
    if opens_at and page.opens_at and to_minute(opens_at) != to_minute(page.opens_at):
        changes.append((DateChangeKind.OPENED, page.opens_at, opens_at))
    if closes_at and page.closes_at and to_minute(closes_at) != to_minute(page.closes_at):
        changes.append((closing_change(page.closes_at, closes_at, now), page.closes_at, closes_at))
    return changes


def add_to_date_log(page, changes, reason: str) -> None:
    """Add the changes to the page's public log, in memory: they go public with the revision saved next.

    Any code that moves a published consultation's dates (not only this form) can log them so.
    """
    position = len(page.date_changes.all())
    for offset, (kind, previous, new) in enumerate(changes):
        entry = DateChange(kind=kind, previous_date=previous, new_date=new, reason=reason.strip())
        entry.sort_order = position + offset
        page.date_changes.add(entry)


class ConsultationPageForm(SitePageForm):
    date_change_reason = forms.CharField(
        label=_("Reason for changing the dates"),
        required=False,
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the dates of a published consultation change; shown on the page in the log of dates."),
        error_messages={"max_length": _("Write the reason in at most %(limit_value)d characters.")},
    )

    def date_changes_made(self, cleaned_data) -> list[tuple[str, object, object]]:
        """(kind, from, to) for each date of a published original that this edit moves."""
        page = self.instance
        if not page.pk or not page.live or page.locale.language_code != settings.LANGUAGE_CODE:
            return []
        return date_changes_between(page, cleaned_data.get("opens_at"), cleaned_data.get("closes_at"))

    def clean(self):
        cleaned_data = super().clean()
        # Before _post_clean(): the instance still holds the dates the editor started from.
        self.new_date_changes = self.date_changes_made(cleaned_data)
        if self.new_date_changes and not cleaned_data.get("date_change_reason", "").strip():
            self.add_error("date_change_reason", DATE_CHANGE_REASON_REQUIRED)
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        add_to_date_log(page, getattr(self, "new_date_changes", []), self.cleaned_data.get("date_change_reason", ""))
        if commit:
            page.save()
        return page
