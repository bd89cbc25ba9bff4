"""Sections of the home page that other apps fill in.

The foundation knows the places (open consultations, open calls, upcoming events,
latest news, latest documents); each domain app registers what goes in them with
the `register_home_section` hook, so `home` never imports feature logic. A section
with nothing to show is hidden.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache

from wagtail import hooks

from .content_cache import content_version

HOME_SECTION_ORDER = ["consultations", "calls", "events", "news", "documents"]
# Sections follow the clock too (a call opens, an event passes) with no publish to bump
# the content version, so a cached list lives a minute at most.
SECTION_TTL = 60


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


def registered_sections() -> list[HomeSection]:
    sections = [fn() for fn in hooks.get_hooks("register_home_section")]
    order = {key: position for position, key in enumerate(HOME_SECTION_ORDER)}
    return sorted(sections, key=lambda section: order.get(section.key, len(order)))


def visible_sections(request, locale) -> list[FilledSection]:
    filled = []
    for section in registered_sections():
        items = cache.get_or_set(
            f"home-section:{section.key}:{locale.pk}:v{content_version()}",
            lambda section=section: list(section.get_items(request, locale)),
            SECTION_TTL,
        )
        if items:
            more_url = section.more_url(request, locale) if section.more_url else None
            filled.append(FilledSection(section, items, more_url))
    return filled
