"""Which storages the site's files live in: shared by the backup and the orphaned-file sweep.

File fields are found through the app registry, so a file field added later is covered by
both without being named anywhere.
"""

import os
from collections.abc import Iterator

from django.apps import apps
from django.core.files.storage import FileSystemStorage, Storage
from django.db.models import FileField, Model


def is_s3(storage: Storage) -> bool:
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages is optional when the site runs on local files
        return False
    return isinstance(storage, S3Storage)


def storage_identity(storage: Storage) -> tuple:
    """Two storage objects writing to the same place are one storage."""
    if is_s3(storage):
        return ("s3", storage.endpoint_url, storage.bucket_name, storage.location)
    if isinstance(storage, FileSystemStorage):
        return ("filesystem", os.path.realpath(storage.location))
    return (type(storage).__qualname__, id(storage))


def file_fields() -> Iterator[tuple[type[Model], FileField]]:
    """Every (concrete model, file field) of the installed apps."""
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, FileField):
                yield model, field
