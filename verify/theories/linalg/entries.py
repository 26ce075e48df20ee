"""Matrices and vectors to scalars: the generic entry of a matrix expression as sums.

Two matrix expressions are equal iff their entries at symbolic (row r, column c)
are equal for all r, c; two vectors iff their components at symbolic c are. So
the theory compares ``entry(lhs - rhs, r, c)``, built from identities only:

* matrix product: ``(AB)_{rc} = sum_k A_rk B_kc``;  transpose: ``(A^T)_{rc} = A_cr``;
* softmax: ``softmax(S)_{rc} = exp(S_rc) / sum_l exp(S_rl)``;
* block multiplication: ``Concat(A_1..A_h) Stack(B_1..B_h) = sum_m A_m B_m`` when each
  ``A_m`` has as many columns as ``B_m`` has rows.

Entries of matrix symbols are ``Indexed(IndexedBase(name, real=True), r, c)``, 1-based:
the matrices of deep learning are real, and saying so lets SymPy's assumption queries
(asked each time a product is built) stop at the entries instead of trying every fact.
Anything without a rule stays an opaque ``Entry`` (true, merely uninformative).
"""
from __future__ import annotations

from sympy import (Add, Dummy, Expr, Identity, Indexed, IndexedBase, KroneckerDelta, MatAdd, MatMul, MatPow,
                   MatrixSymbol, Mul, OneMatrix, S, Sum, Transpose, ZeroMatrix, exp, expand)
from sympy.matrices.expressions.matexpr import MatrixElement, MatrixExpr

from ...vocabulary.linalg import Concat, Dot, Entry, Row, Softmax, Stack, is_column
from .rules import BLOCK_MULTIPLICATION, DOT_PRODUCT, MATRIX_POWER, MATRIX_PRODUCT, SOFTMAX_DEFINITION, TRANSPOSE
from .held import memoised
from .sums import normal


class Mixed(Exception):
    """A vector and a scalar (or a matrix and a scalar) were added: no entrywise reading."""


def fresh() -> Dummy:
    return Dummy("k", integer=True, positive=True)


def is_matrix(expr) -> bool:
    return bool(getattr(expr, "is_Matrix", False))


def _same_size(a, b) -> bool:
    return a == b or expand(a - b) == 0


def _blocks_align(left: Concat, right: Stack) -> bool:
    return len(left.blocks) == len(right.blocks) and all(
        _same_size(a.cols, b.rows) for a, b in zip(left.blocks, right.blocks))


def block_multiply(factors: list, used: set) -> list | None:
    """Replace the first aligned ``Concat * Stack`` pair by the sum of block products."""
    for n in range(len(factors) - 1):
        left, right = factors[n], factors[n + 1]
        if isinstance(left, Concat) and isinstance(right, Stack) and _blocks_align(left, right):
            used.add(BLOCK_MULTIPLICATION)
            products = [MatMul(a, b) for a, b in zip(left.blocks, right.blocks)]
            return factors[:n] + [MatAdd(*products)] + factors[n + 2:]
    return None


def _product_entry(expr, r, c, used: set) -> Expr:
    scalars = [a for a in expr.args if not is_matrix(a)]
    factors = [a for a in expr.args if is_matrix(a)]
    blocked = block_multiply(factors, used)
    if blocked is not None:
        return Mul(*scalars) * entry(MatMul(*blocked) if len(blocked) > 1 else blocked[0], r, c, used)
    if len(factors) == 1:
        return Mul(*scalars) * entry(factors[0], r, c, used)
    used.add(MATRIX_PRODUCT)
    cuts = [fresh() for _ in factors[:-1]]
    rows, cols = [r, *cuts], [*cuts, c]
    body = Mul(*(entry(f, i, j, used) for f, i, j in zip(factors, rows, cols)))
    limits = [(k, 1, f.cols) for k, f in zip(cuts, factors)]
    return Mul(*scalars) * _summed(body, limits, used)


def _summed(body: Expr, limits: list, used: set) -> Expr:
    """The sum, normalised at once: its sums held as placeholders (``linalg.held``), so the
    products and ``exp``s built around it stay cheap."""
    return normal(Sum(body, *limits), used)


def _softmax_entry(expr: Softmax, r, c, used: set) -> Expr:
    """Along each row; of a column vector (``\\text{softmax}([1, 2, 3])``), over its entries, the standard
    reading of the softmax of a vector (along its one-entry rows it would be all ones)."""
    used.add(SOFTMAX_DEFINITION)
    l = fresh()
    if is_column(expr.arg):
        return exp(entry(expr.arg, r, c, used)) / _summed(exp(entry(expr.arg, l, c, used)), [(l, 1, expr.arg.rows)],
                                                          used)
    return exp(entry(expr.arg, r, c, used)) / _summed(exp(entry(expr.arg, r, l, used)), [(l, 1, expr.arg.cols)], used)


def entry(expr, r, c, used: set) -> Expr:
    """The (r, c) entry (1-based) of the matrix expression ``expr``, as a scalar.

    Memoised within one canonical form, whose sub-expressions repeat (fresh dummies may
    be reused between calls; they are bound, so that is harmless).
    """
    value, rules = _entry_memo(expr, r, c)
    used.update(rules)
    return value


@memoised
def _entry_memo(expr, r, c) -> tuple[Expr, frozenset]:
    used: set = set()
    return _entry(expr, r, c, used), frozenset(used)


def _entry(expr, r, c, used: set) -> Expr:
    if isinstance(expr, MatrixSymbol):
        return Indexed(IndexedBase(expr.name, real=True), r, c)
    if isinstance(expr, (MatAdd, Add)):
        return Add(*(entry(a, r, c, used) if is_matrix(a) else _mixed(a) for a in expr.args))
    if isinstance(expr, (MatMul, Mul)):
        return _product_entry(expr, r, c, used)
    if isinstance(expr, Transpose):
        used.add(TRANSPOSE)
        return entry(expr.arg, c, r, used)
    if isinstance(expr, MatPow) and expr.exp.is_Integer and 1 <= expr.exp <= MAX_POWER:
        used.add(MATRIX_POWER)  # M^k is the product of k factors M, in order
        return entry(MatMul(*[expr.base] * int(expr.exp)), r, c, used)
    if isinstance(expr, Softmax):
        return _softmax_entry(expr, r, c, used)
    if isinstance(expr, ZeroMatrix):
        return S.Zero
    if isinstance(expr, OneMatrix):
        return S.One
    if isinstance(expr, Identity):
        return KroneckerDelta(r, c)
    return Entry(expr, r, c)


MAX_POWER = 8  # larger integer powers of a matrix stay whole (an Entry), never expanded


def _mixed(expr):
    raise Mixed(f"{expr} (a scalar) is added to a matrix")


def vector_length(expr) -> Expr | None:
    """The length of the first row vector inside ``expr`` (None for a scalar expression)."""
    for node in _vectors(expr):
        return node.length
    return None


def _vectors(expr):
    if isinstance(expr, Row):
        yield expr
    elif not isinstance(expr, (Dot, Entry)) and not is_matrix(expr):
        for arg in expr.args:
            yield from _vectors(arg)


def is_vector(expr) -> bool:
    return next(_vectors(expr), None) is not None


def lower(expr, col, used: set) -> Expr:
    """Rewrite rows, entries and dot products as scalars; ``col`` picks a vector's component.

    ``col`` is None in a scalar context; a vector there (or a scalar added to a vector)
    raises ``Mixed``.
    """
    if col is None and not expr.has(Row, Entry, Dot, MatrixElement, MatrixExpr):
        return expr
    if isinstance(expr, Row):
        if col is None:
            raise Mixed(f"the vector {expr} stands where a scalar is expected")
        return lower(entry(expr.matrix, expr.args[1], col, used), None, used)
    if isinstance(expr, Entry):
        scalar = entry(expr.matrix, *expr.args[1:], used)
        return expr if isinstance(scalar, Entry) else lower(scalar, None, used)
    if isinstance(expr, MatrixElement):
        return lower(entry(expr.parent, expr.i + 1, expr.j + 1, used), None, used)
    if isinstance(expr, Dot):
        return _dot(expr, used)
    if is_matrix(expr):
        raise Mixed(f"the matrix {expr} stands where a scalar is expected")
    if not expr.args:
        return expr
    return _lower_compound(expr, col, used)


def _dot(expr: Dot, used: set) -> Expr:
    first, second = expr.args
    length = vector_length(first)
    if length is None or vector_length(second) is None:
        raise Mixed(f"{expr} is a dot product of something that is not a vector")
    used.add(DOT_PRODUCT)
    k = fresh()
    return _summed(lower(first, k, used) * lower(second, k, used), [(k, 1, length)], used)


def _rebuilt(expr, args: list):
    """``expr`` with new arguments, or ``expr`` itself when none changed (no re-evaluation)."""
    return expr if all(a is b for a, b in zip(args, expr.args)) else expr.func(*args)


def _lower_compound(expr, col, used: set) -> Expr:
    if col is None or not is_vector(expr):
        if col is not None:
            raise Mixed(f"{expr} (a scalar) stands where a vector is expected")
        return _rebuilt(expr, [lower(a, None, used) for a in expr.args])
    if isinstance(expr, Add):
        return Add(*(lower(a, col, used) for a in expr.args))
    if isinstance(expr, Mul):
        vectors = [a for a in expr.args if is_vector(a)]
        if len(vectors) != 1:
            raise Mixed(f"{expr} multiplies {len(vectors)} vectors")
        return Mul(*(lower(a, col if a is vectors[0] else None, used) for a in expr.args))
    if isinstance(expr, Sum):
        return Sum(lower(expr.function, col, used), *expr.limits)
    raise Mixed(f"no component-wise reading of {type(expr).__name__} of a vector")
