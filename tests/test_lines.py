"""Unit tests of decoding and line splitting (``lhasa_corpus.lines``), called directly."""

from __future__ import annotations

import codecs

import pytest

from lhasa_corpus.errors import InputError
from lhasa_corpus.lines import Line, Squeezed, decode, split_lines, split_pages


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"%PDF-1.7\n", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"II*\x00\x08\x00", "TIFF"),
        (b"MM\x00*\x00\x00", "TIFF"),
    ],
)
def test_decode_names_the_binary_format_it_refuses(data: bytes, name: str) -> None:
    with pytest.raises(InputError, match=rf"^page\.bin: a binary file \({name}\), not page text$"):
        decode(data, "page.bin")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "page.txt: the file is empty"),
        (b"ab\x00cd", "page.txt: a binary file (NUL byte at offset 2), not page text"),
        (
            codecs.BOM_UTF8 + b"\xff",
            "page.txt: not valid UTF-8 (byte 0xff at offset 3)",
        ),  # offsets count the BOM
        (
            codecs.BOM_UTF16_LE + "拉\x00".encode("utf-16-le"),
            "page.txt: a binary file (NUL character at offset 1), not page text",
        ),
        (b"\x80\x81 \xff", "page.txt: not UTF-8 or GB18030 text (byte 0x80 at offset 0)"),
    ],
)
def test_decode_errors_say_what_is_wrong_on_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "page.txt")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "data",
    [
        "拉萨日报".encode(),
        codecs.BOM_UTF8 + "拉萨日报".encode(),
        "\ufeff拉萨日报".encode("utf-16-le"),
        "\ufeff拉萨日报".encode("utf-16-be"),
        "拉萨日报".encode("gb18030"),
    ],
)
def test_decode_reads_utf8_utf16_with_a_bom_and_gb18030(data: bytes) -> None:
    assert decode(data, "page.txt") == "拉萨日报"


def test_split_pages_drops_pages_of_white_space_only() -> None:
    assert split_pages("第一版\f \n\f第二版\f") == ["第一版", "第二版"]


def test_split_lines_of_an_empty_page_is_one_empty_line() -> None:
    assert split_lines("") == [Line(0, 0, 0, "")]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("甲\f乙\n", [Line(0, 0, 3, "甲\f乙")]),
        ("甲\n乙\f丙", [Line(0, 0, 1, "甲"), Line(1, 2, 5, "乙\f丙")]),
        ("甲\f\n", [Line(0, 0, 2, "甲\f")]),
        ("甲\f\r\n乙", [Line(0, 0, 2, "甲\f"), Line(1, 4, 5, "乙")]),
        ("\f", [Line(0, 0, 1, "\f")]),
    ],
)
def test_split_lines_keeps_a_form_feed_inside_its_line(text: str, lines: list[Line]) -> None:
    assert split_lines(text) == lines


def test_split_lines_counts_crlf_as_one_terminator() -> None:
    assert split_lines("甲\r\n乙\r丙") == [Line(0, 0, 1, "甲"), Line(1, 3, 4, "乙"), Line(2, 5, 6, "丙")]


@pytest.mark.parametrize(("text", "blank"), [("", True), (" \t\u3000", True), ("甲", False), (" 甲 ", False)])
def test_line_is_blank_when_it_holds_only_white_space(text: str, blank: bool) -> None:
    assert Line(0, 0, len(text), text).is_blank is blank


def test_squeezed_maps_each_character_back_to_its_raw_offset() -> None:
    raw = "拉 萨\n\n融媒  讯"
    squeezed = Squeezed.of(raw, base=10)
    assert squeezed.text == "拉萨融媒讯"
    assert [squeezed.offset(index) for index in range(5)] == [10, 12, 15, 16, 19]
    assert squeezed.span(1, 4) == (12, 17)
    assert squeezed.raw_length == 10 + len(raw)


@pytest.mark.parametrize(
    ("raw", "index", "span"),
    [
        ("拉 萨", 1, (2, 2)),  # an empty span sits before the next character
        ("拉萨 ", 2, (3, 3)),  # or at the end of the raw text
        ("拉萨", 2, (2, 2)),
        ("拉萨", 0, (0, 0)),
    ],
)
def test_squeezed_empty_span_sits_where_the_next_character_stands(
    raw: str, index: int, span: tuple[int, int]
) -> None:
    assert Squeezed.of(raw).span(index, index) == span
