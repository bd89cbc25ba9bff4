from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail_localize.fields import SynchronizedField

from core.fields import document_list, optional_link
from core.pages import ListingPage
from core.periods import PeriodMixin, PeriodQuerySetMixin
from core.redaction import no_contact_data
from core.registry_numbers import validate_registration_number
from core.search_fields import searchable
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.models import SitePage

from .snippets import FundingArea

NOT_NEGATIVE = MinValueValidator(Decimal("0"))
REGISTRATION_NUMBER = RegexValidator(r"^\d{8}\Z", _("A registration number has exactly 8 digits."))


def money_field(verbose_name, **kwargs):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, validators=[NOT_NEGATIVE], **kwargs)


# Who received the money, as the public registers name it: an award of a call and funding outside calls alike.
def organisation_name_field():
    return models.CharField(_("organisation"), max_length=250, validators=[no_contact_data])


def registration_number_field(validator):
    """The organisation's number in the public register; `validator` is the check its model runs on the field."""
    return models.CharField(
        _("registration number"),
        max_length=8,
        validators=[validator],
        help_text=_("The organisation's 8-digit registration number in the public register."),
    )


def in_default_locale():
    """Calls point at the original (Cyrillic) areas; their twins are found by translation key."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class CallKind(models.TextChoices):
    PROGRAMMES = "programmes", _("financing of programmes")
    PROJECTS = "projects", _("financing of projects")
    OTHER = "other", _("other support")


class CallStatus(models.TextChoices):
    ANNOUNCED = "announced", _("announced")
    OPEN = "open", _("open for applications")
    CLOSED = "closed", _("closed")
    RESULTS = "results", _("results published")


def has_award_rows():
    return Exists(Award.objects.filter(page=OuterRef("pk")))


class CallQuerySet(PeriodQuerySetMixin, PageQuerySet):
    """A call's status follows from its dates, and from its published results."""

    announced = PeriodQuerySetMixin.not_open_yet

    def closed(self, now=None):
        """Closed, results not published yet."""
        now = now or timezone.now()
        return self.filter(closes_at__lte=now).exclude(has_award_rows(), results_published_at__lte=now)

    def with_results(self, now=None):
        now = now or timezone.now()
        return self.filter(has_award_rows(), closes_at__lte=now, results_published_at__lte=now)

    def with_status_facts(self):
        """Everything `status()` needs, so a listing asks nothing per call."""
        return self.annotate(has_awards=has_award_rows())


class CallIndexPage(ListingPage, SitePage):
    """Every public call, open ones first, with filters by year and area."""

    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = _("call index")
        verbose_name_plural = _("call indexes")

    def listing(self, request) -> dict:
        from calls.listing import CallQuery, calls_for_index

        return calls_for_index(self, CallQuery.from_params(request.GET), request.GET.get("page"))


class CallPage(PeriodMixin, SitePage):
    """A public call (јавни конкурс) for financing programmes or projects of civil society organisations."""

    # What the public search sorts and groups this page by (year facet, newest first).
    search_date_field = "opens_at"
    # A call opens, closes and publishes its results at set times: cached pages expire then (core/page_cache).
    page_cache_clock_fields = ("opens_at", "closes_at", "results_published_at")
    # Its pages say how long is left ("5 days left", core/countdown.py): cached no longer than that is true.
    page_cache_countdown_fields = ("closes_at",)

    kind = models.CharField(_("kind"), max_length=20, choices=CallKind.choices, default=CallKind.PROGRAMMES)
    summary = models.TextField(
        _("summary"), max_length=2000, help_text=_("Who may apply, for what and until when, in two or three sentences.")
    )
    legal_basis = models.TextField(
        _("legal basis"), max_length=1000, help_text=_("E.g. Закон о удружењима, члан 38; Уредба …")
    )
    budget_line = models.CharField(
        _("budget line"), max_length=250, blank=True, help_text=_("Section, programme and economic classification.")
    )
    total_amount = money_field(_("total amount (RSD)"))
    max_per_project = money_field(
        _("maximum per programme or project (RSD)"),
        null=True,
        blank=True,
        help_text=_("Leave empty if the call sets no maximum."),
    )
    areas = ParentalManyToManyField(
        FundingArea,
        verbose_name=_("areas"),
        blank=True,
        related_name="calls",
        limit_choices_to=in_default_locale,
    )
    eligibility = RichTextField(_("who may apply"), features=RICH_TEXT_FEATURES)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"), help_text=_("The deadline for applications, Belgrade time."))
    application_documents = document_list(
        _("application documents"), _("The call's text and the forms applicants download, from the document registry.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more about the call"))
    results_published_at = models.DateTimeField(
        _("results published at"),
        null=True,
        blank=True,
        help_text=_("Set when the allocation is decided; the results table becomes public then."),
    )
    decision = optional_link("documents.RegistryDocument", _("decision on allocation"))
    results_note = models.TextField(_("results: introduction"), max_length=3000, blank=True)

    objects = PageManager.from_queryset(CallQuerySet)()

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    # wagtail-localize skips many-to-many fields; the twins share the original's areas.
    override_translatable_fields = [SynchronizedField("areas", overridable=False)]

    content_panels = SitePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("legal_basis"),
                FieldPanel("budget_line"),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
            ],
            _("About the call"),
        ),
        MultiFieldPanel([FieldPanel("total_amount"), FieldPanel("max_per_project")], _("Funds")),
        MultiFieldPanel([FieldPanel("opens_at"), FieldPanel("closes_at")], _("Application period")),
        FieldPanel("eligibility"),
        FieldPanel("application_documents"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("results_published_at"), FieldPanel("decision"), FieldPanel("results_note")], _("Results")
        ),
        InlinePanel("awards", label=_("Awards")),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("summary", "legal_basis", "eligibility", "body"),
        # The award rows only once the results are public: until then they are the office's working data.
        *searchable("public_award_text"),
    ]

    class Meta:
        verbose_name = _("public call")
        verbose_name_plural = _("public calls")

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("The call must close after it opens.")
        if self.max_per_project is not None and self.total_amount is not None:
            if self.max_per_project > self.total_amount:
                errors["max_per_project"] = _("The maximum per programme or project cannot exceed the total amount.")
        if self.results_published_at and self.closes_at and self.results_published_at < self.closes_at:
            errors["results_published_at"] = _("Results can be published only after the call closes.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_results_rows(self) -> bool:
        annotated = getattr(self, "has_awards", None)
        return annotated if annotated is not None else self.awards.exists()

    def status(self, now=None) -> str:
        now = now or timezone.now()
        status = self.period_phase(now, before=CallStatus.ANNOUNCED, during=CallStatus.OPEN, after=CallStatus.CLOSED)
        results_due = self.results_published_at and self.results_published_at <= now
        if status == CallStatus.CLOSED and results_due and self.has_results_rows:
            return CallStatus.RESULTS
        return status

    def public_award_text(self) -> str:
        """Who was awarded what, for search; empty until the results are published."""
        if self.status() != CallStatus.RESULTS:
            return ""
        return " ".join(f"{award.organisation_name} {award.project_title}" for award in self.awards.all())

    def status_label(self, now=None) -> str:
        return CallStatus(self.status(now)).label

    def is_open(self, now=None) -> bool:
        return self.status(now) == CallStatus.OPEN

    @property
    def year(self) -> int:
        """The call's year: when it opened, in Belgrade."""
        return timezone.localtime(self.opens_at).year

    def ordered_awards(self) -> list:
        # Rows added outside the admin may have no sort order; keep them in the order they were added.
        return sorted(
            self.awards.all(), key=lambda award: (award.sort_order is None, award.sort_order or 0, award.pk or 0)
        )

    def get_context(self, request, *args, **kwargs):
        from calls.listing import area_names

        context = super().get_context(request, *args, **kwargs)
        status = self.status()
        awards = self.ordered_awards() if status == CallStatus.RESULTS else []
        context.update(
            status=status,
            area_names=area_names(self.areas.all()),
            documents=get_document_model().public_among(block.value for block in self.application_documents),
            awards=awards,
            awarded_total=sum((award.amount_awarded for award in awards), Decimal(0)),
        )
        return context


# A row of a call's results table as the public sees it (on the call's page and on organisations' pages).
RESULT_ROW_FIELDS = (
    "organisation_name",
    "registration_number",
    "project_title",
    "amount_requested",
    "amount_awarded",
    "score",
)
# Who owns which part of an award (Award.save): the call's page form, or the follow-up admin.
PAGE_FIELDS = ("page", "sort_order", *RESULT_ROW_FIELDS)
FOLLOW_UP_FIELDS = ("contract_number", "contract_signed_on", "results_assessment", "payments", "reports")


class Award(ClusterableModel, Orderable):
    """One row of a call's results: who received how much for what, and what came of it.

    Organisations' names and registration numbers are public registry data; there are
    no contact fields, and the text fields refuse e-mail addresses and phone numbers.
    The follow-up (contract, payments, reports, the office's assessment) is edited in
    its own admin (calls/admin_views.py), not in the call's page form; see `save`.
    """

    page = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="awards")
    organisation_name = organisation_name_field()
    registration_number = registration_number_field(REGISTRATION_NUMBER)
    project_title = models.CharField(_("programme or project"), max_length=300, validators=[no_contact_data])
    amount_requested = money_field(_("amount requested (RSD)"))
    amount_awarded = money_field(_("amount awarded (RSD)"))
    score = models.DecimalField(
        _("score"), max_digits=5, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    # The follow-up, recorded after the allocation (payments and reports: calls/models/follow_up.py).
    contract_number = models.CharField(_("contract number"), max_length=100, blank=True)
    contract_signed_on = models.DateField(_("contract signed on"), null=True, blank=True)
    results_assessment = models.TextField(
        _("results as assessed by the office"), max_length=3000, blank=True, validators=[no_contact_data]
    )

    # The call's page form edits the results row, and so owns it (PAGE_FIELDS).
    panels = [FieldPanel(name) for name in RESULT_ROW_FIELDS]

    class Meta(Orderable.Meta):
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self):
        return f"{self.organisation_name}: {self.project_title}"

    def registration_number_errors(self) -> dict:
        """The registration number's check digit (the field's own validator checks its 8 digits).

        Checked in `clean` rather than among the field's validators, whose change would be a schema migration.
        """
        if not REGISTRATION_NUMBER.regex.match(self.registration_number or ""):
            return {}
        try:
            validate_registration_number(self.registration_number)
        except ValidationError as error:
            return {"registration_number": error.messages}
        return {}

    def save(self, *args, **kwargs):
        """Save only what the saving side owns, so neither side overwrites the other's newer data.

        Publishing a call saves its awards from the page revision, which holds the follow-up as
        it was when the revision was made; the follow-up admin sets `saving_follow_up`.
        """
        if kwargs.get("update_fields") is None and self.pk is not None:
            owned = FOLLOW_UP_FIELDS if getattr(self, "saving_follow_up", False) else PAGE_FIELDS
            if type(self).objects.filter(pk=self.pk).exists():
                kwargs["update_fields"] = owned
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = self.registration_number_errors()
        if self.amount_awarded is not None and self.amount_requested is not None:
            if self.amount_awarded > self.amount_requested:
                errors["amount_awarded"] = _("The amount awarded cannot exceed the amount requested.")
        if errors:
            raise ValidationError(errors)
