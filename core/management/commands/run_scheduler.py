"""`manage.py run_scheduler`: the Procfile's `scheduler` process (and `make run`'s), see core/scheduler.py."""

import argparse
import datetime
import logging
import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from core.scheduler import JOBS, Job, Scheduler, run_job

logger = logging.getLogger("core.scheduler")


def interval(value: str) -> tuple[str, datetime.timedelta]:
    """`NAME=SECONDS`, e.g. `publish_scheduled=5`."""
    name, sep, seconds = value.partition("=")
    known = {job.name for job in JOBS}
    if not sep or name not in known:
        raise argparse.ArgumentTypeError(f"expected NAME=SECONDS with NAME one of {', '.join(sorted(known))}")
    try:
        every = float(seconds)
    except ValueError:
        every = 0
    if every <= 0:
        raise argparse.ArgumentTypeError(f"{seconds!r} is not a positive number of seconds")
    return name, datetime.timedelta(seconds=every)


class Command(BaseCommand):
    help = (
        "Run the site's scheduled work until stopped (SIGTERM or Ctrl-C): scheduled publishing and unpublishing "
        "every minute; every hour, the purge of unconfirmed comments past their retention and the sweep of "
        "orphaned files. Logs one line per job run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=interval,
            action="append",
            default=[],
            metavar="NAME=SECONDS",
            help="Run job NAME every SECONDS instead of its usual interval (repeatable).",
        )
        parser.add_argument("--once", action="store_true", help="Run every job once, then exit.")

    def handle(self, *args, interval: list, once: bool, **options):
        overrides = dict(interval)
        jobs = [Job(job.name, overrides.get(job.name, job.every), job.run) for job in JOBS]
        if once:
            failed = [job.name for job in jobs if not run_job(job)]
            if failed:
                raise CommandError(f"failed (see the log above): {', '.join(failed)}")
            return
        stop = threading.Event()

        def request_stop(signum, frame):
            logger.info("scheduler: %s received, stopping after the job under way", signal.Signals(signum).name)
            stop.set()

        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        Scheduler(jobs, stop).run_forever()
