"""``iter_pages_parallel`` / ``map_pages``: the serial loader's output, in its order, from a process pool."""

from __future__ import annotations

import functools
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from lhasa_corpus.errors import InputError
from lhasa_corpus.loaders import ManifestEntry, corpus_entries, iter_pages
from lhasa_corpus.models import Page
from lhasa_corpus.parallel import iter_pages_parallel, map_pages
from tests.processes import HAVE_PROC, running_with_workers, wait_until_gone
from tests.synthetic import dated_copies, write_corpus

Event = tuple[str, object]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seven files of two short pages each, and one undecodable file among them."""
    folder = tmp_path_factory.mktemp("corpus")
    return write_corpus(folder, 14, pages_per_file=2, distinct=6, bad_files=1, articles=(2, 3))


def events(load: Callable[[Callable[[InputError], None]], Iterable[Page]]) -> list[Event]:
    """Pages and reported errors in the order the consumer meets them."""
    seen: list[Event] = []
    for page in load(lambda error: seen.append(("error", (type(error), str(error))))):
        seen.append(("page", page))
    return seen


def test_jobs_2_gives_the_serial_pages_and_errors_in_the_serial_order(corpus: Path) -> None:
    serial = events(lambda on_error: iter_pages([corpus], on_error=on_error))
    parallel = events(lambda on_error: iter_pages_parallel([corpus], jobs=2, on_error=on_error, chunk_size=1))
    assert parallel == serial
    assert [kind for kind, _ in serial].count("error") == 1
    assert sum(kind == "page" for kind, _ in serial) == 14


def test_order_holds_when_chunks_outnumber_the_in_flight_window(corpus: Path) -> None:
    entries = corpus_entries(corpus) * 2  # 16 chunks of one file against a window of 4
    serial = [page.page_id for page in _pages(iter_pages_parallel(entries, jobs=1, on_error=_ignore))]
    parallel = [page.page_id for page in iter_pages_parallel(entries, jobs=2, on_error=_ignore, chunk_size=1)]
    assert parallel == serial
    assert len(parallel) == 28


def test_unreadable_folders_and_manifests_are_reported_at_their_place(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "manifest.csv").write_text("file,paper\nx.txt,拉萨日报\n", encoding="utf-8")
    first, *rest = corpus_entries(corpus)
    items: list[ManifestEntry | str | Path] = [
        first,
        tmp_path / "bad",
        str(tmp_path / "missing" / "manifest.csv"),
        rest[0].path,
        tmp_path / "no-such-page.txt",
        *rest[1:3],
    ]
    serial = events(lambda on_error: _serial(items, on_error))
    parallel = events(lambda on_error: iter_pages_parallel(items, jobs=2, on_error=on_error, chunk_size=2))
    assert parallel == serial
    kinds = ["page"] * 2 + ["error"] * 2 + ["page"] * 2 + ["error"] + ["page"] * 4
    assert [kind for kind, _ in serial] == kinds


def test_without_on_error_the_first_bad_file_is_raised_after_the_pages_before_it(corpus: Path) -> None:
    def until_error(pages: Iterator[Page]) -> tuple[list[str], str]:
        seen: list[str] = []
        try:
            for page in pages:
                seen.append(page.page_id)
        except InputError as error:
            return seen, str(error)
        raise AssertionError("no InputError was raised")

    serial = until_error(iter_pages([corpus]))
    assert serial[0], "the bad file is not the first"
    assert until_error(iter_pages_parallel([corpus], jobs=2, chunk_size=1)) == serial


def test_map_pages_runs_the_function_in_the_workers_and_keeps_the_order(corpus: Path) -> None:
    serial = [page.page_id for page in iter_pages([corpus], on_error=_ignore)]
    tagged = list(map_pages(functools.partial(_id_and_process, "id"), [corpus], jobs=2, on_error=_ignore))
    assert [page_id for _, page_id, _ in tagged] == serial
    assert {tag for tag, _, _ in tagged} == {"id"}
    assert os.getpid() not in {pid for _, _, pid in tagged}


def test_a_consumer_that_stops_early_does_not_wait_for_the_rest(corpus: Path) -> None:
    pages = iter_pages_parallel(corpus_entries(corpus) * 20, jobs=2, on_error=_ignore, chunk_size=1)
    first = list(itertools.islice(pages, 3))
    pages.close()  # type: ignore[attr-defined]  # it is a generator
    assert [page.page_id for page in first] == [
        page.page_id for page in itertools.islice(iter_pages([corpus], on_error=_ignore), 3)
    ]


@pytest.mark.parametrize(("jobs", "chunk_size", "name"), [(0, 1, "jobs"), (2, 0, "chunk_size")])
def test_jobs_and_chunk_size_below_one_are_refused(jobs: int, chunk_size: int, name: str) -> None:
    with pytest.raises(ValueError, match=f"'{name}' must be >= 1"):
        iter_pages_parallel([], jobs=jobs, chunk_size=chunk_size)


def _id_and_process(tag: str, page: Page) -> tuple[str, str, int]:
    return tag, page.page_id, os.getpid()


def _serial(
    items: Iterable[ManifestEntry | str | Path], on_error: Callable[[InputError], None]
) -> Iterator[Page]:
    """What a user gets from the serial loaders for the same mixed items."""
    from lhasa_corpus.loaders import iter_entries  # noqa: PLC0415 - kept next to its one use

    for item in items:
        if isinstance(item, ManifestEntry):
            yield from iter_entries([item], on_error=on_error)
        else:
            yield from iter_pages([item], on_error=on_error)


def _pages(pages: Iterable[Page]) -> list[Page]:
    return list(pages)


def _ignore(error: InputError) -> None:
    """Errors are checked in the tests that are about them."""


@pytest.mark.skipif(not HAVE_PROC, reason="reads the process tree from /proc")
def test_killing_the_parent_of_a_jobs_build_stops_its_workers(tmp_path: Path) -> None:
    dates = [f"2025-{month:02d}-{day:02d}" for month in range(1, 5) for day in range(1, 21)]
    corpus = dated_copies(tmp_path / "corpus", *dates)  # eighty pages: seconds of work for two workers
    arguments = ["build", str(corpus), "--out", str(tmp_path / "dataset"), "--jobs", "2", "--quiet"]
    with running_with_workers(arguments) as (build, workers):
        assert len(workers) >= 4, "the build ended before its workers were seen"
        build.kill()
        build.wait()
        assert wait_until_gone(workers) == set()
