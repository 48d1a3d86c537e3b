"""Every example script runs, and the research notebook runs top to bottom, offline.

The scripts run in a fresh temporary folder, so nothing is written into the
repository. The notebook runs with the command the docs give,
``jupyter execute examples/research_notebook.ipynb`` from the repository root,
with ``--output`` added so that the test can read what it printed.

Each runs with ``TMPDIR`` pointing at an empty folder of its own, which must be
empty again afterwards: whatever an example puts in the temporary directory, it
must remove. A folder of its own, rather than a before/after listing of the
machine's temporary directory, keeps the check exact while other programs (and
other tests) create and remove files there at the same time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.conftest import RAW, REPO

EXAMPLES = REPO / "examples"
NOTEBOOK = EXAMPLES / "research_notebook.ipynb"
#: How the docs say to run the notebook, from the repository root (docs/contributing.md).
NOTEBOOK_COMMAND = ("jupyter", "execute", "examples/research_notebook.ipynb")
#: The scripts this module runs; a new script in examples/ needs a test here.
SCRIPTS = {"parse_page.py", "query_dataset.py"}
#: Generous limits for a shared CI machine; each runs in seconds.
SCRIPT_TIMEOUT = 300
CELL_TIMEOUT = 300


def offline_env() -> dict[str, str]:
    env = dict(os.environ)
    env["HF_HUB_OFFLINE"] = "1"
    env["HF_DATASETS_OFFLINE"] = "1"
    return env


def private_tmpdir(cwd: Path) -> Path:
    """An empty folder beside *cwd* for a run's ``TMPDIR``."""
    folder = cwd.parent / f"{cwd.name}-tmpdir"
    folder.mkdir()
    return folder


def left_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def run_script(name: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    tmpdir = private_tmpdir(cwd)
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *arguments],
        cwd=cwd,
        env={**offline_env(), "MPLBACKEND": "Agg", "TMPDIR": str(tmpdir)},
        capture_output=True,
        text=True,
        check=False,
        timeout=SCRIPT_TIMEOUT,
    )
    assert left_in(tmpdir) == [], f"{name} left files in the temporary directory"
    return result


def test_every_example_script_has_a_test() -> None:
    assert {path.name for path in EXAMPLES.glob("*.py")} == SCRIPTS


def test_parse_page_prints_every_article_of_the_shipped_page(tmp_path: Path) -> None:
    result = run_script("parse_page.py", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "10 articles" in out
    assert [f"[{position}] " in out for position in range(1, 11)] == [True] * 10
    assert "headline:    堆龙德庆区第二届职业技能大赛举办" in out
    assert "photographer: 李丛芳" in out
    assert "contributor: 达瓦央宗, 实习生 (intern)" in out
    assert "nothing lost" in out
    assert "PROBLEM" not in out


def test_parse_page_reports_a_bad_file_and_parses_the_rest(tmp_path: Path) -> None:
    result = run_script("parse_page.py", "missing.txt", str(RAW), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == "parse_page.py: missing.txt: no such file"
    assert "10 articles" in result.stdout


def test_query_dataset_builds_into_the_given_folder_and_queries_it(tmp_path: Path) -> None:
    folder = tmp_path / "dataset"
    result = run_script("query_dataset.py", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (folder / "articles").is_dir()
    assert "[datasets] 10 articles" in result.stdout
    assert "[duckdb]" in result.stdout
    assert "记者" in result.stdout


def test_query_dataset_names_the_extra_when_duckdb_is_missing(tmp_path: Path) -> None:
    without_duckdb = (
        "import runpy, sys; sys.modules['duckdb'] = None; runpy.run_path(sys.argv[1], run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", without_duckdb, str(EXAMPLES / "query_dataset.py"), str(tmp_path / "dataset")],
        env=offline_env(),
        capture_output=True,
        text=True,
        check=False,
        timeout=SCRIPT_TIMEOUT,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "query_dataset.py: duckdb is missing; install the examples extra: pip install -e '.[examples]'"
    )
    assert not (tmp_path / "dataset").exists()


# -- the notebook -----------------------------------------------------------------------------


def outputs_of(notebook: Any) -> list[dict[str, Any]]:
    return [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]


def text_of(output: dict[str, Any]) -> str:
    if output["output_type"] == "stream":
        return str(output["text"])
    return str(output.get("data", {}).get("text/plain", ""))


def test_notebook_is_committed_without_outputs() -> None:
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code_cells
    assert [(cell["outputs"], cell["execution_count"]) for cell in code_cells] == [([], None)] * len(
        code_cells
    )


class NotebookRun(NamedTuple):
    notebook: Any  # nbformat.NotebookNode, with the outputs of the run
    left_in_tmpdir: list[str]
    new_in_examples: list[str]


@pytest.fixture(scope="module")
def notebook_run(tmp_path_factory: pytest.TempPathFactory) -> NotebookRun:
    """The notebook run once by the documented command, and what the run left behind."""
    nbformat = pytest.importorskip("nbformat")
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    folder = tmp_path_factory.mktemp("notebook")
    tmpdir = private_tmpdir(folder)
    executed = folder / "executed"
    examples_before = set(left_in(EXAMPLES))
    # As activating .venv would: the environment's commands first on the PATH.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    result = subprocess.run(
        [*NOTEBOOK_COMMAND, f"--output={executed}", f"--timeout={CELL_TIMEOUT}"],
        cwd=REPO,
        env={**offline_env(), "PATH": path, "TMPDIR": str(tmpdir)},
        capture_output=True,
        text=True,
        check=False,
        timeout=CELL_TIMEOUT * 4,
    )
    assert result.returncode == 0, result.stderr
    return NotebookRun(
        notebook=nbformat.read(executed.with_suffix(".ipynb"), as_version=4),
        left_in_tmpdir=left_in(tmpdir),
        new_in_examples=sorted(set(left_in(EXAMPLES)) - examples_before),
    )


def test_notebook_runs_top_to_bottom_offline(notebook_run: NotebookRun) -> None:
    outputs = outputs_of(notebook_run.notebook)
    assert not [output for output in outputs if output["output_type"] == "error"]
    figures = [output for output in outputs if "image/png" in output.get("data", {})]
    assert len(figures) == 3
    text = "\n".join(text_of(output) for output in outputs)
    assert "10 articles on 1 page in 1 issue" in text
    assert "in pandas (rows, columns): articles (10, " in text
    # The title + name extractor on the example of the issue, and on the whole page.
    assert "('占堆', '市委常委、常务副市长', '常务副市长')" in text
    assert "普布次仁" in text
    assert "自治区司法厅普法与依法治理处副处长" in text
    assert "在西藏" not in text  # 总书记在西藏视察: 在 opens no name
    assert "figure labels:" in text


def test_notebook_leaves_nothing_in_the_temporary_directory_or_beside_itself(
    notebook_run: NotebookRun,
) -> None:
    assert (notebook_run.left_in_tmpdir, notebook_run.new_in_examples) == ([], [])


def test_docs_name_the_command_that_runs_the_notebook() -> None:
    contributing = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    assert " ".join(NOTEBOOK_COMMAND) in contributing
    assert "nbconvert" not in contributing  # not installed by any extra
