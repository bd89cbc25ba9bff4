"""The alert e-mails: one item (instant), several (the weekly digest), the confirmation link.

Plain text only (nothing an editor or a visitor typed is ever rendered as HTML), in the
subscriber's language, each with the one-click unsubscribe headers of RFC 8058 and a link to
the subscription's page, which needs no account.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .links import site_root, subscription_link
from .models import Kind
from .tokens import CONFIRM, MANAGE, UNSUBSCRIBE


@dataclass(frozen=True)
class ItemView:
    kind: str
    kind_label: str
    title: str
    url: str
    summary: str
    closes_at: object = None


def _page_in(page, language: str):
    """The page's version in the language, else its Latin twin (what an untranslated English URL shows), else it."""
    versions = {
        p.locale.language_code: p for p in page.get_translations(inclusive=True).live().select_related("locale")
    }
    return (versions.get(language) or versions.get("sr-latn") or page).specific


def item_view(item, language: str) -> ItemView:
    with translation.override(language):
        label = str(Kind(item.kind).label)
        if item.document_id:
            document = item.document
            url = site_root() + document.get_absolute_url()
            return ItemView(item.kind, label, document.display_title, url, document.display_summary)
        page = _page_in(item.page, language)
        summary = getattr(page, "summary", "") or getattr(page, "lead", "")
        return ItemView(item.kind, label, page.title, page.get_full_url(), summary, getattr(page, "closes_at", None))


class ItemViews:
    """Each item rendered once per language for a whole batch of e-mails."""

    def __init__(self):
        self.views = {}

    def get(self, item, language: str) -> ItemView:
        key = (item.pk, language)
        if key not in self.views:
            self.views[key] = item_view(item, language)
        return self.views[key]


def unsubscribe_headers(subscription, root: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{subscription_link(subscription, UNSUBSCRIBE, root)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def alert_message(subscription, views: list[ItemView], root: str, connection=None, digest=False) -> EmailMessage:
    """One e-mail with one item (an instant alert or a reminder) or several (the weekly digest)."""
    with translation.override(subscription.language):
        if digest:
            count = len(views)
            subject = ngettext("Weekly alerts: %(count)d new item", "Weekly alerts: %(count)d new items", count) % {
                "count": count
            }
        elif views[0].kind == Kind.REMINDER:
            subject = _("Closing soon: %(title)s") % {"title": views[0].title}
        else:
            subject = f"{capfirst(views[0].kind_label)}: {views[0].title}"
        context = {
            "items": views,
            "manage_url": subscription_link(subscription, MANAGE, root),
            "unsubscribe_url": subscription_link(subscription, UNSUBSCRIBE, root),
        }
        body = render_to_string("alerts/email/alert.txt", context)
    subject = subject.replace("\n", " ")[:200]
    return _email_to(
        subscription, subject, body, headers=unsubscribe_headers(subscription, root), connection=connection
    )


def _email_to(subscription, subject: str, body: str, **options) -> EmailMessage:
    """A plain-text message from the office to the subscriber; `options` go to EmailMessage (headers, connection)."""
    return EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[subscription.email], **options
    )


def _link_message(subscription, subject, template: str, purpose: str, **options) -> EmailMessage:
    """A message about the subscription itself, in its language, carrying its link for `purpose` as `<purpose>_url`."""
    with translation.override(subscription.language):
        body = render_to_string(template, {f"{purpose}_url": subscription_link(subscription, purpose)})
        return _email_to(subscription, str(subject), body, **options)


def confirmation_message(subscription) -> EmailMessage:
    return _link_message(subscription, gettext_lazy("Confirm your e-mail alerts"), "alerts/email/confirm.txt", CONFIRM)


def already_subscribed_message(subscription) -> EmailMessage:
    """Somebody asked to subscribe an address that already is: its owner gets the link to change it."""
    headers = unsubscribe_headers(subscription, site_root())
    template = "alerts/email/already_subscribed.txt"
    return _link_message(subscription, gettext_lazy("Your e-mail alerts"), template, MANAGE, headers=headers)
