"""Position papers: an attachment is public with its comment only when its author agreed and a moderator approved.

Before that (and for a comment not published, or published without its text) the public address
answers 404 like any unknown one; once public, the consultation page and the report link it and
the manifest gives its SHA-256 next to the comment's.
"""

import hashlib
import json
from datetime import timedelta

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

from consultations.admin_attachment import LOG_APPROVE
from consultations.models import Comment, CommentState, Consent
from tests.consultations.factories import CommentFactory, ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import comment_data, logged_in, post_comment
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db

PAPER = b"%PDF-1.4\n% Analiza nacrta odluke\n"


@once_per_module
def page(module_rows):
    return ConsultationPageFactory(
        home=module_rows.home_page(), opens_in=-timedelta(days=20), closes_in=timedelta(days=5)
    )


@pytest.fixture
def moderator(db):
    return logged_in(StaffUserFactory(username="moderator", permissions=["moderate_comment"]))


def with_paper(comment, agreed=True) -> Comment:
    comment.attachment.save("analiza.pdf", ContentFile(PAPER), save=False)
    comment.attachment_sha256 = hashlib.sha256(PAPER).hexdigest()
    comment.attachment_publication = agreed
    comment.save()
    return comment


def public_url(page, comment) -> str:
    return page.url + page.reverse_subpage("published_attachment", args=[comment.tracking_number])


def approval_url(comment) -> str:
    return reverse("consultation_comment_attachment_publication", args=[comment.pk])


def test_an_attachment_is_public_only_after_consent_and_approval(client, page, moderator):
    comment = with_paper(CommentFactory(consultation=page, article=None))
    assert client.get(public_url(page, comment)).status_code == 404, "agreed, not yet approved"

    assert moderator.post(approval_url(comment), {"approve": "1"}).status_code == 302
    comment.refresh_from_db()
    assert comment.attachment_approved_at is not None and comment.attachment_approved_by.username == "moderator"
    assert ModelLogEntry.objects.filter(action=LOG_APPROVE, object_id=str(comment.pk)).exists()

    response = client.get(public_url(page, comment))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PAPER
    assert response["Content-Disposition"] == 'attachment; filename="analiza.pdf"'
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"

    html = client.get(page.url).content.decode()
    assert public_url(page, comment) in html, "the published comment links its attachment"

    moderator.post(approval_url(comment), {"approve": "0"})
    assert client.get(public_url(page, comment)).status_code == 404, "withdrawn"


def test_without_the_authors_consent_the_attachment_cannot_be_approved_or_downloaded(client, page, moderator):
    comment = with_paper(CommentFactory(consultation=page, article=None), agreed=False)
    assert moderator.post(approval_url(comment), {"approve": "1"}, follow=True).status_code == 404
    comment.refresh_from_db()
    assert comment.attachment_approved_at is None
    assert client.get(public_url(page, comment)).status_code == 404


@pytest.mark.parametrize(
    "changes",
    [
        {"state": CommentState.CONFIRMED},
        {"state": CommentState.REJECTED, "rejection_reason": "spam"},
        {"consent": Consent.PRIVATE},
    ],
    ids=["waiting-for-moderation", "rejected", "author-asked-not-to-publish"],
)
def test_an_approved_attachment_of_a_comment_not_shown_stays_private(client, page, changes):
    comment = with_paper(CommentFactory(consultation=page, article=None))
    Comment.objects.filter(pk=comment.pk).update(attachment_approved_at=timezone.now(), published_at=None, **changes)
    assert client.get(public_url(page, comment)).status_code == 404


def test_people_without_the_moderation_permission_cannot_approve(page):
    comment = with_paper(CommentFactory(consultation=page, article=None))
    editor = logged_in(StaffUserFactory(username="urednik"))
    assert editor.get(approval_url(comment)).status_code == 403
    assert editor.post(approval_url(comment), {"approve": "1"}).status_code == 403
    comment.refresh_from_db()
    assert comment.attachment_approved_at is None


def test_the_report_links_the_paper_and_the_manifest_lists_its_sha256(client, page, moderator):
    comment = with_paper(CommentFactory(consultation=page, article=None))
    other = with_paper(CommentFactory(consultation=page, article=None))  # agreed, never approved
    moderator.post(approval_url(comment), {"approve": "1"})
    page.closes_at = timezone.now() - timedelta(hours=1)
    page.report_published_at = timezone.now()
    page.save()
    paper_sha256 = hashlib.sha256(PAPER).hexdigest()

    manifest = client.get(page.url + "izvestaj/manifest/").content.decode().splitlines()
    assert f"{comment.text_sha256}  {comment.tracking_number}  attachment-sha256:{paper_sha256}" in manifest
    assert f"{other.text_sha256}  {other.tracking_number}" in manifest, "an unapproved attachment is not listed"

    assert public_url(page, comment) in client.get(page.url + "izvestaj/").content.decode()
    rows = {
        row["tracking_number"]: row for row in json.loads(client.get(page.url + "izvestaj/json/").content)["comments"]
    }
    assert rows[comment.tracking_number]["attachment_sha256"] == paper_sha256
    assert rows[comment.tracking_number]["attachment_url"].endswith(public_url(page, comment))
    assert rows[other.tracking_number]["attachment_url"] == ""


def test_the_public_form_asks_for_consent_unticked_and_stores_it(client, page):
    html = client.get(page.url).content.decode()
    assert 'name="attachment_publication"' in html
    assert 'name="attachment_publication" id="id_attachment_publication" checked' not in html

    from django.core.files.uploadedfile import SimpleUploadedFile

    from demo.files import pdf_document

    paper = SimpleUploadedFile("analiza.pdf", pdf_document("Анализа", ["Анализа нацрта."]))
    post_comment(client, page, comment_data(page, attachment=paper, attachment_publication="on"))
    comment = Comment.objects.get()
    assert comment.attachment_publication and comment.attachment_approved_at is None


@pytest.mark.parametrize("number", ["JK-AAAAA-AAAAA\x00", "%00", "jk-aaaaa-aaaaa", "x" * 300])
def test_anything_but_a_tracking_number_is_not_found_without_reaching_the_database(client, page, number):
    from urllib.parse import quote

    assert client.get(page.url + "prilog/" + quote(number, safe="") + "/").status_code == 404
