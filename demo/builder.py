"""Build the Novi Sad office's demo site: the home pages, then every section. Safe to run again."""

from django.conf import settings

from wagtail.models import Locale

from home.models import HomePage

from .calls import build_demo_calls
from .consultations import build_demo_consultations
from .documents import build_demo_registry
from .news import build_demo_news
from .search import build_demo_promotions
from .site import build_demo_home
from .strategies import build_demo_strategies


def ensure_locales() -> dict[str, Locale]:
    """The site's languages (settings.LANGUAGES) as Wagtail locales, by language code."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def build_demo_site(with_sections: bool = True) -> HomePage:
    """The office's site; `with_sections=False` stops after the pages of `home` (faster tests of one app)."""
    locales = ensure_locales()
    home = build_demo_home(locales)
    if not with_sections:
        return home
    # The registry first: the other sections link its documents, types and issuers.
    build_demo_registry(home, locales)
    build_demo_consultations(home, locales)
    build_demo_strategies(home, locales)
    build_demo_calls(home, locales)
    build_demo_news(home, locales)  # last: its events link the open consultation and call
    build_demo_promotions()
    return home
