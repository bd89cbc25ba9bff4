"""`manage.py send_closing_reminders`: record the reminders now due and queue them (hourly in the scheduler)."""

from django.core.management.base import BaseCommand

from alerts.reminders import send_closing_reminders


class Command(BaseCommand):
    help = "Queue the e-mail reminders of consultations and calls that close within each subscriber's days."

    def handle(self, *args, **options):
        items, deliveries = send_closing_reminders()
        return f"{items} reminder(s) recorded for {deliveries} subscriber(s)"
