"""The exception tree. Every error prints as one line naming the file and the problem."""

from __future__ import annotations


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


class ManifestError(InputError):
    """A manifest row that is malformed or points outside the corpus root.

    >>> str(ManifestError("data/raw/manifest.csv", "bad date '2025-13-01'", line=3))
    "data/raw/manifest.csv:3: bad date '2025-13-01'"
    """

    def __init__(self, source: str, problem: str, *, line: int | None = None) -> None:
        where = source if line is None else f"{source}:{line}"
        super().__init__(where, problem)
        self.line = line


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
