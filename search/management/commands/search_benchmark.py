"""Measure the public search: index a generated Serbian corpus and time the queries, per backend.

    DATABASE_URL=postgres://…/cso_bench manage.py search_benchmark --size 10000 --size 100000 --backend all

It writes ``SearchEntry`` rows (keys ``bench:<n>``) and rebuilds the search index of
every backend it measures, so it runs only on a scratch database (its name contains
"bench", or ``--yes-wipe-search-entries``) and only against an engine index whose prefix
contains "bench" (``SEARCH_URL=opensearch://…?index=bench``). The generated rows and
their index entries are removed at the end unless ``--keep``.
"""

from __future__ import annotations

import logging
import os
import platform
import time

from modelsearch.utils import get_content_type_pk

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search import benchmark, postgres
from search.models import SearchEntry
from search.query import PER_PAGE, ModelsearchSearch, PostgresSearch, SearchRequest, _run

INSERT_BATCH = 1000
INDEX_CHUNK = 1000


def is_database_backend(backend) -> bool:
    return ".database." in type(backend).__module__


class Command(BaseCommand):
    help = (
        "Generate a Serbian corpus of N search entries, index it on each search backend and report "
        "indexing time and query latency (p50/p95/max). Scratch databases only: it writes and deletes "
        "SearchEntry rows and rebuilds the search indexes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            type=int,
            action="append",
            help="Corpus size (repeatable, measured in increasing order). Default: 10000.",
        )
        parser.add_argument(
            "--backend",
            choices=["database", "default", "all"],
            default="all",
            help="Which search backend to measure: the database one, the configured default, or every one.",
        )
        parser.add_argument(
            "--queries", type=int, default=0, help="How many queries of the query set (default: all of them)."
        )
        parser.add_argument("--repeat", type=int, default=5, help="Timed runs of each query (default 5).")
        parser.add_argument("--seed", type=int, default=benchmark.DEFAULT_SEED)
        parser.add_argument("--keep", action="store_true", help="Leave the generated entries and their index.")
        parser.add_argument(
            "--skip-indexing",
            action="store_true",
            help="Reuse entries and indexes left by an earlier --keep run of the same size and seed.",
        )
        parser.add_argument("--breakdown", action="store_true", help="Also time count, page and each facet alone.")
        parser.add_argument(
            "--yes-wipe-search-entries",
            action="store_true",
            help="Run even though the database name does not contain 'bench'.",
        )

    # ------------------------------------------------------------------
    # Safety
    # ------------------------------------------------------------------

    def check_scratch(self, options, backends):
        name = str(connection.settings_dict.get("NAME", ""))
        if "bench" not in name.lower() and not options["yes_wipe_search_entries"]:
            raise CommandError(
                f"Refusing to run on database {name!r}: this benchmark writes and deletes search entries and "
                "rebuilds the search index. Use a scratch database whose name contains 'bench', or pass "
                "--yes-wipe-search-entries."
            )
        for label, backend in backends:
            prefix = getattr(backend, "index_prefix", None)
            if prefix is not None and "bench" not in prefix.lower() and not options["yes_wipe_search_entries"]:
                raise CommandError(
                    f"Refusing to rebuild the {label} engine index with prefix {prefix!r}: point SEARCH_URL at a "
                    "scratch index (…?index=bench) or pass --yes-wipe-search-entries."
                )

    def selected_backends(self, choice) -> list[tuple[str, object]]:
        configured = list(settings.WAGTAILSEARCH_BACKENDS)
        if choice == "database":
            names = ["database"] if "database" in configured else ["default"]
        else:
            names = ["default"] if choice == "default" else configured
        backends = []
        for name in names:
            backend = get_search_backend(name)
            engine = connection.vendor if is_database_backend(backend) else type(backend).__name__
            backends.append((f"{name} ({engine.removesuffix('Backend').lower()})", backend))
        if choice == "database" and not is_database_backend(backends[0][1]):
            raise CommandError("No database search backend is configured.")
        return backends

    # ------------------------------------------------------------------
    # Corpus
    # ------------------------------------------------------------------

    def bench_entries(self):
        return SearchEntry.objects.filter(key__startswith=benchmark.KEY_PREFIX)

    def existing_count(self) -> int:
        return self.bench_entries().count()

    def fill_corpus(self, size: int, seed: int) -> tuple[float, float]:
        """Make bench:0 … bench:size-1 exist (in batches, without signals).

        Returns the seconds spent generating and inserting. On PostgreSQL the insert includes
        what the database computes itself: the generated search vectors and their GIN index.
        """
        sample = self.bench_entries().order_by("pk").first()
        if sample is not None:
            n = int(sample.key.removeprefix(benchmark.KEY_PREFIX))
            expected = benchmark.to_entry(benchmark.generate_document(n, seed))
            if (sample.search_title, sample.search_text) != (expected.search_title, expected.search_text):
                self.progress("  entries left by a run with another seed or generator: replacing them")
                self.delete_entries()
        have = set(
            int(key.removeprefix(benchmark.KEY_PREFIX)) for key in self.bench_entries().values_list("key", flat=True)
        )
        extra = sorted(n for n in have if n >= size)
        if extra:
            self.delete_entries([f"{benchmark.KEY_PREFIX}{n}" for n in extra])
        missing = [n for n in range(size) if n not in have]
        generating = inserting = 0.0
        for start in range(0, len(missing), INSERT_BATCH):
            seconds, batch = benchmark.timed(
                lambda numbers: [benchmark.to_entry(benchmark.generate_document(n, seed)) for n in numbers],
                missing[start : start + INSERT_BATCH],
            )
            generating += seconds
            seconds, _ = benchmark.timed(SearchEntry.objects.bulk_create, batch)
            inserting += seconds
            done = start + len(batch)
            if done % 10_000 == 0 or done == len(missing):
                self.progress(f"  generated and inserted {done:,}/{len(missing):,}")
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {SearchEntry._meta.db_table}")
        return generating, inserting

    def delete_entries(self, keys=None):
        """Remove generated entries and their database index rows (raw: no signals, no per-row work)."""
        entries = self.bench_entries() if keys is None else SearchEntry.objects.filter(key__in=keys)
        object_ids = entries.annotate(object_id=Cast("pk", TextField())).values("object_id")
        if connection.vendor == "postgresql":
            IndexEntry._default_manager.filter(
                content_type_id=get_content_type_pk(SearchEntry), object_id__in=object_ids
            )._raw_delete(using="default")
        entries._raw_delete(using="default")

    # ------------------------------------------------------------------
    # Indexing
    # ------------------------------------------------------------------

    def entry_chunks(self):
        """All entries in pk order (keyset pagination: constant cost per chunk at any size)."""
        last = 0
        while True:
            chunk = list(SearchEntry.objects.filter(pk__gt=last).order_by("pk")[:INDEX_CHUNK])
            if not chunk:
                return
            yield chunk
            last = chunk[-1].pk

    def index(self, label, backend) -> tuple[float, int]:
        """Rebuild the backend's index of SearchEntry the way update_index does; (seconds, documents)."""
        if is_database_backend(backend) and connection.vendor == "postgresql":
            # Start from an empty index, as a first `update_index` would (untimed).
            IndexEntry._default_manager.filter(content_type_id=get_content_type_pk(SearchEntry))._raw_delete(
                using="default"
            )
        index = backend.get_index_for_model(SearchEntry)
        start = time.perf_counter()
        rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
        if rebuilder is not None:
            index = rebuilder.start()  # engines: a new index with the Serbian analysis settings
        index.add_model(SearchEntry)
        count = 0
        for chunk in self.entry_chunks():
            index.add_items(SearchEntry, chunk)
            count += len(chunk)
            if count % 20_000 == 0:
                self.progress(f"  {label}: indexed {count:,} ({time.perf_counter() - start:.0f} s)")
        if rebuilder is not None:
            rebuilder.finish()
        elapsed = time.perf_counter() - start
        if is_database_backend(backend) and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
        return elapsed, count

    def unindex_engine(self, backend):
        """Remove the generated entries from an engine index (bulk deletes by id)."""
        index = backend.get_index_for_model(SearchEntry)
        pks = list(self.bench_entries().values_list("pk", flat=True))
        client = getattr(backend.es, "_client", backend.es)
        for start in range(0, len(pks), 5000):
            actions = [{"_op_type": "delete", "_index": index.name, "_id": str(pk)} for pk in pks[start : start + 5000]]
            backend.bulk(client, actions, raise_on_error=False)
        index.refresh()

    # ------------------------------------------------------------------
    # Queries
    # ------------------------------------------------------------------

    def searcher(self, backend, request: SearchRequest):
        """The same way in as the search page: straight SQL on PostgreSQL, modelsearch elsewhere."""
        return (PostgresSearch if postgres.is_available(backend) else ModelsearchSearch)(backend, request)

    def results_only(self, backend, request: SearchRequest):
        """The count and the first page, as _run gets them (no facets, no broadening)."""
        search = self.searcher(backend, request)
        with search.session():
            total = search.count("and")
            return total, search.page("and", total, 0, PER_PAGE) if total else []

    def parts(self, backend, request: SearchRequest) -> dict:
        """Each step of a search alone, for the breakdown."""
        total = self.results_only(backend, request)[0]

        def step(call):
            def run():
                search = self.searcher(backend, request)
                with search.session():
                    return call(search)

            return run

        return {
            "count": step(lambda search: search.count("and")),
            "page of 10": step(lambda search: search.page("and", total, 0, PER_PAGE)),
            "facets (all three)": step(lambda search: search.facet_counts("and")),
        }

    def measure(self, backend, queries, repeat, breakdown) -> dict:
        requests = [(query, SearchRequest.from_params({"q": query.q})) for query in queries]
        timings = {"full": benchmark.Timings(), "results": benchmark.Timings()}
        by_group: dict[str, benchmark.Timings] = {}
        parts: dict[str, benchmark.Timings] = {}
        sql_counts, hits = [], {}
        # Warm up (caches, connections, the planner's statistics) and count SQL per search.
        for query, request in requests:
            with CaptureQueriesContext(connection) as captured:
                outcome = _run(backend, request)
            sql_counts.append(len(captured.captured_queries))
            hits[query.q] = outcome.total
            self.results_only(backend, request)
        for _round in range(repeat):
            for query, request in requests:
                seconds, _ = benchmark.timed(_run, backend, request)
                timings["full"].add(seconds)
                by_group.setdefault(query.group, benchmark.Timings()).add(seconds)
                seconds, _ = benchmark.timed(self.results_only, backend, request)
                timings["results"].add(seconds)
                if breakdown:
                    for name, step in self.parts(backend, request).items():
                        seconds, _ = benchmark.timed(step)
                        parts.setdefault(name, benchmark.Timings()).add(seconds)
        return {
            "timings": timings,
            "by_group": by_group,
            "parts": parts,
            "sql": sql_counts,
            "hits": hits,
            "groups": {query.q: query.group for query, _ in requests},
        }

    # ------------------------------------------------------------------
    # Output
    # ------------------------------------------------------------------

    def progress(self, message):
        if self.verbosity >= 1:
            self.stderr.write(message)

    def table(self, headers, rows):
        self.stdout.write(benchmark.format_table(headers, rows))
        self.stdout.write("")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        # The engine clients log every request (and the expected 404 of a first rebuild).
        for name in ("opensearch", "elastic_transport", "elasticsearch"):
            logging.getLogger(name).setLevel(logging.ERROR)
        # As in production: with DEBUG on, Django keeps the text of every query (megabytes per
        # bulk insert) and times each one, which would cost memory and skew the timings.
        with override_settings(DEBUG=False):
            self.run(options)

    def run(self, options):
        sizes = sorted(set(options["size"] or [10_000]))
        backends = self.selected_backends(options["backend"])
        self.check_scratch(options, backends)
        queries = benchmark.query_set(options["queries"] or None)
        seed = options["seed"]
        if any(size < 1 for size in sizes):
            raise CommandError("--size must be positive.")

        self.stdout.write(
            f"Search benchmark {timezone.localtime():%Y-%m-%d %H:%M}, {platform.node()}, "
            f"{connection.vendor} {connection.settings_dict.get('NAME')}, seed {seed}, "
            f"{len(queries)} queries x {options['repeat']} runs after one warm-up run, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}.\n"
        )
        indexing_rows, latency_rows, group_rows, part_rows = [], [], [], []
        try:
            with translation.override(settings.LANGUAGE_CODE):
                for size in sizes:
                    self.progress(f"Corpus of {size:,} generated entries")
                    if options["skip_indexing"] and self.existing_count() == size:
                        generated = inserted = None
                    else:
                        generated, inserted = self.fill_corpus(size, seed)
                    for label, backend in backends:
                        if not options["skip_indexing"]:
                            self.progress(f"  indexing on {label}")
                            seconds, count = self.index(label, backend)
                            indexing_rows.append(
                                [
                                    f"{size:,}",
                                    label,
                                    f"{count:,}",
                                    f"{generated:.1f}" if generated is not None else "-",
                                    f"{inserted:.1f}" if inserted is not None else "-",
                                    f"{seconds:.1f}",
                                    f"{count / seconds:,.0f}",
                                ]
                            )
                        self.progress(f"  querying {label}")
                        result = self.measure(backend, queries, options["repeat"], options["breakdown"])
                        sql = result["sql"]
                        for name, description in (
                            ("full", "full search page (_run)"),
                            ("results", "results only (search+count)"),
                        ):
                            s = result["timings"][name].summary()
                            latency_rows.append(
                                [
                                    f"{size:,}",
                                    label,
                                    description,
                                    f"{s['p50']:.1f}",
                                    f"{s['p95']:.1f}",
                                    f"{s['max']:.1f}",
                                    f"{s['mean']:.1f}",
                                    f"{sum(sql) / len(sql):.1f} ({min(sql)}-{max(sql)})" if name == "full" else "",
                                ]
                            )
                        for group, timings in result["by_group"].items():
                            s = timings.summary()
                            group_hits = [h for q, h in result["hits"].items() if result["groups"][q] == group]
                            group_rows.append(
                                [
                                    f"{size:,}",
                                    label,
                                    group,
                                    f"{min(group_hits):,}-{max(group_hits):,}",
                                    f"{s['p50']:.1f}",
                                    f"{s['p95']:.1f}",
                                    f"{s['max']:.1f}",
                                ]
                            )
                        for name, timings in result["parts"].items():
                            s = timings.summary()
                            part_rows.append(
                                [f"{size:,}", label, name, f"{s['p50']:.1f}", f"{s['p95']:.1f}", f"{s['max']:.1f}"]
                            )
                        if self.verbosity >= 2:
                            for q, total in result["hits"].items():
                                self.stdout.write(f"    {total:>7,}  {q}")
        finally:
            if not options["keep"]:
                self.progress("Removing the generated entries")
                for _label, backend in backends:
                    if not is_database_backend(backend):
                        self.unindex_engine(backend)
                with transaction.atomic():
                    self.delete_entries()

        self.stdout.write(
            f"Load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine skews timings).\n"
        )
        if indexing_rows:
            self.stdout.write(
                "Indexing: generating the corpus, inserting it (bulk_create; on PostgreSQL with the generated\n"
                "search vectors and their GIN index), then an update_index-style rebuild of SearchEntry on each\n"
                "backend in chunks of 1,000 (docs/s is for that rebuild)"
            )
            self.table(["corpus", "backend", "indexed", "generate s", "insert s", "index s", "docs/s"], indexing_rows)
        self.stdout.write("Query latency, ms (each query once to warm up, then every query in turn, repeated)")
        self.table(["corpus", "backend", "measure", "p50", "p95", "max", "mean", "SQL/search"], latency_rows)
        self.stdout.write("Full search page by kind of query, ms")
        self.table(["corpus", "backend", "queries", "hits", "p50", "p95", "max"], group_rows)
        if part_rows:
            self.stdout.write("Each step alone (AND query, no filters), ms")
            self.table(["corpus", "backend", "step", "p50", "p95", "max"], part_rows)
