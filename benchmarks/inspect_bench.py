"""How long ``lhasa-corpus inspect`` takes next to ``lhasa-corpus parse`` on a synthetic corpus.

    python benchmarks/inspect_bench.py                       # 1,000 pages, best of three
    python benchmarks/inspect_bench.py --pages 200 --repeat 1

The corpus is the one benchmarks/bench.py lays out (tests/synthetic.py: one
file per page, a manifest, furniture on every page). Both commands run in
this process through :func:`lhasa_corpus.cli.main`, as a user runs them:
*parse* writes one JSON line per article to a file, *inspect* writes an HTML
file per page and the index. The target: inspecting takes no more than twice
as long as parsing. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.synthetic, the renderer-based corpus writer

#: Rendered page texts are reused after this many pages: rendering is slower than parsing.
DISTINCT_PAGES = 200


def main() -> None:
    options = _options()
    from tests.synthetic import write_corpus  # noqa: PLC0415 - needs the repo root on sys.path

    from lhasa_corpus.cli import main as cli  # noqa: PLC0415

    work = Path(tempfile.mkdtemp(prefix="lhasa-inspect-bench-"))
    try:
        corpus = write_corpus(work / "corpus", options.pages, distinct=min(options.pages, DISTINCT_PAGES))

        def parse() -> None:
            sink = (work / "articles.jsonl").open("w", encoding="utf-8")
            with sink, contextlib.redirect_stdout(sink):
                cli(["parse", str(corpus)])

        def inspect() -> None:
            shutil.rmtree(work / "inspect", ignore_errors=True)
            with contextlib.redirect_stdout(None):
                cli(["inspect", str(corpus), "--out", str(work / "inspect")])

        parse()  # warm up: imports and the file cache are not what is measured
        seconds = {"parse": _best(parse, options.repeat), "inspect": _best(inspect, options.repeat)}
        html = sum(path.stat().st_size for path in (work / "inspect").iterdir()) / 1e6
        for name, value in seconds.items():
            per_page = 1000 * value / options.pages
            print(f"{name:<8}{options.pages:>7} pages {value:8.2f} s {per_page:8.2f} ms/page")
        print(f"HTML written: {html:.1f} MB")
        print(f"inspect / parse time: {seconds['inspect'] / seconds['parse']:5.2f}x   (target <= 2x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _best(run: Callable[[], None], repeat: int) -> float:
    """The fastest of *repeat* runs: the one least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1_000, help="pages in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs per measurement")
    return parser.parse_args()


if __name__ == "__main__":
    main()
