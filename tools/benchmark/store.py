"""The generated entries in the database and in each backend's index.

Inserted with ``bulk_create`` (no signals) and deleted raw (no per-row work): the benchmark
handles hundreds of thousands of rows, and only rows under ``KEY_PREFIX`` are touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from modelsearch.utils import get_content_type_pk

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.search.models import IndexEntry

from search.models import SearchEntry

from .corpus import KEY_PREFIX, generate_document, to_entry
from .timing import timed

INSERT_BATCH = 1000
INDEX_CHUNK = 1000
ENGINE_DELETE_BATCH = 5000

Progress = Callable[[str], None]


def is_database_backend(backend) -> bool:
    return ".database." in type(backend).__module__


def bench_entries():
    return SearchEntry.objects.filter(key__startswith=KEY_PREFIX)


def _number(key: str) -> int:
    return int(key.removeprefix(KEY_PREFIX))


def _drop_entries_of_another_run(seed: int, progress: Progress) -> None:
    sample = bench_entries().order_by("pk").first()
    if sample is None:
        return
    expected = to_entry(generate_document(_number(sample.key), seed))
    if (sample.search_title, sample.search_text) != (expected.search_title, expected.search_text):
        progress("  entries left by a run with another seed or generator: replacing them")
        delete_entries()


def fill_corpus(size: int, seed: int, progress: Progress) -> tuple[float, float]:
    """Make bench:0 … bench:size-1 exist (in batches, without signals).

    Returns the seconds spent generating and inserting. On PostgreSQL the insert includes
    what the database computes itself: the generated search vectors and their GIN index.
    """
    _drop_entries_of_another_run(seed, progress)
    have = {_number(key) for key in bench_entries().values_list("key", flat=True)}
    extra = sorted(n for n in have if n >= size)
    if extra:
        delete_entries([f"{KEY_PREFIX}{n}" for n in extra])
    missing = [n for n in range(size) if n not in have]
    generating = inserting = 0.0
    for start in range(0, len(missing), INSERT_BATCH):
        seconds, batch = timed(
            lambda numbers: [to_entry(generate_document(n, seed)) for n in numbers],
            missing[start : start + INSERT_BATCH],
        )
        generating += seconds
        seconds, _ = timed(SearchEntry.objects.bulk_create, batch)
        inserting += seconds
        done = start + len(batch)
        if done % 10_000 == 0 or done == len(missing):
            progress(f"  generated and inserted {done:,}/{len(missing):,}")
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {SearchEntry._meta.db_table}")
    return generating, inserting


def delete_entries(keys=None) -> None:
    """Remove generated entries and their database index rows (raw: no signals, no per-row work)."""
    entries = bench_entries() if keys is None else SearchEntry.objects.filter(key__in=keys)
    object_ids = entries.annotate(object_id=Cast("pk", TextField())).values("object_id")
    if connection.vendor == "postgresql":
        IndexEntry._default_manager.filter(
            content_type_id=get_content_type_pk(SearchEntry), object_id__in=object_ids
        )._raw_delete(using="default")
    entries._raw_delete(using="default")


def entry_chunks() -> Iterator[list[SearchEntry]]:
    """All entries in pk order (keyset pagination: constant cost per chunk at any size)."""
    last = 0
    while True:
        chunk = list(SearchEntry.objects.filter(pk__gt=last).order_by("pk")[:INDEX_CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def index(label: str, backend, progress: Progress) -> tuple[float, int]:
    """Rebuild the backend's index of SearchEntry the way update_index does; (seconds, documents)."""
    in_postgres_tables = is_database_backend(backend) and connection.vendor == "postgresql"
    if in_postgres_tables:
        # Start from an empty index, as a first `update_index` would (untimed).
        IndexEntry._default_manager.filter(content_type_id=get_content_type_pk(SearchEntry))._raw_delete(
            using="default"
        )
    search_index = backend.get_index_for_model(SearchEntry)
    start = time.perf_counter()
    rebuilder = backend.rebuilder_class(search_index) if backend.rebuilder_class else None
    if rebuilder is not None:
        search_index = rebuilder.start()  # engines: a new index with the Serbian analysis settings
    search_index.add_model(SearchEntry)
    count = 0
    for chunk in entry_chunks():
        search_index.add_items(SearchEntry, chunk)
        count += len(chunk)
        if count % 20_000 == 0:
            progress(f"  {label}: indexed {count:,} ({time.perf_counter() - start:.0f} s)")
    if rebuilder is not None:
        rebuilder.finish()
    elapsed = time.perf_counter() - start
    if in_postgres_tables:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
    return elapsed, count


def unindex_engine(backend) -> None:
    """Remove the generated entries from an engine index (bulk deletes by id)."""
    search_index = backend.get_index_for_model(SearchEntry)
    pks = list(bench_entries().values_list("pk", flat=True))
    client = getattr(backend.es, "_client", backend.es)
    for start in range(0, len(pks), ENGINE_DELETE_BATCH):
        actions = [
            {"_op_type": "delete", "_index": search_index.name, "_id": str(pk)}
            for pk in pks[start : start + ENGINE_DELETE_BATCH]
        ]
        backend.bulk(client, actions, raise_on_error=False)
    search_index.refresh()
