"""The exception tree. Every error prints as one line naming the file and the problem."""

from __future__ import annotations

import os


class LhasaCorpusError(Exception):
    """Base class of every error lhasa_corpus raises on purpose."""


class InputError(LhasaCorpusError):
    """A raw page file that cannot be read, decoded or used.

    >>> str(InputError("data/raw/p1.txt", "not UTF-8 or GB18030 text"))
    'data/raw/p1.txt: not UTF-8 or GB18030 text'
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class InputWarning(InputError):  # noqa: N818 - it travels and prints as input errors do
    """Something odd about an input that was used all the same, such as two pages given one page number.

    It travels the way input errors do (to the ``on_error`` handler), but the
    input it names was not skipped; the command line prints it as a warning
    and it does not change the exit status.

    >>> str(InputWarning("b.txt", "is page 1 of 2025-09-16 too"))
    'b.txt: is page 1 of 2025-09-16 too'
    """


class ManifestError(InputError):
    """A manifest row that is malformed or points outside the corpus root.

    >>> str(ManifestError("data/raw/manifest.csv", "bad date '2025-13-01'", line=3))
    "data/raw/manifest.csv:3: bad date '2025-13-01'"
    """

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        where = source if line is None else f"{source}:{line}"
        super().__init__(where, problem)
        self.line = line


class OutputError(LhasaCorpusError):
    """A dataset folder that cannot be written: not ours, in use, or not a folder we may replace.

    >>> str(OutputError("dataset", "another lhasa-corpus build is writing it"))
    'dataset: another lhasa-corpus build is writing it'
    """

    def __init__(self, folder: str, problem: str) -> None:
        super().__init__(f"{folder}: {problem}")
        self.folder = folder
        self.problem = problem


class MissingExtraError(LhasaCorpusError, ImportError):
    """An optional dependency is not installed; the message names the extra.

    >>> str(MissingExtraError("datasets", "hf"))
    "the 'datasets' package is needed for this; install it with: pip install 'lhasa-corpus[hf]'"
    """

    def __init__(self, package: str, extra: str) -> None:
        install = f"pip install 'lhasa-corpus[{extra}]'"
        super().__init__(f"the '{package}' package is needed for this; install it with: {install}")
        self.package = package
        self.extra = extra


def printable(path: str | os.PathLike[str]) -> str:
    """A path as text that any UTF-8 stream can print, for messages.

    A file name that is not UTF-8 reaches Python with its bad bytes as lone
    surrogates (PEP 383); they are shown as ``\\xNN`` escapes instead of
    breaking the stream they are written to. Valid names are left alone.

    >>> printable("拉萨/p1.txt")
    '拉萨/p1.txt'
    >>> printable(b"bad\\xff.txt".decode("utf-8", "surrogateescape"))
    'bad\\\\xff.txt'
    """
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def is_utf8(text: str) -> bool:
    """Whether *text* (a file name as Python decoded it) holds only valid UTF-8.

    >>> is_utf8("拉萨.txt"), is_utf8(b"\\xff.txt".decode("utf-8", "surrogateescape"))
    (True, False)
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
