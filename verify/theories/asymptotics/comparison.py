"""How a claimed Theta-class relates to an expected one, with explanations a student can act on."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sympy import Expr

from ...undecided import Undecided
from .classes import ThetaClass, as_class, class_cone, describe_direction, growth_of_gap, uncovered

KINDS = ("same", "same_with_lower_order_terms", "too_loose", "missing_term", "too_tight", "incomparable",
         "unknown")

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
