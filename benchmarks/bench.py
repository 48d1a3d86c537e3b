"""Throughput and peak memory of parse, build and a naive floor on a synthetic corpus.

    python benchmarks/bench.py                      # 1,000 pages, growth to 10,000, --jobs 2
    python benchmarks/bench.py --pages 300 --growth 10 --jobs 2
    python benchmarks/bench.py --pages 200 --growth 0 --profile
    python benchmarks/bench.py --pages 1000 --growth 0 --jobs 1 --stages 1000
    python benchmarks/bench.py --pages 1000 --growth 0 --repeat 3   # best of three runs each

The corpus is laid out by the renderer (see tests/synthetic.py): one file per
page, a manifest with dates and page numbers. Every measurement runs in its
own subprocess, so each peak (``ru_maxrss``) is its own; worker processes are
reported separately. Prints numbers; asserts nothing.

- *floor*: read each file, split it at datelines, join its lines, write one
  JSON line per page: the least any parser must do;
- *parse*: what ``lhasa-corpus parse`` does: parse every page, write one JSON
  line per article;
- *build*: what ``lhasa-corpus build`` does: parse and write the dataset folder
  (Parquet tables, card, manifest.json).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import functools
import json
import os
import platform
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.synthetic, the renderer-based corpus writer

# A dateline opens with a source ending in 讯 and a bracket: where the floor cuts articles.
_DATELINE = re.compile(r"(?=\S{0,8}讯[（(])")
#: ru_maxrss is in KiB on Linux, in bytes on macOS.
_KIB = 1024 if sys.platform == "darwin" else 1
#: Rendered page texts are reused after this many pages: rendering is slower than parsing.
DISTINCT_PAGES = 200


def main() -> None:
    options = _options()
    if options.measure:
        print(json.dumps(_measure(options.measure, Path(options.corpus), Path(options.out), options.jobs)))
        return
    work = Path(options.keep or tempfile.mkdtemp(prefix="lhasa-bench-"))
    print(_machine())
    sizes = [options.pages] + ([options.pages * options.growth] if options.growth > 1 else [])
    corpora = {size: _corpus(work, size) for size in sizes}
    if options.profile:
        _profile(corpora[options.pages])
    if options.stages:
        _stages(corpora[options.pages], options.stages)
    rows: dict[tuple[str, int, int], dict[str, Any]] = {}
    plan = [(kind, size, 1) for size in sizes for kind in ("floor", "parse", "build")]
    if options.jobs > 1:
        plan += [("parse", options.pages, options.jobs), ("build", options.pages, options.jobs)]
    header = f"{'measure':<8}{'pages':>8}{'jobs':>5}{'s':>9}{'MB/s':>8}{'pages/s':>9}"
    print(f"{header}{'peak MB':>9}{'workers MB':>11}")
    for kind, size, jobs in plan:
        runs = [
            _run_measurement(kind, corpora[size], work / f"{kind}-{size}-{jobs}", jobs)
            for _ in range(options.repeat)
        ]
        # The fastest run is the one least disturbed by the rest of the machine.
        row = min(runs, key=lambda run: run["seconds"])
        row["megabytes"] = _megabytes(corpora[size])
        rows[kind, size, jobs] = row
        print(
            f"{kind:<8}{row['pages']:>8}{jobs:>5}{row['seconds']:>9.2f}"
            f"{row['megabytes'] / row['seconds']:>8.2f}{row['pages'] / row['seconds']:>9.1f}"
            f"{row['peak_mb']:>9.0f}{row['workers_peak_mb']:>11.0f}",
            flush=True,
        )
    _ratios(rows, options.pages, sizes, options.jobs)
    if not options.keep:
        print(f"(corpus and outputs in {work}; remove it when done)")


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1_000, help="pages in the corpus (up to 30,000)")
    parser.add_argument("--growth", type=int, default=10, help="also measure GROWTH x pages (0: do not)")
    parser.add_argument("--jobs", type=int, default=2, help="also measure parse and build with JOBS workers")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per measurement")
    parser.add_argument("--profile", action="store_true", help="print where parse time goes (cProfile)")
    parser.add_argument(
        "--stages",
        type=int,
        metavar="N",
        default=0,
        help="print ms/page per stage of the parse, from a profile of N pages (0: do not)",
    )
    parser.add_argument("--keep", metavar="DIR", help="write corpora and outputs here, and keep them")
    parser.add_argument("--measure", choices=("floor", "parse", "build"), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    return parser.parse_args()


def _machine() -> str:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs, "
        f"load average {load}"
    )


def _corpus(work: Path, pages: int) -> Path:
    from tests.synthetic import write_corpus  # noqa: PLC0415 - needs the repo root on sys.path

    folder = work / f"corpus-{pages}"
    if not (folder / "manifest.csv").is_file():
        started = time.perf_counter()
        write_corpus(folder, pages, distinct=min(pages, DISTINCT_PAGES))
        seconds = time.perf_counter() - started
        print(f"wrote {pages} pages ({_megabytes(folder):.1f} MB) to {folder} in {seconds:.0f} s", flush=True)
    return folder


def _megabytes(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.glob("*.txt")) / 1e6


def _run_measurement(kind: str, corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus), "--out", str(out)]
    done = subprocess.run([*command, "--jobs", str(jobs)], capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _measure(kind: str, corpus: Path, out: Path, jobs: int) -> dict[str, Any]:
    """Runs in a fresh process: time one job and report this process's peak memory."""
    run: Callable[[Path, Path, int], int] = {"floor": _floor, "parse": _parse, "build": _build}[kind]
    if kind != "floor":  # imports are not what is measured
        import lhasa_corpus.export.build  # noqa: PLC0415
        import lhasa_corpus.parallel  # noqa: F401, PLC0415
    started = time.perf_counter()
    pages = run(corpus, out, jobs)
    seconds = time.perf_counter() - started
    return {
        "pages": pages,
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _KIB / 1024,
        "workers_peak_mb": _WORKER_PEAK_MB[0],
    }


def _floor(corpus: Path, out: Path, jobs: int) -> int:
    pages = 0
    with out.with_suffix(".jsonl").open("w", encoding="utf-8") as sink:
        for name in _manifest_files(corpus):
            text = (corpus / name).read_bytes().decode("utf-8")
            for page in text.split("\f"):
                if not page.strip():
                    continue
                articles = ["".join(part.split("\n")) for part in _DATELINE.split(page) if part.strip()]
                sink.write(json.dumps({"file": name, "articles": articles}, ensure_ascii=False) + "\n")
                pages += 1
    return pages


def _parse(corpus: Path, out: Path, jobs: int) -> int:
    from lhasa_corpus.parallel import map_pages  # noqa: PLC0415 - imported inside the measurement

    pages = 0
    with out.with_suffix(".jsonl").open("w", encoding="utf-8") as sink:
        if jobs == 1:
            results = map_pages(_article_lines, [corpus], jobs=1, on_error=_ignore)
        else:
            results = _peaks(map_pages(functools.partial(_with_peak, _article_lines), [corpus], jobs=jobs))
        for lines in results:
            sink.write(lines)
            pages += 1
    return pages


_WORKER_PEAK_MB = [0.0]


def _peaks(results: Iterator[tuple[Any, float]]) -> Iterator[Any]:
    for result, peak in results:
        _WORKER_PEAK_MB[0] = max(_WORKER_PEAK_MB[0], peak)
        yield result


def _article_lines(page: Any) -> str:
    """What ``lhasa-corpus parse`` writes for one page (run in the workers with --jobs)."""
    from lhasa_corpus.records import article_record  # noqa: PLC0415 - workers import it once

    lines = (json.dumps(article_record(article), ensure_ascii=False) + "\n" for article in page.articles)
    return "".join(lines)


def _with_peak(function: Callable[[Any], Any], page: Any) -> tuple[Any, float]:
    """*function(page)* and the peak memory of the worker that ran it, in MB (forkserver
    workers are not this process's children, so RUSAGE_CHILDREN cannot see them)."""
    return function(page), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / _KIB / 1024


def _build(corpus: Path, out: Path, jobs: int) -> int:
    from lhasa_corpus.export import build  # noqa: PLC0415 - imported inside the measurement
    from lhasa_corpus.parallel import map_pages  # noqa: PLC0415

    if jobs > 1:
        # build_dataset(..., jobs=N) with the workers' peak memory recorded on the way.
        def parallel(report: Callable[[Any], None]) -> Iterator[Any]:
            return _peaks(
                map_pages(functools.partial(_with_peak, _same), [corpus], jobs=jobs, on_error=report)
            )

        summary = build.write_dataset(parallel, out, on_error=_ignore)
    else:
        summary = build.build_dataset([corpus], out, on_error=_ignore)
    return summary.pages


def _same(page: Any) -> Any:
    return page


def _manifest_files(corpus: Path) -> list[str]:
    with (corpus / "manifest.csv").open(encoding="utf-8") as stream:
        return [row["file"] for row in csv.DictReader(stream)]


def _ignore(error: Exception) -> None:
    """The synthetic corpus has no bad files."""


def _ratios(
    rows: dict[tuple[str, int, int], dict[str, Any]], pages: int, sizes: list[int], jobs: int
) -> None:
    def seconds(kind: str, size: int = pages, jobs: int = 1) -> float:
        return float(rows[kind, size, jobs]["seconds"])

    print()
    print(f"parse / floor time:  {seconds('parse') / seconds('floor'):6.1f}x   (target <= 8x)")
    print(f"build / parse time:  {seconds('build') / seconds('parse'):6.2f}x   (target <= 1.15x)")
    if len(sizes) > 1:
        big = sizes[1]
        for kind in ("floor", "parse", "build"):
            time_growth = seconds(kind, big) / seconds(kind)
            memory = rows[kind, big, 1]["peak_mb"] / rows[kind, pages, 1]["peak_mb"]
            print(
                f"{kind:<6} {pages} -> {big} pages: time x{time_growth:5.1f}, peak memory x{memory:4.2f}"
                "   (target: memory <= 1.1x)"
            )
    if jobs > 1:
        for kind in ("parse", "build"):
            speedup = seconds(kind) / seconds(kind, jobs=jobs)
            target = "1.8x" if kind == "parse" else "1.6x"
            print(f"{kind} --jobs {jobs} speed-up: {speedup:4.2f}x   (target >= {target} on {jobs} cores)")
        print(f"load average at the end: {', '.join(f'{load:.2f}' for load in os.getloadavg())}")


def _profiled_parse(corpus: Path, pages: int) -> tuple[cProfile.Profile, int]:
    """A profile of parsing the first *pages* pages of *corpus*, and how many pages it parsed."""
    from lhasa_corpus.loaders import corpus_entries, iter_entries  # noqa: PLC0415

    entries = corpus_entries(corpus)[:pages]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in iter_entries(entries):
        pass
    profiler.disable()
    return profiler, len(entries)


def _profile(corpus: Path, pages: int = 100) -> None:
    profiler, parsed = _profiled_parse(corpus, pages)
    print(f"\nwhere parse time goes ({parsed} pages, cProfile, by own time):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)
    print("by cumulative time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(25)


#: The stage a source file's code belongs to, by the module's name; attrs builds
#: the models' __init__ in files of its own.
_STAGE_NAMES = {
    "lines": "lines (decoding, splitting)",
    "blocks": "fragments, blocks, paragraph ends",
    "normalize": "text rules (normalize)",
    "bylines": "datelines and bylines",
    "captions": "captions",
    "furniture": "furniture and continuations",
    "headlines": "headlines",
    "segments": "segmentation (units, walk)",
    "similarity": "similarity (character pairs)",
    "articles": "assembly (articles)",
    "chars": "character classes",
    "models": "models (attrs objects)",
    "ids": "IDs",
    "loaders": "loading, date inference",
}


def _stage(filename: str) -> str:
    if filename.startswith("<attrs generated"):
        return _STAGE_NAMES["models"]
    path = Path(filename)
    if "lhasa_corpus" in path.parts:
        return _STAGE_NAMES.get(path.stem, f"other lhasa_corpus ({path.stem})")
    return "outside lhasa_corpus"


def _stages(corpus: Path, pages: int) -> None:
    """Print where parse time goes, per stage: each function's own time, and the time of
    the built-in calls it makes (regular expressions, str methods), given to its stage."""
    profiler, parsed = _profiled_parse(corpus, pages)
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    seconds: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        if filename != "~":  # Python code: its own time is its stage's
            seconds[_stage(filename)] = seconds.get(_stage(filename), 0.0) + own
            continue
        for (caller_file, _, _), (_, _, edge_own, _) in callers.items():  # a built-in: its callers' stages
            seconds[_stage(caller_file)] = seconds.get(_stage(caller_file), 0.0) + edge_own
    total = sum(seconds.values())
    print(f"\nparse time per stage ({parsed} pages, cProfile; profiling slows every call alike):")
    print(f"{'stage':<36}{'ms/page':>9}{'share':>8}")
    for stage, spent in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"{stage:<36}{1000 * spent / parsed:>9.2f}{spent / total:>8.0%}")
    print(f"{'total':<36}{1000 * total / parsed:>9.2f}")


if __name__ == "__main__":
    main()
