"""Raw bytes to text, text to pages, pages to numbered lines.

Offsets everywhere are 0-based code-point offsets into the decoded text of
one page. Nothing here removes a character: line terminators and form feeds
are white space, and white space is all the later steps may drop.
"""

from __future__ import annotations

import bisect
import codecs
import re
from typing import Final, NamedTuple

import attrs

from lhasa_corpus.chars import LINE_BREAKS, squeeze
from lhasa_corpus.errors import InputError

_WHITE_RUN = re.compile(r"\s+")
_LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")
#: Leading bytes of file formats that are surely not page text, and their names.
_BINARY_MAGIC: Final = {
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP",
    b"\x1f\x8b": "gzip",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}


class Line(NamedTuple):
    """One line of a page: its 0-based number and its offsets, without the line terminator.

    A named tuple, not an attrs class: a page makes one per line, and a tuple
    is made in half the time.
    """

    #: 0-based; a tuple's ``index`` is a method.
    number: int
    start: int
    end: int
    text: str

    @property
    def is_blank(self) -> bool:
        """Whether the line holds only white space."""
        return not self.text.strip()


def decode(data: bytes, source: str) -> str:
    """Decode a raw page file: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030.

    GB18030 is a superset of GBK and GB2312, so it reads all three. Raises
    :class:`InputError` naming *source* for an empty, binary or undecodable file.

    >>> decode("拉萨".encode("gb18030"), "p.txt")
    '拉萨'
    >>> decode(codecs.BOM_UTF8 + "拉萨".encode(), "p.txt")
    '拉萨'
    >>> decode(b"\\x89PNG\\r\\n", "p.png")
    Traceback (most recent call last):
    ...
    lhasa_corpus.errors.InputError: p.png: a binary file (PNG), not page text
    """
    if not data:
        raise InputError(source, "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data, "utf-8", source, skip=len(codecs.BOM_UTF8))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16", source)
    for magic, name in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(source, f"a binary file ({name}), not page text")
    if b"\x00" in data:
        raise InputError(source, f"a binary file (NUL byte at offset {data.index(0)}), not page text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # Each decoder fails at its own offset; both are named when they differ,
            # for the file is in one of the two and only its reader knows which.
            where = _byte_at(data, utf8_error.start)
            if gb_error.start != utf8_error.start:
                where = f"as UTF-8: {where}; as GB18030: {_byte_at(data, gb_error.start)}"
            raise InputError(source, f"not UTF-8 or GB18030 text ({where})") from None


def _byte_at(data: bytes, offset: int) -> str:
    return f"byte 0x{data[offset]:02x} at offset {offset}"


def _decode_as(data: bytes, encoding: str, source: str, skip: int = 0) -> str:
    """*data* after its first *skip* bytes, decoded; an error names its offset in the whole file."""
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            source, f"not valid {encoding.upper()} ({_byte_at(data, skip + error.start)})"
        ) from None
    if "\x00" in text:
        raise InputError(
            source, f"a binary file (NUL character at offset {text.index(chr(0))}), not page text"
        )
    return text


def split_pages(text: str) -> list[str]:
    """Split a file's text into pages at form feeds, as pdftotext separates them.

    A page that holds only white space (pdftotext ends its output with a form
    feed) is dropped: it has no character to lose.

    >>> split_pages("第一版\\f第二版\\f")
    ['第一版', '第二版']
    >>> split_pages("no form feed")
    ['no form feed']
    """
    return [page for page in text.split("\f") if page.strip()]


def split_lines(text: str) -> list[Line]:
    """Split a page into lines, keeping each line's offsets.

    CRLF, CR, LF and the other Unicode line terminators end a line.

    >>> [(line.start, line.end, line.text) for line in split_lines("拉萨\\r\\n\\n日报")]
    [(0, 2, '拉萨'), (4, 4, ''), (5, 7, '日报')]
    """
    if "\f" in text:
        # str.splitlines also ends a line at a form feed, which pages do not hold.
        return _split_lines_at_breaks(text)
    lines = []
    start = 0
    for index, chunk in enumerate(text.splitlines(keepends=True)):
        line = chunk.rstrip(LINE_BREAKS)  # the terminator: one character, or CRLF
        lines.append(Line(index, start, start + len(line), line))
        start += len(chunk)
    return lines or [Line(0, 0, 0, "")]


def _split_lines_at_breaks(text: str) -> list[Line]:
    lines = []
    start = 0
    for index, match in enumerate(_LINE_BREAK.finditer(text)):
        lines.append(Line(index, start, match.start(), text[start : match.start()]))
        start = match.end()
    if start < len(text) or not lines:
        lines.append(Line(len(lines), start, len(text), text[start:]))
    return lines


@attrs.frozen
class Squeezed:
    """A text with its white space taken out, and where each character came from.

    Patterns that a line break or a stray space may cut (a dateline split over
    two lines) are matched here; :meth:`span` maps a match back to raw offsets.
    The map is kept per run of white space, not per character, so squeezing a
    page costs little more than ``"".join(text.split())``.

    >>> squeezed = Squeezed.of("拉萨融\\n媒讯 （记者）")
    >>> squeezed.text
    '拉萨融媒讯（记者）'
    >>> squeezed.span(3, 5)
    (4, 6)
    """

    text: str
    #: Squeezed index of the first character after each white-space run, and
    #: the raw offset minus the squeezed index from there on.
    run_starts: tuple[int, ...]
    run_shifts: tuple[int, ...]
    raw_length: int

    @classmethod
    def of(cls, raw: str, base: int = 0) -> Squeezed:
        """Squeeze *raw*, whose first character stands at offset *base* of the page."""
        starts = [0]
        shifts = [base]
        removed = 0
        for match in _WHITE_RUN.finditer(raw):
            removed += match.end() - match.start()
            starts.append(match.end() - removed)
            shifts.append(base + removed)
        return cls(squeeze(raw), tuple(starts), tuple(shifts), base + len(raw))

    def offset(self, index: int) -> int:
        """The raw offset of squeezed character *index*."""
        return index + self.run_shifts[bisect.bisect_right(self.run_starts, index) - 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of squeezed characters ``[start, end)``, tight around them."""
        if start >= end:
            position = self.offset(start) if start < len(self.text) else self.raw_length
            return position, position
        return self.offset(start), self.offset(end - 1) + 1
