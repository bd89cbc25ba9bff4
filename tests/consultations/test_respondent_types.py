"""Anyone may comment: organisations, informal groups, citizens, institutions, businesses.

The organisation fields are asked only where they apply (the server decides; every field is in
the page), the registration number is checked with its check digit, a citizen's name is shown
only when the citizen chose publication with their name, and the report, its exports and the
moderators' listing break the comments down by who sent them.
"""

import csv
import io
import json

import pytest

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation

from consultations.models import Comment, Consent, RespondentType
from consultations.report import build_report, report_response
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.helpers import VALID_REGISTRATION_NUMBER, comment_data, post_comment
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

CITIZEN_NAME = "Милица Грађанка"
# Real published numbers (tests/core/test_registry_numbers.py): the City of Novi Sad, NIS a.d. Novi Sad.
CITY_OF_NOVI_SAD = "08179115"
NIS_TAX_NUMBER = "104052135"


@once_per_module
def consultation(module_rows):
    return ConsultationPageFactory(
        home=module_rows.home_page(), title="Нацрт одлуке о јавним расправама", article_count=3
    )


def send(client, page, **overrides):
    return post_comment(client, page, comment_data(page, **overrides))


def errors_of(response) -> dict:
    return response.context["form"].errors


# --- who must fill in what ------------------------------------------------------------------------


def test_a_citizen_comments_without_any_organisation_field(client, consultation):
    response = send(
        client,
        consultation,
        respondent_type=RespondentType.CITIZEN,
        contact_name=CITIZEN_NAME,
        organisation_name="",
        registration_number="",
        organisation_type="",
    )
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.respondent_type == RespondentType.CITIZEN
    assert (comment.organisation_name, comment.registration_number, comment.organisation_type) == ("", "", "")
    assert comment.contact_name == CITIZEN_NAME


def test_organisation_fields_left_from_another_type_are_dropped_with_their_errors(client, consultation):
    # Filled in as an organisation (with a mistyped number), then switched to "citizen" without JavaScript.
    response = send(client, consultation, respondent_type=RespondentType.CITIZEN, registration_number="17162544")
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert (comment.organisation_name, comment.registration_number, comment.tax_id) == ("", "", "")


@pytest.mark.parametrize(
    ("respondent_type", "missing", "message"),
    [
        (RespondentType.ORGANISATION, "registration_number", "Упишите матични број од 8 цифара."),
        (RespondentType.ORGANISATION, "organisation_type", "Изаберите врсту организације."),
        (RespondentType.ORGANISATION, "organisation_name", "Упишите назив организације"),
        (RespondentType.INFORMAL_GROUP, "organisation_name", "Упишите назив организације"),
        (RespondentType.INSTITUTION, "organisation_name", "Упишите назив организације"),
        (RespondentType.BUSINESS, "registration_number", "Упишите матични број од 8 цифара."),
        (RespondentType.CITIZEN, "contact_name", "Ово поље се мора попунити."),
    ],
)
def test_each_type_must_give_what_applies_to_it(client, consultation, respondent_type, missing, message):
    response = send(client, consultation, respondent_type=respondent_type, **{missing: ""})
    assert response.status_code == 400
    assert message in errors_of(response)[missing][0]
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("respondent_type", "fields"),
    [
        (RespondentType.INFORMAL_GROUP, {"organisation_name": "Неформална група „Станари Лимана“"}),
        (RespondentType.INSTITUTION, {"organisation_name": "Градска управа", "registration_number": ""}),
        (RespondentType.INSTITUTION, {"organisation_name": "Град Нови Сад", "registration_number": CITY_OF_NOVI_SAD}),
        (RespondentType.BUSINESS, {"organisation_name": "NIS a.d. Novi Sad", "tax_id": NIS_TAX_NUMBER}),
    ],
)
def test_groups_institutions_and_businesses_comment_with_what_they_have(client, consultation, respondent_type, fields):
    data = {"registration_number": "", "organisation_type": "", **fields}
    if respondent_type == RespondentType.BUSINESS:
        data["registration_number"] = "20084693"  # NIS a.d. Novi Sad's published registration number
    response = send(client, consultation, respondent_type=respondent_type, **data)
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.respondent_type == respondent_type
    assert comment.organisation_name == fields["organisation_name"]
    assert comment.organisation_type == "", "the kind of CSO is asked of registered organisations only"


def test_a_registration_number_with_a_wrong_check_digit_is_refused_in_serbian(client, consultation):
    wrong = VALID_REGISTRATION_NUMBER[:7] + str((int(VALID_REGISTRATION_NUMBER[7]) + 1) % 10)
    response = send(client, consultation, registration_number=wrong)
    assert response.status_code == 400
    assert "контролна цифра" in errors_of(response)["registration_number"][0]
    assert Comment.objects.count() == 0


def test_the_form_holds_every_field_and_says_which_types_each_is_for(client, consultation):
    html = client.get(consultation.url).content.decode()
    for value in RespondentType.values:
        assert f'name="respondent_type" value="{value}"' in html
    assert 'name="registration_number"' in html and 'name="organisation_type"' in html
    assert 'data-respondent-types="organisation institution business"' in html  # registration number, tax ID
    assert 'data-respondent-types="organisation"' in html  # the kind of CSO
    assert "js/respondent-fields.js" in html


# --- what is published ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("respondent_type", "consent", "expected"),
    [
        (RespondentType.CITIZEN, Consent.PUBLIC, CITIZEN_NAME),
        (RespondentType.CITIZEN, Consent.ANONYMOUS, ""),
        (RespondentType.CITIZEN, Consent.PRIVATE, ""),
        (RespondentType.ORGANISATION, Consent.PUBLIC, "Удружење „Мост“"),
        (RespondentType.ORGANISATION, Consent.ANONYMOUS, ""),
        (RespondentType.INFORMAL_GROUP, Consent.PUBLIC, "Удружење „Мост“"),
    ],
)
def test_public_author_is_a_citizens_name_only_when_they_chose_it(consultation, respondent_type, consent, expected):
    comment = CommentFactory.build(
        consultation=consultation,
        article=None,
        respondent_type=respondent_type,
        consent=consent,
        organisation_name="" if respondent_type == RespondentType.CITIZEN else "Удружење „Мост“",
        contact_name=CITIZEN_NAME,
    )
    assert comment.public_author == expected


def citizen_comment(page, consent, **fields):
    values = {
        "article": page.articles.first(),
        "organisation_name": "",
        "registration_number": "",
        "organisation_type": "",
        "contact_name": CITIZEN_NAME,
        **fields,
    }
    return CommentFactory(consultation=page, respondent_type=RespondentType.CITIZEN, consent=consent, **values)


def test_a_citizens_name_is_on_the_page_only_when_they_chose_publication_with_it(client, consultation):
    citizen_comment(consultation, Consent.ANONYMOUS, justification="Анонимни грађански коментар.")
    html = client.get(consultation.url).content.decode()
    assert "Анонимни грађански коментар." in html
    assert CITIZEN_NAME not in html

    citizen_comment(consultation, Consent.PUBLIC, justification="Потписани грађански коментар.")
    html = client.get(consultation.url).content.decode()
    assert CITIZEN_NAME in html


def test_a_citizens_canonical_text_holds_no_name_and_an_organisations_keeps_its_old_form(consultation):
    citizen = citizen_comment(consultation, Consent.PUBLIC)
    assert CITIZEN_NAME not in citizen.canonical_text()
    assert citizen.canonical_text().endswith("respondent: citizen")
    organisation = CommentFactory(consultation=consultation, article=None, organisation_name="Удружење „Мост“")
    assert organisation.canonical_text().endswith(f"organisation: Удружење „Мост“ ({organisation.registration_number})")


# --- the report and the listing -------------------------------------------------------------------


@once_per_module
def closed(module_rows):
    return ConsultationPageFactory(home=module_rows.home_page(), reported=True)


def report_file(page, fmt):
    with translation.override("en"):
        request = RequestFactory().get("/en/report/")
        request.user = AnonymousUser()
        request.LANGUAGE_CODE = "en"
        return report_response(request, page, fmt).content.decode()


def test_the_report_and_its_exports_count_and_mark_each_respondent_type(closed):
    named = citizen_comment(closed, Consent.PUBLIC)
    unnamed = citizen_comment(closed, Consent.ANONYMOUS, contact_name="Петар Непотписани")
    group = CommentFactory(
        consultation=closed,
        article=None,
        respondent_type=RespondentType.INFORMAL_GROUP,
        organisation_name="Група „Лиман“",
    )
    organisation = CommentFactory(consultation=closed, article=None)

    with translation.override("en"):
        report = build_report(closed)
    counts = {count.key: count.count for count in report.statistics.per_respondent_type}
    assert counts == {"organisation": 1, "informal_group": 1, "citizen": 2, "institution": 0, "business": 0}
    assert CITIZEN_NAME not in report.organisations, "citizens are named in their rows, not listed as organisations"
    assert set(report.organisations) == {"Група „Лиман“", organisation.organisation_name}

    rows = {
        row["tracking_number"]: row
        for row in csv.DictReader(io.StringIO(report_file(closed, "csv").removeprefix("\ufeff")))
    }
    assert rows[named.tracking_number]["respondent_type"] == "citizen"
    assert rows[named.tracking_number]["organisation"] == CITIZEN_NAME
    assert rows[unnamed.tracking_number]["organisation"] == ""
    assert rows[group.tracking_number]["respondent_type"] == "informal_group"

    data = json.loads(report_file(closed, "json"))
    assert {c["respondent_type"]: c["count"] for c in data["statistics"]["per_respondent_type"]}["citizen"] == 2
    html = report_file(closed, "html")
    assert "Comments per respondent type" in html and "informal group or network" in html
    for fmt in ("csv", "json", "html"):
        assert "Петар Непотписани" not in report_file(closed, fmt), fmt


def test_the_moderators_filter_the_listing_by_respondent_type_and_see_the_counts(admin_client, consultation):
    citizen = citizen_comment(consultation, Consent.PUBLIC)
    organisation = CommentFactory(consultation=consultation, article=None)
    response = admin_client.get("/admin/comments/", {"respondent_type": RespondentType.CITIZEN})
    assert response.status_code == 200
    assert {comment.pk for comment in response.context["object_list"]} == {citizen.pk}
    assert organisation.pk not in {comment.pk for comment in response.context["object_list"]}
    html = admin_client.get("/admin/comments/").content.decode()
    with translation.override("sr-cyrl"):
        assert f"{RespondentType.CITIZEN.label} (1)" in html
        assert f"{RespondentType.BUSINESS.label} (0)" in html
