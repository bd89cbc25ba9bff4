"""The preamble the hand-run scripts share (scripts/lib/preamble.sh): the checkout as ROOT and working directory,
and errors that name the script that failed, wherever it is started from."""

import shutil
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
PREAMBLE = PROJECT / "scripts" / "lib" / "preamble.sh"


def test_a_script_sourcing_the_preamble_runs_in_the_checkout_and_names_itself_in_its_errors(tmp_path):
    script = tmp_path / "check.sh"
    script.write_text(f'set -euo pipefail\n. "{PREAMBLE}"\nsay "in $PWD, ROOT=$ROOT"\ndie "stopped"\n')
    bash = shutil.which("bash")
    finished = subprocess.run([bash, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert finished.returncode == 1
    assert finished.stdout == f"\n==> in {PROJECT}, ROOT={PROJECT}\n"
    assert finished.stderr == "check.sh: error: stopped\n"
