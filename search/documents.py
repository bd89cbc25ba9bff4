"""The document library's search box, answered by the search (documents.library's hook).

The same words find the same documents in the library as on the search page: through the
normaliser and the stemmer, ranked, on the engine or the database behind it. The library
then filters, counts and pages those documents with its own facets.
"""

from __future__ import annotations

from .entries import DOCUMENT_KIND
from .query import MAX_PAGE, PER_PAGE, SearchRequest, best_operator, clean_query, search_on, with_fallback

# As many as the search page can show (its last page): the best matches, not every one.
MAX_MATCHES = MAX_PAGE * PER_PAGE


def ranked_document_ids(q: str, limit: int = MAX_MATCHES) -> list[int]:
    """The public registry documents the words find, best first."""
    request = SearchRequest(q=clean_query(q)[0], kind=DOCUMENT_KIND)
    if not request.terms:
        return []

    def ranked_keys(backend) -> list[str]:
        search = search_on(backend, request)
        with search.session():
            operator, total = best_operator(search, request)
            return search.keys(operator, total, limit) if total else []

    keys, _used_fallback = with_fallback(ranked_keys)
    return [int(key.removeprefix("document:")) for key in keys if key.startswith("document:")]
