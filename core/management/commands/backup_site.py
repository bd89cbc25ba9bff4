"""`manage.py backup_site <directory>`: the database and every stored file, with a manifest of SHA-256s.

What the backup holds and why its formats: core/backup/__init__.py, postgres.py, sqlite.py.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup.site import back_up


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file (local media or the S3 bucket) into DIRECTORY, a new or "
        "empty directory, with manifest.json listing each file's size and SHA-256. The backup holds personal "
        "data: it is written 0700/0600; keep it, and any copy of it, where only operators can read it."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="A new or empty directory to write the backup into.")

    def handle(self, *args, directory: Path, **options):
        written = back_up(directory, report=self.stdout.write)
        files = sum(len(stored["files"]) for stored in written["storages"].values())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {directory}: the database and {files} file(s)."))
