"""What restore_site checks in a backup before it writes anything (no database or bucket needed)."""

import hashlib
import json

import pytest

from core.backup import BackupError, manifest
from core.backup.site import new_private_directory


def backup_with(tmp_path, files: dict[str, bytes], listed: list[dict] | None = None):
    """A backup directory holding a database dump and `files` in the default storage, with its manifest."""
    (tmp_path / "database.sqlite3").write_bytes(b"dump")
    for name, content in files.items():
        path = tmp_path / "files" / "default" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    entries = listed or [
        {"name": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        for name, content in files.items()
    ]
    database = {
        "engine": "sqlite",
        "file": "database.sqlite3",
        "size": 4,
        "sha256": hashlib.sha256(b"dump").hexdigest(),
    }
    written = manifest.new_manifest(database, {"default": {"location": "test", "files": entries}})
    (tmp_path / "manifest.json").write_text(json.dumps(written))
    return written


def test_an_intact_backup_passes_verification(tmp_path):
    written = backup_with(tmp_path, {"documents/a.pdf": b"%PDF-1.4 a", "images/b.png": b"png"})
    manifest.verify(tmp_path, manifest.read(tmp_path))
    assert written["portal"]["version"]


def test_a_file_changed_after_the_backup_is_named_and_refused(tmp_path):
    backup_with(tmp_path, {"documents/a.pdf": b"%PDF-1.4 a", "images/b.png": b"png"})
    (tmp_path / "files" / "default" / "images" / "b.png").write_bytes(b"pnG")
    with pytest.raises(BackupError, match=r"default/images/b\.png: SHA-256"):
        manifest.verify(tmp_path, manifest.read(tmp_path))


def test_a_missing_file_and_a_truncated_dump_are_named(tmp_path):
    backup_with(tmp_path, {"documents/a.pdf": b"%PDF-1.4 a"})
    (tmp_path / "files" / "default" / "documents" / "a.pdf").unlink()
    (tmp_path / "database.sqlite3").write_bytes(b"du")
    with pytest.raises(BackupError) as refused:
        manifest.verify(tmp_path, manifest.read(tmp_path))
    assert "default/documents/a.pdf: missing" in str(refused.value)
    assert "database.sqlite3: 2 bytes, the manifest says 4" in str(refused.value)


@pytest.mark.parametrize("name", ["../../../etc/passwd", "/etc/passwd", "documents/../../x", "a\\..\\b"])
def test_a_manifest_naming_a_file_outside_the_backup_is_refused(tmp_path, name):
    backup_with(tmp_path, {}, listed=[{"name": name, "size": 1, "sha256": "0" * 64}])
    with pytest.raises(BackupError, match="outside the backup"):
        manifest.verify(tmp_path, manifest.read(tmp_path))


def test_a_directory_without_a_manifest_is_no_backup(tmp_path):
    with pytest.raises(BackupError, match="holds no manifest.json"):
        manifest.read(tmp_path)


def test_a_corrupt_manifest_is_refused(tmp_path):
    (tmp_path / "manifest.json").write_text('{"format": "cso-site-backup/1", "storages": ')
    with pytest.raises(BackupError, match="is corrupt"):
        manifest.read(tmp_path)


def test_a_backup_never_goes_into_a_directory_that_holds_something(tmp_path):
    (tmp_path / "old-backup.txt").write_text("keep me")
    with pytest.raises(BackupError, match="not an empty directory"):
        new_private_directory(tmp_path)
    assert (tmp_path / "old-backup.txt").read_text() == "keep me"
