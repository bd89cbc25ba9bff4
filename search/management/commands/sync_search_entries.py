from django.core.management.base import BaseCommand

from search.entries import rebuild_all


class Command(BaseCommand):
    help = (
        "Rebuild the public search entries from the live pages and the document registry. "
        "Run it before update_index after a restore or an import that bypassed publishing."
    )

    def handle(self, *args, **options):
        counts = rebuild_all()
        self.stdout.write(f"{counts['entries']} search entries up to date, {counts['deleted']} stale removed.")
