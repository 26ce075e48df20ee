r"""Linear-algebra notation for attention: softmax, concatenation, rows, entries, dot products.

Every class is inert: it builds and prints, it never evaluates; the linalg theory
decides which rewrites are valid. Matrices are SymPy ``MatrixSymbol``s, products
and transposes SymPy's own ``MatMul`` and ``Transpose``.

Conventions (the parser follows them too):

* Sizes are positive-integer symbols: ``t`` (sequence length), ``d_k`` (query/key
  width), ``d_v`` (value width), ``d_model`` (model width), ``h`` (heads), ``n``
  (anything else). ``size("d_k")`` returns the shared symbol.
* ``matrix(name)`` gives a matrix its default shape by name (``DEFAULT_SHAPES``):
  ``Q, K: t x d_k``; ``V: t x d_v``; ``X: t x d_model``; ``S, A: t x t`` (scores,
  weights); ``W^Q, W^K: d_model x d_k``; ``W^V: d_model x d_v``;
  ``W^O: h d_v x d_model``; with a subscript (one head/block ``m``):
  ``Q_m, K_m: t x d_k``, ``V_m, head_m, H_m: t x d_v``, ``W^Q_m, W^K_m: d_model x d_k``,
  ``W^V_m: d_model x d_v``, ``W^O_m: d_v x d_model``; every other name ``n x n``.
  Names are written as in LaTeX without braces: ``W^O``, ``W^O_1``, ``head_2``.
* Indices are 1-based, as in the mathematics: ``Entry(M, i, j)`` is ``M_{ij}``,
  ``Row(M, i)`` is row ``i`` (a vector), ``Indexed(IndexedBase("Q"), i, j)`` is ``Q_{ij}``.
  SymPy's own ``M[i, j]`` (a ``MatrixElement``) stays 0-based.
* A lowercase one-index name stands for a row of the uppercase matrix when that
  matrix occurs in the same step: ``q_i`` (``Indexed(IndexedBase("q"), i)``) is
  row ``i`` of ``Q``, ``k_j`` of ``K``, ``v_j`` of ``V``. Otherwise it is a scalar.
* Softmax normalises each row (the last axis); a vector argument is a 1 x n row.

>>> from sympy import sqrt, latex
>>> Q, K, V = matrix("Q"), matrix("K"), matrix("V")
>>> (Softmax(Q * K.T / sqrt(size("d_k"))) * V).shape
(t, d_v)
>>> latex(Concat(matrix("head_1"), matrix("head_2")) * matrix("W^O"))
'\\mathrm{Concat}\\left(head_{1}, head_{2}\\right) W^{O}'
"""
from __future__ import annotations

import re

from sympy import Add, Expr, Integer, MatrixSymbol, Symbol
from sympy.core.sympify import _sympify  # strict: converts numbers, never parses strings
from sympy.matrices.expressions.matexpr import MatrixExpr

SIZE_NAMES = ("t", "d_k", "d_v", "d_model", "h", "n")


def size(name: str) -> Symbol:
    """The shared positive-integer size symbol called ``name`` (e.g. ``d_k``)."""
    return Symbol(name, positive=True, integer=True)


def index(name: str) -> Symbol:
    """A 1-based index symbol (a positive integer)."""
    return Symbol(name, positive=True, integer=True)


_T, _DK, _DV, _DM, _H, _N = (size(n) for n in SIZE_NAMES)

DEFAULT_SHAPES: dict[str, tuple[Expr, Expr]] = {
    "Q": (_T, _DK), "K": (_T, _DK), "V": (_T, _DV), "X": (_T, _DM), "S": (_T, _T), "A": (_T, _T),
    "W^Q": (_DM, _DK), "W^K": (_DM, _DK), "W^V": (_DM, _DV), "W^O": (_H * _DV, _DM),
}
BLOCK_SHAPES: dict[str, tuple[Expr, Expr]] = {
    "Q": (_T, _DK), "K": (_T, _DK), "V": (_T, _DV), "head": (_T, _DV), "H": (_T, _DV),
    "W^Q": (_DM, _DK), "W^K": (_DM, _DK), "W^V": (_DM, _DV), "W^O": (_DV, _DM),
}
_SUBSCRIPTED = re.compile(r"^(?P<stem>.+?)_\{?(?P<sub>[A-Za-z0-9]+)\}?$")


def default_shape(name: str) -> tuple[Expr, Expr]:
    """The shape ``matrix(name)`` gets when none is given (see the module docstring)."""
    if name in DEFAULT_SHAPES:
        return DEFAULT_SHAPES[name]
    match = _SUBSCRIPTED.match(name)
    if match and match["stem"] in BLOCK_SHAPES:
        return BLOCK_SHAPES[match["stem"]]
    return (_N, _N)


def matrix(name: str, rows=None, cols=None) -> MatrixSymbol:
    """A matrix symbol; shape by the naming convention unless ``rows``/``cols`` are given.

    >>> matrix("W^O_2").shape
    (d_v, d_model)
    """
    default_rows, default_cols = default_shape(name)
    rows = default_rows if rows is None else _sympify(rows)
    cols = default_cols if cols is None else _sympify(cols)
    return MatrixSymbol(name, rows, cols)


def _require_matrix(value, what: str):
    if not getattr(value, "is_Matrix", False):
        raise TypeError(f"{what} needs a matrix expression, got {value!r} ({type(value).__name__})")
    return value


def is_column(matrix) -> bool:
    """An n x 1 matrix with n not 1 (a column vector), n symbolic or not."""
    rows, cols = matrix.shape
    return cols == 1 and rows != 1


class Softmax(MatrixExpr):
    """softmax along each row: ``Softmax(S)_{ij} = exp(S_ij) / sum_l exp(S_il)``; shape of ``S``. Of a
    column vector ``v`` (n x 1), over its entries: ``Softmax(v)_i = exp(v_i) / sum_l exp(v_l)``."""

    def __new__(cls, arg):
        return MatrixExpr.__new__(cls, _require_matrix(_sympify(arg), "softmax"))

    @property
    def arg(self):
        return self.args[0]

    @property
    def shape(self):
        return self.arg.shape

    def _latex(self, printer):
        return rf"\operatorname{{softmax}}\left({printer._print(self.arg)}\right)"


class Concat(MatrixExpr):
    """Horizontal concatenation ``[B_1 B_2 ... B_h]``; blocks share their number of rows."""

    def __new__(cls, *blocks):
        if not blocks:
            raise TypeError("Concat needs at least one block")
        return MatrixExpr.__new__(cls, *(_require_matrix(_sympify(b), "Concat") for b in blocks))

    @property
    def blocks(self) -> tuple:
        return self.args

    @property
    def shape(self):
        return (self.args[0].rows, Add(*(b.cols for b in self.args)))

    def _latex(self, printer):
        return rf"\mathrm{{Concat}}\left({', '.join(printer._print(b) for b in self.args)}\right)"


class Stack(MatrixExpr):
    """Vertical stacking of row blocks ``[B_1; B_2; ...; B_h]``; blocks share their columns."""

    def __new__(cls, *blocks):
        if not blocks:
            raise TypeError("Stack needs at least one block")
        return MatrixExpr.__new__(cls, *(_require_matrix(_sympify(b), "Stack") for b in blocks))

    @property
    def blocks(self) -> tuple:
        return self.args

    @property
    def shape(self):
        return (Add(*(b.rows for b in self.args)), self.args[0].cols)

    def _latex(self, printer):
        rows = r" \\ ".join(printer._print(b) for b in self.args)
        return rf"\begin{{bmatrix}} {rows} \end{{bmatrix}}"


class Entry(Expr):
    """``M_{ij}``, the entry of a matrix expression at 1-based row ``i`` and column ``j``."""

    is_commutative = True

    def __new__(cls, matrix_expr, i, j):
        return Expr.__new__(cls, _require_matrix(_sympify(matrix_expr), "Entry"), _sympify(i), _sympify(j))

    @property
    def matrix(self):
        return self.args[0]

    def _latex(self, printer):
        m, i, j = (printer._print(a) for a in self.args)
        head = m if isinstance(self.matrix, MatrixSymbol) else rf"\left({m}\right)"
        return rf"{head}_{{{i} {j}}}"


class Row(Expr):
    """Row ``i`` (1-based) of a matrix expression, as a vector: ``Row(V, j)`` is ``v_j``.

    A vector is an ordinary commutative expression, so ``alpha * Row(V, j)`` and sums of
    them are ordinary sums; the theory compares vectors component by component.
    """

    is_commutative = True

    def __new__(cls, matrix_expr, i):
        return Expr.__new__(cls, _require_matrix(_sympify(matrix_expr), "Row"), _sympify(i))

    @property
    def matrix(self):
        return self.args[0]

    @property
    def length(self):
        return self.matrix.cols

    def _latex(self, printer):
        m, i = printer._print(self.matrix), printer._print(self.args[1])
        if isinstance(self.matrix, MatrixSymbol) and self.matrix.name.isalpha() and len(self.matrix.name) == 1:
            return rf"{self.matrix.name.lower()}_{{{i}}}"
        return rf"\left({m}\right)_{{{i},:}}"


class Dot(Expr):
    """The dot product ``u . v`` of two vectors (rows) of the same length."""

    is_commutative = True

    def __new__(cls, first, second):
        return Expr.__new__(cls, _sympify(first), _sympify(second))

    def _latex(self, printer):
        return rf"{printer._print(self.args[0])} \cdot {printer._print(self.args[1])}"


class Spectrum(Expr):
    r"""The eigenvalues of a square matrix, as a multiset: ``\lambda(J)``, ``\mathrm{eig}(M)``,
    ``\lambda_{1,2}`` of a named matrix. A step ``Spectrum(M) = (v_1, ..., v_n)`` claims the multiset."""

    def __new__(cls, matrix_expr):
        return Expr.__new__(cls, _require_matrix(_sympify(matrix_expr), "Spectrum"))

    @property
    def matrix(self):
        return self.args[0]

    def _latex(self, printer):
        return rf"\lambda\left({printer._print(self.matrix)}\right)"


class SpectralRadius(Expr):
    r"""``\rho(M)``: the largest modulus of an eigenvalue of a square matrix (a nonnegative real)."""

    is_commutative = True

    def __new__(cls, matrix_expr):
        return Expr.__new__(cls, _require_matrix(_sympify(matrix_expr), "SpectralRadius"))

    @property
    def matrix(self):
        return self.args[0]

    def _latex(self, printer):
        return rf"\rho\left({printer._print(self.matrix)}\right)"


class PlusMinus(Expr):
    r"""``a \pm b``: two values at once, ``a + b`` (upper sign) and ``a - b`` (lower sign).

    ``a \mp b`` is ``PlusMinus(a, -b)``. Every ``PlusMinus`` of one statement takes the
    same sign (``1 \pm i\eta`` and ``|1 \pm i\eta|`` read upper with upper), so a
    statement with ``\pm`` is two statements, one per sign.
    """

    is_commutative = True

    def __new__(cls, centre, offset):
        return Expr.__new__(cls, _sympify(centre), _sympify(offset))

    @property
    def centre(self):
        return self.args[0]

    @property
    def offset(self):
        return self.args[1]

    def _latex(self, printer):
        centre = "" if self.centre == 0 else printer._print(self.centre) + " "
        return rf"{centre}\pm {printer._print(self.offset)}"


def _field_args(field, variables):
    from sympy import Tuple
    return _sympify(field), Tuple(*variables)


class _FieldOperator:
    """An operator on a vector field written with its components (a Matrix, row or column) or by name
    (``F``, ``F(x)``, resolved through the context's definition ``F(x) = [...]``). ``variables`` are the
    coordinates it differentiates in, in order; empty, the theory takes them from the components' names
    (``x_1, x_2, x_3``, or ``x_1 .. x_n`` for ``F(x)`` with n components)."""

    @property
    def field(self):
        return self.args[0]

    @property
    def variables(self) -> tuple:
        return tuple(self.args[1])


class Curl(_FieldOperator, MatrixExpr):
    r"""``\nabla \times F`` of a 3-component field, a 3 x 1 column:
    (dF3/dx2 - dF2/dx3, dF1/dx3 - dF3/dx1, dF2/dx1 - dF1/dx2)."""

    def __new__(cls, field, variables=()):
        return MatrixExpr.__new__(cls, *_field_args(field, variables))

    @property
    def shape(self):
        return (Integer(3), Integer(1))

    def _latex(self, printer):
        return rf"\nabla \times {printer._print(self.field)}"


class PlaneCurl(_FieldOperator, Expr):
    r"""``\nabla \times F`` of a 2-component field: the scalar dF2/dx1 - dF1/dx2."""

    is_commutative = True

    def __new__(cls, field, variables=()):
        return Expr.__new__(cls, *_field_args(field, variables))

    def _latex(self, printer):
        return rf"\nabla \times {printer._print(self.field)}"


class Divergence(_FieldOperator, Expr):
    r"""``\nabla \cdot F = sum_i dF_i/dx_i`` (a scalar)."""

    is_commutative = True

    def __new__(cls, field, variables=()):
        return Expr.__new__(cls, *_field_args(field, variables))

    def _latex(self, printer):
        return rf"\nabla \cdot {printer._print(self.field)}"


class JacobianOf(_FieldOperator, MatrixExpr):
    r"""``J(F)``, ``DF``, ``\nabla F`` of an n-component field in n coordinates: the n x n matrix with
    entry (i, j) = dF_i/dx_j. ``n`` is the number of components (the reader knows it from the field's
    definition)."""

    def __new__(cls, field, variables, n):  # the order of ``args``, so SymPy rebuilds it
        return MatrixExpr.__new__(cls, *_field_args(field, variables), _sympify(n))

    @property
    def shape(self):
        return (self.args[2], self.args[2])

    def _latex(self, printer):
        return rf"J\left({printer._print(self.field)}\right)"


class Cross(MatrixExpr):
    r"""``u \times v`` of two 3-component vectors, a 3 x 1 column: (u2 v3 - u3 v2, u3 v1 - u1 v3, u1 v2 - u2 v1)."""

    def __new__(cls, first, second):
        return MatrixExpr.__new__(cls, _sympify(first), _sympify(second))

    @property
    def shape(self):
        return (Integer(3), Integer(1))

    def _latex(self, printer):
        return rf"{printer._print(self.args[0])} \times {printer._print(self.args[1])}"

def row(letter: str, i) -> Row:
    """``row("v", j)`` is ``v_j``, row ``j`` of the matrix ``V`` with its default shape."""
    return Row(matrix(letter.upper()), i)


__all__ = ["Softmax", "Concat", "Stack", "Entry", "Row", "Dot", "Spectrum", "SpectralRadius", "PlusMinus",
           "Curl", "PlaneCurl", "Divergence", "JacobianOf", "Cross",
           "matrix", "row", "size", "index",
           "default_shape", "DEFAULT_SHAPES", "SIZE_NAMES"]


FIELD_OPERATORS = (Curl, PlaneCurl, Divergence, JacobianOf, Cross)  # evaluated through a field's components
