"""Funding transparency: totals summed from the results rows, a chart without scripts, open data without contacts."""

import csv
import io
import json
import re
from decimal import Decimal

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

from calls.models import Award, CallPage
from tests.calls.factories import DAY, AwardFactory, CallPageFactory, FundingAreaFactory, FundingTransparencyPageFactory
from tests.factories import SiteHomePageFactory, publish
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def home(home_page):
    return publish(home_page)


# The registration numbers below are real published ones with a valid check digit (tests/core/test_registry_numbers.py).
def granted(organisation: str, registration_number: str, amount: str):
    """One results row: what an organisation was awarded."""
    return AwardFactory.build(
        organisation_name=organisation, registration_number=registration_number, amount_awarded=Decimal(amount)
    )


def build_funded(home):
    """Two calls with results in different years and areas, and calls whose rows are not public."""
    culture, social = FundingAreaFactory(name="Култура"), FundingAreaFactory(name="Социјална заштита")
    most = ("Удружење „Мост“", "08179115")
    CallPageFactory(
        home=home,
        with_results=True,
        awards=[granted(*most, "400000"), granted("Центар „Лиман“", "20084693", "250000.50")],
        title="Конкурс за културу",
        areas=[culture],
    )
    CallPageFactory(
        home=home,
        with_results=True,
        awards=[granted(*most, "300000"), granted("Клуб „Детелинара“", "17162543", "150000")],
        title="Конкурс за социјалну заштиту",
        areas=[culture, social],
        opens_in=-430 * DAY,
        closes_in=-400 * DAY,
        results_published_in=-380 * DAY,
    )
    # Not public: results not published yet, an unpublished call, a call behind a login.
    CallPageFactory(
        home=home,
        with_results=True,
        awards=[AwardFactory.build(amount_awarded=Decimal("999"))],
        results_published_in=5 * DAY,
    )
    private = CallPageFactory(
        home=home, with_results=True, awards=[AwardFactory.build(amount_awarded=Decimal("777"))], title="Интерни"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = CallPageFactory(
        home=home, with_results=True, awards=[AwardFactory.build(amount_awarded=Decimal("555"))], title="Повучен"
    )
    draft.unpublish()
    return FundingTransparencyPageFactory(parent=home)


# Built once for the module: the tests that read these calls change nothing their savepoint does not undo.
# The tests that need a site without them ask for `home`, a tree of their own (per test, as before).
@once_per_module
def funded(module_rows):
    return build_funded(publish(module_rows.home_page()))


def public_award_rows():
    public = CallPage.objects.live().public().with_results().filter(locale__language_code="sr-cyrl")
    return Award.objects.filter(page__in=public)


def test_totals_equal_the_sum_of_the_published_results_rows(client, funded):
    response = client.get(funded.url)
    summary = response.context["summary"]
    rows = public_award_rows()
    expected = sum(rows.values_list("amount_awarded", flat=True))

    assert expected == Decimal("1100000.50")
    assert summary.total.awarded == expected
    assert summary.total.count == rows.count() == 4
    assert summary.total.requested == sum(rows.values_list("amount_requested", flat=True))
    assert sum(total.awarded for total in summary.by_year) == expected
    assert sum(total.awarded for total in summary.by_call) == expected
    assert sum(total.awarded for total in summary.by_organisation) == expected
    most = summary.by_organisation[0]
    assert (most.label, most.key, most.count, most.awarded) == ("Удружење „Мост“", "08179115", 2, Decimal("700000"))
    culture = next(total for total in summary.by_area if total.label == "Култура")
    assert culture.awarded == expected, "a call in two areas counts in each"
    assert "1.100.000,50 RSD" in response.content.decode()


def test_rows_of_the_latin_and_english_versions_are_not_counted_again(client, funded):
    assert Award.objects.count() > public_award_rows().count(), "the twins carry copies of the rows"
    latin = funded.get_translation(Locale.objects.get(language_code="sr-latn"))
    response = client.get(latin.url)
    assert response.context["summary"].total.count == 4
    assert "Udruženje „Most“" in response.content.decode()


def test_chart_is_inline_svg_with_titles_and_a_data_table_and_no_script(client, funded):
    html = client.get(funded.url).content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]

    svg = re.search(r"<svg.*?</svg>", main, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-years-title"' in svg
    assert '<title id="chart-years-title">' in svg
    assert svg.count("<rect") == 2, "one bar per year"
    assert svg.count("<title>") == 2, "each bar names its year and amount"
    # The chart needs no JavaScript (the site's only script is the header's search suggestions).
    assert "<script" not in main and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert main.count("<caption id=") == 4 and '<th scope="row">' in main


def test_transparency_page_queries_do_not_grow_with_the_number_of_calls(client):
    def queries_with(calls: int) -> int:
        home = publish(SiteHomePageFactory())
        area = FundingAreaFactory()
        for number in range(calls):
            CallPageFactory(
                home=home,
                with_results=True,
                awards=[AwardFactory.build(), AwardFactory.build()],
                title=f"Конкурс {number}",
                areas=[area],
            )
        page = FundingTransparencyPageFactory(parent=home)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        return len(queries)

    assert queries_with(1) == queries_with(4)


def export(client, fmt, language="sr-cyrl"):
    response = client.get(f"/{language}/transparency/allocations.{fmt}")
    assert response.status_code == 200
    return response


def test_csv_export_has_one_row_per_published_award(client, funded):
    response = export(client, "csv")
    text = response.getvalue().decode("utf-8")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff"), "a byte-order mark, for spreadsheet programs"
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 4
    assert sum(Decimal(row["amount_awarded"]) for row in rows) == Decimal("1100000.50")
    first = next(row for row in rows if row["organisation"] == "Центар „Лиман“")
    assert first["registration_number"] == "20084693"
    assert first["areas"] == "Култура"
    assert first["call"] == "Конкурс за културу"
    assert first["call_url"].startswith("http://testserver/sr-cyrl/")
    assert {row["call"] for row in rows} == {"Конкурс за културу", "Конкурс за социјалну заштиту"}


def test_json_export_parses_and_carries_numbers(client, funded):
    data = json.loads(export(client, "json", "en").content)

    assert data["currency"] == "RSD"
    assert len(data["allocations"]) == 4
    assert set(data["allocations"][0]) == set(data["fields"])
    assert sum(Decimal(str(row["amount_awarded"])) for row in data["allocations"]) == Decimal("1100000.50")
    assert {row["organisation"] for row in data["allocations"]} >= {"Udruženje „Most“", "Centar „Liman“"}
    # No English version of these calls: the Latin twin stands in, as the names are in Latin.
    assert all(row["call_url"].startswith("http://testserver/sr-latn/") for row in data["allocations"])
    assert {row["call"] for row in data["allocations"]} == {"Konkurs za kulturu", "Konkurs za socijalnu zaštitu"}


def test_exports_neutralise_spreadsheet_formulas(client, home):
    CallPageFactory(
        home=home,
        with_results=True,
        awards=[
            AwardFactory.build(organisation_name='=HYPERLINK("http://evil.example","клик")', project_title="+1+1"),
            AwardFactory.build(organisation_name="@SUM(A1:A2)", project_title="-2+3"),
        ],
    )
    rows = list(csv.DictReader(io.StringIO(export(client, "csv").getvalue().decode().lstrip("\ufeff"))))
    cells = [cell for row in rows for cell in (row["organisation"], row["project"])]
    assert cells == ['\'=HYPERLINK("http://evil.example","клик")', "'+1+1", "'@SUM(A1:A2)", "'-2+3"]


def test_exports_and_page_never_contain_contact_data(client, home):
    """Rows saved past the form's validation (an import, a script) still leave without contacts."""
    CallPageFactory(
        home=home,
        with_results=True,
        awards=[
            AwardFactory.build(
                organisation_name="Удружење kontakt@most.example", project_title="Програм, тел. +381 21 123 456"
            )
        ],
        title="Конкурс, питања на konkurs@grad.example",
    )
    page = FundingTransparencyPageFactory(parent=home)
    for body in (export(client, "csv").getvalue().decode(), export(client, "json").content.decode()):
        assert not EMAIL_LIKE.search(body)
        assert "123 456" not in body
    assert "Удружење …" in export(client, "json").content.decode()
    for url in (page.url, CallPage.objects.get(title__startswith="Конкурс, питања").url):
        main = client.get(url).content.decode().split('<main id="main"')[1].split("</main>")[0]
        assert "Удружење …" in main
        assert not EMAIL_LIKE.search(main.replace("konkurs@grad.example", "")), "no contact in the results"


def test_unknown_export_format_is_not_found(client, home):
    assert client.get("/sr-cyrl/transparency/allocations.xlsx").status_code == 404


def test_open_call_without_results_is_not_in_the_allocations(client, home):
    CallPageFactory(home=home, awards=[AwardFactory.build()])
    assert json.loads(export(client, "json").content)["allocations"] == []
