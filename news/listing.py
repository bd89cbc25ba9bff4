"""The news and events listings: what a visitor asked for, the filter options, fixed queries per page."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import CharField, Count, Exists, ExpressionWrapper, F, OuterRef, Prefetch
from django.db.models.functions import ExtractYear

from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from core.facets import FacetOption
from core.filters import ListingFilters
from core.params import clean_text, parse_year
from core.untranslated import listed_children
from home.i18n import in_current_language

from .models import EventFormat, EventPage, NewsPage, NewsPageTag

# The lead image as listings show it: one rendition, fetched with the images.
THUMBNAIL = "fill-480x270"
MAX_TOPIC_LENGTH = 100


def public(pages):
    """Like `PageQuerySet.public()` (no view restriction on the page or above it), within the same query.

    Wagtail's version reads every restriction first, one more query for each list; the home
    page shows several lists on every visit.
    """
    restrictions = PageViewRestriction.objects.annotate(
        listed_path=ExpressionWrapper(OuterRef("path"), output_field=CharField())
    ).filter(listed_path__startswith=F("page__path"))
    return pages.exclude(Exists(restrictions))


def paginate(queryset, number, per_page: int):
    return Paginator(queryset, per_page).get_page(number)


def year_options(rows, selected: int | None) -> list[FacetOption]:
    return [FacetOption(str(row["year"]), str(row["year"]), row["n"], row["year"] == selected) for row in rows]


# --------------------------------------------------------------------------
# News
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsQuery(ListingFilters):
    """A visitor's filters, cleaned: anything malformed is ignored, never an error page."""

    lookups = {"topic": "tagged_items__tag__slug", "year": "date__year"}

    topic: str = ""
    year: int | None = None

    @classmethod
    def from_params(cls, params) -> "NewsQuery":
        return cls(topic=clean_text(params.get("topic"), MAX_TOPIC_LENGTH), year=parse_year(params.get("year")))

    def filter(self, news):
        return super().filter(news).order_by("-date", "-pk")


def news_for_index(index):
    return public(listed_children(NewsPage, index).live())


def news_cards(news):
    """What a card shows (topics, lead image and its thumbnail) fetched in bulk: two queries for any number."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=THUMBNAIL)
    return news.select_related("locale", "lead_image").prefetch_related(
        Prefetch("tagged_items", queryset=NewsPageTag.objects.select_related("tag")),
        Prefetch("lead_image__renditions", queryset=renditions),
    )


@dataclass
class NewsFacets:
    topics: list[FacetOption]
    years: list[FacetOption]


def news_facets(news, query: NewsQuery) -> NewsFacets:
    pages = news.order_by().values("pk")
    topics = (
        Tag.objects.filter(news_newspagetag_items__content_object__in=pages)
        .values("slug", "name")
        .annotate(n=Count("pk"))
        .order_by("name")
    )
    years = news.order_by().values(year=ExtractYear("date")).annotate(n=Count("pk")).order_by("-year")
    return NewsFacets(
        topics=[
            FacetOption(topic["slug"], in_current_language(topic["name"]), topic["n"], topic["slug"] == query.topic)
            for topic in topics
        ],
        years=year_options(years, query.year),
    )


def latest_news(locale, count: int):
    return (
        public(NewsPage.objects.live()).filter(locale=locale).select_related("locale").order_by("-date", "-pk")[:count]
    )


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class EventQuery(ListingFilters):
    lookups = {"format": "format", "year": "starts_at__year"}

    format: str = ""
    year: int | None = None

    # Upcoming events are few; past ones are paginated.
    MAX_UPCOMING = 50

    @classmethod
    def from_params(cls, params) -> "EventQuery":
        event_format = params.get("format", "")
        return cls(
            format=event_format if event_format in EventFormat.values else "",
            year=parse_year(params.get("year")),
        )


def events_for_index(index):
    return public(listed_children(EventPage, index).live()).select_related("locale")


@dataclass
class EventFacets:
    formats: list[FacetOption]
    years: list[FacetOption]


def event_facets(events, query: EventQuery) -> EventFacets:
    """Formats and years that have events, with their counts: one grouped query."""
    rows = events.order_by().annotate(year=ExtractYear("starts_at")).values("format", "year").annotate(n=Count("pk"))
    formats, years = {}, {}
    for row in rows:
        formats[row["format"]] = formats.get(row["format"], 0) + row["n"]
        years[row["year"]] = years.get(row["year"], 0) + row["n"]
    return EventFacets(
        formats=[
            FacetOption(value, str(label), formats[value], value == query.format)
            for value, label in EventFormat.choices
            if value in formats
        ],
        years=[
            FacetOption(str(year), str(year), n, year == query.year) for year, n in sorted(years.items(), reverse=True)
        ],
    )


def upcoming_events(locale, count: int, now=None):
    return (
        public(EventPage.objects.live())
        .upcoming(now)
        .filter(locale=locale)
        .select_related("locale")
        .order_by("starts_at", "pk")[:count]
    )
