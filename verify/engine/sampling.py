"""Values for the numeric tier that cover what the stated assumptions allow, not a comfortable corner.

A wrong step survives random testing when the draws avoid the values that expose it, so
each plain symbol (one no theory draws and no definition fixes) is drawn by its assumptions
alone, on one of two scales:

* ``MODERATE``: reals of both signs in about (-2.5, 2.5), integers from the admissible
  low end up to 12, the parity alternating from sample to sample (odd values too, not only
  even ones), and a symbol the reader could not tell to commute (a capital of open kind)
  a random, well-conditioned square matrix when the reading asks for matrices;
* ``WIDE``: magnitudes log-uniform over five decades (1e-3 to 1e2) and integers up to 40.

A stated sign or integrality is never crossed (positive means > 0, a nonnegative integer
includes 0). Stated relations between symbols are checked by the caller on the whole
instance, since they may involve values that theories and definitions give. A stated sum
of a family (``sum_i y_i = 1``, a one-hot or normalised target) is met by construction:
the family's entries in the stated range are drawn so that they sum to the total
(``premised_entries``), since a draw that breaks a premise refutes nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

import numpy as np
import sympy
from sympy import Expr, Indexed, IndexedBase, Symbol

from ..evaluation import Evaluator
from ..model import Context
from ..theories.algebra import Recurrence, _needed, definitions
from ..theories.base import Instance
from ..theories.linalg.ranges import sum_premise
from ..undecided import Undecided

MATRIX_SIZE = 3
MODERATE_INTEGER = 12
LARGE_INTEGER = 40
CONDITION = 1e2  # a drawn matrix is redrawn above this condition number, so its inverse is accurate


class Scale(Enum):
    MODERATE = "moderate"
    WIDE = "wide"


@dataclass(frozen=True)
class Draw:
    """How one sample draws: its scale, its index (for the parity), matrices for open kinds."""

    scale: Scale = Scale.MODERATE
    index: int = 0
    matrices: bool = False


def _significant(value: float, digits: int = 4) -> float:
    return float(f"{value:.{digits}g}")


def _sign(symbol, rng: np.random.Generator) -> float:
    if symbol.is_nonnegative:
        return 1.0
    if symbol.is_nonpositive:
        return -1.0
    return float(rng.choice([-1.0, 1.0]))


def real_value(symbol, rng: np.random.Generator, scale: Scale = Scale.MODERATE) -> float:
    """A real of the symbol's sign (either, when it has none stated), never 0 unless it is nonzero-free."""
    if scale is Scale.WIDE:
        magnitude = 10 ** rng.uniform(-3.0, 2.0)
    elif symbol.is_positive or symbol.is_negative:
        magnitude = rng.uniform(0.05, 2.5)
    else:
        magnitude = rng.uniform(0.0, 2.5) if symbol.is_nonnegative or symbol.is_nonpositive else rng.uniform(0.05, 2.0)
    value = _sign(symbol, rng) * _significant(magnitude)
    if value == 0 and (symbol.is_positive or symbol.is_negative or symbol.is_zero is False):
        value = _sign(symbol, rng) * 0.05
    return value


def integer_range(symbol) -> tuple[int | None, int | None]:
    """The stated bounds of an integer symbol: positive is >= 1, nonnegative >= 0."""
    low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else None)
    high = -1 if symbol.is_negative else (0 if symbol.is_nonpositive else None)
    return low, high


def admissible_integer(symbol, value: int) -> bool:
    low, high = integer_range(symbol)
    return ((low is None or value >= low) and (high is None or value <= high)
            and not (symbol.is_even and value % 2) and not (symbol.is_odd and not value % 2)
            and not (symbol.is_zero is False and value == 0))


def integer_value(symbol, rng: np.random.Generator, draw: Draw = Draw()) -> int:
    """An admissible integer; its parity is the sample index's when the symbol allows both."""
    low, high = integer_range(symbol)
    span = LARGE_INTEGER if draw.scale is Scale.WIDE else MODERATE_INTEGER
    for _ in range(200):
        if low is not None:
            value = int(rng.integers(low, low + span + 1))
        elif high is not None:
            value = int(rng.integers(high - span, high + 1))
        else:
            value = int(rng.integers(-span, span + 1))
        wanted_odd = draw.index % 2 == 1
        if not (symbol.is_even or symbol.is_odd) and (value % 2 == 1) != wanted_odd:
            value += 1 if (high is None or value + 1 <= high) else -1
        if admissible_integer(symbol, value):
            return value
    raise ValueError(f"no admissible integer for {symbol}")  # contradictory assumptions


def matrix_value(rng: np.random.Generator, size: int = MATRIX_SIZE) -> np.ndarray:
    """A random square matrix, redrawn until it is well conditioned (so it is safely invertible)."""
    while True:
        value = np.round(rng.normal(size=(size, size)), 3)
        if np.linalg.cond(value) < CONDITION:
            return value


def is_open_kind(symbol) -> bool:
    """A symbol the reader could not tell to commute: a scalar or a matrix, for all we know."""
    return isinstance(symbol, Symbol) and symbol.is_commutative is False


@dataclass(frozen=True)
class Needs:
    """What an expression needs of a context, found once per check and shared by its draws: the
    definitions, the symbols of the expression and of every definition it reaches, and the
    recurrence the definitions form. (Finding them walks every definition's free symbols; a check
    draws up to a few hundred instances.)"""

    defined: dict
    needed: set
    recurrence: Recurrence

    @classmethod
    def of(cls, context: Context, expr: Expr) -> "Needs":
        defined = definitions(context)
        return cls(defined, _needed(expr, defined), Recurrence.of(defined))


def plain_symbols(context: Context, expr: Expr, instance: Instance, needs: Needs | None = None) -> list[Symbol]:
    """The symbols of ``expr`` (and of the definitions it reaches) that nothing else gives a value.

    Empty when some belong to a recurrence that is not unrolled: then the algebra theory
    refuses the instance with its reason, and nothing here should hide that. ``needs``: the
    check's ``Needs.of(context, expr)``, when it found them already.
    """
    needs = needs or Needs.of(context, expr)
    defined = needs.defined
    bound = set(instance.values) | set(context.integration_variables)
    free = needs.needed - bound - set(defined)
    if needs.recurrence.members(free):
        return []
    return sorted((s for s in free if isinstance(s, Symbol)), key=str)


def draw_plain(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance, draw: Draw,
               needs: Needs | None = None) -> None:
    """Give every plain symbol a value by its assumptions alone, on the draw's scale."""
    for symbol in plain_symbols(context, expr, instance, needs):
        if is_open_kind(symbol) and draw.matrices:
            value = matrix_value(rng)
            instance.values[symbol] = value
            instance.described.append((str(symbol), np.array2string(value, precision=3, separator=", ")))
            continue
        if symbol.is_integer:
            value = float(integer_value(symbol, rng, draw))
        else:
            value = real_value(symbol, rng, draw.scale)
        instance.values[symbol] = value
        instance.described.append((str(symbol), f"{value:g}"))


def has_open_kinds(expr: Expr) -> bool:
    return any(is_open_kind(s) for s in expr.free_symbols)


def simple_values(symbol) -> list[sympy.Rational]:
    """Exact points where equalities hide: 0, +-1, +-2, +-1/2, +-1/3, kept to the admissible ones."""
    candidates = [sympy.Integer(0), sympy.Integer(1), sympy.Integer(-1), sympy.Integer(2), sympy.Integer(-2),
                  sympy.Rational(1, 2), sympy.Rational(-1, 2), sympy.Rational(1, 3), sympy.Integer(3)]
    return [c for c in candidates if admits(symbol, c)]


def admits(symbol, value: sympy.Rational) -> bool:
    """Does ``value`` satisfy every assumption the symbol carries?"""
    if symbol.is_integer and not value.is_integer:
        return False
    if symbol.is_integer:
        return admissible_integer(symbol, int(value))
    checks = [(symbol.is_positive, value > 0), (symbol.is_nonnegative, value >= 0), (symbol.is_negative, value < 0),
              (symbol.is_nonpositive, value <= 0), (symbol.is_zero is False, value != 0)]
    return all(bool(holds) for stated, holds in checks if stated)


def _position(value) -> int | None:
    number = float(np.real(value))
    return int(number) if number.is_integer() else None


@dataclass
class PremisedEntries:
    """The evaluator hook for entries of families a stated sum constrains: the drawn entry inside
    the premise's range, the hook it wraps (the theory's own draw) anywhere else."""

    drawn: dict
    fallback: object = None

    def __call__(self, expr, evaluate):
        entries = self.drawn.get(expr.base)
        if entries is not None and len(expr.indices) == 1:
            position = _position(evaluate(expr.indices[0]))
            if position in entries:
                return entries[position]
        if self.fallback is None:
            raise Undecided(f"no value for {expr}")
        return self.fallback(expr, evaluate)


def _summing_to(size: int, total: float, rng: np.random.Generator, index: int) -> np.ndarray:
    """``size`` entries that sum to ``total``: a one-hot on odd samples, positive weights on even ones."""
    if index % 2:
        entries = np.zeros(size)
        entries[int(rng.integers(0, size))] = total
        return entries
    weights = np.round(rng.uniform(0.2, 1.0, size=size), 3)
    return total * weights / weights.sum()


def stated_premises(context: Context, expr: Expr) -> tuple:
    """The stated sums (``sum_premise``) on families ``expr`` or the facts it may reach show: found
    once per check, since neither depends on the values drawn."""
    shown = {n.base for e in (expr, *(f.rhs for f in context.facts)) for n in e.atoms(Indexed)}
    return tuple(p for p in (sum_premise(f, context) for f in context.facts) if p is not None and p.base in shown)


_ENTRY_NAME = re.compile(r"([A-Za-z]+)_\{?([A-Za-z])\}?")  # pi_i, pi_{i}: the generic entry of pi


@dataclass(frozen=True)
class EntryBound:
    """``0 < \\pi_i < 1`` stated with the index i free: a bound on every entry of the family pi
    (None: that side unbounded)."""

    base: IndexedBase
    low: float | None
    high: float | None


def _numeric_bound(relation) -> tuple[Symbol, float | None, float | None] | None:
    """``c < s``, ``s <= c``, ``s > c``: (s, low, high) for a symbol s bounded by a finite number c."""
    if not isinstance(relation, (sympy.StrictLessThan, sympy.LessThan, sympy.StrictGreaterThan, sympy.GreaterThan)):
        return None
    small, large = ((relation.lhs, relation.rhs) if isinstance(relation, (sympy.StrictLessThan, sympy.LessThan))
                    else (relation.rhs, relation.lhs))
    if isinstance(large, Symbol) and small.is_Number and small.is_finite:
        return large, float(small), None
    if isinstance(small, Symbol) and large.is_Number and large.is_finite:
        return small, None, float(large)
    return None


def entry_bounds(context: Context, expr: Expr) -> tuple[EntryBound, ...]:
    """The stated bounds on a generic entry (``\\pi_i \\in (0, 1)``, i a letter) of a family ``expr``
    indexes once and no fact defines: every entry drawn must meet them, since the premise holds
    for every i. A name ``pi_i`` the expression itself writes is a scalar of its own: no bound here."""
    if not any(_numeric_bound(r) for r in context.relations):
        return ()
    defined = {f.lhs.base for f in context.facts if isinstance(f.lhs, Indexed)}
    families = {str(n.base.label): n.base for e in (expr, *(f.rhs for f in context.facts))
                for n in e.atoms(Indexed) if len(n.indices) == 1 and n.base not in defined}
    written = {str(s) for s in expr.free_symbols}
    lows: dict[str, float] = {}
    highs: dict[str, float] = {}
    for relation in context.relations:
        bound = _numeric_bound(relation)
        if bound is None or str(bound[0]) in written:
            continue
        match = _ENTRY_NAME.fullmatch(str(bound[0]))
        if match is None or match.group(1) not in families:
            continue
        label, low, high = match.group(1), bound[1], bound[2]
        if low is not None:
            lows[label] = max(low, lows.get(label, low))
        if high is not None:
            highs[label] = min(high, highs.get(label, high))
    return tuple(EntryBound(families[k], lows.get(k), highs.get(k)) for k in sorted(set(lows) | set(highs)))


def _inside(bound: EntryBound, rng: np.random.Generator) -> float | None:
    """A value strictly inside the bound's range (None when the range is empty)."""
    low, high = bound.low, bound.high
    if low is not None and high is not None:
        return None if high <= low else low + (high - low) * float(np.round(rng.uniform(0.02, 0.98), 3))
    if low is not None:
        return low + float(np.round(np.exp(rng.normal()), 3))
    return high - float(np.round(np.exp(rng.normal()), 3))


@dataclass
class BoundedEntries:
    """The evaluator hook for entries of families a stated bound constrains: a fresh draw inside the
    bound per position, the hook it wraps anywhere else."""

    bounds: dict
    rng: np.random.Generator
    drawn: dict
    fallback: object = None

    def __call__(self, expr, evaluate):
        bound = self.bounds.get(expr.base)
        if bound is not None and len(expr.indices) == 1:
            position = _position(evaluate(expr.indices[0]))
            if position is not None:
                key = (expr.base, position)
                if key not in self.drawn:
                    value = _inside(bound, self.rng)
                    if value is None:
                        raise Undecided(f"the stated bounds on {expr.base} leave no value")
                    self.drawn[key] = value
                return self.drawn[key]
        if self.fallback is None:
            raise Undecided(f"no value for {expr}")
        return self.fallback(expr, evaluate)


def bounded_entries(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> None:
    """Draw the entries of families whose generic entry a premise bounds (``entry_bounds``) inside the bound."""
    bounds = entry_bounds(context, expr)
    if not bounds:
        return
    for bound in bounds:
        low = "-oo" if bound.low is None else f"{bound.low:g}"
        high = "oo" if bound.high is None else f"{bound.high:g}"
        instance.described.append((str(bound.base), f"entries drawn in ({low}, {high}) as the premise bounds them"))
    instance.hooks[Indexed] = BoundedEntries({b.base: b for b in bounds}, rng, {}, instance.hooks.get(Indexed))


def premised_entries(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance,
                     index: int = 0, premises: tuple | None = None) -> str | None:
    """Draw the families that stated sums constrain (module docstring) for the families ``expr`` and
    the facts it may reach show; the reason when a premise's range has no value at this instance.
    ``premises``: the check's ``stated_premises(context, expr)``, when it found them already. The
    families a premise bounds entrywise are drawn inside the bound (``bounded_entries``) first."""
    bounded_entries(context, expr, rng, instance)
    premises = stated_premises(context, expr) if premises is None else premises
    if not premises:
        return None
    evaluate = Evaluator(instance.values, instance.hooks)
    drawn = {}
    for premise in premises:
        try:
            low, high = (_position(evaluate(b)) for b in (premise.low, premise.high))
            total = float(np.real(evaluate(premise.total)))
        except Undecided as why:
            return f"the range of the premise on {premise.base} has no value ({why})"
        if low is None or high is None or high < low:
            return f"the premise on {premise.base} sums over an empty or fractional range at the drawn sizes"
        entries = _summing_to(high - low + 1, total, rng, index)
        drawn[premise.base] = {low + a: float(v) for a, v in enumerate(entries)}
        shown_entries = ", ".join(f"{v:.4g}" for v in entries)
        instance.described.append((str(premise.base), f"({shown_entries}) at {low}..{high}, summing to {total:g} "
                                   "as the premise states"))
    instance.hooks[Indexed] = PremisedEntries(drawn, instance.hooks.get(Indexed))
    return None
