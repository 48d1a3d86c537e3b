"""tasks.py: its last line says what passed, counted from pytest's own report; its installs are not repeated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tasks

from tests.conftest import REPO

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" errors="{errors}" failures="{failures}" skipped="{skipped}" tests="{tests}">
<testcase classname="tests.test_docs" name="test_docs_site_builds_without_warnings" time="8.1">{docs}</testcase>
<testcase classname="tests.test_normalize" name="test_rule_is_idempotent" time="0.1" />
</testsuite></testsuites>
"""


def junit(
    tmp_path: Path, *, tests: int, failures: int = 0, errors: int = 0, skipped: int = 0, docs: str = ""
) -> Path:
    report = tmp_path / "pytest.xml"
    report.write_text(
        JUNIT.format(tests=tests, failures=failures, errors=errors, skipped=skipped, docs=docs),
        encoding="utf-8",
    )
    return report


def test_counts_come_from_pytests_junit_report(tmp_path: Path) -> None:
    counts = tasks._pytest_counts(junit(tmp_path, tests=320, failures=2, errors=1, skipped=4))
    assert counts == tasks.PytestCounts(passed=313, failed=3, skipped=4, docs_site_built=True)


def test_a_skipped_docs_build_is_not_claimed(tmp_path: Path) -> None:
    counts = tasks._pytest_counts(junit(tmp_path, tests=2, skipped=1, docs='<skipped message="no mkdocs" />'))
    assert counts.docs_site_built is False
    assert (
        tasks._verdict(counts, 1.0)
        == "tasks.py test: ruff, ruff format, mypy --strict, 1 test (1 skipped) — all passed in 1 s"
    )


def test_the_last_line_names_every_check_that_passed(tmp_path: Path) -> None:
    counts = tasks._pytest_counts(junit(tmp_path, tests=317))
    assert tasks._verdict(counts, 161.4) == (
        "tasks.py test: ruff, ruff format, mypy --strict, 317 tests, docs site build — all passed in 161 s"
    )


def coverage_report(tmp_path: Path, **branches: tuple[int, int]) -> Path:
    files = {
        f"src/lhasa_corpus/{module}.py": {"summary": {"covered_branches": covered, "num_branches": total}}
        for module, (covered, total) in branches.items()
    }
    report = tmp_path / "coverage.json"
    report.write_text(json.dumps({"files": files}), encoding="utf-8")
    return report


def test_branch_coverage_is_read_for_every_rule_module(tmp_path: Path) -> None:
    coverage = tasks._branch_coverage(coverage_report(tmp_path, chars=(19, 20), segments=(150, 164)))
    assert [module.module for module in coverage] == list(tasks.RULE_MODULES)
    assert coverage[0] == tasks.BranchCoverage("chars", 19, 20)
    assert coverage[0].percent == 95.0
    assert tasks.BranchCoverage("lines", 0, 0).percent == 100.0  # no branch: nothing missed


def test_the_last_line_names_the_lowest_rule_module_coverage(tmp_path: Path) -> None:
    counts = tasks._pytest_counts(junit(tmp_path, tests=317))
    coverage = [tasks.BranchCoverage("chars", 20, 20), tasks.BranchCoverage("segments", 158, 164)]
    assert tasks._verdict(counts, 300.0, coverage) == (
        "tasks.py test: ruff, ruff format, mypy --strict, 317 tests, docs site build, "
        "rule modules' branch coverage ≥ 95 % (lowest 96.3 %, segments) — all passed in 300 s"
    )
    assert "segments    96.3 %   158 of 164 branches" in tasks._coverage_table(coverage)


def test_the_docs_site_test_named_by_tasks_exists() -> None:
    assert f"def {tasks.DOCS_SITE_TEST}(" in (REPO / "tests" / "test_docs.py").read_text(encoding="utf-8")


def test_an_install_is_skipped_when_pyproject_and_extras_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "python").touch()
    monkeypatch.setattr(tasks, "BIN", tmp_path / "bin")
    monkeypatch.setattr(tasks, "STAMP", tmp_path / "stamp.txt")
    commands: list[tuple[str, ...]] = []
    monkeypatch.setattr(tasks, "_run", lambda *command, **_: commands.append(tuple(map(str, command))))
    tasks._ensure_venv("hf")
    tasks._ensure_venv("hf")
    tasks._ensure_venv("dev")
    tasks._ensure_venv("hf")
    assert [command[-1] for command in commands] == [".[hf]", ".[dev]"]
    assert all("--no-compile" in command for command in commands)
