"""Is every function the left side denotes in the right side's set? The one-way ``=`` of O-notation.

``f = O(g)`` and ``n O(d^2) = O(n d^2)`` read left to right as "is in" / "is contained in"
(Knuth; Concrete Mathematics section 9). A proof needs the right side's set exactly
(an upper estimate of it proves nothing); a refutation names a function of the left
side's set outside the right side's (class membership by monomial dominance, with the
growth direction that witnesses it).
"""
from __future__ import annotations

from typing import Sequence

import sympy
from sympy import Expr, Pow

from ...rules import Rule, register_rule
from ...undecided import Undecided
from ...verdict import Status, Verdict, proved, unknown
from .comparison import compare_classes
from .paths import outside_along_a_path
from .relations import lower_estimate
from .forms import ClassForm, Kind, absolute_terms, absorbed, positive_cost, without_max

ONE_WAY_EQUALITY = register_rule(Rule(
    "one-way equality", "in f = O(g), and in each step of a chain T = n O(d^2) = O(n d^2), = reads left to "
    "right as 'is in' / 'is contained in': every function the left side denotes is in the right side's "
    "class; O(g) = f is not the same statement", demands_citation=False))
MONOMIAL_DOMINANCE = register_rule(Rule(
    "monomial dominance", "f = Theta(g) when f and g have the same maximal monomials under the growth "
    "assumptions; f = O(g) when every monomial of f is dominated by one of g (Omega the other way)",
    demands_citation=False))  # every asymptotic claim is decided this way


def _decaying(expr: Expr, sizes: set[str]) -> bool:
    """A variable in a denominator: then it may not grow, and dominance over sizes >= 1 says nothing.
    A name a stated relation ties to another size (``r <= n``) is a size even there (``O(n / r)``), and
    so is a positive integer (a count of groups or heads is at least 1): over sizes >= 1 the ratio test
    along growth directions holds for negative exponents as well."""
    return any(p.exp.is_negative for p in expr.atoms(Pow)
               if p.base.free_symbols and not all(_is_size(s, sizes) for s in p.base.free_symbols))


def _is_size(symbol, sizes: set[str]) -> bool:
    return symbol.name in sizes or bool(symbol.is_integer and symbol.is_positive)


def _related_sizes(assumptions: Sequence[Expr]) -> set[str]:
    """Names on either side of a relation between two sizes (both sides with variables)."""
    names: set[str] = set()
    for relation in assumptions:
        sides = getattr(relation, "args", ())
        if len(sides) == 2 and all(getattr(side, "free_symbols", None) for side in sides):
            names |= {s.name for s in relation.free_symbols}
    return names


def _compare(claimed: Expr, expected: Expr, assumptions: Sequence[Expr]):
    sizes = _related_sizes(assumptions)
    for side in (claimed, expected):
        if _decaying(side, sizes):
            raise Undecided(f"{side} has a size in a denominator; O/Theta/Omega steps are decided only for "
                            "sizes that grow (a stated relation such as r <= n says a name is a size)")
    comparison = compare_classes(without_max(claimed), without_max(expected), assumptions)
    if comparison.kind == "unknown":
        raise Undecided(comparison.explanation)
    return comparison


def member_of(member: Expr, kind: Kind, bound: Expr, assumptions: Sequence[Expr] = ()) -> tuple[bool, str]:
    """Is the single function ``member`` in ``kind(bound)``? With the argument, for a reason."""
    member = sympy.expand(member)
    if member == 0:
        if kind is Kind.O:
            return True, "0 is in every O class"
        if not positive_cost(bound, assumptions):
            raise Undecided(f"{bound} is not known to be a positive cost")
        return False, f"0 is in no {kind.value} class of a positive function such as {bound}"
    if positive_cost(member, assumptions):
        size = member
    elif positive_cost(-member, assumptions):
        if kind is not Kind.O:
            return False, f"{member} is negative, and {kind.value}({bound}) holds positive functions only"
        size = -member
    else:
        return _between_estimates(member, kind, bound, assumptions)
    comparison = _compare(bound, size, assumptions)
    holds = {Kind.O: comparison.upper_bound_holds, Kind.THETA: comparison.same_class,
             Kind.OMEGA: comparison.lower_bound_holds}[kind]
    verb = "is" if holds else "is not"
    return holds, f"{member} {verb} in {kind.value}({bound}): {comparison.explanation}"


def _between_estimates(member: Expr, kind: Kind, bound: Expr, assumptions: Sequence[Expr]) -> tuple[bool, str]:
    """A function of undecided sign lies between a lower estimate from the stated relations (``n - k + 1``
    is at least 1 when ``k <= n``) and the sum of its terms' sizes ``f+ >= |f|``; membership is decided
    when both estimates agree on it, else undecided (the terms may cancel)."""
    upper = absolute_terms(member)
    lower = lower_estimate(member, assumptions)
    if lower is not None and not positive_cost(lower, assumptions):
        lower = None
    if not positive_cost(upper, assumptions):
        raise Undecided(f"{member} is not a cost expression whose growth is decided here")
    shown = f"{lower} <= {member} <= {upper}" if lower is not None else f"|{member}| <= {upper}"
    above = _compare(bound, upper, assumptions)
    below = _compare(bound, lower, assumptions) if lower is not None else None
    upper_in_o, upper_in_omega = above.upper_bound_holds, above.lower_bound_holds
    lower_in_o = below is None or below.upper_bound_holds
    lower_in_omega = below is not None and below.lower_bound_holds
    if not lower_in_o and kind in (Kind.O, Kind.THETA):
        return False, f"{shown} (by the stated relations), and already {lower} is not in O({bound})"
    if not upper_in_omega and kind in (Kind.OMEGA, Kind.THETA):
        return False, f"{shown}, and already {upper} is not in Omega({bound})"
    holds = {Kind.O: upper_in_o, Kind.OMEGA: lower_in_omega, Kind.THETA: upper_in_o and lower_in_omega}[kind]
    if holds:
        return True, f"{shown} (by the stated relations), so {member} is in {kind.value}({bound})"
    witness = outside_along_a_path(member, kind.value, bound, assumptions)
    if witness is not None:
        return False, f"{member} is not in {kind.value}({bound}): {witness}"
    raise Undecided(f"the sign of {member} is not decided, and its estimates {shown} do not settle whether it "
                    f"is in {kind.value}({bound}) (its terms may cancel)")


_SUBSET_TEST = {  # (left kind, right kind) -> the kind of class the left bound must be in
    (Kind.O, Kind.O): Kind.O, (Kind.THETA, Kind.O): Kind.O, (Kind.THETA, Kind.THETA): Kind.THETA,
    (Kind.THETA, Kind.OMEGA): Kind.OMEGA, (Kind.OMEGA, Kind.OMEGA): Kind.OMEGA,
}


def _uses(*forms: ClassForm) -> tuple[Rule, ...]:
    return tuple(dict.fromkeys((ONE_WAY_EQUALITY,) + tuple(r for f in forms for r in f.rules)
                               + (MONOMIAL_DOMINANCE,)))


def _outcome(holds: bool, why: str, left: ClassForm, right: ClassForm,
             assumptions: Sequence[Expr] = ()) -> Verdict:
    statement = f"{left.text()} is contained in {right.text()}"
    if holds and right.exact:
        return proved(f"{statement} (read left to right): {why}", _uses(left, right))
    if holds:
        return unknown(f"{right.text()} is only an upper estimate of the right side (the right side may be a "
                       f"smaller set), so {statement} does not show the step: {why}")
    if left.exact:
        return Verdict(Status.REFUTED, f"not every function of the left side is in the right side: {why}",
                       used=_uses(left, right))
    return _refuted_by_member(left, right, why, assumptions)


def _refuted_by_member(left: ClassForm, right: ClassForm, why: str, assumptions: Sequence[Expr]) -> Verdict:
    """An estimate of the left side is refuted only by a function the left side does denote."""
    member = sympy.expand(left.a_member)
    inside, because = member_of(member - right.offset, right.kind, right.bound, assumptions)
    if inside:
        return unknown(f"{left.text()} is only an upper estimate of the left side, so a function of it outside "
                       f"the right side does not refute the step: {why}")
    return Verdict(Status.REFUTED, f"the left side holds {member} (each of its classes at its bound), which is "
                                   f"not in the right side: {because}", used=_uses(left, right))


def _sizes(expr: Expr) -> Expr:
    return sympy.Mul(*sorted(expr.free_symbols, key=str))


def includes(left: ClassForm, right: ClassForm, assumptions: Sequence[Expr] = ()) -> Verdict | None:
    """Decide ``left`` is contained in ``right``; None when neither side has a class."""
    for form in (left, right):
        if not form.is_function and not positive_cost(form.bound, assumptions):
            raise Undecided(f"the class {form.kind.value}({form.bound}) is not of a positive cost")
    if right.is_function:
        if left.is_function:
            return None
        return unknown(_class_then_function(left, right.offset))
    gap = sympy.expand(left.offset - right.offset)
    if left.is_function:
        holds, why = member_of(gap, right.kind, right.bound, assumptions)
        return _outcome(holds, why, left, right, assumptions)
    if gap != 0:
        return _shifted(gap, left, right, assumptions)
    test = _SUBSET_TEST.get((left.kind, right.kind))
    if test is not None:
        holds, why = member_of(left.bound, test, right.bound, assumptions)
        because = f"its functions are those of {left.kind.value}({left.bound}), and {why}"
        return _outcome(holds, because, left, right, assumptions)
    if left.kind is Kind.O:
        _, why = member_of(sympy.S.Zero, right.kind, right.bound, assumptions)
        return _outcome(False, f"O({left.bound}) holds 0, and {why}", left, right, assumptions)
    faster = left.bound * _sizes(left.bound + right.bound)
    if faster == left.bound:
        return unknown(f"Omega({left.bound}) has no size variable to grow, so it is not compared")
    holds, why = member_of(faster, right.kind, right.bound, assumptions)
    if holds:
        return unknown(f"Omega({left.bound}) is not compared with {right.text()}: {why}")
    return _outcome(False, f"Omega({left.bound}) holds {faster}, and {why}", left, right, assumptions)


def _class_then_function(left: ClassForm, function: Expr) -> str:
    """Why ``class = function`` is not decided (and, for an estimate, what the left side is)."""
    head = (f"a class = a function is not decided: read left to right, {left.text()} = {function} says every "
            f"function of the class is {function}, which is not what {function} = {left.kind.value}(...) says "
            "(= with a class is one-way; write the function first)")
    if left.exact:
        return head
    rules = ", ".join(r.name for r in left.rules)
    return (f"{head}. Moreover the left side is only known to lie inside {left.text()} ({rules}), an "
            "estimate rather than the set itself (Theta(f) - Theta(f), for one, is two different functions, "
            "which need not cancel)")


def _shifted(gap: Expr, left: ClassForm, right: ClassForm, assumptions: Sequence[Expr]) -> Verdict:
    """``f + O(g)`` into ``f' + O(g')``: the shift ``f - f'`` and ``g`` must both be in O(g')."""
    if not (left.kind is Kind.O and right.kind is Kind.O):
        if right.offset == 0 and left.offset != 0:
            return includes(absorbed(left), right, assumptions)  # n + Theta(d) is inside Theta(n + d)
        return unknown(f"{left.text()} and {right.text()} differ by {gap} outside the classes; only O classes "
                       "are compared across such a shift")
    shift_in, why_shift = member_of(gap, Kind.O, right.bound, assumptions)
    if not shift_in:
        because = f"the left side holds {left.offset} (its class at 0), and {why_shift}"
        return _outcome(False, because, left, right, assumptions)
    bound_in, why_bound = member_of(left.bound, Kind.O, right.bound, assumptions)
    if not bound_in:
        witness = f"{left.offset} + {left.bound}"
        return _outcome(False, f"the left side holds {witness}; {why_shift}, but {why_bound}", left, right,
                        assumptions)
    return _outcome(True, f"{why_shift}; {why_bound}", left, right, assumptions)

