"""Which lower-case names a formula shows to be column vectors: those transposed next to a matrix.

``\\mu^T \\Sigma^{-1} \\mu``, ``z^T I z``, ``(\\mu_p - \\mu_q)^T \\Sigma^{-1} (\\mu_p - \\mu_q)``, ``z^T z``: a
name written ``x^T`` and followed by a matrix (a capital), by itself, or by a bracket holding it, is a
column vector, and so is every name inside a transposed bracket in that place. ``v^T M v`` is then a
scalar by the rules of matrix products. A name transposed with nothing of a matrix next to it
(``\\gamma^T`` alone, perhaps a power) is left to the reader's refusal: never made a vector by guess.
"""
from __future__ import annotations

from .tokens import script_unit_end

_SCRIPTS = ("UNDERSCORE", "CARET")


def _transpose_end(tokens: list, i: int) -> int:
    """If a transpose ``^T`` / ``^{T}`` starts at ``i``, the index after it; else -1."""
    kinds = [(t.type, str(t.value)) for t in tokens[i:i + 4]]
    if kinds[:2] == [("CARET", "^"), ("NAME", "T")]:
        return i + 2
    if [k for k, _ in kinds] == ["CARET", "LBRACE", "NAME", "RBRACE"] and kinds[2][1] == "T":
        return i + 4
    return -1


def _named_at(tokens: list, i: int) -> tuple[str, int] | None:
    """The name starting at ``i`` as the reader builds it (``mu_p`` for ``\\mu_{p}``), and its end
    (before any superscript)."""
    if i >= len(tokens) or tokens[i].type != "NAME":
        return None
    name, end = str(tokens[i].value), i + 1
    if end < len(tokens) and tokens[end].type == "UNDERSCORE":
        unit_end = script_unit_end(tokens, end + 1)
        inner = tokens[end + 1:unit_end]
        inner = inner[1:-1] if inner and inner[0].type == "LBRACE" else inner
        if len(inner) != 1 or inner[0].type not in ("NAME", "NUMBER"):
            return None
        name, end = f"{name}_{inner[0].value}", unit_end
    return name, end


def _is_lower(name: str) -> bool:
    return name[:1].islower() and not name.split("_", 1)[0].endswith("bold")


def _bracket_names(tokens: list, start: int, stop: int) -> set[str] | None:
    """The names inside ``( ... )`` (outside scripts); None if a function is applied inside."""
    names: set[str] = set()
    i = start
    while i < stop:
        named = _named_at(tokens, i)
        if named is not None and (i == 0 or tokens[i - 1].type not in _SCRIPTS):
            if named[1] < len(tokens) and tokens[named[1]].type == "CALL_LPAR":
                return None
            names.add(named[0])
            i = named[1]
            continue
        i += 1
    return names


def _next_is_matrix_side(tokens: list, i: int, names: set[str]) -> bool:
    """Token ``i`` starts a capital, one of ``names``, or a bracket holding one of them."""
    if i >= len(tokens):
        return False
    if tokens[i].type in ("LPAR", "LBRACK"):
        closing = _closing(tokens, i)
        inside = _bracket_names(tokens, i + 1, closing) or set()
        return bool(inside & names) or any(name[:1].isupper() for name in inside)
    named = _named_at(tokens, i)
    return named is not None and (named[0][:1].isupper() or named[0] in names)


def _closing(tokens: list, i: int) -> int:
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].type in ("LPAR", "LBRACK", "CALL_LPAR", "CALL_LBRACK"):
            depth += 1
        elif tokens[j].type in ("RPAR", "RBRACK"):
            depth -= 1
            if depth == 0:
                return j
    return len(tokens)


def _opening(tokens: list, i: int) -> int:
    depth = 0
    for j in range(i, -1, -1):
        if tokens[j].type in ("RPAR", "RBRACK"):
            depth += 1
        elif tokens[j].type in ("LPAR", "LBRACK", "CALL_LPAR", "CALL_LBRACK"):
            depth -= 1
            if depth == 0:
                return j
    return -1


def transposed_vectors(tokens: list) -> frozenset[str]:
    """The lower-case names the formula transposes next to a matrix (see the module docstring)."""
    vectors: set[str] = set()
    for i, token in enumerate(tokens):
        end = _transpose_end(tokens, i)
        if end < 0 or i == 0:
            continue
        names: set[str] | None = None
        if tokens[i - 1].type == "RPAR":
            start = _opening(tokens, i - 1)
            if start < 0 or tokens[start].type != "LPAR":
                continue
            names = _bracket_names(tokens, start + 1, i - 1)
        else:
            for back in range(max(i - 5, 0), i):  # the name and its subscript before ^T, longest first
                named = _named_at(tokens, back)
                if named is not None and named[1] == i:
                    names = {named[0]}
                    break
        if not names or not all(_is_lower(name) for name in names):
            continue
        if _next_is_matrix_side(tokens, end, names):
            vectors |= names
    return frozenset(vectors)
