"""`manage.py bench_alerts`: the time to send one alert to N subscribers through the real worker path.

N confirmed subscribers (addresses at BENCH_DOMAIN, the three languages in turn) are created, one alert
item is recorded for a live page as publishing it would (its delivery rows in one transaction, the
sending task queued in the database), then a real `manage.py db_worker --batch` sends it over SMTP to a
local sink (tools/benchmark/mail_sink.py) and exits. Everything the run created is deleted afterwards.
It refuses to run while real deliveries wait, so it never sends anything to a real subscriber.
"""

import os
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

from alerts.events import PAGE_KINDS, record
from alerts.models import AlertItem, Delivery, Subscription

BENCH_DOMAIN = "bench-alerts.invalid"
PROJECT = Path(settings.BASE_DIR)
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@dataclass
class Result:
    subscribers: int
    record_seconds: float
    worker_seconds: float
    sending_seconds: float  # from the sink's first message to its last
    received: int
    recipients: int
    duplicates: int


def database_url() -> str:
    """The database this process uses, as DATABASE_URL for another process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_env(port: int) -> dict[str, str]:
    """This process's settings for the worker, with the database task queue and the sink as mail server.
    The test settings pin an in-memory mail outbox and in-process tasks: a worker started from a test
    runs on the development settings instead (the same, with both read from the environment)."""
    module = os.environ.get("DJANGO_SETTINGS_MODULE", "cso_site.settings.dev")
    return dict(
        os.environ,
        DATABASE_URL=database_url(),
        TASKS_BACKEND="database",
        EMAIL_URL=f"smtp://127.0.0.1:{port}",
        DJANGO_SETTINGS_MODULE="cso_site.settings.dev" if module.endswith(".test") else module,
    )


def announced_page() -> Page:
    labels = [label.split(".") for label in PAGE_KINDS]
    pages = Page.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)
    for app_label, model in labels:
        page = pages.filter(content_type__app_label=app_label, content_type__model=model).first()
        if page is not None:
            return page.specific
    raise CommandError("No published consultation, call or news page to announce: load the demo content first.")


def clean_up() -> None:
    Subscription.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").delete()
    AlertItem.objects.filter(key__startswith="bench:").delete()


def create_subscribers(count: int) -> list[int]:
    languages = [code for code, _name in settings.LANGUAGES]
    now = timezone.now()
    rows = [
        Subscription(
            email=f"s{n}@{BENCH_DOMAIN}", language=languages[n % len(languages)], consultations=True, confirmed_at=now
        )
        for n in range(count)
    ]
    Subscription.objects.bulk_create(rows, batch_size=2000)
    return list(Subscription.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").values_list("pk", flat=True))


def run(subscribers: int) -> Result:
    from .mail_sink import CountingSink, running_sink

    if Delivery.objects.filter(sent_at=None).exclude(subscription__email__endswith=f"@{BENCH_DOMAIN}").exists():
        raise CommandError("Real alerts are waiting to be sent: run `manage.py send_alerts` first.")
    page = announced_page()
    clean_up()
    try:
        ids = create_subscribers(subscribers)
        sink = CountingSink()
        with running_sink(sink) as port, override_settings(TASKS=DATABASE_TASKS):
            started = time.monotonic()
            kind = PAGE_KINDS[page._meta.label_lower]
            record(kind, f"bench:{uuid.uuid4().hex}", ids, page=page)  # queues the task in the database
            record_seconds = time.monotonic() - started
            started = time.monotonic()
            command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
            subprocess.run(command, cwd=PROJECT, env=worker_env(port), check=True)  # noqa: S603  (our own command line)
            worker_seconds = time.monotonic() - started
        return Result(
            subscribers=subscribers,
            record_seconds=record_seconds,
            worker_seconds=worker_seconds,
            sending_seconds=(sink.last_at - sink.first_at) if sink.total else 0.0,
            received=sink.total,
            recipients=len(sink.received),
            duplicates=sum(count - 1 for count in sink.received.values()),
        )
    finally:
        clean_up()
