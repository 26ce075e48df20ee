"""``a_1 + \\cdots + a_n`` is a sum and ``a_1 \\cdots a_n`` a product, when the terms say over what.

The reading is the one a person makes: the term before the ellipsis and the term after it are one
pattern that differs only in a subscript (``1`` against ``n``, ``0`` against ``n-1``, ``i`` against
``j``), and the ellipsis stands for the terms between. The tokens are rewritten to
``\\sum_{k=1}^{n}(pattern)`` (or ``\\prod``), so the grammar reads the sum as it reads any other. Where the
terms are not one such pattern (another base, another exponent, a sign before the first term, two
indices that move differently, a last index below the first) the formula is refused with the reason,
never read as some other sum.
"""
from __future__ import annotations

from dataclasses import dataclass

from lark import Token

from .diagnostics import parse_error
from .lexicon import RELATION_TOKENS
from .tokens import CLOSERS, OPENERS, script_unit_end

_INDEX_NAMES = ("k", "j", "i", "l", "m", "r", "s")
_TERM_BREAKS = frozenset({"PLUS", "MINUS", "PM", "MP", "COMMA", "SEMI", "AMP"}) | frozenset(RELATION_TOKENS)


@dataclass(frozen=True)
class _Pattern:
    """A term with its moving subscripts cut out: ``tokens`` with ``holes`` where the index goes."""

    tokens: tuple[Token, ...]
    holes: tuple[int, ...]
    first: tuple[Token, ...]
    last: tuple[Token, ...]


def _key(tokens) -> tuple:
    return tuple((t.type, str(t.value)) for t in tokens)


def _unbraced(unit: list) -> list:
    return unit[1:-1] if len(unit) > 2 and unit[0].type == "LBRACE" else unit


def _pattern(first: list, last: list) -> _Pattern | None:
    """The pattern both terms share, when they differ only in subscripts, each time the same way."""
    holes: list[int] = []
    pairs: set[tuple[tuple, tuple]] = set()
    out: list[Token] = []
    moved: tuple[list, list] | None = None
    i = j = 0
    while i < len(first) and j < len(last):
        if out and out[-1].type == "UNDERSCORE":  # a subscript: compared as a whole
            i_end, j_end = script_unit_end(first, i), script_unit_end(last, j)
            if _key(first[i:i_end]) == _key(last[j:j_end]):
                out.extend(first[i:i_end])
            else:
                low, high = _unbraced(first[i:i_end]), _unbraced(last[j:j_end])
                if len(low) != 1 or low[0].type not in ("NUMBER", "NAME") or not high:
                    return None
                pairs.add((_key(low), _key(high)))
                moved = (low, high)
                holes.append(len(out))
                out.append(low[0])  # a place holder, replaced by the index
            i, j = i_end, j_end
        elif _key(first[i:i + 1]) == _key(last[j:j + 1]):
            out.append(first[i])
            i, j = i + 1, j + 1
        else:
            return None
    if i != len(first) or j != len(last) or len(pairs) != 1 or moved is None:
        return None
    return _Pattern(tuple(out), tuple(holes), tuple(moved[0]), tuple(moved[1]))


def _earlier_terms(tokens: list, start: int, first: list) -> tuple[int, list]:
    """``y_1 + y_2 + \\dots + y_n``: the terms before the one next to the ellipsis that continue its pattern
    one index down (y_1 before y_2) belong to the sum too, so it runs over 1..n, as written, never
    y_1 + (the sum from 2). Numbers as indices only; a term that does not continue the pattern stops it."""
    while start > 1 and tokens[start - 1].type == "PLUS":
        before = _term_before(tokens, start - 1)
        if before < 0:
            break
        pattern = _pattern(list(tokens[before:start - 1]), list(first))
        low, high = (pattern.first, pattern.last) if pattern is not None else ((), ())
        if not (len(low) == len(high) == 1 and low[0].type == high[0].type == "NUMBER"
                and int(str(high[0].value)) - int(str(low[0].value)) == 1):
            break
        if before > 0 and tokens[before - 1].type in ("MINUS", "PM", "MP"):
            break
        start, first = before, list(tokens[before:start - 1])
    return start, first


def _term_before(tokens: list, end: int) -> int:
    """Where the term ending just before ``end`` starts (at the same bracket depth)."""
    depth, i = 0, end - 1
    while i >= 0:
        kind = tokens[i].type
        if kind in CLOSERS:
            depth += 1
        elif kind in OPENERS:
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0 and kind in _TERM_BREAKS:
            return i + 1
        i -= 1
    return 0


def _term_after(tokens: list, start: int) -> int:
    depth, i = 0, start
    while i < len(tokens):
        kind = tokens[i].type
        if kind in OPENERS:
            depth += 1
        elif kind in CLOSERS:
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and kind in _TERM_BREAKS:
            return i
        i += 1
    return len(tokens)


def _factor_before(tokens: list, end: int) -> int:
    """Where the name with its scripts ending just before ``end`` starts; -1 if there is none."""
    scripts = ("UNDERSCORE", "CARET")
    i = end
    while True:
        if i >= 1 and tokens[i - 1].type == "RBRACE":
            depth, k = 0, i - 1
            while k >= 0:
                depth += {"RBRACE": 1, "LBRACE": -1}.get(tokens[k].type, 0)
                if depth == 0:
                    break
                k -= 1
            if k < 1 or tokens[k - 1].type not in scripts:
                return -1
            i = k - 1
        elif i >= 2 and tokens[i - 2].type in scripts and tokens[i - 1].type in ("NAME", "NUMBER"):
            i -= 2
        else:
            break
    if i >= 1 and tokens[i - 1].type == "NAME" and not (i >= 2 and tokens[i - 2].type in scripts):
        return i - 1
    return -1


def _factor_after(tokens: list, start: int) -> int:
    if start >= len(tokens) or tokens[start].type != "NAME":
        return -1
    i = start + 1
    while i + 1 < len(tokens) and tokens[i].type in ("UNDERSCORE", "CARET"):
        i = script_unit_end(tokens, i + 1)
    return i


def _fresh(tokens: list) -> str | None:
    used = {str(t.value) for t in tokens if t.type == "NAME"}
    return next((name for name in _INDEX_NAMES if name not in used), None)


def _operator(tokens: list, ellipsis: int, kind: str, index: str, pattern: _Pattern) -> list[Token]:
    at = tokens[ellipsis].start_pos

    def made(kind_: str, value: str) -> Token:
        return Token(kind_, value, start_pos=at)

    body = list(pattern.tokens)
    for hole in pattern.holes:
        body[hole] = made("NAME", index)
    high = list(pattern.last)
    return ([made(kind, "\\sum" if kind == "SUM" else "\\prod"), made("UNDERSCORE", "_"), made("LBRACE", "{"),
             made("NAME", index), made("EQ", "=")] + list(pattern.first) + [made("RBRACE", "}"),
             made("CARET", "^"), made("LBRACE", "{")] + high + [made("RBRACE", "}"), made("LPAR", "(")]
            + body + [made("RPAR", ")")])


def _ascending(pattern: _Pattern) -> bool:
    """Numerals must rise (1 ... n, 0 ... 3); a name may be anything."""
    low, high = pattern.first, pattern.last
    if len(high) == 1 and high[0].type == "NUMBER" and low[0].type == "NUMBER":
        return int(str(high[0].value)) > int(str(low[0].value))
    return True


def read_ellipses(tokens: list, text: str, origin: tuple[int, int]) -> list:
    """Every ELLIPSIS token read as a sum or product, or refused with the reason."""
    while (found := next((i for i, t in enumerate(tokens) if t.type == "ELLIPSIS"), None)) is not None:
        tokens = _one(tokens, found, text, origin)
    return tokens


def _one(tokens: list, e: int, text: str, origin: tuple[int, int]) -> list:
    value = str(tokens[e].value)

    def refuse(reason: str):
        return parse_error(f"{value}: {reason}; write the terms out or use \\sum", text, tokens[e].start_pos, origin)

    before = tokens[e - 1].type if e > 0 else None
    after = tokens[e + 1].type if e + 1 < len(tokens) else None
    if before == "PLUS" and after == "PLUS":
        start, stop = _term_before(tokens, e - 1), _term_after(tokens, e + 2)
        if start > 0 and tokens[start - 1].type in ("MINUS", "PM", "MP"):
            return _raise(refuse("a sign before the first term makes the ellipsis ambiguous"))
        start, first = _earlier_terms(tokens, start, list(tokens[start:e - 1]))
        last, kind = tokens[e + 2:stop], "SUM"
    elif before == "MINUS" or after == "MINUS":
        return _raise(refuse("an ellipsis between differences is ambiguous"))
    elif (before == after == "TIMES") or _juxtaposed(before, after):
        gap = 1 if before == "TIMES" else 0
        start, stop = _factor_before(tokens, e - gap), _factor_after(tokens, e + 1 + gap)
        if start < 0 or stop < 0:
            return _raise(refuse("the factors around the ellipsis are not names with subscripts"))
        first, last, kind = tokens[start:e - gap], tokens[e + 1 + gap:stop], "PROD"
    else:
        return _raise(refuse("an ellipsis is read only between terms of a sum (a_1 + \\cdots + a_n) "
                             "or factors of a product (a_1 \\cdots a_n)"))
    pattern = _pattern(list(first), list(last))
    if pattern is None:
        return _raise(refuse("the terms around it are not one pattern differing only in a subscript"))
    if not _ascending(pattern):
        return _raise(refuse("the last index is not above the first"))
    index = _fresh(tokens)
    if index is None:
        return _raise(refuse("no free letter to name its index"))
    return tokens[:start] + _operator(tokens, e, kind, index, pattern) + tokens[stop:]


def _juxtaposed(before: str | None, after: str | None) -> bool:
    """``a_1 \\cdots a_n``: a factor on each side, no operator between."""
    others = _TERM_BREAKS | {"TIMES", "DIV", "CARET", "UNDERSCORE"} | set(OPENERS)
    return before is not None and after is not None and before not in others and after not in others \
        and after not in CLOSERS


def _raise(error: Exception):
    raise error
