"""One public search: what the visitor asked, run on the engine (or the database), as results.

``SearchRequest.from_params`` turns any query string into a valid request (never an
error); ``run_search`` answers it with results, facets and counts, falling back to the
database backend when the engine is unavailable.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext

from wagtail.search.backends import get_search_backend

from core.content_cache import content_version
from core.facets import FacetOption
from core.params import bounded_int, parse_year
from core.redaction import without_contacts
from core.scripts import normalize, to_latin

from . import postgres
from .backends import EngineUnavailableError
from .models import SearchEntry
from .snippets import highlight, highlight_title, passage
from .stemming import with_stem_exceptions

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
PER_PAGE = 10
MAX_PAGE = 100
RESULTS_CACHE_SECONDS = 300
SORTS = ("relevance", "newest")
# Engines map ids as 32-bit integers; no document type has a larger one.
MAX_FILTER_ID = 2**31 - 1
_TOKEN_RE = re.compile(r"\w+")


def clean_query(raw: str) -> tuple[str, bool]:
    """The query as the visitor meant it: printable, single-spaced, cut to the limit."""
    printable = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in raw)
    query = " ".join(printable.split())
    return query[:MAX_QUERY_LENGTH].strip(), len(query) > MAX_QUERY_LENGTH


def search_terms(text: str) -> str:
    """Normalised words only, no operators or punctuation: all that reaches an engine."""
    return with_stem_exceptions(" ".join(_TOKEN_RE.findall(normalize(text))[:MAX_WORDS]))


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    kind: str = ""
    document_type: int | None = None
    year: int | None = None
    sort: str = "relevance"
    page: int = 1
    truncated: bool = False

    @classmethod
    def from_params(cls, params) -> SearchRequest:
        q, truncated = clean_query(str(params.get("q", ""))[: MAX_QUERY_LENGTH * 4])
        kind = str(params.get("kind", ""))[:100]
        sort = params.get("sort", "relevance")
        return cls(
            q=q,
            truncated=truncated,
            kind=kind if re.fullmatch(r"[a-z_]+\.[a-z_]+", kind) else "",
            document_type=bounded_int(params.get("type"), maximum=MAX_FILTER_ID),
            year=parse_year(params.get("year")),
            sort=sort if sort in SORTS else "relevance",
            page=min(bounded_int(params.get("page")) or 1, MAX_PAGE),
        )

    @property
    def terms(self) -> str:
        """The query for the engines: normalised words only, no operators or punctuation."""
        return search_terms(self.q)

    @property
    def filters(self) -> dict:
        filters = {}
        if self.kind:
            filters["kind"] = self.kind
        if self.document_type:
            filters["document_type_id"] = self.document_type
        if self.year:
            filters["year"] = self.year
        return filters


@dataclass
class Result:
    title: str
    url: str
    kind: str
    kind_label: str
    date: object
    snippet: str


@dataclass
class SearchOutcome:
    request: SearchRequest
    results: list[Result] = field(default_factory=list)
    total: int = 0
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    used_fallback: bool = False
    broadened: bool = False
    # So many matches that they are shown newest first rather than ranked (PostgreSQL).
    newest_first_because_many: bool = False
    # False when there are more than `total` matches, too many to count within the page's time
    # (PostgreSQL above postgres.EXACT_LIMIT); the facets then have no counts.
    total_is_exact: bool = True

    @property
    def more_than(self) -> int:
        """Where the count stopped (at N + 1 matches): the page says "more than N"."""
        return self.total - 1

    @property
    def num_pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // PER_PAGE)))


def backend_names() -> list[str]:
    """The engine first; the database behind it when an engine is configured."""
    names = ["default"]
    if "database" in settings.WAGTAILSEARCH_BACKENDS:
        names.append("database")
    return names


# Listing pages (news, calls, the registry...) are found as one group: their model
# names ("strategy indexes") mean nothing to a visitor.
OVERVIEW_KINDS_SUFFIX = ("indexpage", "librarypage")


def kind_label(kind: str) -> str:
    if kind.endswith(OVERVIEW_KINDS_SUFFIX):
        return gettext("Overview pages")
    try:
        return capfirst(str(apps.get_model(kind)._meta.verbose_name_plural))
    except (LookupError, ValueError):
        return kind


def document_type_names() -> dict[int, str]:
    from documents.library import localized_names
    from documents.models import DocumentType

    return localized_names(DocumentType)


class ModelsearchSearch:
    """One request on a modelsearch backend: an engine, or a database other than PostgreSQL."""

    def __init__(self, backend, request: SearchRequest):
        self.backend, self.request = backend, request
        self._results = {}

    def results(self, operator: str):
        if operator not in self._results:
            queryset = SearchEntry.objects.filter(**self.request.filters)
            if self.request.sort == "newest":
                self._results[operator] = self.backend.search(
                    self.request.terms, queryset.order_by("-date"), operator=operator, order_by_relevance=False
                )
            else:
                self._results[operator] = self.backend.search(self.request.terms, queryset, operator=operator)
        return self._results[operator]

    def count(self, operator: str) -> int:
        return self.results(operator).count()

    def page(self, operator: str, total: int, start: int, stop: int) -> list[SearchEntry]:
        return list(self.results(operator)[start:stop])

    def keys(self, operator: str, total: int, limit: int) -> list[str]:
        """The keys of the first `limit` matches, best first, without loading their texts."""
        queryset = SearchEntry.objects.filter(**self.request.filters).only("key")
        return [entry.key for entry in self.backend.search(self.request.terms, queryset, operator=operator)[:limit]]

    def facet_counts(self, operator: str) -> dict[str, dict]:
        everything = self.backend.search(self.request.terms, SearchEntry.objects.all(), operator=operator)
        return {name: everything.facet(name) for name in ("kind", "document_type_id", "year")}

    def is_exact(self, operator: str) -> bool:
        return True

    def session(self):
        return nullcontext()


class PostgresSearch:
    """The same, on PostgreSQL: straight SQL on the entries' vectors (search/postgres.py)."""

    def __init__(self, backend, request: SearchRequest):
        self.request = request
        self._summaries = {}

    def summary(self, operator: str) -> postgres.Summary:
        """The count and the facets together: one pass over the matches instead of two."""
        if operator not in self._summaries:
            self._summaries[operator] = postgres.summarise(self.request, operator)
        return self._summaries[operator]

    def count(self, operator: str) -> int:
        return self.summary(operator).total

    def is_exact(self, operator: str) -> bool:
        return self.summary(operator).exact

    def page(self, operator: str, total: int, start: int, stop: int) -> list[SearchEntry]:
        return postgres.page(self.request, operator, total, start, stop)

    def keys(self, operator: str, total: int, limit: int) -> list[str]:
        return postgres.ranked_ids(self.request, operator, total, 0, limit, column="key")

    def facet_counts(self, operator: str) -> dict[str, dict]:
        return self.summary(operator).counts

    def session(self):
        return postgres.index_session()


def _most_first(option: FacetOption) -> tuple:
    # Options without counts (too many matches to count them) in alphabetical order.
    return (-(option.count or 0), option.label)


def facet_options(request: SearchRequest, counts: dict[str, dict]) -> dict[str, list[FacetOption]]:
    type_names = document_type_names()
    return {
        "kind": sorted(
            (
                FacetOption(value, kind_label(value), count, value == request.kind)
                for value, count in counts["kind"].items()
            ),
            key=_most_first,
        ),
        "type": sorted(
            (
                FacetOption(str(value), type_names.get(value, str(value)), count, value == request.document_type)
                for value, count in counts["document_type_id"].items()
                if value
            ),
            key=_most_first,
        ),
        "year": [
            FacetOption(str(value), str(value), count, value == request.year)
            for value, count in sorted(counts["year"].items(), key=lambda item: -(item[0] or 0))
            if value
        ],
    }


def to_result(entry: SearchEntry, terms: str, language: str) -> Result:
    title = entry.titles.get(language) or next(iter(entry.titles.values()), entry.key)
    if language == "en" and entry.text_en:
        text = entry.text_en
    elif language == "sr-latn":
        text = to_latin(entry.text)
    else:
        text = entry.text
    return Result(
        title=highlight_title(title, terms),
        url=entry.urls.get(language) or next(iter(entry.urls.values()), ""),
        kind=entry.kind,
        kind_label=kind_label(entry.kind),
        date=entry.date,
        snippet=highlight(without_contacts(passage(text, terms)), terms),
    )


def search_on(backend, request: SearchRequest):
    return (PostgresSearch if postgres.is_available(backend) else ModelsearchSearch)(backend, request)


def _run(backend, request: SearchRequest) -> SearchOutcome:
    search = search_on(backend, request)
    with search.session():
        return _answer(search, request)


def best_operator(search, request: SearchRequest) -> tuple[str, int]:
    """Every word ("and") if some item has them all; else any word ("or"). With the number of matches."""
    total = search.count("and")
    if not total and len(request.terms.split()) > 1:
        # No item has every word: the items with most of them.
        return "or", search.count("or")
    return "and", total


def _answer(search, request: SearchRequest) -> SearchOutcome:
    outcome = SearchOutcome(request)
    operator, total = best_operator(search, request)
    outcome.broadened = operator == "or" and bool(total)
    outcome.total = total
    outcome.total_is_exact = search.is_exact(operator)
    if total:
        start = (request.page - 1) * PER_PAGE
        language = get_language()
        entries = search.page(operator, total, start, start + PER_PAGE)
        if isinstance(search, PostgresSearch) and request.sort == "relevance":
            outcome.newest_first_because_many = not postgres.ranks_by_relevance(request, total)
        outcome.results = [to_result(entry, request.terms, language) for entry in entries]
    if total or request.filters:
        outcome.facets = facet_options(request, search.facet_counts(operator))
    return outcome


def with_fallback(call):
    """`call(backend)` on the configured engine, else on the database behind it.

    Returns the answer and whether it came from the fallback.
    """
    names = backend_names()
    for position, name in enumerate(names):
        try:
            return call(get_search_backend(name)), position > 0
        except EngineUnavailableError:
            if position == len(names) - 1:
                raise
    raise AssertionError("unreachable: the last backend either answers or raises")


def run_search(request: SearchRequest) -> SearchOutcome:
    """Answer on the configured engine; on the database if the engine does not answer."""
    if not request.terms:
        return SearchOutcome(request)
    outcome, outcome.used_fallback = with_fallback(lambda backend: _run(backend, request))
    return outcome


def cached_search(request: SearchRequest) -> SearchOutcome:
    """`run_search`, remembered for a few minutes until the content changes.

    Publishing (and every search entry update) bumps the content version in the key, so a
    cached answer never outlives the change that would alter it. Answers from the fallback
    are not kept: the engine may be back on the next request.
    """
    engine = settings.WAGTAILSEARCH_BACKENDS["default"]
    fingerprint = hashlib.sha256(repr((request, get_language(), engine.get("URLS"))).encode()).hexdigest()[:32]
    key = f"search:{fingerprint}:v{content_version()}"
    outcome = cache.get(key)
    if outcome is None:
        outcome = run_search(request)
        if not outcome.used_fallback:
            cache.set(key, outcome, RESULTS_CACHE_SECONDS)
    return outcome


def autocomplete(q: str, limit: int = 8) -> tuple[list[dict], bool]:
    """Titles that begin with what was typed, for the header box."""
    terms = search_terms(clean_query(q)[0])
    if len(terms) < 2:
        return [], False
    entries, used_fallback = with_fallback(
        lambda backend: list(backend.autocomplete(terms, SearchEntry.objects.all())[:limit])
    )
    language = get_language()
    suggestions = [
        {"title": entry.titles.get(language, ""), "url": entry.urls.get(language, ""), "kind": kind_label(entry.kind)}
        for entry in entries
    ]
    return suggestions, used_fallback
