"""The e-mail of a commenter notice (consultations/notices.py): in the commenter's language, with one
link that stops every later e-mail about the consultation (also as RFC 8058 one-click headers)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.scripts import to_latin

from .models import NoticeEvent

LATIN = "sr-latn"

# Lazy: each is translated when the e-mail is written, in the commenter's language.
SUBJECTS = {
    NoticeEvent.ANSWER: _("The office answered your comment on “%(title)s”"),
    NoticeEvent.REPORT_PUBLISHED: _("The report on the consultation “%(title)s” is published"),
    NoticeEvent.EXTENDED: _("The consultation “%(title)s” is extended"),
    NoticeEvent.REOPENED: _("The consultation “%(title)s” is open for comments again"),
    NoticeEvent.REVISED_DRAFT: _("A revised draft of “%(title)s” is published"),
}


def page_in(page, language: str):
    """The consultation as a reader of `language` sees it: its live translation, else the original."""
    locale = Locale.objects.filter(language_code=language).first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None and translated.live else page


def site_root(page) -> str:
    site = page.get_site()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def send_notice_email(comments: list, event: str) -> None:
    """One e-mail to the address of `comments` (the same author's, on one consultation)."""
    from .notices import unsubscribe_token

    latest = max(comments, key=lambda comment: comment.submitted_at)
    original = latest.consultation.specific
    email = latest.contact_email
    with translation.override(latest.language):
        shown = page_in(original, latest.language)
        page_url = shown.get_full_url()
        unsubscribe_url = site_root(original) + reverse(
            "consultations:unsubscribe", args=[unsubscribe_token(original.pk, email)]
        )
        context = {
            "event": str(event),
            "title": shown.title,
            "comments": sorted(comments, key=lambda comment: comment.submitted_at),
            "closes_at": original.closes_at,
            "open_for_comments": original.opens_at <= timezone.now() < original.closes_at,
            "page_url": page_url,
            "report_url": page_url + shown.reverse_subpage("report").lstrip("/"),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = str(SUBJECTS[event]) % {"title": shown.title}
        body = render_to_string("consultations/email/notice.txt", context)
        if latest.language == LATIN:
            # What the office wrote (the target, its reasons) is Cyrillic: a Latin reader gets it all in Latin.
            subject, body = to_latin(subject), to_latin(body)
        message = EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email],
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
        message.send()
