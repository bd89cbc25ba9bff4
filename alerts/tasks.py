"""The background work of alerts, run by the worker (`manage.py db_worker`, Procfile `worker`)."""

from django_tasks import task

from .sending import send_pending


@task()
def send_pending_alerts() -> int:
    """Send the instant alerts not sent yet. Queued after each alert item; the scheduler's `send_alerts`
    job runs the same thing every few minutes, so a worker stopped mid-batch is caught up after it."""
    return send_pending()
