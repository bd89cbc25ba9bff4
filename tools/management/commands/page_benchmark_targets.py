"""Print, as JSON, the URLs `make bench` loads and the SQL queries each costs (tools/benchmark/pages.py runs it).

    manage.py page_benchmark_targets --language sr-cyrl --page home --page "news item"

Read-only: it finds one page of each type in the database and requests it twice in-process
(the page cache off, then answered from the cache) to count queries.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from tools.benchmark.pages_kinds import LANGUAGES, PAGE_TYPES
from tools.benchmark.pages_targets import count_queries, find_targets


class Command(BaseCommand):
    help = "Print the page benchmark's URLs (one per page type and language) with their SQL queries per request."

    def add_arguments(self, parser):
        parser.add_argument("--page", action="append", choices=PAGE_TYPES, help="Page type (repeatable; default all).")
        parser.add_argument(
            "--language", action="append", choices=LANGUAGES, help="Language (repeatable; default all)."
        )

    def handle(self, *args, **options):
        targets = find_targets(options["page"] or PAGE_TYPES, options["language"] or LANGUAGES)
        # The cache lifetime the server will run with when cached (at least a minute, to count a hit).
        cache_seconds = max(settings.PAGE_CACHE_SECONDS, 60)
        measured = [count_queries(target, cache_seconds).as_dict() for target in targets]
        self.stdout.write(json.dumps(measured, ensure_ascii=False, indent=1))
