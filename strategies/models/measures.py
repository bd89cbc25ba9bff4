"""Action-plan measures of a strategy and their status in each reporting year.

A measure is a translatable child of the strategy page, so the Latin twin gets its text
transliterated and an English translation its own wording. Its status rows are plain
children of the measure (a cluster of its own) and are copied to every translation as
they are: years and statuses are the same in every language, and the short note is
shown in the visitor's script when the page is rendered. They are deliberately not
translatable: Wagtail does not move grandchildren of a page to the new locale when it
copies a page for translation, which breaks the Latin twin.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

FIRST_YEAR, LAST_YEAR = 1990, 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    LATE = "late", _("late")
    DROPPED = "dropped", _("dropped")


class Measure(TranslatableMixin, Orderable, ClusterableModel):
    """One measure of the action plan: what was promised, by whom, by when, measured how."""

    strategy = ParentalKey("strategies.StrategyPage", on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(_("code"), max_length=20, blank=True, help_text=_("E.g. 1.2"))
    text = models.TextField(_("measure"), max_length=2000)
    responsible_body = models.CharField(_("responsible body"), max_length=250)
    deadline = models.DateField(
        _("deadline"), null=True, blank=True, help_text=_("Leave empty for a continuous measure.")
    )
    indicator = models.TextField(_("indicator"), max_length=1000, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("deadline")]),
        FieldPanel("text"),
        FieldPanel("responsible_body"),
        FieldPanel("indicator"),
        InlinePanel("progress", label=_("Status by reporting year")),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return f"{self.code} {self.text[:80]}".strip()


class MeasureProgress(Orderable):
    """Where a measure stood in one reporting year, as the implementation report says."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="progress")
    year = models.PositiveSmallIntegerField(_("reporting year"), validators=YEAR_VALIDATORS)
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("status in a reporting year")
        verbose_name_plural = _("status by reporting year")

    def __str__(self):
        return f"{self.year}: {self.get_status_display()}"
