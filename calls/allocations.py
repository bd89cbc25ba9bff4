"""Funding transparency: every award of every call with published results, their totals and open data.

One row per award, from the Cyrillic originals only (the Latin twin and the English
translation carry copies of the same rows, which must not be counted three times), and one
row per grant given outside the calls (DirectFunding), marked as such. Every total is summed
from these rows, so the page, the chart, the yearly report and the exports always agree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import DecimalField, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.redaction import without_contacts
from documents.library import localized_names
from home.i18n import in_current_language

from .chart import year_chart  # noqa: F401  (the transparency page's chart, with the rows it draws)
from .models import Award, AwardPayment, AwardReport, CallPage, DirectFunding, FundingArea, ReportKind

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
    "amount_paid",
    "score",
    "through_call",
    "funder",
    "legal_basis",
]
# Where grants given outside the calls are grouped among the calls.
OUTSIDE_CALLS = "outside-calls"


@dataclass(frozen=True)
class OverdueReport:
    kind: str
    due_on: object


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
    amount_requested: Decimal | None
    amount_awarded: Decimal
    score: Decimal | None
    amount_paid: Decimal = Decimal(0)
    through_call: bool = True
    funder: str = ""
    legal_basis: str = ""
    overdue_reports: tuple[OverdueReport, ...] = ()

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
            "amount_paid": self.amount_paid,
            "score": self.score,
            "through_call": self.through_call,
            "funder": self.funder,
            "legal_basis": self.legal_basis,
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


def paid_so_far():
    """The sum of an award's payments, as a subquery (no query per award)."""
    payments = AwardPayment.objects.filter(award=OuterRef("pk")).order_by().values("award")
    paid = Subquery(payments.annotate(total=Sum("amount")).values("total"))
    return Coalesce(paid, Value(Decimal(0)), output_field=DecimalField(max_digits=16, decimal_places=2))


def published_awards(now=None):
    """The awards of the calls whose results are public, with what was paid and the reports overdue."""
    overdue = AwardReport.objects.overdue(timezone.localdate(now)).order_by("due_on", "pk")
    return (
        Award.objects.filter(page__in=published_calls(now).values("pk"))
        .annotate(paid_total=paid_so_far())
        .select_related("page")
        .prefetch_related("page__areas", Prefetch("reports", queryset=overdue, to_attr="overdue"))
        .order_by("-page__opens_at", "page_id", "sort_order", "pk")
    )


def overdue_of(award) -> tuple[OverdueReport, ...]:
    return tuple(OverdueReport(str(ReportKind(report.kind).label), report.due_on) for report in award.overdue)


def award_rows(request, now=None) -> list[Allocation]:
    """Every published award, newest call first; names in the visitor's language and script, never a contact."""
    awards = list(published_awards(now))
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
                amount_paid=award.paid_total,
                overdue_reports=overdue_of(award),
            )
        )
    return rows


def direct_funding_rows() -> list[Allocation]:
    """Every grant given outside the calls, newest first, marked as not through a call."""
    area_names = localized_names(FundingArea)
    return [
        Allocation(
            call="",
            call_url="",
            year=grant.granted_on.year,
            areas=(area_names.get(grant.area_id, ""),) if grant.area_id else (),
            area_ids=(grant.area_id,) if grant.area_id else (),
            organisation=without_contacts(in_current_language(grant.organisation_name)),
            registration_number=grant.registration_number,
            project=without_contacts(in_current_language(grant.purpose)),
            amount_requested=None,
            amount_awarded=grant.amount,
            score=None,
            amount_paid=grant.amount_paid,
            through_call=False,
            funder=without_contacts(in_current_language(grant.funder)),
            legal_basis=without_contacts(in_current_language(grant.legal_basis)),
        )
        for grant in DirectFunding.objects.order_by("-granted_on", "pk")
    ]


def allocation_rows(request, now=None) -> list[Allocation]:
    """The awards of every published call, then the grants given outside the calls."""
    return award_rows(request, now) + direct_funding_rows()


def overdue_reports(rows: list[Allocation]) -> list[tuple[Allocation, OverdueReport]]:
    """Each report past its due date and not received, with its award's row; the longest overdue first."""
    pairs = [(row, report) for row in rows for report in row.overdue_reports]
    return sorted(pairs, key=lambda pair: (pair[1].due_on, pair[0].organisation))


@dataclass(kw_only=True)
class FundingSums:
    """The sums of funding rows: how many, requested, awarded, paid, and in how many calls.

    A row is anything with `amount_requested` (None outside calls), `amount_awarded`, `amount_paid`,
    `through_call` and `call_url`: this page's `Allocation`, an organisation page's award row.
    """

    count: int = 0
    requested: Decimal = Decimal(0)
    awarded: Decimal = Decimal(0)
    paid: Decimal = Decimal(0)
    calls: set = field(default_factory=set)

    def add(self, row) -> None:
        self.count += 1
        self.requested += row.amount_requested or Decimal(0)
        self.awarded += row.amount_awarded
        self.paid += row.amount_paid
        if row.through_call:
            self.calls.add(row.call_url)

    @property
    def call_count(self) -> int:
        return len(self.calls)


@dataclass
class Total(FundingSums):
    key: object
    label: str
    through_call: bool = True


@dataclass
class FundingSummary:
    rows: list[Allocation]
    total: Total
    by_year: list[Total]
    by_call: list[Total]
    by_area: list[Total]
    by_organisation: list[Total]

    @property
    def years(self) -> list[int]:
        return [total.key for total in self.by_year]


def largest_first(total: Total):
    return (-total.awarded, total.label)


def funding_summary(rows: list[Allocation]) -> FundingSummary:
    total = Total(key=None, label=_("All funding"))
    years: dict[int, Total] = {}
    calls: dict[str, Total] = {}
    areas: dict[int | None, Total] = {}
    organisations: dict[str, Total] = {}
    for row in rows:
        total.add(row)
        years.setdefault(row.year, Total(row.year, str(row.year))).add(row)
        if row.through_call:
            calls.setdefault(row.call_url, Total(row.call_url, row.call)).add(row)
        else:
            label = _("Funding outside calls")
            calls.setdefault(OUTSIDE_CALLS, Total(OUTSIDE_CALLS, label, through_call=False)).add(row)
        # A call in several areas counts in each of them.
        for area_id, name in list(zip(row.area_ids, row.areas, strict=True)) or [(None, _("No area given"))]:
            areas.setdefault(area_id, Total(area_id, name)).add(row)
        organisations.setdefault(row.registration_number, Total(row.registration_number, row.organisation)).add(row)
    return FundingSummary(
        rows=rows,
        total=total,
        by_year=sorted(years.values(), key=lambda item: -item.key),
        by_call=list(calls.values()),  # rows come newest call first, the grants outside calls last
        by_area=sorted(areas.values(), key=largest_first),
        by_organisation=sorted(organisations.values(), key=largest_first),
    )
