"""The public registry listing: what a visitor asked for (filters, sort, words) and the facets.

The words go through the site's search (ranked, stemmed, in any script), which answers
through the ``register_document_search`` hook (search/documents.py registers it): the facets
then count, and the filters narrow, the documents it found. Without a registered search the
words are matched as substrings of each document's normalised text.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.utils.translation import get_language

from taggit.models import Tag
from wagtail import hooks

from core.content_cache import cached
from core.facets import FacetOption
from core.params import clean_text, database_id, parse_year
from core.scripts import normalize
from home.i18n import in_current_language

from .models import DocumentType, IssuingBody, RegistryDocument, Status

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
SORTS = {
    "relevance": (),  # the search's order; only with words
    "newest": ("-year", "-date_adopted", "-created_at"),
    "oldest": ("year", "date_adopted", "created_at"),
    "title": ("title",),
}


def search_words(text: str) -> list[str]:
    """A query's words through the site's normaliser: any script, case or accent finds the same."""
    return normalize(text[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS]


# Registered functions take the words and return the ids of the documents found, best first.
DOCUMENT_SEARCH_HOOK = "register_document_search"


def searched_ids(q: str) -> list[int] | None:
    """The ids the registered search finds for the words, best first; None without one."""
    for search in hooks.get_hooks(DOCUMENT_SEARCH_HOOK):
        return search(q)
    return None


def containing_words(documents, words: list[str]):
    """Documents whose title, number, summary or file text contains every word (any backend)."""
    for word in words:
        documents = documents.filter(search_text__contains=word)
    return documents


@dataclass(frozen=True)
class LibraryQuery:
    """A visitor's request, cleaned: anything malformed is ignored, never an error page."""

    q: str = ""
    document_type: int | None = None
    year: int | None = None
    status: str = ""
    issuing_body: int | None = None
    topic: str = ""
    sort: str = "newest"
    truncated: bool = False

    @classmethod
    def from_params(cls, params) -> "LibraryQuery":
        q = " ".join(clean_text(params.get("q"), MAX_QUERY_LENGTH * 4).split())
        status = params.get("status", "")
        sort = params.get("sort", "")
        if sort not in SORTS or (sort == "relevance" and not q):
            # With words, the best matches first unless the visitor chose another order.
            sort = "relevance" if q else "newest"
        return cls(
            q=q[:MAX_QUERY_LENGTH],
            truncated=len(q) > MAX_QUERY_LENGTH,
            document_type=database_id(params.get("type")),
            year=parse_year(params.get("year")),
            status=status if status in Status.values else "",
            issuing_body=database_id(params.get("body")),
            topic=clean_text(params.get("topic"), 100),
            sort=sort,
        )

    @property
    def words(self) -> list[str]:
        return search_words(self.q)

    def filter(self, documents, matches: list[int] | None = None):
        """The documents of the request, unordered; `matches` are what the search found for the words."""
        if self.q:
            documents = containing_words(documents, self.words) if matches is None else documents.filter(pk__in=matches)
        if self.document_type:
            documents = documents.filter(document_type_id=self.document_type)
        if self.year:
            documents = documents.filter(year=self.year)
        if self.status:
            documents = documents.filter(status=self.status)
        if self.issuing_body:
            documents = documents.filter(issuing_body_id=self.issuing_body)
        if self.topic:
            documents = documents.filter(tags__slug=self.topic)
        return documents

    @property
    def is_filtered(self) -> bool:
        return any([self.q, self.document_type, self.year, self.status, self.issuing_body, self.topic])


@dataclass
class Facets:
    types: list[FacetOption] = field(default_factory=list)
    years: list[FacetOption] = field(default_factory=list)
    statuses: list[FacetOption] = field(default_factory=list)
    bodies: list[FacetOption] = field(default_factory=list)
    topics: list[FacetOption] = field(default_factory=list)
    type_names: dict[int, str] = field(default_factory=dict)
    body_names: dict[int, str] = field(default_factory=dict)


def name_documents(documents, facets: Facets) -> None:
    """Give each listed document its type's and issuer's names in the current language."""
    for document in documents:
        document.type_name = facets.type_names.get(document.document_type_id, "")
        document.body_name = facets.body_names.get(document.issuing_body_id, "")


def localized_snippets(model) -> dict[int, object]:
    """Each original (Cyrillic) snippet's version in the current language, by the original's pk.

    Documents point at originals; one query fetches both sides. Where a translation is
    missing, the original stands in.
    """
    language = get_language()
    rows = list(model.objects.filter(locale__language_code__in={"sr-cyrl", language}).select_related("locale"))
    current = {row.translation_key: row for row in rows if row.locale.language_code == language}
    return {row.pk: current.get(row.translation_key, row) for row in rows if row.locale.language_code == "sr-cyrl"}


def localized_names(model) -> dict[int, str]:
    language = get_language()
    return cached(
        f"names:{model._meta.label}:{language}",
        lambda: {pk: snippet.name for pk, snippet in localized_snippets(model).items()},
    )


def named_options(counts: Counter, names: dict[int, str], selected: int | None) -> list[FacetOption]:
    options = [FacetOption(str(pk), names.get(pk, "?"), n, pk == selected) for pk, n in counts.items() if pk]
    return sorted(options, key=lambda option: option.label)


def build_facets(documents, query: LibraryQuery) -> Facets:
    """Counts within the current selection: one grouped query for four facets, one for topics."""
    combos = (
        documents.order_by().values("document_type_id", "year", "status", "issuing_body_id").annotate(n=Count("pk"))
    )
    types, years, statuses, bodies = Counter(), Counter(), Counter(), Counter()
    for row in combos:
        types[row["document_type_id"]] += row["n"]
        years[row["year"]] += row["n"]
        statuses[row["status"]] += row["n"]
        bodies[row["issuing_body_id"]] += row["n"]
    type_names, body_names = localized_names(DocumentType), localized_names(IssuingBody)
    topics = (
        Tag.objects.filter(registrydocument__in=documents.order_by().values("pk"))
        .values("slug", "name")
        .annotate(n=Count("pk"))
        .order_by("-n", "name")[:30]
    )
    status_labels = dict(Status.choices)
    return Facets(
        types=named_options(types, type_names, query.document_type),
        years=[FacetOption(str(y), str(y), n, y == query.year) for y, n in sorted(years.items(), reverse=True) if y],
        statuses=[
            FacetOption(value, str(status_labels[value]), statuses[value], value == query.status)
            for value in Status.values
            if statuses[value]
        ],
        bodies=named_options(bodies, body_names, query.issuing_body),
        topics=[
            FacetOption(topic["slug"], in_current_language(topic["name"]), topic["n"], topic["slug"] == query.topic)
            for topic in topics
        ],
        type_names=type_names,
        body_names=body_names,
    )


def library_documents():
    return RegistryDocument.objects.public()


def results_page(query: LibraryQuery, documents, matches: list[int] | None, number, per_page: int) -> Page:
    """One page of the documents, in the visitor's order: the search's ranking, or a sort in SQL."""
    if query.sort != "relevance" or matches is None:
        return Paginator(documents.order_by(*SORTS[query.sort], "pk"), per_page).get_page(number)
    listed = set(documents.values_list("pk", flat=True))
    page = Paginator([pk for pk in matches if pk in listed], per_page).get_page(number)
    by_pk = documents.in_bulk(page.object_list)
    page.object_list = [by_pk[pk] for pk in page.object_list]
    return page


def library_listing(params, per_page: int) -> tuple[LibraryQuery, Page, Facets]:
    """What the library page shows for a request: the query, a page of documents, the facets."""
    query = LibraryQuery.from_params(params)
    matches = searched_ids(query.q) if query.q else None
    documents = query.filter(library_documents(), matches)
    facets = build_facets(documents, query)
    page = results_page(query, documents, matches, params.get("page"), per_page)
    name_documents(page.object_list, facets)
    return query, page, facets
