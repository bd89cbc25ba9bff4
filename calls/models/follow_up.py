"""What happens after an award: the payments, the reports due, and funding that came through no call.

Payments and reports hang on an award (a results row of a call) and are edited in the award
follow-up admin (calls/admin_views.py), not in the call's page form: see Award.save for why
publishing the call again keeps them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from core.fields import optional_link
from core.redaction import no_contact_data
from core.registry_numbers import validate_registration_number

from .calls import Award, in_default_locale, money_field, organisation_name_field, registration_number_field
from .snippets import FundingArea


class AwardPayment(Orderable):
    """One transfer of the awarded money to the organisation (a first instalment, the rest after a report)."""

    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="payments")
    amount = money_field(_("amount paid (RSD)"))
    paid_on = models.DateField(_("paid on"))
    note = models.CharField(_("note"), max_length=250, blank=True, validators=[no_contact_data])

    panels = [FieldRowPanel([FieldPanel("amount"), FieldPanel("paid_on")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self):
        return f"{self.amount} ({self.paid_on})"


class ReportKind(models.TextChoices):
    NARRATIVE = "narrative", _("narrative report")
    FINANCIAL = "financial", _("financial report")


class AwardReportQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Reports past their due date and not received yet."""
        return self.filter(received_on__isnull=True, due_on__lt=today or timezone.localdate())


class AwardReport(Orderable):
    """A report the organisation owes on the programme: when it is due, when it came, the document filed."""

    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=20, choices=ReportKind.choices)
    due_on = models.DateField(_("due on"))
    received_on = models.DateField(_("received on"), null=True, blank=True, help_text=_("Empty until it arrives."))
    document = optional_link(
        "documents.RegistryDocument", _("document"), help_text=_("The report as filed in the document registry.")
    )

    objects = AwardReportQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("due_on"), FieldPanel("received_on")]),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.due_on})"


class DirectFunding(models.Model):
    """Money given to an organisation without a public call (a direct grant, another city body), with its legal basis.

    Counted in the funding totals and exports beside the awards, marked as not through a call.
    """

    organisation_name = organisation_name_field()
    registration_number = registration_number_field(validate_registration_number)
    purpose = models.CharField(_("purpose"), max_length=300, validators=[no_contact_data])
    amount = money_field(_("amount granted (RSD)"))
    amount_paid = money_field(_("amount paid (RSD)"), default=0)
    granted_on = models.DateField(_("granted on"))
    area = models.ForeignKey(
        FundingArea,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="direct_funding",
        limit_choices_to=in_default_locale,
    )
    legal_basis = models.TextField(
        _("legal basis"), max_length=1000, help_text=_("The act and article the money was given under.")
    )
    funder = models.CharField(
        _("funder"),
        max_length=250,
        validators=[no_contact_data],
        help_text=_("E.g. the City Administration for Culture."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("organisation_name"), FieldPanel("registration_number")], _("Organisation")),
        FieldPanel("purpose"),
        FieldPanel("funder"),
        FieldPanel("legal_basis"),
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("amount_paid"), FieldPanel("granted_on")]),
    ]

    class Meta:
        verbose_name = _("funding outside calls")
        verbose_name_plural = _("funding outside calls")
        ordering = ["-granted_on", "pk"]

    def __str__(self):
        return f"{self.organisation_name}: {self.purpose}"

    def clean(self):
        super().clean()
        if self.amount is not None and self.amount_paid is not None and self.amount_paid > self.amount:
            raise ValidationError({"amount_paid": _("The amount paid cannot exceed the amount granted.")})
