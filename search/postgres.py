"""The public search on PostgreSQL, straight on the entries' own vectors.

modelsearch's database backend ranks through its generic index table and cannot use an
index for our queries; on 10,000 entries a search page took half a second. Here every
step is one query on ``search_searchentry`` through its GIN index (migration 0003):

* a capped count first (``capped_count``): it reads at most ``EXACT_LIMIT + 1`` matches, so a
  word found in most of 100,000 entries costs what a rare one does;
* up to ``EXACT_LIMIT`` matches, the count and the three facets in one GROUPING SETS query
  (``summary``); above it the page says "more than 1,000", and the facets offer the values the
  whole index holds, without counts (``index_facet_values``, cached until the content changes):
  exact counts over tens of thousands of matches cost more than the whole page may;
* the page of results, ranked with ``ts_rank`` while few enough entries match
  (``RANK_LIMIT``); above it (a word found in thousands of documents) ranking them all
  reads every match's vector, tens of milliseconds, and says little, so the newest come
  first and the page says so. See docs/benchmarks/search.md for the measurements.

The words are the normalised terms of ``SearchRequest`` and reach SQL only as
parameters of ``plainto_tsquery``, so no input can form an operator.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction

from core.content_cache import cached

from .models import SearchEntry

# Ranking reads each match's whole vector (about 8 µs a match at 100,000 entries); 1,000 is also
# as many as the page lists (100 pages of 10).
RANK_LIMIT = 1000
# Up to this many matches the count and the facets are exact; above it counting them all costs
# more than the 50 ms the whole page may take (docs/benchmarks/search.md). The same as RANK_LIMIT:
# what is counted exactly is also ranked.
EXACT_LIMIT = RANK_LIMIT
FACETS = ("kind", "document_type_id", "year")


def is_available(backend) -> bool:
    """True on PostgreSQL with the vectors of migration 0003."""
    return (
        connection.vendor == "postgresql"
        and type(backend).__module__.startswith(("modelsearch.backends.database", "wagtail.search.backends.database"))
        and getattr(backend, "config", None) == "serbian"
    )


@dataclass(frozen=True)
class Summary:
    """The matches of one query: how many (exactly, or "more than EXACT_LIMIT") and the facets."""

    total: int
    exact: bool
    # {facet: {value: count}}; the counts are None where the matches were too many to count.
    counts: dict[str, dict]


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


# Newest-first pages over more than EXACT_LIMIT matches look among the newest N entries first
# (``newest_windows``), widening N until the page is full; the last try is the whole table.
NEWEST_WINDOWS = (1_000, 8_000, 64_000)
NEWEST = "(date + 0) DESC NULLS LAST, id DESC"  # "+ 0": sort the matches, never walk the date index


def newest_windows() -> list:
    """The date of the N-th newest entry for each window size (the oldest date within it); cached.

    Found by walking ``search_entry_newest``: a millisecond or two each, once per content change.
    """

    def build():
        dates = []
        with connection.cursor() as cursor:
            for size in NEWEST_WINDOWS:
                cursor.execute(
                    "SELECT date FROM search_searchentry WHERE date IS NOT NULL "
                    "ORDER BY date DESC NULLS LAST, id DESC OFFSET %s LIMIT 1",
                    [size],
                )
                row = cursor.fetchone()
                if row is None:
                    break
                dates.append(row[0])
        return dates

    return cached("search:postgres-newest-windows", build)


def _select(column: str, where: str, order: str) -> str:
    return f"SELECT {column} FROM search_searchentry WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s"  # noqa: S608


def newest_ids(column: str, where: str, params: list, start: int, stop: int) -> list:
    """The page of the newest matches when there are more than EXACT_LIMIT of them.

    Sorting them all reads most of the table (30–40 ms at 100,000 entries for a word in
    40 % of them). The newest entries form a prefix of the order, so the same page comes from
    the matches among the newest 1,000 entries, where the date index and the word index meet
    in one bitmap; a word tied to an older period ("2023") finds too few there and the window
    widens. Walking the date index instead could read tens of thousands of newer rows first.
    """
    with connection.cursor() as cursor:
        for oldest in newest_windows():
            cursor.execute(_select(column, f"{where} AND date >= %s", NEWEST), [*params, oldest, stop - start, start])
            rows = cursor.fetchall()
            if len(rows) == stop - start:
                return [row[0] for row in rows]
        cursor.execute(_select(column, where, NEWEST), [*params, stop - start, start])
        return [row[0] for row in cursor.fetchall()]


def ranked_ids(request, operator: str, total: int, start: int, stop: int, column: str = "id") -> list:
    """The ids (or keys) of the matches from `start` to `stop`, best first (newest first when too many to rank).

    `total` is the count, or EXACT_LIMIT + 1 where the count stopped there.
    """
    query_sql, query_params = _tsquery(request.terms, operator)
    where, params = _where(request, query_sql, query_params)
    column = {"id": "id", "key": "key"}[column]  # never a visitor's input, and now surely not
    if total > EXACT_LIMIT and "year" not in request.filters:
        return newest_ids(column, where, params, start, stop)
    if ranks_by_relevance(request, total):
        order, order_params = f"ts_rank(search_vector, {query_sql}) DESC, {NEWEST}", list(query_params)
    else:
        order, order_params = NEWEST, []
    with connection.cursor() as cursor:
        cursor.execute(_select(column, where, order), [*params, *order_params, stop - start, start])
        return [row[0] for row in cursor.fetchall()]


def capped_count(request, operator: str, with_filters: bool) -> int:
    """The number of matches, or EXACT_LIMIT + 1 when there are more: at most that many rows are read."""
    query_sql, query_params = _tsquery(request.terms, operator)
    where, params = _where(request, query_sql, query_params, with_filters=with_filters)
    sql = f"SELECT count(*) FROM (SELECT 1 FROM search_searchentry WHERE {where} LIMIT %s) AS matches"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, EXACT_LIMIT + 1])
        return cursor.fetchone()[0]


def index_facet_values() -> dict[str, dict]:
    """Every kind, document type and year the index holds, without counts; cached until the content changes."""

    def build():
        sql = (
            "SELECT kind, document_type_id, year, GROUPING(kind, document_type_id, year) FROM search_searchentry "
            "GROUP BY GROUPING SETS ((kind), (document_type_id), (year))"
        )
        values = {name: {} for name in FACETS}
        with connection.cursor() as cursor:
            cursor.execute(sql)
            for kind, document_type_id, year, grouping in cursor.fetchall():
                name, value = {3: ("kind", kind), 5: ("document_type_id", document_type_id)}.get(
                    grouping, ("year", year)
                )
                values[name][value] = None
        return values

    return cached("search:postgres-facet-values", build)


def summarise(request, operator: str) -> Summary:
    """Exact count and facets where the matches are few enough to count; else a bound and uncounted facets."""
    everything = capped_count(request, operator, with_filters=False)
    if everything <= EXACT_LIMIT:
        total, counts = summary(request, operator)
        return Summary(total, True, counts)
    total = capped_count(request, operator, with_filters=True) if request.filters else everything
    return Summary(total, total <= EXACT_LIMIT, index_facet_values())


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
