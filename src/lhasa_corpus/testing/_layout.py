"""How a page is laid out: every phenomenon of real pages as an option, off or on."""

from __future__ import annotations

from typing import Final, Literal

import attrs

Placement = Literal["before", "after"]
FirstLine = Literal["full", "dropped", "indent"]
CaptionPosition = Literal["with_article", "page_start", "page_end", "in_body", "other_body", "mixed"]
#: Where captions may stand, ``mixed`` drawing one of the others for each caption.
CAPTION_POSITIONS: Final = ("with_article", "page_start", "page_end", "in_body", "other_body", "mixed")
#: The narrowest and widest column, in ems.
MIN_WIDTH: Final = 12
MAX_WIDTH: Final = 24


@attrs.frozen(kw_only=True)
class Layout:
    """How a page is laid out. Choices left to chance draw from ``random.Random(seed)``.

    The options of the first renderer (what today's parser reads):

    - *width*: the column width in ems, 12 to 24 (a Han character is one em, a
      Latin letter or digit half an em);
    - *placement*: headlines ``before`` or ``after`` their body;
    - *first_line*: a paragraph's first line fills the column (``full``), is two
      ems shorter (``dropped``: the extractor dropped the indent), or starts with
      two U+3000 (``indent``);
    - *paragraph_gap*: a blank line after each paragraph;
    - *letter_spaced_headlines*: a space between the characters of a headline
      without a phrase space (``堆 龙 德 庆 区``); *wrap_headlines*: headlines of
      six units or more wrapped over two lines;
    - *justified_spaces*: stray spaces between wide characters of some body
      lines, one before some datelines, a doubled space in some bylines;
      *digit_spaces*: stray spaces between Han and digits or Latin letters
      (``涵盖 238家``) and after the hyphen of a compound (``CCTV- 1``);
    - *column_breaks*: blank lines inside paragraphs where a column ended;
    - *glue_datelines*: a dateline on the same line as the headline before it;
    - *caption_position*: captions right after their article (``with_article``),
      at the start or the end of the page;
    - *newline*: ``"\\n"`` or ``"\\r\\n"``.

    New options, off by default:

    - *split_datelines*: a dateline broken over two lines inside itself, its
      first line short (the dateline is set beside something);
    - *caption_position* ``in_body`` (between two lines of its own article's
      body), ``other_body`` (inside another article's body) or ``mixed`` (each
      caption draws one of the five);
    - *caption_gap*: blank lines around a caption (off: a caption printed with
      no blank line around it); *credit_line*: the credit on a line of its own
      under the caption text;
    - *crosshead_gap*: blank lines around a crosshead even without paragraph gaps;
    - *glue_continuations*: ``（下转第3版）`` glued behind the last line of the body
      and ``（上接第一版）`` before the first, instead of lines of their own.
    """

    width: int = attrs.field(
        default=16, validator=[attrs.validators.ge(MIN_WIDTH), attrs.validators.le(MAX_WIDTH)]
    )
    placement: Placement = attrs.field(default="after", validator=attrs.validators.in_(("before", "after")))
    first_line: FirstLine = attrs.field(
        default="full", validator=attrs.validators.in_(("full", "dropped", "indent"))
    )
    paragraph_gap: bool = True
    letter_spaced_headlines: bool = False
    wrap_headlines: bool = False
    justified_spaces: bool = False
    digit_spaces: bool = False
    column_breaks: bool = False
    glue_datelines: bool = False
    caption_position: CaptionPosition = attrs.field(
        default="with_article", validator=attrs.validators.in_(CAPTION_POSITIONS)
    )
    newline: str = attrs.field(default="\n", validator=attrs.validators.in_(("\n", "\r\n")))
    seed: int = 0
    split_datelines: bool = False
    caption_gap: bool = True
    credit_line: bool = False
    crosshead_gap: bool = True
    glue_continuations: bool = False
