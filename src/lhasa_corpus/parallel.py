"""Pages from files, folders and manifests, parsed by several processes, in the serial order.

:func:`iter_pages_parallel` gives exactly what :func:`~lhasa_corpus.loaders.iter_pages`
gives — the same pages in the same order, the same errors reported to *on_error*
at the same places — but parses the files in a pool of worker processes:

- *Ordered.* Files are cut into chunks of consecutive manifest entries; chunks
  are handed out in order and their results are yielded in order, however
  the workers finish.
- *Bounded.* At most ``2 * jobs`` chunks are in flight (submitted or done but
  not yet consumed), so memory does not grow with the corpus, only with
  *chunk_size*.
- *Spawn-safe.* Workers are started with ``forkserver`` (``spawn`` where that
  is missing) and receive only module-level functions and plain data, so the
  pool works the same on Linux, macOS and Windows and in a threaded parent.
- *Whole files.* A file is parsed whole in one worker: it gives all its pages
  or one error, as in the serial loader.
- *No orphans.* Each worker watches a pipe from the parent process and exits
  when the parent is gone, however it ended (even by ``SIGKILL``), so a killed
  build leaves no workers behind; the forkserver then exits with them.

Folders and manifests are read in the parent (that is cheap); only the raw
files are read and parsed in the workers. :func:`map_pages` also runs a
function on each page in the worker, so that, for example, the JSON encoding
of ``lhasa-corpus parse`` is parallel too.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Final, TypeVar

from lhasa_corpus.errors import InputError, ManifestError
from lhasa_corpus.loaders import (
    MAX_FILE_BYTES,
    ErrorHandler,
    ManifestEntry,
    iter_entries,
    iter_pages,
    walk_inputs,
)
from lhasa_corpus.models import Page

T = TypeVar("T")

#: Raw files handed to a worker at once: enough to make the hand-over cheap
#: next to parsing, few enough to keep every worker busy to the end.
CHUNK_SIZE: Final = 8
#: Chunks in flight per worker: one being parsed, one waiting, so no worker idles.
CHUNKS_PER_JOB: Final = 2

EntryOrPath = ManifestEntry | str | Path

# What a worker sends back per entry: the results of its pages, or the error
# as (class, source, problem, line) -- InputError does not survive pickling
# itself, because its constructor takes other arguments than its message.
_ErrorParts = tuple[type[InputError], str, str, int | None]
_Outcome = tuple[list[T], _ErrorParts | None]
_Item = ManifestEntry | _ErrorParts


def iter_pages_parallel(
    entries_or_paths: Iterable[EntryOrPath],
    *,
    jobs: int,
    on_error: ErrorHandler | None = None,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = MAX_FILE_BYTES,
) -> Iterator[Page]:
    """The pages of *entries_or_paths*, parsed by *jobs* processes, in the serial loader's order.

    *entries_or_paths* holds :class:`~lhasa_corpus.loaders.ManifestEntry` rows
    and raw files, corpus folders or manifests, as
    :func:`~lhasa_corpus.loaders.iter_entries` and
    :func:`~lhasa_corpus.loaders.iter_pages` take them. With *jobs* 1 those
    serial iterators are used as they are. *on_error* works as there: called
    with each unusable file's :class:`~lhasa_corpus.errors.InputError` at its
    place in the order, or, without it, the error is raised there.

    >>> list(iter_pages_parallel([], jobs=2))
    []
    >>> iter_pages_parallel([], jobs=0)
    Traceback (most recent call last):
    ...
    ValueError: 'jobs' must be >= 1 (got 0)
    """
    return map_pages(
        _same, entries_or_paths, jobs=jobs, on_error=on_error, chunk_size=chunk_size, max_bytes=max_bytes
    )


def map_pages(
    function: Callable[[Page], T],
    entries_or_paths: Iterable[EntryOrPath],
    *,
    jobs: int,
    on_error: ErrorHandler | None = None,
    chunk_size: int = CHUNK_SIZE,
    max_bytes: int = MAX_FILE_BYTES,
) -> Iterator[T]:
    """``function(page)`` for each page, computed in the workers, in the serial loader's order.

    *function* must be picklable: a module-level function or a
    :func:`functools.partial` of one. Otherwise as :func:`iter_pages_parallel`.
    Raises :class:`ValueError` for *jobs* or *chunk_size* below 1.
    """
    if jobs < 1:
        raise ValueError(f"'jobs' must be >= 1 (got {jobs})")
    if chunk_size < 1:
        raise ValueError(f"'chunk_size' must be >= 1 (got {chunk_size})")
    if jobs == 1:
        return _map_serial(function, entries_or_paths, on_error, max_bytes)
    return _map_pool(function, entries_or_paths, jobs, on_error, chunk_size=chunk_size, max_bytes=max_bytes)


def expand_entries(
    entries_or_paths: Iterable[EntryOrPath], *, on_error: ErrorHandler | None = None
) -> Iterator[ManifestEntry]:
    """The manifest entries behind *entries_or_paths*, in order: what the workers are given.

    A folder gives its entries (:func:`~lhasa_corpus.loaders.corpus_entries`),
    a ``manifest.csv`` its rows, and a raw file an entry of its own that loads
    exactly as :func:`~lhasa_corpus.loaders.iter_pages` loads the file. A
    folder or manifest that cannot be read is reported to *on_error* (or
    raised) and skipped.

    >>> [entry.name for entry in expand_entries(["p1.txt", "p2.txt"])]
    ['p1.txt', 'p2.txt']
    """
    for item in _work_items(entries_or_paths):
        if isinstance(item, ManifestEntry):
            yield item
        elif on_error is None:
            raise _rebuild_error(item)
        else:
            on_error(_rebuild_error(item))


def _work_items(
    entries_or_paths: Iterable[EntryOrPath], *, max_bytes: int = MAX_FILE_BYTES
) -> Iterator[ManifestEntry | _ErrorParts]:
    """Entries, and in their place the folders, manifests and rows that could not be used."""
    for item in entries_or_paths:
        if isinstance(item, ManifestEntry):
            yield item
            continue
        for found in walk_inputs([item], max_bytes=max_bytes):
            yield found if isinstance(found, ManifestEntry) else _error_parts(found)


def _same(page: Page) -> Page:
    return page


def _map_serial(
    function: Callable[[Page], T],
    entries_or_paths: Iterable[EntryOrPath],
    on_error: ErrorHandler | None,
    max_bytes: int,
) -> Iterator[T]:
    """The serial loaders themselves, one item at a time, so nothing can differ."""
    for item in entries_or_paths:
        if isinstance(item, ManifestEntry):
            pages = iter_entries([item], on_error=on_error, max_bytes=max_bytes)
        else:
            pages = iter_pages([item], on_error=on_error, max_bytes=max_bytes)
        for page in pages:
            yield function(page)


def _map_pool(
    function: Callable[[Page], T],
    entries_or_paths: Iterable[EntryOrPath],
    jobs: int,
    on_error: ErrorHandler | None,
    *,
    chunk_size: int,
    max_bytes: int,
) -> Iterator[T]:
    # Errors of folders and manifests travel in the chunks too, so that they
    # are reported at their place in the order, after the pages before them.
    chunks = _chunks(_work_items(entries_or_paths, max_bytes=max_bytes), chunk_size)
    pending: collections.deque[Future[list[_Outcome[T]]]] = collections.deque()
    context = _context()
    # Only this process holds the writing end; the workers see the reading end close when it exits.
    parent_alive, alive = context.Pipe(duplex=False)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_exit_with_parent, initargs=(parent_alive,)
    )
    try:
        for chunk in chunks:
            pending.append(pool.submit(_parse_chunk, function, chunk, max_bytes))
            if len(pending) >= CHUNKS_PER_JOB * jobs:
                yield from _outcomes(pending.popleft().result(), on_error)
        while pending:
            yield from _outcomes(pending.popleft().result(), on_error)
    finally:
        # Also reached when the consumer stops early or an error is raised:
        # drop the chunks not started yet rather than parse them for nobody.
        pool.shutdown(wait=True, cancel_futures=True)
        alive.close()
        parent_alive.close()


def _exit_with_parent(parent_alive: Connection) -> None:
    """Runs in each worker as it starts: end the worker as soon as the parent process is gone.

    The parent never writes to the pipe; reading it returns only when the
    parent's end closes, which the system does when the parent exits, even
    when it is killed. Without this, a killed parent's workers (and the
    forkserver, which waits for them) would live on, idle, holding their memory.
    Ctrl-C is left to the parent, which stops the pool in order (a worker
    would print a traceback of its own).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def wait() -> None:
        with contextlib.suppress(EOFError, OSError):
            parent_alive.recv_bytes()
        os._exit(1)

    threading.Thread(target=wait, name="lhasa-corpus-parent-watch", daemon=True).start()


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parse_chunk(function: Callable[[Page], T], chunk: list[_Item], max_bytes: int) -> list[_Outcome[T]]:
    """Runs in a worker: each entry's results, or its error, through the serial loader."""
    outcomes: list[_Outcome[T]] = []
    for entry in chunk:
        if not isinstance(entry, ManifestEntry):
            outcomes.append(([], entry))
            continue
        errors: list[InputError] = []
        pages = iter_entries([entry], on_error=errors.append, max_bytes=max_bytes)
        results = [function(page) for page in pages]
        outcomes.append((results, _error_parts(errors[0]) if errors else None))
    return outcomes


def _outcomes(outcomes: list[_Outcome[T]], on_error: ErrorHandler | None) -> Iterator[T]:
    for results, error in outcomes:
        if error is not None:
            rebuilt = _rebuild_error(error)
            if on_error is None:
                raise rebuilt
            on_error(rebuilt)
        yield from results


def _error_parts(error: InputError) -> _ErrorParts:
    line = error.line if isinstance(error, ManifestError) else None
    return (type(error), error.source, error.problem, line)


def _rebuild_error(parts: _ErrorParts) -> InputError:
    kind, source, problem, line = parts
    if issubclass(kind, ManifestError):
        return kind(source.removesuffix(f":{line}") if line is not None else source, problem, line=line)
    return kind(source, problem)


__all__ = ["CHUNK_SIZE", "expand_entries", "iter_pages_parallel", "map_pages"]
