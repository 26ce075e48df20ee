r"""Finite laws the prose states: "$\psi = a - p$, which equals $1-p$ with probability $p$ and $-p$
with probability $1-p$".

A sentence that says a name equals (or takes the value) v_1 with probability p_1, v_2 with
probability p_2, ... states its law when the probabilities sum to one (checked symbolically). The
name is the inline formula right before the words, or the left side of an equation there
(``\psi = a - p``). Every moment is then exact: E[X^k] = sum_i p_i v_i^k. Nothing else is read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Add, Equality, Expr, Integer, Symbol, expand, simplify

from ...errors import ParseError
from ..expressions import parse_latex_expr
from .sentences import INLINE, sentences

MAX_STATED_MOMENT = 8
_OUTCOME = r"\$([^$\n]+)\$\s+with\s+probability\s+\$([^$\n]+)\$"
_LAW = re.compile(r"\$([^$\n]+)\$\s*,?\s*(?:which\s+)?(?:equals|is\s+equal\s+to|takes\s+(?:the\s+)?values?)\s+"
                  r"((?:" + _OUTCOME + r"(?:\s*,\s*|\s*,?\s*(?:and|or)\s+)?)+)", re.I)
_NEGATED = re.compile(r"\b(?:not|never|no)\b", re.I)


@dataclass(frozen=True)
class FiniteLaw:
    """A random variable with finitely many values, each with its probability."""

    name: str
    outcomes: tuple[tuple[Expr, Expr], ...]  # (value, probability)

    def moment(self, k: int) -> Expr:
        return expand(Add(*(probability * value**k for value, probability in self.outcomes)))

    @property
    def mean(self) -> Expr:
        return self.moment(1)

    @property
    def variance(self) -> Expr:
        return expand(self.moment(2) - self.mean**2)


def _parsed(tex: str) -> Expr | None:
    try:
        return parse_latex_expr(tex.strip())
    except (ParseError, ValueError):
        return None


def _named(formula: Expr | None) -> Symbol | None:
    if isinstance(formula, Symbol):
        return formula
    if isinstance(formula, Equality) and isinstance(formula.lhs, Symbol):
        return formula.lhs
    return None


def _statement_name(tex: str) -> Symbol | None:
    """``\\psi`` of ``$\\psi$`` or of ``$\\psi = a - p$``."""
    left = tex.split("=", 1)[0] if "=" in tex else tex
    return _named(_parsed(left))


def finite_laws(text: str, names: dict[str, Symbol]) -> dict[str, FiniteLaw]:
    """name -> its stated finite law; a name stated twice, or probabilities not summing to one, give none."""
    found: dict[str, list[FiniteLaw]] = {}
    for sentence in sentences(text):
        for match in _LAW.finditer(sentence):
            if _NEGATED.search(INLINE.sub(" ", sentence[:match.end()])):
                continue
            name = _statement_name(match.group(1))
            outcomes = []
            for value, probability in re.findall(_OUTCOME, match.group(2)):
                v, p = _parsed(value), _parsed(probability)
                if v is None or p is None:
                    outcomes = []
                    break
                outcomes.append(tuple(e.xreplace({s: names[s.name] for s in e.free_symbols
                                                  if isinstance(s, Symbol) and s.name in names}) for e in (v, p)))
            if name is None or len(outcomes) < 2 or simplify(Add(*(p for _, p in outcomes)) - 1) != 0:
                continue
            found.setdefault(name.name, []).append(FiniteLaw(name.name, tuple(outcomes)))
    return {name: laws[0] for name, laws in found.items() if len(laws) == 1}


def moment_facts(law: FiniteLaw, symbol: Symbol):
    """(E[X^k], its value) for k = 1..MAX_STATED_MOMENT."""
    return [(symbol ** Integer(k) if k > 1 else symbol, law.moment(k)) for k in range(1, MAX_STATED_MOMENT + 1)]
