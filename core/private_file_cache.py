"""A file-based cache that every process of one machine shares, in a folder only this user can write.

What it is for: counters that must be the same for every gunicorn worker when there is no Redis
(the public API's rate limit, cso_site/settings/environment.py). Django's local-memory cache is
one per process, so with four workers a client would get four times its rate.

Django's FileBasedCache keeps pickles, and unpickling runs code: a folder another local user
could write to (one they created first in the shared temporary directory, say) would let them
run code as the site. So the folder is made private (0700) and checked before use: owned by
this user, writable by nobody else. Otherwise the cache refuses to start, saying what to fix.
"""

import os
import stat

from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import ImproperlyConfigured


def check_private(directory: str) -> None:
    """Refuse a folder that is not ours alone."""
    status = os.stat(directory, follow_symlinks=False)
    if not stat.S_ISDIR(status.st_mode):
        raise ImproperlyConfigured(f"The cache folder {directory} is not a folder.")
    if status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ImproperlyConfigured(
            f"The cache folder {directory} is not private to this user (owner uid {status.st_uid},"
            f" mode {stat.S_IMODE(status.st_mode):o}): remove it and start again; it is re-created as it should be."
        )


class PrivateFileBasedCache(FileBasedCache):
    def _createdir(self):
        super()._createdir()  # 0700 when it creates the folder; an existing folder is left as it is
        check_private(self._dir)
