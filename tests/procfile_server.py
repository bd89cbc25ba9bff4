"""The Procfile's processes for tests: the implementation lives in tools/procfile.py.

`make bench` (tools/benchmark/) runs the web process the same way, and tools may not import
tests, so the shared code is in tools; tests keep importing these names from here.
"""

from tools.procfile import (
    PROCFILE,
    PROJECT,
    RunningProcess,
    ensure_static_collected,
    free_port,
    procfile_command,
    procfile_process,
    production_env,
)

__all__ = [
    "PROCFILE",
    "PROJECT",
    "RunningProcess",
    "ensure_static_collected",
    "free_port",
    "procfile_command",
    "procfile_process",
    "production_env",
]
