from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager, PageQuerySet
from wagtail.search import index

from core.fields import optional_link
from core.pages import ListingPage
from core.search_fields import filterable, searchable
from home.blocks import BodyBlock
from home.models import SitePage
from strategies.forms import StrategyPageForm

from .measures import YEAR_VALIDATORS


class StrategyStatus(models.TextChoices):
    IN_PREPARATION = "in_preparation", _("in preparation")
    IN_CONSULTATION = "in_consultation", _("in public consultation")
    ADOPTED = "adopted", _("adopted")
    EXPIRED = "expired", _("expired")


class DocumentRole(models.TextChoices):
    STRATEGY = "strategy", _("text of the strategy")
    ACTION_PLAN = "action_plan", _("action plan")
    REPORT = "report", _("implementation report")
    OTHER = "other", _("other document")


class StrategyQuerySet(PageQuerySet):
    def with_status(self, status: str):
        return self.filter(status=status) if status else self

    def newest_period_first(self):
        return self.order_by("-start_year", "-end_year", "title")

    def in_effect(self, now=None):
        """Adopted strategies whose period covers the current year (Europe/Belgrade)."""
        year = timezone.localdate(now or timezone.now()).year
        return self.filter(status=StrategyStatus.ADOPTED, start_year__lte=year, end_year__gte=year)


class StrategyIndexPage(ListingPage, SitePage):
    """All strategies of the office's area, newest period first, filterable by status."""

    subpage_types = ["strategies.StrategyPage"]

    class Meta:
        verbose_name = _("strategy index")
        verbose_name_plural = _("strategy indexes")

    def listing(self, request) -> dict:
        from strategies.listing import StrategyQuery, strategies_for_index

        query = StrategyQuery.from_params(request.GET)
        return {"query": query, "strategies": strategies_for_index(self, query, request.GET.get("page"))}


class StrategyPage(SitePage):
    """A strategy with its period, adoption, goals, documents and action-plan measures."""

    # What the public search sorts and groups this page by (year facet, newest first).
    search_date_field = "adoption_date"

    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    status = models.CharField(
        _("status"), max_length=20, choices=StrategyStatus.choices, default=StrategyStatus.IN_PREPARATION
    )
    adopting_body = models.CharField(
        _("adopting body"), max_length=250, blank=True, help_text=_("E.g. Влада Републике Србије")
    )
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    summary = models.TextField(_("summary"), max_length=3000)
    goals = StreamField(BodyBlock(), blank=True, verbose_name=_("goals"))
    consultation = optional_link(
        "consultations.ConsultationPage",
        _("public consultation"),
        help_text=_("The consultation on the draft of this strategy, if there was one."),
    )

    objects = PageManager.from_queryset(StrategyQuerySet)()
    base_form_class = StrategyPageForm

    parent_page_types = ["strategies.StrategyIndexPage"]
    subpage_types = []

    content_panels = SitePage.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")])], _("Period")),
        FieldPanel("status"),
        MultiFieldPanel([FieldPanel("adopting_body"), FieldPanel("adoption_date")], _("Adoption")),
        FieldPanel("summary"),
        FieldPanel("goals"),
        InlinePanel("documents", label=_("Documents from the registry")),
        FieldPanel("consultation"),
        InlinePanel("measures", label=_("Action-plan measures")),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("summary", "goals", "adopting_body"),
        *filterable("status", "start_year"),
        index.RelatedFields("measures", searchable("text", "responsible_body")),
    ]

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.start_year > self.end_year:
            errors["end_year"] = _("The last year cannot come before the first year.")
        if self.status in (StrategyStatus.ADOPTED, StrategyStatus.EXPIRED) and not self.adoption_date:
            errors["adoption_date"] = _("An adopted strategy needs its adoption date.")
        if errors:
            raise ValidationError(errors)

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"

    def is_in_effect(self, now=None) -> bool:
        year = timezone.localdate(now or timezone.now()).year
        return self.status == StrategyStatus.ADOPTED and self.start_year <= year <= self.end_year

    def get_context(self, request, *args, **kwargs):
        from strategies.progress import measure_table

        context = super().get_context(request, *args, **kwargs)
        consultation = self.localized_consultation()
        context.update(
            documents=self.public_documents(),
            consultation=consultation,
            consultation_state=consultation.state_label() if consultation else "",
            measure_table=measure_table(self),
        )
        return context

    def public_documents(self) -> list:
        """Linked registry documents a visitor may open, in the editor's order."""
        links = self.documents.all()
        # Saved links are filtered in SQL; a preview's links are the editor's, held in memory.
        if isinstance(links, models.QuerySet):
            return list(links.select_related("document").filter(document__in=get_document_model().objects.public()))
        visible = set(get_document_model().public_among(link.document for link in links if link.document_id))
        return [link for link in links if link.document_id and link.document in visible]

    def localized_consultation(self):
        """The linked consultation in the visitor's language where it exists, if it is live."""
        if not self.consultation_id:
            return None
        consultation = self.consultation
        if not consultation.live:
            return None
        return consultation.localized.specific


class StrategyDocument(Orderable):
    """A registry document belonging to the strategy: its text, an action plan, a report."""

    page = ParentalKey(StrategyPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "documents.RegistryDocument", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=DocumentRole.choices, default=DocumentRole.STRATEGY)

    panels = [FieldPanel("role"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return f"{self.get_role_display()}: {self.document}"
