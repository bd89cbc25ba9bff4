"""After a load run: compare what the scenario was told with what the database and the bucket hold.

Reads the scenario's log (tests/load/locustfile.py: one line per organisation, then the count of
answers by HTTP status) and, through the site's own models and storage (run it with the server's
environment), counts:
- lost: an organisation whose comment the site acknowledged (or whose tracking number it gave)
  with no stored comment, or a tracking number the database does not hold for that address;
- duplicated: more than one stored comment for one organisation, or for one tracking number;
- server_errors: answers of 5xx; no_answer: requests that got no HTTP answer at all;
- attachments: every attachment sent must be in the bucket with the SHA-256 it was sent with.
Every count but `organisations`, `acknowledged`, `confirmed` and `attachments_sent` must be 0.

    python -m tests.load.reconcile LOG       (prints the counts as JSON; exit status 1 unless all zero)
"""

import hashlib
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

# What the run did, counted for the record; every other count of a Reconciliation is a failure and must be 0.
TALLIES = ("organisations", "acknowledged", "confirmed", "attachments_sent")


@dataclass
class Reconciliation:
    organisations: int = 0
    acknowledged: int = 0
    confirmed: int = 0
    attachments_sent: int = 0
    lost: int = 0
    duplicated: int = 0
    server_errors: int = 0
    no_answer: int = 0
    unconfirmed: int = 0
    failed: int = 0
    attachments_missing: int = 0
    attachments_altered: int = 0
    stored_without_log: int = 0
    statuses: dict = field(default_factory=dict)
    examples: list = field(default_factory=list)  # a few failures, for whoever investigates

    @property
    def failures(self) -> dict[str, int]:
        """The counts that must be 0 (every count but TALLIES), by name."""
        counts = {item.name: getattr(self, item.name) for item in fields(self) if item.type is int}
        return {name: count for name, count in counts.items() if name not in TALLIES}

    @property
    def clean(self) -> bool:
        return not any(self.failures.values())


def read_log(path: Path) -> tuple[list[dict], Counter]:
    entries, statuses = [], Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "statuses" in record:
            statuses.update(record["statuses"])
        else:
            entries.append(record)
    return entries, statuses


def reconcile(entries: list[dict], statuses: Counter) -> Reconciliation:
    from consultations.models import Comment

    result = Reconciliation(organisations=len(entries), statuses=dict(statuses))
    result.server_errors = sum(count for code, count in statuses.items() if code.isdigit() and int(code) >= 500)
    result.no_answer = statuses.get("no-answer", 0)
    stored = list(Comment.objects.values("pk", "contact_email", "tracking_number", "attachment", "attachment_sha256"))
    by_email: dict[str, list[dict]] = {}
    for row in stored:
        by_email.setdefault(row["contact_email"], []).append(row)
    by_tracking = Counter(row["tracking_number"] for row in stored if row["tracking_number"])
    result.duplicated = sum(len(rows) - 1 for rows in by_email.values()) + sum(n - 1 for n in by_tracking.values())
    result.stored_without_log = len(set(by_email) - {entry["email"] for entry in entries})
    for entry in entries:
        check_entry(result, entry, by_email.get(entry["email"], []))
    return result


def check_entry(result: Reconciliation, entry: dict, rows: list[dict]) -> None:
    acknowledged = entry.get("sent_status") == 200
    tracking = entry.get("tracking_number")
    result.acknowledged += acknowledged
    result.confirmed += bool(tracking)
    if entry.get("failed"):
        result.failed += 1
        note(result, entry, entry["failed"])
    if (acknowledged or tracking) and not rows:
        result.lost += 1
        note(result, entry, "acknowledged but not stored")
    elif tracking and tracking not in {row["tracking_number"] for row in rows}:
        result.lost += 1
        note(result, entry, "tracking number not stored for this address")
    if acknowledged and not tracking:
        result.unconfirmed += 1
    if entry.get("attachment_sha256") and acknowledged:
        result.attachments_sent += 1
        check_attachment(result, entry, rows)


def check_attachment(result: Reconciliation, entry: dict, rows: list[dict]) -> None:
    from django.core.files.storage import default_storage

    name = rows[0]["attachment"] if rows else ""
    if not name or not default_storage.exists(name):
        result.attachments_missing += 1
        note(result, entry, "attachment missing from storage")
        return
    with default_storage.open(name, "rb") as stored:
        digest = hashlib.sha256(stored.read()).hexdigest()
    if digest != entry["attachment_sha256"] or rows[0]["attachment_sha256"] != entry["attachment_sha256"]:
        result.attachments_altered += 1
        note(result, entry, "attachment SHA-256 differs")


def note(result: Reconciliation, entry: dict, problem: str) -> None:
    if len(result.examples) < 10:
        result.examples.append({"organisation": entry.get("organisation"), "problem": problem})


def main() -> None:
    import django

    django.setup()
    entries, statuses = read_log(Path(sys.argv[1]))
    result = reconcile(entries, statuses)
    print(json.dumps(asdict(result) | {"clean": result.clean}))  # noqa: T201  (the harness reads it)
    sys.exit(0 if result.clean else 1)


if __name__ == "__main__":
    main()
