"""A griffe extension that makes the package's reST-flavoured docstrings read well as Markdown.

The docstrings in ``src/`` are written for ``help()`` and doctest: they use
Sphinx roles (``:class:`~lhasa_corpus.models.Page```), ``::`` before literal
blocks, and bare ``>>>`` examples. Markdown would show the roles verbatim and
turn ``>>>`` into nested block quotes, so before mkdocstrings renders a
docstring this extension

- turns a role into inline code (``~a.b.C`` shows as ``C``, as Sphinx does);
- turns a paragraph's trailing ``::`` into ``:``;
- fences each run of doctest lines (prompts and their expected output) as a
  ``pycon`` code block.

The docstrings themselves stay as they are: they are the source of truth and
doctested by pytest.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")
_LITERAL_MARKER = re.compile(r"(?<=\S)::$", re.MULTILINE)


def _role_as_code(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


def fence_doctests(text: str) -> str:
    """Wrap each doctest example run in a ``pycon`` fence.

    A run starts at a ``>>>`` line and goes on to the next blank line.

    >>> fence_doctests("Text.\\n\\n>>> 1 + 1\\n2\\n\\nMore.").splitlines()
    ['Text.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    in_run = False
    indent = ""
    for line in text.split("\n"):
        stripped = line.lstrip()
        if not in_run and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            in_run = True
        elif in_run and not stripped:
            out.append(f"{indent}```")
            in_run = False
        out.append(line)
    if in_run:
        out.append(f"{indent}```")
    return "\n".join(out)


def to_markdown(text: str) -> str:
    """The Markdown form of one docstring.

    >>> to_markdown("A :class:`~lhasa_corpus.models.Page` or :func:`parse_text`::")
    'A `Page` or `parse_text`:'
    """
    text = _ROLE.sub(_role_as_code, text)
    text = _LITERAL_MARKER.sub(":", text)
    return fence_doctests(text)


class SphinxMarkup(griffe.Extension):
    """Rewrite every docstring of the loaded package to Markdown before it is rendered."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is loaded."""
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
