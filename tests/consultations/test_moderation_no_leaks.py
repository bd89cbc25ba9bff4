"""Comment moderation leaks nothing: contact data only where a moderator needs it, commenter text escaped."""

import pytest

from django.utils.html import escape

from wagtail.models import ModelLogEntry

from consultations import moderation
from consultations.models import CommentState, Decision
from tests.consultations.factories import CommentFactory
from tests.consultations.moderation_admin import LIST_URL, bulk_url, edit_url, fresh, logs, moderation_data

XSS = "<script>alert(1)</script>"

pytestmark = pytest.mark.django_db


def test_contact_details_only_in_the_edit_and_inspect_views(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    listing = admin_client.get(LIST_URL).content.decode()
    assert comment.organisation_name in listing
    assert comment.contact_email not in listing
    assert comment.contact_phone not in listing
    assert comment.contact_name not in listing

    for url in [edit_url(comment), f"/admin/comments/inspect/{comment.pk}/"]:
        content = admin_client.get(url).content.decode()
        assert comment.contact_email in content
        assert comment.contact_phone in content


def test_commenter_text_is_escaped_in_the_listing_and_the_edit_view(admin_client, page, articles):
    comment = CommentFactory(
        consultation=page,
        article=articles[0],
        state=CommentState.CONFIRMED,
        organisation_name=XSS,
        justification=f"{XSS}\nДруги ред.",
        proposed_wording=XSS,
    )

    for url in [LIST_URL, edit_url(comment), f"/admin/comments/inspect/{comment.pk}/"]:
        content = admin_client.get(url).content.decode()
        assert XSS not in content, url
        assert escape(XSS) in content, url


def test_erasing_contact_data_keeps_the_comment_anonymous(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.PUBLISHED)
    email, phone = comment.contact_email, comment.contact_phone

    response = admin_client.post(bulk_url("erase_contact", [comment]))

    assert response.status_code == 302
    comment = fresh(comment)
    assert (comment.contact_name, comment.contact_email, comment.contact_phone) == ("", "", "")
    assert comment.contact_erased_at is not None
    assert comment.justification and comment.organisation_name and comment.state == CommentState.PUBLISHED
    entry = logs(comment, moderation.LOG_ERASE_CONTACT).get()
    assert email not in f"{entry.label} {entry.data}" and phone not in f"{entry.label} {entry.data}"


def test_the_moderation_log_never_holds_contact_data(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    admin_client.post(bulk_url("publish", [comment]))
    admin_client.post(bulk_url("answer", [comment]), {"decision": Decision.ACCEPTED, "reasons": ""})
    admin_client.post(edit_url(comment), moderation_data(state=CommentState.PUBLISHED, decision=Decision.NOTED))

    entries = list(ModelLogEntry.objects.for_instance(comment))
    assert len(entries) >= 3
    dump = " ".join(f"{entry.label} {entry.data}" for entry in entries)
    for secret in [comment.contact_email, comment.contact_phone, comment.contact_name]:
        assert secret not in dump

    history = admin_client.get(f"/admin/comments/history/{comment.pk}/")
    assert history.status_code == 200
