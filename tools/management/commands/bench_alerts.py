"""`manage.py bench_alerts --subscribers 10000`: see tools/benchmark/alerts.py."""

from django.core.management.base import BaseCommand

from tools.benchmark.alerts import run


class Command(BaseCommand):
    help = "Time one e-mail alert to N subscribers through the real worker and a local SMTP sink."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)

    def handle(self, *args, subscribers: int, **options):
        result = run(subscribers)
        rate = result.received / result.sending_seconds if result.sending_seconds else 0
        self.stdout.write(
            f"subscribers: {result.subscribers}\n"
            f"delivery rows recorded in: {result.record_seconds:.2f} s\n"
            f"worker (start to exit): {result.worker_seconds:.2f} s\n"
            f"first to last message at the sink: {result.sending_seconds:.2f} s ({rate:.0f} messages/s)\n"
            f"messages received: {result.received}, distinct recipients: {result.recipients}, "
            f"duplicates: {result.duplicates}"
        )
