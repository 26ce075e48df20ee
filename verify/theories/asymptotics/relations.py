"""Stated relations between sizes (``n < d``, ``r <= n``, ``h <= n``) as premises.

Two uses. Growth comparisons take the relations between monomials as restrictions of
the growth directions (``r <= n``: r never outgrows n). And a comparison of two
products of powers of positive sizes, ``n^2 d < n d^2``, is decided from them: the
ratio ``n / d`` is a product of powers of the stated ratios (here ``(n/d)^1``), each at
most 1, so it is at most 1 (below 1 when a strict premise enters). Finding the powers is
a small exact linear system; a step that fails is refuted only at a concrete point that
satisfies every premise.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Sequence

import sympy
from sympy import Expr

from ...model import Context, Relation
from ...rules import Rule, register_rule
from ...undecided import Undecided
from ...verdict import Counterexample, Status, Verdict, proved
from ...vocabulary.asymptotics import _Asymptotic
from .classes import _sides

STATED_RELATIONS = register_rule(Rule(
    "stated relations between sizes", "for positive sizes, a ratio of products of powers that is a product "
    "of non-negative powers of stated ratios a/b with a <= b (or a < b) is at most 1 (below 1 when a strict "
    "premise has a positive power): n < d gives n^2 d < n d^2", aliases=("size relations",)))

_LESS = (sympy.StrictLessThan, sympy.LessThan)
_GREATER = (sympy.StrictGreaterThan, sympy.GreaterThan)


def growth_assumptions(context: Context, extra: Iterable[Expr] = ()) -> tuple[Expr, ...]:
    """The stated relations a growth comparison can use (monomial <= monomial), and ``extra``."""
    usable = list(extra)
    for relation in context.relations:
        try:
            _sides(relation)
        except Undecided:
            continue
        if relation not in usable:
            usable.append(relation)
    return tuple(usable)


@dataclass(frozen=True)
class Power:
    """``coefficient * prod name^exponent`` with a positive rational coefficient."""

    coefficient: Fraction
    exponents: tuple[tuple[str, Fraction], ...]

    def vector(self, names: Sequence[str]) -> tuple[Fraction, ...]:
        found = dict(self.exponents)
        return tuple(found.get(x, Fraction(0)) for x in names)


def _fraction(value: Expr) -> Fraction | None:
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else None


def power_of(expr: Expr) -> Power | None:
    """``expr`` as a product of rational powers of symbols with a positive rational coefficient, or None."""
    coefficient, rest = expr.as_coeff_Mul()
    value = _fraction(coefficient)
    if value is None or value <= 0:
        return None
    exponents: dict[str, Fraction] = {}
    for factor in sympy.Mul.make_args(rest):
        if factor == 1:
            continue
        base, exponent = factor.as_base_exp()
        power = _fraction(exponent)
        if not base.is_Symbol or power is None:
            return None
        exponents[base.name] = exponents.get(base.name, Fraction(0)) + power
    return Power(value, tuple(sorted((x, a) for x, a in exponents.items() if a)))


def _oriented(relation: Expr) -> tuple[Expr, Expr, bool] | None:
    """``(small, large, strict)`` for ``small < large`` / ``large > small`` (and the non-strict forms)."""
    if isinstance(relation, _LESS):
        return relation.lhs, relation.rhs, isinstance(relation, sympy.StrictLessThan)
    if isinstance(relation, _GREATER):
        return relation.rhs, relation.lhs, isinstance(relation, sympy.StrictGreaterThan)
    return None


def positive_names(context: Context, symbols: Iterable[sympy.Symbol]) -> set[str]:
    """Names known positive: by their assumptions, by ``x > 0`` / ``x >= c > 0``, or above a positive product."""
    known = {s.name for s in symbols if s.is_positive}
    known |= {s.name for s in context.symbols if s.is_positive}
    oriented = [o for o in map(_oriented, context.relations) if o is not None]
    changed = True
    while changed:
        changed = False
        for small, large, strict in oriented:
            if not large.is_Symbol or large.name in known:
                continue
            if _positive_below(small, strict, known):
                known.add(large.name)
                changed = True
    return known


def _positive_below(small: Expr, strict: bool, known: set[str]) -> bool:
    if small.is_number:
        return bool(small.is_positive or (strict and small.is_zero))
    power = power_of(small)
    return power is not None and all(x in known for x, _ in power.exponents)


def _solve(columns: Sequence[tuple[Fraction, ...]], target: tuple[Fraction, ...]) -> tuple[Fraction, ...] | None:
    """The unique ``lam`` with ``sum lam_j columns_j = target``, or None (inconsistent or not unique)."""
    rows = [[col[i] for col in columns] + [target[i]] for i in range(len(target))]
    width, pivots, r = len(columns), [], 0
    for c in range(width):
        pivot = next((i for i in range(r, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            return None  # a free column: the solution is not unique
        rows[r], rows[pivot] = rows[pivot], rows[r]
        rows[r] = [v / rows[r][c] for v in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][c] != 0:
                rows[i] = [a - rows[i][c] * b for a, b in zip(rows[i], rows[r])]
        pivots.append(c)
        r += 1
    if any(row[-1] != 0 for row in rows[r:]):
        return None
    return tuple(rows[i][-1] for i in range(width))


MAX_PREMISES = 8


def combination(target: tuple[Fraction, ...], premises: Sequence[tuple[tuple[Fraction, ...], bool]]
                ) -> tuple[tuple[Fraction, ...], bool] | None:
    """Non-negative powers of the premises' ratios whose product has exponents ``target``: the powers
    and whether a strict premise has a positive power (preferred), or None. Tries every independent
    subset: by Caratheodory's theorem, a non-negative solution exists only if a basic one does."""
    found = None
    for size in range(0, min(len(premises), len(target)) + 1):
        for chosen in itertools.combinations(range(len(premises)), size):
            powers = _solve([premises[i][0] for i in chosen], target) if chosen else (
                () if not any(target) else None)
            if powers is None or any(p < 0 for p in powers):
                continue
            strict = any(p > 0 and premises[i][1] for p, i in zip(powers, chosen))
            full = tuple(dict(zip(chosen, powers)).get(i, Fraction(0)) for i in range(len(premises)))
            if strict:
                return full, True
            found = found or (full, False)
    return found


def lower_estimate(f: Expr, assumptions: Sequence[Expr]) -> Expr | None:
    """A function below ``f`` wherever the relations hold: each negative term ``-c s q`` with a stated
    ``s <= g`` (monomials, equal coefficients) becomes ``-c g q``, so ``n - k + 1`` with ``k <= n`` is at
    least 1. None when no term needs it or no relation fits."""
    premises = []
    for relation in assumptions:
        oriented = _oriented(relation)
        if oriented is None:
            continue
        small, large = power_of(oriented[0]), power_of(oriented[1])
        if small is not None and large is not None and small.exponents and small.coefficient == large.coefficient:
            premises.append((oriented[0], oriented[1], small))
    changed, terms = False, []
    for term in sympy.Add.make_args(sympy.expand(f)):
        if term.as_coeff_Mul()[0].is_negative:
            for small, large, power in premises:
                rest = sympy.powsimp(term / small)
                if _divides(power, term):
                    term, changed = rest * large, True
                    break
        terms.append(term)
    return sympy.expand(sympy.Add(*terms)) if changed else None


def _divides(power: Power, term: Expr) -> bool:
    """Every variable of ``power`` appears in ``term`` with at least its exponent (positive exponents)."""
    mine = power_of(-term if term.as_coeff_Mul()[0].is_negative else term)
    if mine is None:
        return False
    theirs = dict(mine.exponents)
    return all(0 < a <= theirs.get(x, Fraction(0)) for x, a in power.exponents)


_ORDER = {Relation.LT: (True, False), Relation.LE: (False, False), Relation.GT: (True, True),
          Relation.GE: (False, True)}  # relation -> (strict, swap sides)


def check_stated_comparison(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> Verdict | None:
    """Decide ``lhs < rhs`` (<=, >, >=) between products of powers of positive sizes from the stated
    relations; None when the step is not of that form or the premises do not settle it."""
    if relation not in _ORDER or not context.relations or lhs.has(_Asymptotic) or rhs.has(_Asymptotic):
        return None
    strict, swap = _ORDER[relation]
    small, large = (rhs, lhs) if swap else (lhs, rhs)
    a, b = power_of(small), power_of(large)
    if a is None or b is None:
        return None
    premises = [(o, power_of(o[0]), power_of(o[1])) for o in map(_oriented, context.relations) if o is not None]
    premises = [(s, g, o[2]) for o, s, g in premises if s is not None and g is not None
                and s.coefficient == g.coefficient][:MAX_PREMISES]
    names = sorted({x for p in (a, b) for x, _ in p.exponents} | {x for s, g, _ in premises
                                                                  for x, _ in s.exponents + g.exponents})
    if not premises or not set(names) <= positive_names(context, lhs.free_symbols | rhs.free_symbols):
        return None
    target = tuple(x - y for x, y in zip(a.vector(names), b.vector(names)))
    vectors = [(tuple(x - y for x, y in zip(s.vector(names), g.vector(names))), st) for s, g, st in premises]
    ratio = a.coefficient / b.coefficient
    found = combination(target, vectors)
    if found is not None:
        powers, strict_ratio = found
        if ratio < 1 or (ratio == 1 and (strict_ratio or not strict)):
            return proved(_argument(small, large, premises, powers, strict), (STATED_RELATIONS,))
    return _refutation(lhs, relation, rhs, context)


def _argument(small, large, premises, powers, strict: bool) -> str:
    used = [f"({_text(s)}/{_text(g)})^{p}" for (s, g, _), p in zip(premises, powers) if p > 0]
    product = " * ".join(used) if used else "1"
    sign = "<" if strict else "<="
    return (f"the sizes are positive, and ({small})/({large}) is a constant at most 1 times {product}, each ratio "
            f"at most 1 by the stated relations: so {small} {sign} {large}")


def _text(power: Power) -> str:
    return "*".join(f"{x}^{a}" if a != 1 else x for x, a in power.exponents) or "1"


_VALUES = (1, 2, 3, 5)
MAX_SEARCHED = 4  # variables; 4^4 points at most


def _refutation(lhs: Expr, relation: Relation, rhs: Expr, context: Context) -> Verdict | None:
    """A point of small positive integers where every premise holds and the step does not."""
    symbols = sorted(lhs.free_symbols | rhs.free_symbols | set().union(*(r.free_symbols for r in context.relations)),
                     key=str)
    if len(symbols) > MAX_SEARCHED or any(s.is_integer is False for s in symbols):
        return None
    holds = {Relation.LT: sympy.Lt, Relation.LE: sympy.Le, Relation.GT: sympy.Gt, Relation.GE: sympy.Ge}[relation]
    for values in itertools.product(_VALUES, repeat=len(symbols)):
        point = {s: sympy.Integer(v) for s, v in zip(symbols, values)}
        premises = [r.xreplace(point) for r in context.relations]
        if not all(p in (sympy.true, sympy.false) for p in premises):
            return None  # a premise that does not evaluate: no point is known to satisfy it
        if not all(p is sympy.true for p in premises):
            continue
        left, right = lhs.xreplace(point), rhs.xreplace(point)
        if holds(left, right) is sympy.false:
            example = Counterexample(tuple((s.name, str(v)) for s, v in point.items()), str(left), str(right))
            return Verdict(Status.REFUTED, f"at {example.describe()}: every stated relation holds and the step "
                                           "does not", counterexample=example, used=(STATED_RELATIONS,))
    return None
