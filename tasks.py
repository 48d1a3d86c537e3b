"""Set-up and checks in one file, for a fresh machine with only Python 3.11+ and git.

    python3 tasks.py build   # make .venv, install lhasa-corpus[hf], build the dataset from data/raw/
    python3 tasks.py test    # make .venv, install lhasa-corpus[dev] (and Chromium, as root), run ruff,
                             # ruff format --check, mypy --strict and pytest with branch coverage

Each task creates the virtual environment ``.venv`` on first use and
installs into it, so nothing touches the system Python; use it with
``source .venv/bin/activate``. Extra arguments after ``test`` go to pytest;
after ``build``, to ``lhasa-corpus build``.

``test`` prints the branch coverage of every module and holds each of the
parser's rule modules (:data:`RULE_MODULES`) at :data:`RULE_BRANCH_COVERAGE`
per cent of its branches or more; it ends with one line that says what passed,
or which check failed.
The docs site is built by a test (``tests/test_docs.py``) into a temporary
folder, so that pytest alone runs every check and nothing is left in ``site/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
#: Records what was installed into .venv, so that an unchanged pyproject.toml is not installed again.
STAMP = VENV / "lhasa-corpus-installed.txt"
#: The test that builds the docs site; the verdict names the docs when it passed.
DOCS_SITE_TEST = "test_docs_site_builds_without_warnings"
#: The parser's rule modules, and the least share of their branches the tests must take.
RULE_MODULES = (
    "chars",
    "normalize",
    "lines",
    "blocks",
    "bylines",
    "captions",
    "furniture",
    "headlines",
    "segments",
    "articles",
)
RULE_BRANCH_COVERAGE = 95.0


class CheckError(Exception):
    """A command of a task exited with a non-zero status."""


class PytestCounts(NamedTuple):
    """What pytest's JUnit XML report counted."""

    passed: int
    failed: int
    skipped: int
    docs_site_built: bool


class BranchCoverage(NamedTuple):
    """The branches of one module the tests took, from coverage.py's JSON report."""

    module: str
    covered: int
    total: int

    @property
    def percent(self) -> float:
        """The share of branches taken, in per cent (all of none)."""
        return 100.0 * self.covered / self.total if self.total else 100.0


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    """Run a command from the repository root; raise CheckError if it fails."""
    printable = " ".join(str(part) for part in command)
    print(f"$ {printable}", flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise CheckError(f"'{printable}' failed with exit status {result.returncode}")


def _stamp(extras: str) -> str:
    """What an install of *extras* depends on: the extras and the project's metadata."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{extras} {digest}\n"


def _ensure_venv(extras: str) -> None:
    """Create .venv if needed and install lhasa-corpus with *extras* into it, unless already done.

    ``--no-compile`` leaves byte-code to be written on first import, only
    for the modules that are used: the environment is about 150 MB smaller
    and the install quicker.
    """
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
        _run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    installed = STAMP.read_text(encoding="utf-8").splitlines(keepends=True) if STAMP.exists() else []
    if _stamp(extras) in installed:
        return
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--no-compile", "--editable", f".[{extras}]")
    STAMP.write_text("".join([*installed, _stamp(extras)]), encoding="utf-8")


def _offline_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("HF_DATASETS_OFFLINE", "1")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _pytest_counts(report: Path) -> PytestCounts:
    """The counts of a pytest JUnit XML report (passed is what ran and neither failed nor skipped)."""
    root = ET.parse(report).getroot()
    suite = root.find("testsuite") if root.tag == "testsuites" else root
    if suite is None:
        return PytestCounts(0, 0, 0, docs_site_built=False)
    total, skipped = int(suite.get("tests", 0)), int(suite.get("skipped", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    outcomes = {"failure", "error", "skipped"}
    docs_site_built = any(
        case.get("name") == DOCS_SITE_TEST and not any(child.tag in outcomes for child in case)
        for case in suite.iter("testcase")
    )
    return PytestCounts(total - failed - skipped, failed, skipped, docs_site_built)


def _tests_wording(counts: PytestCounts) -> str:
    """``317 tests``, ``315 tests (2 skipped)``."""
    tests = _plural(counts.passed, "test")
    return tests + (f" ({counts.skipped} skipped)" if counts.skipped else "")


def _branch_coverage(report: Path) -> list[BranchCoverage]:
    """The branch coverage of each rule module, from a coverage.py JSON report."""
    files = json.loads(report.read_text(encoding="utf-8"))["files"]
    found = []
    for module in RULE_MODULES:
        summary = files.get(f"src/lhasa_corpus/{module}.py", {}).get("summary", {})
        found.append(
            BranchCoverage(module, summary.get("covered_branches", 0), summary.get("num_branches", 0))
        )
    return found


def _coverage_table(coverage: list[BranchCoverage]) -> str:
    """The rule modules' branch coverage, one module a line."""
    lines = [f"branch coverage of the rule modules (at least {RULE_BRANCH_COVERAGE:.0f} % each):"]
    for module in coverage:
        lines.append(
            f"  {module.module:<10} {module.percent:5.1f} %  {module.covered:>4} of {module.total} branches"
        )
    return "\n".join(lines)


def _coverage_wording(coverage: list[BranchCoverage]) -> str:
    """``rule modules' branch coverage ≥ 95 % (lowest 96.2 %, segments)``."""
    lowest = min(coverage, key=lambda module: module.percent)
    return (
        f"rule modules' branch coverage ≥ {RULE_BRANCH_COVERAGE:.0f} % "
        f"(lowest {lowest.percent:.1f} %, {lowest.module})"
    )


def _verdict(counts: PytestCounts, seconds: float, coverage: list[BranchCoverage] | None = None) -> str:
    """The last line of ``tasks.py test`` when every check passed."""
    docs = ["docs site build"] if counts.docs_site_built else []
    covered = [_coverage_wording(coverage)] if coverage else []
    checks = ["ruff", "ruff format", "mypy --strict", _tests_wording(counts), *docs, *covered]
    return f"tasks.py test: {', '.join(checks)} — all passed in {seconds:.0f} s"


def _run_pytest(arguments: list[str], env: dict[str, str]) -> tuple[PytestCounts, list[BranchCoverage]]:
    """Run pytest (two processes, branch coverage) with *arguments*: its counts, the rule modules' coverage.

    Both are read from reports pytest writes into a temporary folder (JUnit XML, coverage.py's JSON),
    where the coverage data goes too.
    """
    with tempfile.TemporaryDirectory(prefix="lhasa-corpus-tasks-") as folder:
        report = Path(folder) / "pytest.xml"
        coverage_report = Path(folder) / "coverage.json"
        options = [
            "--numprocesses=2",  # CI's two cores: the properties' 300 examples each fit in the time
            "--cov=lhasa_corpus",
            "--cov-branch",
            "--cov-report=term",
            f"--cov-report=json:{coverage_report}",
        ]
        env = {**env, "COVERAGE_FILE": str(Path(folder) / ".coverage")}
        try:
            _run(BIN / "python", "-m", "pytest", f"--junitxml={report}", *options, *arguments, env=env)
        except CheckError:
            if not report.exists():
                raise
            counts = _pytest_counts(report)
            raise CheckError(
                f"pytest: {counts.failed} failed, {counts.passed} passed (ruff and mypy --strict passed)"
            ) from None
        counts = _pytest_counts(report)
        branches = _branch_coverage(coverage_report)
    if counts.passed == 0:
        raise CheckError("pytest ran no test")
    return counts, branches


def build(arguments: list[str]) -> None:
    """Install lhasa-corpus with the Hugging Face extra and build the dataset from data/raw/."""
    _ensure_venv("hf")
    command = arguments or ["data/raw", "--out", "dataset"]
    _run(BIN / "lhasa-corpus", "build", *command, env=_offline_env())


def _ensure_chromium() -> None:
    """Install Debian's Chromium for the browser test (tests/test_view_browser.py) when it is missing.

    Only as root on a machine with apt-get (CI's case); elsewhere say how, and the test skips
    (or, with CI=true, fails). Playwright drives this browser; it never downloads one.
    """
    if shutil.which("chromium") or not shutil.which("apt-get"):
        return
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        print("tasks.py: no chromium; as root: apt-get install -y chromium chromium-driver", flush=True)
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run("apt-get", "update", "-q", env=env)
    _run("apt-get", "install", "-y", "-q", "chromium", "chromium-driver", env=env)


def test(arguments: list[str]) -> None:
    """Install the dev tools and Chromium, run every check CI runs, end with one line saying what passed."""
    started = time.monotonic()
    _ensure_venv("dev")
    _ensure_chromium()
    env = _offline_env()
    linted = [
        name
        for name in ("src", "tests", "examples", "benchmarks", "tools", "tasks.py")
        if (ROOT / name).exists()
    ]
    _run(BIN / "ruff", "check", *linted, env=env)
    _run(BIN / "ruff", "format", "--check", ".", env=env)
    _run(BIN / "mypy", env=env)
    counts, coverage = _run_pytest(arguments, env)
    print(_coverage_table(coverage), flush=True)
    if arguments:  # a part of the suite: the coverage is printed, not held to the bar
        print(_verdict(counts, time.monotonic() - started), flush=True)
        return
    low = [module for module in coverage if module.percent < RULE_BRANCH_COVERAGE]
    if low:
        raise CheckError(
            "branch coverage below "
            f"{RULE_BRANCH_COVERAGE:.0f} %: {', '.join(f'{m.module} {m.percent:.1f} %' for m in low)}"
        )
    print(_verdict(counts, time.monotonic() - started, coverage), flush=True)


TASKS = {"build": build, "test": test}


def main() -> None:
    """Run the task named on the command line; a failed check ends with one line naming it."""
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{','.join(TASKS)}}} [arguments...]")
    try:
        TASKS[sys.argv[1]](sys.argv[2:])
    except CheckError as failure:
        sys.exit(f"tasks.py {sys.argv[1]}: FAILED: {failure}")


if __name__ == "__main__":
    main()
