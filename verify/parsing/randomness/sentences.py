"""Sentences of a document's prose and the names their inline formulas give.

A sentence ends at a full stop, a paragraph or a list item, never inside inline mathematics
or an abbreviation (``i.e.``, ``i.i.d.``). The names of a formula are its plain names
(``X``, a comma list ``q_i, k_i``, the left side of ``X \\sim p``) or an enumerated family
(``u_1, \\dots, u_d``); a component ``q_i`` at a symbolic index names its family q, one at a
number (``x_0``) names one variable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Expr, Indexed, IndexedBase, MatrixSymbol, Symbol, Tuple

from ...errors import ParseError
from ..expressions import parse

_DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)


INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")


_BREAK = re.compile(r"\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+")  # paragraphs and list items


_ABBREVIATION = re.compile(r"\b(?:i\.\s?i\.\s?d|i\.\s?e|e\.\s?g|cf|resp|etc|vs)\.", re.I)


_END = re.compile(r"[.!?](?=\s|$)")


_NEGATED = re.compile(r"\b(?:not|no|never|non)\b(?:\s+\w+){0,2}\s*$", re.I)


def sentences(text: str) -> list[str]:
    """The prose as sentences: split at paragraphs, list items and full stops, never inside
    inline mathematics or an abbreviation (``i.e.``, ``i.i.d.``)."""
    prose = _DISPLAY.sub(" ", text)
    found = []
    for part in _BREAK.split("\n" + prose):
        maths: list[str] = []

        def hide(match):
            maths.append(match.group(0))
            return f"\x00{len(maths) - 1}\x00"

        hidden = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x01"), INLINE.sub(hide, part))
        for piece in _END.split(hidden):
            restored = re.sub("\x00(\\d+)\x00", lambda m: maths[int(m.group(1))], piece).replace("\x01", ".")
            if restored.strip():
                found.append(" ".join(restored.split()))
    return found


@dataclass(frozen=True)
class Named:
    """A name an inline formula gives: a scalar ``X``, or the family of a component ``q_i``."""

    key: str
    family: bool
    length: Expr | None = None  # ``u_1, \\dots, u_d``: the family of d components


_DOTS = {"\\dots", "\\ldots", "\\cdots"}


def enumerated(parts: list[str]) -> Named | None:
    """``u_1, u_2, \\dots, u_d``: the family u of components 1..d, else None."""
    if not any(p.strip() in _DOTS for p in parts):
        return None
    entries = []
    for part in (p.strip() for p in parts if p.strip() not in _DOTS):
        try:
            statement = parse(part)
        except (ParseError, ValueError):
            return None
        indexed = dict(statement.indexed)
        if len(statement.exprs) != 1 or statement.relations or statement.exprs[0] not in indexed:
            return None
        entries.append(indexed[statement.exprs[0]])
    if len(entries) < 2 or len({str(e.base.label) for e in entries}) != 1 or any(len(e.indices) != 1 for e in entries):
        return None
    if entries[0].indices[0] != 1 or isinstance(entries[-1].indices[0], Indexed):
        return None
    return Named(str(entries[0].base.label), True, entries[-1].indices[0])


def named(formula: str) -> list[Named]:
    """The plain names of one inline formula, a comma list of them allowed (``q_i, k_i``), or an
    enumerated family (``u_1, \\dots, u_d``)."""
    found = []
    parts = top_level(formula, ",")
    listed = enumerated(parts)
    if listed is not None:
        return [listed]
    if any(_MEMBER.search(p) and not _SPACE.search(p) for p in parts):
        return []  # ``i, j \in [n]``: indices, not variables
    for part in parts:
        part = declared_space(part)
        if not part.strip():
            continue
        try:
            statement = parse(part.strip())
        except (ParseError, ValueError):
            continue
        components = dict(statement.indexed)
        if statement.relations == ("~",) and not statement.lead:  # ``X \sim p``: the name declared
            left = statement.exprs[0]
            sides = left.args if isinstance(left, Tuple) else (left,)
            found.extend(n for side in sides for n in _plain(side, components))
            continue
        if len(statement.exprs) != 1 or statement.relations:
            continue
        found.extend(_plain(statement.exprs[0], components))
    return found


_MEMBER = re.compile(r"\\in(?![a-zA-Z])")


_SPACE = re.compile(r"\\in\s*(?:\\mathbb\s*\{?\s*R\b|\\R\b|\\mathbb\s+R\b)")


def declared_space(part: str) -> str:
    r"""``k \in \mathbb{R}^{d}``: the name on the left (the space says what it is, not that it is
    random); a membership in anything else (``i \in \{1, \dots, n\}``, an index) names nothing."""
    match = _SPACE.search(part)
    if match is not None:
        return part[:match.start()]
    return "" if _MEMBER.search(part) else part


def _plain(expr: Expr, components: dict) -> list[Named]:
    """A plain name as a Named (a family for a component ``q_i``), else nothing."""
    if component(expr, components) is not None:
        return [Named(str(components[expr].base.label), True)]
    if isinstance(expr, (Symbol, MatrixSymbol)):
        return [Named(expr.name, False)]
    return []


def component(expr: Expr, components: dict) -> Indexed | None:
    """``q_i`` read as the component q[i] at a symbolic index: it names the family q. A numeric
    subscript (``x_0``) names one variable, not its family."""
    entry = components.get(expr) if isinstance(expr, Symbol) else None
    if entry is None or len(entry.indices) != 1 or not isinstance(entry.indices[0], Symbol):
        return None
    return entry


def top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside brackets and braces."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == separator and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return parts + [text[start:]]


_SIZE = re.compile(r"^\s*-?\s*(?:dimensional|dim\b|by\b|\\times)", re.I)


def sentence_names(sentence: str) -> list[Named]:
    """Every plain name the inline formulas of ``sentence`` give, in order, once each; a formula that
    gives a size ("$d_k$-dimensional vectors") names no variable."""
    maths = [m.group(1) for m in INLINE.finditer(sentence) if not _SIZE.search(sentence[m.end():])]
    return list(dict.fromkeys(n for math in maths for n in named(math)))


def mentioned_keys(sentence: str, keys: set[str]) -> list[str]:
    """The declared variables (by key) any inline formula of ``sentence`` mentions, components
    ``q_i`` as their family q, in order of appearance."""
    found = []
    for math in INLINE.findall(sentence):
        for part in top_level(math, ","):
            part = declared_space(part)
            if not part.strip():
                continue
            try:
                statement = parse(part.strip())
            except (ParseError, ValueError):
                continue
            components = {s.name: str(e.base.label) for s, e in statement.indexed}
            for expr in statement.exprs:
                for symbol in sorted(expr.free_symbols, key=str):
                    found.append(components.get(symbol.name, symbol.name) if isinstance(symbol, Symbol) else "")
                found.extend(str(b.label) for b in expr.atoms(IndexedBase))
    return [k for k in dict.fromkeys(found) if k in keys]


_JOINT = re.compile(r"(?:[,;]\s*|\s+)(?:and|while|whereas|where)\s+(?:let\s+)?(?=\$)|[,;]\s*(?:let\s+)?(?=\$)", re.I)


_VERB = re.compile(r"\b(?:is|are|be|being|denotes?|constants?)\b", re.I)


def clauses(sentence: str) -> list[str]:
    """The sentence split into clauses at "and", "while", commas and semicolons before a formula, each with
    its own verb: "$X$ is a random variable and $a$ is a constant" is two clauses; the subject list of
    "$X$ and $Y$ are random variables" stays one (a piece with no verb joins the next)."""
    found, pending, start = [], "", 0
    hidden = INLINE.sub(lambda m: "$" + "\x00" * (len(m.group(0)) - 2) + "$", sentence)  # never split inside mathematics
    for match in list(_JOINT.finditer(hidden)) + [None]:
        end = match.start() if match is not None else len(sentence)
        piece = sentence[start:end]
        pending = pending + piece
        if _VERB.search(INLINE.sub(" ", piece)) or match is None:
            found.append(pending)
            pending = ""
        else:
            pending += sentence[end:match.end()]
        if match is not None:
            start = match.end()
    return [c for c in found if c.strip()]


def stated(pattern: re.Pattern, sentence: str) -> bool:
    """``pattern`` occurs in the words (mathematics blanked) and is not negated just before."""
    words = INLINE.sub(" ", sentence)
    return any(not _NEGATED.search(words[:m.start()]) for m in pattern.finditer(words))
