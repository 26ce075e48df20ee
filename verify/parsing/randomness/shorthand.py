"""Shorthands the prose declares: "the source writes $q_\\phi$ for $q_{\\phi}(z \\mid x)$ and $p$ for $p(z \\mid x)$".

A sentence that says a bare name is written *for* a formula ("writes", "write", "denotes",
"is shorthand for", "stands for", with the formula right after "for") makes every bare
occurrence of that name in the chains the formula. Only a plain name is replaced, only by a
formula that reads, and only when the name is given one meaning: the document said so, the
letter did not.
"""
from __future__ import annotations

import re

from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...vocabulary import Density
from ..expressions import parse_latex_expr

_INLINE = r"\$([^$\n]+?)\$"
_FOR = re.compile(r"(?:\b(?:writes?|denotes?|uses?|is\s+shorthand|stands?)\s+|,\s*(?:and\s+)?|\band\s+)"
                  + _INLINE + r"\s+for\s+(?:the\s+(?:[a-z-]+\s+){1,2})?" + _INLINE, re.I)
_STARTS = re.compile(r"\b(?:writes?|denotes?|uses?|is\s+shorthand|stands?)\b", re.I)


def _parsed(tex: str) -> Expr | None:
    try:
        return parse_latex_expr(tex.strip())
    except (ParseError, ValueError):
        return None


def _declared(text: str, names) -> dict:
    """key -> formula for each pair the prose declares ("writes $a$ for $b$") whose parsed name ``names``
    accepts (giving its key, or None); a key given two meanings is left out, and so is one whose formula
    holds the name itself."""
    found: dict = {}
    for line in text.splitlines():
        start = _STARTS.search(line)
        if start is None:
            continue
        for match in _FOR.finditer(line, start.start()):
            name, formula = _parsed(match.group(1)), _parsed(match.group(2))
            key = names(name) if name is not None else None
            if key is not None and formula is not None and formula != name and not formula.has(name):
                found.setdefault(key, set()).add(formula)
    return {key: next(iter(forms)) for key, forms in found.items() if len(forms) == 1}


def shorthands(text: str) -> dict[str, Expr]:
    """name -> the formula the prose says it is written for (a name given two meanings is left out)."""
    return _declared(text, lambda name: name.name if isinstance(name, Symbol) else None)


def _applied(expr) -> bool:
    """``H(P)``: an undefined function of plain names, which a sentence may say is written for a formula."""
    return isinstance(expr, AppliedUndef) and bool(expr.args) and all(isinstance(a, Symbol) for a in expr.args)


def applied_shorthands(text: str) -> dict[Expr, Expr]:
    """``H(P)`` -> the formula the prose says it is written for ("writes $H(P)$ for the entropy $H(X)$");
    an application given two meanings is left out, and so is one whose formula is itself."""
    return _declared(text, lambda name: name if _applied(name) else None)


def written_out(expr: Expr, forms: dict[str, Expr], symbols: dict[str, Symbol]) -> Expr:
    """``expr`` with each declared shorthand replaced by its formula (in the context's symbols)."""
    replaced = {}
    for s in expr.free_symbols:
        if isinstance(s, Symbol) and s.name in forms:
            form = forms[s.name]
            replaced[s] = form.xreplace({v: symbols[v.name] for v in form.free_symbols
                                         if isinstance(v, Symbol) and v.name in symbols})
    return expr.xreplace(replaced) if replaced else expr


_SAME = re.compile(r"\bwrites?\s+" + _INLINE + r"\s+and\s+" + _INLINE
                   + r"\s+for\s+the\s+same\s+(?:distribution|density|law|posterior|approximation)\b", re.I)


def _as_density(expr):
    """``Q(z)`` read alone is a function; beside ``Q(z | X)`` in such a sentence it is a density."""
    if _applied(expr):
        return Density(expr.func.__name__, expr.args)
    return expr


def same_forms(text: str) -> dict[str, Expr]:
    """``Q(z)`` (by its text) -> ``Q(z | X)``, from "the source writes $Q(z)$ and $Q(z|X)$ for the same
    distribution": two densities of one name and one head the prose says are one law; the first is
    read as the second wherever it is written."""
    found: dict[str, Expr] = {}
    for match in _SAME.finditer(text):
        first, second = (_as_density(_parsed(match.group(k))) for k in (1, 2))
        if isinstance(first, Density) and isinstance(second, Density) and first.name == second.name \
                and [v.name for v in first.variables] == [v.name for v in second.variables] and first != second:
            found.setdefault(str(first), second)
    return found
