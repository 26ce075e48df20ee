r"""Matrices and spectra as they are written: det, tr, rho, |.| and the eigenvalues of a named matrix.

``rewrite`` is an identity-only rewrite, used by the dynamics and linear-algebra canonical
forms: a matrix named by a fact (``J = [[0, 1], [-1, 0]]``) is replaced by its entries, the
context's orthogonal matrices contract (``dynamics.orthogonal``), and of an explicit matrix
``Determinant`` is expanded (``det(lambda I - J)`` is the characteristic polynomial),
``Trace`` summed and ``SpectralRadius`` taken as the largest modulus of the exact eigenvalues
(when that maximum is decided). Block determinants follow ``dynamics.blocks``.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Identity, ImmutableMatrix, MatMul, MatrixSymbol, Trace, Transpose
from sympy.matrices import MatrixBase
from sympy.matrices.expressions.determinant import Determinant
from sympy.matrices.expressions.matexpr import MatrixExpr

from ...model import Context
from ...undecided import Undecided
from ...vocabulary.linalg import SpectralRadius, Spectrum
from ..algebra import fact_rule, normalise
from .blocks import rewrite_block_determinant
from .fields import FIELD_OPERATORS, evaluate_fields
from .shapes import as_blocks, has_matrix_entries
from .orthogonal import contract, orthogonal_matrices
from .rules import DETERMINANT, DETERMINANT_PRODUCT, SPECTRAL_RADIUS, TRACE

SPECTRAL = (Determinant, Trace, SpectralRadius, Spectrum)
PM_BRANCH = sympy.Symbol("pm_branch", real=True)  # the sign b of the reader's paired \\pm, ((1 + b) U + (1 - b) L) / 2
# (the same symbol as verify.parsing.transform.PM_BRANCH: equal by name and assumptions)
LAMBDA = sympy.Dummy("lambda")


def named_matrices(context: Context) -> dict:
    """Facts ``M = [[...]]`` (a matrix symbol defined by an explicit matrix), by symbol."""
    return {f.lhs: f for f in context.facts if isinstance(f.lhs, MatrixSymbol) and isinstance(f.rhs, MatrixBase)}


def explicit(matrix) -> ImmutableMatrix | None:
    """The matrix with its entries written out, or None when a size or a block is symbolic (a matrix
    written with matrix entries is a block matrix: its entries are not numbers)."""
    if isinstance(matrix, MatrixBase):
        return None if has_matrix_entries(matrix) else ImmutableMatrix(matrix)
    if not isinstance(matrix, MatrixExpr) or not all(sympy.sympify(n).is_Integer for n in matrix.shape):
        return None
    try:
        entries = ImmutableMatrix(matrix.as_explicit())
    except (ValueError, TypeError, NotImplementedError):
        return None
    return None if entries.has(MatrixSymbol) else entries


def eigenvalues(matrix: ImmutableMatrix) -> list[Expr]:
    """The exact eigenvalues, repeated by multiplicity; Undecided when they are not found in radicals."""
    polynomial = sympy.expand(matrix.charpoly(LAMBDA).as_expr(LAMBDA))
    found = sympy.roots(polynomial, LAMBDA)
    if sum(found.values()) != matrix.rows:
        raise Undecided(f"the eigenvalues of {matrix.tolist()} are not found in radicals")
    return [root for root, multiplicity in found.items() for _ in range(multiplicity)]


def spectral_radius(matrix: ImmutableMatrix) -> Expr:
    """max |lambda| over the exact eigenvalues, when it is decided which modulus is largest."""
    moduli = [sympy.sqrt(normalise(sympy.expand(v * sympy.conjugate(v)))) for v in eigenvalues(matrix)]
    if any(m.has(sympy.conjugate, sympy.re, sympy.im) for m in moduli):
        raise Undecided(f"the moduli of the eigenvalues of {matrix.tolist()} are not decided "
                        "(are the parameters real?)")
    distinct = list(dict.fromkeys(moduli))
    largest = distinct[0]
    for modulus in distinct[1:]:
        if normalise(modulus**2 - largest**2) == 0:
            continue
        bigger = sympy.Max(largest, modulus)
        if isinstance(bigger, sympy.Max):
            raise Undecided(f"the eigenvalues of {matrix.tolist()} have moduli {', '.join(map(str, distinct))}; "
                            "which is largest depends on the parameters (a region, e.g. eta > 0, may decide it)")
        largest = bigger
    return largest


def _determinant(e: Determinant, used: set) -> Expr:
    entries = explicit(e.arg)
    if entries is not None:
        used.add(DETERMINANT)
        return sympy.expand(entries.det())
    blocks = as_blocks(e.arg)
    if blocks is not None:
        return rewrite_block_determinant(Determinant(blocks), used)
    split = multiplicative(e.arg)
    if split is not None:
        used.add(DETERMINANT_PRODUCT)
        return split
    return rewrite_block_determinant(e, used)


def multiplicative(matrix) -> Expr | None:
    """det I = 1, det X^T = det X, det(c X Y) = c^n det X det Y for square factors of size n; else None."""
    if isinstance(matrix, Identity):
        return sympy.S.One
    if isinstance(matrix, Transpose):
        return Determinant(matrix.arg)
    if not isinstance(matrix, MatMul):
        return None
    factors = [a for a in matrix.args if a.is_Matrix]
    if not all(f.is_square for f in factors):
        return None
    scalar = sympy.Mul(*[a for a in matrix.args if not a.is_Matrix])
    return scalar ** matrix.rows * sympy.Mul(*[multiplicative(f) if isinstance(f, (Identity, Transpose))
                                               else Determinant(f) for f in factors])


def _trace(e: Trace, used: set) -> Expr:
    """tr of an explicit matrix summed; otherwise by linearity, with tr I_n = n (SymPy's own rules)."""
    entries = explicit(e.arg)
    if entries is None:
        if isinstance(e.arg, MatrixBase):
            return e
        linear = e.arg._eval_trace() if hasattr(e.arg, "_eval_trace") else None
        if linear is None or linear == e:
            return e
        used.add(TRACE)
        return linear
    used.add(TRACE)
    return sympy.expand(entries.trace())


def _radius(e: SpectralRadius, used: set) -> Expr:
    entries = explicit(e.matrix)
    if entries is None:
        raise Undecided(f"rho({e.matrix}) needs the matrix's entries: with symbolic blocks or sizes it is "
                        "decided only after specialising (scalar blocks, a fixed small size)")
    used.add(SPECTRAL_RADIUS)
    return spectral_radius(entries)


_EVALUATE = {Determinant: _determinant, Trace: _trace, SpectralRadius: _radius}


def rewrite(expr: Expr, context: Context) -> tuple[Expr, tuple]:
    """``expr`` with named matrices written out and det, tr, rho evaluated where they can be."""
    named = named_matrices(context)
    if not (named or orthogonal_matrices(context) or expr.has(*SPECTRAL, *FIELD_OPERATORS)):
        return expr, ()
    used: set = set()
    if expr.has(*FIELD_OPERATORS):
        expr = evaluate_fields(expr, context, used)
    for symbol, fact in named.items():
        if expr.has(symbol):
            expr = expr.xreplace({symbol: fact.rhs})
            used.add(fact_rule(fact))
    expr = contract(expr, context, used)
    for kind, evaluate in _EVALUATE.items():
        if expr.has(kind):
            expr = expr.replace(lambda e, kind=kind: isinstance(e, kind), lambda e, f=evaluate: f(e, used))
    return expr, tuple(sorted(used, key=str))


def rewrite_where_decided(expr: Expr, context: Context) -> tuple[Expr, tuple]:
    """``rewrite`` for a canonical form: what cannot be evaluated (rho with undecided moduli) stays
    as written, so the form is still an identity and the other tiers still see the step."""
    try:
        return rewrite(expr, context)
    except Undecided:
        return expr, ()


def entrywise_zero(expr: Expr, context: Context) -> tuple[Expr, tuple]:
    """An explicit matrix whose every entry is 0 in the algebra's canonical form is the number 0 (so the
    engine's "residual is 0" sees a matrix step proved); any other expression is returned as it is."""
    entries = explicit(expr) if getattr(expr, "is_Matrix", False) else None
    if entries is None:
        return expr, ()
    from ..base import THEORIES

    used: list = []
    for entry in entries:
        form, rules = THEORIES["algebra"].canonical(entry, context)
        if form != 0:
            return expr, ()
        used.extend(r for r in rules if r not in used)
    return sympy.S.Zero, tuple(used)
