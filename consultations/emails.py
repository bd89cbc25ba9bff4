"""E-mails to a comment's contact person: the confirmation link, then the receipt.

Sent in the language the visitor used; the address appears only as the recipient,
never in logs.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


def send_confirmation(comment, confirm_url: str, language: str) -> None:
    with translation.override(language):
        context = {"comment": comment, "confirm_url": confirm_url, "hours": settings.COMMENT_CONFIRMATION_HOURS}
        send_mail(
            subject=_("Confirm your comment on “%(title)s”") % {"title": comment.consultation.title},
            message=render_to_string("consultations/email/confirm.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[comment.contact_email],
        )


def send_receipt(comment, receipt_url: str, language: str) -> None:
    with translation.override(language):
        context = {"comment": comment, "receipt_url": receipt_url}
        send_mail(
            subject=_("Receipt %(number)s: your comment was received") % {"number": comment.tracking_number},
            message=render_to_string("consultations/email/receipt.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[comment.contact_email],
        )
