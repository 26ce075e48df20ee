"""The numeric tier: instantiate, evaluate both sides, compare. Never proves anything.

Each sample draws concrete values satisfying the assumptions (and, through the
theories, concrete densities and matrices); agreement on all samples gives
``consistent``, one disagreement gives ``refuted`` with that instantiation.
"""
from __future__ import annotations

import numpy as np
from sympy import Expr, Tuple

from ..config import CheckConfig
from ..evaluation import Evaluator
from ..model import Context, Relation
from ..theories import theory
from ..theories.base import Instance
from ..undecided import Undecided
from ..verdict import Counterexample, Status, Verdict, unknown
from .canonical import theory_names


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


def _relation_holds(a, relation: Relation, b, tol: float) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    scale = max(1.0, float(np.max(np.abs(a), initial=0)), float(np.max(np.abs(b), initial=0)))
    slack = tol * scale
    if relation in (Relation.EQ, Relation.APPROX):
        compatible = a.shape == b.shape or a.size == 1 or b.size == 1
        return compatible and bool(np.all(np.abs(a - b) <= slack))
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


def instantiate(context: Context, expr: Expr, rng: np.random.Generator) -> Instance | str:
    """One concrete instantiation of everything ``expr`` needs, or the reason there is none."""
    instance = Instance()
    for name in theory_names(context):
        make = theory(name).instantiate
        reason = make(context, expr, rng, instance) if make else None
        if reason:
            return reason
    return instance


def numeric_check(lhs: Expr, relation: Relation, rhs: Expr, context: Context, config: CheckConfig) -> Verdict:
    rng = np.random.default_rng(config.seed)
    agreed = 0
    for _ in range(config.samples):
        instance = instantiate(context, Tuple(lhs, rhs), rng)
        if isinstance(instance, str):
            return unknown(f"no numeric instantiation: {instance}")
        evaluate = Evaluator(instance.values, instance.hooks)
        try:
            with np.errstate(all="ignore"):
                left, right = evaluate(lhs), evaluate(rhs)
        except Undecided as exc:
            return unknown(f"not decided symbolically, and {exc}")
        if not (np.all(np.isfinite(left)) and np.all(np.isfinite(right))):
            continue
        if not _relation_holds(left, relation, right, config.rel_tol):
            example = Counterexample(tuple((name, _one_line(value)) for name, value in instance.described),
                                     _format(left), _format(right))
            return Verdict(Status.REFUTED, "the two sides differ at a concrete instance", counterexample=example,
                           samples=agreed + 1)
        agreed += 1
    if agreed == 0:
        return unknown("no sample gave finite values on both sides")
    return Verdict(Status.CONSISTENT, f"both sides agree on {agreed} random instances", samples=agreed)
