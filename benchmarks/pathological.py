"""Parse time of pathological pages at 1x, 2x and 4x their size, and how it grows per doubling.

    python benchmarks/pathological.py                    # every shape, base sizes below
    python benchmarks/pathological.py --scale 0.25       # a quick look: a quarter of each size
    python benchmarks/pathological.py --line-mb 50       # the 50 MB-class unpunctuated line (slow)
    python benchmarks/pathological.py --shape tiny-lines --shape datelines
    python benchmarks/pathological.py --repeat 3         # best of three runs each, on a busy machine

Five shapes, each one page in one file, parsed by ``load_file`` as
``lhasa-corpus parse`` parses it:

- *datelines*: a page made of nothing but datelines with a short body each
  (拉萨融媒讯（记者…）…。), the densest page of articles there can be;
- *prose*: one huge page of wrapped prose paragraphs and no form feed;
- *line*: one line of Chinese text without punctuation, white space or line
  break (``--line-mb`` sets its base size; a real 50 MB line is ``--line-mb 50``);
- *latin-line*: the same of Latin letters and digits (``--latin-kb`` sets its
  base size, in kilobytes: a quadratic rule makes megabytes take hours);
- *tiny-lines*: a page of one-character lines.

Each size is parsed in its own subprocess, so each time and peak (ru_maxrss)
is its own. A parser linear in the page's size takes twice as long for twice
the page: the growth per doubling is about 2.0; anything above
:data:`LINEAR_ENOUGH` is printed with a ``!`` (quadratic work gives 4.0).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

REPO = Path(__file__).resolve().parent.parent
#: Growth per doubling of the size still taken as linear (timing noise included).
LINEAR_ENOUGH: Final = 2.3
#: Bytes in a unit of ru_maxrss: KiB on Linux, bytes on macOS.
_MAXRSS_UNIT: Final = 1 if sys.platform == "darwin" else 1024
_PROSE: Final = (
    "为进一步畅通金融机构与企业间沟通合作渠道，拉萨市金融助力经济高质量发展对接会日前举行。"
    "会上，各金融机构介绍了信贷产品和服务措施，企业代表就融资需求作了交流。"
    "堆龙德庆区第二届职业技能大赛在桑木社区举办，各选手同台竞技，展示技能风采。"
)
_BARE: Final = "".join(ch for ch in _PROSE if ch not in "，。、；：")


def datelines(units: float) -> str:
    """A page of datelines, 2,000 of them per unit, each with a one-sentence body."""
    count = int(2_000 * units)
    return "".join(
        f"拉萨融媒讯（记者次仁卓玛、通讯员{index}号）{_PROSE[index % 40 : index % 40 + 24]}。\n\n"
        for index in range(count)
    )


def prose(units: float) -> str:
    """About 1 MB of prose per unit, in paragraphs wrapped at 20 characters, no form feed."""
    target = int(1_000_000 * units) // 3  # three bytes per character in UTF-8
    lines = []
    size = 0
    paragraph = 0
    while size < target:
        text = _PROSE[paragraph % 17 :] + _PROSE[: paragraph % 17]
        wrapped = [text[start : start + 20] for start in range(0, len(text), 20)]
        lines += [*wrapped, ""]
        size += len(text) + len(wrapped) + 1
        paragraph += 1
    return "\n".join(lines)


def line(units: float, megabytes: float) -> str:
    """One line of *megabytes* MB per unit without punctuation, white space or line break."""
    characters = int(megabytes * 1_000_000 * units) // 3
    return (_BARE * (characters // len(_BARE) + 1))[:characters]


def latin_line(units: float, kilobytes: float) -> str:
    """One line of *kilobytes* KB per unit of Latin letters and digits, without white space or punctuation."""
    characters = int(kilobytes * 1_000 * units)
    return ("Lhasa2025Daily0916" * (characters // 18 + 1))[:characters]


def tiny_lines(units: float) -> str:
    """100,000 one-character lines per unit."""
    count = int(100_000 * units)
    return "\n".join(_BARE[index % len(_BARE)] for index in range(count)) + "\n"


def main() -> None:
    options = _options()
    shapes: dict[str, Callable[[float], str]] = {
        "datelines": datelines,
        "prose": prose,
        "line": lambda units: line(units, options.line_mb),
        "latin-line": lambda units: latin_line(units, options.latin_kb),
        "tiny-lines": tiny_lines,
    }
    if options.measure:
        print(json.dumps(_measure(Path(options.measure))))
        return
    chosen = options.shape or list(shapes)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(f"{'shape':<12}{'size':>6}{'MB':>8}{'s':>9}{'peak MB':>9}{'growth':>8}")
    worst: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="lhasa-pathological-") as work:
        for shape in chosen:
            previous: float | None = None
            for factor in (1, 2, 4):
                path = Path(work) / f"{shape}-{factor}.txt"
                path.write_text(shapes[shape](factor * options.scale), encoding="utf-8")
                # The fastest run is the one least disturbed by the rest of the machine.
                row = min((_run(path) for _ in range(options.repeat)), key=lambda run: run["seconds"])
                growth = "" if previous is None else f"{row['seconds'] / max(previous, 1e-6):.2f}"
                if previous is not None:
                    ratio = row["seconds"] / max(previous, 1e-6)
                    worst[shape] = max(worst.get(shape, 0.0), ratio)
                    growth += "!" if ratio > LINEAR_ENOUGH else ""
                print(
                    f"{shape:<12}{factor:>5}x{path.stat().st_size / 1e6:>8.2f}{row['seconds']:>9.2f}"
                    f"{row['peak_mb']:>9.0f}{growth:>8}",
                    flush=True,
                )
                previous = row["seconds"]
                path.unlink()
    print("growth per doubling (worst of 1x->2x and 2x->4x; linear is about 2.0, quadratic 4.0):")
    for shape, ratio in worst.items():
        verdict = "ok" if ratio <= LINEAR_ENOUGH else f"above {LINEAR_ENOUGH}"
        print(f"  {shape:<12}{ratio:>6.2f}  {verdict}")


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size by this")
    parser.add_argument("--line-mb", type=float, default=2.0, help="base size of the one-line page, in MB")
    parser.add_argument(
        "--latin-kb", type=float, default=20.0, help="base size of the Latin one-line page, in KB"
    )
    parser.add_argument(
        "--shape",
        action="append",
        choices=("datelines", "prose", "line", "latin-line", "tiny-lines"),
        help="measure only this shape (repeatable)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs per measurement")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    return parser.parse_args()


def _run(path: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", str(path)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    measured: dict[str, float] = json.loads(result.stdout)
    return measured


def _measure(path: Path) -> dict[str, float]:
    from lhasa_corpus import load_file  # noqa: PLC0415 - imported in the measuring subprocess only

    started = time.perf_counter()
    pages = list(load_file(path, max_bytes=path.stat().st_size + 1))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _MAXRSS_UNIT / 2**20
    return {"seconds": seconds, "peak_mb": peak, "pages": len(pages)}


if __name__ == "__main__":
    main()
