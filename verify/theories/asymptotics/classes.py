"""Theta-classes of cost expressions and their comparison, with explanations a student can act on.

All size variables are >= 1 and grow independently (unless assumptions such as
``r <= t`` restrict the directions). The class of a sum of monomials with positive
coefficients is the set of its maximal monomials: those no combination of the others
dominates; e.g. ``12 t n^2 L + t^2 n L + t n L`` has class ``{t n^2 L, t^2 n L}``.
Negative terms are allowed only when a positive term strictly dominates each of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Iterable, Sequence

import sympy
from sympy import Expr

from ...undecided import Undecided
from .dominance import Cone, Decision, dominated, vector
from .terms import Monomial, Term, sign_of, terms_of


@dataclass(frozen=True)
class ThetaClass:
    """The maximal monomials of a cost expression: equal objects are the same Theta-class.

    ``terms`` (all monomials of the expression) is kept to tell lower-order terms apart;
    it takes no part in equality. Equality is exact for sums of powers under inequality
    assumptions (the maximal monomials are the vertices of the Newton polyhedron); with log
    factors, or assumptions that tie sizes together both ways, use ``compare_classes``.
    """

    maximal: frozenset[Monomial]
    terms: frozenset[Monomial] = field(default=frozenset(), compare=False)

    @property
    def expr(self) -> Expr:
        return sympy.Add(*(m.expr for m in self.ordered))

    @property
    def ordered(self) -> tuple[Monomial, ...]:
        return tuple(sorted(self.maximal, key=lambda m: m.rank))

    @property
    def has_lower_order_terms(self) -> bool:
        return len(self.terms) > len(self.maximal)

    @property
    def variables(self) -> frozenset[str]:
        return frozenset().union(*(m.variables for m in self.terms | self.maximal))

    @property
    def text(self) -> str:
        """The class as a sum of its maximal monomials, e.g. ``L*n**2*t + L*n*t**2``."""
        return " + ".join(str(m) for m in self.ordered)

    def __str__(self) -> str:
        return "{" + ", ".join(str(m) for m in self.ordered) + "}"


def cone_for(names: Iterable[str], assumptions: Sequence[Expr] = ()) -> Cone:
    """The growth directions over ``names`` allowed by assumptions ``a <= b`` between monomials."""
    extra = set()
    rows = []
    for relation in assumptions:
        small, large = _sides(relation)
        extra |= small.variables | large.variables
        rows.append((small, large))
    ordered = tuple(sorted(set(names) | extra))
    return Cone(ordered, tuple(tuple(a - b for a, b in zip(vector(s, ordered), vector(g, ordered)))
                               for s, g in rows))


def _sides(relation: Expr) -> tuple[Monomial, Monomial]:
    if isinstance(relation, (sympy.LessThan, sympy.StrictLessThan)):
        small, large = relation.lhs, relation.rhs
    elif isinstance(relation, (sympy.GreaterThan, sympy.StrictGreaterThan)):
        small, large = relation.rhs, relation.lhs
    else:
        raise Undecided(f"the assumption {relation} is not an inequality between sizes")
    return _single_monomial(small, relation), _single_monomial(large, relation)


def _single_monomial(side: Expr, relation: Expr) -> Monomial:
    terms = terms_of(side)
    if len(terms) != 1 or sign_of(terms[0]) < 0 or terms[0].monomial.has_logs:
        raise Undecided(f"the assumption {relation} is not of the form monomial <= monomial")
    return terms[0].monomial


def _check_negatives(positive: Sequence[Term], negative: Sequence[Term]) -> None:
    for term in negative:
        if not any(term.monomial.strictly_below(p.monomial) for p in positive):
            raise Undecided(f"the negative term {term.coefficient}*{term.monomial} is not strictly dominated "
                            "by a single positive term, so the expression may not stay positive")


def _decide(s: Monomial, others: Sequence[Monomial], cone: Cone) -> Decision:
    decision = dominated(s, others, cone)
    if decision.holds is None:
        raise Undecided(decision.reason)
    return decision


def maximal_monomials(monomials: Iterable[Monomial], cone: Cone) -> frozenset[Monomial]:
    """Drop, one at a time, every monomial that the remaining ones dominate."""
    kept = sorted(set(monomials), key=lambda m: m.rank)
    for m in list(kept):
        rest = [k for k in kept if k != m]
        if rest and _decide(m, rest, cone).holds:
            kept = rest
    return frozenset(kept)


def theta_class(expr: Expr, assumptions: Sequence[Expr] = ()) -> ThetaClass:
    """The Theta-class of a cost expression (O(.)/Theta(.)/Omega(.) are unwrapped).

    Raises ``Undecided`` with the reason when the expression is not a classifiable
    sum of monomials or a dominance question cannot be settled soundly.

    >>> t, n, L = sympy.symbols("t n L", positive=True)
    >>> theta_class(t*n**2*L + t*n) == theta_class(L*n**2*t)
    True
    >>> str(theta_class(12*t*n**2*L + t**2*n*L + t*n*L))
    '{L*n*t**2, L*n**2*t}'
    """
    return _theta_class(expr, tuple(assumptions))


@lru_cache(maxsize=4096)
def _theta_class(expr: Expr, assumptions: tuple[Expr, ...]) -> ThetaClass:
    """``theta_class``, cached: class arithmetic asks for the classes of the same bounds repeatedly."""
    terms = terms_of(expr)
    positive = [term for term in terms if sign_of(term) > 0]
    negative = [term for term in terms if sign_of(term) < 0]
    if not positive:
        raise Undecided(f"{expr} has no positive term, so it is not a cost")
    _check_negatives(positive, negative)
    cone = cone_for(frozenset().union(*(t.monomial.variables for t in terms)), assumptions)
    everything = frozenset(term.monomial for term in positive)
    return ThetaClass(maximal_monomials(everything, cone), everything)


def as_class(value, assumptions: Sequence[Expr] = ()) -> ThetaClass:
    return value if isinstance(value, ThetaClass) else theta_class(value, assumptions)


def class_cone(a: ThetaClass, b: ThetaClass, assumptions: Sequence[Expr] = ()) -> Cone:
    return cone_for(a.variables | b.variables, assumptions)


def uncovered(of: ThetaClass, by: ThetaClass, cone: Cone) -> tuple[tuple[Monomial, Decision], ...]:
    """The maximal monomials of ``of`` that ``by`` does not dominate, each with its witness."""
    found = []
    for m in of.ordered:
        decision = _decide(m, by.ordered, cone)
        if not decision.holds:
            found.append((m, decision))
    return tuple(found)


def describe_direction(names: Sequence[str], direction: Sequence[Fraction]) -> str:
    """Words for a growth direction: which sizes grow, how fast relative to each other, which stay fixed."""
    growing = [(x, v) for x, v in zip(names, direction) if v > 0]
    fixed = [x for x, v in zip(names, direction) if v == 0]
    if not growing:
        return "as the sizes grow"
    unit = min(v for _, v in growing)
    rates = {x: v / unit for x, v in growing}
    if len(set(rates.values())) == 1:
        what = " and ".join(x for x, _ in growing)
        text = f"let {what} grow" + (" together" if len(growing) > 1 else "")
    else:
        text = "let " + ", ".join(f"{x} grow like N^{_rate(r)}" for x, r in rates.items())
    return text + (f" with {', '.join(fixed)} fixed" if fixed else "")


def _rate(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"({value})"


def growth_of_gap(decision: Decision) -> str:
    unit = min((v for v in decision.direction or () if v > 0), default=Fraction(1))
    if decision.in_logs:
        return f"(log N)^{_rate(decision.gap)}"
    return f"N^{_rate(decision.gap / unit)}"
