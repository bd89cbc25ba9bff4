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

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone, translation

from wagtail.search.backends import get_search_backend

from tools.benchmark import store
from tools.benchmark.corpus import DEFAULT_SEED
from tools.benchmark.measure import measure
from tools.benchmark.queries import query_set
from tools.benchmark.report import Report


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
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
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
            engine = connection.vendor if store.is_database_backend(backend) else type(backend).__name__
            backends.append((f"{name} ({engine.removesuffix('Backend').lower()})", backend))
        if choice == "database" and not store.is_database_backend(backends[0][1]):
            raise CommandError("No database search backend is configured.")
        return backends

    # ------------------------------------------------------------------
    # Running
    # ------------------------------------------------------------------

    def progress(self, message):
        if self.verbosity >= 1:
            self.stderr.write(message)

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
        queries = query_set(options["queries"] or None)
        if any(size < 1 for size in sizes):
            raise CommandError("--size must be positive.")

        self.stdout.write(
            f"Search benchmark {timezone.localtime():%Y-%m-%d %H:%M}, {platform.node()}, "
            f"{connection.vendor} {connection.settings_dict.get('NAME')}, seed {options['seed']}, "
            f"{len(queries)} queries x {options['repeat']} runs after one warm-up run, "
            f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}.\n"
        )
        report = Report()
        try:
            with translation.override(settings.LANGUAGE_CODE):
                for size in sizes:
                    self.measure_corpus(size, backends, queries, options, report)
        finally:
            if not options["keep"]:
                self.remove_corpus(backends)

        self.stdout.write(
            f"Load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine skews timings).\n"
        )
        report.write(self.stdout.write)

    def measure_corpus(self, size, backends, queries, options, report: Report) -> None:
        """Fill the corpus to ``size`` entries, index it on each backend and time the queries there."""
        self.progress(f"Corpus of {size:,} generated entries")
        if options["skip_indexing"] and store.bench_entries().count() == size:
            generated = inserted = None
        else:
            generated, inserted = store.fill_corpus(size, options["seed"], self.progress)
        for label, backend in backends:
            if not options["skip_indexing"]:
                self.progress(f"  indexing on {label}")
                seconds, count = store.index(label, backend, self.progress)
                report.add_indexing(size, label, count, generated, inserted, seconds)
            self.progress(f"  querying {label}")
            measurement = measure(backend, queries, options["repeat"], options["breakdown"])
            report.add_measurement(size, label, measurement)
            if self.verbosity >= 2:
                for q, total in measurement.hits.items():
                    self.stdout.write(f"    {total:>7,}  {q}")

    def remove_corpus(self, backends) -> None:
        self.progress("Removing the generated entries")
        for _label, backend in backends:
            if not store.is_database_backend(backend):
                store.unindex_engine(backend)
        with transaction.atomic():
            store.delete_entries()
