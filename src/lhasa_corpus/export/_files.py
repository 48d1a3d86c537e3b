"""Small file helpers: atomic replacement of one file, hashing, and the names of temporary files."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

#: Prefix of the temporary files and folders a write leaves only if it is killed.
TEMP_PREFIX: Final = ".lhasa-corpus-tmp-"


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside *path*; on success it replaces *path* in one step.

    The temporary file is in the same folder, so the replacement
    (:func:`os.replace`) is a rename on one file system. It gets the
    permissions a new file gets under the umask (``mkstemp`` would leave it
    readable by its owner only). On an exception it is removed and *path* is
    left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}-", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, 0o666 & ~umask())
    finally:
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


def umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
