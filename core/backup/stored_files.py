"""The storages a backup copies, and how to list, read and write their files.

Which storages: the default one (local `media/` or the S3 bucket) and every other storage a
model's file field writes to (Wagtail's renditions follow WAGTAILIMAGES_RENDITION_STORAGE, for
instance), each once. The whole storage is copied, not only the files rows point at: what is
in the bucket is what a restore gives back.

Writing goes through the storage's own `save()`, so a restored file gets what an upload gets
(content type on S3, FILE_UPLOAD_PERMISSIONS on disk); the name it comes back under is checked
to be the exact name it had. Nothing holds a whole file in memory: reading streams, on S3
straight from the object's body (django-storages' S3File would first load a whole object into
memory); uploads to S3 go in boto3's multipart parts (8 MiB, at most ten in memory).
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages

from ..file_storages import file_fields, is_s3, storage_identity
from . import BackupError
from .streams import CHUNK_SIZE, chunks_of

DEFAULT = "default"


@dataclass(frozen=True)
class StoredFile:
    name: str
    size: int


def storages_to_back_up() -> dict[str, Storage]:
    """Every distinct storage the site writes files to, by a label that is the same on the restoring site."""
    found = {DEFAULT: storages[DEFAULT]}
    seen = {storage_identity(found[DEFAULT])}
    for model, field in file_fields():
        if storage_identity(field.storage) not in seen:
            seen.add(storage_identity(field.storage))
            found[f"{model._meta.label_lower}.{field.name}"] = field.storage
    return found


def describe(storage: Storage) -> str:
    if is_s3(storage):
        return f"S3 bucket {storage.bucket_name}" + (f" under {storage.location}/" if storage.location else "")
    if isinstance(storage, FileSystemStorage):
        return f"folder {storage.location}"
    return type(storage).__qualname__


def list_files(storage: Storage) -> Iterator[StoredFile]:
    """Every file of the storage, with its size, in name order."""
    if is_s3(storage):
        prefix = f"{storage.location}/" if storage.location else ""
        for summary in storage.bucket.objects.filter(Prefix=prefix):
            if not summary.key.endswith("/"):  # a "folder" some S3 tools create: no file
                yield StoredFile(summary.key.removeprefix(prefix), summary.size)
        return
    if isinstance(storage, FileSystemStorage) and not os.path.isdir(storage.location):
        return  # no file stored yet
    yield from sorted(_walk(storage, ""), key=lambda stored: stored.name)


def _walk(storage: Storage, folder: str) -> Iterator[StoredFile]:
    directories, files = storage.listdir(folder)
    for name in files:
        path = f"{folder}/{name}" if folder else name
        yield StoredFile(path, storage.size(path))
    for directory in directories:
        yield from _walk(storage, f"{folder}/{directory}" if folder else directory)


def is_empty(storage: Storage) -> bool:
    return next(iter(list_files(storage)), None) is None


@contextmanager
def read_chunks(storage: Storage, name: str) -> Iterator[Iterator[bytes]]:
    """The file's bytes, chunk by chunk."""
    if is_s3(storage):
        key = f"{storage.location}/{name}" if storage.location else name
        body = _s3_body(storage, key)
        try:
            yield body.iter_chunks(CHUNK_SIZE)
        finally:
            body.close()
        return
    with storage.open(name, "rb") as stream:
        yield chunks_of(stream)


def _s3_body(storage: Storage, key: str):
    from botocore.exceptions import ClientError

    try:
        return storage.bucket.Object(key).get()["Body"]
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            raise FileNotFoundError(key) from error
        raise


def write_file(storage: Storage, name: str, stream, *, replace: bool) -> None:
    """Store `stream` under exactly `name`; an existing file of that name is replaced only if `replace`."""
    if replace and storage.exists(name):
        storage.delete(name)
    saved_as = storage.save(name, File(stream, name=name))
    if saved_as != name:
        storage.delete(saved_as)
        raise BackupError(f"{describe(storage)} stored {name!r} as {saved_as!r}: a file of that name is already there")
