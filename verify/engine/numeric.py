"""The numeric tier: instantiate, evaluate both sides, compare. Never proves anything.

Each sample draws concrete values satisfying the assumptions (and, through the
theories, concrete densities, matrices and functions); agreement on all samples gives
``consistent``, one disagreement gives ``refuted`` with that instantiation.

The samples search the readings the document allows rather than a comfortable corner:

* the random stream is seeded per step, from the configured seed and the step itself,
  so different steps meet different values and a run is still reproducible;
* the edges of the stated ranges come first (0 for a nonnegative real, 1 for a
  positive integer);
* a side that is complex or undefined where the other is real is a disagreement
  once an exact evaluation confirms it (``verify.engine.exact``), not a dropped sample;
* after the random samples, each variable is scanned along a grid (``search``) and, for
  a strict inequality, the points where the difference vanishes are tried.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

import numpy as np
import sympy
from sympy import Expr, Tuple

from ..config import CheckConfig
from ..evaluation import Evaluator
from ..model import Context, Relation
from ..theories import theory
from ..theories.base import Instance
from ..undecided import Undecided
from ..verdict import Counterexample, Status, Verdict, unknown
from .canonical import theory_names
from .exact import exact_value, substitutable


def _format(value) -> str:
    value = complex(np.asarray(value).item()) if np.ndim(value) == 0 else value
    if isinstance(value, complex):
        if abs(value.imag) < 1e-12:
            return f"{value.real:.6g}"
        return f"{value.real:.6g}{value.imag:+.6g}i"
    return _one_line(np.array2string(np.asarray(value), precision=4, separator=", "))  # however large the matrix


def _one_line(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _scale(a, b) -> float:
    return max(1.0, float(np.max(np.abs(a), initial=0)), float(np.max(np.abs(b), initial=0)))


def _relation_holds(a, relation: Relation, b, tol: float) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    slack = tol * _scale(a, b)
    if relation in (Relation.EQ, Relation.APPROX):
        compatible = a.shape == b.shape or a.size == 1 or b.size == 1
        return compatible and bool(np.all(np.abs(a - b) <= slack))
    if np.ndim(a) == 2 or np.ndim(b) == 2:
        raise Undecided("an inequality between matrices has no entrywise meaning")
    if np.iscomplexobj(a) or np.iscomplexobj(b):
        if np.max(np.abs(np.imag(a)), initial=0) > slack or np.max(np.abs(np.imag(b)), initial=0) > slack:
            return False
        a, b = np.real(a), np.real(b)
    checks = {
        Relation.LE: a <= b + slack,
        Relation.GE: a >= b - slack,
        Relation.LT: a < b,  # strict: equality is a counterexample, however close
        Relation.GT: a > b,
    }
    return bool(np.all(checks[relation]))


def step_seed(seed: int, lhs: Expr, relation: Relation, rhs: Expr) -> int:
    """A seed of its own for each step, derived from the configured one: reproducible, not shared."""
    text = f"{seed}\x00{Relation(relation).value}\x00{lhs}\x00{rhs}"
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, preset: dict | None = None) -> Instance | str:
    """One concrete instantiation of everything ``expr`` needs, or the reason there is none.

    ``preset`` fixes some symbols first (the edges of their ranges); the theories fill in the rest.
    """
    instance = Instance()
    for symbol, value in (preset or {}).items():
        instance.values[symbol] = value
        instance.described.append((str(symbol), f"{value:g}"))
    for name in theory_names(context):
        make = theory(name).instantiate
        reason = make(context, expr, rng, instance) if make else None
        if reason:
            return reason
    return instance


class Outcome(Enum):
    AGREE = "agree"
    DISAGREE = "disagree"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Judgement:
    """What one sample says, with the two values to show when it disagrees."""

    outcome: Outcome
    left: str = ""
    right: str = ""


def _finite(value) -> bool:
    return bool(np.all(np.isfinite(value)))


def _complex(value) -> bool:
    return bool(np.iscomplexobj(value) and np.max(np.abs(np.imag(value)), initial=0) > 0)


def judge(lhs: Expr, relation: Relation, rhs: Expr, left, right, instance: Instance, tol: float,
          undefined_disagrees: bool = True) -> Judgement:
    """Compare the two sides at one sample.

    Floating point decides when both sides are finite reals. When a side is ``nan``,
    infinite or complex, an exact evaluation decides if one is possible: a side that
    is truly undefined or complex where the other is real disagrees with it; when no
    exact evaluation is possible, an undefined side drops the sample (as it always did).
    At a chosen point (an edge of a range, a grid point such as r = 1) an undefined side
    is a removable singularity more often than an error (``(1 - r^n) / (1 - r)``), so
    there ``undefined_disagrees=False`` drops it; a complex side still disagrees.
    """
    if _finite(left) and _finite(right) and not (_complex(left) or _complex(right)):
        holds = _relation_holds(left, relation, right, tol)
        return Judgement(Outcome.AGREE) if holds else Judgement(Outcome.DISAGREE, _format(left), _format(right))
    if substitutable(Tuple(lhs, rhs), instance.values):
        a, b = exact_value(lhs, instance.values), exact_value(rhs, instance.values)
        if a.real and b.real:
            holds = _relation_holds(float(a.value), relation, float(b.value), tol)
        elif a.real != b.real:
            undefined = a.value.has(sympy.zoo, sympy.nan) or b.value.has(sympy.zoo, sympy.nan)
            if undefined and not undefined_disagrees:
                return Judgement(Outcome.DROPPED)
            holds = False
        elif relation in (Relation.EQ, Relation.APPROX) and a.value.is_finite and b.value.is_finite:
            holds = _relation_holds(complex(a.value), relation, complex(b.value), tol)
        else:
            return Judgement(Outcome.DROPPED)
        return Judgement(Outcome.AGREE) if holds else Judgement(Outcome.DISAGREE, a.shown(), b.shown())
    if not (_finite(left) and _finite(right)):
        return Judgement(Outcome.DROPPED)
    holds = _relation_holds(left, relation, right, tol)
    return Judgement(Outcome.AGREE) if holds else Judgement(Outcome.DISAGREE, _format(left), _format(right))


def evaluate_sides(lhs: Expr, rhs: Expr, instance: Instance):
    evaluate = Evaluator(instance.values, instance.hooks)
    with np.errstate(all="ignore"):
        return evaluate(lhs), evaluate(rhs)


def refutation(instance: Instance, judgement: Judgement, samples: int) -> Verdict:
    example = Counterexample(tuple((name, _one_line(value)) for name, value in instance.described),
                             judgement.left, judgement.right)
    return Verdict(Status.REFUTED, "the two sides differ at a concrete instance", counterexample=example,
                   samples=samples)


def numeric_check(lhs: Expr, relation: Relation, rhs: Expr, context: Context, config: CheckConfig) -> Verdict:
    from .search import edges, search  # the targeted points

    relation = Relation(relation)
    rng = np.random.default_rng(step_seed(config.seed, lhs, relation, rhs))
    expr = Tuple(lhs, rhs)
    agreed, first = 0, None
    presets = [edges(expr, context)] + [None] * config.samples
    for preset in [p for p in presets if p != {}]:
        instance = instantiate(context, expr, rng, preset)
        if isinstance(instance, str):
            return unknown(f"no numeric instantiation: {instance}")
        try:
            left, right = evaluate_sides(lhs, rhs, instance)
            judgement = judge(lhs, relation, rhs, left, right, instance, config.rel_tol, preset is None)
        except Undecided as exc:
            return unknown(f"not decided symbolically, and {exc}")
        if judgement.outcome is Outcome.DISAGREE:
            return refutation(instance, judgement, agreed + 1)
        if judgement.outcome is Outcome.AGREE:
            agreed += 1
            first = first or instance
    if agreed == 0:
        return unknown("no sample gave finite values on both sides")
    found = search(lhs, relation, rhs, context, first, config.rel_tol)
    if found is not None:
        instance, judgement = found
        return refutation(instance, judgement, agreed + 1)
    return Verdict(Status.CONSISTENT, f"both sides agree on {agreed} random instances", samples=agreed)
