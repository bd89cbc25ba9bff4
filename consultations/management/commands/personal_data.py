"""`manage.py personal_data export|erase --email X`: a data subject's access and erasure requests.

The rules are in consultations/data_requests.py; the procedure in docs/data-protection.md.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from consultations import data_requests


class Command(BaseCommand):
    help = (
        "Access and erasure requests for one e-mail address. `export` prints (or writes with --output) "
        "everything stored about it as JSON: comments with their contact data and state, admin accounts. "
        "`erase` deletes its unconfirmed comments and anonymises the others (contact person, e-mail, "
        "telephone; contact data inside the text), keeping the published, redacted comment; "
        "--delete-attachments deletes their attachments too."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Print everything stored about an e-mail address as JSON.")
        export.add_argument("--email", required=True)
        export.add_argument("--output", type=Path, help="Write the JSON to this file instead of printing it.")
        erase = actions.add_parser("erase", help="Erase the contact data of an e-mail address's comments.")
        erase.add_argument("--email", required=True)
        erase.add_argument("--delete-attachments", action="store_true", help="Also delete the comments' attachments.")

    def handle(self, *args, action: str, email: str, **options):
        try:
            validate_email(email.strip())
        except ValidationError as error:
            raise CommandError(f"Not an e-mail address: {email!r}") from error
        if action == "export":
            self.export(email, options.get("output"))
        else:
            self.erase(email, options["delete_attachments"])

    def export(self, email: str, output: Path | None) -> None:
        text = json.dumps(data_requests.export(email), ensure_ascii=False, indent=2)
        if output is None:
            self.stdout.write(text)
            return
        output.write_text(text + "\n", encoding="utf-8")
        output.chmod(0o600)  # it holds personal data: readable by the operator only
        self.stderr.write(f"Written to {output}")

    def erase(self, email: str, delete_attachments: bool) -> None:
        erased = data_requests.erase(email, delete_attachments=delete_attachments)
        self.stdout.write(
            f"{len(erased.anonymised)} comment(s) anonymised ({', '.join(erased.anonymised) or 'none'}), "
            f"{erased.deleted_unconfirmed} unconfirmed comment(s) deleted, "
            f"{erased.attachments_deleted} attachment(s) deleted."
        )
        for line in erased.others:
            self.stdout.write(line)
        if erased.attachments_left:
            self.stderr.write(
                f"{len(erased.attachments_left)} attachment(s) could not be deleted now (the file store did not "
                "answer); the sweep of orphaned files deletes them later."
            )
        if erased.admin_accounts:
            self.stderr.write(
                f"{erased.admin_accounts} admin account(s) use this address: deactivate or delete them in the "
                "admin (Settings > Users); this command does not touch accounts."
            )
