"""The public search on PostgreSQL, straight on the entries' own vectors.

modelsearch's database backend ranks through its generic index table and cannot use an
index for our queries; on 10,000 entries a search page took half a second. Here every
step is one query on ``search_searchentry`` through its GIN index (migration 0003):

* the count and the three facets in one GROUPING SETS query (``summary``), or the count
  alone where no facets are wanted;
* the page of results, ranked with ``ts_rank`` while few enough entries match
  (``RANK_LIMIT``); above it (a word found in thousands of documents) ranking them all
  reads every match's vector, tens of milliseconds, and says little, so the newest come
  first and the page says so. See docs/benchmarks/search.md for the measurements.

The words are the normalised terms of ``SearchRequest`` and reach SQL only as
parameters of ``plainto_tsquery``, so no input can form an operator.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection, transaction

from .models import SearchEntry

# Ranking reads each match's whole vector (about 8 µs a match at 100,000 entries).
RANK_LIMIT = 2000
# Matches as a share of all entries from which walking the newest-first index beats sorting them.
NEWEST_INDEX_SHARE = 0.5
FACETS = ("kind", "document_type_id", "year")


def is_available(backend) -> bool:
    """True on PostgreSQL with the vectors of migration 0003."""
    return (
        connection.vendor == "postgresql"
        and type(backend).__module__.startswith(("modelsearch.backends.database", "wagtail.search.backends.database"))
        and getattr(backend, "config", None) == "serbian"
    )


def ranks_by_relevance(request, total: int) -> bool:
    return request.sort == "relevance" and total <= RANK_LIMIT


@contextmanager
def index_session():
    """One transaction in which matches are read through the GIN index.

    For a word in most entries the planner prefers a sequential scan, not knowing that
    checking each row means reading its large, compressed vector: three to ten times
    slower than the index here. The setting ends with the transaction.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def _tsquery(terms: str, operator: str) -> tuple[str, list[str]]:
    words = terms.split()
    joiner = " && " if operator == "and" else " || "
    return "(" + joiner.join(["plainto_tsquery('serbian', %s)"] * len(words)) + ")", words


def _where(request, query_sql: str, query_params: list, with_filters: bool = True) -> tuple[str, list]:
    clauses, params = [f"search_vector @@ {query_sql}"], list(query_params)
    if with_filters:
        for column, value in request.filters.items():
            clauses.append(f"{connection.ops.quote_name(column)} = %s")
            params.append(value)
    return " AND ".join(clauses), params


def page(request, operator: str, total: int, start: int, stop: int) -> list[SearchEntry]:
    ids = ranked_ids(request, operator, total, start, stop)
    entries = SearchEntry.objects.defer("search_title", "search_text").in_bulk(ids)
    return [entries[pk] for pk in ids if pk in entries]


def newest_first_order(total: int) -> str:
    """Newest first, through the date index only when most entries match.

    Walking ``search_entry_newest`` stops after one page when most rows match, but for a
    word tied to a period ("2023") it would check tens of thousands of newer rows first;
    ``date + 0`` hides the index, so the planner sorts the (fewer) matches instead.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'search_searchentry'::regclass")
        entries = cursor.fetchone()[0]
    if entries > 0 and total >= NEWEST_INDEX_SHARE * entries:
        return "date DESC NULLS LAST, id DESC"
    return "(date + 0) DESC NULLS LAST, id DESC"


def ranked_ids(request, operator: str, total: int, start: int, stop: int, column: str = "id") -> list:
    """The ids (or keys) of the matches from `start` to `stop`, best first (newest first when too many to rank)."""
    query_sql, query_params = _tsquery(request.terms, operator)
    where, params = _where(request, query_sql, query_params)
    if not ranks_by_relevance(request, total):
        order, order_params = newest_first_order(total), []
    else:
        order = f"ts_rank(search_vector, {query_sql}) DESC, date DESC NULLS LAST, id DESC"
        order_params = list(query_params)
    column = {"id": "id", "key": "key"}[column]  # never a visitor's input, and now surely not
    sql = f"SELECT {column} FROM search_searchentry WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *order_params, stop - start, start])
        return [row[0] for row in cursor.fetchall()]


def summary(request, operator: str) -> tuple[int, dict[str, dict]]:
    """The number of matches (with the filters) and the facets (without them), in one query.

    The facets count everything the words match, so that each option shows what choosing
    it would give; the empty grouping set adds the total, filtered, in the same pass.
    """
    query_sql, query_params = _tsquery(request.terms, operator)
    where, params = _where(request, query_sql, query_params, with_filters=False)
    chosen = " AND ".join(f"{connection.ops.quote_name(column)} = %s" for column in request.filters) or "true"
    sql = (
        "SELECT kind, document_type_id, year, GROUPING(kind, document_type_id, year), count(*), "  # noqa: S608
        f"count(*) FILTER (WHERE {chosen}) FROM search_searchentry WHERE {where} "
        "GROUP BY GROUPING SETS ((kind), (document_type_id), (year), ())"
    )
    total, counts = 0, {name: {} for name in FACETS}
    with connection.cursor() as cursor:
        cursor.execute(sql, [*request.filters.values(), *params])
        for kind, document_type_id, year, grouping, number, chosen_number in cursor.fetchall():
            # GROUPING() sets a bit for each column not grouped in this row: 3 = by kind, 5 = by type,
            # 6 = by year, 7 = the whole (the total).
            if grouping == 3:
                counts["kind"][kind] = number
            elif grouping == 5:
                counts["document_type_id"][document_type_id] = number
            elif grouping == 6:
                counts["year"][year] = number
            else:
                total = chosen_number
    return total, counts
