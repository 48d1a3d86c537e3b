"""Set-up and checks in one file, for a fresh machine with only Python 3.11+ and git.

    python3 tasks.py build   # make .venv, install lhasa-corpus[hf], build the dataset from data/raw/
    python3 tasks.py test    # make .venv, install the dev tools (and Chromium, as root), run ruff,
                             # mypy --strict, pytest and mkdocs

Each task creates the virtual environment ``.venv`` on first use and
installs into it, so nothing touches the system Python. Extra arguments after
``test`` go to pytest; after ``build``, to ``lhasa-corpus build``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    printable = " ".join(str(part) for part in command)
    print(f"$ {printable}", flush=True)
    result = subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        sys.exit(f"tasks.py: '{printable}' failed with exit status {result.returncode}")


def _ensure_venv(extras: str) -> None:
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
        _run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(BIN / "python", "-m", "pip", "install", "--quiet", "--editable", f".[{extras}]")


def _offline_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("HF_DATASETS_OFFLINE", "1")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


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
    """Install the dev tools and Chromium, and run every check CI runs."""
    _ensure_venv("dev")
    _ensure_chromium()
    env = _offline_env()
    linted = [
        name for name in ("src", "tests", "examples", "benchmarks", "tasks.py") if (ROOT / name).exists()
    ]
    _run(BIN / "ruff", "check", *linted, env=env)
    _run(BIN / "mypy", env=env)
    _run(BIN / "python", "-m", "pytest", *arguments, env=env)
    site = ROOT / "site"
    _run(BIN / "mkdocs", "build", "--strict", "--site-dir", site, env={**env, "NO_MKDOCS_2_WARNING": "1"})


TASKS = {"build": build, "test": test}


def main() -> None:
    """Run the task named on the command line."""
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{','.join(TASKS)}}} [arguments...]")
    TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
