"""Delete the files a scratch database of `make bench` stored (tools/benchmark/pages.py runs it last).

The benchmark's database lives in a temporary directory, but the demo content's documents and
images (and the renditions the pages asked for) go to the site's storage, `media/` by default, as
`make run` puts them. Every file any file field of this database names is deleted, so repeated runs
leave nothing behind. Only for a scratch database: it refuses any other.
"""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import FileField


def stored_file_names():
    """(storage, name) of every file a file field of this database names."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                names = model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
                yield from ((field.storage, name) for name in names if name)


def delete_stored_files() -> int:
    deleted = 0
    for storage, name in stored_file_names():
        if storage.exists(name):
            storage.delete(name)
            deleted += 1
    return deleted


class Command(BaseCommand):
    help = "Delete every file the page benchmark's scratch database refers to (scratch databases only)."

    def handle(self, *args, **options):
        database = str(settings.DATABASES["default"]["NAME"])
        if "bench-pages-" not in database:
            raise CommandError(f"Refusing to delete the files of {database}: not a scratch database of make bench.")
        self.stdout.write(f"deleted {delete_stored_files()} files")
