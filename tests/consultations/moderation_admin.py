"""The comment moderation admin's addresses and checks, shared by the test_moderation_* suites."""

from urllib.parse import urlencode

from wagtail.models import ModelLogEntry

from consultations.models import Comment, CommentState

LIST_URL = "/admin/comments/"


def edit_url(comment):
    return f"/admin/comments/edit/{comment.pk}/"


def bulk_url(action, comments, **params):
    query = [("id", comment.pk) for comment in comments] + [("next", LIST_URL)] + list(params.items())
    return f"/admin/bulk/consultations/comment/{action}/?{urlencode(query)}"


def listed(response):
    return {comment.pk for comment in response.context["object_list"]}


def fresh(comment):
    return Comment.objects.get(pk=comment.pk)


def assert_denied(client, url, method="get"):
    """Wagtail's refusal: 403 to scripts, a redirect to the dashboard with a message to browsers."""
    send = getattr(client, method)
    assert send(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    response = send(url)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def logs(comment, action):
    return ModelLogEntry.objects.for_instance(comment).filter(action=action)


def moderation_data(**overrides):
    data = {"state": CommentState.CONFIRMED, "rejection_reason": "", "decision": "", "decision_reasons": ""}
    data.update(overrides)
    return data
