"""Calls: where they may be created, what an editor may save, and the status that follows from the dates."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
from freezegun import freeze_time

from django.core.exceptions import ValidationError

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from calls.models import Award, CallIndexPage, CallPage, CallStatus, FundingTransparencyPage
from home.models import HomePage, StandardPage
from tests.calls.factories import AwardFactory, CallIndexPageFactory, CallPageFactory
from tests.tree_rules import assert_children, assert_parents

BELGRADE = zoneinfo.ZoneInfo("Europe/Belgrade")
OPENS = datetime.datetime(2026, 2, 2, 9, 0, tzinfo=BELGRADE)
CLOSES = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=BELGRADE)
SECOND = datetime.timedelta(seconds=1)


class TestTreeRules(WagtailPageTestCase):
    def test_call_index_lives_under_home_only(self):
        assert_parents(self, CallIndexPage, allowed=[HomePage], refused=[StandardPage, Page, CallIndexPage])

    def test_calls_live_under_the_call_index_only(self):
        assert_parents(self, CallPage, allowed=[CallIndexPage], refused=[HomePage, StandardPage, CallPage])

    def test_transparency_page_lives_under_home_and_has_no_children(self):
        assert_parents(self, FundingTransparencyPage, allowed=[HomePage], refused=[CallIndexPage])
        assert_children(self, FundingTransparencyPage, refused=[CallPage, StandardPage])


@pytest.mark.django_db
def test_one_call_index_and_one_transparency_page_per_home(home_page):
    CallIndexPageFactory(parent=home_page)
    home_page.add_child(instance=FundingTransparencyPage(title="Транспарентност"))
    assert not CallIndexPage.can_create_at(home_page)
    assert not FundingTransparencyPage.can_create_at(home_page)


# --------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------


def errors_of(instance, exclude=None) -> dict:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean(exclude=exclude)
    return raised.value.message_dict


@pytest.mark.django_db
def test_amounts_cannot_be_negative_and_the_maximum_cannot_exceed_the_total(home_page):
    index = CallIndexPageFactory(parent=home_page)
    page = CallPageFactory.build(total_amount=Decimal("-1"), max_per_project=Decimal("-5"))
    page.path, page.depth = index.path + "0001", index.depth + 1
    errors = errors_of(page)
    assert {"total_amount", "max_per_project"} <= set(errors)

    page = CallPageFactory.build(total_amount=Decimal("1000000"), max_per_project=Decimal("1000000.01"))
    page.path, page.depth = index.path + "0001", index.depth + 1
    assert set(errors_of(page)) == {"max_per_project"}

    page = CallPageFactory.build(total_amount=Decimal("1000000"), max_per_project=None)
    page.path, page.depth = index.path + "0001", index.depth + 1
    page.full_clean()  # no maximum is allowed


@pytest.mark.django_db
def test_a_call_closes_after_it_opens_and_publishes_results_after_closing(home_page):
    index = CallIndexPageFactory(parent=home_page)
    page = CallPageFactory.build(opens_in=datetime.timedelta(days=5), closes_in=datetime.timedelta(days=1))
    page.path, page.depth = index.path + "0001", index.depth + 1
    assert set(errors_of(page)) == {"closes_at"}

    page = CallPageFactory.build(closes_in=datetime.timedelta(days=3), results_published_in=datetime.timedelta(days=1))
    page.path, page.depth = index.path + "0001", index.depth + 1
    assert set(errors_of(page)) == {"results_published_at"}


@pytest.mark.parametrize("number", ["1234567", "123456789", "1234567a", "12 345 678", ""])
def test_registration_number_must_have_exactly_eight_digits(number):
    assert "registration_number" in errors_of(AwardFactory.build(registration_number=number), exclude=["page"])


def test_a_valid_results_row_passes_and_keeps_leading_zeros():
    # The City of Novi Sad's registration number, as published in its Official Gazette 9/2013 (paragraf.rs).
    row = AwardFactory.build(registration_number="08179115")
    row.full_clean(exclude=["page"])
    assert row.registration_number == "08179115"


@pytest.mark.parametrize("number", ["08179116", "17162544", "20084692"])
def test_a_registration_number_with_a_wrong_check_digit_is_refused(number):
    # Real published numbers (Grad Novi Sad, Telekom Srbija, NIS) with the last digit changed.
    assert set(errors_of(AwardFactory.build(registration_number=number), exclude=["page"])) == {"registration_number"}


def test_amount_awarded_cannot_exceed_amount_requested():
    row = AwardFactory.build(amount_requested=Decimal("300000"), amount_awarded=Decimal("300000.01"))
    assert set(errors_of(row, exclude=["page"])) == {"amount_awarded"}


@pytest.mark.parametrize(
    "field, text",
    [
        ("organisation_name", "Удружење Мост (kontakt@most.example)"),
        ("project_title", "Радионице, информације на +381 21 123 456"),
        ("organisation_name", "Удружење, тел. 021/487-1234"),
    ],
)
def test_results_rows_refuse_contact_data(field, text):
    assert field in errors_of(AwardFactory.build(**{field: text}), exclude=["page"])


def test_results_rows_have_no_contact_fields():
    names = {field.name for field in Award._meta.get_fields()}
    assert not {name for name in names if "mail" in name or "phone" in name or "contact" in name}


@pytest.mark.django_db
def test_editor_adds_a_call_with_results_rows_in_the_admin(admin_client, home_page):
    index = CallIndexPageFactory(parent=home_page)
    row = {
        "organisation_name": "Удружење „Мост“",
        "registration_number": "07737068",  # Komercijalna banka a.d.'s published number
        "project_title": "Читалачки клуб",
        "amount_requested": "200000",
        "amount_awarded": "250000",
        "score": "80",
    }

    def post(awarded):
        data = nested_form_data(
            {
                "title": "Конкурс за програме у култури",
                "slug": "конкурс-за-програме-у-култури",
                "kind": "programmes",
                "summary": "Финансирање програма у култури.",
                "legal_basis": "Закон о удружењима",
                "budget_line": "",
                "total_amount": "1000000",
                "max_per_project": "300000",
                "eligibility": rich_text("<p>Удружења из Новог Сада.</p>"),
                "opens_at": "2026-02-02 09:00",
                "closes_at": "2026-03-04 15:00",
                "application_documents": streamfield([]),
                "body": streamfield([]),
                "results_published_at": "",
                "results_note": "",
                "awards": inline_formset([dict(row, amount_awarded=awarded)]),
            }
        )
        return admin_client.post(f"/admin/pages/add/calls/callpage/{index.pk}/", data)

    refused = post("250000")
    assert refused.status_code == 200
    assert "amount_awarded" in refused.context["form"].formsets["awards"].forms[0].errors
    assert not CallPage.objects.exists()

    accepted = post("180000")
    assert accepted.status_code == 302
    page = CallPage.objects.get()
    assert page.slug == "konkurs-za-programe-u-kulturi"
    assert [(a.registration_number, a.amount_awarded) for a in page.awards.all()] == [("07737068", Decimal("180000"))]


# --------------------------------------------------------------------------
# Status from the dates
# --------------------------------------------------------------------------


@pytest.fixture
def call(home_page):
    return CallPageFactory(home=home_page, opens_in=OPENS - CLOSES, closes_in=datetime.timedelta(0), now=CLOSES)


def statuses(call):
    """What the page says and which queryset methods find it, at `now`."""
    calls = CallPage.objects.filter(pk=call.pk)
    found = {
        name
        for name, queryset in [
            ("announced", calls.announced()),
            ("open", calls.open()),
            ("closed", calls.closed()),
            ("results", calls.with_results()),
        ]
        if queryset.exists()
    }
    return call.status(), found


@pytest.mark.django_db
def test_call_is_open_one_second_before_closing_and_closed_one_second_after(call):
    with freeze_time(CLOSES - SECOND):
        assert statuses(call) == (CallStatus.OPEN, {"open"})
    with freeze_time(CLOSES + SECOND):
        assert statuses(call) == (CallStatus.CLOSED, {"closed"})


@pytest.mark.django_db
def test_call_is_announced_until_it_opens(call):
    with freeze_time(OPENS - SECOND):
        assert statuses(call) == (CallStatus.ANNOUNCED, {"announced"})
    with freeze_time(OPENS):
        assert statuses(call) == (CallStatus.OPEN, {"open"})


@pytest.mark.django_db
def test_results_are_published_only_with_rows_and_a_publication_date(call):
    after = CLOSES + datetime.timedelta(days=10)
    call.results_published_at = after
    call.save_revision().publish()
    with freeze_time(after + SECOND):
        assert statuses(call) == (CallStatus.CLOSED, {"closed"}), "a date without rows is not results"

    call.awards = [AwardFactory.build()]
    call.results_published_at = None
    call.save_revision().publish()
    with freeze_time(after + SECOND):
        assert statuses(call) == (CallStatus.CLOSED, {"closed"}), "rows without a date are not public yet"

    call.results_published_at = after
    call.save_revision().publish()
    with freeze_time(after - SECOND):
        assert statuses(call) == (CallStatus.CLOSED, {"closed"}), "a date in the future is not yet"
    with freeze_time(after + SECOND):
        assert statuses(call) == (CallStatus.RESULTS, {"results"})


@pytest.mark.django_db
def test_status_takes_an_explicit_now(call):
    assert call.status(CLOSES - SECOND) == CallStatus.OPEN
    assert call.status(CLOSES) == CallStatus.CLOSED
    assert call.is_open(CLOSES - SECOND) and not call.is_open(CLOSES)
    assert call.year == 2026
