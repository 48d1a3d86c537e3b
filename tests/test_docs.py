"""Every code sample in the docs runs, so the docs cannot drift from the code.

The convention (docs/contributing.md, "Code samples in the docs"):

- a `python` fence is run; the fences of one Markdown file run in order and
  share one namespace;
- a `pycon` fence is a doctest: `>>>` prompts and the output they print;
- a `console` fence holds `$ command` lines, run by bash with the project's
  `lhasa-corpus` on the PATH; the lines up to the next `$` are what the
  command prints (stdout and stderr), where `...` stands for any text. A
  command shown without output must exit with status 0;
- every other fence (`bash`, `text`, `yaml`, ...) is shown, not run.

Samples run in a fresh temporary folder that holds a `data` link to the
repository's `data/` (so `data/raw/...` paths work and nothing is written into
the repository) and, when a file's samples mention it, a `dataset` link to the
dataset built from `data/raw/` once per test session.

README.md and docs/getting-started.md, the pages a new user follows word for
word, are run differently: by tests/test_readme.py, in fresh subprocesses, the
way the README tells a reader to run them.
"""

from __future__ import annotations

import doctest
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.conftest import REPO

DOCS = REPO / "docs"
#: The pages a new user follows word for word; tests/test_readme.py runs them as pasted.
PASTED = (REPO / "README.md", DOCS / "getting-started.md")
DOCUMENTS = sorted(path for path in DOCS.glob("*.md") if path not in PASTED)
RUN_FENCES = ("python", "pycon", "console")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>```+)[ \t]*(?P<info>[^\n`]*)$")
_CHECK = doctest.OutputChecker()
_OPTIONS = doctest.ELLIPSIS
#: A generous limit for one console command; the real page parses in well under a second.
_COMMAND_TIMEOUT = 300


@attrs.frozen
class Sample:
    """One fenced code block of a Markdown file."""

    path: Path
    line: int  # 1-based line of the first line of code, after the opening fence
    language: str
    code: str
    preceding: str = ""  # the Markdown between the previous fence (or the top) and this one

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def samples(path: Path) -> list[Sample]:
    """The fenced code blocks of a Markdown file, in order (fences may be indented, as in admonitions)."""
    found = []
    lines = path.read_text(encoding="utf-8").split("\n")
    index = after_previous = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, marks = opening.group("indent"), opening.group("marks")
        body: list[str] = []
        end = index + 1
        while end < len(lines) and lines[end].strip() != marks:
            body.append(lines[end].removeprefix(indent))
            end += 1
        if opening.group("info").strip():
            found.append(
                Sample(
                    path=path,
                    line=index + 2,
                    language=opening.group("info").split()[0].lstrip(".").lower(),
                    code="\n".join(body) + "\n",
                    preceding="\n".join(lines[after_previous:index]),
                )
            )
        index = after_previous = end + 1
    return found


def runnable(path: Path) -> list[Sample]:
    return [sample for sample in samples(path) if sample.language in RUN_FENCES]


# -- running samples ---------------------------------------------------------------------------


@contextmanager
def working_folder(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def run_python(sample: Sample, namespace: dict[str, Any]) -> None:
    # Padding keeps the line numbers of a traceback those of the Markdown file.
    code = compile("\n" * (sample.line - 1) + sample.code, str(sample.path), "exec")
    exec(code, namespace)


def run_pycon(sample: Sample, namespace: dict[str, Any]) -> None:
    test = doctest.DocTestParser().get_doctest(
        sample.code, namespace, sample.where, str(sample.path), sample.line - 1
    )
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=_OPTIONS)
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # a DocTest runs in a copy of the namespace it is given
    assert runner.failures == 0, f"{sample.where}: doctest failed\n" + "".join(report)


def console_commands(sample: Sample) -> list[tuple[int, str, str]]:
    """The `$ command` lines of a console sample: (line, command, expected output)."""
    commands: list[tuple[int, str, list[str]]] = []
    for offset, line in enumerate(sample.code.rstrip("\n").split("\n")):
        if line.startswith("$ "):
            commands.append((sample.line + offset, line[2:], []))
        elif commands:
            commands[-1][2].append(line)
        elif line.strip():
            raise AssertionError(f"{sample.where}: console text before the first '$ ' command")
    return [(line, command, "\n".join(output).strip("\n")) for line, command, output in commands]


def run_console(sample: Sample) -> None:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("HF_DATASETS_OFFLINE", "1")
    for line, command, expected in console_commands(sample):
        result = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # interleaved, as a terminal shows them
            text=True,
            env=env,
            check=False,
            timeout=_COMMAND_TIMEOUT,
        )
        got = result.stdout.strip("\n")
        where = f"{sample.path.relative_to(REPO)}:{line}: $ {command}"
        if expected:
            assert _CHECK.check_output(expected + "\n", got + "\n", _OPTIONS), (
                f"{where}\nexpected:\n{expected}\ngot:\n{got}"
            )
        else:
            assert result.returncode == 0, f"{where}\nexit status {result.returncode}\n{got}"


RUNNERS: dict[str, Callable[[Sample, dict[str, Any]], None]] = {
    "python": run_python,
    "pycon": run_pycon,
    "console": lambda sample, _namespace: run_console(sample),
}


# -- the dataset some samples load --------------------------------------------------------------


def sandbox(tmp_path: Path, request: pytest.FixtureRequest, texts: list[str]) -> Path:
    (tmp_path / "data").symlink_to(REPO / "data", target_is_directory=True)
    if any("dataset" in text for text in texts):
        dataset: Path = request.getfixturevalue("built_dataset")
        (tmp_path / "dataset").symlink_to(dataset, target_is_directory=True)
    return tmp_path


# -- tests ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [path for path in DOCUMENTS if runnable(path)], ids=lambda path: path.name)
def test_code_samples_run_and_print_what_they_show(
    path: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    chosen = runnable(path)
    folder = sandbox(tmp_path, request, [sample.code for sample in chosen])
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    with working_folder(folder):
        for sample in chosen:
            RUNNERS[sample.language](sample, namespace)


def test_sample_extraction_finds_fences_and_their_lines(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# Title\n\n```python\nx = 1\n```\n\n!!! note\n\n    ```pycon\n    >>> x\n    1\n    ```\n\n```bash\nrm -rf /\n```\n",
        encoding="utf-8",
    )
    found = samples(page)
    assert [(s.language, s.line, s.code) for s in found] == [
        ("python", 4, "x = 1\n"),
        ("pycon", 10, ">>> x\n1\n"),
        ("bash", 15, "rm -rf /\n"),
    ]
    assert [s.language for s in runnable(page)] == ["python", "pycon"]


def test_a_doctest_that_prints_something_else_fails(tmp_path: Path) -> None:
    sample = Sample(path=REPO / "README.md", line=1, language="pycon", code=">>> 1 + 1\n3\n")
    with pytest.raises(AssertionError, match="doctest failed"):
        run_pycon(sample, {})


def test_console_output_is_checked_and_a_bare_failing_command_fails() -> None:
    passing = Sample(path=REPO / "README.md", line=1, language="console", code="$ echo 拉萨 日报\n拉萨 ...\n")
    run_console(passing)
    wrong = Sample(path=REPO / "README.md", line=1, language="console", code="$ echo 拉萨\n日报\n")
    with pytest.raises(AssertionError, match="expected"):
        run_console(wrong)
    failing = Sample(path=REPO / "README.md", line=1, language="console", code="$ false\n")
    with pytest.raises(AssertionError, match="exit status 1"):
        run_console(failing)


def test_every_docs_page_is_in_the_nav_and_every_nav_page_exists() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav_section = config.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    in_nav = set(re.findall(r":\s*([\w./-]+\.md)\s*$", nav_section, flags=re.MULTILINE))
    on_disk = {path.name for path in DOCS.glob("*.md")}
    assert sorted(on_disk - in_nav) == [], "pages missing from the nav in mkdocs.yml"
    assert sorted(in_nav - on_disk) == [], "nav pages missing from docs/"


def test_docs_site_builds_without_warnings(tmp_path: Path) -> None:
    """``mkdocs build --strict`` (a warning is an error), into a temporary folder, offline.

    A test rather than a step of tasks.py: pytest alone then runs every check,
    ``tasks.py test -k docs`` picks it out, and no ``site/`` is left in the repository.
    """
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=_COMMAND_TIMEOUT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_docstring_markup_extension_doctests_pass() -> None:
    spec = importlib.util.spec_from_file_location("sphinx_markup", DOCS / "_griffe" / "sphinx_markup.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    failures, tried = doctest.testmod(module, optionflags=_OPTIONS)
    assert (failures, tried > 0) == (0, True)


def test_concepts_page_explains_every_flag_and_no_other() -> None:
    from lhasa_corpus.models import ARTICLE_FLAGS, PAGE_FLAGS  # noqa: PLC0415 - only this test needs them

    text = (DOCS / "concepts.md").read_text(encoding="utf-8")
    flags_section = text.split("\n## Flags\n", 1)[1]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", flags_section, flags=re.MULTILINE))
    assert documented == ARTICLE_FLAGS | PAGE_FLAGS
