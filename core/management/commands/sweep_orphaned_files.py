"""`manage.py sweep_orphaned_files`: delete stored files that no row references (see core/storage_sweep.py).

The scheduler (`manage.py run_scheduler`) runs it every hour; run it by hand after an outage
of the object store, or with --dry-run to see what it would delete.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from core.storage_sweep import DEFAULT_GRACE, sweep_orphaned_files


class Command(BaseCommand):
    help = (
        "Delete the files under the site's upload folders (local media or the S3 bucket) that no database row "
        "references and that are older than the grace period, so an upload still being saved is never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than-minutes",
            type=int,
            default=int(DEFAULT_GRACE.total_seconds() // 60),
            help="Grace period: only files older than this are deleted (default %(default)s).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List the orphaned files, delete nothing.")

    def handle(self, *args, older_than_minutes: int, dry_run: bool, **options) -> str:
        if older_than_minutes < 0:
            raise CommandError("--older-than-minutes cannot be negative.")
        names = sweep_orphaned_files(datetime.timedelta(minutes=older_than_minutes), dry_run=dry_run)
        for name in names:
            self.stdout.write(name)
        verb = "would be deleted" if dry_run else "deleted"
        return f"{len(names)} orphaned file(s) {verb} (older than {older_than_minutes} min)"
