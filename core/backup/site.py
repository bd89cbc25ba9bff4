"""Back the whole site up into a directory, and restore it from one.

Backing up: the database is dumped first, then every storage is copied file by file, then the
manifest is written. A file uploaded while the backup runs may be in it without a row pointing
at it (harmless: the sweep of orphaned files removes it); a file deleted in the meantime
is left out with a warning.

Restoring: the target database and storages must be empty (unless `replace`); every byte of
the backup is checked against the manifest before anything is written; then the database is restored and its row
counts compared with the manifest's, and each file is written under its exact name and read
back to compare its SHA-256. Any difference stops the restore with an error naming it.
"""

from collections.abc import Callable
from pathlib import Path

from django.core.files.storage import Storage

from . import BackupError, manifest
from .database import differing_counts, engine
from .manifest import backed_up_path
from .stored_files import describe, is_empty, list_files, read_chunks, storages_to_back_up, write_file
from .streams import (
    PRIVATE_DIRECTORY,
    PRIVATE_FILE,
    make_private_directory,
    private_umask,
    sha256_and_size,
    sha256_of_file,
    write_private_file,
)

Report = Callable[[str], None]


def back_up(directory: Path, report: Report) -> dict:
    """Write a complete backup into `directory` (new or empty); the manifest written."""
    new_private_directory(directory)
    with private_umask():
        database = dump_database(directory)
        report(f"database: {database['file']}, {len(database['tables'])} tables, {database['size']} bytes")
        stored = {}
        for label, storage in storages_to_back_up().items():
            files = copy_out(storage, directory, label, report)
            stored[label] = {"location": describe(storage), "files": files}
            report(f"{label} ({describe(storage)}): {len(files)} file(s)")
        written = manifest.new_manifest(database, stored)
        manifest.write(directory, written)
    return written


def new_private_directory(directory: Path) -> None:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"{directory} is not an empty directory: a backup goes into a new or empty one")
    make_private_directory(directory)
    directory.chmod(PRIVATE_DIRECTORY)


def dump_database(directory: Path) -> dict:
    database = engine()
    path = directory / database.DUMP_NAME
    described = database.dump(path)
    path.chmod(PRIVATE_FILE)
    sha256, size = sha256_of_file(path)
    return {
        "engine": database.VENDOR,
        "format": database.DUMP_FORMAT,
        "file": database.DUMP_NAME,
        "size": size,
        "sha256": sha256,
        **described,
    }


def copy_out(storage: Storage, directory: Path, label: str, report: Report) -> list[dict]:
    files = []
    for stored in list_files(storage):
        try:
            with read_chunks(storage, stored.name) as chunks:
                sha256, size = write_private_file(backed_up_path(directory, label, stored.name), chunks)
        except FileNotFoundError:
            report(f"warning: {label}/{stored.name} was deleted while the backup ran; left out")
            continue
        files.append({"name": stored.name, "size": size, "sha256": sha256})
    return files


def restore(directory: Path, *, replace: bool, report: Report) -> dict:
    """Restore the backup in `directory` into this site's database and storages; the manifest."""
    read = manifest.read(directory)
    database = engine()
    try:
        targets = check_backup_fits(read, database)
        refuse_non_empty(database, targets, replace)
        manifest.verify(directory, read)
    except (KeyError, TypeError, AttributeError) as error:
        raise BackupError(
            f"{directory / manifest.MANIFEST_NAME} is malformed ({error!r}); nothing was restored"
        ) from error
    report(f"backup of {read['created_at']} verified: every file matches the manifest")
    database.restore(directory / database.DUMP_NAME, replace=replace)
    wrong = differing_counts(read["database"]["tables"], database.current_row_counts())
    if wrong:
        raise BackupError("the restored database differs from the backup:\n  " + "\n  ".join(wrong))
    report(f"database restored: {len(read['database']['tables'])} tables, every row count as in the manifest")
    for label, stored in read["storages"].items():
        for entry in stored["files"]:
            restore_file(directory, label, entry, targets[label], replace=replace)
        report(f"{label} ({describe(targets[label])}): {len(stored['files'])} file(s) restored and checked")
    return read


def check_backup_fits(read: dict, database) -> dict[str, Storage]:
    """The storages to restore into; a BackupError if the backup was made for another kind of site."""
    made_on = read["database"]["engine"]
    if made_on != database.VENDOR or read["database"]["file"] != database.DUMP_NAME:
        raise BackupError(f"the backup holds a {made_on} database; this site's database is {database.VENDOR}")
    targets = storages_to_back_up()
    unknown = sorted(set(read["storages"]) - set(targets))
    if unknown:
        raise BackupError(f"the backup holds files of storages this site does not have: {', '.join(unknown)}")
    return {label: targets[label] for label in read["storages"]}


def refuse_non_empty(database, targets: dict[str, Storage], replace: bool) -> None:
    if replace:
        return
    occupied = [] if database.is_empty() else ["the database already holds tables"]
    occupied += [f"{describe(storage)} already holds files" for storage in targets.values() if not is_empty(storage)]
    if occupied:
        raise BackupError(
            "restore goes into an empty database and empty storage: "
            + "; ".join(occupied)
            + ". Nothing was restored (--replace-existing overwrites them)."
        )


def restore_file(directory: Path, label: str, entry: dict, storage: Storage, *, replace: bool) -> None:
    name = entry["name"]
    with backed_up_path(directory, label, name).open("rb") as stream:
        write_file(storage, name, stream, replace=replace)
    with read_chunks(storage, name) as chunks:
        sha256, size = sha256_and_size(chunks)
    if (sha256, size) != (entry["sha256"], entry["size"]):
        raise BackupError(
            f"{label}/{name} reads back from {describe(storage)} as {size} bytes with SHA-256 {sha256}; "
            f"the backup has {entry['size']} bytes with SHA-256 {entry['sha256']}"
        )
