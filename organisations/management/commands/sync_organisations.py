from django.core.management.base import BaseCommand

from organisations.directory import rebuild_organisations


class Command(BaseCommand):
    help = (
        "Bring the organisations' directory and their search entries up to date with the public records. "
        "The scheduler runs it every hour: a call's results become public at a set time, which no signal marks."
    )

    def handle(self, *args, **options) -> str:
        kept = rebuild_organisations()
        line = f"{len(kept)} organisations up to date."
        return line
