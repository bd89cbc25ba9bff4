"""The site's scheduled work: what runs, how often, and the loop that runs it (`manage.py run_scheduler`).

Every job is a management command that can also be run by hand; the table below is the whole
schedule. A job's command is named, not imported: `core` imports no feature app, and the
owning app keeps its command (consultations owns the purge of unconfirmed comments).

The loop runs each job when it is due (all of them once at start, so a scheduler started
after downtime catches up at once), logs one line per run with the job's counts, logs a
failure with its traceback and carries on, and stops between jobs when asked (SIGTERM from
the platform, Ctrl-C). Two schedulers started by mistake do no harm: a job runs only under
its lock (core/scheduler_lock.py), so the same job never runs twice at once, and every job
is idempotent, so one run after another finds nothing left to do.
"""

import datetime
import io
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import close_old_connections, connections
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from .scheduler_lock import job_lock

logger = logging.getLogger(__name__)

# Never sleep longer than this, so a shortened interval or a stop request is seen soon enough.
LONGEST_SLEEP = 30.0


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    run: Callable[[], str]  # does the work; returns one line of counts for the log


def command(name: str) -> Callable[[], str]:
    """A job that runs the management command `name`; its handle() returns the line of counts."""

    def run() -> str:
        return call_command(name, stdout=io.StringIO()) or ""

    return run


def publish_scheduled() -> str:
    """Wagtail's own `publish_scheduled` (pages and snippets going live or expiring), counted from the audit log."""
    started = timezone.now()
    call_command("publish_scheduled", stdout=io.StringIO())
    published = _logged("wagtail.publish.scheduled", since=started)
    unpublished = _logged("wagtail.unpublish.scheduled", since=started)
    return f"{published} published, {unpublished} unpublished"


def _logged(action: str, since: datetime.datetime) -> int:
    return sum(log.objects.filter(action=action, timestamp__gte=since).count() for log in (PageLogEntry, ModelLogEntry))


def clear_expired_sessions() -> str:
    """Django's `clearsessions`: expired logins must not outlive their use (docs/data-protection.md)."""
    expired = Session.objects.filter(expire_date__lt=timezone.now()).count()
    call_command("clearsessions")
    return f"{expired} expired sessions removed"


JOBS = (
    Job("publish_scheduled", datetime.timedelta(minutes=1), publish_scheduled),
    Job("purge_unconfirmed_comments", datetime.timedelta(hours=1), command("purge_unconfirmed_comments")),
    Job("sweep_orphaned_files", datetime.timedelta(hours=1), command("sweep_orphaned_files")),
    Job("clearsessions", datetime.timedelta(days=1), clear_expired_sessions),
    # E-mail alerts (alerts/): catching up after a worker stopped mid-batch, digests, reminders, unconfirmed addresses.
    Job("send_alerts", datetime.timedelta(minutes=5), command("send_alerts")),
    Job("send_alert_digests", datetime.timedelta(hours=1), command("send_alert_digests")),
    Job("send_closing_reminders", datetime.timedelta(hours=1), command("send_closing_reminders")),
    Job("purge_unconfirmed_subscriptions", datetime.timedelta(days=1), command("purge_unconfirmed_subscriptions")),
    # Organisation pages' directory and search entries (organisations/): results published at a set time.
    Job("sync_organisations", datetime.timedelta(hours=1), command("sync_organisations")),
)


def run_job(job: Job) -> bool:
    """Run `job` once under its lock and log what it did; False when it failed. Never raises."""
    try:
        drop_stale_connections()
        with job_lock(job.name) as acquired:
            if not acquired:
                logger.info("scheduler: %s skipped: another scheduler is running it", job.name)
                return True
            started = time.monotonic()
            summary = job.run()
            logger.info("scheduler: %s: %s (%.1f s)", job.name, summary, time.monotonic() - started)
            return True
    except Exception:
        logger.exception("scheduler: %s failed; the scheduler carries on and runs it again when due", job.name)
        return False


def drop_stale_connections() -> None:
    """As Django does before a request: close a connection that broke (PostgreSQL restarted) or outlived
    CONN_MAX_AGE, so the job opens a fresh one. Not inside a transaction (a test's), which closing would break."""
    if not any(conn.in_atomic_block for conn in connections.all(initialized_only=True)):
        close_old_connections()


class Scheduler:
    def __init__(self, jobs: Iterable[Job], stop: threading.Event | None = None):
        self.jobs = tuple(jobs)
        self.stop = stop or threading.Event()
        self.next_run = {job.name: 0.0 for job in self.jobs}

    def tick(self) -> None:
        """Run every job that is due, in the table's order."""
        for job in self.jobs:
            if self.stop.is_set():
                return
            now = time.monotonic()
            if now >= self.next_run[job.name]:
                # Counted from the start of the run, so a slow job does not push its schedule later and later.
                self.next_run[job.name] = now + job.every.total_seconds()
                run_job(job)

    def run_forever(self) -> None:
        names = ", ".join(f"{job.name} every {job.every.total_seconds():g} s" for job in self.jobs)
        logger.info("scheduler: started: %s", names)
        while not self.stop.is_set():
            self.tick()
            self.stop.wait(self.seconds_to_next_run())
        logger.info("scheduler: stopped")

    def seconds_to_next_run(self) -> float:
        return max(0.0, min(LONGEST_SLEEP, min(self.next_run.values()) - time.monotonic()))
