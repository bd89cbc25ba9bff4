"""Backups that restore: `manage.py backup_site <dir>` and `manage.py restore_site <dir>`.

A backup is a directory holding

- `database.pgdump` (PostgreSQL, `pg_dump --format=custom`) or `database.sqlite3` (SQLite, a
  copy made with SQLite's online backup API): see `postgres.py` and `sqlite.py` for why;
- `files/<storage>/<name>`: every file of every storage the site's file fields write to (the
  default storage, local `media/` or the S3 bucket, which Wagtail's images, renditions and
  documents use too), under its exact name;
- `manifest.json`, written last: each file's size and SHA-256, the dump's SHA-256, the row
  count of every table, the latest applied migration of every app, the date and the portal's
  version. A directory without it is an unfinished backup and restores nothing.

The backup holds personal data (comment contacts, admin users' password hashes), so every
directory is created 0700 and every file 0600; copy it off-site only encrypted.
"""

from django.core.management.base import CommandError


class BackupError(CommandError):
    """A backup or restore that cannot go on: the message says what and why; the command exits non-zero."""
