from django.core.management.base import BaseCommand

from home.localize_bundle import write_patched_copy


class Command(BaseCommand):
    help = "Write wagtail-localize's admin bundle with its hard-coded English strings made translatable."

    def handle(self, *args, **options):
        self.stdout.write(f"wrote {write_patched_copy()}")
