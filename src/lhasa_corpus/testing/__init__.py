"""Make test pages: lay known articles out as the raw text a PDF extractor emits.

The renderer is the parser's mirror image, written apart from it: it imports
no parser module (only :mod:`lhasa_corpus.models`) and states its own facts
about Chinese type -- which characters are wide, where a line may break (避头尾,
never inside a Latin word or a number), how a column fills, what clean text is
(FIELDS.md). Where the parser's tables are wrong, the renderer is not wrong the
same way, so a round trip catches it.

It takes articles whose every field is known (:class:`ArticleSpec`, with
:class:`DatelineSpec`, :class:`BylineSpec`, :class:`CaptionSpec`) and a
:class:`Layout`, and gives a :class:`RenderedPage`: the text, what a parse must
give back (:meth:`RenderedPage.expected`, :meth:`RenderedPage.expected_page`),
where each field stands (:attr:`RenderedPage.spans`), and where the layout hides
structure by nature (:attr:`RenderedPage.ambiguities`).

>>> from lhasa_corpus.models import Contributor
>>> article = ArticleSpec(
...     dateline=DatelineSpec.rongmei([Contributor(name="杨璐", role="记者")]),
...     headline="银保企对接会举行",
...     paragraphs=("为进一步畅通金融机构与企业间沟通合作渠道，银保企对接会举行。",),
... )
>>> page = render_page([article], Layout(width=12, placement="after"))
>>> print(page.text)
拉萨融媒讯（记者杨璐）为
进一步畅通金融机构与企业
间沟通合作渠道，银保企对
接会举行。
<BLANKLINE>
银保企对接会举行
<BLANKLINE>
>>> page.expected()[0].source, page.expected()[0].contributors
('拉萨融媒', (Contributor(name='杨璐', role='记者', organisation=None),))
"""

from lhasa_corpus.testing._expect import (
    AMBIGUITY_REASONS,
    Ambiguity,
    ArticleFields,
    FieldSpan,
    LeftoverFields,
    PageFields,
)
from lhasa_corpus.testing._layout import CAPTION_POSITIONS, MAX_WIDTH, MIN_WIDTH, Layout
from lhasa_corpus.testing._realtext import (
    LAYOUT_FAMILIES,
    OUTLETS,
    RealArticle,
    dateline_source,
    family_layout,
    from_record,
    load_records,
    real_page,
)
from lhasa_corpus.testing._render import ENCODINGS, RenderedPage, encode_pages, render_page
from lhasa_corpus.testing._specs import (
    MAX_HEADLINE,
    ArticleSpec,
    BylineSpec,
    CaptionSpec,
    Credit,
    DatelineSpec,
    Furniture,
    FurnitureLine,
    credits_for,
    credits_text,
)
from lhasa_corpus.testing._typesetting import (
    CLOSING_MARKS,
    FULL_WIDTH_PUNCTUATION,
    IDEOGRAPHIC_SPACE,
    NO_LINE_END,
    NO_LINE_START,
    SENTENCE_END,
    clean_body,
    clean_byline,
    clean_headline,
    ems,
    ends_sentence,
    is_wide,
)
from lhasa_corpus.testing._vocabulary import (
    CREDIT_FORMS,
    DATELINE_ROLES,
    FURNITURE_KINDS,
    ROLES,
)

#: The roles the first renderer printed in dateline brackets (the name it had there).
BYLINE_ROLES = DATELINE_ROLES

__all__ = [
    "AMBIGUITY_REASONS",
    "BYLINE_ROLES",
    "CAPTION_POSITIONS",
    "CLOSING_MARKS",
    "CREDIT_FORMS",
    "DATELINE_ROLES",
    "ENCODINGS",
    "FULL_WIDTH_PUNCTUATION",
    "FURNITURE_KINDS",
    "IDEOGRAPHIC_SPACE",
    "LAYOUT_FAMILIES",
    "MAX_HEADLINE",
    "MAX_WIDTH",
    "MIN_WIDTH",
    "NO_LINE_END",
    "NO_LINE_START",
    "OUTLETS",
    "ROLES",
    "SENTENCE_END",
    "Ambiguity",
    "ArticleFields",
    "ArticleSpec",
    "BylineSpec",
    "CaptionSpec",
    "Credit",
    "DatelineSpec",
    "FieldSpan",
    "Furniture",
    "FurnitureLine",
    "Layout",
    "LeftoverFields",
    "PageFields",
    "RealArticle",
    "RenderedPage",
    "clean_body",
    "clean_byline",
    "clean_headline",
    "credits_for",
    "credits_text",
    "dateline_source",
    "ems",
    "encode_pages",
    "ends_sentence",
    "family_layout",
    "from_record",
    "is_wide",
    "load_records",
    "real_page",
    "render_page",
]
