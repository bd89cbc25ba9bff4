"""The embedded SQLite default takes concurrent writes: publishing while the admin autosaves."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("sqlite_concurrency_probe.py")


def test_publishing_while_another_connection_writes_revisions_never_hits_a_locked_database(tmp_path):
    # A real file (WAL needs one; an in-memory database has no concurrency to speak of),
    # whatever database the rest of the suite runs on.
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_SETTINGS_MODULE="cso_site.settings.test",
        PYTHONPATH=str(PROJECT),
    )
    result = subprocess.run(
        [sys.executable, str(PROBE), "10"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])

    assert outcome["journal_mode"] == "wal"
    assert outcome["errors"] == [], "no OperationalError (database is locked) on either side"
    assert outcome["twin_failures"] == []
    assert (outcome["live_intro"], outcome["twin_intro"], outcome["twin_live"]) == ("Увод 10.", "Uvod 10.", True)
