"""Sections of the home page that other apps fill in.

The foundation knows the places (open consultations, open calls, upcoming events,
latest news, latest documents); each domain app registers what goes in them with
the `register_home_section` hook, so `home` never imports feature logic. A section
with nothing to show is hidden.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail import hooks
from wagtail.models import Site

from core.content_cache import cached, cached_until_clock_change

HOME_SECTION_ORDER = ["consultations", "calls", "events", "news", "documents"]


@dataclass(frozen=True)
class HomeSection:
    key: str
    title: str
    template: str
    # (request, locale) -> a short list of items; evaluated once per render.
    get_items: Callable
    more_url: Callable | None = None


@dataclass(frozen=True)
class FilledSection:
    section: HomeSection
    items: list
    more_url: str | None


def add_home_section(key: str, title: str, get_items: Callable, more_url: Callable | None = None) -> HomeSection:
    """Register a section of the home page, drawn by the template home/sections/<key>.html.

    Called once at import time from a feature app's wagtail_hooks module.
    """
    section = HomeSection(key, title, f"home/sections/{key}.html", get_items, more_url)
    hooks.register("register_home_section", lambda: section)
    return section


def registered_sections() -> list[HomeSection]:
    sections = [fn() for fn in hooks.get_hooks("register_home_section")]
    order = {key: position for position, key in enumerate(HOME_SECTION_ORDER)}
    return sorted(sections, key=lambda section: order.get(section.key, len(order)))


def visible_sections(request, locale) -> list[FilledSection]:
    """The sections with something to show, kept until the content changes or the clock changes what they
    show (a call closes, an event ends: core/content_cache.py); the template still renders "3 days left"."""
    site = Site.find_for_request(request)
    filled = []
    for section in registered_sections():
        name = f"home-section:{section.key}:{site.pk if site else 0}:{locale.pk}:{get_language()}"
        items = cached_until_clock_change(name, lambda section=section: list(section.get_items(request, locale)))
        if items:
            more_url = None
            if section.more_url:
                more_url = cached(f"{name}:more", lambda section=section: section.more_url(request, locale))
            filled.append(FilledSection(section, items, more_url))
    return filled


def rendered_sections(request, locale) -> str:
    """The sections' HTML, rendered once until the content or the clock changes what they show.

    Rendering them was a third of the home page's server time, on every uncached request; what they
    show depends only on the site, the language and the cached items above (countdowns included: the
    clock changes end the entry when "3 days left" becomes "2 days left", core/countdown.py).
    """
    site = Site.find_for_request(request)
    name = f"home-sections-html:{site.pk if site else 0}:{locale.pk}:{get_language()}"

    def render():
        html = render_to_string("home/includes/sections.html", {"sections": visible_sections(request, locale)}, request)
        return mark_safe(html)  # noqa: S308  (a template's own output, escaped as it rendered)

    return cached_until_clock_change(name, render)
