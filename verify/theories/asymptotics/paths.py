"""Growth along a path: a witness that a function of undecided sign is outside a class.

``(n - k + 1) k d`` has no sign the monomials settle (its terms may cancel), so dominance cannot
place it. A path on which every size grows as a power of ``t`` (``n = t^2, k = t, d = t``), and on
which every stated relation holds for all large ``t``, is a concrete sequence of instances in the
region the document describes: if the function outgrows the bound along it, the function is in no
``O`` of the bound; if it falls behind (or turns negative), it is in no ``Omega``. Every size grows
on the path, so the witness holds under the "all sizes large" reading of several-variable O as well.
A path proves no membership: only a refutation is drawn from it.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Sequence

import sympy
from sympy import Expr

_EXPONENTS = (1, 2, 3)
_MOST_SIZES = 4  # 3^4 paths at most


@dataclass(frozen=True)
class Growth:
    """``c t^degree`` is the leading behaviour of an expression on a path (``c`` != 0)."""

    degree: int
    coefficient: Expr


def _growth(expr: Expr, t: sympy.Symbol) -> Growth | None:
    """Leading power of ``t`` of a rational function of ``t``; None for anything else (a log)."""
    numerator, denominator = sympy.fraction(sympy.cancel(sympy.together(expr)))
    try:
        top, bottom = sympy.Poly(numerator, t), sympy.Poly(denominator, t)
    except sympy.PolynomialError:
        return None
    if top.is_zero:
        return Growth(-1 << 30, sympy.S.Zero)
    if not (top.LC().is_number and bottom.LC().is_number):
        return None
    return Growth(top.degree() - bottom.degree(), sympy.nsimplify(top.LC() / bottom.LC()))


def _eventually_holds(relation: Expr, point: dict, t: sympy.Symbol) -> bool | None:
    """Does the stated relation hold for every large ``t`` on the path? None: not a relation read here."""
    if isinstance(relation, sympy.Eq):
        gap = _growth(relation.lhs.subs(point) - relation.rhs.subs(point), t)
        return None if gap is None else gap.coefficient == 0
    if not isinstance(relation, (sympy.StrictLessThan, sympy.LessThan, sympy.StrictGreaterThan,
                                 sympy.GreaterThan)):
        return None
    gap = _growth(relation.gts.subs(point) - relation.lts.subs(point), t)
    if gap is None:
        return None
    if gap.coefficient == 0:
        return not isinstance(relation, (sympy.StrictLessThan, sympy.StrictGreaterThan))
    return bool(gap.coefficient > 0)


def _names(member: Expr, bound: Expr, assumptions: Sequence[Expr]) -> list[sympy.Symbol] | None:
    """The sizes of both sides and of every relation that reaches them (transitively)."""
    names = set(member.free_symbols | bound.free_symbols)
    relations = [r for r in assumptions if getattr(r, "free_symbols", None)]
    grew = True
    while grew:
        grew = False
        for relation in relations:
            if relation.free_symbols & names and not relation.free_symbols <= names:
                names |= relation.free_symbols
                grew = True
    if not names or len(names) > _MOST_SIZES or any(s.is_positive is False for s in names):
        return None
    return sorted(names, key=str)


def outside_along_a_path(member: Expr, kind: str, bound: Expr, assumptions: Sequence[Expr] = ()) -> str | None:
    """A sentence naming a path on which ``member`` leaves ``kind(bound)`` (``kind`` is "O", "Theta" or
    "Omega"), or None when no path of the small family tried shows it."""
    names = _names(member, bound, assumptions)
    if names is None:
        return None
    relevant = [r for r in assumptions if getattr(r, "free_symbols", None) and r.free_symbols <= set(names)]
    t = sympy.Dummy("t", positive=True)
    for exponents in product(_EXPONENTS, repeat=len(names)):
        point = {s: t ** e for s, e in zip(names, exponents)}
        holds = [_eventually_holds(r, point, t) for r in relevant]
        if None in holds:
            return None  # a stated relation this reader cannot follow: no witness is sound
        if not all(holds):
            continue
        ours, theirs = _growth(member.subs(point), t), _growth(bound.subs(point), t)
        if ours is None or theirs is None or not theirs.coefficient > 0:
            continue
        if kind in ("O", "Theta") and ours.degree > theirs.degree:
            return _sentence(names, exponents, member, bound, ours, theirs, "outgrows")
        if kind in ("Omega", "Theta") and (ours.degree < theirs.degree or ours.coefficient < 0):
            return _sentence(names, exponents, member, bound, ours, theirs, "falls behind")
    return None


def _sentence(names, exponents, member, bound, ours: Growth, theirs: Growth, verb: str) -> str:
    path = ", ".join(f"{s} = t" + ("" if e == 1 else f"^{e}") for s, e in zip(names, exponents))
    scale = "" if ours.coefficient == 1 else f"{ours.coefficient} "
    growth = "is 0" if ours.coefficient == 0 else f"grows like {scale}t^{ours.degree}"
    return (f"on the path {path} (t -> oo; the stated relations hold on it), {member} {growth} while "
            f"{bound} grows like t^{theirs.degree}: it {verb} the bound")
