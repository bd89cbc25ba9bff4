"""Python run in a new interpreter: settings read the environment once, at import, so what a
setting makes of an environment variable is checked in a process of its own."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def run_python(code: str, env: dict, timeout: int = 60) -> subprocess.CompletedProcess:
    """`code` run from the project folder with exactly `env`; output captured as text."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=timeout
    )


def run_with_dev_settings(code: str, **variables) -> subprocess.CompletedProcess:
    """`code` after django.setup() with the dev settings, this environment and `variables`."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cso_site.settings.dev", **variables)
    return run_python(f"import django; django.setup(); {code}", env)
