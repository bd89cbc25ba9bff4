"""An SMTP server on 127.0.0.1 that keeps every message it receives as a file, for the load scenario.

The portal sends its confirmation e-mails over real SMTP (EMAIL_URL=smtp://127.0.0.1:PORT); this
sink accepts them and writes each one to ``<directory>/<recipient>/<n>.eml``, so a simulated
organisation finds the message sent to its own (unique) address, as a person would in their inbox.
Nothing is relayed anywhere.

    python -m tests.load.smtp_sink --port 59025 --directory .services/mail
"""

import argparse
import asyncio
import email
import email.policy
import itertools
import os
import re
import signal
from pathlib import Path

from aiosmtpd.controller import Controller

SAFE_NAME = re.compile(r"[^a-z0-9@._+-]")


def mailbox_dir(directory: Path, recipient: str) -> Path:
    """The folder of one recipient's messages (the address, lower-cased, without path characters)."""
    return directory / SAFE_NAME.sub("_", recipient.strip().lower())


def messages_to(directory: Path, recipient: str) -> list[email.message.EmailMessage]:
    """The messages the sink received for `recipient`, oldest first."""
    folder = mailbox_dir(directory, recipient)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("*.eml"), key=lambda path: int(path.stem))
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default) for path in files]


class FileMailboxes:
    """aiosmtpd handler: one file per message and recipient, written before the server answers 250."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.numbers = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  (aiosmtpd's hook name)
        for recipient in envelope.rcpt_tos:
            folder = mailbox_dir(self.directory, recipient)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{next(self.numbers)}.eml"
            # Written under a temporary name and renamed, so a reader never sees half a message.
            partial = path.with_suffix(".part")
            partial.write_bytes(envelope.original_content or envelope.content)
            os.replace(partial, path)
        return "250 Message accepted for delivery"


def serve(port: int, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    controller = Controller(FileMailboxes(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"smtp sink: listening on 127.0.0.1:{port}, messages in {directory}", flush=True)  # noqa: T201
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        loop.run_until_complete(stop.wait())
    finally:
        controller.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--directory", type=Path, required=True)
    arguments = parser.parse_args()
    serve(arguments.port, arguments.directory)


if __name__ == "__main__":
    main()
