"""`manage.py restore_site <directory>`: a backup of `backup_site` back into an empty database and storage."""

from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup.site import restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site into this site's database and storage (as DATABASE_URL and "
        "AWS_STORAGE_BUCKET_NAME or MEDIA_ROOT say). Every file is checked against the manifest first; a "
        "tampered or corrupt backup restores nothing. The database and storage must be empty (create the "
        "database, do not migrate it) unless --replace-existing is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="The directory backup_site wrote.")
        parser.add_argument(
            "--replace-existing",
            action="store_true",
            help=(
                "Restore into a database and storage that are not empty: objects of the backup replace those "
                "of the same name (PostgreSQL: pg_restore --clean; SQLite: the whole file), files of the same "
                "name are overwritten, anything else already there stays."
            ),
        )

    def handle(self, *args, directory: Path, replace_existing: bool, **options):
        restored = restore(directory, replace=replace_existing, report=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {restored['created_at']} from {directory}."))
