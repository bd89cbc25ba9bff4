from django.core.management.base import BaseCommand

from home.catalogues import build_catalogues


class Command(BaseCommand):
    help = "Generate the sr_Latn catalogue from sr_Cyrl by transliteration and compile all .mo files."

    def handle(self, *args, **options):
        for path in build_catalogues():
            self.stdout.write(f"wrote {path}")
