"""Moderators read a comment's attachment here; nobody else can reach it.

A moderator also approves publishing it (a position paper) when its author agreed: the
attachment is then public with the published comment (consultations/published_attachments.py).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied
from django.views.generic import TemplateView

from wagtail.admin.panels import Panel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from core.downloads import as_download

from . import moderation
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


LOG_APPROVE = "consultations.comment.approve_attachment"
LOG_WITHDRAW = "consultations.comment.withdraw_attachment"


class AttachmentPublicationView(WagtailAdminTemplateMixin, TemplateView):
    """Approve (or withdraw) publishing an attachment whose author agreed to it; logged with who and when."""

    template_name = "consultations/admin/attachment_publication.html"
    header_icon = "doc-full"

    def dispatch(self, request, comment_id):
        if not moderation.can_moderate(request.user):
            # A plain 403, not Wagtail's redirect to the dashboard (consultations/admin_recording.py).
            return permission_denied(request, PermissionDenied())
        self.comment = get_object_or_404(Comment, pk=comment_id)
        if not (self.comment.attachment and self.comment.attachment_publication):
            raise Http404
        return super().dispatch(request, comment_id)

    @property
    def approving(self) -> bool:
        return self.comment.attachment_approved_at is None

    def get_page_title(self):
        return _("Publish the attachment") if self.approving else _("Withdraw the attachment's publication")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            comment=self.comment,
            approving=self.approving,
            back_url=reverse("consultation_comments:edit", args=[self.comment.pk]),
        )
        return context

    def post(self, request, comment_id):
        comment = self.comment
        approve = request.POST.get("approve") == "1"
        if approve == self.approving:
            comment.attachment_approved_by = request.user if approve else None
            comment.attachment_approved_at = timezone.now() if approve else None
            comment.save(update_fields=["attachment_approved_by", "attachment_approved_at"])
            log(comment, LOG_APPROVE if approve else LOG_WITHDRAW, user=request.user)
            messages.success(
                request,
                _("The attachment will be public with the published comment.")
                if approve
                else _("The attachment is private again."),
            )
        return redirect("consultation_comments:edit", comment.pk)


def register_log_actions(actions) -> None:
    actions.register_action(LOG_APPROVE, _("Approve publishing the attachment"), _("Attachment publication approved"))
    actions.register_action(LOG_WITHDRAW, _("Withdraw the attachment's publication"), _("Attachment made private"))


urlpatterns = [
    path("comment-attachments/<int:comment_id>/", comment_attachment, name="consultation_comment_attachment"),
    path(
        "comment-attachments/<int:comment_id>/publication/",
        AttachmentPublicationView.as_view(),
        name="consultation_comment_attachment_publication",
    ),
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
                '<p><a href="{}">{}</a> · SHA-256 <code>{}</code></p>{}',
                url,
                comment.attachment_filename,
                comment.attachment_sha256,
                publication_html(comment),
            )


def publication_html(comment) -> str:
    """Whether the author agreed to publish the attachment, whether it is approved, and the link to change it."""
    if not comment.attachment_publication:
        return format_html("<p>{}</p>", _("The author did not agree to publish the attachment: it stays private."))
    url = reverse("consultation_comment_attachment_publication", args=[comment.pk])
    if comment.attachment_approved_at is None:
        return format_html(
            '<p>{} <a class="button button-small" href="{}">{}</a></p>',
            _("The author agreed to publish the attachment with the comment."),
            url,
            _("Approve publishing it"),
        )
    return format_html(
        '<p>{} <a class="button button-small button-secondary" href="{}">{}</a></p>',
        _("Publication approved by %(user)s on %(date)s.")
        % {
            "user": comment.attachment_approved_by or "—",
            "date": date_format(timezone.localtime(comment.attachment_approved_at), "DATETIME_FORMAT"),
        },
        url,
        _("Withdraw the publication"),
    )
