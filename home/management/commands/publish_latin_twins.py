"""Catch up Latin twins: `manage.py publish_latin_twins` (safe to run at any time, e.g. from cron)."""

import logging

from django.core.management.base import BaseCommand, CommandError

from home.latin_catchup import pages_needing_a_twin, snippets_needing_a_twin
from home.latin_twin import publish_latin_twin

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Publish the Latin version of every live Cyrillic page whose Latin version is missing or older, "
        "and of every translatable snippet that has none."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is behind, publish nothing.")

    def handle(self, *args, dry_run=False, **options):
        behind = pages_needing_a_twin() + snippets_needing_a_twin()
        if dry_run:
            for item in behind:
                self.stdout.write(f"behind: {type(item).__name__} {item.pk} {item}")
            self.stdout.write(f"{len(behind)} Latin version(s) missing or behind.")
            return
        published, failed = 0, 0
        for item in behind:
            try:
                outcome = publish_latin_twin(item)
            except Exception as error:
                failed += 1
                logger.exception("Could not publish the Latin twin of %r (id %s)", item, item.pk)
                self.stderr.write(f"failed: {type(item).__name__} {item.pk} {item}: {error}")
                continue
            published += outcome.updated
        self.stdout.write(f"Published {published} Latin version(s).")
        if failed:
            raise CommandError(f"{failed} Latin version(s) could not be published; the errors are logged above.")
