"""Contact data a commenter typed into the comment: shown to the moderator, left out of what is published."""

import hashlib

import pytest

from consultations.models import Comment, CommentState
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.test_report import all_outputs

pytestmark = pytest.mark.django_db

EMAIL = "petar.petrovic@udruzenje.example"
PHONE = "064 123 4567"
TEXT = f"Јавите се Петру на {EMAIL} или на {PHONE} за детаље. <script>alert(1)</script>"


@pytest.fixture
def page(home_page):
    return ConsultationPageFactory(home=home_page, title="Нацрт одлуке о подацима")


def comment_with_contacts(page, **fields):
    fields = {"state": CommentState.CONFIRMED, **fields}
    return CommentFactory(consultation=page, article=page.articles.first(), justification=TEXT, **fields)


def test_the_moderation_screen_marks_the_contact_data_in_the_text(admin_client, page):
    comment = comment_with_contacts(page)
    content = admin_client.get(f"/admin/comments/edit/{comment.pk}/").content.decode()
    assert "looks like an e-mail address or a telephone number" in content or "личи на адресу е-поште" in content
    assert f"<mark>{EMAIL}</mark>" in content
    assert f"<mark>{PHONE}</mark>" in content
    assert "<script>alert(1)</script>" not in content, "the commenter's text stays escaped"


def test_the_moderation_listing_warns_on_the_row_without_showing_the_data(admin_client, page):
    flagged = comment_with_contacts(page)
    clean = CommentFactory(consultation=page, article=page.articles.first(), state=CommentState.CONFIRMED)
    response = admin_client.get("/admin/comments/")
    rows = {row.pk: row for row in response.context["object_list"]}
    assert set(rows) == {flagged.pk, clean.pk}
    content = response.content.decode()
    assert content.count("check before publishing") + content.count("проверите пре објављивања") == 1
    assert EMAIL not in content and PHONE not in content


def test_a_text_without_contact_data_gets_no_warning(admin_client, page):
    comment = CommentFactory(consultation=page, article=page.articles.first(), state=CommentState.CONFIRMED)
    content = admin_client.get(f"/admin/comments/edit/{comment.pk}/").content.decode()
    assert "<mark>" not in content


def test_the_published_comment_leaves_out_the_contact_data_and_the_record_keeps_it(client, page):
    comment = comment_with_contacts(page, state=CommentState.PUBLISHED)
    sealed = comment.text_sha256

    content = client.get(page.url).content.decode()

    assert "Јавите се Петру на … или на … за детаље." in content
    assert EMAIL not in content and PHONE not in content
    stored = Comment.objects.get(pk=comment.pk)
    assert stored.justification == TEXT, "the record keeps the text as received"
    assert stored.text_sha256 == sealed == hashlib.sha256(stored.canonical_text().encode()).hexdigest()


def test_the_report_and_its_exports_leave_out_the_contact_data(home_page):
    page = ConsultationPageFactory(home=home_page, reported=True)
    comment = comment_with_contacts(page, state=CommentState.PUBLISHED)
    for fmt, text in all_outputs(page).items():
        assert EMAIL not in text and PHONE not in text, fmt
        if fmt != "manifest":
            assert "Јавите се Петру на …" in text, fmt
    assert comment.text_sha256 in all_outputs(page)["manifest"], "the manifest still holds the hash of the original"
