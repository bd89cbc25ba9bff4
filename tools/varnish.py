"""A real Varnish on 127.0.0.1 in front of the app, with the configuration the repository ships.

`run_varnish(backend_port)` copies deploy/varnish/default.vcl with the backend's port, starts
Debian's varnishd in the foreground with a private working directory, waits until it answers
HTTP, yields its base URL (http://127.0.0.1:<port>) and stops it when the block ends. Used by
the caching tests and by `make bench`.
"""

import contextlib
import re
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tools.procfile import stop_process_group

PROJECT = Path(__file__).resolve().parents[1]
SHIPPED_VCL = PROJECT / "deploy" / "varnish" / "default.vcl"
VARNISHD = "/usr/sbin/varnishd"
BACKEND_PORT_LINE = re.compile(r'(\.port\s*=\s*)"\d+"')


def vcl_for_backend(backend_port: int) -> str:
    """The shipped VCL with its backend pointed at `backend_port` (only the first .port line changes)."""
    text = SHIPPED_VCL.read_text()
    rewritten, count = BACKEND_PORT_LINE.subn(rf'\g<1>"{backend_port}"', text, count=1)
    if count != 1:
        raise ValueError(f"{SHIPPED_VCL} has no backend .port line to rewrite")
    return rewritten


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers_http(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (a URL this module built)
            return True
    except urllib.error.HTTPError:
        return True  # any answer (even 503 while the backend is down) means Varnish listens
    except (OSError, urllib.error.URLError):
        return False


@contextlib.contextmanager
def run_varnish(backend_port: int, listen_port: int | None = None, timeout: float = 30) -> Iterator[str]:
    """Run varnishd with the shipped VCL in front of 127.0.0.1:`backend_port`; yield its base URL."""
    listen_port = listen_port or _free_port()
    with tempfile.TemporaryDirectory(prefix="varnish-") as workdir:
        workdir_path = Path(workdir)
        # varnishd drops privileges to its own users when started as root: they must reach these files.
        workdir_path.chmod(0o755)
        vcl_path = workdir_path / "default.vcl"
        vcl_path.write_text(vcl_for_backend(backend_port))
        vcl_path.chmod(0o644)
        log_path = workdir_path / "varnishd.log"
        command = [
            VARNISHD,
            "-F",
            "-n",
            str(workdir_path / "state"),
            "-a",
            f"127.0.0.1:{listen_port}",
            "-f",
            str(vcl_path),
            "-s",
            "malloc,64m",
            # The management interface on a free port of loopback, so runs side by side never collide.
            "-T",
            f"127.0.0.1:{_free_port()}",
        ]
        with log_path.open("wb") as log_file:
            process = subprocess.Popen(  # noqa: S603  (a fixed program and arguments built here)
                command, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
            )
        base_url = f"http://127.0.0.1:{listen_port}"
        try:
            _wait_until_answering(process, base_url + "/", log_path, timeout)
            yield base_url
        finally:
            stop_process_group(process)


def _wait_until_answering(process: subprocess.Popen, url: str, log_path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"varnishd exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        if _answers_http(url):
            return
        time.sleep(0.1)
    raise TimeoutError(f"varnishd did not answer {url} within {timeout} s:\n{log_path.read_text(errors='replace')}")
