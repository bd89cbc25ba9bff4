"""`manage.py send_alerts`: send the instant alerts not sent yet (what the worker's task does; the scheduler
runs it every few minutes to catch up after a worker stopped mid-batch). Safe to run at any time, in parallel."""

from django.core.management.base import BaseCommand

from alerts.sending import BATCH_SIZE, send_pending


class Command(BaseCommand):
    help = "Send the instant e-mail alerts and reminders not sent yet, in batches."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, batch_size: int, **options):
        return f"{send_pending(batch_size=batch_size)} alert e-mail(s) sent"
