"""The public log of a consultation's dates: each change, when, from what to what, and why.

Entries are children of the page, so they are part of its revisions, published with it,
translated with it (wagtail-localize: the reason is text to translate, the dates are synchronised)
and copied to the Latin twin. The edit form adds them (consultations/page_form.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin

REASON_MAX_LENGTH = 1000


class DateChangeKind(models.TextChoices):
    OPENED = "opened", _("opening date changed")
    EXTENDED = "extended", _("extended")
    REOPENED = "reopened", _("reopened")
    CLOSED = "closed", _("closed earlier")


class DateChange(TranslatableMixin, Orderable):
    page = ParentalKey("consultations.ConsultationPage", on_delete=models.CASCADE, related_name="date_changes")
    kind = models.CharField(_("change"), max_length=10, choices=DateChangeKind.choices)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    previous_date = models.DateTimeField(_("from"), null=True, blank=True)
    new_date = models.DateTimeField(_("to"))
    reason = models.TextField(_("reason"), max_length=REASON_MAX_LENGTH)

    panels = [
        FieldPanel("kind"),
        FieldPanel("changed_at"),
        FieldPanel("previous_date"),
        FieldPanel("new_date"),
        FieldPanel("reason"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("change of dates")
        verbose_name_plural = _("changes of dates")

    def __str__(self):
        return f"{self.get_kind_display()} {self.new_date:%Y-%m-%d}"
