"""Block matrices with symbolic blocks: the determinant identities that hold, and why not otherwise.

``det [[A, B], [C, D]]`` (square blocks of one size) has a closed form when two blocks of
one row or one column commute (Silvester, "Determinants of block matrices", 2000):
C, D commute: det(AD - BC); A, C: det(AD - CB); B, D: det(DA - BC); A, B: det(DA - CB).
Commuting is decided only where it is plain: a block that is a multiple of the identity
(or zero) commutes with everything, and a block commutes with itself. Otherwise the
determinant stays and the step is unknown, with the specialisation that would decide it.

Sylvester's identity ``det(I + c X Y) = det(I + c Y X)`` gives determinants of that form one
canonical order, so ``det(I + eta^2 A A^T)`` and ``det(I + eta^2 A^T A)`` meet.
"""
from __future__ import annotations

import sympy
from sympy import BlockMatrix, Expr, Identity, MatAdd, MatMul, ZeroMatrix, default_sort_key
from sympy.matrices.expressions.determinant import Determinant

from ...undecided import Undecided
from .rules import BLOCK_DETERMINANT, SYLVESTER_DETERMINANT


def _scalar_identity(block) -> bool:
    """A multiple of the identity (zero included): it commutes with every block of its size."""
    if isinstance(block, (Identity, ZeroMatrix)):
        return True
    if isinstance(block, MatMul):
        scalars = [a for a in block.args if not a.is_Matrix]
        matrices = [a for a in block.args if a.is_Matrix]
        return bool(scalars) and len(matrices) == 1 and isinstance(matrices[0], (Identity, ZeroMatrix))
    return getattr(block, "is_Matrix", False) and block.is_Identity is True


def commute(x, y) -> bool:
    """Plainly commuting blocks: equal, or one of them a multiple of the identity."""
    return x == y or _scalar_identity(x) or _scalar_identity(y)


def block_determinant(matrix: BlockMatrix) -> Expr:
    """det of a 2 x 2 block matrix with square blocks of one size, by the commuting pair found."""
    if matrix.blockshape != (2, 2):
        raise Undecided(f"a determinant of a {matrix.blockshape[0]} x {matrix.blockshape[1]} block matrix "
                        "is decided only for 2 x 2 blocks")
    (a, b), (c, d) = matrix.blocks.tolist()
    if not all(block.is_square for block in (a, b, c, d)) or a.shape != d.shape:
        raise Undecided("the blocks are not square of one size: no block determinant formula applies")
    for commuting, value in (((c, d), a * d - b * c), ((a, c), a * d - c * b),
                             ((b, d), d * a - b * c), ((a, b), d * a - c * b)):
        if commute(*commuting):
            return Determinant(value.doit())
    raise Undecided(f"det of the block matrix {matrix} is decided when two blocks of one row or column "
                    "commute (an identity or zero block); here none plainly does. With scalar blocks "
                    "(1 x 1) or a fixed small size the determinant is expanded exactly")


def _identity_plus_product(arg) -> tuple | None:
    """``I + c X Y`` as (identity, c, X, Y), X and Y single matrices, else None."""
    if not isinstance(arg, MatAdd) or len(arg.args) != 2:
        return None
    identities = [t for t in arg.args if isinstance(t, Identity)]
    products = [t for t in arg.args if isinstance(t, MatMul)]
    if len(identities) != 1 or len(products) != 1:
        return None
    product = products[0]
    scalars = sympy.Mul(*[a for a in product.args if not a.is_Matrix])
    matrices = [a for a in product.args if a.is_Matrix]
    if len(matrices) != 2:
        return None
    return identities[0], scalars, matrices[0], matrices[1]


def sylvester(determinant: Determinant, used: set) -> Expr:
    """``det(I + c X Y)`` in the order whose printed form sorts first (the identity swaps XY and YX)."""
    parts = _identity_plus_product(determinant.arg)
    if parts is None:
        return determinant
    _, c, x, y = parts
    forms = [Determinant((Identity(x.rows) + c * x * y).doit()), Determinant((Identity(y.rows) + c * y * x).doit())]
    chosen = min(forms, key=default_sort_key)
    if chosen != determinant:
        used.add(SYLVESTER_DETERMINANT)
    return chosen


def rewrite_block_determinant(determinant: Determinant, used: set) -> Expr:
    matrix = determinant.arg
    if not isinstance(matrix, BlockMatrix):
        return sylvester(determinant, used)
    used.add(BLOCK_DETERMINANT)
    return sylvester(block_determinant(matrix), used)


def scalar_blocks(expr: Expr) -> tuple[Expr, dict]:
    """The specialisation to 1 x 1 blocks: each square symbolic block becomes a real scalar.

    An instance of the statement, so a counterexample found here refutes it; agreement
    here proves nothing for larger blocks."""
    replacements, scalars = {}, {}
    for block in sorted(expr.atoms(sympy.MatrixSymbol), key=default_sort_key):
        if block.is_square and not block.shape[0].is_number:
            scalar = sympy.Symbol(f"{block.name}_scalar", real=True)
            replacements[block] = sympy.ImmutableMatrix([[scalar]])
            scalars[block] = scalar
    sizes = {block.shape[0]: 1 for block in scalars}
    special = expr.xreplace(replacements).xreplace(sizes)
    special = special.replace(lambda e: isinstance(e, Identity), lambda e: sympy.ImmutableMatrix([[1]]))
    return special, scalars
