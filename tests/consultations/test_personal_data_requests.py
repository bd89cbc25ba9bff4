"""Access and erasure requests with the project's own command: `manage.py personal_data export|erase --email X`."""

import json
import stat
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from wagtail.models import ModelLogEntry

from consultations import moderation
from consultations.models import Comment, CommentState
from tests.consultations.factories import CommentFactory, ConsultationPageFactory

pytestmark = pytest.mark.django_db

EMAIL = "jovana@udruzenje.example"
TEXT = "Рок је прекратак; јавите се на jovana@udruzenje.example или 064 123 4567."


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о роковима")


def comment_of(page, email=EMAIL, **fields):
    return CommentFactory(consultation=page, article=page.articles.first(), contact_email=email, **fields)


def with_attachment(comment, content=b"%PDF-1.4 personal"):
    comment.attachment.save("prilog.pdf", ContentFile(content), save=True)
    return comment


def run(*args) -> str:
    out = StringIO()
    call_command("personal_data", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_export_gives_every_comment_and_admin_account_of_the_address_and_nothing_of_others(page, tmp_path):
    published = comment_of(page, justification=TEXT)
    unconfirmed = comment_of(page, email=EMAIL.upper(), state=CommentState.UNCONFIRMED, tracking_number=None)
    other = comment_of(page, email="someone.else@example.org")
    get_user_model().objects.create_user("jovana", email=EMAIL, first_name="Јована")

    data = json.loads(run("export", "--email", EMAIL))

    assert {c["state"] for c in data["comments"]} == {"published", "unconfirmed"}
    record = next(c for c in data["comments"] if c["state"] == "published")
    assert record["tracking_number"] == published.tracking_number
    assert (record["contact_name"], record["contact_phone"]) == (published.contact_name, published.contact_phone)
    assert record["justification"] == TEXT and record["consultation"]["title"] == page.title
    assert unconfirmed.contact_email in [c["contact_email"] for c in data["comments"]]
    assert other.tracking_number not in json.dumps(data)
    assert [(a["username"], a["first_name"]) for a in data["admin_accounts"]] == [("jovana", "Јована")]

    target = tmp_path / "request.json"
    run("export", "--email", EMAIL, "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8")) == data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_erase_anonymises_published_comments_and_keeps_their_redacted_text(page):
    published = with_attachment(comment_of(page, justification=TEXT, state=CommentState.PUBLISHED))
    other = comment_of(page, email="someone.else@example.org")

    run("erase", "--email", EMAIL)

    published.refresh_from_db()
    assert (published.contact_name, published.contact_email, published.contact_phone) == ("", "", "")
    assert published.contact_erased_at is not None and published.content_key is None
    assert published.state == CommentState.PUBLISHED and published.organisation_name
    assert published.justification == "Рок је прекратак; јавите се на … или …."
    assert published.attachment and published.attachment.storage.exists(published.attachment.name)
    entry = ModelLogEntry.objects.for_instance(published).get(action=moderation.LOG_ERASE_CONTACT)
    assert EMAIL not in f"{entry.label} {entry.data}"
    other.refresh_from_db()
    assert other.contact_email == "someone.else@example.org" and other.contact_name
    assert json.loads(run("export", "--email", EMAIL))["comments"] == []


def test_erase_deletes_unconfirmed_comments_with_their_attachments(page):
    unconfirmed = with_attachment(comment_of(page, state=CommentState.UNCONFIRMED, tracking_number=None))
    storage, name = unconfirmed.attachment.storage, unconfirmed.attachment.name

    output = run("erase", "--email", EMAIL.title())

    assert not Comment.objects.filter(pk=unconfirmed.pk).exists()
    assert not storage.exists(name)
    assert "1 unconfirmed comment(s) deleted" in output


def test_erase_with_delete_attachments_removes_the_files_of_kept_comments(page):
    confirmed = with_attachment(comment_of(page, state=CommentState.CONFIRMED))
    storage, name = confirmed.attachment.storage, confirmed.attachment.name

    run("erase", "--email", EMAIL, "--delete-attachments")

    confirmed.refresh_from_db()
    assert not confirmed.attachment and confirmed.attachment_sha256 == ""
    assert not storage.exists(name)
    assert confirmed.state == CommentState.CONFIRMED and confirmed.contact_email == ""


def test_a_value_that_is_not_an_email_address_is_refused():
    with pytest.raises(CommandError, match="Not an e-mail address"):
        run("erase", "--email", "%")
