"""What the alert tests share: the e-mails in Django's test outbox, by recipient; a command run as the worker runs."""

import subprocess
import sys

from django.core import mail

from tools.benchmark.alerts import PROJECT, worker_env


def messages_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def only_message_to(address: str):
    messages = messages_to(address)
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]


def run_as_the_worker(command: list[str], port: int, timeout: int) -> None:
    """`manage.py <command>` in a process of its own, with the worker's environment (its mail to the sink at `port`),
    to its end; it must succeed."""
    finished = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=PROJECT,
        env=worker_env(port),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
