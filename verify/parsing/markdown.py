"""Find the mathematics in a Markdown or LaTeX document, keeping positions.

Struck-out text (``~~...~~``, ``<del>...</del>``, ``\\sout{...}``) is blanked out
with spaces of the same length, so every later position still points at the
right line and column of the original file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import words
from .labels import label_length, without_labels

_STRUCK = re.compile(r"~~.*?~~|<(del|s|strike)>.*?</\1>|\\(?:sout|st|xout)\{[^{}]*\}", re.S | re.I)
_SEGMENT = re.compile(
    r"(?P<fence>^[ \t]*```(?P<info>[^\n`]*)\n(?P<code>.*?)^[ \t]*```[ \t]*$)"
    r"|\$\$(?P<dollars>.+?)\$\$"
    r"|\\\[(?P<bracket>.+?)\\\]"
    r"|\\begin\{(?P<env>equation\*?|align\*?|eqnarray\*?|gather\*?|multline\*?)\}(?P<body>.*?)\\end\{(?P=env)\}"
    r"|(?<![\\$])\$(?P<inline>[^$\n]+?)\$",
    re.S | re.M)
_ROW_BREAK = re.compile(r"\\\\(?:\[[^\]]*\])?")
_INNER_ENV = re.compile(r"\\(begin|end)\{(aligned|split|gathered|alignedat)\}(\{\d+\})?")


@dataclass(frozen=True)
class Piece:
    """One formula's text and where it starts in the document (0-based offset)."""

    text: str
    offset: int
    display: bool
    notation: str = "latex"
    block: int = 0  # pieces of one display block or fence share a block number
    part: int = 0  # the statement's place in its row: ``a = b, \\quad c = d`` has parts 0 and 1


@dataclass(frozen=True)
class Gap:
    """The prose between two display blocks (it may name a rule, or end a chain)."""

    text: str
    block: int


def blank_struck(text: str) -> str:
    """Struck-out text replaced by spaces (newlines kept)."""
    return _STRUCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _rows(body: str, offset: int) -> list[tuple[str, int]]:
    """Split a display block at top-level ``\\\\`` (not inside a matrix) and drop ``&``."""
    body = _INNER_ENV.sub(lambda m: " " * len(m.group()), body)
    rows, start, depth = [], 0, 0
    for match in re.finditer(r"\\begin\{|\\end\{|\\\\(?:\[[^\]]*\])?", body):
        token = match.group()
        if token.startswith("\\begin"):
            depth += 1
        elif token.startswith("\\end"):
            depth -= 1
        elif depth == 0:
            rows.append((body[start:match.start()], offset + start))
            start = match.end()
    rows.append((body[start:], offset + start))
    return [(_clean_row(row), at + label_length(row)) for row, at in rows if row.strip()]


_SEPARATOR = re.compile(r";|,\s*\\q?quad\b|(?:\\q?quad\s*)?\\text\s*\{\s*and\s*\}(?:\s*\\q?quad\b)?"
                        r"|\\[A-Za-z]+|\\.|[()\[\]{}]")
_OPEN, _CLOSE = "([{", ")]}"
_PROSE_MACROS = ("\\text", "\\mbox", "\\textrm", "\\textit", "\\textbf", "\\because")
_PROSE_GROUP = re.compile(r"\s*\{([^{}]*)\}")


def statements(row: str) -> list[tuple[str, int]]:
    """Several statements in one row, split where the writer separated them at the top level:
    ``a = b, \\quad c = d``, ``a = b \\text{ and } c = d``, ``a = b; c = d``. Each part comes with
    its offset in the row; brackets (``\\mathcal{N}(x; \\mu, \\Sigma)``) and environments (``cases``, whose
    rows hold conditions in words) are never cut."""
    parts, start, depth = [], 0, 0
    for match in _SEPARATOR.finditer(row):
        token = match.group()
        if token in ("\\begin", "\\end"):
            depth += 1 if token == "\\begin" else -1
            depth = max(depth, 0)
        elif token in _OPEN or token == "\\{":
            depth += 1
        elif token in _CLOSE or token == "\\}":
            depth = max(depth - 1, 0)
        elif depth == 0 and token in _PROSE_MACROS and _is_prose(row, match.end(), token):
            parts.append((row[start:match.start()], start))  # the statement ends where its prose begins
            return _stripped(parts)
        elif token.startswith("\\") and not token.startswith(("\\quad", "\\qquad", "\\text")):
            continue
        elif depth == 0 and (token == ";" or "," in token or "and" in token):
            parts.append((row[start:match.start()], start))
            start = match.end()
    parts.append((row[start:], start))
    return [piece for text, at in _stripped(parts) for piece in _comma_separated(text, at)]


_RELATION = re.compile(r"(?<![<>!:\\])=|<|>|\\(?:leq?|geq?|neq?|approx|sim|in)(?![A-Za-z])")


def _comma_separated(text: str, at: int) -> list[tuple[str, int]]:
    """``\\delta_0 = 0, \\delta_1 = 2``: statements separated by plain commas, when every part between
    the top-level commas is a relation; a list of names before one relation (``a, b \\geq 0``) or a value
    list (``x = 1, 2``) is one statement, read as a whole."""
    parts, start, depth = [], 0, 0
    for match in re.finditer(r"\\[{}]|\\[A-Za-z]+|[()\[\]{},]", text):
        token = match.group()
        if token in _OPEN or token == "\\{":
            depth += 1
        elif token in _CLOSE or token == "\\}":
            depth = max(depth - 1, 0)
        elif token == "," and depth == 0:
            parts.append((text[start:match.start()], at + start))
            start = match.end()
    parts.append((text[start:], at + start))
    if len(parts) < 2 or not all(_RELATION.search(_top_level(part)) for part, _ in parts):
        return [(text, at)]
    return _stripped(parts)


def _top_level(text: str) -> str:
    """``text`` without what its brackets hold, so ``f(x < 1)`` shows no relation of its own."""
    kept, depth = [], 0
    for char in text:
        depth += char in _OPEN
        if depth == 0:
            kept.append(char)
        depth -= char in _CLOSE and depth > 0
    return "".join(kept)


def _stripped(parts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(text.strip(), at + len(text) - len(text.lstrip())) for text, at in parts if text.strip()]


def _is_prose(row: str, at: int, macro: str) -> bool:
    """``\\text{ if } n < d``, ``\\text{(Jensen)}``, ``\\because ...``: words trailing a statement qualify
    or justify it; they are no part of it (a single word, ``\\text{softmax}``, is a name: words.is_prose)."""
    if macro == "\\because":
        return True
    group = _PROSE_GROUP.match(row, at)
    return group is not None and words.is_prose(group.group(1))


def _clean_row(row: str) -> str:
    """The row without its label and its alignment ``&``s; a matrix keeps its column ``&``s."""
    row = without_labels(row)
    kept, depth, start = [], 0, 0
    for match in re.finditer(r"\\begin\{|\\end\{|(?<!\\)&", row):
        token = match.group()
        if token != "&":
            depth += 1 if token.startswith("\\begin") else -1
        elif depth == 0:
            kept.append(row[start:match.start()] + " ")
            start = match.end()
    kept.append(row[start:])
    return "".join(kept).rstrip()


def segments(text: str) -> tuple[list[Piece], list[Gap]]:
    """Every formula (display rows, fenced lines, inline) in order, and the prose between display blocks."""
    text = blank_struck(text)
    pieces: list[Piece] = []
    gaps: list[Gap] = []
    block, last_end = 0, 0
    for match in _SEGMENT.finditer(text):
        kind = match.lastgroup if match.lastgroup != "info" else "fence"
        if match.group("fence") is not None:
            kind = "fence"
        if kind == "inline":  # ``$\\delta_0 = 0, \\delta_1 = 2$``: one piece per relation
            pieces.extend(Piece(part, match.start("inline") + at, False, block=-1, part=number)
                          for number, (part, at) in enumerate(_comma_separated(match.group("inline"), 0)))
            continue
        new = _block_pieces(match, kind, block + 1)
        if new is None:
            continue
        block += 1
        gaps.append(Gap(_prose(text[last_end:match.start()]), block))
        last_end = match.end()
        pieces.extend(new)
    return pieces, gaps


def _prose(between: str) -> str:
    """The words between two blocks, without inline math."""
    return " ".join(re.sub(r"\$[^$]*\$", " ", between).split())


def _block_pieces(match: re.Match, kind: str, block: int) -> list[Piece] | None:
    if kind == "fence":
        info = match.group("info").strip().lower().split()
        if not info or info[0] != "derivation":
            return None
        notation = "ascii" if "ascii" in info else "latex"
        return _fence_lines(match.group("code"), match.start("code"), notation, block)
    group = {"dollars": "dollars", "bracket": "bracket", "env": "body", "body": "body"}[kind]
    return [Piece(part, at + offset, True, block=block, part=number)
            for row, at in _rows(match.group(group), match.start(group))
            for number, (part, offset) in enumerate(statements(row))]


def _fence_lines(code: str, offset: int, notation: str, block: int) -> list[Piece]:
    pieces, at = [], offset
    for line in code.split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            lead = label_length(line) if notation == "latex" else len(line) - len(line.lstrip())
            pieces.append(Piece(_clean_row(line) if notation == "latex" else line.strip(), at + lead, True,
                                notation, block))
        at += len(line) + 1
    return pieces
