"""`manage.py send_alert_digests`: the weekly digests that are due (hourly in the scheduler)."""

from django.core.management.base import BaseCommand

from alerts.digest import send_digests


class Command(BaseCommand):
    help = "Send the weekly e-mail alert digests that are due."

    def handle(self, *args, **options):
        return f"{send_digests()} weekly digest(s) sent"
