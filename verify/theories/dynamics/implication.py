r"""Implications and equivalences between relations (``a \Rightarrow b``, ``a \iff b``) under the premises.

Each relation is first stripped of a strictly increasing map applied to both sides, where the
premises put both sides in the map's domain (``log`` of positives, ``exp``, ``sqrt`` and powers
of nonnegatives; a number on one side counts as the map of its preimage: ``sqrt(u) > 1`` is
``u > 1``). Then, with ``a`` read as ``d_a > 0`` (or ``>= 0``) and ``b`` as ``d_b > 0``:

* ``d_b = r d_a`` with ``r > 0`` on the region (multiplying or dividing by a quantity known
  positive): the two have the same sign everywhere, so ``a <=> b`` when both are strict or
  both are not, and ``a => b`` unless only ``b`` is strict;
* ``d_b - d_a >= 0`` on the region (``b`` is weaker): ``a => b`` (a strict ``b`` needs a strict
  ``a`` or ``d_b - d_a > 0``).

Otherwise exact rational points of the region where ``a`` holds and ``b`` fails refute the
implication; finding none is only ``consistent``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Expr
from sympy.core.relational import Relational

from ...config import CheckConfig
from ...errors import UsageError
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ..algebra import normalise
from ..base import claim_handler
from .region import Region, region_of, show_point
from .rules import MONOTONE_MAP, POSITIVE_FACTOR, WEAKER_BOUND
from .sign import decide


@dataclass(frozen=True)
class Oriented:
    """``bigger > smaller`` (``strict``) or ``bigger >= smaller``; ``equality`` for ``=``."""

    bigger: Expr
    smaller: Expr
    strict: bool
    equality: bool = False

    @property
    def difference(self) -> Expr:
        return sympy.expand(self.bigger - self.smaller)

    def describe(self) -> str:
        return f"{self.bigger} {'=' if self.equality else '>' if self.strict else '>='} {self.smaller}"


def oriented(relation: Relational) -> Oriented:
    """The relation as ``bigger > smaller`` (or >=, =); ``u != v`` is read ``(u - v)^2 > 0`` (real sides)."""
    if isinstance(relation, sympy.Unequality):
        return Oriented(sympy.expand((relation.lhs - relation.rhs) ** 2), sympy.S.Zero, True)
    if isinstance(relation, sympy.Equality):
        return Oriented(relation.lhs, relation.rhs, False, True)
    if isinstance(relation, (sympy.StrictGreaterThan, sympy.GreaterThan)):
        return Oriented(relation.lhs, relation.rhs, isinstance(relation, sympy.StrictGreaterThan))
    if isinstance(relation, (sympy.StrictLessThan, sympy.LessThan)):
        return Oriented(relation.rhs, relation.lhs, isinstance(relation, sympy.StrictLessThan))
    raise UsageError(f"an implication relates =, !=, <, <=, > or >= relations, got {relation!r}")


def _positive(expr: Expr, region: Region) -> bool:
    return decide(expr, True, region).holds is True


def _nonnegative(expr: Expr, region: Region) -> bool:
    return decide(expr, False, region).holds is True


# name, does it apply to an expression, its argument, the preimage of a number, is the argument in the domain
_MAPS = (
    ("exp", lambda e: isinstance(e, sympy.exp), lambda e: e.args[0],
     lambda c: sympy.log(c) if c.is_positive else None, lambda u, region: u.is_extended_real is not False),
    ("log", lambda e: isinstance(e, sympy.log), lambda e: e.args[0], sympy.exp, _positive),
    ("a positive power", lambda e: e.is_Pow and e.exp.is_Rational and e.exp.is_positive and e.exp != 1,
     lambda e: e.base, None, _nonnegative),
)


def _peel_once(relation: Oriented, region: Region) -> tuple[Oriented, str] | None:
    """The relation between the arguments, when one increasing map is applied to both sides."""
    sides = (relation.bigger, relation.smaller)
    for name, applies, argument, preimage, in_domain in _MAPS:
        if not any(applies(side) for side in sides):
            continue
        if name == "a positive power":
            powers = {side.exp for side in sides if applies(side)}
            if len(powers) != 1:
                continue
            power = powers.pop()
            invert = lambda c, p=power: c ** (1 / p) if c.is_nonnegative else None  # noqa: E731
        else:
            invert = preimage
        inner = []
        for side in sides:
            if applies(side) and (name != "a positive power" or side.exp == power):
                inner.append(argument(side))
            elif side.is_number and invert is not None and invert(side) is not None:
                inner.append(invert(side))
            else:
                break
        if len(inner) == 2 and all(in_domain(u, region) for u in inner):
            shown = f"{name} is strictly increasing where both sides lie"
            return Oriented(inner[0], inner[1], relation.strict, relation.equality), shown
    return None


def peel(relation: Oriented, region: Region) -> tuple[Oriented, list[str]]:
    steps = []
    for _ in range(8):
        peeled = _peel_once(relation, region)
        if peeled is None:
            break
        relation, why = peeled
        steps.append(why)
    return relation, steps


@dataclass(frozen=True)
class Link:
    """How ``b`` follows from ``a``: ``forward`` (a => b) and ``backward`` (b => a) shown, and why."""

    forward: bool
    backward: bool
    reason: str
    rules: tuple = ()


def link(a: Oriented, b: Oriented, region: Region) -> Link | None:
    """The exact argument relating two (peeled) relations, or None."""
    d_a, d_b = a.difference, b.difference
    if d_a == 0:
        return None
    if a.equality or b.equality:
        if not (a.equality and b.equality):
            return None
        ratio = normalise(sympy.cancel(d_b / d_a))
        if _positive(ratio, region) or _positive(-ratio, region):
            return Link(True, True, f"{b.describe()} is {a.describe()} times {ratio}, which is never 0",
                        (POSITIVE_FACTOR,))
        return None
    ratio = normalise(sympy.cancel(d_b / d_a))
    if ratio == 1:
        return Link(a.strict or not b.strict, b.strict or not a.strict, f"both read {d_a} > 0 (or >= 0)")
    if _positive(ratio, region):
        why = f"{d_b} = ({ratio}) * ({d_a}), and {ratio} > 0 on the region: the same sign everywhere"
        return Link(a.strict or not b.strict, b.strict or not a.strict, why, (POSITIVE_FACTOR,))
    gap = normalise(d_b - d_a)
    if _nonnegative(gap, region):
        strict_gap = _positive(gap, region)
        forward = a.strict or not b.strict or strict_gap
        return Link(forward, False, f"{d_b} - ({d_a}) = {gap} >= 0 on the region: the second is weaker",
                    (WEAKER_BOUND,))
    return None


def _holds(relation: Relational, point: dict) -> bool | None:
    value = relation.xreplace(point)
    return True if value is sympy.true else False if value is sympy.false else None


def _counterexample(a: Relational, b: Relational, region: Region, config: CheckConfig) -> tuple[dict | None, int]:
    """A rational point of the region where ``a`` holds and ``b`` fails, and how many points where
    ``a`` held were tried (``b`` held at each of them)."""
    tried = 0
    for point in region.points(np.random.default_rng(config.seed), max(config.samples, 24)):
        if _holds(a, point) is True:
            if _holds(b, point) is False:
                return point, tried
            tried += _holds(b, point) is True
    return None, tried


def _refuted(first: Relational, second: Relational, point: dict) -> Verdict:
    example = Counterexample(show_point(point), f"{first} holds", f"{second} fails")
    return Verdict(Status.REFUTED, f"at a point of the region {first} holds and {second} does not",
                   counterexample=example)


@claim_handler("implication")
def check_implication(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject ``Implies(a, b)`` or ``Equivalent(a, b)`` of relationals; assumptions the premises."""
    subject = claim.subject
    both = isinstance(subject, sympy.Equivalent)
    if not (both or isinstance(subject, sympy.Implies)) or len(subject.args) != 2:
        return unknown(f"an implication claim needs Implies(a, b) or Equivalent(a, b), got {subject}")
    first, second = subject.args
    if not all(isinstance(r, Relational) for r in (first, second)):
        return unknown("both sides of the implication must be relations (build them with evaluate=False)")
    region = region_of((first.lhs, first.rhs, second.lhs, second.rhs), claim.assumptions)
    if not all(s.is_real for s in region.symbols):
        return unknown(f"the parameters {', '.join(map(str, region.symbols))} are not all declared real: "
                       "an order between complex values is not defined")
    (a, peeled_a), (b, peeled_b) = peel(oriented(first), region), peel(oriented(second), region)
    found = link(a, b, region)
    if found is not None and found.forward and (found.backward or not both):
        rules = found.rules + ((MONOTONE_MAP,) if peeled_a or peeled_b else ())
        maps = "; ".join(dict.fromkeys(peeled_a + peeled_b))
        return proved(f"{'; '.join(filter(None, [maps, found.reason]))}; so {first} "
                      f"{'<=>' if both else '=>'} {second} for {region.describe()}", rules)
    directions = ((first, second), (second, first)) if both else ((first, second),)
    agreed = 0
    for premise, conclusion in directions:
        point, tried = _counterexample(premise, conclusion, region, config)
        if point is not None:
            return _refuted(premise, conclusion, point)
        agreed += tried
    why = "no exact argument relates the two relations"
    if not agreed:
        return unknown(f"{why}, and no sampled point of the region ({region.describe()}) satisfies the premise")
    return Verdict(Status.CONSISTENT, f"{why}; at {agreed} sampled points of the region where the premise holds "
                   "the conclusion holds too", samples=agreed)

