"""nginx serving one saved HTML file on 127.0.0.1: the static ceiling of the page benchmark.

Started with a configuration of its own in a temporary directory (pid file, logs and temp paths
there too), so it needs no root, touches no system nginx and stops when the block ends.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tools.procfile import free_port

from .pages_load import fetch

NGINX = "nginx"


def nginx_available() -> bool:
    return shutil.which(NGINX) is not None


def nginx_config(workdir: Path, docroot: Path, port: int) -> str:
    """A minimal static-file server: as a site would serve a cached HTML file (sendfile, keep-alive, no access log)."""
    temp_paths = "\n".join(
        f"    {name}_temp_path {workdir / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""daemon off;
master_process on;
worker_processes auto;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
{temp_paths}
    server {{
        listen 127.0.0.1:{port};
        root {docroot};
        location / {{ try_files $uri =404; }}
    }}
}}
"""


@contextlib.contextmanager
def run_nginx(html: bytes, name: str = "page.html", timeout: float = 20) -> Iterator[tuple[str, int]]:
    """Serve `html` as /`name`; yield (its URL, nginx's master pid)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as workdir_name:
        workdir = Path(workdir_name)
        # nginx's workers run as an unprivileged user when the master is root: they must read the file.
        workdir.chmod(0o755)
        docroot = workdir / "html"
        docroot.mkdir(mode=0o755)
        (docroot / name).write_bytes(html)
        (docroot / name).chmod(0o644)
        config = workdir / "nginx.conf"
        config.write_text(nginx_config(workdir, docroot, port))
        log = (workdir / "stdout.log").open("wb")
        process = subprocess.Popen(  # noqa: S603  (nginx with a configuration written here)
            [NGINX, "-c", str(config), "-p", str(workdir), "-e", str(workdir / "error.log")],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}/{name}"
        try:
            _wait_until_serving(process, url, workdir, timeout)
            yield url, process.pid
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            log.close()


def _wait_until_serving(process: subprocess.Popen, url: str, workdir: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}: {(workdir / 'error.log').read_text()}")
        with contextlib.suppress(OSError):
            if fetch(url)[0] == 200:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nginx did not serve {url} within {timeout} s")
