"""The calls index: what a visitor asked for (year, area) and the list, in a fixed number of queries."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core.facets import FacetOption
from core.filters import ListingFilters
from core.params import database_id, parse_year
from core.untranslated import listed_children
from documents.library import localized_names

from .models import CallPage, CallStatus, FundingArea

PER_PAGE = 10
OPEN, ANNOUNCED, PAST = 0, 1, 2


@dataclass(frozen=True)
class CallQuery(ListingFilters):
    """A visitor's filters, cleaned: anything malformed is ignored, never an error page."""

    lookups = {"year": "opens_at__year", "area": "areas"}

    year: int | None = None
    area: int | None = None

    @classmethod
    def from_params(cls, params) -> "CallQuery":
        return cls(year=parse_year(params.get("year")), area=database_id(params.get("area")))


def area_names(areas) -> list[str]:
    """Names of a call's areas in the current language (calls point at the Cyrillic originals)."""
    names = localized_names(FundingArea)
    return [names.get(area.pk, area.name) for area in areas]


def in_listing_order(calls, now):
    """Open calls first (soonest deadline first), then announced (soonest opening), then past (latest first)."""
    group = Case(
        When(opens_at__lte=now, closes_at__gt=now, then=Value(OPEN)),
        When(opens_at__gt=now, then=Value(ANNOUNCED)),
        default=Value(PAST),
        output_field=IntegerField(),
    )
    return (
        calls.annotate(listing_group=group)
        .annotate(
            listing_time=Case(
                When(listing_group=OPEN, then=F("closes_at")),
                When(listing_group=ANNOUNCED, then=F("opens_at")),
                default=None,
            )
        )
        .order_by("listing_group", F("listing_time").asc(nulls_last=True), "-closes_at", "pk")
    )


def calls_for_index(index, query: CallQuery, page_number) -> dict:
    now = timezone.now()
    calls = listed_children(CallPage, index).live().public()
    # Both facets from one query: every (year, area) pair that occurs.
    pairs = set(
        calls.annotate(opening_year=ExtractYear("opens_at")).order_by().values_list("opening_year", "areas").distinct()
    )
    names = localized_names(FundingArea)
    selected = query.filter(calls).with_status_facts().prefetch_related("areas")
    results = Paginator(in_listing_order(selected, now), PER_PAGE).get_page(page_number)
    for call in results:
        call.current_status = call.status(now)
        call.current_status_label = CallStatus(call.current_status).label
        call.area_names = [names.get(area.pk, area.name) for area in call.areas.all()]
    return {
        "query": query,
        "results": results,
        "years": [
            FacetOption(str(year), str(year), 0, year == query.year)
            for year in sorted({year for year, _area in pairs}, reverse=True)
        ],
        "areas": [
            FacetOption(str(area), name, 0, area == query.area)
            for area, name in sorted(
                {(area, names.get(area, "?")) for _year, area in pairs if area}, key=lambda pair: pair[1]
            )
        ],
    }
