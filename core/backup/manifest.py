"""The manifest: what a backup holds, and the check that it still holds exactly that.

`manifest.json` lists every file with its size and SHA-256, the database dump's SHA-256, the
row count of every table, the latest applied migration of every app, the date and the
portal's version. A restore checks every byte against it before it writes anything.
"""

import datetime
import json
import subprocess
import tomllib
from pathlib import Path, PurePosixPath

from django.conf import settings

from . import BackupError
from .streams import sha256_of_file, write_private_file

MANIFEST_NAME = "manifest.json"
FORMAT = "cso-site-backup/1"
FILES_FOLDER = "files"


def portal_version() -> dict:
    """The version in pyproject.toml and, when the code is a git checkout, its commit."""
    base = Path(settings.BASE_DIR)
    with (base / "pyproject.toml").open("rb") as stream:
        version = {"version": tomllib.load(stream)["project"]["version"]}
    try:
        # A fixed command; git from PATH, absent on many servers.
        git = ["git", "rev-parse", "HEAD"]
        head = subprocess.run(git, cwd=base, capture_output=True, text=True, timeout=10)  # noqa: S603
    except OSError:
        return version
    return version | ({"commit": head.stdout.strip()} if head.returncode == 0 else {})


def new_manifest(database: dict, storages: dict) -> dict:
    return {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "portal": portal_version(),
        "database": database,
        "storages": storages,
    }


def write(directory: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_private_file(directory / MANIFEST_NAME, [text.encode()])


def read(directory: Path) -> dict:
    path = directory / MANIFEST_NAME
    if not path.is_file():
        raise BackupError(f"{directory} holds no {MANIFEST_NAME}: not a backup, or one that did not finish")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"{path} is corrupt: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a manifest this portal reads (expected format {FORMAT})")
    return manifest


def backed_up_path(directory: Path, label: str, name: str) -> Path:
    """Where a stored file lies in the backup; a name that would lead outside the backup is refused."""
    parts = PurePosixPath(label, name).parts
    if PurePosixPath(name).is_absolute() or any(part in ("", ".", "..") for part in parts) or "\\" in name:
        raise BackupError(f"the manifest names a file outside the backup: {label}/{name}")
    return directory.joinpath(FILES_FOLDER, *parts)


def verify(directory: Path, manifest: dict) -> None:
    """Every file the manifest lists is there with its size and SHA-256; else a BackupError naming them."""
    problems = []
    database = manifest["database"]
    problems += mismatch(directory / database["file"], database["file"], database["size"], database["sha256"])
    for label, stored in manifest["storages"].items():
        for entry in stored["files"]:
            path = backed_up_path(directory, label, entry["name"])
            problems += mismatch(path, f"{label}/{entry['name']}", entry["size"], entry["sha256"])
    if problems:
        shown = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise BackupError(f"the backup in {directory} does not match its manifest; nothing was restored:\n  {shown}")


def mismatch(path: Path, shown_as: str, size: int, sha256: str) -> list[str]:
    if not path.is_file():
        return [f"{shown_as}: missing"]
    actual_sha256, actual_size = sha256_of_file(path)
    if actual_size != size:
        return [f"{shown_as}: {actual_size} bytes, the manifest says {size}"]
    if actual_sha256 != sha256:
        return [f"{shown_as}: SHA-256 {actual_sha256}, the manifest says {sha256}"]
    return []
