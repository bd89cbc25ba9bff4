"""Moderating many comments at once in the admin: bulk publish, reject and answer, select all."""

from urllib.parse import urlencode

import pytest

from django.utils.html import escape

from wagtail.models import ModelLogEntry

from consultations import moderation
from consultations.models import CommentState, Decision, RejectionReason
from tests.consultations.factories import CommentFactory
from tests.consultations.moderation_admin import LIST_URL, bulk_url, fresh, logs

pytestmark = pytest.mark.django_db


def test_bulk_publish_publishes_only_confirmed_and_rejected_comments(admin_client, page, articles):
    confirmed = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    rejected = CommentFactory(
        consultation=page, article=articles[0], state=CommentState.REJECTED, rejection_reason=RejectionReason.SPAM
    )
    unconfirmed = CommentFactory(consultation=page, article=articles[0], state=CommentState.UNCONFIRMED)
    selection = [confirmed, rejected, unconfirmed]

    confirm_page = admin_client.get(bulk_url("publish", selection))
    assert confirm_page.status_code == 200
    assert [item["applies"] for item in confirm_page.context["items"]] == [True, True, False]

    response = admin_client.post(bulk_url("publish", selection))

    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    for comment in [confirmed, rejected]:
        comment = fresh(comment)
        assert comment.state == CommentState.PUBLISHED
        assert comment.published_at is not None
        assert comment.rejection_reason == ""
        assert logs(comment, moderation.LOG_PUBLISH).exists()
    assert fresh(unconfirmed).state == CommentState.UNCONFIRMED
    assert fresh(unconfirmed).published_at is None


def test_bulk_reject_requires_a_reason(admin_client, page, articles):
    comments = CommentFactory.create_batch(2, consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    response = admin_client.post(bulk_url("reject", comments), {})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "reason" in errors
    assert escape(errors["reason"][0]) in response.content.decode()
    assert {fresh(c).state for c in comments} == {CommentState.CONFIRMED}

    response = admin_client.post(bulk_url("reject", comments), {"reason": RejectionReason.OFF_TOPIC})

    assert response.status_code == 302
    for comment in comments:
        comment = fresh(comment)
        assert (comment.state, comment.rejection_reason) == (CommentState.REJECTED, RejectionReason.OFF_TOPIC)
        assert comment.published_at is None
        assert logs(comment, moderation.LOG_REJECT).get().data == {"reason": "off_topic"}


def test_bulk_answer_gives_every_selected_comment_the_same_answer(admin_client, page, articles):
    campaign = CommentFactory.create_batch(3, consultation=page, article=articles[0], justification="Исти текст.")
    untouched = CommentFactory(consultation=page, article=articles[0])
    reasons = "Предлог није у складу са законом."

    response = admin_client.post(bulk_url("answer", campaign), {"decision": Decision.NOT_ACCEPTED})
    assert response.status_code == 200
    assert "reasons" in response.context["form"].errors

    response = admin_client.post(bulk_url("answer", campaign), {"decision": Decision.NOT_ACCEPTED, "reasons": reasons})

    assert response.status_code == 302
    for comment in campaign:
        comment = fresh(comment)
        assert (comment.decision, comment.decision_reasons) == (Decision.NOT_ACCEPTED, reasons)
        assert comment.answered_at is not None
    assert fresh(untouched).decision == ""
    uuids = set(ModelLogEntry.objects.filter(action=moderation.LOG_ANSWER).values_list("uuid", flat=True))
    assert len(uuids) == 1  # one bulk action, one logged operation


def test_select_all_in_listing_keeps_the_listing_filters(admin_client, page, articles):
    campaign = CommentFactory.create_batch(2, consultation=page, article=articles[0], justification="Исти текст.")
    other = CommentFactory(consultation=page, article=articles[1])
    listing = f"{LIST_URL}?{urlencode({'same_text_as': campaign[0].pk})}"
    url = "/admin/bulk/consultations/comment/answer/?" + urlencode({"id": "all", "next": listing})

    response = admin_client.post(url, {"decision": Decision.NOTED})

    assert response.status_code == 302
    assert {fresh(c).decision for c in campaign} == {Decision.NOTED}
    assert fresh(other).decision == ""
