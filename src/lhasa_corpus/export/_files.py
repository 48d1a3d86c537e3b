"""Atomic file and folder replacement: a crash leaves the old file or none, never a torn one."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: Prefix of the temporary files and folders a write leaves only if it is killed.
TEMP_PREFIX = ".lhasa-corpus-tmp-"


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside *path*; on success it replaces *path* in one step.

    The temporary file is in the same folder, so the replacement
    (:func:`os.replace`) is a rename on one file system. On an exception it is removed and *path* is
    left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}-", dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text to *path* atomically, with ``\\n`` line ends on every platform."""
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8", newline="\n")


def staging_folder(parent: Path) -> Path:
    """A fresh temporary folder inside *parent*, for files that are swapped in later."""
    parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=parent))


def swap_folder(new: Path, final: Path) -> None:
    """Put the folder *new* where *final* is, removing the old one.

    The old folder is first renamed aside, so a crash in between leaves the
    old folder (under a temporary name) or the new one, never a mix of files.
    """
    old = None
    if final.exists():
        old = final.with_name(f"{TEMP_PREFIX}{final.name}-old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        final.replace(old)
    new.replace(final)
    if old is not None:
        shutil.rmtree(old)


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
