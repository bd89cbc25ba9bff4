"""Streaming copies and hashes, and files only their owner can read.

Files go through in chunks of CHUNK_SIZE bytes: a backup of a bucket holding large scans never
holds one whole file in memory.
"""

import contextlib
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

CHUNK_SIZE = 1024 * 1024
PRIVATE_FILE = 0o600
PRIVATE_DIRECTORY = 0o700


def chunks_of(stream: BinaryIO) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK_SIZE):
        yield chunk


def sha256_and_size(chunks: Iterable[bytes]) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def sha256_of_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as stream:
        return sha256_and_size(chunks_of(stream))


def write_private_file(path: Path, chunks: Iterable[bytes]) -> tuple[str, int]:
    """Write `chunks` to a new file readable by its owner only; its SHA-256 and size, computed on the way."""
    make_private_directory(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    digest, size = hashlib.sha256(), 0
    with os.fdopen(descriptor, "wb") as stream:
        for chunk in chunks:
            digest.update(chunk)
            size += len(chunk)
            stream.write(chunk)
    return digest.hexdigest(), size


def make_private_directory(path: Path) -> None:
    """Create `path` (and missing parents inside it) as 0700, whatever the umask."""
    if path.is_dir():
        return
    make_private_directory(path.parent)
    path.mkdir(mode=PRIVATE_DIRECTORY)
    path.chmod(PRIVATE_DIRECTORY)


@contextlib.contextmanager
def private_umask():
    """Files that programs we start (pg_dump) create are 0600 too."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
