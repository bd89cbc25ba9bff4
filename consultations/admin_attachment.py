"""Moderators read a comment's attachment here; nobody else can reach it."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel

from core.downloads import as_download

from .models import Comment

PERMISSION = "consultations.moderate_comment"


def comment_attachment(request, comment_id: int):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=comment_id)
    if not comment.attachment:
        raise Http404
    filename = comment.attachment_filename
    return as_download(FileResponse(comment.attachment.open("rb"), filename=filename), filename)


urlpatterns = [
    path("comment-attachments/<int:comment_id>/", comment_attachment, name="consultation_comment_attachment"),
]


class AttachmentPanel(Panel):
    """The attachment's name, size and checksum, with a link only moderators can open."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            comment = self.instance
            if not comment.attachment:
                return format_html("<p>{}</p>", _("No attachment."))
            url = reverse("consultation_comment_attachment", args=[comment.pk])
            return format_html(
                '<p><a href="{}">{}</a> · SHA-256 <code>{}</code></p>',
                url,
                comment.attachment_filename,
                comment.attachment_sha256,
            )
