"""What the page benchmark loads: one URL per page type and language, and its SQL queries per request.

Found in the database the server runs on (the demo content), so the benchmark follows the content
rather than hard-coded slugs. Queries are counted in-process with Django's test client on the same
settings, the second request of each kind ("warm": the first fills per-process caches such as the
site root), once with the page cache off and once answered from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page

from consultations.models import ConsultationPage
from documents.models import DocumentLibraryPage, RegistryDocument
from news.models import NewsIndexPage, NewsPage

from .pages_kinds import LANGUAGES, PAGE_TYPES

# A word of the demo content in each language's own script (the search finds several kinds of result for it).
SEARCH_WORDS = {"sr-cyrl": "удружења", "sr-latn": "udruženja", "en": "association"}
HOST = "127.0.0.1"


@dataclass
class Target:
    page: str
    language: str
    path: str
    status: int = 0
    queries_uncached: int | None = None
    queries_cached_hit: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def _first_live(model: type[Page], language: str) -> str | None:
    page = model.objects.live().public().filter(locale__language_code=language).order_by("path").first()
    return page.get_url() if page else None


def _path(page_type: str, language: str) -> str | None:
    with translation.override(language):
        if page_type == "home":
            return f"/{language}/"
        if page_type == "registry document":
            document = RegistryDocument.objects.public().order_by("pk").first()
            return document.get_absolute_url() if document else None
        if page_type == "search":
            return reverse("search:search") + "?" + urlencode({"q": SEARCH_WORDS[language]})
        if page_type == "feed":
            return reverse("news:news_rss")
    model = {
        "news item": NewsPage,
        "news listing": NewsIndexPage,
        "consultation": ConsultationPage,
        "document library": DocumentLibraryPage,
    }[page_type]
    return _first_live(model, language)


def find_targets(page_types=PAGE_TYPES, languages=LANGUAGES) -> list[Target]:
    """The URL of each page type in each language that has it (English only where translated)."""
    existing = set(Locale.objects.values_list("language_code", flat=True))
    return [
        Target(page_type, language, path)
        for page_type in page_types
        for language in languages
        if language in existing and (path := _path(page_type, language))
    ]


def _queries_of_second_request(path: str) -> tuple[int, int]:
    """(status, queries) of the second anonymous GET of `path`; each request from a fresh client (no cookies)."""
    Client().get(path, HTTP_HOST=HOST)
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(path, HTTP_HOST=HOST)
    return response.status_code, len(captured.captured_queries)


def count_queries(target: Target, cache_seconds: int) -> Target:
    with override_settings(PAGE_CACHE_SECONDS=0):
        target.status, target.queries_uncached = _queries_of_second_request(target.path)
    if cache_seconds > 0:
        with override_settings(PAGE_CACHE_SECONDS=cache_seconds):
            _status, target.queries_cached_hit = _queries_of_second_request(target.path)
    return target
