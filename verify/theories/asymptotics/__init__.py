"""The asymptotics theory: O / Theta / Omega claims about costs in positive size variables.

Public API (used by the grader):
- ``theta_class(expr, assumptions=()) -> ThetaClass``: the set of maximal monomials;
- ``compare_classes(claimed, expected, assumptions=()) -> Comparison`` with ``kind`` one of
  ``KINDS`` and an ``explanation`` a student can act on;
- claim kinds ``theta``, ``big_o``, ``omega``, ``same_class`` (checked by the handlers below),
  whose verdict reasons spell out the maximal monomials and the dominance argument.
Its canonicaliser closes polynomial sums (Faulhaber), so ``total = L * per-layer`` and
sum expansions are proved by the ordinary step checker.

Steps with O / Theta / Omega terms are asymptotic arithmetic as textbooks write it: each
``=`` reads left to right as "is contained in" (``inclusion``), after both sides are brought
to one class by the registered rules of class arithmetic (``forms``). The relations a
context states between sizes (``n < d``) restrict the growth directions and decide
comparisons of products of powers (``relations``).
"""
from __future__ import annotations

from dataclasses import replace

import sympy
from sympy import Expr

from ...config import CheckConfig
from ...model import Claim, Context, Relation
from ...undecided import Undecided
from ...verdict import Status, Verdict, proved, unknown
from ...vocabulary.asymptotics import _Asymptotic
from ..algebra import apply_facts
from ..base import Rule, Theory, claim_handler, register_theory, step_handler
from .classes import ThetaClass, theta_class
from .comparison import KINDS, Comparison, compare_classes
from .forms import STATED_CONSTANTS, ClassForm, form_of, without_max
from .inclusion import MONOMIAL_DOMINANCE, includes
from .relations import check_stated_comparison, growth_assumptions
from .sums import CLOSED_FORM_SUMS, close_sums
from .terms import unwrap

__all__ = ["KINDS", "ClassForm", "Comparison", "ThetaClass", "compare_classes", "form_of", "theta_class"]


def _argument(comparison: Comparison, subject: Expr) -> str:
    """The dominance argument, for the verdict's reason (an exporter prints it)."""
    a, b = comparison.claimed, comparison.expected
    return (f"maximal monomials of {subject}: {b}; of the claimed class: {a} "
            f"(size variables >= 1, growing independently unless assumed otherwise). {comparison.explanation}")


def _compare_claim(claim: Claim, context: Context) -> Comparison:
    assumptions = growth_assumptions(context, claim.assumptions)
    try:
        value, subject = without_max(unwrap(claim.value)), without_max(unwrap(claim.subject))
    except Undecided as why:
        return Comparison("unknown", f"not decided: {why}")
    return compare_classes(value, subject, assumptions)


def _verdict(claim: Claim, context: Context, holds, what: str) -> Verdict:
    if not isinstance(claim.subject, Expr) or not isinstance(claim.value, Expr):
        return unknown(f"a {claim.kind} claim needs a cost expression and a class expression, "
                       f"got {claim.subject!r} and {claim.value!r}")
    comparison = _compare_claim(claim, context)
    if comparison.kind == "unknown":
        return unknown(comparison.explanation)
    reason = _argument(comparison, unwrap(claim.subject))
    if holds(comparison):
        return proved(f"{what} holds by monomial dominance: {reason}", (MONOMIAL_DOMINANCE,))
    return Verdict(Status.REFUTED, f"{what} fails: {reason}", used=(MONOMIAL_DOMINANCE,))


@claim_handler("theta")
def check_theta(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject (a cost) is Theta(value): the two have the same maximal monomials."""
    return _verdict(claim, context, lambda c: c.same_class, "the Theta-class")


@claim_handler("same_class")
def check_same_class(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject and value grow alike: the same maximal monomials (a Theta claim by another name)."""
    return _verdict(claim, context, lambda c: c.same_class, "the same-class claim")


@claim_handler("big_o")
def check_big_o(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject is O(value): every maximal monomial of subject is dominated by value."""
    return _verdict(claim, context, lambda c: c.upper_bound_holds, "the upper bound")


@claim_handler("omega")
def check_omega(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject is Omega(value): every maximal monomial of value is dominated by subject."""
    return _verdict(claim, context, lambda c: c.lower_bound_holds, "the lower bound")


def _leaf(context: Context, used: list[Rule]):
    """Rewrites for the pieces without classes: the context's facts (``k = n``), then closed sums;
    the rules that fired are added to ``used``."""

    constant = {s: sympy.S.One for s in context.constants}

    def rewrite(expr: Expr) -> Expr:
        expr, facts = apply_facts(expr, context)
        expr, closed = close_sums(expr)
        used.extend(facts + ((CLOSED_FORM_SUMS,) if closed else ()))
        if constant and expr.has(*constant) and _as_factors(expr, set(constant)):
            expr = expr.xreplace(constant)  # "k is a small constant": a factor O absorbs, no size
            used.append(STATED_CONSTANTS)
        return expr

    return rewrite


def _as_factors(expr: Expr, constants: set) -> bool:
    """Does each stated constant stand in ``expr`` only in sums and products, raised to numbers (``k n``,
    ``n / k^2``)? In an exponent (``n^k``) or under a function it is no factor a class absorbs."""
    if expr in constants or not expr.has(*constants):
        return True
    if isinstance(expr, (sympy.Add, sympy.Mul)):
        return all(_as_factors(a, constants) for a in expr.args)
    if isinstance(expr, sympy.Pow):
        return expr.exp.is_number and _as_factors(expr.base, constants)
    return False


@step_handler
def check_membership(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """A step with O / Theta / Omega terms reads left to right: every function the left side denotes is
    in the right side's set (``f = O(g)``, ``n O(d^2) = O(n d^2)``, ``O(n) = O(n^2)``); both sides are
    first brought to one class by the class-arithmetic rules. ``O(g) = f`` and inequalities between
    classes are not decided."""
    if not (lhs.has(_Asymptotic) or rhs.has(_Asymptotic)):
        return None
    if relation is not Relation.EQ:
        return unknown("an inequality between O/Theta/Omega terms is not decided: with classes only the "
                       "one-way = (is in) is")
    rewrites: list[Rule] = []
    try:
        left, right = form_of(lhs, _leaf(context, rewrites)), form_of(rhs, _leaf(context, rewrites))
        decided = includes(left, right, growth_assumptions(context))
    except Undecided as why:
        return unknown(f"not decided: {why}")
    if decided is None:
        return unknown("no class on either side after class arithmetic")
    if decided.status is Status.UNKNOWN or not rewrites:
        return decided
    return replace(decided, used=tuple(dict.fromkeys(rewrites + list(decided.used))))


@step_handler
def check_size_comparison(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``n^2 d < n d^2`` from the stated ``n < d`` (see ``relations``); None when the premises say nothing."""
    if not context.relations or relation is Relation.EQ or relation is Relation.APPROX:
        return None
    try:
        return check_stated_comparison(apply_facts(lhs, context)[0], relation, apply_facts(rhs, context)[0], context)
    except Undecided:
        return None


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """Close polynomial sums; the algebra theory then expands what is left."""
    closed, changed = close_sums(expr)
    return closed, (CLOSED_FORM_SUMS,) if changed else ()


register_theory(Theory("asymptotics", canonical))
