"""Moderating one comment in the admin's edit view: states, reasons, answers and their dates."""

import pytest

from consultations import moderation
from consultations.models import CommentState, Decision, RejectionReason
from tests.consultations.factories import CommentFactory
from tests.consultations.moderation_admin import edit_url, fresh, logs, moderation_data

pytestmark = pytest.mark.django_db


def test_rejecting_in_the_edit_view_needs_a_reason(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    response = admin_client.post(edit_url(comment), moderation_data(state=CommentState.REJECTED))

    assert response.status_code == 200
    assert "rejection_reason" in response.context["form"].errors
    assert fresh(comment).state == CommentState.CONFIRMED

    response = admin_client.post(
        edit_url(comment), moderation_data(state=CommentState.REJECTED, rejection_reason=RejectionReason.SPAM)
    )

    assert response.status_code == 302
    comment = fresh(comment)
    assert (comment.state, comment.rejection_reason) == (CommentState.REJECTED, RejectionReason.SPAM)
    assert logs(comment, moderation.LOG_REJECT).get().data == {"reason": "spam"}


def test_publishing_and_answering_in_the_edit_view_set_their_dates(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    original_name = comment.organisation_name

    response = admin_client.post(
        edit_url(comment),
        moderation_data(
            state=CommentState.PUBLISHED,
            decision=Decision.PARTLY,
            decision_reasons="Рок се продужава на 20 дана.",
            organisation_name="Промењено",  # commenter's fields are read-only: ignored
        ),
    )

    assert response.status_code == 302
    comment = fresh(comment)
    assert comment.state == CommentState.PUBLISHED
    assert comment.published_at is not None
    assert comment.decision == Decision.PARTLY
    assert comment.answered_at is not None
    assert comment.organisation_name == original_name
    assert logs(comment, moderation.LOG_PUBLISH).exists()
    assert logs(comment, moderation.LOG_ANSWER).get().data == {"decision": "partly"}


def test_a_decision_against_the_comment_needs_reasons(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0])

    response = admin_client.post(
        edit_url(comment), moderation_data(state=CommentState.PUBLISHED, decision=Decision.NOT_ACCEPTED)
    )

    assert response.status_code == 200
    assert "decision_reasons" in response.context["form"].errors
    assert fresh(comment).decision == ""


def test_an_unconfirmed_comment_cannot_be_published_from_the_edit_view(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.UNCONFIRMED)

    admin_client.post(edit_url(comment), moderation_data(state=CommentState.PUBLISHED))

    assert fresh(comment).state == CommentState.UNCONFIRMED
