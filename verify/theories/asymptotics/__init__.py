"""The asymptotics theory: O / Theta / Omega claims about costs in positive size variables.

Public API (used by the grader):
- ``theta_class(expr, assumptions=()) -> ThetaClass``: the set of maximal monomials;
- ``compare_classes(claimed, expected, assumptions=()) -> Comparison`` with ``kind`` one of
  ``KINDS`` and an ``explanation`` a student can act on;
- claim kinds ``theta``, ``big_o``, ``omega``, ``same_class`` (checked by the handlers below),
  whose verdict reasons spell out the maximal monomials and the dominance argument.
Its canonicaliser closes polynomial sums (Faulhaber), so ``total = L * per-layer`` and
sum expansions are proved by the ordinary step checker.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sympy import Expr, Pow

from ...config import CheckConfig
from ...model import Claim, Context, Relation
from ...verdict import Status, Verdict, proved, unknown
from ...undecided import Undecided
from ...vocabulary import BigO, BigOmega, Theta
from .classes import (ThetaClass, as_class, class_cone, describe_direction, growth_of_gap,
                                  theta_class, uncovered)
from .sums import CLOSED_FORM_SUMS, close_sums
from .terms import unwrap
from ..algebra import apply_facts
from ..base import CLAIM_HANDLERS, Rule, Theory, claim_handler, register_rule, register_theory, step_handler

MONOMIAL_DOMINANCE = register_rule(Rule(
    "monomial dominance", "f = Theta(g) when f and g have the same maximal monomials under the growth "
    "assumptions; f = O(g) when every monomial of f is dominated by one of g (Omega the other way)",
    demands_citation=False))  # every asymptotic claim is decided this way

KINDS = ("same", "same_with_lower_order_terms", "too_loose", "missing_term", "too_tight", "incomparable",
         "unknown")

__all__ = ["KINDS", "Comparison", "ThetaClass", "compare_classes", "theta_class"]


@dataclass(frozen=True)
class Comparison:
    """How a claimed class relates to the expected one.

    ``kind``: ``same``; ``same_with_lower_order_terms`` (same class, the claim also lists
    dominated terms); ``too_loose`` (the claim strictly dominates: a valid O bound, not
    tight); ``missing_term`` (the claim is dominated and drops a maximal monomial of the
    expected class while keeping another); ``too_tight`` (the claim is dominated and shares
    no maximal monomial); ``incomparable`` (neither dominates); ``unknown`` (not decided:
    ``explanation`` says why).
    """

    kind: str
    explanation: str
    claimed: ThetaClass | None = None
    expected: ThetaClass | None = None
    excess: tuple[str, ...] = ()  # maximal monomials of the claim the expected class does not dominate
    missing: tuple[str, ...] = ()  # maximal monomials of the expected class the claim does not dominate

    @property
    def upper_bound_holds(self) -> bool:
        """The claimed class is a valid O(.) bound of the expected one."""
        return self.kind in ("same", "same_with_lower_order_terms", "too_loose")

    @property
    def lower_bound_holds(self) -> bool:
        """The claimed class is a valid Omega(.) bound of the expected one."""
        return self.kind in ("same", "same_with_lower_order_terms", "too_tight", "missing_term")

    @property
    def same_class(self) -> bool:
        return self.kind in ("same", "same_with_lower_order_terms")


def _witness_sentence(monomial, decision, names, bigger: str, smaller: str) -> str:
    return (f"{monomial} of {bigger} is not dominated by {smaller}: {describe_direction(names, decision.direction)}"
            f" and {bigger} outgrows {smaller} by a factor growing like {growth_of_gap(decision)}")


def _kind(claimed: ThetaClass, expected: ThetaClass, excess, missing) -> str:
    if not excess and not missing:
        return "same_with_lower_order_terms" if claimed.has_lower_order_terms else "same"
    if not excess:
        return "missing_term" if claimed.maximal & expected.maximal else "too_tight"
    return "too_loose" if not missing else "incomparable"


def _explain(kind: str, claimed: ThetaClass, expected: ThetaClass, excess, missing, names) -> str:
    c, e = f"Theta({claimed.text})", f"Theta({expected.text})"
    head = {
        "same": f"{c} is the expected class: both have maximal monomials {expected}.",
        "same_with_lower_order_terms": f"{c} is the expected class {e}; its other terms are dominated and can be dropped.",
        "too_loose": f"O({claimed.text}) is a valid upper bound but not tight: the cost is {e}.",
        "missing_term": f"{c} misses part of the cost {e}.",
        "too_tight": f"{c} is too small: the cost is {e}.",
        "incomparable": f"{c} and the cost {e} are incomparable: neither dominates the other.",
    }[kind]
    details = [_witness_sentence(m, d, names, "the cost", "the claim") for m, d in missing]
    details += [_witness_sentence(m, d, names, "the claim", "the cost") for m, d in excess]
    return " ".join([head] + [f"The term {s}." for s in details])


def compare_classes(claimed, expected, assumptions: Sequence[Expr] = ()) -> Comparison:
    """Compare a claimed class with the expected one (expressions, O/Theta wrappers or ThetaClass).

    >>> import sympy
    >>> t, n, L = sympy.symbols("t n L", positive=True)
    >>> compare_classes(t**2*n*L, 12*t*n**2*L + t**2*n*L).kind
    'missing_term'
    >>> compare_classes(t**2*n**2*L, t*n*L + t**2*L).kind
    'too_loose'
    """
    try:
        a, b = as_class(claimed, assumptions), as_class(expected, assumptions)
        cone = class_cone(a, b, assumptions)
        excess, missing = uncovered(a, b, cone), uncovered(b, a, cone)
    except Undecided as why:
        return Comparison("unknown", f"not decided: {why}")
    kind = _kind(a, b, excess, missing)
    return Comparison(kind, _explain(kind, a, b, excess, missing, cone.names), a, b,
                      tuple(str(m) for m, _ in excess), tuple(str(m) for m, _ in missing))


def _argument(comparison: Comparison, subject: Expr) -> str:
    """The dominance argument, for the verdict's reason (an exporter prints it)."""
    a, b = comparison.claimed, comparison.expected
    return (f"maximal monomials of {subject}: {b}; of the claimed class: {a} "
            f"(size variables >= 1, growing independently unless assumed otherwise). {comparison.explanation}")


def _compare_claim(claim: Claim) -> Comparison:
    return compare_classes(unwrap(claim.value), unwrap(claim.subject), claim.assumptions)


def _verdict(claim: Claim, holds, what: str) -> Verdict:
    if not isinstance(claim.subject, Expr) or not isinstance(claim.value, Expr):
        return unknown(f"a {claim.kind} claim needs a cost expression and a class expression, "
                       f"got {claim.subject!r} and {claim.value!r}")
    comparison = _compare_claim(claim)
    if comparison.kind == "unknown":
        return unknown(comparison.explanation)
    reason = _argument(comparison, unwrap(claim.subject))
    if holds(comparison):
        return proved(f"{what} holds by monomial dominance: {reason}", (MONOMIAL_DOMINANCE,))
    return Verdict(Status.REFUTED, f"{what} fails: {reason}", used=(MONOMIAL_DOMINANCE,))


@claim_handler("theta")
def check_theta(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject (a cost) is Theta(value): the two have the same maximal monomials."""
    return _verdict(claim, lambda c: c.same_class, "the Theta-class")


@claim_handler("same_class")
def check_same_class(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject and value grow alike: the same maximal monomials (a Theta claim by another name)."""
    return _verdict(claim, lambda c: c.same_class, "the same-class claim")


@claim_handler("big_o")
def check_big_o(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject is O(value): every maximal monomial of subject is dominated by value."""
    return _verdict(claim, lambda c: c.upper_bound_holds, "the upper bound")


@claim_handler("omega")
def check_omega(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject is Omega(value): every maximal monomial of value is dominated by subject."""
    return _verdict(claim, lambda c: c.lower_bound_holds, "the lower bound")


_KIND_OF = {BigO: "big_o", Theta: "theta", BigOmega: "omega"}
_ASYMPTOTIC = tuple(_KIND_OF)


def _decaying(expr: Expr) -> bool:
    """A variable in a denominator: then it does not grow, and dominance over sizes >= 1 says nothing."""
    return any(p.exp.is_negative for p in expr.atoms(Pow) if p.base.free_symbols)


@step_handler
def check_membership(lhs, relation, rhs, context: Context, config: CheckConfig) -> Verdict | None:
    """``f = O(g)`` is membership, not equality: decided as the claim ``f is O(g)`` (also Theta
    and Omega); ``O(f) = O(g)`` is equality of classes. ``O(g) = f`` is not a step one can
    take (a class is not a function), and O-terms inside sums are not ours: both unknown."""
    if not (lhs.has(*_ASYMPTOTIC) or rhs.has(*_ASYMPTOTIC)):
        return None
    lhs, _ = apply_facts(lhs, context)
    rhs, _ = apply_facts(rhs, context)
    if relation is not Relation.EQ or not isinstance(rhs, _ASYMPTOTIC) or _inner_class(lhs) or _decaying(lhs - rhs.expr):
        return unknown("only f = O(g) (or Theta, Omega) and O(f) = O(g) are decided; a class is a set of "
                       "functions, so O-terms inside sums, O(g) = f and variables that do not grow are not")
    if isinstance(lhs, _ASYMPTOTIC):
        if type(lhs) is not type(rhs):
            return unknown(f"{type(lhs).__name__} and {type(rhs).__name__} classes are not compared as equal")
        return check_same_class(Claim(f"{lhs} = {rhs}", "same_class", lhs.expr, rhs.expr), context, config)
    claim = Claim(f"{lhs} is {rhs}", _KIND_OF[type(rhs)], lhs, rhs.expr)
    return CLAIM_HANDLERS[claim.kind](claim, context, config)


def _inner_class(expr: Expr) -> bool:
    """An O/Theta/Omega that is not the whole side (``n^2 + O(n)``)."""
    return not isinstance(expr, _ASYMPTOTIC) and expr.has(*_ASYMPTOTIC)


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """Close polynomial sums; the algebra theory then expands what is left."""
    closed, changed = close_sums(expr)
    return closed, (CLOSED_FORM_SUMS,) if changed else ()


register_theory(Theory("asymptotics", canonical))
