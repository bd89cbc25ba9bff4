"""Who may moderate comments in the admin, the moderator's dashboard panel, and what nobody may do."""

import pytest

from django.utils.html import escape

from consultations import moderation
from consultations.models import Comment, CommentState, RejectionReason
from tests.consultations.factories import CommentFactory, ConsultationPageFactory
from tests.consultations.moderation_admin import LIST_URL, assert_denied, bulk_url, edit_url, fresh, logs

pytestmark = pytest.mark.django_db


def test_an_editor_without_the_permission_sees_nothing(staff_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    for url in [
        LIST_URL,
        "/admin/comments/results/",
        edit_url(comment),
        f"/admin/comments/inspect/{comment.pk}/",
        f"/admin/comments/history/{comment.pk}/",
        bulk_url("publish", [comment]),
    ]:
        assert_denied(staff_client, url)
    assert_denied(staff_client, edit_url(comment), "post")
    assert_denied(staff_client, bulk_url("publish", [comment]), "post")
    assert fresh(comment).state == CommentState.CONFIRMED
    # Wagtail's snippet chooser would list comments to any editor; it is not registered.
    chooser = staff_client.get("/admin/snippets/choose/consultations/comment/", follow=True)
    assert chooser.status_code == 404

    home = staff_client.get("/admin/")
    assert home.status_code == 200
    content = home.content.decode()
    assert LIST_URL not in content
    assert "consultation-comments-waiting" not in content
    assert comment.tracking_number not in content


def test_a_moderator_sees_the_listing_and_the_waiting_comments_on_the_dashboard(moderator_client, page, articles):
    CommentFactory.create_batch(2, consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    CommentFactory(consultation=page, article=articles[0], state=CommentState.PUBLISHED)

    assert moderator_client.get(LIST_URL).status_code == 200
    assert moderator_client.get(LIST_URL, {"state": CommentState.CONFIRMED}).context["items_count"] == 2
    home = moderator_client.get("/admin/")
    content = home.content.decode()
    assert 'id="consultation-comments-waiting' in content or "consultation-comments-waiting" in content
    assert escape(f"{LIST_URL}?consultation={page.pk}&state=confirmed") in content
    assert page.title in content


def test_a_moderator_who_is_not_a_superuser_moderates(moderator_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0], state=CommentState.CONFIRMED)

    assert moderator_client.get(edit_url(comment)).status_code == 200
    response = moderator_client.post(bulk_url("reject", [comment]), {"reason": RejectionReason.ABUSIVE})

    assert response.status_code == 302
    assert fresh(comment).state == CommentState.REJECTED
    assert logs(comment, moderation.LOG_REJECT).get().user.username == "moderator"


def test_the_dashboard_counts_in_one_query(page, articles, django_assert_num_queries):
    other_page = ConsultationPageFactory(home=page.get_parent().specific.get_parent().specific)
    CommentFactory.create_batch(3, consultation=page, article=articles[0], state=CommentState.CONFIRMED)
    CommentFactory(consultation=other_page, article=other_page.articles.first(), state=CommentState.CONFIRMED)
    CommentFactory(consultation=other_page, article=other_page.articles.first(), state=CommentState.PUBLISHED)

    with django_assert_num_queries(1):
        rows = moderation.waiting_by_consultation()

    assert {row["consultation_id"]: row["waiting"] for row in rows} == {page.pk: 3, other_page.pk: 1}


def test_nobody_adds_or_deletes_comments_in_the_admin(admin_client, page, articles):
    comment = CommentFactory(consultation=page, article=articles[0])

    assert_denied(admin_client, "/admin/comments/add/")
    assert_denied(admin_client, f"/admin/comments/delete/{comment.pk}/")
    assert_denied(admin_client, f"/admin/comments/delete/{comment.pk}/", "post")
    admin_client.post(bulk_url("delete", [comment]))
    assert Comment.objects.filter(pk=comment.pk).exists()
