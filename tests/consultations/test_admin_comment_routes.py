"""Every admin route that touches comments needs the moderation permission; moderators reach each one."""

from urllib.parse import urlencode

import pytest

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from consultations import moderation
from consultations.models import Comment, CommentState
from tests.consultations.factories import CommentFactory, ConsultationPageFactory, StaffUserFactory
from tests.consultations.helpers import logged_in
from tests.module_rows import once_per_module

pytestmark = pytest.mark.django_db


def published_comment_with_attachment(home) -> Comment:
    page = ConsultationPageFactory(home=home)
    comment = CommentFactory(consultation=page, article=page.articles.first(), state=CommentState.CONFIRMED)
    comment.attachment.save("primedba.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    # A log entry, so the history views and the site history have something to list.
    moderation.publish([comment], StaffUserFactory(username="first-moderator", permissions=["moderate_comment"]))
    return comment


@once_per_module
def comment(module_rows):
    return published_comment_with_attachment(module_rows.home_page())


@pytest.fixture
def editor(db):
    """An editor with every consultations permission the admin's group editor offers, but moderation.

    (For comments it offers only "moderate_comment": CommentViewSet.get_permissions_to_register.)
    """
    user = StaffUserFactory(username="editor")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="consultations").exclude(content_type__model="comment")
    )
    return logged_in(user)


@pytest.fixture
def moderator(db):
    return logged_in(StaffUserFactory(username="moderator", permissions=["moderate_comment"]))


def viewset_urls(comment) -> dict[str, str]:
    """Every URL the comments' admin viewset registers, for this comment where it takes one."""
    urls = {}
    for pattern in Comment.snippet_viewset.get_urlpatterns():
        name = Comment.snippet_viewset.get_url_name(pattern.name)
        args = [comment.pk] if "<" in str(pattern.pattern) else []
        urls[pattern.name] = reverse(name, args=args)
    return urls


def bulk_urls(comment) -> dict[str, str]:
    """Every bulk action registered for comments (Wagtail's generic ones included)."""
    query = urlencode([("id", comment.pk), ("next", "/admin/comments/")])
    return {
        f"bulk {action.action_type}": f"/admin/bulk/consultations/comment/{action.action_type}/?{query}"
        for action in bulk_action_registry.get_bulk_actions_for_model("consultations", "comment")
    }


def comment_urls(comment) -> dict[str, str]:
    return {
        **viewset_urls(comment),
        **bulk_urls(comment),
        "attachment": reverse("consultation_comment_attachment", args=[comment.pk]),
    }


# What moderators work with (add and delete are refused to everyone: comments come from the form).
MODERATOR_ROUTES = {
    "list",
    "list_results",
    "edit",
    "usage",
    "history",
    "history_results",
    "inspect",
    "bulk publish",
    "bulk reject",
    "bulk answer",
    "bulk erase_contact",
    "attachment",
}


def test_the_generic_bulk_delete_lists_nothing_to_an_editor(editor, comment):
    response = editor.get(bulk_urls(comment)["bulk delete"], headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert comment.tracking_number not in response.content.decode()


def test_every_admin_route_to_comments_refuses_an_editor_without_the_permission(editor, comment):
    for name, url in comment_urls(comment).items():
        for method in ("get", "post"):
            response = getattr(editor, method)(url)
            assert response.status_code in (302, 403, 404), f"{method} {name} {url}: {response.status_code}"
            if response.status_code == 302:
                assert response["Location"] in ("/admin/", "/admin/comments/"), f"{name} sends the editor on"
            body = b"".join(response) if response.streaming else response.content
            assert comment.tracking_number.encode() not in body, f"{method} {name} shows the tracking number"
            assert comment.target_label.encode() not in body, f"{method} {name} shows the target"


def test_the_site_history_shows_an_editor_no_comment(editor, comment):
    response = editor.get("/admin/reports/site-history/")
    assert response.status_code == 200, "the report opens for any editor, without the comments in it"
    assert comment.tracking_number not in response.content.decode()


def test_a_moderator_reaches_every_comment_route(moderator, comment):
    urls = comment_urls(comment)
    assert MODERATOR_ROUTES <= set(urls), "a route was renamed: update the list"
    for name in sorted(MODERATOR_ROUTES):
        response = moderator.get(urls[name])
        assert response.status_code == 200, f"{name} {urls[name]}: {response.status_code}"
    history = moderator.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert comment.tracking_number in history.content.decode()


def test_nobody_deletes_comments_through_the_generic_bulk_delete(admin_client, comment):
    url = bulk_urls(comment)["bulk delete"]
    assert admin_client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    admin_client.post(url)
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_ids_in_superscript_or_arabic_digits_or_past_the_integer_range_are_no_filter(moderator, comment):
    """str.isdigit() accepts "²" and "١", which int() refuses: the id is read by core.params instead."""
    for value in ("²", "١٢", str(2**64)):
        for name in ("consultation", "article", "same_text_as"):
            listing = moderator.get(reverse(Comment.snippet_viewset.get_url_name("list")), {name: value})
            assert listing.status_code == 200, (name, value)
        query = urlencode([("id", value), ("id", comment.pk), ("next", "/admin/comments/")])
        bulk = moderator.get(f"/admin/bulk/consultations/comment/publish/?{query}")
        assert bulk.status_code == 200, value
        assert comment.tracking_number in bulk.content.decode()
