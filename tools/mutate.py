"""Mutation testing of the parser's rule modules: when a rule breaks, a test must fail.

    .venv/bin/python tools/mutate.py                    # every rule module; writes docs/mutation.md
    .venv/bin/python tools/mutate.py bylines captions   # some modules (the docs page is left alone)
    .venv/bin/python tools/mutate.py --list chars       # the mutants, without running them
    .venv/bin/python tools/mutate.py --fresh            # ignore the cache
    .venv/bin/python tools/mutate.py --sample 80        # 80 mutants a module, drawn with a fixed seed

Each *mutant* is a copy of one rule module with one small change that a test
should notice (:func:`mutants` lists the kinds): ``<=`` for ``<``, ``or`` for
``and``, a constant one larger, a role left out of a table. Every mutant runs
against a fast subset of the suite chosen for its module (:data:`TESTS`): the
module's doctests, the unit tests of its rules, the parsing-rule tests, the
golden pages and the round trip with a few derandomised examples (the hypothesis
profile ``mutation``). A mutant is *killed* when a test fails (or it runs past its
time limit, or does not import), and *survives* when the subset passes. The score
of a module is the share of its mutants killed.

How it runs fast: the tool imports pytest and hypothesis once, then forks a
child per mutant; the child serves the mutated module from memory (an import
hook, so the source tree is never written) and runs the subset with ``-x``.
``--jobs`` children run at a time (default: one per core). Verdicts are cached
in ``.mutation/cache.json`` by a hash of the mutated module, the rest of the
package and, for survivors, the subset's test files: a rerun runs only the
mutants whose verdict may have changed. A killed verdict is kept when tests
change (tests are added to kill survivors; use ``--fresh`` after removing one).

The docs page (``docs/mutation.md``) shows the score per module, every
survivor with the reason it is harmless (``tools/mutation_equivalents.toml``)
or none yet, the survivors of the first run (``tools/mutation_baseline.json``)
with the test that kills each now, and the mutants issue 14 named with the
tests that guard them (:data:`NAMED`).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import importlib.abc
import importlib.util
import json
import os
import random
import re
import signal
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "lhasa_corpus"
STATE = ROOT / ".mutation"
CACHE = STATE / "cache.json"
LAST_RUN = STATE / "last-run.json"
DOCS = ROOT / "docs" / "mutation.md"
EQUIVALENTS = ROOT / "tools" / "mutation_equivalents.toml"
BASELINE = ROOT / "tools" / "mutation_baseline.json"

sys.path.insert(0, str(ROOT))  # tasks.py, which names the rule modules once for both tools
from tasks import RULE_MODULES  # noqa: E402

#: The rule modules, in the order of the data flow (those ``tasks.py test`` holds to its coverage bar).
MODULES = RULE_MODULES
#: Tests every module's mutants run after the module's own: the parsing rules on small pages, the
#: real page, the golden pages, and the properties with the ``mutation`` profile's few examples.
COMMON_TESTS = (
    "tests/test_parsing_rules.py",
    "tests/test_seed_page.py",
    "tests/test_golden_pages.py",
    "tests/test_properties_parse.py::test_round_trip_gives_back_every_article",
    "tests/test_properties_parse.py::test_nothing_is_lost_for_any_text",
)
#: The unit tests of each module's rules, run first: they fail fastest and say the most.
OWN_TESTS: dict[str, tuple[str, ...]] = {
    "chars": ("tests/test_chars.py", "tests/test_text_rules.py", "tests/test_normalize.py"),
    "normalize": ("tests/test_text_rules.py", "tests/test_normalize.py"),
    "lines": (
        "tests/test_lines.py",
        "tests/test_properties_parse.py::test_lines_tile_the_page_between_line_terminators",
    ),
    "blocks": ("tests/test_blocks.py",),
    "bylines": ("tests/test_bylines.py",),
    "captions": ("tests/test_captions.py",),
    "furniture": ("tests/test_furniture.py",),
    "headlines": ("tests/test_headlines.py",),
    "segments": ("tests/test_segments.py",),
    "articles": ("tests/test_articles.py",),
}


def subset_of(module: str, *, own_only: bool = False) -> tuple[str, ...]:
    """The test subset of *module*, in the order it runs: doctests, own tests, common tests.

    A named mutant runs the doctests and own tests only (*own_only*), without ``-x``, so that
    every failing test is known: the named test is among them, and the properties, which a
    badly broken rule sends into long shrinking, would only run past the time limit.
    """
    own = tuple(test for test in OWN_TESTS[module] if (ROOT / test.split("::")[0]).exists())
    return (
        (f"src/lhasa_corpus/{module}.py", *own)
        if own_only
        else (f"src/lhasa_corpus/{module}.py", *own, *COMMON_TESTS)
    )


# -- mutants ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    """One change to one module: where, what kind, the text before and after."""

    module: str
    #: The function (dotted, ``<module>`` for module level) the change is in.
    function: str
    line: int
    kind: str
    before: str
    after: str
    #: Byte offsets of the replaced text in the module's UTF-8 source, and what replaces it.
    start: int
    end: int
    replacement: str

    @property
    def description(self) -> str:
        """```before` → `after``, or ```table less entry``` where something was left out."""
        return (
            f"`{_short(self.before)}` → `{_short(self.after)}`" if self.after else f"`{_short(self.before)}`"
        )

    def source(self, original: bytes) -> bytes:
        """The mutated module, from the *original* source it was found in."""
        return original[: self.start] + self.replacement.encode() + original[self.end :]


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


_SWAPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
#: Keyword arguments that configure a class or a check, not a rule: ``attrs.field(init=False)``,
#: ``zip(..., strict=True)`` (which only raises on a bug).
_SETTINGS_KEYWORDS = frozenset({"init", "kw_only", "strict", "slots", "frozen", "eq", "order", "repr"})
#: The name of a module's table: BODY_RULES, _PIECES.
_TABLE_NAME = re.compile(r"_?[A-Z][A-Z0-9_]*")
_REGEX_MARKS = set("\\[](){}|*+^$-")


def _char_table(value: object) -> bool:
    """Whether a string constant is a table of characters (``"。！？!?…"``), each a member of a class."""
    return (
        isinstance(value, str)
        and 2 <= len(value) <= 40
        and len(set(value)) == len(value)
        and not (_REGEX_MARKS & set(value))
        and not any(char.isascii() and char.isalnum() for char in value)
    )


def _constant_table(node: ast.expr) -> bool:
    """Whether a tuple, list or set display holds only constants: a table such as KNOWN_OUTLETS."""
    return (
        isinstance(node, ast.Tuple | ast.List | ast.Set)
        and len(node.elts) >= 2
        and all(isinstance(element, ast.Constant) for element in node.elts)
    )


class _Finder(ast.NodeVisitor):
    """Walks a module and yields the mutants of each node it may change."""

    def __init__(self, module: str, source: bytes) -> None:
        self.module = module
        self.source = source
        self.lines = source.split(b"\n")
        self.line_starts = [0]
        for line in self.lines:
            self.line_starts.append(self.line_starts[-1] + len(line) + 1)
        self.scope: list[str] = []
        self.bool_function: list[bool] = []
        self.found: list[Mutant] = []
        self.skip: set[int] = set()  # ids of nodes not to mutate: annotations, docstrings, decorators
        self.char_tables: dict[int, str] = {}  # id of the constant: its name (or its text)
        self.key_tuples: set[int] = set()
        self.table_names: dict[int, str] = {}  # id of a table display assigned to a name: the name
        self.not_tables: set[int] = set()  # ids of displays that are values, not tables: return a, b

    # -- positions --------------------------------------------------------------------------

    def _span(self, node: ast.AST) -> tuple[int, int]:
        start = self.line_starts[node.lineno - 1] + node.col_offset  # type: ignore[attr-defined]
        end = self.line_starts[node.end_lineno - 1] + node.end_col_offset  # type: ignore[attr-defined]
        return start, end

    def _text(self, node: ast.AST) -> str:
        start, end = self._span(node)
        return self.source[start:end].decode()

    def add(
        self, node: ast.AST, kind: str, code: str, before: str | None = None, *, shown: str | None = None
    ) -> None:
        """A mutant replacing *node*'s text with the expression *code*, in parentheses, line count kept.

        *before* and *shown* are what the listing and the docs show (by default the node's text and *code*).
        """
        start, end = self._span(node)
        original = self.source[start:end].decode()
        breaks = original.count("\n")
        replacement = f"({code}{chr(10) * breaks})"
        self.found.append(
            Mutant(
                module=self.module,
                function=".".join(self.scope) or "<module>",
                line=node.lineno,  # type: ignore[attr-defined]
                kind=kind,
                before=before if before is not None else original,
                after=code if shown is None else shown,
                start=start,
                end=end,
                replacement=replacement,
            )
        )

    # -- what not to touch ------------------------------------------------------------------

    def _mark_skipped(self, node: ast.AST | None) -> None:
        if node is not None:
            self.skip.update(id(child) for child in ast.walk(node))

    def _docstring(self, body: Sequence[ast.stmt]) -> None:
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._mark_skipped(body[0])

    def visit_Module(self, node: ast.Module) -> None:
        self._docstring(node.body)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstring(node.body)
        for decorator in node.decorator_list:
            self._mark_skipped(decorator)
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._docstring(node.body)
        for decorator in node.decorator_list:
            self._mark_skipped(decorator)
        self._mark_skipped(node.returns)
        for argument in ast.walk(node.args):
            if isinstance(argument, ast.arg):
                self._mark_skipped(argument.annotation)
        returns_bool = isinstance(node.returns, ast.Name) and node.returns.id == "bool"
        self.scope.append(node.name)
        self.bool_function.append(returns_bool)
        self.generic_visit(node)
        self.bool_function.pop()
        self.scope.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._function(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._function(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self._mark_skipped(node.annotation)
        if isinstance(node.target, ast.Name) and node.value is not None:
            self.table_names[id(node.value)] = node.target.id
        if (
            isinstance(node.target, ast.Name)
            and node.target.id.isupper()
            and isinstance(node.value, ast.Constant)
            and _char_table(node.value.value)
        ):
            self.char_tables[id(node.value)] = node.target.id
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        names = [target.id for target in node.targets if isinstance(target, ast.Name)]
        if names:
            self.table_names[id(node.value)] = names[0]
        else:
            self.not_tables.add(id(node.value))  # a, b = "（(", "）)": two values, not a table
        if "__all__" in names:
            self._mark_skipped(node)
        elif (
            names
            and all(name.isupper() for name in names)
            and isinstance(node.value, ast.Constant)
            and _char_table(node.value.value)
        ):
            self.char_tables[id(node.value)] = names[0]
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Name) and node.value.id == "Literal":
            self._mark_skipped(node)  # a type: Literal["before", "after"]
        self.generic_visit(node)

    def visit_Assert(self, node: ast.Assert) -> None:
        self._mark_skipped(node)  # asserts narrow types for mypy; they are not rules

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._mark_skipped(node)  # f-strings build regular expressions; positions inside are unreliable

    def visit_If(self, node: ast.If) -> None:
        if isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            self._mark_skipped(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in ("strip", "rstrip", "lstrip"):
            for argument in node.args:
                if isinstance(argument, ast.Constant) and _char_table(argument.value):
                    self.char_tables[id(argument)] = self._text(argument)
        for keyword in node.keywords:
            if keyword.arg in _SETTINGS_KEYWORDS:
                self._mark_skipped(keyword.value)
            sort_key = keyword.arg == "key" and isinstance(keyword.value, ast.Lambda)
            if sort_key and isinstance(keyword.value.body, ast.Tuple):  # type: ignore[attr-defined]
                self.key_tuples.add(id(keyword.value.body))  # type: ignore[attr-defined]
        self.generic_visit(node)

    # -- the mutations ----------------------------------------------------------------------

    def visit_Compare(self, node: ast.Compare) -> None:
        if id(node) not in self.skip:
            for index, operator in enumerate(node.ops):
                swapped = _SWAPS.get(type(operator))
                if swapped is None:
                    continue
                mutated = ast.Compare(
                    left=node.left,
                    ops=[*node.ops[:index], swapped(), *node.ops[index + 1 :]],
                    comparators=node.comparators,
                )
                self.add(node, "comparison", ast.unparse(mutated), ast.unparse(node))
            for operator, comparator in zip(node.ops, node.comparators, strict=True):
                if (
                    isinstance(operator, ast.In | ast.NotIn)
                    and isinstance(comparator, ast.Constant)
                    and _char_table(comparator.value)
                ):
                    self.char_tables[id(comparator)] = self._text(comparator)
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        strings = any(
            isinstance(side, ast.JoinedStr)
            or (isinstance(side, ast.Constant) and isinstance(side.value, str))
            for side in (node.left, node.right)
        )
        if id(node) not in self.skip and not strings and isinstance(node.op, ast.Add | ast.Sub):
            swapped = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
            mutated = ast.BinOp(left=node.left, op=swapped, right=node.right)
            self.add(node, "arithmetic", ast.unparse(mutated), ast.unparse(node))
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if id(node) not in self.skip and isinstance(node.op, ast.Add | ast.Sub):
            swapped = ast.Sub() if isinstance(node.op, ast.Add) else ast.Add()
            mutated = ast.AugAssign(target=node.target, op=swapped, value=node.value)
            _, between_start = self._span(node.target)
            between_end, _ = self._span(node.value)
            between = self.source[between_start:between_end]
            operator = b"+=" if isinstance(node.op, ast.Add) else b"-="
            offset = between_start + between.index(operator)
            self.found.append(
                Mutant(
                    module=self.module,
                    function=".".join(self.scope) or "<module>",
                    line=node.lineno,
                    kind="arithmetic",
                    before=ast.unparse(node),
                    after=ast.unparse(mutated),
                    start=offset,
                    end=offset + 2,
                    replacement="-=" if isinstance(node.op, ast.Add) else "+=",
                )
            )
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        if id(node) not in self.skip:
            swapped = ast.Or() if isinstance(node.op, ast.And) else ast.And()
            self.add(
                node, "boolean", ast.unparse(ast.BoolOp(op=swapped, values=node.values)), ast.unparse(node)
            )
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        literal = isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant)  # -1: a constant
        if id(node) not in self.skip and isinstance(node.op, ast.Not | ast.USub) and not literal:
            kind = "not removed" if isinstance(node.op, ast.Not) else "sign removed"
            self.add(node, kind, ast.unparse(node.operand), ast.unparse(node))
        self.generic_visit(node)

    def visit_Return(self, node: ast.Return) -> None:
        value = node.value
        self.not_tables.add(id(value))
        literal = isinstance(value, ast.Constant)  # return True: the constant's own mutant inverts it
        if (
            id(node) not in self.skip
            and self.bool_function
            and self.bool_function[-1]
            and value
            and not literal
        ):
            inverted = ast.unparse(ast.UnaryOp(op=ast.Not(), operand=value))
            self.add(value, "return inverted", inverted, ast.unparse(value))
        self.generic_visit(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.scope.append("<lambda>")
        self.bool_function.append(False)
        self.generic_visit(node)
        self.bool_function.pop()
        self.scope.pop()

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self.skip:
            return
        value = node.value
        text = self._text(node)
        if isinstance(value, bool):
            self.add(node, "constant", repr(not value), text)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            for delta in (1, -1):
                changed = value + delta
                if isinstance(changed, float):
                    shown = repr(round(changed, 6))
                else:
                    shown = hex(changed) if text.lower().startswith("0x") else repr(changed)
                self.add(node, "constant", shown, text)
        elif id(node) in self.char_tables:
            assert isinstance(value, str)
            name = self.char_tables[id(node)]
            self.add(node, "table emptied", '""', name)
            for index, char in enumerate(value):
                rest = repr(value[:index] + value[index + 1 :])
                self.add(node, "table character removed", rest, f"{name} less {char!r}", shown="")

    def _remove_elements(self, node: ast.Tuple | ast.List | ast.Set, kind: str) -> None:
        label = self.table_names.get(id(node), ast.unparse(node))
        for index in range(len(node.elts)):
            rest = [*node.elts[:index], *node.elts[index + 1 :]]
            if isinstance(node, ast.Tuple):
                mutated: ast.expr = ast.Tuple(elts=rest, ctx=ast.Load())
            elif isinstance(node, ast.List):
                mutated = ast.List(elts=rest, ctx=ast.Load())
            else:
                mutated = ast.Set(elts=rest) if rest else ast.Call(func=ast.Name("set"), args=[], keywords=[])
            after = ast.unparse(mutated)
            if isinstance(node, ast.Tuple) and len(rest) == 1:
                after = f"{ast.unparse(rest[0])},"
            element = node.elts[index]
            if isinstance(element, ast.Tuple) and element.elts:  # a row of a table: (kind, pattern)
                element = ast.Tuple(elts=[element.elts[0], ast.Name("...")], ctx=ast.Load())
            self.add(node, kind, after, f"{label} less {ast.unparse(element)}", shown="")

    def visit_Tuple(self, node: ast.Tuple) -> None:
        self._sequence(node)

    def visit_List(self, node: ast.List) -> None:
        self._sequence(node)

    def visit_Set(self, node: ast.Set) -> None:
        self._sequence(node)

    def _sequence(self, node: ast.Tuple | ast.List | ast.Set) -> None:
        if id(node) not in self.skip and not isinstance(getattr(node, "ctx", None), ast.Store):
            named = _TABLE_NAME.fullmatch(self.table_names.get(id(node), "")) and not self.scope
            if (named or _constant_table(node)) and len(node.elts) >= 2 and id(node) not in self.not_tables:
                self._remove_elements(node, "table entry removed")
            elif id(node) in self.key_tuples:
                self._remove_elements(node, "sort key part removed")
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        constant_keys = all(isinstance(key, ast.Constant) for key in node.keys)
        module_level = not self.scope  # a table; a dict built in a function is a value (votes)
        if id(node) not in self.skip and constant_keys and len(node.keys) >= 2 and module_level:
            label = self.table_names.get(id(node), "{…}")
            for index in range(len(node.keys)):
                keys = [*node.keys[:index], *node.keys[index + 1 :]]
                values = [*node.values[:index], *node.values[index + 1 :]]
                mutated = ast.Dict(keys=keys, values=values)
                key = ast.unparse(node.keys[index])  # type: ignore[arg-type]
                self.add(node, "table entry removed", ast.unparse(mutated), f"{label} less {key}", shown="")
        self.generic_visit(node)


def mutants(module: str) -> list[Mutant]:
    """Every mutant of a rule module, in source order.

    The kinds: a comparison swapped (``<``/``<=``, ``>``/``>=``, ``==``/``!=``, ``in``/``not in``,
    ``is``/``is not``), ``+``/``-`` swapped, ``and``/``or`` swapped, a ``not`` or a minus sign
    removed, a number one larger or smaller, ``True``/``False`` swapped, a character table
    (a string of punctuation tested with ``in``) emptied or one character short, an entry left out
    of a table (a tuple of constants, a dict of constant keys) or a part out of a sort key, and the
    result of a function returning ``bool`` inverted. Docstrings, annotations, decorators,
    ``assert``, ``__all__`` and f-strings are left alone.
    """
    source = (PACKAGE / f"{module}.py").read_bytes()
    finder = _Finder(module, source)
    finder.visit(ast.parse(source))
    unique: dict[bytes, Mutant] = {}
    for mutant in sorted(finder.found, key=lambda m: (m.start, m.end, m.kind, m.after)):
        unique.setdefault(mutant.source(source), mutant)
    return list(unique.values())


def signatures(found: Sequence[Mutant]) -> dict[Mutant, str]:
    """A name for each mutant that survives line shifts: module, function, change, and a count on repeats."""
    seen: Counter[str] = Counter()
    named = {}
    for mutant in found:
        base = f"{mutant.module}:{mutant.function}: {mutant.description}"
        seen[base] += 1
        named[mutant] = base if seen[base] == 1 else f"{base} #{seen[base]}"
    return named


# -- running ------------------------------------------------------------------------------------


class _MutantLoader(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves one module's mutated source in place of the file, under the file's name."""

    def __init__(self, name: str, path: Path, source: bytes) -> None:
        self.name, self.path, self.source = name, path, source

    def find_spec(
        self, fullname: str, path: Any, target: Any = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        return importlib.util.spec_from_file_location(fullname, self.path, loader=self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        exec(compile(self.source, str(self.path), "exec"), module.__dict__)


class _Recorder:
    """A pytest plugin that notes the tests that failed."""

    def __init__(self) -> None:
        self.failed: list[str] = []

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed.append(report.nodeid)

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.failed.append(f"collecting {report.nodeid}")


def _child(
    module: str, source: bytes | None, tests: Sequence[str], result: Path, every_failure: bool
) -> None:
    """Run *tests* with *source* as ``lhasa_corpus.<module>``; write what failed to *result*; never return."""
    code = 3
    try:
        os.setpgid(0, 0)
        os.environ["HYPOTHESIS_PROFILE"] = "mutation"
        os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only hypothesis's plugin, loaded below
        sys.path.insert(0, str(ROOT / "src"))  # this tree's package, whatever .venv was installed from
        if source is not None:
            sys.meta_path.insert(0, _MutantLoader(f"lhasa_corpus.{module}", PACKAGE / f"{module}.py", source))
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        recorder = _Recorder()
        # --assert=plain: pytest's assertion rewriter would import the module from its file.
        arguments = [
            *tests,
            "-q",
            "--assert=plain",
            "-p",
            "no:cacheprovider",
            "-p",
            "_hypothesis_pytestplugin",
        ]
        if not every_failure:
            arguments.append("-x")
        code = int(pytest.main(arguments, plugins=[recorder]))
        result.write_text(json.dumps({"code": code, "failed": recorder.failed}), encoding="utf-8")
    finally:
        os._exit(0 if code in (0, 1) else code)


@dataclass
class Verdict:
    """What became of one mutant."""

    #: killed (a test failed), timeout, error (the mutant broke pytest: it did not import, say), survived
    outcome: str
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def killed(self) -> bool:
        """Whether a test noticed the mutant: anything but a clean pass."""
        return self.outcome != "survived"


@dataclass
class _Job:
    key: str
    module: str
    source: bytes | None
    every_failure: bool
    timeout: float


def _run_jobs(jobs: Sequence[_Job], parallel: int, on_done: Any) -> None:
    """Run the jobs in forked children, *parallel* at a time; call ``on_done(job, verdict)`` for each."""
    pending = list(jobs)[::-1]
    running: dict[int, tuple[_Job, float, Path]] = {}
    with tempfile.TemporaryDirectory(prefix="lhasa-mutate-") as folder:
        while pending or running:
            while pending and len(running) < parallel:
                job = pending.pop()
                result = Path(folder) / f"{job.key}.json"
                pid = os.fork()
                if pid == 0:
                    tests = subset_of(job.module, own_only=job.every_failure)
                    _child(job.module, job.source, tests, result, job.every_failure)
                running[pid] = (job, time.monotonic(), result)
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                now = time.monotonic()
                for child, (job, started, _) in list(running.items()):
                    if now - started > job.timeout:
                        with contextlib.suppress(ProcessLookupError):
                            os.killpg(child, signal.SIGKILL)
                        os.waitpid(child, 0)
                        del running[child]
                        on_done(job, Verdict("timeout", seconds=now - started))
                time.sleep(0.05)
                continue
            if pid not in running:
                continue
            job, started, result = running.pop(pid)
            seconds = time.monotonic() - started
            if result.exists():
                data = json.loads(result.read_text(encoding="utf-8"))
                outcome = "survived" if data["code"] == 0 else "killed" if data["code"] == 1 else "error"
                on_done(job, Verdict(outcome, data["failed"], seconds))
            else:
                on_done(job, Verdict("error", [f"child exit status {status}"], seconds))


def _digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode() if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()[:24]


def _package_digest(module: str) -> str:
    """The rest of the package, which the tests also run: a change there may change a verdict."""
    files = sorted(path for path in PACKAGE.rglob("*.py") if path != PACKAGE / f"{module}.py")
    return _digest(*(f"{path.relative_to(PACKAGE)}\n".encode() + path.read_bytes() for path in files))


def _tests_digest(module: str) -> str:
    """The subset of tests a module's mutants run, and the files those tests read."""
    files = sorted({ROOT / test.split("::")[0] for test in subset_of(module)[1:]})
    files += [ROOT / "tests" / "conftest.py", ROOT / "tests" / "strategies.py"]
    files += sorted((ROOT / "tests" / "golden").rglob("*.*"))
    files += sorted((ROOT / "data" / "raw").glob("*.txt"))
    return _digest(" ".join(subset_of(module)), *(path.read_bytes() for path in files if path.exists()))


def _load_cache() -> dict[str, Any]:
    if CACHE.exists():
        cached: dict[str, Any] = json.loads(CACHE.read_text(encoding="utf-8"))
        return cached
    return {}


def _save(path: Path, data: Any) -> None:
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# -- the named mutants --------------------------------------------------------------------------


@dataclass(frozen=True)
class Named:
    """A mutant issue 14 names, how to find it today, and the test that must kill it."""

    title: str
    module: str
    function: str
    before: str
    after: str
    test: str


#: The seven mutants of issue 14, found where the code stands today, and the tests named for the
#: rule each breaks. ``before`` and ``after`` are the mutant's text, as ``--list`` prints it.
NAMED = (
    Named(
        "a short line that ends a sentence ends its paragraph: `<=` → `<`",
        "blocks",
        "ends_paragraph",
        "before.fill <= width - SHORT_LINE_EMS",
        "before.fill < width - SHORT_LINE_EMS",
        "tests/test_blocks.py::test_ends_paragraph_short_line_is_one_em_short_or_more_inclusive",
    ),
    Named(
        "实习记者 left out of the byline roles",
        "bylines",
        "<module>",
        "ROLES less '实习记者'",
        "",
        "tests/test_bylines.py::test_roles_table_reads_the_intern_reporter",
    ),
    Named(
        "of two headline parts equally long, the first is the headline: `-index` → `index`",
        "headlines",
        "headline_roles.<lambda>",
        "-index",
        "index",
        "tests/test_headlines.py::test_headline_roles_tie_break_takes_the_first_of_equal_parts",
    ),
    Named(
        "of parts about as long, the letter-spaced one is the headline: `spaced[index]` left out",
        "headlines",
        "headline_roles.<lambda>",
        "(spaced[index], lengths[index], -index) less spaced[index]",
        "",
        "tests/test_headlines.py::test_headline_roles_tie_break_prefers_letter_spaced_display_type",
    ),
    Named(
        "on a tie, a caption goes to the article of its photographer: `credited(index)` left out",
        "captions",
        "place_captions.<lambda>",
        "(scores[index], credited(index), -abs(index - middle)) less credited(index)",
        "",
        "tests/test_captions.py::test_place_captions_tie_break_goes_to_the_photographers_article",
    ),
    Named(
        "the middle dot · is wide: `·` left out of CJK_CONTEXT_PUNCTUATION",
        "chars",
        "<module>",
        "CJK_CONTEXT_PUNCTUATION less '·'",
        "",
        "tests/test_chars.py::test_is_wide_middle_dot_is_wide_in_chinese_text",
    ),
    Named(
        "near-identical names differ in exactly one character: `== 1` → `!= 1`",
        "bylines",
        "near_identical",
        "sum((1 for a, b in zip(first, second, strict=True) if a != b)) == 1",
        "sum((1 for a, b in zip(first, second, strict=True) if a != b)) != 1",
        "tests/test_bylines.py::test_near_identical_threshold_is_exactly_one_differing_character",
    ),
)


def _names_test(failed: Sequence[str], test: str) -> bool:
    """Whether *test*, or one of its parametrised cases (``test[...]``), is among the *failed*."""
    return any(nodeid == test or nodeid.startswith(f"{test}[") for nodeid in failed)


def _matches(named: Named, mutant: Mutant) -> bool:
    return (
        mutant.module == named.module
        and mutant.function == named.function
        and _short(mutant.before) == _short(named.before)
        and (not named.after or _short(mutant.after) == _short(named.after))
    )


# -- the run ------------------------------------------------------------------------------------


def _import_for_children() -> None:
    """Import pytest, hypothesis and attrs once, so that each forked child starts with them loaded."""
    for name in ("pytest", "_hypothesis_pytestplugin", "attrs", "hypothesis.strategies"):
        importlib.import_module(name)


@dataclass
class _ModuleRun:
    """One module's mutants, their keys in the cache, and the verdicts as they come in."""

    module: str
    original: bytes
    found: list[Mutant]
    names: dict[Mutant, str]
    package: str
    tests: str
    cache: dict[str, Any]
    verbose: bool
    verdicts: dict[Mutant, Verdict] = field(default_factory=dict)
    pending: dict[str, Mutant] = field(default_factory=dict)
    done: int = 0

    def keys(self, mutant: Mutant, every_failure: bool) -> tuple[str, str]:
        """A killed verdict holds while the package does; a survivor is run again when the tests change."""
        source = mutant.source(self.original)
        subset = "own tests, every failure" if every_failure else "subset"
        killed = _digest("killed", source, self.package, subset)
        return killed, _digest("survived", source, self.package, self.tests, subset)

    def finished(self, job: _Job, verdict: Verdict) -> None:
        mutant = self.pending[job.key]
        self.verdicts[mutant] = verdict
        self.done += 1
        killed_key, survived_key = self.keys(mutant, job.every_failure)
        record = {
            "outcome": verdict.outcome,
            "failed": verdict.failed[:20],
            "seconds": round(verdict.seconds, 2),
        }
        self.cache[killed_key if verdict.killed else survived_key] = record
        if self.verbose or not verdict.killed:
            where = f"[{self.done}/{len(self.pending)}]"
            print(f"  {where} {verdict.outcome:8} {self.names[mutant]} (line {mutant.line})", flush=True)
        if self.done % 25 == 0:
            _save(CACHE, self.cache)


def _sampled(module: str, found: list[Mutant], sample: int | None) -> list[Mutant]:
    """*sample* of a module's mutants, the named ones always among them, in source order.

    The sample is drawn with a seed of the module's name, so that the same source gives the
    same sample (and the cache serves it) from run to run.
    """
    if sample is None or sample >= len(found):
        return found
    named = [mutant for mutant in found if any(_matches(entry, mutant) for entry in NAMED)]
    others = [mutant for mutant in found if mutant not in named]
    drawn = random.Random(module).sample(others, max(0, sample - len(named)))
    chosen = set(named) | set(drawn)
    return [mutant for mutant in found if mutant in chosen]


def _run_module(
    module: str, cache: dict[str, Any], *, parallel: int, verbose: bool, sample: int | None = None
) -> dict[str, Any]:
    """Run the mutants of one module not in the cache (a *sample* of them); the module's results."""
    every = mutants(module)
    found = _sampled(module, every, sample)
    state = _ModuleRun(
        module=module,
        original=(PACKAGE / f"{module}.py").read_bytes(),
        found=found,
        names=signatures(found),
        package=_package_digest(module),
        tests=_tests_digest(module),
        cache=cache,
        verbose=verbose,
    )
    unmutated: list[Verdict] = []
    _run_jobs(
        [_Job("unmutated", module, None, True, 1800.0)], 1, lambda _, verdict: unmutated.append(verdict)
    )
    if unmutated[0].outcome != "survived":
        sys.exit(f"mutate.py: the tests of {module} fail without any mutant: {unmutated[0].failed[:5]}")
    limit = 3 * unmutated[0].seconds + 15
    named = {mutant for mutant in found if any(_matches(entry, mutant) for entry in NAMED)}
    jobs = []
    for mutant in found:
        every_failure = mutant in named
        killed_key, survived_key = state.keys(mutant, every_failure)
        cached = cache.get(killed_key) or cache.get(survived_key)
        if cached is not None:
            state.verdicts[mutant] = Verdict(**cached)
        else:
            state.pending[killed_key] = mutant
            jobs.append(_Job(killed_key, module, mutant.source(state.original), every_failure, limit))
    print(
        f"{module}: {len(found)} mutants, {len(found) - len(jobs)} cached, running {len(jobs)} "
        f"(subset {unmutated[0].seconds:.1f} s unmutated, limit {limit:.0f} s)",
        flush=True,
    )
    _run_jobs(jobs, parallel, state.finished)
    _save(CACHE, cache)
    verdicts, names = state.verdicts, state.names
    killed = sum(1 for verdict in verdicts.values() if verdict.killed)
    return {
        "mutants": len(found),
        "of": len(every),
        "killed": killed,
        "timeouts": sum(1 for verdict in verdicts.values() if verdict.outcome == "timeout"),
        "errors": sum(1 for verdict in verdicts.values() if verdict.outcome == "error"),
        "score": killed / len(found) if found else 1.0,
        "subset_seconds": round(unmutated[0].seconds, 1),
        "survivors": [
            {"signature": names[mutant], "line": mutant.line, "kind": mutant.kind}
            for mutant in found
            if not verdicts[mutant].killed
        ],
        "killers": {
            names[mutant]: verdicts[mutant].failed[:1] for mutant in found if verdicts[mutant].killed
        },
        "named": [
            {
                "title": entry.title,
                "test": entry.test,
                "found": [names[mutant] for mutant in found if _matches(entry, mutant)],
                "killed_by_named_test": any(_matches(entry, mutant) for mutant in found)
                and all(
                    _names_test(verdicts[mutant].failed, entry.test)
                    for mutant in found
                    if _matches(entry, mutant)
                ),
            }
            for entry in NAMED
            if entry.module == module
        ],
    }


def run(
    modules: Sequence[str], *, parallel: int, fresh: bool, verbose: bool, sample: int | None = None
) -> dict[str, Any]:
    """Run every mutant of *modules* (or a *sample* of each); the results, by module and mutant signature."""
    _import_for_children()
    cache = {} if fresh else _load_cache()
    started = time.monotonic()
    results: dict[str, Any] = {"modules": {}}
    for module in modules:
        results["modules"][module] = _run_module(
            module, cache, parallel=parallel, verbose=verbose, sample=sample
        )
    results["seconds"] = round(time.monotonic() - started)
    return results


def print_scores(results: dict[str, Any]) -> None:
    """The score of each module, the named mutants, and the time the run took."""
    print(f"\n{'module':<11} {'mutants':>7} {'killed':>7} {'survived':>8} {'score':>7}")
    total = killed = 0
    for module, row in results["modules"].items():
        total += row["mutants"]
        killed += row["killed"]
        survived = row["mutants"] - row["killed"]
        print(f"{module:<11} {row['mutants']:>7} {row['killed']:>7} {survived:>8} {row['score']:>7.1%}")
    if total:
        print(f"{'all':<11} {total:>7} {killed:>7} {total - killed:>8} {killed / total:>7.1%}")
    for row in results["modules"].values():
        for named in row["named"]:
            status = "killed by" if named["killed_by_named_test"] else "NOT KILLED BY"
            print(f"named: {named['title']}: {status} {named['test']} ({len(named['found'])} mutant(s))")
    print(f"run took {results['seconds']} s")


# -- the docs page ------------------------------------------------------------------------------

_INTRODUCTION = """\
# Mutation testing

Does a test fail when a rule breaks? `tools/mutate.py` makes *mutants* of the parser's rule
modules, each a copy with one small change: `<=` for `<`, `or` for `and`, a `not` dropped, a
constant one larger or smaller, `True` for `False`, a role left out of a table, a character left
out of a punctuation table, a part left out of a sort key, the result of a `bool` function
inverted. It runs a fast subset of the tests against each: the module's doctests, its unit tests
(`tests/test_<module>.py`), the parsing-rule tests, the real and the golden pages, and the round
trip and nothing-lost properties with fifteen derandomised examples (the hypothesis profile
`mutation`). A mutant that no test notices *survives*: either it changes nothing a reader could
see (an *equivalent* mutant, listed below with the reason, from `tools/mutation_equivalents.toml`)
or a test is missing.

```bash
.venv/bin/python tools/mutate.py           # every rule module; rewrites this page
.venv/bin/python tools/mutate.py blocks    # one module; --list shows its mutants, --fresh ignores the cache
.venv/bin/python tools/mutate.py --sample 80   # 80 mutants of each module, the named ones among them
```

With `--sample N` each module runs N of its mutants, drawn with a seed of the module's name
(the same source gives the same sample), the named mutants always among them; its score is
the share of the sample killed, an estimate of the whole module's.

The tool imports pytest and hypothesis once and forks a child per mutant, which serves the
mutated module from memory (the source tree is never written) and runs the subset with `-x`
under a time limit (three times the unmutated subset's time, plus 15 s); two children run at a
time on two cores. Verdicts are cached in `.mutation/` by a hash of the mutant and the rest of the
package (and, for survivors, of the subset's tests), so a rerun runs only what may have changed.
It exits with an error when a module scores under 90 % or a named mutant is not killed by its test.
"""


def _equivalents() -> dict[str, str]:
    if not EQUIVALENTS.exists():
        return {}
    data = tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8"))
    return {entry["mutant"]: entry["reason"] for entry in data.get("equivalent", [])}


def _score_lines(results: dict[str, Any]) -> list[str]:
    lines = [
        "## Scores",
        "",
        f"This run took {results['seconds']} s on two cores; verdicts still valid in the cache were not",
        "run again.",
        "",
        "| Module | Mutants run | Of | Killed | Survived | Score |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    total = killed = every = 0
    for module, row in results["modules"].items():
        total += row["mutants"]
        killed += row["killed"]
        every += row.get("of", row["mutants"])
        survived = row["mutants"] - row["killed"]
        lines.append(
            f"| `{module}` | {row['mutants']} | {row.get('of', row['mutants'])} | {row['killed']} "
            f"| {survived} | {row['score']:.1%} |"
        )
    lines.append(f"| all | {total} | {every} | {killed} | {total - killed} | {killed / total:.1%} |")
    return [*lines, ""]


def _named_lines(results: dict[str, Any]) -> list[str]:
    lines = [
        "## The seven mutants named when this tool was asked for",
        "",
        "Each is killed by a test named for the rule it breaks: the tool runs these mutants through the",
        "module's doctests and unit tests, without `-x`, and checks that the named test is among those",
        "that fail (the properties are left out there: a badly broken rule sends them into long",
        "shrinking, past the time limit, which would hide which tests failed).",
        "",
        "| Mutant | Where | Killed by |",
        "| --- | --- | --- |",
    ]
    for row in results["modules"].values():
        for named in row["named"]:
            module, function = named["found"][0].split(":")[:2] if named["found"] else ("?", "not found")
            test = named["test"].split("::")[-1]
            status = f"`{test}`" if named["killed_by_named_test"] else f"**not killed by `{test}`**"
            lines.append(f"| {named['title']} | `{module}.{function}` | {status} |")
    return [*lines, ""]


def _survivor_lines(results: dict[str, Any], reasons: dict[str, str]) -> list[str]:
    lines = ["## Surviving mutants", ""]
    any_survivor = False
    for module, row in results["modules"].items():
        if not row["survivors"]:
            continue
        any_survivor = True
        lines += [f"### `{module}`", "", "| Line | Mutant | Why it is harmless |", "| ---: | --- | --- |"]
        for item in row["survivors"]:
            function, mutant = _parts(item["signature"])
            reason = reasons.get(item["signature"], "**no reason recorded: a test is missing**")
            lines.append(f"| {item['line']} | `{function}`: {_cell(mutant)} | {_cell(reason)} |")
        lines.append("")
    return lines if any_survivor else [*lines, "None.", ""]


def _history_lines(results: dict[str, Any], reasons: dict[str, str]) -> list[str]:
    if not BASELINE.exists():
        return []
    baseline: dict[str, list[str]] = json.loads(BASELINE.read_text(encoding="utf-8"))
    lines = [
        "## Survivors of the first run, and what kills them now",
        "",
        "The first run (issue 14, before each rule module had unit tests of its own) left these mutants",
        "alive. Each is now killed by the test named (the first to fail), or is equivalent (above).",
        "",
    ]
    for module, signatures_ in baseline.items():
        row = results["modules"].get(module)
        if row is None or not signatures_:
            continue
        surviving = {item["signature"] for item in row["survivors"]}
        lines += [f"### `{module}`", "", "| Mutant | Now |", "| --- | --- |"]
        for signature in signatures_:
            function, mutant = _parts(signature)
            if signature in row["killers"]:
                killer = row["killers"][signature]
                now = f"killed by `{_test_name(killer[0])}`" if killer else "killed (time limit)"
            elif signature in surviving:
                now = "equivalent (above)" if signature in reasons else "**survives**"
            else:
                now = "no longer made: the code changed"
            lines.append(f"| `{function}`: {_cell(mutant)} | {now} |")
        lines.append("")
    return lines


def write_docs(results: dict[str, Any]) -> None:
    """docs/mutation.md from a run of every module."""
    reasons = _equivalents()
    out = [
        _INTRODUCTION,
        *_score_lines(results),
        *_named_lines(results),
        *_survivor_lines(results, reasons),
        *_history_lines(results, reasons),
    ]
    DOCS.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")


def _parts(signature: str) -> tuple[str, str]:
    """A signature's function and change: ``blocks:ends_paragraph: `a` → `b``` gives both halves."""
    _, function, mutant = signature.split(":", 2)
    return function, mutant.strip()


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _test_name(nodeid: str) -> str:
    """``tests/test_x.py::test_y[param]`` as ``test_x.py::test_y[param]``; a doctest as its module's."""
    path, _, name = nodeid.partition("::")
    return f"{Path(path).name}::{name}" if name else nodeid


# -- command line -------------------------------------------------------------------------------


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Mutation testing of the parser's rule modules.")
    parser.add_argument("modules", nargs="*", default=[], metavar="module", help=f"of: {', '.join(MODULES)}")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="mutants run at a time")
    parser.add_argument("--fresh", action="store_true", help="ignore the cache")
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    parser.add_argument("--verbose", action="store_true", help="print every verdict, not only survivors")
    parser.add_argument(
        "--sample",
        type=int,
        default=None,
        metavar="N",
        help="run N mutants of each module (the named ones among them), drawn with a fixed seed",
    )
    parser.add_argument(
        "--save-baseline", action="store_true", help="record this run's survivors as the first run's"
    )
    return parser.parse_args(argv)


def listing(modules: Sequence[str]) -> Iterator[str]:
    """The mutants of *modules*, one a line, after a count of each kind."""
    for module in modules:
        found = mutants(module)
        names = signatures(found)
        counts = ", ".join(
            f"{kind} {count}" for kind, count in sorted(Counter(m.kind for m in found).items())
        )
        yield f"{module}: {len(found)} mutants ({counts})"
        for mutant in found:
            yield f"  {mutant.line:4} {mutant.kind:24} {names[mutant]}"


def main(argv: Sequence[str] | None = None) -> None:
    """Run the mutants of the modules named (all by default), print the scores, write the docs page."""
    arguments = _arguments(argv)
    os.chdir(ROOT)
    modules = arguments.modules or list(MODULES)
    unknown = sorted(set(modules) - set(MODULES))
    if unknown:
        sys.exit(f"mutate.py: not a rule module: {', '.join(unknown)} (choose from {', '.join(MODULES)})")
    if arguments.list:
        for line in listing(modules):
            print(line)
        return
    results = run(
        modules,
        parallel=max(1, arguments.jobs),
        fresh=arguments.fresh,
        verbose=arguments.verbose,
        sample=arguments.sample,
    )
    _save(LAST_RUN, results)
    print_scores(results)
    if arguments.save_baseline:
        survivors = {
            module: [item["signature"] for item in row["survivors"]]
            for module, row in results["modules"].items()
        }
        _save(BASELINE, survivors)
    if set(modules) == set(MODULES):
        write_docs(results)
        print(f"wrote {DOCS.relative_to(ROOT)}")
    rows = results["modules"]
    missed = [
        named["title"] for row in rows.values() for named in row["named"] if not named["killed_by_named_test"]
    ]
    weak = [module for module, row in rows.items() if row["score"] < 0.9]
    if missed or weak:
        sys.exit(
            f"mutate.py: under 90 %: {', '.join(weak) or 'none'}; named mutants not killed: {len(missed)}"
        )


if __name__ == "__main__":
    main()
