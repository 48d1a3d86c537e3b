"""The README and docs/getting-started.md work word for word, the way the README says to use them.

A new user runs the two set-up commands, then pastes the blocks of these pages.
This module does the same, each time in a fresh subprocess started from a fresh
copy of the repository (its files, ``dataset/`` as ``tasks.py build`` leaves it,
and a ``.venv`` link to the environment the tests run in):

- a ``bash`` block is pasted into a fresh shell at the repository root:
  ``bash -e -o pipefail`` with no virtual environment active, so a block that
  needs the project's commands must activate ``.venv`` itself, as the README
  says. It must exit with status 0;
- the ``python`` and ``pycon`` blocks of a page are pasted, in order, into one
  ``python`` started in a shell where the README's activation line ran
  (``python -i`` reads them as the interactive interpreter reads a paste; a
  ``pycon`` block is pasted without its prompts). No traceback may appear;
- a ``text`` block right after a run block (nothing but blank lines between)
  is what that block prints, where ``...`` stands for any text; a ``pycon``
  block shows its own output;
- a block right after an HTML comment ``<!-- not run: why -->`` is shown, not
  run (the set-up commands, which CI runs as ``.ci/run``; installs).
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from tests.conftest import COMMAND_TIMEOUT, REPO
from tests.test_docs import Sample, samples
from tests.test_examples import NOTEBOOK_COMMAND

README = REPO / "README.md"
PAGES = (README, REPO / "docs" / "getting-started.md")
#: How the README says to use the project's environment in a new shell.
ACTIVATE = "source .venv/bin/activate"
SHELL = ("bash",)
PYTHON = ("python", "pycon")
_NOT_RUN = re.compile(r"<!--\s*not run:\s*(?P<why>[^>]*?)\s*-->\s*\Z")
#: Commands that install into .venv, which the copy shares with the tests: such a block must be marked not run.
_INSTALLS = re.compile(r"\btasks\.py\b|\bpip3? install\b")
_CHECK = doctest.OutputChecker()
#: What the shell left when a pasted line raised: the interpreter names the pasted input <stdin>.
_RAISED = 'File "<stdin>"'
#: Printed between two pasted steps, to cut what the session printed into each step's part.
_MARK = "-8<- next step -8<-"
#: What the repository copy leaves out: version control, environments, caches, build products.
_NOT_COPIED = shutil.ignore_patterns(
    ".git",
    ".venv",
    "site",
    "dataset",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
)


@attrs.frozen
class Block:
    """A code block of a page, with the output shown for it (if any) and why it is not run (if so)."""

    sample: Sample
    output: str | None
    not_run: str | None

    @property
    def where(self) -> str:
        return self.sample.where


@attrs.frozen
class Step:
    """One paste into the Python session: its code and the output it must print (None: not shown)."""

    where: str
    code: str
    expected: str | None


def blocks(path: Path) -> list[Block]:
    """The shell and Python blocks of a page, each with the output block that follows it."""
    found = samples(path)
    result = []
    for index, sample in enumerate(found):
        if sample.language not in SHELL + PYTHON:
            continue
        after = found[index + 1] if index + 1 < len(found) else None
        shown = after is not None and after.language == "text" and not after.preceding.strip()
        not_run = _NOT_RUN.search(sample.preceding)
        result.append(
            Block(
                sample=sample,
                output=after.code if shown and after is not None else None,
                not_run=not_run.group("why") if not_run else None,
            )
        )
    return result


def run_blocks(language: tuple[str, ...]) -> list[Block]:
    return [block for page in PAGES for block in blocks(page) if block.sample.language in language]


def python_steps(path: Path) -> list[Step]:
    """The pastes of a page's Python blocks: one per python block, one per example of a pycon block."""
    steps = []
    for block in blocks(path):
        if block.not_run or block.sample.language not in PYTHON:
            continue
        if block.sample.language == "python":
            steps.append(Step(block.where, block.sample.code, block.output))
            continue
        where = f"{path.relative_to(REPO)}:{{}}"
        examples = doctest.DocTestParser().get_examples(block.sample.code)
        steps += [
            Step(where.format(block.sample.line + example.lineno), example.source, example.want)
            for example in examples
        ]
    return steps


# -- the fresh copy and the fresh shell ------------------------------------------------------------


@pytest.fixture
def repository(tmp_path: Path, built_dataset: Path) -> Path:
    """A fresh copy of the repository after the set-up: files, dataset/, and .venv (a link)."""
    if sys.prefix == sys.base_prefix:
        pytest.skip("the tests do not run in a virtual environment for .venv to point to")
    copy = tmp_path / "repository"
    shutil.copytree(REPO, copy, ignore=_NOT_COPIED, symlinks=True)
    shutil.copytree(built_dataset, copy / "dataset")
    (copy / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return copy


def fresh_shell_env() -> dict[str, str]:
    """The environment of a new shell: this one's, less any active virtual environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"VIRTUAL_ENV", "PYTHONHOME", "PYTHONPATH", "PYTHONSTARTUP"}
    }
    environment_bins = {str(Path(sys.prefix) / "bin"), str(Path(sys.executable).parent)}
    path = [entry for entry in env.get("PATH", "").split(os.pathsep) if entry not in environment_bins]
    env["PATH"] = os.pathsep.join(path)
    return env


def bash(script: str, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run *script* in a new non-interactive bash that stops at the first failing command."""
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script],
        cwd=cwd,
        env=fresh_shell_env(),
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=COMMAND_TIMEOUT,
    )


def matches(expected: str, got: str) -> bool:
    """Whether *got* is the output shown, where ``...`` stands for any text."""
    return _CHECK.check_output(expected.strip("\n") + "\n", got.strip("\n") + "\n", doctest.ELLIPSIS)


def pasted(steps: list[Step]) -> str:
    """What a reader pastes, with a mark printed after each step; a blank line ends each statement."""
    return "".join(f"{step.code.rstrip()}\n\nprint({_MARK!r})\n" for step in steps)


# -- tests ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "block", [block for block in run_blocks(SHELL) if block.not_run is None], ids=lambda block: block.where
)
def test_shell_block_works_pasted_into_a_fresh_shell(block: Block, repository: Path) -> None:
    assert not _INSTALLS.search(block.sample.code), f"{block.where}: installs into .venv; mark it not run"
    result = bash(block.sample.code, repository)
    got = result.stdout + result.stderr
    assert result.returncode == 0, f"{block.where}: exit status {result.returncode}\n{got}"
    if block.output is not None:
        assert matches(block.output, result.stdout), f"{block.where}\nexpected:\n{block.output}\ngot:\n{got}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_python_blocks_work_pasted_into_python_in_the_activated_environment(
    page: Path, repository: Path
) -> None:
    steps = python_steps(page)
    result = bash(f"{ACTIVATE}\npython -i", repository, stdin=pasted(steps))
    assert _RAISED not in result.stderr, f"{page.name}: a pasted block raised\n{result.stderr}"
    printed = result.stdout.split(_MARK + "\n")
    assert len(printed) == len(steps) + 1, f"{page.name}: the session stopped early\n{result.stderr}"
    for step, got in zip(steps, printed, strict=False):
        if step.expected is not None:
            assert matches(step.expected, got), f"{step.where}\nexpected:\n{step.expected}\ngot:\n{got}"


def test_every_shell_and_python_block_is_run_or_says_why_not() -> None:
    for page in PAGES:
        for sample in samples(page):
            assert sample.language not in {"console", "sh", "shell", "py"}, (
                f"{sample.where}: write ```bash or ```python, which run as pasted (a $ prompt does not paste)"
            )
    without_reason = [block.where for block in run_blocks(SHELL + PYTHON) if block.not_run == ""]
    assert without_reason == [], "say why a block is not run: <!-- not run: why -->"


def test_readme_set_up_commands_are_what_ci_runs() -> None:
    ci = [
        line for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines() if "tasks.py" in line
    ]
    for page in PAGES:
        set_up = blocks(page)[0]
        assert set_up.not_run is not None
        commands = [line.split("#", 1)[0].strip() for line in set_up.sample.code.splitlines()]
        assert (
            [command for command in commands if command]
            == ci
            == ["python3 tasks.py build", "python3 tasks.py test"]
        )


def test_readme_says_how_to_activate_the_environment_right_after_the_set_up() -> None:
    first, second = blocks(README)[:2]
    assert first.not_run is not None
    assert second.sample.code.startswith(ACTIVATE + " ")
    assert second.not_run is None
    assert ".venv" in second.sample.preceding


def test_readme_names_the_notebook_command_the_tests_run() -> None:
    commands = [block.sample.code for block in run_blocks(SHELL) if block.not_run]
    assert any(" ".join(NOTEBOOK_COMMAND) in code for code in commands)


def test_a_block_and_the_output_shown_after_it_are_found(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Set up:\n\n<!-- not run: installs -->\n```bash\npip install x\n```\n\n"
        "```bash\necho 拉萨\n```\n\n```text\n拉萨\n```\n\nand\n\n```python\nprint(1)\n```\n\nSee:\n\n```text\nno\n```\n",
        encoding="utf-8",
    )
    found = [(block.sample.code, block.output, block.not_run) for block in blocks(page)]
    assert found == [
        ("pip install x\n", None, "installs"),
        ("echo 拉萨\n", "拉萨\n", None),
        ("print(1)\n", None, None),
    ]


def test_a_pasted_block_that_raises_or_breaks_a_compound_statement_is_caught(tmp_path: Path) -> None:
    cases = {
        "1 / 0": True,
        "for i in range(2):\n    print(i)\nprint('after')": True,  # a paste needs a blank line here
        "for i in range(2):\n    print(i)\n\nprint('after')": False,
    }
    for code, raises in cases.items():
        result = bash("python3 -i", tmp_path, stdin=pasted([Step("t", code, None)]))
        assert (_RAISED in result.stderr) is raises, code


def test_a_fresh_shell_finds_the_project_only_after_the_activation_line(repository: Path) -> None:
    check = "lhasa-corpus --version && python -c 'import lhasa_corpus'"
    assert bash(check, repository).returncode != 0
    assert bash(f"{ACTIVATE}\n{check}", repository).returncode == 0
