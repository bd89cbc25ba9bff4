"""manage.py search_relevance: recall@5 and MRR of the judged query set, per search backend."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends import EngineUnavailableError
from tools.relevance import (
    CUTOFF,
    JUDGEMENTS_PATH,
    JudgementError,
    Report,
    describe_backend,
    evaluate,
    load_judgements,
)


class Command(BaseCommand):
    help = (
        "Run the judged query set (tools/relevance_judgements.json) on each configured search backend, "
        "without fallback, and print recall@5 and MRR overall and per category. Needs the demo content "
        "(load_demo_content) and, for an engine, its index (update_index)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            default="all",
            help="A WAGTAILSEARCH_BACKENDS key (with SEARCH_URL: 'default' is the engine, 'database' the "
            "database), or 'all' (the default).",
        )
        parser.add_argument("--verbose", action="store_true", help="Show every query's ranks and misses.")
        parser.add_argument(
            "--min-recall",
            type=float,
            default=0.9,
            help="Exit with an error when a backend's recall@5 is below this (default 0.9).",
        )

    def handle(self, *args, **options):
        configured = list(settings.WAGTAILSEARCH_BACKENDS)
        names = configured if options["backend"] == "all" else [options["backend"]]
        unknown = [name for name in names if name not in configured]
        if unknown:
            raise CommandError(f"Unknown backend {unknown[0]!r}; configured: {', '.join(configured)}")
        try:
            judgements = load_judgements()
        except (OSError, ValueError) as error:
            raise CommandError(f"{JUDGEMENTS_PATH}: {error}") from error
        self.stdout.write(f"{len(judgements)} judged queries from {JUDGEMENTS_PATH.name}\n")

        failures = []
        for name in names:
            try:
                with quiet_engine_clients():
                    report = evaluate(name, judgements)
            except JudgementError as error:
                raise CommandError(str(error)) from error
            except EngineUnavailableError as error:
                label = f"{name} ({describe_backend(name)})"
                self.stdout.write(self.style.ERROR(f"Backend {label}: the engine did not answer: {error}\n"))
                failures.append(f"{label}: unavailable")
                continue
            self.print_report(report, options["verbose"])
            recall = report.overall.recall
            if recall < options["min_recall"]:
                failures.append(f"{name} ({report.label}): recall@{CUTOFF} {recall:.3f} < {options['min_recall']}")
        if failures:
            raise CommandError("; ".join(failures))

    def print_report(self, report: Report, verbose: bool) -> None:
        write = self.stdout.write
        write(self.style.MIGRATE_HEADING(f"Backend {report.backend!r}: {report.label}"))
        write(f"  {'category':<15} {'queries':>7} {f'recall@{CUTOFF}':>9} {'MRR':>6}")
        for category, score in report.by_category().items():
            if score.queries:
                write(f"  {category:<15} {score.queries:>7} {score.recall:>9.3f} {score.mrr:>6.3f}")
        overall = report.overall
        write(f"  {'all':<15} {overall.queries:>7} {overall.recall:>9.3f} {overall.mrr:>6.3f}")
        if verbose:
            self.print_details(report)
        else:
            imperfect = [result for result in report.results if result.misses]
            for result in imperfect:
                write(f"  missed in top {CUTOFF}: {result.judgement.query!r} ({result.judgement.category})")
        write("")

    def print_details(self, report: Report) -> None:
        write = self.stdout.write
        for result in report.results:
            judgement = result.judgement
            mark = "ok  " if not result.misses else "MISS"
            note = ", broadened to any word" if result.broadened else ""
            write(
                f"  {mark} [{judgement.category}] {judgement.query!r}: recall {result.recall:.2f}, "
                f"RR {result.reciprocal_rank:.2f}{note}"
            )
            for key in result.expected:
                rank = result.rank_of(key)
                where = f"rank {rank}" if rank else "not on the first page"
                write(f"       expected {where}: {describe(report, key)}")
            if result.misses:
                for rank, key in enumerate(result.found[:CUTOFF], start=1):
                    write(f"       got {rank}: {describe(report, key)}")


def describe(report: Report, key: str) -> str:
    """An entry as a reader recognises it: page or document, and its title."""
    kind = key.partition(":")[0]
    return f"{kind:<8} {report.titles.get(key, key)}"


# The engine clients log every request, and a refused connection with its traceback; this
# command prints the report, and says itself when an engine does not answer.
ENGINE_LOGGERS = ("opensearch", "elastic_transport", "elasticsearch")


@contextmanager
def quiet_engine_clients():
    loggers = [logging.getLogger(name) for name in ENGINE_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
