"""Shared test set-up: hypothesis profiles, the run's seed, and paths to the shipped data.

Profiles (choose with ``HYPOTHESIS_PROFILE`` or ``--hypothesis-profile``):

- ``ci`` (default): at least :data:`CI_EXAMPLES` examples a property, from a
  seed that changes from run to run, so that CI keeps searching new pages
  instead of replaying the same ones (the exact-reading properties of
  ``test_properties_parse.py`` opt out, and say why);
- ``deep``: many more examples, for local bug hunts;
- ``mutation``: few examples, derandomised and without the example database,
  for ``tools/mutate.py``, which runs the rule tests once per mutant and needs
  the same verdict every time.

The seed is printed in pytest's header and again under a failure; rerun a
failure with ``--hypothesis-seed=<seed>`` (or ``HYPOTHESIS_SEED=<seed>``).
Hypothesis also prints the ``@reproduce_failure`` blob of the failing example,
and keeps it in ``.hypothesis/``, so a second run locally tries it first.
"""

from __future__ import annotations

import os
import secrets
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
#: The fewest examples CI tries of any property.
CI_EXAMPLES = 300

settings.register_profile(
    "ci",
    max_examples=CI_EXAMPLES,
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
settings.register_profile(
    "mutation",
    max_examples=15,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Choose this run's hypothesis seed, unless one was given, so that every run searches afresh.

    The seed goes into the environment too, where the pytest-xdist workers, started later, find it:
    every process of a run tries the examples of one seed, the one the header prints.
    """
    if config.getoption("hypothesis_seed") is None and not settings().derandomize:
        config.option.hypothesis_seed = os.environ.get("HYPOTHESIS_SEED") or str(secrets.randbelow(2**32))
    if config.getoption("hypothesis_seed") is not None:
        os.environ["HYPOTHESIS_SEED"] = str(config.getoption("hypothesis_seed"))


def _seed_line(config: pytest.Config) -> str:
    seed = config.getoption("hypothesis_seed")
    if seed is None:
        return f"hypothesis profile {settings.get_current_profile_name()!r}: derandomised, no seed"
    return (
        f"hypothesis profile {settings.get_current_profile_name()!r}, {settings().max_examples} "
        f"examples a property, seed {seed} (rerun with --hypothesis-seed={seed})"
    )


def pytest_report_header(config: pytest.Config) -> str:
    return _seed_line(config)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Under a failure, say again which seed the run used: the header may have scrolled away."""
    if terminalreporter.stats.get("failed") or terminalreporter.stats.get("error"):
        terminalreporter.write_line(_seed_line(config))


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
