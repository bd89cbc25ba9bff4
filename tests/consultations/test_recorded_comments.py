"""Comments received by e-mail, letter, at a hearing or a round table, recorded by a moderator in the admin.

They sit with the site's comments, are sealed the same way and are in the report, its exports
and the manifest, marked by channel; only moderators can record them, and the site's comments
keep their SHA-256.
"""

import csv
import hashlib
import io
import json
from datetime import timedelta

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from consultations import moderation
from consultations.admin_recording import LOG_RECORD, URL_NAME
from consultations.models import Channel, Comment, CommentState
from tests.consultations.factories import CommentFactory, ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import logged_in

pytestmark = pytest.mark.django_db

ROUND_TABLE_TEXT = "На округлом столу предложено је да рок буде 45 дана."


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, opens_in=-timedelta(days=20), closes_in=timedelta(days=5))


@pytest.fixture
def moderator_user(db):
    return StaffUserFactory(username="moderatorka", permissions=["moderate_comment"])


def scan() -> SimpleUploadedFile:
    from demo.files import pdf_document

    return SimpleUploadedFile("zapisnik.pdf", pdf_document("Записник", ["Записник са округлог стола."]))


def record_data(page, **overrides) -> dict:
    data = {
        "consultation": page.pk,
        "article": page.articles.order_by("sort_order").first().pk,
        "channel": Channel.ROUND_TABLE,
        "received_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "kind": "change",
        "proposed_wording": "Рок је 45 дана.",
        "justification": ROUND_TABLE_TEXT,
        "respondent_type": "informal_group",
        "organisation_name": "Мрежа младих Новог Сада",
        "contact_name": "Петар Петровић",
        "contact_email": "",
        "contact_phone": "",
        "consent": "public",
        "attachment": scan(),
    }
    data.update(overrides)
    return data


def publish_report(page):
    page.closes_at = timezone.now() - timedelta(hours=1)
    page.report_published_at = timezone.now()
    page.save()


def test_a_moderator_records_a_round_table_comment_sealed_confirmed_and_logged(page, moderator_user):
    client = logged_in(moderator_user)
    assert client.get(reverse(URL_NAME)).status_code == 200

    response = client.post(reverse(URL_NAME), record_data(page))

    comment = Comment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "consultation_comments:edit", args=[comment.pk]
    )
    assert comment.channel == Channel.ROUND_TABLE and comment.is_recorded
    assert comment.state == CommentState.CONFIRMED and comment.tracking_number.startswith("JK-")
    assert comment.entered_by == moderator_user and comment.entered_at is not None
    assert comment.received_on == timezone.localdate() - timedelta(days=2)
    assert comment.text_sha256 == hashlib.sha256(comment.canonical_text().encode()).hexdigest(), "sealed like a web one"
    assert ROUND_TABLE_TEXT in comment.canonical_text()
    assert comment.attachment_sha256 == hashlib.sha256(comment.attachment.read()).hexdigest()
    assert not comment.attachment_publication, "the scan stays private"
    entry = ModelLogEntry.objects.get(action=LOG_RECORD)
    assert entry.user == moderator_user and entry.object_id == str(comment.pk)


def test_recorded_comment_appears_in_the_report_exports_and_manifest_marked_by_channel(client, page, moderator_user):
    logged_in(moderator_user).post(reverse(URL_NAME), record_data(page))
    recorded = Comment.objects.get()
    web = CommentFactory(consultation=page, article=None)
    moderation.publish([recorded], moderator_user)
    publish_report(page)

    html = client.get(page.url + "izvestaj/").content.decode()
    assert "округли сто" in html and ROUND_TABLE_TEXT in html

    rows = {
        row["tracking_number"]: row
        for row in csv.DictReader(io.StringIO(client.get(page.url + "izvestaj/csv/").content.decode()[1:]))
    }
    assert rows[recorded.tracking_number]["channel"] == "round_table"
    assert rows[web.tracking_number]["channel"] == "web"

    data = json.loads(client.get(page.url + "izvestaj/json/").content)
    per_channel = {count["channel"]: count["count"] for count in data["statistics"]["per_channel"]}
    assert per_channel == {"web": 1, "email": 0, "letter": 0, "hearing": 0, "round_table": 1}

    manifest = client.get(page.url + "izvestaj/manifest/").content.decode().splitlines()
    assert f"{recorded.text_sha256}  {recorded.tracking_number}  received-by:round_table" in manifest
    assert f"{web.text_sha256}  {web.tracking_number}" in manifest, "web comments' lines are as they were"

    published = client.get(page.url).content.decode()
    assert "на округлом столу" in published, "the consultation page says how the comment was received"


def test_people_without_the_moderation_permission_get_403_and_record_nothing(page):
    editor = logged_in(StaffUserFactory(username="urednica"))
    assert editor.get(reverse(URL_NAME)).status_code == 403
    assert editor.post(reverse(URL_NAME), record_data(page)).status_code == 403
    assert not Comment.objects.exists()


def test_the_form_refuses_a_future_date_a_missing_original_and_a_disguised_scan_in_serbian(
    home_page, page, moderator_user
):
    client = logged_in(moderator_user)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    html = client.post(reverse(URL_NAME), record_data(page, received_on=tomorrow, attachment="")).content.decode()
    assert "Датум пријема не може бити у будућности." in html
    assert "Наведите оригинал" in html

    disguised = SimpleUploadedFile("zapisnik.pdf", b"<html><script>alert(1)</script></html>")
    html = client.post(reverse(URL_NAME), record_data(page, attachment=disguised)).content.decode()
    assert "Прилог није документ у формату PDF, DOCX или ODT." in html

    other = ConsultationPageFactory(home=home_page)
    html = client.post(reverse(URL_NAME), record_data(page, article=other.articles.first().pk)).content.decode()
    assert "Изаберите члан ове консултације" in html
    assert not Comment.objects.exists()


def test_the_sha256_of_the_sites_comments_is_unchanged(page):
    """The exact canonical text every web comment was sealed with before channels existed."""
    comment = CommentFactory(
        consultation=page,
        article=None,
        target_label="Нацрт у целини",
        proposed_wording="Рок 30 дана.",
        justification="Кратко.",
        organisation_name="Удружење",
        registration_number="28012345",
    )
    before = (
        f"consultation: {page.pk}\ntarget: Нацрт у целини\nkind: change\nproposed wording: Рок 30 дана.\n"
        "justification: Кратко.\norganisation: Удружење (28012345)"
    )
    assert comment.channel == Channel.WEB and not comment.is_recorded
    assert comment.text_sha256 == hashlib.sha256(before.encode()).hexdigest()
