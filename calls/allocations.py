"""Funding transparency: every award of every call with published results, their totals and open data.

One row per award, from the Cyrillic originals only (the Latin twin and the English
translation carry copies of the same rows, which must not be counted three times). Every
total is summed from these rows, so the page, the chart and the exports always agree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.redaction import without_contacts
from documents.library import localized_names
from home.i18n import in_current_language

from .models import Award, CallPage, FundingArea
from .money import format_rsd

LATIN = "sr-latn"
EXPORT_FIELDS = [
    "call",
    "call_url",
    "year",
    "areas",
    "organisation",
    "registration_number",
    "project",
    "amount_requested",
    "amount_awarded",
    "score",
]


@dataclass(frozen=True)
class Allocation:
    call: str
    call_url: str
    year: int
    areas: tuple[str, ...]
    area_ids: tuple[int, ...]
    organisation: str
    registration_number: str
    project: str
    amount_requested: Decimal
    amount_awarded: Decimal
    score: Decimal | None

    def as_export(self) -> dict:
        return {
            "call": self.call,
            "call_url": self.call_url,
            "year": self.year,
            "areas": "; ".join(self.areas),
            "organisation": self.organisation,
            "registration_number": self.registration_number,
            "project": self.project,
            "amount_requested": self.amount_requested,
            "amount_awarded": self.amount_awarded,
            "score": self.score,
        }


def published_calls(now=None):
    """Originals of the calls whose results are public."""
    return (
        CallPage.objects.live()
        .public()
        .with_results(now or timezone.now())
        .filter(locale__language_code=settings.LANGUAGE_CODE)
    )


def local_versions(originals: dict) -> dict:
    """Each call in the visitor's language; the Latin twin stands in for a missing English version."""
    language = get_language()
    if language == settings.LANGUAGE_CODE or not originals:
        return originals
    preference = [language] if language == LATIN else [language, LATIN]
    versions = {}
    translated = (
        CallPage.objects.live()
        .public()
        .filter(locale__language_code__in=preference, translation_key__in=list(originals))
        .select_related("locale")
    )
    for page in sorted(translated, key=lambda page: -preference.index(page.locale.language_code)):
        versions[page.translation_key] = page
    return {**originals, **versions}


def allocation_rows(request, now=None) -> list[Allocation]:
    """Every published award, newest call first; names in the visitor's language and script, never a contact."""
    awards = list(
        Award.objects.filter(page__in=published_calls(now).values("pk"))
        .select_related("page")
        .prefetch_related("page__areas")
        .order_by("-page__opens_at", "page_id", "sort_order", "pk")
    )
    originals = {award.page.translation_key: award.page for award in awards}
    local = local_versions(originals)
    urls = {key: request.build_absolute_uri(page.get_url(request)) for key, page in local.items()}
    titles = {
        key: page.title if page.locale_id != originals[key].locale_id else in_current_language(page.title)
        for key, page in local.items()
    }
    area_names = localized_names(FundingArea)
    rows = []
    for award in awards:
        call = award.page
        areas = sorted(call.areas.all(), key=lambda area: (area.sort_order, area.pk))
        rows.append(
            Allocation(
                call=without_contacts(titles[call.translation_key]),
                call_url=urls[call.translation_key],
                year=call.year,
                areas=tuple(area_names.get(area.pk, area.name) for area in areas),
                area_ids=tuple(area.pk for area in areas),
                organisation=without_contacts(in_current_language(award.organisation_name)),
                registration_number=award.registration_number,
                project=without_contacts(in_current_language(award.project_title)),
                amount_requested=award.amount_requested,
                amount_awarded=award.amount_awarded,
                score=award.score,
            )
        )
    return rows


@dataclass
class Total:
    key: object
    label: str
    count: int = 0
    requested: Decimal = Decimal(0)
    awarded: Decimal = Decimal(0)
    calls: set = field(default_factory=set)

    def add(self, row: Allocation) -> None:
        self.count += 1
        self.requested += row.amount_requested
        self.awarded += row.amount_awarded
        self.calls.add(row.call_url)

    @property
    def call_count(self) -> int:
        return len(self.calls)


@dataclass
class FundingSummary:
    rows: list[Allocation]
    total: Total
    by_year: list[Total]
    by_call: list[Total]
    by_area: list[Total]
    by_organisation: list[Total]


def largest_first(total: Total):
    return (-total.awarded, total.label)


def funding_summary(rows: list[Allocation]) -> FundingSummary:
    total = Total(key=None, label=_("All calls"))
    years: dict[int, Total] = {}
    calls: dict[str, Total] = {}
    areas: dict[int | None, Total] = {}
    organisations: dict[str, Total] = {}
    for row in rows:
        total.add(row)
        years.setdefault(row.year, Total(row.year, str(row.year))).add(row)
        calls.setdefault(row.call_url, Total(row.call_url, row.call)).add(row)
        # A call in several areas counts in each of them.
        for area_id, name in list(zip(row.area_ids, row.areas, strict=True)) or [(None, _("No area given"))]:
            areas.setdefault(area_id, Total(area_id, name)).add(row)
        organisations.setdefault(row.registration_number, Total(row.registration_number, row.organisation)).add(row)
    return FundingSummary(
        rows=rows,
        total=total,
        by_year=sorted(years.values(), key=lambda item: -item.key),
        by_call=list(calls.values()),  # rows come newest call first
        by_area=sorted(areas.values(), key=largest_first),
        by_organisation=sorted(organisations.values(), key=largest_first),
    )


# --------------------------------------------------------------------------
# The chart: horizontal bars drawn on the server, no script
# --------------------------------------------------------------------------

CHART_WIDTH = 640
LABEL_WIDTH = 64
VALUE_SPACE = 190
ROW_HEIGHT = 40
BAR_HEIGHT = 24


@dataclass(frozen=True)
class Bar:
    label: str
    value_label: str
    y: int
    width: int
    text_y: int
    value_x: int


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    bar_x: int
    bar_height: int
    bars: list[Bar]


def year_chart(by_year: list[Total]) -> Chart | None:
    if not by_year:
        return None
    largest = max(total.awarded for total in by_year) or Decimal(1)
    room = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE
    bars = []
    for position, total in enumerate(by_year):
        top = position * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2
        width = max(int(room * total.awarded / largest), 1 if total.awarded else 0)
        bars.append(
            Bar(
                label=total.label,
                value_label=format_rsd(total.awarded),
                y=top,
                width=width,
                text_y=top + BAR_HEIGHT // 2 + 5,
                value_x=LABEL_WIDTH + width + 8,
            )
        )
    return Chart(
        title=_("Amount awarded per year"),
        width=CHART_WIDTH,
        height=len(bars) * ROW_HEIGHT,
        bar_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        bars=bars,
    )
