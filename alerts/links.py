"""Absolute links for e-mails, in the subscriber's language (the worker has no request to build them from)."""

from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from .tokens import link_token


def site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def subscription_link(subscription, purpose: str, root: str | None = None) -> str:
    with translation.override(subscription.language):
        path = reverse(f"alerts:{purpose}", kwargs={"pk": subscription.pk, "token": link_token(subscription, purpose)})
    return (site_root() if root is None else root) + path


def localized_path(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)
