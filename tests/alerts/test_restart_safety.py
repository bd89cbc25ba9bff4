"""Sending survives a worker stopped mid-batch: after a SIGKILL and a restart, every subscriber has the alert
exactly once. Real processes (the Procfile's `db_worker`, then `manage.py send_alerts`, the scheduler's
catch-up job), PostgreSQL and a real SMTP server (tools/benchmark/mail_sink.py)."""

import os
import signal
import subprocess
import sys
import time

import pytest

from django.db import connection, transaction
from django.utils import timezone

from alerts.events import record
from alerts.models import Delivery, Kind, Subscription
from tests.alerts.helpers import run_as_the_worker
from tests.consultations.factories import ConsultationPageFactory
from tools.benchmark.alerts import DATABASE_TASKS, PROJECT, worker_env
from tools.benchmark.mail_sink import CountingSink, running_sink

SUBSCRIBERS = 300


def start(command: list[str], port: int, log) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", *command], cwd=PROJECT, env=worker_env(port), stdout=log, stderr=subprocess.STDOUT
    )


def wait_until(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what} did not happen within {timeout} s"
        time.sleep(0.05)


def kill_when_held(process: subprocess.Popen, sink: CountingSink, log_path) -> None:
    """SIGKILL the sender while the sink holds a message unanswered: mid-batch, nothing of it committed."""
    wait_until(sink.holding.is_set, 120, f"the sender reaching the hold ({log_path.read_text()[-2000:]})")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    sink.release()


def no_row_locked_by_the_killed_sender() -> bool:
    """PostgreSQL ends the killed process's session (and its row lock) once it notices the closed socket."""
    with transaction.atomic():
        unsent = Delivery.objects.filter(sent_at=None)
        return len(unsent.select_for_update(skip_locked=True).values_list("pk")) == unsent.count()


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_batch_and_restarted_sends_every_subscriber_the_alert_exactly_once(
    home_page, settings, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("another process shares the test database only on PostgreSQL (`make test` runs on it)")
    consultation = ConsultationPageFactory(home=home_page, published=False, live=True)
    now = timezone.now()
    Subscription.objects.bulk_create(
        Subscription(email=f"s{n}@udruzenje.example", language="sr-cyrl", consultations=True, confirmed_at=now)
        for n in range(SUBSCRIBERS)
    )
    sink, log_path = CountingSink(hold_after=40), tmp_path / "worker.log"
    with running_sink(sink) as port, log_path.open("ab") as log:
        settings.TASKS = DATABASE_TASKS  # publishing queues the task in the database, as in production
        ids = list(Subscription.objects.values_list("pk", flat=True))
        record(Kind.CONSULTATION, f"page:{consultation.pk}", ids, page=consultation)

        # --no-reload as in production (DEBUG off): with the reloader, SIGKILL would stop only its parent process.
        worker = ["db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
        kill_when_held(start(worker, port, log), sink, log_path)
        assert sink.total == 40 and Delivery.objects.filter(sent_at__isnull=False).count() == 40
        wait_until(no_row_locked_by_the_killed_sender, 30, "the killed worker's session to end")

        sink.hold(after=150)  # the catch-up run is killed mid-batch too
        kill_when_held(start(["send_alerts", "--batch-size", "50"], port, log), sink, log_path)
        assert sink.total == 150
        wait_until(no_row_locked_by_the_killed_sender, 30, "the killed sender's session to end")

        run_as_the_worker(["send_alerts", "--batch-size", "50"], port, timeout=300)

    assert sink.total == SUBSCRIBERS
    assert sorted(sink.received) == sorted(f"s{n}@udruzenje.example" for n in range(SUBSCRIBERS))
    assert set(sink.received.values()) == {1}, "nobody twice"
    assert not Delivery.objects.filter(sent_at=None).exists()
    assert os.path.getsize(log_path) > 0
