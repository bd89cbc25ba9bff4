from django.core.management.base import BaseCommand

from demo.builder import build_demo_site


class Command(BaseCommand):
    help = "Build the Novi Sad office's demo site from the seed texts and demo/data/ (idempotent)."

    def handle(self, *args, **options):
        home = build_demo_site()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {home.title} and its pages in 3 languages."))
