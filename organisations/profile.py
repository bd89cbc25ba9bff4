"""One organisation's page: the names it used, its awards year by year, its published comments.

Built from the public records (organisations/sources.py) on each request, in a fixed number
of queries whatever the number of rows: names and yearly comment counts are aggregated in
the database, awards come with their calls in one query, the pages are put in the visitor's
language in one more, and at most `MAX_COMMENTS_SHOWN` comments are loaded.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page

from calls.allocations import FundingSums
from consultations.models import Kind
from core.redaction import without_contacts
from home.i18n import in_current_language

from .sources import awards_of, comments_of, direct_funding_of

MAX_COMMENTS_SHOWN = 100
LATIN = "sr-latn"


@dataclass(frozen=True)
class NameUsed:
    name: str
    first_year: int
    last_year: int


@dataclass(frozen=True)
class AwardRow:
    """An award in a call, or (through_call=False) funding given outside the calls, by `funder`."""

    year: int
    call: str
    call_url: str
    project: str
    amount_requested: Decimal | None
    amount_awarded: Decimal
    amount_paid: Decimal
    through_call: bool = True
    funder: str = ""


@dataclass(frozen=True)
class CommentRow:
    consultation: str
    consultation_url: str
    target: str
    kind_label: str
    submitted_on: date
    proposed_wording: str
    justification: str


@dataclass
class YearTotal(FundingSums):
    """A year's published comments and its funding rows summed as the transparency page sums them (`count`: awards)."""

    year: int | None
    comments: int = 0


@dataclass
class Profile:
    registration_number: str
    name: str
    names: list[NameUsed]
    awards: list[AwardRow]
    years: list[YearTotal]
    total: YearTotal
    comments: list[CommentRow]
    comment_count: int

    @property
    def comments_cut(self) -> bool:
        return self.comment_count > len(self.comments)


def local_pages(originals: dict) -> dict:
    """Each page (by translation key) in the visitor's language; the Latin twin stands in for a missing English one."""
    language = get_language()
    if language == settings.LANGUAGE_CODE or not originals:
        return dict(originals)
    preference = [language] if language == LATIN else [language, LATIN]
    translated = (
        Page.objects.live()
        .public()
        .filter(locale__language_code__in=preference, translation_key__in=list(originals))
        .select_related("locale")
    )
    versions = {}
    for page in sorted(translated, key=lambda page: -preference.index(page.locale.language_code)):
        versions[page.translation_key] = page
    return {**originals, **versions}


class PageLinks:
    """Titles and links of the calls and consultations a profile names, in the visitor's language."""

    def __init__(self, request, originals: dict):
        self.request = request
        self.originals = originals
        self.local = local_pages(originals)

    def title(self, key) -> str:
        page = self.local[key]
        # A page shown in its original's language (no translation yet) is put in the visitor's script.
        if page.locale_id == self.originals[key].locale_id:
            return without_contacts(in_current_language(page.title))
        return without_contacts(page.title)

    def url(self, key) -> str:
        return self.local[key].get_url(self.request) or ""


def _name_rows(comment_counts, awards, grants) -> list[tuple[str, int]]:
    rows = [(item["organisation_name"], item["year"]) for item in comment_counts]
    rows += [(award.organisation_name, award.page.year) for award in awards]
    rows += [(grant.organisation_name, grant.granted_on.year) for grant in grants]
    return rows


def names_used(rows: list[tuple[str, int]]) -> list[NameUsed]:
    """Every distinct name (spacing aside), with the first and last year it appears; oldest first."""
    years: dict[str, list[int]] = defaultdict(list)
    for name, year in rows:
        years[" ".join(name.split())].append(year)
    names = [NameUsed(in_current_language(name), min(found), max(found)) for name, found in years.items()]
    return sorted(names, key=lambda item: (item.first_year, item.last_year, item.name))


def latest_name(rows: list[tuple[str, int]]) -> str:
    """The name of the most recent record; among records of one year, the last one read (awards after comments)."""
    best = max(enumerate(rows), key=lambda item: (item[1][1], item[0]))
    return " ".join(best[1][0].split())


def year_totals(awards: list[AwardRow], comment_counts) -> tuple[list[YearTotal], YearTotal]:
    years: dict[int, YearTotal] = {}
    total = YearTotal(year=None)
    for row in awards:
        years.setdefault(row.year, YearTotal(row.year)).add(row)
        total.add(row)
    for item in comment_counts:
        years.setdefault(item["year"], YearTotal(item["year"])).comments += item["count"]
        total.comments += item["count"]
    return sorted(years.values(), key=lambda item: -item.year), total


def _comment_counts(registration_number: str) -> list[dict]:
    """Comments per (name, year), counted in the database (Belgrade years)."""
    return list(
        comments_of(registration_number)
        .order_by()
        .annotate(year=ExtractYear("submitted_at", tzinfo=timezone.get_default_timezone()))
        .values("organisation_name", "year")
        .annotate(count=Count("pk"))
    )


def _award_row(award, links: PageLinks) -> AwardRow:
    key = award.page.translation_key
    return AwardRow(
        year=award.page.year,
        call=links.title(key),
        call_url=links.url(key),
        project=without_contacts(in_current_language(award.project_title)),
        amount_requested=award.amount_requested,
        amount_awarded=award.amount_awarded,
        amount_paid=award.paid_total,
    )


def _grant_row(grant) -> AwardRow:
    return AwardRow(
        year=grant.granted_on.year,
        call="",
        call_url="",
        project=without_contacts(in_current_language(grant.purpose)),
        amount_requested=None,
        amount_awarded=grant.amount,
        amount_paid=grant.amount_paid,
        through_call=False,
        funder=without_contacts(in_current_language(grant.funder)),
    )


def _comment_row(comment, links: PageLinks) -> CommentRow:
    key = comment.consultation.translation_key
    return CommentRow(
        consultation=links.title(key),
        consultation_url=links.url(key),
        target=without_contacts(in_current_language(comment.target_label)),
        kind_label=str(Kind(comment.kind).label) if comment.kind in Kind.values else comment.kind,
        submitted_on=timezone.localtime(comment.submitted_at).date(),
        proposed_wording=comment.public_proposed_wording,
        justification=comment.public_justification,
    )


def build_profile(request, registration_number: str) -> Profile | None:
    """The organisation's page, or None when no public record names the number."""
    counts = _comment_counts(registration_number)
    awards = list(
        awards_of(registration_number).select_related("page").order_by("-page__opens_at", "page_id", "sort_order", "pk")
    )
    grants = list(direct_funding_of(registration_number).order_by("-granted_on", "pk"))
    if not counts and not awards and not grants:
        return None
    comments = list(
        comments_of(registration_number)
        .select_related("consultation")
        .order_by("-submitted_at", "-pk")[:MAX_COMMENTS_SHOWN]
    )
    originals = {award.page.translation_key: award.page for award in awards}
    originals |= {comment.consultation.translation_key: comment.consultation for comment in comments}
    links = PageLinks(request, originals)
    award_rows = [_award_row(award, links) for award in awards] + [_grant_row(grant) for grant in grants]
    award_rows.sort(key=lambda row: -row.year)  # stable: calls newest first, then grants of the same year
    years, total = year_totals(award_rows, counts)
    name_rows = _name_rows(counts, awards, grants)
    return Profile(
        registration_number=registration_number,
        name=in_current_language(latest_name(name_rows)),
        names=names_used(name_rows),
        awards=award_rows,
        years=years,
        total=total,
        comments=[_comment_row(comment, links) for comment in comments],
        comment_count=total.comments,
    )
