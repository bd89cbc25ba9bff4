"""An award's follow-up: contract, payments, reports and the office's assessment, in their own admin screen."""

import datetime
from decimal import Decimal

import pytest

from wagtail.test.utils.form_data import inline_formset, nested_form_data

from calls.models import Award, AwardPayment, AwardReport
from tests.calls.factories import AwardFactory, CallPageFactory
from tests.factories import publish
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db


# The call and its results row are built once for the module: each test's changes stay in its savepoint.
@once_per_module
def award(module_rows):
    call = module_rows.make(
        CallPageFactory,
        home=module_rows.make(publish, module_rows.home_page()),
        with_results=True,
        awards=[AwardFactory.build(registration_number="08872147", amount_awarded=Decimal("400000"))],
    )
    return module_rows.make(call.awards.get)


def follow_up(payments, reports=(), **fields):
    return nested_form_data(
        {
            "contract_number": fields.get("contract_number", "XII-401-3/2025-88/1"),
            "contract_signed_on": "2025-04-28",
            "results_assessment": fields.get("results_assessment", "Програм је остварен у целини."),
            "payments": inline_formset(list(payments)),
            "reports": inline_formset(list(reports)),
        }
    )


def payment(amount, paid_on="2025-05-12"):
    return {"amount": amount, "paid_on": paid_on, "note": ""}


def edit_url(award) -> str:
    return f"/admin/award-follow-up/edit/{award.pk}/"


def test_editor_records_contract_payments_and_reports_of_an_award(admin_client, award):
    reports = [
        {"kind": "narrative", "due_on": "2026-01-31", "received_on": "2026-01-27", "document": ""},
        {"kind": "financial", "due_on": "2026-01-31", "received_on": "", "document": ""},
    ]
    response = admin_client.post(edit_url(award), follow_up([payment("250000"), payment("150000")], reports))

    assert response.status_code == 302
    award.refresh_from_db()
    assert award.contract_number == "XII-401-3/2025-88/1"
    assert award.contract_signed_on == datetime.date(2025, 4, 28)
    assert award.results_assessment == "Програм је остварен у целини."
    assert sorted(award.payments.values_list("amount", flat=True)) == [Decimal("150000"), Decimal("250000")]
    assert list(award.reports.order_by("kind").values_list("kind", "received_on")) == [
        ("financial", None),
        ("narrative", datetime.date(2026, 1, 27)),
    ]


def test_payments_above_the_amount_awarded_are_refused_with_a_clear_error(admin_client, award):
    response = admin_client.post(edit_url(award), follow_up([payment("300000"), payment("100000.01")]))

    assert response.status_code == 200
    error = " ".join(response.context["form"].non_field_errors())  # in the editor's language
    assert "400000.01" in error and "400000.00" in error
    assert not AwardPayment.objects.exists()
    award.refresh_from_db()
    assert award.contract_number == ""


def test_a_negative_payment_is_refused(admin_client, award):
    response = admin_client.post(edit_url(award), follow_up([payment("-5")]))

    assert response.status_code == 200
    assert not AwardPayment.objects.exists()


def test_publishing_the_call_again_keeps_the_follow_up_recorded_since(admin_client, award):
    call = award.page.specific
    earlier = call.save_revision()  # a draft made before the follow-up was recorded
    admin_client.post(edit_url(award), follow_up([payment("100000")], contract_number="Д-1"))

    earlier.publish()

    award.refresh_from_db()
    assert award.contract_number == "Д-1"
    assert list(award.payments.values_list("amount", flat=True)) == [Decimal("100000")]


def test_publishing_the_call_still_saves_the_results_rows_the_editor_changed(award):
    call = award.page.specific
    award.contract_number = "Д-2"
    award.saving_follow_up = True
    award.save()
    draft = call.get_latest_revision_as_object()
    rows = list(draft.awards.all())
    rows[0].amount_awarded = Decimal("390000")
    draft.awards = rows
    draft.save_revision().publish()

    award.refresh_from_db()
    assert (award.amount_awarded, award.contract_number) == (Decimal("390000"), "Д-2")


def test_the_follow_up_screen_neither_adds_nor_deletes_awards(admin_client, award):
    assert admin_client.get("/admin/award-follow-up/new/").status_code in (302, 403)
    admin_client.post(f"/admin/award-follow-up/delete/{award.pk}/")
    assert Award.objects.filter(pk=award.pk).exists()
    listing = admin_client.get("/admin/award-follow-up/")
    assert listing.status_code == 200
    assert award.organisation_name in listing.content.decode()


def test_overdue_means_due_before_today_and_not_received(award):
    today = datetime.date(2026, 3, 1)
    AwardReport.objects.bulk_create(
        [
            AwardReport(award=award, kind="narrative", due_on=datetime.date(2026, 2, 28)),
            AwardReport(award=award, kind="financial", due_on=datetime.date(2026, 2, 1), received_on=today),
            AwardReport(award=award, kind="financial", due_on=today),
        ]
    )
    assert [r.due_on for r in AwardReport.objects.overdue(today)] == [datetime.date(2026, 2, 28)]


def test_the_follow_up_and_outside_calls_screens_open_for_an_editor(admin_client, award):
    assert admin_client.get(edit_url(award)).status_code == 200
    assert admin_client.get("/admin/direct-funding/").status_code == 200
    assert admin_client.get("/admin/direct-funding/new/").status_code == 200
    assert admin_client.get("/admin/award-follow-up/?q=Удружење").status_code == 200


def test_a_member_of_the_editors_group_records_follow_up_and_funding_outside_calls(client, award):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    editor = get_user_model().objects.create_user("urednik-pracenja", "u@example.rs", "lozinka-za-test")
    editor.groups.add(Group.objects.get(name="Уредници"))  # Wagtail's editors group (home/0003), no other rights
    client.force_login(editor)
    assert client.get("/admin/award-follow-up/").status_code == 200
    assert client.get(edit_url(award)).status_code == 200
    assert client.get("/admin/direct-funding/").status_code == 200
    assert client.get("/admin/direct-funding/new/").status_code == 200
