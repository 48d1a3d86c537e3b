"""The dataset folder as one unit: only our files, one writer at a time, switched in one step.

A build never writes into the dataset folder ``OUT`` itself. It writes the whole new
dataset into a *stage* folder beside it, ``.OUT.lhasa-corpus-stage-XXXXXXXX``, and then
puts the stage where ``OUT`` is:

- *Switch.* Where the system can exchange two paths in one call (Linux's ``renameat2``
  with ``RENAME_EXCHANGE``, on ext4, XFS, Btrfs, tmpfs and most local file systems),
  the stage and ``OUT`` trade places in that call: a reader, or a crash, sees the old
  folder or the new one, whole. Elsewhere ``OUT`` is renamed to
  ``.OUT.lhasa-corpus-old-XXXXXXXX`` and the stage to ``OUT``; a crash between the two
  renames leaves no ``OUT``, and the next build renames the old folder back first.
- *Only our files.* The files a build wrote are the ones its ``manifest.json`` lists
  (Parquet shards with their size, the card and JSON Lines with their SHA-256). A folder
  that holds anything else is refused before anything is parsed, unless the caller
  keeps the other files: then entries at the top of ``OUT`` that are not the
  dataset's (``.git``, ``notes.md``) are moved into the new folder after the switch,
  never deleted. Inside ``articles/``, ``pages/``, ``issues/`` and ``jsonl/``, and
  under the names ``README.md`` and ``manifest.json``, only our own files are allowed.
- *One writer.* A lock file beside ``OUT`` (``.OUT.lhasa-corpus-lock``, removed at
  the end) makes a second build of the same folder fail at once.
- *Debris.* Under the lock, stage and old folders of earlier killed builds are taken
  apart: the files of ours they hold (recognised by name) are deleted, entries they
  carried for the user are moved back into ``OUT``, and anything else is left and
  reported. So are the ``.lhasa-corpus-tmp-*`` leftovers that earlier versions kept
  inside ``OUT``.

Nothing here knows the tables; :mod:`.build` and :mod:`.parquet` write into the stage.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import json
import os
import re
import secrets
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any, Final

from lhasa_corpus.errors import OutputError, printable
from lhasa_corpus.export._files import TEMP_PREFIX, sha256_of

#: The manifest a build writes, which lists its files.
MANIFEST_JSON: Final = "manifest.json"
#: The names at the top of a dataset folder that only the builder may use.
OWN_NAMES: Final = frozenset({"README.md", MANIFEST_JSON, "articles", "pages", "issues", "jsonl"})
#: Names of the files the builder writes inside its folders (and of its temporary files).
_OWN_FILE: Final = re.compile(
    r"train-\d{5}-of-\d{5}\.parquet|shard-\d{5}\.parquet|(?:articles|pages|issues)\.(?:arrow|jsonl)"
    r"|README\.md|manifest\.json|" + re.escape(TEMP_PREFIX) + r".+",
    re.DOTALL,
)
#: What stands after ``.OUT.`` in the names of the files and folders a build keeps beside ``OUT``.
_SIBLING: Final = re.compile(r"lhasa-corpus-(?P<kind>stage|old)-[0-9a-f]{8}")
#: Longest folder name used as it is in the sibling names; longer ones are replaced by a hash.
_LONGEST_NAME: Final = 80
#: Foreign paths named in a refusal before the rest are only counted.
_NAMED: Final = 3
#: Whether the stage is flushed to disk before the switch, so that a power cut
#: after it cannot show files the disk never got. The test suite, which writes
#: hundreds of throwaway folders, turns it off; nothing else should.
DURABLE = True
_RENAME_EXCHANGE: Final = 2
_AT_FDCWD: Final = -100

Report = Callable[[str], None]


def sibling_name(folder: str, kind: str) -> str:
    """The name of a file or folder a build of *folder* keeps beside it: lock, stage or old copy.

    A hidden name that starts with the folder's own, so that ``ls -a`` shows
    whose it is; a very long folder name is replaced by its hash.

    >>> sibling_name("dataset", "lock"), sibling_name("dataset", "stage-0123abcd")
    ('.dataset.lhasa-corpus-lock', '.dataset.lhasa-corpus-stage-0123abcd')
    """
    base = folder
    if len(folder) > _LONGEST_NAME:
        base = "h" + hashlib.sha256(folder.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f".{base}.lhasa-corpus-{kind}"


@contextlib.contextmanager
def replacing(
    folder: str | Path, *, keep_other_files: bool = False, report: Report | None = None
) -> Iterator[Path]:
    """A fresh stage folder for the new dataset; when the block ends, it replaces *folder* in one step.

    The caller writes the whole dataset, ``manifest.json`` included, into the
    stage. On an exception the stage is removed and *folder* is left as it was.
    Before the block starts, *folder* is checked (see the module's docstring),
    locked, and rid of the debris of earlier killed builds. Raises
    :class:`~lhasa_corpus.errors.OutputError` for a folder that may not be
    replaced; *report* gets a line for anything found and left alone.
    """
    shown = printable(folder)
    out = _target(Path(folder), shown)
    tell = report or _ignore
    with _locked(out, shown):
        for note in recover(out):
            tell(note)
        others = _check_owned(out, shown, keep_other_files=keep_other_files)
        stage = _make_stage(out)
        try:
            yield stage
            _after("staged")
            _sync_tree(stage)
            old = _switch(stage, out)
        except BaseException:
            for note in _dispose(stage, None):
                tell(note)
            raise
        _after("switched")
        _sync_folder(out.parent)
        if old is not None:
            for name in others:
                _move_back(old / name, out)
            _after("carried")
            for note in _dispose(old, out):
                tell(note)
        _after("disposed")


def recover(out: Path) -> list[str]:
    """Take apart the debris of earlier killed builds of *out*; returns a line for each thing left.

    Call it only under the folder's lock. A missing *out* whose old copy is
    beside it (a build killed between the two renames of a switch) gets it
    back. Stage and old folders give back the entries they held for the user
    and lose the files of ours; ``.lhasa-corpus-tmp-*`` entries inside *out*
    lose the files of ours. Nothing else is touched.
    """
    notes: list[str] = []
    siblings = _siblings(out)
    if not os.path.lexists(out):
        olds = [path for kind, path in siblings if kind == "old"]
        if olds:
            newest = max(olds, key=lambda path: path.lstat().st_mtime_ns)
            newest.rename(out)
            siblings = [(kind, path) for kind, path in siblings if path != newest]
    for _, path in siblings:
        notes += _dispose(path, out)
    if out.is_dir() and not out.is_symlink():
        for entry in sorted(os.scandir(out), key=lambda entry: entry.name):
            if entry.name.startswith(TEMP_PREFIX):
                notes += _remove_own_files(Path(entry.path))
    return notes


def owned_files(manifest: dict[str, Any]) -> dict[str, tuple[int | None, str | None]]:
    """The files a dataset's manifest lists, each with the size or SHA-256 it was written with.

    Parquet shards are known by their size (hashing them on every build would
    read the whole old dataset); the card, the JSON Lines and the manifest
    itself by their SHA-256 (None for the manifest, which cannot hold its own).

    >>> owned_files({"tables": {"pages": {"files": [{"path": "pages/a.parquet", "bytes": 9}]}},
    ...              "files": {"README.md": "ab"}})
    {'manifest.json': (None, None), 'pages/a.parquet': (9, None), 'README.md': (None, 'ab')}
    """
    files: dict[str, tuple[int | None, str | None]] = {MANIFEST_JSON: (None, None)}
    for table in (manifest.get("tables") or {}).values():
        for shard in table.get("files") or ():
            files[str(shard["path"])] = (int(shard["bytes"]), None)
    for name, sha256 in (manifest.get("files") or {}).items():
        files[str(name)] = (None, str(sha256))
    return files


def read_own_manifest(folder: Path) -> dict[str, Any] | None:
    """The ``manifest.json`` of *folder* if lhasa_corpus wrote it, else None.

    A manifest that lists a path leading out of the folder (absolute, or with
    ``..``) is not one the builder wrote, and is not trusted to name files.
    """
    path = folder / MANIFEST_JSON
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or path.lstat().st_size > 64 * 2**20:
            return None
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("name") != "lhasa_corpus":
            return None
        for name in owned_files(manifest):
            listed = PurePosixPath(name)
            if listed.is_absolute() or ".." in listed.parts or "\\" in name or not listed.parts:
                return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return manifest


# -- the steps ----------------------------------------------------------------------------------


def _after(step: str) -> None:
    """Called after each step of the switch: a seam for the tests that kill a build there."""


def _ignore(note: str) -> None:
    """Notes are dropped when nobody asked for them."""


def _target(folder: Path, shown: str) -> Path:
    """The real path of the dataset folder, once it is known that it may be written there."""
    absolute = Path.cwd() / folder
    if absolute.is_symlink() and not absolute.exists():
        raise OutputError(shown, "is a symbolic link to nothing")
    out = absolute.resolve()
    for protected, what in ((_home(), "your home folder"), (Path.cwd().resolve(), "the current folder")):
        if protected is not None and protected.is_relative_to(out):
            raise OutputError(shown, f"is or holds {what}; give the dataset a folder of its own")
    if os.path.lexists(out) and not out.is_dir():
        raise OutputError(shown, "is not a folder")
    if out.is_dir() and os.path.ismount(out):
        raise OutputError(shown, "is a mount point; the dataset folder is replaced whole, give one inside it")
    for parent in out.parents:
        if os.path.lexists(parent):
            if not parent.is_dir():
                raise OutputError(shown, f"cannot be made: {printable(parent)} is not a folder")
            break
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(shown, f"cannot be made ({error.strerror or error})") from None
    if not os.access(out.parent, os.W_OK | os.X_OK):
        raise OutputError(
            shown,
            f"cannot write in {printable(out.parent)}, where the new dataset is staged before it "
            "replaces the folder",
        )
    if out.is_dir():
        _check_replaceable(out, shown)
    return out


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError, OSError):
        return None


def _check_replaceable(out: Path, shown: str) -> None:
    """Refuse a folder this process could not move or empty: read-only, or another user's."""
    if not os.access(out, os.R_OK | os.W_OK | os.X_OK):
        raise OutputError(shown, "is read-only for you; the dataset folder is replaced whole")
    parent = out.parent.stat()
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    if euid not in (None, 0) and parent.st_mode & stat.S_ISVTX and out.stat().st_uid != euid:
        raise OutputError(
            shown, f"belongs to another user, and {printable(out.parent)} lets only its owner move it"
        )


@contextlib.contextmanager
def _locked(out: Path, shown: str) -> Iterator[None]:
    """Hold the lock of *out* (a lock file beside it), or raise at once when another build holds it."""
    path = out.parent / sibling_name(out.name, "lock")
    while True:
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as error:
            problem = f"cannot write beside it in {printable(out.parent)} ({error.strerror or error})"
            raise OutputError(shown, problem) from None
        if not _try_lock(handle):
            holder = os.read(handle, 32).decode("ascii", "replace").strip()
            os.close(handle)
            by = f" (process {holder})" if holder.isdigit() else ""
            raise OutputError(
                shown, f"another lhasa-corpus build is writing it{by}; try again when it has finished"
            )
        # The file may have been removed by the build that held it, between our open and our lock.
        try:
            same = os.path.samestat(os.fstat(handle), path.lstat())
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(handle)
    try:
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # while still holding it, so no one locks a file that is about to go
        os.close(handle)


def _try_lock(handle: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - no Windows in CI
        import msvcrt  # noqa: PLC0415 - Windows only

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # noqa: PLC0415 - POSIX only

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _siblings(out: Path) -> list[tuple[str, Path]]:
    """The stage and old folders of earlier builds of *out*, by name."""
    prefix = sibling_name(out.name, "")
    found = []
    for entry in os.scandir(out.parent):
        if entry.name.startswith(prefix):
            match = _SIBLING.fullmatch(entry.name, len(prefix) - len("lhasa-corpus-"))
            if match and entry.is_dir(follow_symlinks=False):
                found.append((match["kind"], Path(entry.path)))
    return sorted(found, key=lambda item: item[1].name)


def _check_owned(out: Path, shown: str, *, keep_other_files: bool) -> list[str]:
    """Refuse *out* if it holds what the build did not write; returns the top-level entries to keep.

    The entries to keep are there only with *keep_other_files*.
    """
    if not out.is_dir():
        return []
    manifest = read_own_manifest(out)
    expected = owned_files(manifest) if manifest is not None else {}
    folders = {parent.as_posix() for name in expected for parent in Path(name).parents} - {"."}
    beside: list[str] = []
    inside: list[str] = []
    for relative, is_folder in _entries(out, folders):
        if relative in folders and is_folder:
            if not os.access(out / relative, os.W_OK | os.X_OK):
                raise OutputError(shown, f"{relative}/ is read-only for you; the build replaces it")
            continue
        if not is_folder and relative in expected and _unchanged(out / relative, *expected[relative]):
            continue
        top = "/" not in relative
        (beside if top and relative not in OWN_NAMES else inside).append(relative)
    if inside:
        changed = [name for name in inside if name in expected]
        why = (
            "was changed after lhasa-corpus wrote it"
            if changed == inside
            else "is where the dataset's own files go, and lhasa-corpus did not write it"
        )
        raise OutputError(shown, f"{_named(inside)} {why}; move it away (nothing was written)")
    if beside and not keep_other_files:
        raise OutputError(
            shown,
            f"holds files lhasa-corpus did not write ({_named(beside)}); move them away, choose another "
            "folder, or keep them beside the dataset with --keep-other-files (nothing was written)",
        )
    return beside


def _entries(out: Path, folders: set[str]) -> Iterator[tuple[str, bool]]:
    """Every entry under *out* as (path relative to it, is a real folder), descending only into *folders*."""
    pending = [out]
    while pending:
        folder = pending.pop()
        for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
            relative = Path(entry.path).relative_to(out).as_posix()
            is_folder = entry.is_dir(follow_symlinks=False)
            yield relative, is_folder
            if is_folder and relative in folders:
                pending.append(Path(entry.path))


def _unchanged(path: Path, size: int | None, sha256: str | None) -> bool:
    status = path.lstat()
    if not stat.S_ISREG(status.st_mode):
        return False
    if size is not None and status.st_size != size:
        return False
    return sha256 is None or sha256_of(path) == sha256


def _named(paths: list[str]) -> str:
    shown = ", ".join(printable(path) for path in paths[:_NAMED])
    return shown + (f" (+{len(paths) - _NAMED} more)" if len(paths) > _NAMED else "")


def _make_stage(out: Path) -> Path:
    """A new, empty stage folder beside *out*, with *out*'s permissions (or the umask's)."""
    while True:
        stage = out.parent / sibling_name(out.name, f"stage-{secrets.token_hex(4)}")
        try:
            stage.mkdir(mode=0o777)
        except FileExistsError:
            continue
        if out.is_dir():
            stage.chmod(stat.S_IMODE(out.stat().st_mode))
        return stage


def _switch(stage: Path, out: Path) -> Path | None:
    """Put *stage* where *out* is; returns where the old *out* now is (None if there was none)."""
    if not os.path.lexists(out):
        stage.rename(out)
        return None
    if _exchange(stage, out):
        return stage
    old = out.parent / sibling_name(out.name, "old-" + stage.name.rsplit("-", 1)[1])
    out.rename(old)
    _after("moved-aside")
    try:
        stage.rename(out)
    except BaseException:
        old.rename(out)
        raise
    return old


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _move_back(entry: Path, out: Path) -> None:
    """Move an entry kept for the user from the old folder into the new one (if it is still there)."""
    if os.path.lexists(entry) and not os.path.lexists(out / entry.name):
        entry.rename(out / entry.name)


def _dispose(folder: Path, out: Path | None) -> list[str]:
    """Take apart a stage or old folder; returns a line for each thing left in it.

    Entries under the dataset's own names lose the files of ours; other
    entries (kept for the user) go back into *out*, when it is given and has
    no entry of that name.
    """
    notes: list[str] = []
    if not folder.is_dir() or folder.is_symlink():
        return notes
    for entry in sorted(os.scandir(folder), key=lambda entry: entry.name):
        path = Path(entry.path)
        if entry.name in OWN_NAMES or entry.name.startswith(TEMP_PREFIX):
            notes += _remove_own_files(path)
        elif out is not None:
            if not out.exists():
                out.mkdir()
            _move_back(path, out)
    try:
        folder.rmdir()
    except OSError:
        if not notes:
            notes.append(f"left {printable(folder)}: it holds files lhasa-corpus did not write")
    return notes


def _remove_own_files(path: Path) -> list[str]:
    """Delete the files of ours under *path* (by name) and the folders they leave empty.

    Returns a line for each other file, which is left where it is; links are not followed.
    """
    if not path.is_dir() or path.is_symlink():
        if _OWN_FILE.fullmatch(path.name) and stat.S_ISREG(path.lstat().st_mode):
            path.unlink()
            return []
        return [f"left {printable(path)}: not a file lhasa-corpus writes"]
    notes: list[str] = []
    for entry in sorted(os.scandir(path), key=lambda entry: entry.name):
        notes += _remove_own_files(Path(entry.path))
    if not notes:
        path.rmdir()
    return notes


def _sync_tree(folder: Path) -> None:
    """Flush every file and folder under *folder* to disk, so the switch never shows a file unwritten."""
    if not DURABLE:
        return
    for root, _, files in os.walk(folder):
        for name in files:
            _fsync(Path(root, name), os.O_RDONLY)
        _sync_folder(Path(root))


def _sync_folder(folder: Path) -> None:
    if DURABLE and sys.platform != "win32":  # Windows cannot open a folder to flush it
        _fsync(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))


def _fsync(path: Path, flags: int) -> None:
    handle = os.open(path, flags)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
