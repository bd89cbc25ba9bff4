"""Awarded against paid, funding outside calls, overdue reports, and the yearly consolidated report.

The expected totals are summed here from the rows each test creates, never from the code under test.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from calls.models import AwardPayment, AwardReport, DirectFunding
from tests.calls.factories import (
    AwardFactory,
    CallPageFactory,
    DirectFundingFactory,
    FundingAreaFactory,
    FundingTransparencyPageFactory,
)
from tests.factories import publish
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

MOST, LIMAN, KORAK = "28103344", "28633017", "08872147"


def call_in(year: int, home, areas, awards):
    """A call with published results that opened in `year` (April), with these (organisation, awarded) rows."""
    rows = [
        AwardFactory.build(
            organisation_name=f"Удружење {number}", registration_number=number, amount_awarded=Decimal(a)
        )
        for number, a in awards
    ]
    now = datetime.datetime(year, 6, 1, tzinfo=datetime.UTC)
    return CallPageFactory(home=home, with_results=True, now=now, areas=areas, awards=rows)


def pay(call, registration_number, *amounts):
    award = call.awards.get(registration_number=registration_number)
    AwardPayment.objects.bulk_create(
        AwardPayment(award=award, amount=Decimal(a), paid_on=datetime.date(2025, 5, 1)) for a in amounts
    )


def build_funding(home):
    culture, youth = FundingAreaFactory(name="Култура"), FundingAreaFactory(name="Омладина")
    first = call_in(2025, home, [culture], [(MOST, "400000"), (LIMAN, "250000.50")])
    second = call_in(2025, home, [youth], [(MOST, "300000")])
    older = call_in(2024, home, [culture], [(KORAK, "999000")])
    pay(first, MOST, "200000", "100000")
    pay(first, LIMAN, "250000.50")
    pay(older, KORAK, "999000")
    DirectFundingFactory(amount=Decimal("350000"), amount_paid=Decimal("175000"), area=youth)
    DirectFundingFactory(registration_number=LIMAN, amount=Decimal("77000"), granted_on=datetime.date(2024, 3, 1))
    FundingTransparencyPageFactory(parent=home)
    return {"first": first, "second": second, "older": older, "culture": culture, "youth": youth}


# Built once for the module: the tests read these rows, or add rows their savepoint takes away again.
@once_per_module
def funding(module_rows):
    return build_funding(publish(module_rows.home_page()))


def report_csv(client, year: int) -> list[dict]:
    response = client.get(f"/sr-cyrl/funding/report/{year}.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_yearly_report_totals_equal_the_sums_of_the_award_and_direct_funding_rows(client, funding):
    awards_2025 = [*funding["first"].awards.all(), *funding["second"].awards.all()]
    grants_2025 = list(DirectFunding.objects.filter(granted_on__year=2025))
    awarded = sum(a.amount_awarded for a in awards_2025) + sum(g.amount for g in grants_2025)
    paid = sum(p.amount for a in awards_2025 for p in a.payments.all()) + sum(g.amount_paid for g in grants_2025)

    lines = report_csv(client, 2025)

    total = next(line for line in lines if line["section"] == "total")
    assert (Decimal(total["amount_awarded"]), Decimal(total["amount_paid"])) == (awarded, paid)
    assert int(total["count"]) == len(awards_2025) + len(grants_2025)
    for section in ("area", "organisation", "call"):
        lines_of = [line for line in lines if line["section"] == section]
        assert sum(Decimal(line["amount_awarded"]) for line in lines_of) == awarded, section
        assert sum(Decimal(line["amount_paid"]) for line in lines_of) == paid, section
    most = next(line for line in lines if line["section"] == "organisation" and line["registration_number"] == MOST)
    assert (Decimal(most["amount_awarded"]), Decimal(most["amount_paid"])) == (Decimal("700000"), Decimal("300000"))
    outside = [line for line in lines if line["section"] == "call" and line["name"] == "Финансирање мимо конкурса"]
    assert [Decimal(line["amount_awarded"]) for line in outside] == [Decimal("350000")]


def test_yearly_report_of_another_year_counts_only_that_year(client, funding):
    total = next(line for line in report_csv(client, 2024) if line["section"] == "total")
    assert (Decimal(total["amount_awarded"]), Decimal(total["amount_paid"])) == (Decimal("1076000"), Decimal("999000"))


def test_yearly_report_page_and_word_document_carry_the_same_totals(client, funding):
    page = client.get("/sr-cyrl/funding/report/2025/")
    assert page.status_code == 200
    assert page.context["summary"].total.awarded == Decimal("1300000.50")

    docx = client.get("/sr-cyrl/funding/report/2025.docx")
    assert docx.status_code == 200
    assert docx["Content-Disposition"].startswith('attachment; filename="izvestaj-o-finansiranju-2025.docx"')
    from docx import Document

    text = "\n".join(cell.text for table in Document(io.BytesIO(docx.content)).tables for cell in table._cells)
    assert "Удружење 28103344 (28103344)" in text
    assert client.get("/sr-cyrl/funding/report/2025.exe").status_code == 404


def test_transparency_page_shows_paid_beside_awarded_and_marks_funding_outside_calls(client, funding):
    response = client.get("/sr-cyrl/transparentnost-finansiranja/")
    assert response.status_code == 200
    summary = response.context["summary"]
    by_year = {total.key: (total.awarded, total.paid) for total in summary.by_year}
    assert by_year == {
        2025: (Decimal("1300000.50"), Decimal("725000.50")),
        2024: (Decimal("1076000"), Decimal("999000")),
    }
    by_area = {total.key: (total.awarded, total.paid) for total in summary.by_area}
    assert by_area[funding["youth"].pk] == (Decimal("650000"), Decimal("175000"))
    html = response.content.decode()
    assert "мимо конкурса" in html
    assert f"/organisations/{MOST}/" in html
    assert "/sr-cyrl/funding/report/2025/" in html


def test_transparency_page_lists_the_overdue_reports_only(client, funding):
    award = funding["first"].awards.get(registration_number=LIMAN)
    today = timezone.localdate()
    AwardReport.objects.bulk_create(
        [
            AwardReport(award=award, kind="financial", due_on=today - datetime.timedelta(days=3)),
            AwardReport(award=award, kind="narrative", due_on=today - datetime.timedelta(days=9), received_on=today),
            AwardReport(award=award, kind="narrative", due_on=today + datetime.timedelta(days=9)),
        ]
    )
    response = client.get("/sr-cyrl/transparentnost-finansiranja/")
    overdue = response.context["overdue_reports"]
    assert [(row.registration_number, report.due_on) for row, report in overdue] == [
        (LIMAN, today - datetime.timedelta(days=3))
    ]
    assert "Финансијски извештај" in response.content.decode() or "финансијски извештај" in response.content.decode()


def test_transparency_page_says_so_instead_of_an_empty_table_when_no_report_is_overdue(client, funding):
    html = client.get("/sr-cyrl/transparentnost-finansiranja/").content.decode()
    assert "Ниједном извештају није истекао рок." in html
    assert 'id="overdue-reports-table-caption"' not in html


def test_open_data_marks_the_rows_outside_calls_and_carries_the_amounts_paid(client, funding):
    response = client.get("/sr-cyrl/transparency/allocations.json")
    rows = response.json()["allocations"]
    outside = [row for row in rows if not row["through_call"]]
    assert {(row["registration_number"], row["amount_paid"]) for row in outside} == {
        ("28100019", 175000),
        (LIMAN, 0),
    }
    assert all(row["legal_basis"] for row in outside)


def test_funding_outside_calls_needs_a_legal_basis_a_valid_registration_number_and_no_overpayment():
    grant = DirectFundingFactory.build(legal_basis="", registration_number="28100018", amount_paid=Decimal("400000"))
    with pytest.raises(ValidationError) as refused:
        grant.full_clean()
    assert set(refused.value.message_dict) == {"legal_basis", "registration_number", "amount_paid"}
    with pytest.raises(ValidationError):
        DirectFundingFactory.build(amount=Decimal("-1")).full_clean()
