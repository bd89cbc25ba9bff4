from django.core.management.base import BaseCommand

from home.catalogues import catalogue_coverage


class Command(BaseCommand):
    help = "Print, as a Markdown table, the share of msgids translated in every Serbian Cyrillic catalogue."

    def handle(self, *args, **options):
        self.stdout.write("| catalogue | msgids | translated | share |")
        self.stdout.write("|---|---:|---:|---:|")
        for name, total, translated in catalogue_coverage():
            share = 100 * translated / total if total else 100
            self.stdout.write(f"| `{name}` | {total} | {translated} | {share:.1f} % |")
