"""Macros a document defines (``\\newcommand``, ``\\renewcommand``, ``\\def``, ``\\DeclareMathOperator``).

Papers write ``\\E``, ``\\kl{q}{p}``, ``\\expect`` for notation their preamble defines; we read the
definitions and expand the uses before parsing, so the formula read is the one the author's reader sees.
The input is untrusted: expansion is bounded (nesting, number of expansions, output size), a macro
defined in terms of itself is refused with the place of its definition, and a malformed definition is
left in the text, where the lexer refuses it as a TeX primitive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import caret_context, line_column
from ..errors import ParseError

MAX_NESTING = 32  # a macro inside a macro inside ... this deep
MAX_EXPANSIONS = 2_000  # expansions in one formula
MAX_PARAMETERS = 9

_NEW = re.compile(r"\\(newcommand|renewcommand|providecommand)\*?\s*")
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+|[^A-Za-z\s])")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*")
_NAME = re.compile(r"\\([A-Za-z]+|[^A-Za-z\s])")
_USE = re.compile(r"\\([A-Za-z]+|.)", re.S)
_COUNT = re.compile(r"\s*\[\s*([0-9])\s*\]")
_DEF_PARAMS = re.compile(r"((?:#[1-9])*)\s*(?=\{)")


@dataclass(frozen=True)
class Macro:
    """One definition: ``\\name`` with ``parameters`` arguments; ``default`` makes the first optional."""

    name: str
    parameters: int
    body: str
    default: str | None
    offset: int  # where the definition starts in the document


@dataclass(frozen=True)
class Definitions:
    """Every definition of a document, in order; ``spans`` are the text they occupy."""

    macros: tuple[Macro, ...]
    spans: tuple[tuple[int, int], ...]

    def at(self, offset: int) -> dict[str, Macro]:
        """The macros in effect at ``offset``: the last definition of each name before it."""
        return {macro.name: macro for macro in self.macros if macro.offset < offset}


@dataclass(frozen=True)
class Expanded:
    """A formula with its macros expanded; ``origins[i]`` is where character ``i`` came from."""

    text: str
    origins: tuple[int, ...]

    def original(self, pos: int) -> int:
        return self.origins[min(max(pos, 0), len(self.origins) - 1)]


def _group(text: str, pos: int, open_: str = "{", close: str = "}") -> tuple[str, int] | None:
    """The balanced group opening at ``pos`` (its inside, and the position after it), or None.

    Braces nest; a bracket group ends at the first ``]`` outside braces."""
    if pos >= len(text) or text[pos] != open_:
        return None
    depth, i = 0, pos + (0 if open_ == "{" else 1)
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and close == "}":
                return text[pos + 1:i], i + 1
        elif char == close and depth == 0:
            return text[pos + 1:i], i + 1
        i += 1
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _macro_name(text: str, pos: int) -> tuple[str, int] | None:
    """``{\\name}`` or ``\\name`` at ``pos``."""
    braced = _group(text, pos)
    if braced is not None:
        found = _NAME.fullmatch(braced[0].strip())
        return (found.group(1), braced[1]) if found else None
    found = _NAME.match(text, pos)
    return (found.group(1), found.end()) if found else None


def _newcommand(text: str, start: int, after: int) -> tuple[Macro, int] | None:
    named = _macro_name(text, after)
    if named is None:
        return None
    name, pos = named
    parameters, default = 0, None
    count = _COUNT.match(text, pos)
    if count:
        parameters, pos = int(count.group(1)), count.end()
        pos = _skip_space(text, pos)
        optional = _group(text, pos, "[", "]")
        if optional is not None and parameters > 0:
            default, pos = optional
    body = _group(text, _skip_space(text, pos))
    if body is None:
        return None
    return Macro(name, parameters, body[0], default, start), body[1]


def _def(text: str, found: re.Match) -> tuple[Macro, int] | None:
    params = _DEF_PARAMS.match(text, found.end())
    if params is None:
        return None  # delimited parameters (``\def\x#1.{...}``) are not read
    numbers = re.findall(r"#([1-9])", params.group(1))
    if numbers != [str(i) for i in range(1, len(numbers) + 1)]:
        return None
    body = _group(text, params.end())
    if body is None:
        return None
    return Macro(found.group(1), len(numbers), body[0], None, found.start()), body[1]


def _operator(text: str, start: int, after: int) -> tuple[Macro, int] | None:
    """``\\DeclareMathOperator{\\tr}{tr}`` (starred or not: limits placement only): ``\\operatorname{tr}``;
    ``{arg\\,max}`` is the word argmax (the thin space only spaces its letters)."""
    named = _macro_name(text, after)
    if named is None:
        return None
    body = _group(text, _skip_space(text, named[1]))
    word = re.sub(r"\\[,;! ]", "", body[0]).strip() if body is not None else ""  # arg\,max: the spacing is no letter
    if body is None or not re.fullmatch(r"[A-Za-z\- ]+", word):
        return None
    return Macro(named[0], 0, f"\\operatorname{{{word}}}", None, start), body[1]


def find_definitions(text: str) -> Definitions:
    """Every well-formed definition in ``text`` (preamble, inline or display math alike), in order."""
    macros: list[Macro] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    pattern = re.compile(r"\\(?:newcommand|renewcommand|providecommand|def|DeclareMathOperator)(?![A-Za-z])")
    while (found := pattern.search(text, pos)) is not None:
        start = found.start()
        read = None
        if (new := _NEW.match(text, start)) is not None:
            read = _newcommand(text, start, new.end())
        elif (operator := _OPERATOR.match(text, start)) is not None:
            read = _operator(text, start, operator.end())
        elif (define := _DEF.match(text, start)) is not None:
            read = _def(text, define)
        if read is None or read[0].parameters > MAX_PARAMETERS:
            pos = found.end()
            continue
        macro, end = read
        if new is not None and new.group(1) == "providecommand" and macro.name in {m.name for m in macros}:
            pos = end  # \providecommand keeps an existing definition
            spans.append((start, end))
            continue
        macros.append(macro)
        spans.append((start, end))
        pos = end
    return Definitions(tuple(macros), tuple(spans))


def blank_definitions(text: str, definitions: Definitions) -> str:
    """``text`` with each definition replaced by spaces (newlines kept), so positions stay right."""
    chars = list(text)
    for start, end in definitions.spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


class _Expander:
    def __init__(self, macros: dict[str, Macro], document: str, limit: int):
        self.macros, self.document, self.limit = macros, document, limit
        self.count = 0

    def refuse(self, message: str, text: str, pos: int, origin: tuple[int, int]) -> ParseError:
        line, column = line_column(text, pos, origin)
        return ParseError(message, line, column, caret_context(text, pos))

    def where(self, macro: Macro) -> str:
        line, column = line_column(self.document, macro.offset)
        return f"line {line}, column {column}"

    def argument(self, text: str, pos: int) -> tuple[str, int] | None:
        pos = _skip_space(text, pos)
        if pos >= len(text) or text[pos] in "}]":
            return None
        group = _group(text, pos)
        if group is not None:
            return group
        if text[pos] == "{":
            return None
        name = _NAME.match(text, pos)
        if name is not None:
            return name.group(0), name.end()
        return text[pos], pos + 1

    def expand(self, text: str, stack: tuple[str, ...], report) -> tuple[list[str], list[int]]:
        """``text`` expanded; each output chunk with the position in ``text`` it came from."""
        chunks: list[str] = []
        origins: list[int] = []
        pos = 0
        size = 0
        for use in _USE.finditer(text):
            if use.start() < pos:
                continue
            name = use.group(1)
            macro = self.macros.get(name)
            if macro is None:
                continue
            chunks.append(text[pos:use.start()])
            origins.append(pos)
            where = report(use.start())
            if name in stack:
                raise where(f"\\{name} is defined in terms of itself (definition at {self.where(macro)}); "
                            "it cannot be expanded")
            if len(stack) >= MAX_NESTING:
                raise where(f"\\{name}: macros nested more than {MAX_NESTING} deep")
            self.count += 1
            if self.count > MAX_EXPANSIONS:
                raise where(f"more than {MAX_EXPANSIONS} macro expansions in one formula")
            arguments, pos = self.arguments(text, use.end(), macro, where)
            expanded_args = ["".join(self.expand(a, stack, lambda _at: where)[0]) for a in arguments]
            body = self.substitute(macro, expanded_args, where)
            out = "".join(self.expand(body, stack + (name,), lambda _at: where)[0])
            size += len(out)
            if size > self.limit:
                raise where(f"the expansion of \\{name} is longer than {self.limit} characters")
            chunks.append(out)
            origins.append(-1 - use.start())  # every character of it points at the use
        chunks.append(text[pos:])
        origins.append(pos)
        return chunks, origins

    def arguments(self, text: str, pos: int, macro: Macro, where) -> tuple[list[str], int]:
        arguments: list[str] = []
        wanted = macro.parameters
        if macro.default is not None:
            optional = _group(text, _skip_space(text, pos), "[", "]")
            if optional is not None:
                arguments.append(optional[0])
                pos = optional[1]
            else:
                arguments.append(macro.default)
            wanted -= 1
        for _ in range(wanted):
            read = self.argument(text, pos)
            if read is None:
                raise where(f"\\{macro.name} takes {macro.parameters} argument(s) (defined at "
                            f"{self.where(macro)}); fewer are written")
            arguments.append(read[0])
            pos = read[1]
        return arguments, pos

    def substitute(self, macro: Macro, arguments: list[str], where) -> str:
        def one(found: re.Match) -> str:
            if found.group(0) == "##":
                return "#"
            number = int(found.group(1))
            if number > len(arguments):
                raise where(f"\\{macro.name} uses #{number} but takes {len(arguments)} argument(s) "
                            f"(defined at {self.where(macro)})")
            return arguments[number - 1]
        return re.sub(r"##|#([1-9])", one, macro.body)


def expand(text: str, macros: dict[str, Macro], document: str, origin: tuple[int, int],
           limit: int) -> Expanded:
    """``text`` (one formula starting at ``origin``) with the document's macros expanded.

    Raises ParseError at the use of a macro that cannot be expanded (recursive, too few arguments,
    too deep, too long)."""
    if not macros or "\\" not in text:
        return Expanded(text, tuple(range(len(text) + 1)))
    expander = _Expander(macros, document, limit)
    chunks, starts = expander.expand(
        text, (), lambda at: lambda message: expander.refuse(message, text, at, origin))
    out: list[str] = []
    origins: list[int] = []
    for chunk, start in zip(chunks, starts):
        out.append(chunk)
        origins.extend([-1 - start] * len(chunk) if start < 0 else range(start, start + len(chunk)))
    origins.append(len(text))
    return Expanded("".join(out), tuple(origins))


def as_written(error: ParseError, expanded: Expanded, written: str, origin: tuple[int, int]) -> ParseError:
    """An error found in the expanded formula, placed at the spot of the formula as written."""
    if expanded.text == written:
        return error
    for pos in range(len(expanded.text) + 1):
        if line_column(expanded.text, pos, origin) == (error.line, error.column):
            at = expanded.original(pos)
            line, column = line_column(written, at, origin)
            return type(error)(f"{error.message} (in the formula with its macros expanded: "
                               f"{' '.join(expanded.text.split())[:120]})", line, column,
                               caret_context(written, at))
    return error
