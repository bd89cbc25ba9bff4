"""`make run` (scripts/run.sh) starts the scheduler beside the dev server and stops it whenever the server stops.

The script runs for real; the virtualenv's `python` is a stand-in that records what it was asked
to run, so the test needs no database and installs nothing. What is checked is the script's
own process handling: a scheduler that outlived `make run` would keep publishing and sweeping.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]

STAND_IN_PYTHON = r"""#!/bin/bash
log="$STAND_IN_LOG"
case "$1 $2" in
"manage.py run_scheduler")
    trap 'echo "scheduler stopped" >>"$log"; exit 0' TERM
    echo "scheduler started" >>"$log"
    while :; do sleep 0.05; done ;;
"manage.py runserver")
    trap 'echo "server stopped" >>"$log"; exit 0' TERM
    echo "server started on $3" >>"$log"
    if [ -n "$SERVER_FAILS_AFTER" ]; then sleep "$SERVER_FAILS_AFTER"; echo "server failed" >>"$log"; exit 1; fi
    while :; do sleep 0.05; done ;;
"manage.py "*) echo "ran $2" >>"$log" ;;
"--version ") echo "Python 3 (stand-in)" ;;
esac
"""


def reset_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def run_script(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    python = venv / "bin" / "python"
    python.write_text(STAND_IN_PYTHON)
    python.chmod(0o755)
    log = tmp_path / "ran.log"
    log.touch()

    def start(**env) -> tuple[subprocess.Popen, Path]:
        process = subprocess.Popen(
            [str(PROJECT / "scripts" / "run.sh")],
            cwd=PROJECT,
            env={**os.environ, "VENV": str(venv), "STAND_IN_LOG": str(log), "PORT": "8123", **env},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a process group of its own, as a terminal gives `make run`
            # A terminal's Ctrl-C reaches a shell that may trap it; a shell started with SIGINT
            # ignored (a test run launched in the background, e.g. under nohup) can never trap it.
            preexec_fn=reset_sigint,
        )
        return process, log

    return start


def wait_for_line(log: Path, line: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while line not in log.read_text().splitlines():
        assert time.monotonic() < deadline, f"no {line!r} in:\n{log.read_text()}"
        time.sleep(0.05)


def test_run_starts_the_scheduler_beside_the_server_and_stops_both_on_sigterm(run_script):
    process, log = run_script()
    wait_for_line(log, "server started on 127.0.0.1:8123")
    assert "scheduler started" in log.read_text().splitlines()
    assert [line for line in log.read_text().splitlines() if line.startswith("ran ")] == [
        "ran migrate",
        "ran load_demo_content",
        "ran ensure_local_admin",
    ]

    process.send_signal(signal.SIGTERM)

    assert process.wait(timeout=30) == 143
    lines = log.read_text().splitlines()
    assert "scheduler stopped" in lines and "server stopped" in lines


def test_ctrl_c_stops_the_scheduler_with_the_server(run_script):
    process, log = run_script()
    wait_for_line(log, "server started on 127.0.0.1:8123")

    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends the whole foreground group on Ctrl-C

    assert process.wait(timeout=30) == 130
    wait_for_line(log, "scheduler stopped")


def test_a_server_that_stops_by_itself_takes_the_scheduler_with_it(run_script):
    process, log = run_script(SERVER_FAILS_AFTER="0.5")

    assert process.wait(timeout=30) != 0
    lines = log.read_text().splitlines()
    assert "server failed" in lines and "scheduler stopped" in lines
