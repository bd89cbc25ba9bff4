"""Events: round tables, conferences, trainings, info days and public hearings of the office."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet

from core.fields import document_list, optional_link
from core.pages import ListingPage
from core.search_fields import filterable, searchable
from home.blocks import BodyBlock
from home.models import SitePage

from .documents import public_documents

PER_PAGE = 12
# What an event may belong to: a consultation's public hearing, a call's info day.
RELATED_PAGE_TYPES = ["consultations.ConsultationPage", "calls.CallPage"]


def is_allowed_related_page(page) -> bool:
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    return f"{content_type.app_label}.{content_type.model}" in {label.lower() for label in RELATED_PAGE_TYPES}


class EventFormat(models.TextChoices):
    ROUND_TABLE = "round_table", _("round table")
    CONFERENCE = "conference", _("conference")
    TRAINING = "training", _("training")
    INFO_DAY = "info_day", _("info day")
    PUBLIC_HEARING = "public_hearing", _("public hearing")


class EventQuerySet(PageQuerySet):
    """An event is upcoming until it ends, then past."""

    def upcoming(self, now=None):
        return self.filter(ends_at__gt=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lte=now or timezone.now())


class EventIndexPage(ListingPage, SitePage):
    """Upcoming events (soonest first) and past ones (latest first), with format and year filters."""

    subpage_types = ["news.EventPage"]

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def listing(self, request) -> dict:
        from news.calendar import calendar_url
        from news.listing import EventQuery, event_facets, events_for_index, paginate

        query = EventQuery.from_params(request.GET)
        events = events_for_index(self)
        selected = query.filter(events)
        now = timezone.now()
        return {
            "query": query,
            "facets": event_facets(events, query),
            "upcoming": list(selected.upcoming(now).order_by("starts_at", "pk")[: query.MAX_UPCOMING]),
            "past": paginate(selected.past(now).order_by("-starts_at", "-pk"), request.GET.get("page"), PER_PAGE),
            "calendar_url": calendar_url(request),
        }


class EventPage(SitePage):
    """One event: when, where, what kind, the agenda, and the materials once it is over."""

    # What the public search sorts and groups this page by (year facet, newest first).
    search_date_field = "starts_at"
    # Upcoming events become past ones at a set time: cached listings expire then (core/page_cache).
    page_cache_clock_fields = ("starts_at", "ends_at")

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(
        _("place"), max_length=250, help_text=_("Address or venue; 'online' for a web meeting (no private links).")
    )
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences: shown in listings and calendars.")
    )
    agenda = StreamField(BodyBlock(), blank=True, verbose_name=_("agenda"))
    materials = document_list(
        _("materials"), _("Presentations, minutes, conclusions: documents from the registry, added after the event.")
    )
    related_page = optional_link(
        "wagtailcore.Page", _("belongs to"), help_text=_("The consultation or public call this event is part of.")
    )

    objects = PageManager.from_queryset(EventQuerySet)()

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    content_panels = SitePage.content_panels + [
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], _("When")),
        FieldPanel("place"),
        FieldPanel("format"),
        FieldPanel("lead"),
        FieldPanel("agenda"),
        FieldPanel("materials"),
        PageChooserPanel("related_page", RELATED_PAGE_TYPES),
    ]
    search_fields = SitePage.search_fields + [
        *searchable("lead", "place", "agenda"),
        *filterable("starts_at", "ends_at", "format"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
        if self.related_page_id and not is_allowed_related_page(self.related_page):
            raise ValidationError({"related_page": _("Choose a consultation or a public call.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            state=self.state(),
            materials=public_documents(self.materials),
            related=self.related,
            ics_url=reverse("news:event_calendar", kwargs={"event_id": self.pk}),
            index_url=self.get_parent().get_url(request),
        )
        return context

    def state(self, now=None) -> str:
        """ "upcoming" until it starts, "ongoing" while it runs, then "past"."""
        now = now or timezone.now()
        if now < self.starts_at:
            return "upcoming"
        return "ongoing" if now < self.ends_at else "past"

    def is_upcoming(self, now=None) -> bool:
        return self.ends_at > (now or timezone.now())

    def is_ongoing(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at

    @property
    def ends_same_day(self) -> bool:
        return timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    @property
    def related(self):
        """The consultation or call in the visitor's language where it is translated, else the original."""
        if self.related_page is None or not self.related_page.live:
            return None
        return self.related_page.localized
