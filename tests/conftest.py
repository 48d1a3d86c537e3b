"""Shared test set-up: hypothesis profiles and paths to the shipped data.

Profiles (choose with ``HYPOTHESIS_PROFILE`` or ``--hypothesis-profile``):

- ``ci`` (default): derandomised, so every CI run tries the same examples and
  stays well inside its time limit;
- ``deep``: many more examples, random seeds, for local bug hunts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from lhasa_corpus.export import _folder

# The suite writes hundreds of throwaway dataset folders; flushing each to disk
# before its switch costs a tenth of a second and protects nothing here. The
# tests that kill a build run it in a subprocess, which flushes as users' builds do.
_folder.DURABLE = False

REPO = Path(__file__).resolve().parent.parent
RAW = REPO / "data" / "raw"
SEED_PAGE = RAW / "000_9f77f0cdd81bd34f.txt"
#: A generous limit for one command of the docs; the real page parses in well under a second.
COMMAND_TIMEOUT = 300

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=2_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def built_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dataset built from data/raw/ as ``python3 tasks.py build`` builds it, once per session."""
    folder = tmp_path_factory.mktemp("built") / "dataset"
    command = [sys.executable, "-m", "lhasa_corpus.cli", "build", "data/raw", "--out", str(folder)]
    result = subprocess.run(
        command, cwd=REPO, capture_output=True, text=True, check=False, timeout=COMMAND_TIMEOUT
    )
    assert result.returncode == 0, f"building the dataset failed:\n{result.stderr}"
    return folder
