"""Server CPU time of a process tree, read from /proc, for the page benchmark's CPU per request.

CPU time spent by the server's own processes (gunicorn's master and workers, varnishd, nginx)
moves least when other programs share the machine: a busy neighbour makes requests wait, it
does not make rendering a page take more instructions. The benchmark reads the tree's CPU time
before and after a phase and divides the difference by the requests served.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")
# Fields of /proc/<pid>/stat after the ")" that closes the command name (proc(5) numbering:
# field 3 is the state, 4 the parent pid, 14 utime, 15 stime, both in clock ticks).
PPID_FIELD = 4
UTIME_FIELD = 14
STIME_FIELD = 15


def parse_stat(text: str) -> tuple[int, int]:
    """(parent pid, user + system CPU in clock ticks) from the text of /proc/<pid>/stat.

    The command name (field 2) is in parentheses and may itself hold spaces or ")", so the
    fields are counted from the last ")".
    """
    after_name = text[text.rindex(")") + 1 :].split()
    # after_name[0] is field 3 (the state).
    field = lambda number: int(after_name[number - 3])  # noqa: E731
    return field(PPID_FIELD), field(UTIME_FIELD) + field(STIME_FIELD)


def _read_stat(pid: int) -> str | None:
    try:
        return (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None  # the process ended between listing and reading


def tree_cpu_ticks(root_pid: int, stats: dict[int, str]) -> int:
    """CPU ticks of `root_pid` and all its descendants, given every process's stat text by pid."""
    parsed = {pid: parse_stat(text) for pid, text in stats.items()}
    children: dict[int, list[int]] = {}
    for pid, (ppid, _ticks) in parsed.items():
        children.setdefault(ppid, []).append(pid)
    total, pending = 0, [root_pid]
    while pending:
        pid = pending.pop()
        if pid in parsed:
            total += parsed[pid][1]
            pending.extend(children.get(pid, []))
    return total


def all_stats() -> dict[int, str]:
    stats = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (text := _read_stat(int(entry.name))) is not None:
            stats[int(entry.name)] = text
    return stats


def process_tree_cpu_seconds(root_pids: list[int]) -> float:
    """User + system CPU seconds used so far by these processes and their descendants."""
    stats = all_stats()
    ticks = sum(tree_cpu_ticks(pid, stats) for pid in root_pids)
    return ticks / os.sysconf("SC_CLK_TCK")


def pids_with_argument(argument: str, program: str) -> list[int]:
    """Processes whose command line runs `program` with `argument` among its words (e.g. varnishd's -a address)."""
    found = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if words and words[0].decode(errors="replace").endswith(program) and argument.encode() in words:
            found.append(int(entry.name))
    return found
