r"""Local expansions of an update: ``x_{k+1} = x_k - \alpha(F - \alpha J F) + O(\alpha^3)``.

A remainder ``O(p^k)`` of a real, non-integer parameter (a step size ``\alpha``, ``\eta``), added to
written terms that are a polynomial in ``p`` of lower degree, is the Taylor remainder as ``p -> 0``,
not a growth class of sizes: the step says that left minus right,
without the remainder, is ``O(p^k)`` as ``p -> 0``. That holds exactly when the terms of its Taylor
series below ``p^k`` vanish (the functions taken smooth, as an expansion presumes). Those terms
cancelling proves the step; a nonzero term in plain parameters refutes it; a term that still holds
unknown functions (``F(x) (F'(x) - J(F(x)))``) vanishes only for particular functions, so the step is
unknown, showing the term. The checker asks this before the theories' step handlers, since the
growth-class reading of ``O`` (sizes to infinity) is the wrong one here.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ...config import CheckConfig
from ...model import Context, Relation
from ...verdict import Status, Verdict, proved, unknown
from ...vocabulary.asymptotics import BigO, BigOmega, Theta
from ..algebra import apply_facts
from .linearised import linearise, power_of, witness
from .rules import LOCAL_EXPANSION


@dataclass(frozen=True)
class Remainder:
    """``rest + O(parameter^order)`` on one side of a step."""

    rest: Expr
    parameter: Symbol
    order: int


def _small_power(expr: Expr) -> tuple[Symbol, int] | None:
    """``p^k`` (or ``p``) of a real parameter that is no size (not an integer), k a positive integer."""
    base, exponent = expr.as_base_exp()
    if not (isinstance(base, Symbol) and base.is_integer is not True and base.is_real is not False
            and exponent.is_Integer and exponent > 0):
        return None
    return base, int(exponent)


def remainder(side: Expr) -> Remainder | None:
    """The side as ``rest + O(p^k)`` with one remainder term, or None."""
    terms = sympy.Add.make_args(side)
    classes = [t for t in terms if t.has(BigO, Theta, BigOmega)]
    if len(classes) != 1 or not isinstance(classes[0], BigO):
        return None
    power = _small_power(classes[0].expr)
    if power is None:
        return None
    rest = sympy.Add(*[t for t in terms if t is not classes[0]])
    return Remainder(rest, *power) if _below(rest, *power) else None


def _below(rest: Expr, parameter: Symbol, order: int) -> bool:
    """Whether the written terms are a polynomial in the parameter of degree below the remainder's, with
    the parameter in them: an expansion as p -> 0 (``1 + 3p + O(p^2)``). As p -> infinity the remainder is
    the smaller part (``2n^2 + O(n)``), and ``f = O(p^k)`` alone says nothing of the direction: neither
    is read here."""
    if not rest.has(parameter):
        return False
    if not rest.is_commutative:  # field values: the parameter's powers, term by term
        powers = [power_of(t, parameter) for t in sympy.Add.make_args(sympy.expand(rest))]
        return None not in powers and max(powers) < order
    try:
        polynomial = sympy.Poly(sympy.expand(rest), parameter)
    except sympy.PolynomialError:
        return False
    return polynomial.degree() < order


def _low_terms(residual: Expr, parameter: Symbol, order: int) -> Expr:
    """The Taylor terms of ``residual`` below ``parameter^order`` at 0, simplified."""
    return sympy.simplify(sympy.series(residual, parameter, 0, order).removeO().doit())


def _holds_at_infinity(residual: Expr, parameter: Symbol, order: int) -> bool:
    """Whether ``residual`` is a polynomial in the parameter of degree at most ``order`` (then it is
    O(p^order) as p -> infinity: the other reading of the remainder)."""
    try:
        return sympy.Poly(sympy.expand(residual), parameter).degree() <= order
    except sympy.PolynomialError:
        return False


def _functions(expr: Expr) -> list[str]:
    return sorted({str(f.func) for f in expr.atoms(AppliedUndef)})


def local_expansion(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``a = b + O(p^k)`` with p a small real parameter (see the module docstring)."""
    if relation is not Relation.EQ:
        return None
    both = _both_remainders(lhs, rhs, context)
    if both is not None:
        return both
    found = [(side, remainder(other)) for side, other in ((lhs, rhs), (rhs, lhs))]
    found = [(side, r) for side, r in found if r is not None and not side.has(BigO, Theta, BigOmega)]
    if len(found) != 1:
        return None
    side, written = found[0]
    plain, _ = apply_facts(side, context)
    rest, _ = apply_facts(written.rest, context)
    return _decide(plain - rest, written.parameter, written.order)


def _both_remainders(lhs: Expr, rhs: Expr, context: Context) -> Verdict | None:
    """``a + O(p^k) = b + O(p^m)``: read left to right (the left is contained in the right), it holds when
    m <= k and a - b = O(p^m)."""
    left, right = remainder(lhs), remainder(rhs)
    if left is None or right is None or left.parameter != right.parameter:
        return None
    if left.order < right.order:
        return unknown(f"the left remainder O({left.parameter}**{left.order}) is coarser than the right's "
                       f"O({right.parameter}**{right.order}): the step would need more terms of the left side")
    a, _ = apply_facts(left.rest, context)
    b, _ = apply_facts(right.rest, context)
    return _decide(a - b, right.parameter, right.order)


def _decide(residual: Expr, p: Symbol, k: int) -> Verdict | None:
    """Whether ``residual`` is O(p^k) as p -> 0."""
    if getattr(residual, "is_Matrix", False) or residual.has(BigO, Theta, BigOmega):
        return None
    if not residual.is_commutative:
        return _decide_fields(residual, p, k)
    try:
        low = _low_terms(residual, p, k)
    except (NotImplementedError, ValueError, TypeError, sympy.PoleError):
        return unknown(f"O({p}^{k}) read as a remainder as {p} -> 0; the Taylor series of left - right, "
                       f"{residual}, is not computed here")
    where = f"O({p}**{k}) read as the remainder of an expansion as {p} -> 0 ({p} a real parameter, no size)"
    if low == 0:
        smooth = _functions(residual)
        taken = f", {', '.join(smooth)} taken smooth" if smooth else ""
        return proved(f"{where}: the Taylor terms of left - right below {p}**{k} cancel{taken}", (LOCAL_EXPANSION,))
    if not low.has(AppliedUndef, sympy.Derivative, sympy.Subs):
        if _holds_at_infinity(residual, p, k):
            return unknown(f"{where}: left - right has the term(s) {low} below {p}**{k}, so it fails as {p} -> 0; "
                           f"but it is O({p}**{k}) as {p} -> infinity, and the document does not say which it means")
        return Verdict(Status.REFUTED, f"{where}: left - right has the term(s) {low} below {p}**{k}, which do "
                                       "not vanish, so it is not O of that order")
    return unknown(f"{where}: left - right has the term(s) {low} below {p}**{k}; they vanish only for particular "
                   f"{', '.join(_functions(low))} (the document would have to state how they are related, e.g. "
                   "which is the other's derivative, in a formula)")


def _decide_fields(residual: Expr, p: Symbol, k: int) -> Verdict:
    """The same question when field values (non-commuting) are in it: expanded to first order
    (``dynamics.linearised``)."""
    where = f"O({p}**{k}) read as the remainder of an expansion as {p} -> 0 ({p} a real parameter, no size)"
    expanded = linearise(residual, p)
    if expanded is None:
        return unknown(f"{where}; left - right, {residual}, is not a polynomial in {p} with fields of one moving "
                       "argument, which is all the first-order expansion of fields here handles")
    read = f"; {'; '.join(expanded.readings)}" if expanded.readings else ""
    if expanded.exact_below is not None and expanded.exact_below < k:
        return unknown(f"{where}{read}: a first-order expansion of the fields decides left - right only below "
                       f"{p}**{expanded.exact_below}, and the step claims up to {p}**{k} (second derivatives needed)")
    low = expanded.low(k)
    terms = " + ".join(f"({c})*{p}**{n}" for n, c in sorted(low.items()))
    if not low:
        smooth = sorted({str(f.func) for f in residual.atoms(AppliedUndef)
                         if not any(r.startswith(f"{f} read as the Jacobian") for r in expanded.readings)})
        return proved(f"{where}{read}: expanding each field to first order (Taylor, {', '.join(smooth)} taken "
                      f"smooth), the terms of left - right below {p}**{k} cancel", (LOCAL_EXPANSION,))
    found = witness(low)
    if found is None:
        return unknown(f"{where}{read}: left - right keeps the term(s) {terms} below {p}**{k}, which vanish only "
                       "for particular fields (no 1-d field y or y^2 makes them nonzero)")
    at, value = found
    return Verdict(Status.REFUTED, f"{where}{read}: left - right keeps the term(s) {terms} below {p}**{k}; with "
                                   f"{at} their coefficient is {value}, not 0, so it is not O of that order")
