"""The demo's funding follow-up: payments and reports of the 2025 awards, a grant outside calls, other donors."""

import pytest

from calls.models import AwardPayment, AwardReport, DirectFunding, FundingOpportunityIndexPage, FundingOpportunityPage
from demo.builder import ensure_locales
from demo.calls import build_demo_calls


@pytest.fixture
def index(demo_site) -> FundingOpportunityIndexPage:
    return FundingOpportunityIndexPage.objects.get(locale__language_code="sr-cyrl")


def test_demo_lists_external_programmes_in_three_languages_open_first(client, index):
    assert FundingOpportunityPage.objects.child_of(index).count() == 3
    response = client.get("/en/funding-opportunities/")
    assert response.status_code == 200
    assert [len(response.context[name]) for name in ("open_opportunities", "past_opportunities")] == [2, 1]
    assert client.get("/sr-latn/prilike-za-finansiranje/").status_code == 200


def test_demo_transparency_page_shows_payments_an_overdue_report_and_a_grant_outside_calls(client, index):
    response = client.get("/sr-cyrl/transparentnost-finansiranja/")
    summary = response.context["summary"]
    assert summary.total.paid == sum(
        p.amount for p in AwardPayment.objects.filter(award__page__locale__language_code="sr-cyrl")
    ) + sum(g.amount_paid for g in DirectFunding.objects.all())
    assert {row.registration_number for row, _report in response.context["overdue_reports"]} == {"28103344"}
    assert any(not row.through_call for row in summary.rows)


def test_demo_funding_is_idempotent(index):
    counts = (AwardPayment.objects.count(), AwardReport.objects.count(), DirectFunding.objects.count())
    build_demo_calls(index.get_parent().specific, ensure_locales())
    assert (AwardPayment.objects.count(), AwardReport.objects.count(), DirectFunding.objects.count()) == counts
