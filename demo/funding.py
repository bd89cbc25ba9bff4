"""Demo funding follow-up: what came of the 2025 call's awards, a grant outside the calls, funding opportunities.

The data is in demo/data/funding.toml. Safe to run again: what exists is kept.
"""

import datetime
from decimal import Decimal

from calls.models import (
    Award,
    AwardPayment,
    AwardReport,
    CallPage,
    DirectFunding,
    FundingArea,
    FundingOpportunityIndexPage,
    FundingOpportunityPage,
)
from core.scripts import latin_slug

from .data import load, table
from .dates import belgrade_today, moment
from .pages import add_published, ensure_index_page, translate_if_missing

DATA = load("funding")


def a_date(spec) -> datetime.date:
    """A fixed date, or `{days = …}` from today in Novi Sad."""
    return belgrade_today() + datetime.timedelta(days=spec["days"]) if isinstance(spec, dict) else spec


def ensure_follow_up(call: CallPage) -> None:
    """Contracts, payments and reports of the call's awards, unless an earlier run recorded them."""
    for spec in DATA["follow_up"]:
        award = Award.objects.filter(page=call, registration_number=spec["registration_number"]).first()
        if award is None or award.contract_number:
            continue
        award.contract_number = spec["contract_number"]
        award.contract_signed_on = spec["contract_signed_on"]
        award.results_assessment = spec.get("results_assessment", "")
        award.payments = [
            AwardPayment(amount=Decimal(p["amount"]), paid_on=p["paid_on"], note=p.get("note", ""), sort_order=i)
            for i, p in enumerate(spec["payments"])
        ]
        award.reports = [
            AwardReport(
                kind=r["kind"],
                due_on=a_date(r["due_on"]),
                received_on=a_date(r["received_on"]) if "received_on" in r else None,
                sort_order=i,
            )
            for i, r in enumerate(spec["reports"])
        ]
        award.saving_follow_up = True  # as the follow-up admin saves it (Award.save)
        award.save()


def ensure_direct_funding() -> None:
    for spec in DATA["direct_funding"]:
        fields = {**spec, "amount": Decimal(spec["amount"]), "amount_paid": Decimal(spec["amount_paid"])}
        fields["area"] = FundingArea.objects.filter(name=spec["area"], locale__language_code="sr-cyrl").first()
        DirectFunding.objects.get_or_create(
            registration_number=spec["registration_number"], purpose=spec["purpose"], defaults=fields
        )


def ensure_opportunity(index, spec: dict, locales) -> None:
    title = spec["title"][0]
    page = FundingOpportunityPage.objects.child_of(index).filter(slug=latin_slug(title)).first()
    if page is None:
        page = add_published(
            index,
            FundingOpportunityPage(
                title=title,
                slug=latin_slug(title),
                donor=spec["donor"][0],
                programme=spec["programme"][0],
                summary=spec["summary"][0],
                eligible_applicants=spec["eligible_applicants"][0],
                programme_url=spec["url"],
                closes_at=moment(spec["closes"]),
            ),
        )
    pairs = [spec[name] for name in ("title", "donor", "programme", "summary", "eligible_applicants")]
    translate_if_missing(page, locales, {**table(*pairs), page.slug: latin_slug(spec["title"][1])})


def build_demo_funding(home, locales, closed_call: CallPage) -> FundingOpportunityIndexPage:
    ensure_follow_up(closed_call)
    ensure_direct_funding()
    index = ensure_index_page(home, locales, FundingOpportunityIndexPage, DATA["opportunities_index"])
    for spec in DATA["opportunities"]:
        ensure_opportunity(index, spec, locales)
    return index
