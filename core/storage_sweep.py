"""Files in storage that no row points at any more: found and deleted once they are old enough.

A failed save can leave a file behind: the object store took the upload, then the database
refused the row (or the store stopped answering before the clean-up could remove it again).
Nothing references such a file, so nothing would ever delete it.

Which files: those under the folders the site's file fields upload to (comment attachments,
registry documents and their thumbnails, images and renditions, Wagtail's uploads, and any
file field added later: fields are found through the app registry, not named here), in the
default storage (the local `media/` folder or the S3 bucket). Anything else in the bucket is
never touched. A file is an orphan when no row of any model names it in any file field on
that storage, and it is deleted only when it is older than a grace period: an upload whose
transaction has not committed yet is not referenced, but it is fresh.

The storage is listed before the rows are read, so a file whose row commits between the two
steps is seen as referenced.
"""

import datetime
import logging
import os
import posixpath
from collections.abc import Iterator

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db.models import FileField, Model
from django.utils import timezone

from .file_storages import file_fields, is_s3, storage_identity

logger = logging.getLogger(__name__)

DEFAULT_GRACE = datetime.timedelta(hours=1)
SAMPLE_NAME = "sample.txt"


def sweep_orphaned_files(older_than: datetime.timedelta = DEFAULT_GRACE, *, dry_run: bool = False) -> list[str]:
    """Delete the default storage's files that no row references and that are older than `older_than`.

    Returns the names of the files deleted (with `dry_run`, of those that would be), sorted.
    """
    storage = storages["default"]
    fields = file_fields_on(storage)
    cutoff = timezone.now() - older_than
    stored = [(name, modified) for prefix in upload_prefixes(fields) for name, modified in list_files(storage, prefix)]
    referenced = referenced_names(fields)
    orphans = sorted(name for name, modified in stored if name not in referenced and modified < cutoff)
    if not dry_run:
        for name in orphans:
            storage.delete(name)
    return orphans


def file_fields_on(storage: Storage) -> list[tuple[type[Model], FileField]]:
    """Every (model, file field) of the installed apps that writes to `storage`."""
    identity = storage_identity(storage)
    return [(model, field) for model, field in file_fields() if storage_identity(field.storage) == identity]


def upload_prefixes(fields: list[tuple[type[Model], FileField]]) -> list[str]:
    """The folders the fields upload to ("" is the whole storage), none inside another."""
    found = {prefix for model, field in fields if (prefix := upload_prefix(model, field)) is not None}
    return sorted(prefix for prefix in found if not any(prefix.startswith(other) for other in found - {prefix}))


def upload_prefix(model: type[Model], field: FileField) -> str | None:
    """The fixed folder part of the names `field` gives uploads, ending in "/" (or "" for the top).

    A callable `upload_to` is asked for two names and their common folder is taken (a random
    folder per file, as comment attachments have, falls away); a `strftime` pattern is cut at
    its first `%`. None (the field's files are left alone) when the callable cannot name a file
    for a blank instance.
    """
    try:
        if callable(field.upload_to):
            samples = [field.generate_filename(model(), SAMPLE_NAME) for _ in range(2)]
            fixed = os.path.commonprefix(samples)
        else:
            fixed = str(field.upload_to).split("%", 1)[0] if "%" in str(field.upload_to) else f"{field.upload_to}/x"
    except Exception:
        logger.exception("sweep: cannot tell where %s.%s uploads; its folder is not swept", model.__name__, field.name)
        return None
    return fixed[: fixed.rfind("/") + 1].lstrip("/")


def list_files(storage: Storage, prefix: str) -> Iterator[tuple[str, datetime.datetime]]:
    """(name, last modified) of every file under `prefix`."""
    if is_s3(storage):
        root = f"{storage.location}/" if storage.location else ""
        for summary in storage.bucket.objects.filter(Prefix=root + prefix):
            if not summary.key.endswith("/"):  # a "folder" some S3 tools create: no file
                yield summary.key.removeprefix(root), summary.last_modified
        return
    if isinstance(storage, FileSystemStorage) and not os.path.isdir(storage.path(prefix or ".")):
        return  # nothing uploaded there yet
    yield from _walk(storage, prefix.rstrip("/"))


def _walk(storage: Storage, folder: str) -> Iterator[tuple[str, datetime.datetime]]:
    directories, files = storage.listdir(folder)
    for name in files:
        path = posixpath.join(folder, name) if folder else name
        yield path, _aware(storage.get_modified_time(path))
    for directory in directories:
        yield from _walk(storage, posixpath.join(folder, directory) if folder else directory)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def referenced_names(fields: list[tuple[type[Model], FileField]]) -> set[str]:
    """Every file name a row holds in one of `fields` (all rows: the base manager filters nothing)."""
    names = set()
    for model, field in fields:
        rows = model._base_manager.exclude(**{f"{field.attname}__isnull": True}).exclude(**{field.attname: ""})
        names.update(rows.values_list(field.attname, flat=True).iterator())
    return names
