"""Watching the processes of a command from outside: for the tests that kill a build (Linux /proc)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO

#: Whether the process tree can be read (Linux).
HAVE_PROC = Path("/proc/self/stat").exists()


def descendants(pid: int) -> set[int]:
    """The living processes below *pid*: children, their children, …"""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """Those of *pids* that still run (a zombie has ended)."""
    running = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            running.add(pid)
    return running


def wait_until_gone(pids: set[int], seconds: float = 15) -> set[int]:
    """Wait for *pids* to end; returns those still running after *seconds*."""
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


@contextlib.contextmanager
def running_with_workers(
    arguments: list[str], workers: int = 2
) -> Iterator[tuple[subprocess.Popen[bytes], set[int]]]:
    """``lhasa-corpus ARGUMENTS`` started, once its worker processes run (and the forkserver and
    resource tracker they come with); anything left is killed at the end."""
    command = [sys.executable, "-m", "lhasa_corpus.cli", *arguments]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while len(seen) < workers + 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        seen = descendants(process.pid)
    try:
        yield process, seen
    finally:
        for pid in alive(seen | descendants(process.pid)):
            os.kill(pid, signal.SIGKILL)
        process.kill()
        process.communicate()
