"""The scheduler (core/scheduler.py, `manage.py run_scheduler`): scheduled publishing happens with nobody at a keyboard.

Every test that lets the orphan sweep run gives the default storage a folder or bucket of its own
(`local_media`, `s3_default_storage`): the shared test media belong to other test runs.
"""

import contextlib
import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from wagtail.models import Page, Revision

from core.scheduler import JOBS, Job, Scheduler, publish_scheduled, run_job
from core.scheduler_lock import job_lock
from tests.factories import StandardPageFactory
from tests.procfile_server import PROJECT, procfile_command, production_env

PUBLISH = next(job for job in JOBS if job.name == "publish_scheduled")


def scheduled_page(parent, go_live_at: datetime.datetime) -> Page:
    """A new page an editor has scheduled: published with a go-live time, so not live until then."""
    page = StandardPageFactory(parent=parent, live=False, title="Позив за јавну расправу")
    page.go_live_at = go_live_at
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live, "scheduled, not yet live"
    return page


def as_if_its_time_came() -> None:
    """Move every scheduled go-live time into the past, as the clock would: the approved time and the
    time in the revision's content (which publishing reads)."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.objects.exclude(approved_go_live_at=None):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])


@pytest.mark.django_db
def test_one_scheduler_tick_publishes_a_page_whose_go_live_time_has_passed(local_media, home_page, caplog):
    page = scheduled_page(home_page, timezone.now() + datetime.timedelta(hours=1))
    as_if_its_time_came()
    caplog.set_level("INFO", logger="core.scheduler")

    call_command("run_scheduler", "--once")

    page.refresh_from_db()
    assert page.live
    # The page and its Latin twin, scheduled with it.
    assert "scheduler: publish_scheduled: 2 published, 0 unpublished" in caplog.text
    # One line per job, each with its counts.
    assert "scheduler: purge_unconfirmed_comments: 0 unconfirmed comment(s) purged" in caplog.text
    assert "scheduler: sweep_orphaned_files: 0 orphaned file(s) deleted" in caplog.text


@pytest.mark.django_db
def test_a_page_whose_go_live_time_is_still_ahead_stays_unpublished(home_page):
    page = scheduled_page(home_page, timezone.now() + datetime.timedelta(hours=1))

    assert publish_scheduled() == "0 published, 0 unpublished"

    page.refresh_from_db()
    assert not page.live


@pytest.mark.django_db
def test_a_live_page_whose_expiry_has_passed_is_unpublished_by_the_publishing_job(home_page):
    page = StandardPageFactory(parent=home_page, live=True, expire_at=timezone.now() - datetime.timedelta(minutes=1))

    assert run_job(PUBLISH)

    page.refresh_from_db()
    assert not page.live and page.expired


@pytest.mark.django_db
def test_the_daily_job_removes_expired_sessions_and_keeps_current_ones(caplog):
    now = timezone.now()
    Session.objects.create(session_key="e" * 32, session_data="", expire_date=now - datetime.timedelta(minutes=1))
    Session.objects.create(session_key="c" * 32, session_data="", expire_date=now + datetime.timedelta(days=1))
    clear_sessions = next(job for job in JOBS if job.name == "clearsessions")

    with caplog.at_level("INFO"):
        assert run_job(clear_sessions)

    assert list(Session.objects.values_list("session_key", flat=True)) == ["c" * 32]
    assert "1 expired sessions removed" in caplog.text


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_next_jobs_still_run(home_page, caplog):
    page = scheduled_page(home_page, timezone.now() + datetime.timedelta(hours=1))
    as_if_its_time_came()

    def broken() -> str:
        raise RuntimeError("the object store is not answering")

    scheduler = Scheduler([Job("broken", datetime.timedelta(minutes=1), broken), PUBLISH])
    scheduler.tick()

    page.refresh_from_db()
    assert page.live, "the job after the failing one ran"
    failure = next(record for record in caplog.records if "broken failed" in record.getMessage())
    assert failure.levelname == "ERROR" and "the object store is not answering" in caplog.text


@pytest.mark.django_db
def test_each_job_runs_when_due_by_its_own_interval():
    runs = {"often": 0, "hourly": 0}

    def counting(name):
        def run() -> str:
            runs[name] += 1
            return f"run {runs[name]}"

        return run

    scheduler = Scheduler(
        [
            Job("often", datetime.timedelta(seconds=0.2), counting("often")),
            Job("hourly", datetime.timedelta(hours=1), counting("hourly")),
        ]
    )
    scheduler.tick()  # everything runs at start
    scheduler.tick()  # nothing is due yet
    assert runs == {"often": 1, "hourly": 1}
    time.sleep(scheduler.seconds_to_next_run())
    scheduler.tick()
    assert runs == {"often": 2, "hourly": 1}
    assert scheduler.next_run["hourly"] - time.monotonic() > 3500


@contextlib.contextmanager
def lock_held_elsewhere(name: str):
    """The job's lock, held by another connection (another thread has its own) as a second scheduler would."""
    taken, release = threading.Event(), threading.Event()

    def hold():
        from django.db import connections

        with job_lock(name) as acquired:
            assert acquired
            taken.set()
            release.wait(30)
        connections.close_all()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(30)
    try:
        yield
    finally:
        release.set()
        holder.join(30)


@pytest.mark.django_db(transaction=True)
def test_a_job_another_scheduler_is_running_is_skipped_not_run_twice(home_page, caplog):
    page = scheduled_page(home_page, timezone.now() + datetime.timedelta(hours=1))
    as_if_its_time_came()
    caplog.set_level("INFO", logger="core.scheduler")

    with lock_held_elsewhere("publish_scheduled"):
        assert run_job(PUBLISH)
        page.refresh_from_db()
        assert not page.live
        assert "scheduler: publish_scheduled skipped: another scheduler is running it" in caplog.text

    assert run_job(PUBLISH)  # the lock is free again
    page.refresh_from_db()
    assert page.live


def test_interval_option_refuses_an_unknown_job_or_a_bad_number():
    from django.core.management.base import CommandError

    for bad in ("publish=5", "publish_scheduled=0", "publish_scheduled=soon", "publish_scheduled"):
        with pytest.raises(CommandError):
            call_command("run_scheduler", "--once", "--interval", bad)


# The real process: the Procfile's command line, production settings, the test's PostgreSQL and a bucket.


def database_url() -> str:
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


def scheduler_env(bucket: str) -> dict[str, str]:
    env = production_env(
        DATABASE_URL=database_url(),
        AWS_STORAGE_BUCKET_NAME=bucket,
        AWS_S3_ENDPOINT_URL=os.environ["TEST_S3_ENDPOINT_URL"],
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        AWS_S3_REGION_NAME="us-east-1",
    )
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", os.defpath)])
    return env


def wait_for(condition, timeout: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s:\n{log.read_text()[-4000:]}"
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_the_procfile_scheduler_process_publishes_a_scheduled_page_on_time_and_stops_cleanly_on_sigterm(
    home_page, s3_default_storage, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("another process shares the test database only on PostgreSQL (`make test` runs on it)")
    _, bucket = s3_default_storage
    log = tmp_path / "scheduler.log"
    command = procfile_command("scheduler") + " --interval publish_scheduled=1"
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["/bin/bash", "-c", "exec " + command],
            cwd=PROJECT,
            env=scheduler_env(bucket),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(lambda: "scheduler: started" in log.read_text(), 60, "the scheduler's start", log)
        # An editor schedules a page while the scheduler runs; nobody does anything else.
        go_live_at = timezone.now() + datetime.timedelta(seconds=3)
        page = scheduled_page(home_page, go_live_at)
        wait_for(lambda: Page.objects.get(pk=page.pk).live, 30, "the scheduled publishing", log)
        page.refresh_from_db()
        assert page.last_published_at >= go_live_at, "not before its time"
    finally:
        process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=60)
    assert returncode == 0, log.read_text()[-4000:]
    assert "scheduler: publish_scheduled: 2 published" in log.read_text(), "the page and its Latin twin"
    assert log.read_text().rstrip().endswith("scheduler: stopped")
