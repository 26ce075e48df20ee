"""Vectors that only name a point: ``int q(z) log(q(z)/p(z)) dz`` with z in R^d, read as over a number.

R^d and R with Lebesgue measure are isomorphic measure spaces (a measure-preserving bijection up to null
sets), so an identity among integrals and expectations of densities and of functions known only by their
letter, applied to the bare point z, holds over R^d exactly when it holds over R. A vector z that occurs only so —
as a variable or condition of a density, the bare argument of such a function, the variable of an
expectation under a density or of an integral over the whole space — is therefore replaced by a number
z, and the scalar rules decide. Any other use (``z^T z``, ``A z``, ``f(2z)``, ``\\|z\\|``, z under a normal) keeps
the vector, and with it the coordinates: nothing is converted.
"""
from __future__ import annotations

from sympy import Basic, Expr, Integral, MatrixSymbol, Symbol, Tuple, oo
from sympy.core.function import AppliedUndef

from ...vocabulary import Density, Expectation, Normal


def _slot(x, vector: MatrixSymbol, point: Symbol):
    return point if x == vector else x


def named_only(call: AppliedUndef) -> bool:
    """``f(z)``, ``q_phi(z)``: a function known by its letter alone. ``norm``, ``N``, ``sigma`` and the
    other operators the engine interprets have a structure that depends on the dimension: not these."""
    base = call.func.__name__.split("_")[0]
    return len(base) == 1 and base.isascii() and base.islower()


def _swap(expr, vector: MatrixSymbol, point: Symbol):
    """``expr`` with ``vector`` replaced by ``point`` in the point-naming places only."""
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    if isinstance(expr, Density):
        name, variables, given = expr.args
        return Density(name, tuple(_slot(v, vector, point) for v in variables),
                       tuple(_slot(g, vector, point) for g in given))
    args = [_swap(a, vector, point) for a in expr.args]
    if isinstance(expr, AppliedUndef) and named_only(expr):
        args = [_slot(a, vector, point) for a in args]
    elif isinstance(expr, Expectation) and isinstance(expr.args[1], Density):
        args[2] = _slot(expr.args[2], vector, point)
    elif isinstance(expr, Integral):
        args[1:] = [Tuple(_slot(lim[0], vector, point), *lim[1:])
                    if len(lim) == 3 and lim[1] == -oo and lim[2] == oo else lim for lim in args[1:]]
    return expr if tuple(args) == expr.args else expr.func(*args)


def as_point(expr: Expr, vector: MatrixSymbol) -> Expr | None:
    """``expr`` with the vector read as a point of the line, or None when it is used as a vector."""
    if expr.has(Normal) or any(s.name == vector.name for s in expr.atoms(Symbol)):
        return None
    swapped = _swap(expr, vector, Symbol(vector.name, real=True))
    return None if swapped.has(vector) else swapped


def coordinate_free(expr: Expr) -> Expr:
    """Every vector of ``expr`` that only names a point, replaced by a number (see the module)."""
    for vector in sorted(expr.atoms(MatrixSymbol), key=lambda m: m.name):
        if 1 in vector.shape:
            expr = as_point(expr, vector) if as_point(expr, vector) is not None else expr
    return expr
