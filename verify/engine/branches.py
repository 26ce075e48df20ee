r"""Steps written with ``\pm``: one step per sign, each decided on its own, all must hold.

The reader gives a side with ``\pm`` in one of two forms, and a fact may bring either in:

* paired: ``((1 + b) U + (1 - b) L) / 2`` in the real symbol ``PM_BRANCH`` b, when two sides of
  one formula carry a ``\pm``. ``b = 1`` is every upper sign, ``b = -1`` every lower sign, so the
  two branches are known and kept upper with upper;
* a set: ``FiniteSet(U, L)``, when one side alone carries it (``|1 \pm i\eta|``). The set says
  which values the side takes, not which is the upper one.

So a step is split as follows (``Split``): a set against a side without ``\pm`` claims the relation
of each value; paired sides (or one paired side and one plain) claim it for each sign. A set
against a set (or a paired side) cannot be told upper from lower: the two ways of matching the
values (``Matchings``) may refute the step when both fail, never prove it, since the sign the
document wrote (``\pm`` or ``\mp``) is exactly what the set forgot.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import sympy
from sympy import Expr, FiniteSet, Symbol
from sympy.sets.sets import Set

from ..model import Context, Fact
from ..theories.dynamics.written import PM_BRANCH
_SIGN_NAMES = {1: "the upper sign", -1: "the lower sign"}
_FACT_ROUNDS = 6  # facts that bring a paired \pm in through other facts: at most this deep


@dataclass(frozen=True)
class Case:
    """One statement a split step makes: ``lhs relation rhs`` under ``context``, named by ``says``."""

    says: str  # "with the upper sign", "for the value 1/2 - s/2"
    lhs: Expr
    rhs: Expr
    context: Context


@dataclass(frozen=True)
class Split:
    """The step holds when every case does."""

    cases: tuple[Case, ...]
    paired: bool  # the cases are the two signs (not the values of a set)


@dataclass(frozen=True)
class Matchings:
    """Two sides with two values each whose upper and lower values are not known: each option
    matches them one way. The step as written is one of the options, which one is not known."""

    options: tuple[tuple[Case, ...], ...]


@dataclass(frozen=True)
class Refused:
    """A form with ``\\pm`` that is not split here, and why."""

    reason: str


@dataclass(frozen=True)
class _Side:
    plain: Expr | None = None
    ordered: tuple[Expr, Expr] | None = None  # (upper, lower)
    values: tuple[Expr, ...] | None = None  # a set: the values, order unknown

    @property
    def count(self) -> int:
        return 1 if self.plain is not None else 2 if self.ordered is not None else len(self.values)


def has_branches(expr: Expr) -> bool:
    """Whether an expression carries a ``\\pm`` in either of the reader's forms (or any set)."""
    return isinstance(expr, sympy.Basic) and (expr.has(PM_BRANCH) or bool(expr.atoms(Set)) or isinstance(expr, Set))


def _set_facts(context: Context) -> dict:
    """Facts naming a set of values (``\\lambda_\\pm = \\tfrac12(1 \\pm s) - i\\eta``, read as a set)."""
    return {f.lhs: f.rhs for f in context.facts if isinstance(f.rhs, FiniteSet) and isinstance(f.lhs, Symbol)}


def _paired_facts(context: Context) -> dict:
    return {f.lhs: f.rhs for f in context.facts if isinstance(f.rhs, sympy.Basic) and f.rhs.has(PM_BRANCH)
            and isinstance(f.lhs, Symbol)}


def _with_paired_facts(side: Expr, paired: dict) -> Expr:
    for _ in range(_FACT_ROUNDS):
        if not any(side.has(name) for name in paired):
            return side
        side = side.xreplace(paired)
    return side


def _side(side: Expr, context: Context) -> _Side | Refused:
    side = _with_paired_facts(side, _paired_facts(context))
    named = _set_facts(context)
    carriers = [s for s in side.atoms(FiniteSet)] + [s for s in side.free_symbols if s in named]
    if isinstance(side, FiniteSet):
        carriers = [side]
    if len(carriers) > 1:
        return Refused("a side holds more than one set of values written with \\pm: which value of one goes "
                       "with which of the other is not known (write the two branches as separate lines)")
    if carriers and side.has(PM_BRANCH):
        return Refused("a side mixes a paired \\pm with a set of values: its branches cannot be matched")
    if carriers:
        carrier = carriers[0]
        elements = named[carrier].args if carrier in named else carrier.args
        values = tuple(dict.fromkeys(side.xreplace({carrier: v}) for v in elements))
        if any(has_branches(v) for v in values):
            return Refused("a set of values inside a set of values is not split")
        return _Side(values=values) if len(values) > 1 else _Side(plain=values[0])
    if side.atoms(Set) or isinstance(side, Set):
        return Refused("a side is a set that is not a finite set of values (\\pm): no relation between sets is decided")
    if side.has(PM_BRANCH):
        return _Side(ordered=(side.xreplace({PM_BRANCH: 1}), side.xreplace({PM_BRANCH: -1})))
    return _Side(plain=side)


def _branch_context(context: Context, sign: int | None) -> Context:
    """The context of one case: sets of values dropped (the case substituted its value), a paired fact
    taken with the case's sign (both signs undecided when ``sign`` is None: then it is dropped too)."""
    facts = []
    for fact in context.facts:
        if isinstance(fact.rhs, Set):
            continue
        if isinstance(fact.rhs, sympy.Basic) and fact.rhs.has(PM_BRANCH):
            if sign is None:
                continue
            fact = Fact(fact.name, fact.lhs, fact.rhs.xreplace({PM_BRANCH: sign}))
        facts.append(fact)
    return replace(context, facts=tuple(facts))


def _sign_value(side: _Side, sign: int) -> Expr:
    return side.plain if side.plain is not None else side.ordered[0 if sign > 0 else 1]


def _two(side: _Side) -> tuple[Expr, Expr]:
    return side.ordered if side.ordered is not None else side.values


def split(lhs: Expr, rhs: Expr, context: Context) -> Split | Matchings | Refused | None:
    """The statements a step with ``\\pm`` makes (None: the step has no ``\\pm``)."""
    if not (has_branches(lhs) or has_branches(rhs) or any(
            side.has(name) for side in (lhs, rhs) for name in (*_set_facts(context), *_paired_facts(context)))):
        return None
    left, right = _side(lhs, context), _side(rhs, context)
    for side in (left, right):
        if isinstance(side, Refused):
            return side
    if left.plain is not None and right.plain is not None:  # a set of one value (|1 \\pm i eta| with i = I)
        if (left.plain, right.plain) == (lhs, rhs):
            return None
        return Split((Case("with its one value", left.plain, right.plain, _branch_context(context, None)),),
                     paired=False)
    unordered = [s for s in (left, right) if s.values is not None]
    if not unordered:  # paired, or paired against plain: one case per sign
        return Split(tuple(Case(f"with {_SIGN_NAMES[sign]}", _sign_value(left, sign), _sign_value(right, sign),
                                _branch_context(context, sign)) for sign in (1, -1)), paired=True)
    if left.plain is not None or right.plain is not None:  # a set against one value: each value
        plain, values = (left, right) if left.plain is not None else (right, left)
        cases = []
        for value in values.values:
            pair = (plain.plain, value) if plain is left else (value, plain.plain)
            cases.append(Case(f"for the value {value}", *pair, _branch_context(context, None)))
        return Split(tuple(cases), paired=False)
    if left.count != 2 or right.count != 2:
        return Refused("sides with different numbers of values written with \\pm cannot be matched")
    (a, b), (c, d) = _two(left), _two(right)
    plain_context = _branch_context(context, None)
    return Matchings(((Case(f"with {a} matched to {c}", a, c, plain_context),
                       Case(f"with {b} matched to {d}", b, d, plain_context)),
                      (Case(f"with {a} matched to {d}", a, d, plain_context),
                       Case(f"with {b} matched to {c}", b, c, plain_context))))
