"""Links to the organisation pages, the directory that follows the records, and the searchable index."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from calls.models import AwardPayment, DirectFunding
from consultations.models import Consent, RespondentType
from organisations.directory import organisation_key
from organisations.models import Organisation
from search.entries import rebuild_all
from search.models import SearchEntry
from tests.calls.factories import FundingTransparencyPageFactory
from tests.consultations.factories import ConsultationPageFactory
from tests.factories import publish
from tests.organisations.factories import NUMBER, award, call_with_results, comment

pytestmark = pytest.mark.django_db

ORGANISATION_URL = f"/sr-cyrl/organisations/{NUMBER}/"


@pytest.fixture
def home(home_page):
    return publish(home_page)


def test_an_award_row_on_the_call_page_links_to_the_organisation(client, home):
    call = call_with_results(home, [award("Удружење „Мост“")])

    html = client.get(call.url).content.decode()

    assert f'<a href="{ORGANISATION_URL}">Удружење „Мост“</a>' in html


def test_the_transparency_page_links_to_the_organisation(client, home):
    call_with_results(home, [award("Удружење „Мост“")])
    transparency = FundingTransparencyPageFactory(parent=home)

    html = client.get(transparency.url).content.decode()

    assert f'href="{ORGANISATION_URL}"' in html


def test_a_named_comment_links_to_its_organisation_and_an_anonymous_one_does_not(client, home):
    consultation = ConsultationPageFactory(home=home)
    comment(consultation, organisation_name="Удружење „Мост“")
    comment(consultation, organisation_name="Тајно удружење", registration_number="28999111", consent=Consent.ANONYMOUS)

    html = client.get(consultation.url).content.decode()

    assert f'<a href="{ORGANISATION_URL}">Удружење „Мост“</a>' in html
    assert "/organisations/28999111/" not in html


def test_a_citizens_named_comment_has_no_organisation_page(client, home, django_capture_on_commit_callbacks):
    consultation = ConsultationPageFactory(home=home)
    with django_capture_on_commit_callbacks(execute=True):
        comment(
            consultation,
            respondent_type=RespondentType.CITIZEN,
            organisation_name="",
            contact_name="Марко Марковић",
        )

    assert client.get(ORGANISATION_URL).status_code == 404
    assert not Organisation.objects.exists()
    assert "/organisations/" not in client.get(consultation.url).content.decode().split("<footer")[0]


def test_the_directory_and_the_search_entry_follow_the_comments(home, django_capture_on_commit_callbacks):
    consultation = ConsultationPageFactory(home=home)
    with django_capture_on_commit_callbacks(execute=True):
        shown = comment(consultation, organisation_name="Удружење „Мост“")

    row = Organisation.objects.get(registration_number=NUMBER)
    assert (row.name, row.comment_count, row.award_count) == ("Удружење „Мост“", 1, 0)
    entry = SearchEntry.objects.get(key=organisation_key(NUMBER))
    assert entry.urls["en"] == f"/en/organisations/{NUMBER}/"
    assert entry.titles["sr-latn"] == "Udruženje „Most“"

    with django_capture_on_commit_callbacks(execute=True):
        shown.consent = Consent.PRIVATE
        shown.save()

    assert not Organisation.objects.exists()
    assert not SearchEntry.objects.filter(key=organisation_key(NUMBER)).exists()


def test_a_search_rebuild_keeps_the_organisations_entries(home):
    call_with_results(home, [award("Удружење „Мост“")])
    SearchEntry.objects.filter(key=organisation_key(NUMBER)).delete()

    rebuild_all()

    assert SearchEntry.objects.filter(key=organisation_key(NUMBER), kind="organisations.organisation").exists()


def test_the_index_finds_by_name_in_either_script_and_by_number(client, home):
    call_with_results(home, [award("Удружење „Мост“"), award("Клуб „Лиман“", number="28999111")])
    index = reverse("organisations:index")

    for query in ("мост", "Most", "most udruzenje", "0812", NUMBER):
        rows = client.get(index, {"q": query}).context["rows"]
        assert [row["organisation"].registration_number for row in rows] == [NUMBER], query
    assert client.get(index, {"q": "непостојеће"}).context["rows"] == []
    assert len(client.get(index).context["rows"]) == 2


@pytest.mark.parametrize("params", [{"page": "99999999999999999999999"}, {"page": "-1"}, {"q": "\x00" * 500}])
def test_the_index_answers_any_query_string(client, home, params):
    assert client.get(reverse("organisations:index"), params).status_code == 200


def test_the_index_is_paginated_in_a_fixed_number_of_queries(client, home, django_assert_max_num_queries):
    Organisation.objects.bulk_create(
        Organisation(registration_number=f"{n:08d}", name=f"Удружење {n:03d}", first_year=2024, last_year=2025)
        for n in range(1, 121)
    )
    client.get(reverse("organisations:index"))  # warm the site's shared caches

    with django_assert_max_num_queries(8):
        response = client.get(reverse("organisations:index"), {"page": "3"})

    assert len(response.context["rows"]) == 20
    assert response.context["rows"][0]["name"] == "Удружење 101"


def test_payments_and_funding_outside_calls_are_on_the_page(client, home):
    call = call_with_results(home, [award("Удружење „Мост“", awarded="400000")])
    row = call.awards.get()
    AwardPayment.objects.create(award=row, amount=Decimal("150000"), paid_on=datetime.date.today())
    AwardPayment.objects.create(award=row, amount=Decimal("50000"), paid_on=datetime.date.today())
    DirectFunding.objects.create(
        organisation_name="Удружење „Мост“",
        registration_number=NUMBER,
        purpose="Летњи камп",
        amount=Decimal("100000"),
        amount_paid=Decimal("100000"),
        granted_on=datetime.date.today(),
        legal_basis="Одлука о буџету, члан 5.",
        funder="Градска управа за културу",
    )

    response = client.get(ORGANISATION_URL)

    profile = response.context["profile"]
    paid = {row.through_call: row.amount_paid for row in profile.awards}
    assert paid == {True: Decimal("200000"), False: Decimal("100000")}
    assert profile.total.paid == Decimal("300000") == sum(row.amount_paid for row in profile.awards)
    assert profile.total.awarded == Decimal("500000")
    assert profile.total.call_count == 1
    assert "Градска управа за културу" in response.content.decode()


def test_the_hourly_job_adds_an_organisation_once_a_calls_results_become_public(home):
    from django.core.management import call_command
    from django.utils import timezone

    from calls.models import CallPage
    from core.scheduler import JOBS

    call = call_with_results(home, [award("Удружење „Мост“")], results_published_in=timezone.timedelta(hours=1))
    assert not Organisation.objects.exists()
    # The hour passes: no signal marks it.
    CallPage.objects.filter(pk=call.pk).update(results_published_at=timezone.now() - timezone.timedelta(minutes=1))

    assert "sync_organisations" in {job.name for job in JOBS}
    assert call_command("sync_organisations") == "1 organisations up to date."
    assert Organisation.objects.get().name == "Удружење „Мост“"


def test_the_sitemap_lists_every_organisation_page_in_every_language(client, home):
    call_with_results(home, [award("Удружење „Мост“")])

    xml = client.get("/sitemap-organisations.xml").content.decode()

    for language in ("sr-cyrl", "sr-latn", "en"):
        assert f"/{language}/organisations/{NUMBER}/</loc>" in xml
