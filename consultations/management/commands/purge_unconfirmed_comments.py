"""`manage.py purge_unconfirmed_comments`: delete unconfirmed comments past their retention (consultations/purge.py).

The scheduler (`manage.py run_scheduler`) runs it every hour.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from consultations.purge import purge_unconfirmed_comments, retention


class Command(BaseCommand):
    help = (
        "Delete the comments nobody confirmed whose confirmation link expired longer ago than the retention the "
        "office set in the admin (Settings > Retention of unconfirmed comments; default "
        "UNCONFIRMED_COMMENT_RETENTION_DAYS, 30), with their attachments."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Use this retention instead of the office's setting.")

    def handle(self, *args, days: int | None, **options) -> str:
        if days is not None and days < 0:
            raise CommandError("--days cannot be negative.")
        keep_for = retention() if days is None else datetime.timedelta(days=days)
        purged = purge_unconfirmed_comments(keep_for)
        left = f", {purged.attachments_left} left for the orphan sweep" if purged.attachments_left else ""
        return (
            f"{purged.comments} unconfirmed comment(s) purged (link expired over {keep_for.days} day(s) ago), "
            f"{purged.attachments_deleted} attachment(s) deleted{left}"
        )
