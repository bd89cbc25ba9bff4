"""A real SMTP server on 127.0.0.1 (aiosmtpd, a development requirement) that counts what it accepts,
for the alert benchmark and the alerts' restart test. Nothing is stored or relayed.

`hold_after=N`: after accepting N messages the sink stops answering the next one (the sender waits
for its "250"), until `release()`; the held message is then refused, never counted. A sender killed
while held is killed mid-batch at a known point: after committing every message the sink accepted.
"""

import asyncio
import collections
import contextlib
import logging
import socket
import threading

from aiosmtpd.controller import Controller

# aiosmtpd narrates every SMTP command at INFO: thousands of lines for a benchmark.
logging.getLogger("mail.log").setLevel(logging.WARNING)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class CountingSink:
    def __init__(self, hold_after: int | None = None):
        self.received = collections.Counter()  # recipient -> messages accepted
        self.total = 0
        self.first_at = self.last_at = None
        self.hold_after = hold_after
        self.holding = threading.Event()  # a message is waiting, unanswered
        self._released = threading.Event()
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        if self.hold_after is not None and self.total >= self.hold_after:
            self.holding.set()
            while not self._released.is_set():
                await asyncio.sleep(0.01)
            return "451 Try again later"
        loop_time = asyncio.get_running_loop().time()
        with self._lock:
            for recipient in envelope.rcpt_tos:
                self.received[recipient.lower()] += 1
            self.total += 1
            self.first_at = self.first_at or loop_time
            self.last_at = loop_time
        return "250 Message accepted for delivery"

    def hold(self, after: int) -> None:
        self._released.clear()
        self.holding.clear()
        self.hold_after = after

    def release(self) -> None:
        self.hold_after = None
        self._released.set()


@contextlib.contextmanager
def running_sink(sink: CountingSink):
    """Serve `sink` on a free port of 127.0.0.1; yields the port."""
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        sink.release()
        controller.stop()
