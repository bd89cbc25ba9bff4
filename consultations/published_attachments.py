"""Position papers published with their comment: anyone may download them, and nothing else.

A commenter's attachment stays private (only moderators open it, consultations/admin_attachment.py)
unless its author agreed to publish it with the comment and a moderator approved it; the comment
must also be published and shown. Every other request gets the same 404, so the route tells
nobody whether a comment has a private attachment.
"""

import re

from django.http import FileResponse, Http404

from core.downloads import as_download

from .models import Comment

ROUTE_NAME = "published_attachment"
TRACKING_NUMBER = re.compile(r"JK-[A-Z0-9]{5}-[A-Z0-9]{5}")


def published_attachment(request, page, tracking_number: str):
    # Only the shape of a tracking number reaches the database (a NUL byte would be a 500 on PostgreSQL).
    if not TRACKING_NUMBER.fullmatch(tracking_number):
        raise Http404
    comment = (
        Comment.objects.with_public_attachment()
        .filter(consultation=page.original, tracking_number=tracking_number)
        .only("attachment", "tracking_number")
        .first()
    )
    if comment is None:
        raise Http404
    filename = comment.attachment_filename
    try:
        file = comment.attachment.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    return as_download(FileResponse(file, filename=filename), filename)


def attachment_url(page, comment, request=None) -> str:
    """The public address of the comment's attachment on `page` (the original or a translation)."""
    # Absolute: the address also goes into the report's open data, read away from the site.
    base = page.get_full_url(request) or ""
    return base + page.reverse_subpage(ROUTE_NAME, args=[comment.tracking_number]).lstrip("/")
