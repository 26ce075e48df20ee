"""Exact values at a numeric sample, to confirm a disagreement that floating point may have made.

A side that is ``nan``, infinite or complex while the other is real is a counterexample
only if it really is so at that point: overflow (``exp(800)``), cancellation that dips
below zero under a square root, or a branch cut of a quantity the assumptions make
positive must not refute a correct step. The sampled values are short decimals, so
they are exact rationals; SymPy evaluates both sides there with 30 digits.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Expr

from ..evaluation import RandomFunction

DIGITS = 30


@dataclass(frozen=True)
class ExactValue:
    """A side's value at the sample: finite and real, or not (undefined, infinite, complex)."""

    value: Expr

    @property
    def real(self) -> bool:
        if self.value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or not self.value.is_number:
            return False
        re, im = self.value.as_real_imag()
        return abs(float(im)) <= 1e-20 * max(1.0, abs(float(re)))

    def shown(self) -> str:
        if self.value.has(sympy.zoo, sympy.nan):
            return "undefined"
        re, im = self.value.as_real_imag()
        return f"{float(re):.6g}" if self.real else f"{float(re):.6g}{float(im):+.6g}i"


def _exact_number(value):
    if isinstance(value, float) and np.isfinite(value):
        return sympy.Rational(repr(value))
    return None


def substitutable(expr: Expr, values: dict) -> bool:
    """Can both sides be evaluated exactly: plain scalar values, nothing a theory's hook evaluates."""
    if expr.has(sympy.Sum, sympy.Integral, sympy.Derivative, sympy.Product) or any(
            s.is_commutative is False for s in expr.free_symbols):
        return False
    stand_ins = {k for k, v in values.items() if isinstance(v, RandomFunction)}
    applied = {a.func for a in expr.atoms(sympy.core.function.AppliedUndef)}
    if not applied <= stand_ins or any(isinstance(a, sympy.MatrixExpr) for a in sympy.preorder_traversal(expr)):
        return False
    return all(s in values and _exact_number(values[s]) is not None for s in expr.free_symbols)


def exact_value(expr: Expr, values: dict) -> ExactValue:
    """``expr`` at the sample, exactly (the caller checked ``substitutable``)."""
    stand_ins = {k: v for k, v in values.items() if isinstance(v, RandomFunction)}
    if stand_ins:
        expr = expr.replace(lambda e: isinstance(e, sympy.core.function.AppliedUndef) and e.func in stand_ins,
                            lambda e: stand_ins[e.func].at(e.args))
    at = {s: _exact_number(values[s]) for s in expr.free_symbols}
    with sympy.evaluate(True):
        return ExactValue(expr.xreplace(at).evalf(DIGITS))
