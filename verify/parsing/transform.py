"""The lark Transformer: one method per rule alias, building SymPy objects of our vocabulary.

Numbers, powers, factorials and sum ranges are checked against the limits
*before* SymPy builds them, so ``9^{9^{9^{9}}}`` is refused, never computed.
"""
from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
import re
import operator
from dataclasses import dataclass

import sympy
from lark import Token
from lark.visitors import Transformer_NonRecursive, v_args
from sympy import Expr, Integer, MatrixSymbol, Rational, Symbol
from sympy.core.function import AppliedUndef

from ..theories.linalg.ranges import summed_family, unstated_size
from ..theories.probability.coordinate_free import as_point
from ..vocabulary import KL, BigO, BigOmega, Density, Expectation, Normal, Theta
from ..vocabulary.linalg import Cross, Curl, Divergence
from . import objects
from .kinds import IDENTITY_NAME, Kinds, fit_product, fit_sides, fit_sum, is_capital
from . import lexicon
from .lexicon import MUCH_RELATIONS
from ..model import STATEMENT_RELATIONS
from .limits import Limits

_PM_RULES = frozenset({"plus_minus", "minus_plus", "pm_prefix"})
RELATIONS = STATEMENT_RELATIONS  # grammar token -> the relation's text (verify.model owns the table)
_ASYMPTOTIC = {"O": BigO, "Theta": Theta, "Omega": BigOmega}


class Refusal(Exception):
    """Raised inside the transformer; the caller adds the position. ``limit`` names a broken limit."""

    def __init__(self, message: str, limit: str | None = None):
        super().__init__(message)
        self.limit = limit


@dataclass(frozen=True)
class Statement:
    """``e0 r1 e1 r2 e2 ...``; ``lead`` is a relation the text started with (a continued chain)."""

    exprs: tuple
    relations: tuple[str, ...]
    lead: str | None = None
    indexed: tuple = ()  # (symbol, Indexed) for names like s_j, alpha_{ij} left as symbols here


@dataclass(frozen=True)
class _Partial:
    """``\\partial x`` before it meets the fraction bar that makes it a derivative; ``order`` n of
    ``\\partial^n f`` (above the bar), ``power`` n of ``\\partial x^n`` (below it: x taken n times)."""

    of: object
    order: int = 1
    power: int = 1

    def value(self) -> Expr:
        """What is differentiated, as written above the bar (``\\partial x^2``: of x^2)."""
        return _expr(self.of) ** self.power


@dataclass(frozen=True)
class _Differentials:
    """``\\partial x \\partial y``, ``\\partial x^2``: below a fraction bar, the variables and how often each
    is taken, in the order written."""

    counts: tuple


def _counts(value) -> tuple | None:
    """The ((variable, n), ...) a denominator of partials names, or None when it is none."""
    if isinstance(value, _Differentials):
        return value.counts
    if isinstance(value, _Partial) and isinstance(value.of, Symbol) and value.order == 1:
        return ((value.of, value.power),)
    return None


def _derivative(body: Expr, of) -> Expr:
    """d/dx of ``body``; ``of`` a variable, a (variable, n) pair, or a tuple of such pairs (mixed partials)."""
    if isinstance(of, tuple) and of and isinstance(of[0], tuple):
        return sympy.Derivative(body, *of)
    return sympy.Derivative(body, of)


@dataclass(frozen=True)
class _Indices:
    """``{i, l}`` in ``v_{i, l}``: several indices, which only a subscript can hold."""

    items: tuple


@dataclass(frozen=True)
class _DerivativeOperator:
    """``\\frac{\\partial}{\\partial x}``: a derivative waiting for what it applies to; ``(x, n)`` for the
    n-th derivative (``\\frac{d^2}{dx^2}``)."""

    variable: Symbol | tuple


@dataclass(frozen=True)
class _IntegralOperator:
    """``\\int dz``: an integral written with its differential first (``\\int dz\\, p(x, z)``), waiting
    for its integrand: the whole product after it, up to the next + or - or relation."""

    integrate: Callable[[Expr], Expr]


@dataclass(frozen=True)
class _Implicit:
    """Factors written side by side, multiplied once the product ends; after ``d/dx`` or ``\\int dz``
    (``of``) the derivative or integral applies to the whole product, up to the next + or - or relation."""

    factors: tuple
    of: Symbol | tuple | _IntegralOperator | None = None
    before: tuple = ()  # c \frac{d}{dx} f: factors written before the operator, outside what it applies to

    def value(self) -> Expr:
        if self.of is not None and not self.factors:
            raise Refusal("a derivative or integral operator with nothing after it to apply to")
        product = _product(self.factors)
        if isinstance(self.of, _IntegralOperator):
            applied = self.of.integrate(product)
        else:
            applied = product if self.of is None else _derivative(product, self.of)
        return _product(self.before + (applied,)) if self.before else applied

    def extended(self, factor) -> _Implicit:
        return _Implicit(self.factors + (factor,), self.of, self.before)


def _product(factors: tuple) -> Expr:
    """All at once, so ``2 (x + y) p`` stays as written (pairwise, 2 (x + y) would be expanded
    first); matrices pairwise, so their products are MatMul in the order written."""
    if all(isinstance(f, Expr) and f.is_commutative and not getattr(f, "is_Matrix", False) for f in factors):
        return sympy.Mul(*factors)
    return functools.reduce(_times, factors)


def _times(a, b):
    a, b = fit_product(a, b)
    if getattr(a, "is_Matrix", False) and getattr(b, "is_Matrix", False) and a.shape[1] != b.shape[0] \
            and 1 in a.shape + b.shape and not _column_pair(a, b):
        # SymPy does not check symbolic sizes: x^T A x with x of length n and A of t x t would be summed
        # entry by entry over two different ranges. (Two matrices of the convention's shapes, A B, stay a
        # product of symbols, as before.)
        raise Refusal(f"a product of a {_shape(a)} and a {_shape(b)} matrix: the sizes do not fit; "
                      "declare the shapes (e.g. $A \\in \\mathbb{R}^{n \\times n}$)")
    for scalar, matrix in ((a, b), (b, a)):  # SymPy cannot scale a matrix by a factor that may not commute
        symbolic = isinstance(matrix, sympy.MatrixExpr) and not isinstance(matrix, sympy.MatrixBase)
        if symbolic and isinstance(scalar, Expr) and not scalar.is_Matrix and scalar.is_commutative is False:
            raise Refusal(f"{scalar} times the matrix or vector {matrix}: {scalar} is not shown to be a number "
                          "(its kind is open); say what it is, or write the product entry by entry")
    product = operator.mul(a, b)
    if getattr(product, "is_Matrix", False) and product.shape == (1, 1):  # q^T k: a number, not a 1x1 matrix
        return product[0, 0]
    return product


def _over_a_vector(body, variable, bounded: bool):
    """``\\int q(z) \\log \\frac{q(z)}{p(z)} dz`` with z a vector: an integral over R^d, its variable the
    vector, when z only names a point there (densities of z, f(z)): the probability theory reads it as over
    a number (``coordinate_free``). ``z^T z``, ``A z`` under it need the coordinates: refused, and so are
    limits (a vector has no interval)."""
    vector = next((m for m in body.atoms(sympy.MatrixSymbol) if isinstance(variable, Symbol)
                   and m.name == variable.name), None)
    if vector is None:
        return variable
    if bounded:
        raise Refusal(f"an integral over d{variable.name} with limits where {variable.name} is a vector: not read "
                      "(a vector has no interval; write the region or the coordinates)")
    if as_point(sympy.Integral(body, (vector, -sympy.oo, sympy.oo)), vector) is None:
        raise Refusal(f"an integral over d{variable.name} where {variable.name} is a vector used as one (its "
                      f"entries, a product or norm of {variable.name}, or {variable.name} under a normal): not "
                      "read (write it per coordinate, or as an expectation)")
    return vector


_LOGARITHMS = ("log", "ln")


def _written_product(a, sign: str, b):
    """``a \\cdot b``, ``a \\times b``, ``a * b``: the product (of matrices, the matrix product, as ML
    notes write ``Q \\times K^T``; of two columns of one length, ``q \\cdot k``, their dot product);
    ``u \\times v`` is a cross product when both sides are 3-component
    vectors, or one is a curl or cross product and the other a field (its name or components); a
    number times either is a scalar multiple. Two vectors of another length are refused."""
    if "times" in sign:
        crossed = _cross_product(a, b)
        if crossed is not None:
            return crossed
    vectors = all(getattr(x, "is_Matrix", False) and 1 in x.shape for x in (a, b))
    if "times" not in sign and "*" not in sign and vectors and a.shape == b.shape and a.shape[1] == 1:
        return _times(a.T, b)  # q \cdot k of two columns: their dot product, a number
    if "times" in sign and vectors:
        raise Refusal("\\times between two vectors of other than 3 components (a cross product) is not read")
    return _times(a, b)


def _is_field_value(x) -> bool:
    return isinstance(x, (Curl, Cross))


def _three_vector(x) -> bool:
    return isinstance(x, sympy.MatrixBase) and sorted(x.shape) == [1, 3]


def _cross_product(a, b):
    """``u \\times v`` as a cross product (see ``_written_product``), or None when it is a product."""
    (c, u), (k, v) = (_scaled(a), _scaled(b))
    if _is_field_value(u) or _is_field_value(v) or (_three_vector(u) and _three_vector(v)):
        if any(isinstance(x, Expr) and x.is_number for x in (u, v)):
            return None
        for side in (u, v):
            if not (_is_field_value(side) or _three_vector(side) or isinstance(side, (Symbol, AppliedUndef,
                                                                                          MatrixSymbol))):
                raise Refusal(f"cannot read {side} as a vector field in a cross product")
        return c * k * Cross(u, v)
    return None


def _scaled(x):
    """``-F`` as (-1, F): a number in front of a field is a scalar multiple, outside the cross product."""
    if isinstance(x, sympy.Mul) and x.args and x.args[0].is_number and len(x.args) == 2:
        return x.args[0], x.args[1]
    if isinstance(x, sympy.MatMul) and x.args and x.args[0].is_number and len(x.args) == 2:
        return x.args[0], x.args[1]
    return sympy.S.One, x


def _field(expr, operator: str):
    """What a curl or divergence applies to: a field's name (``F``, ``F(x)``) or its components."""
    if isinstance(expr, (Symbol, AppliedUndef, MatrixSymbol)) or (isinstance(expr, sympy.MatrixBase)
                                                                  and 1 in expr.shape):
        return expr
    raise Refusal(f"{operator} applies to a field's name or components, not to {expr}")


def _column_pair(a, b) -> bool:
    """``q k``, ``q \\cdot k`` of two column vectors of one length: kept as written, a product the
    randomness reader takes for their dot product (``randomness/rewriting.vector_pair``)."""
    return a.shape == b.shape and a.shape[1] == 1


def _shape(matrix) -> str:
    return f"{matrix.shape[0]} x {matrix.shape[1]}"


@dataclass(frozen=True)
class _Components:
    """A bracketed comma list ``[a, b, c]``: a vector's components, read as one column (with or without
    ``^T``: a list written in a line is a tuple, and vector calculus takes tuples as columns)."""

    entries: tuple

    def value(self) -> Expr:
        return sympy.ImmutableMatrix([[e] for e in self.entries])


def _oriented(sides) -> tuple:
    """The sides of a relation; a written tuple beside a row of as many entries (``\\sigma_r B = (a, b, c)``)
    is that row, as before a matrix: a tuple has no orientation (``_Components`` reads it as a column)."""
    values = [_expr(x) for x in sides]
    rows = [v.shape for v in values if getattr(v, "is_Matrix", False) and v.shape[0] == 1 and v.shape[1] != 1]
    return tuple(v.T if isinstance(x, _Components) and rows and rows[0] == (1, len(x.entries)) else v
                 for x, v in zip(sides, values))


def _row_if_left_of_a_matrix(left, right) -> Expr:
    """``(1/3, 0, 2/3) A``: a tuple has no orientation (``_Components`` reads it as a column); before a
    matrix with as many rows as it has entries, it is the row that the product needs, as a mixed strategy
    is written in game theory."""
    value = _expr(left)
    matrix = _expr(right)
    if isinstance(left, _Components) and getattr(matrix, "is_Matrix", False) and matrix.shape[0] == len(left.entries) \
            and len(left.entries) > 1:
        return value.T
    return value


def _expr(value) -> Expr:
    if isinstance(value, (_Implicit, _Components)):
        return value.value()
    if isinstance(value, _Differentials):
        raise Refusal("\\partial x \\partial y must stand below a fraction bar (\\frac{\\partial^2 f}{\\partial x \\partial y})")
    if isinstance(value, (_Partial, _DerivativeOperator)):
        raise Refusal("\\partial must stand in a fraction such as \\frac{\\partial f}{\\partial x}")
    if isinstance(value, _IntegralOperator):
        raise Refusal("an integral \\int dz with no integrand after its differential")
    if isinstance(value, tuple):
        raise Refusal("a subscript like z \\sim q only belongs under an expectation")
    if isinstance(value, _Indices):
        raise Refusal("a list of indices like {i, l} only belongs in a subscript")
    return value


def _has_class(expr) -> bool:
    from ..vocabulary.asymptotics import _Asymptotic

    return isinstance(expr, sympy.Basic) and expr.has(_Asymptotic)


def _at_one_point(last, right, grouped: set) -> bool:
    """``\\frac{dR}{dh}(h_0)``: the derivative of a named function by one variable, then one name or number in
    brackets, is the derivative at that point (the standard notation for R'(h_0))."""
    return (isinstance(last, sympy.Derivative) and isinstance(last.expr, (Symbol, AppliedUndef))
            and len(last.variables) == 1 and isinstance(right, (Symbol, sympy.Indexed, sympy.Number))
            and right in grouped)


def _sum(left, right):
    """``a + b``; with an O-term kept as written: ``O(n) - O(n)`` is not 0 (each O is a set)."""
    if _has_class(left) or _has_class(right):
        return sympy.Add(left, right, evaluate=False)
    return left + right


class ToSympy(Transformer_NonRecursive):
    """Tree -> SymPy; non-recursive, so a long formula cannot exhaust the stack."""

    def __init__(self, limits: Limits, matrices: bool = False, kinds: Kinds = Kinds(),
                 bounds: frozenset = frozenset(), vectors: frozenset = frozenset(), scalars: frozenset = frozenset(),
                 dimension_fractions: frozenset = frozenset()):
        super().__init__()
        self.dimension_fractions = dimension_fractions  # where \\frac{k n d^2}{n d^2} starts: d a size, no differential
        self.scalars = scalars  # capitals in an exponent (\\sqrt{2\\pi}^J): numbers, never matrices
        self.vectors = vectors  # lower-case names transposed next to a matrix: column vectors (transposed.py)
        self.bounds = bounds  # names in a sum's bounds (T in \\sum_{t=0}^{T-1}): sizes, not matrices
        self.caps = limits
        self.matrices = matrices  # capitals are matrices (the formula has softmax, Concat or a transpose)
        self.known = kinds.matrices  # names the document shows to be matrices -> shape (None: by convention)
        self.kinds = kinds
        self.branch = 1  # which sign \\pm takes in this reading (see ``transform``)
        self.bracketed: set = set()  # applications written with [...]: never read back as products
        self.plain_names: dict = {}  # every name written plain in the formula, as read (``_plain``)
        self.plain_counts: Counter = Counter()
        self.bare_expectations: set = set()  # E_x \\log(a): no factor may follow it
        self.powered_calls: dict = {}  # p(1-p)^4 -> {4}: powers written on an application's bracket
        self.grouped: set = set()  # values written in brackets, and sums whose summand was
        self.words: set = set()  # values written with a function word (\\cos b): where a bare argument ends
        self.powers: set = set()  # values written as powers (e^{x}), never a function word's end
        self.bare_logs: set = set()  # logarithms written without brackets (\\log c): an explicit product may follow
        self.braced_sums: set = set()  # sums in TeX braces, which print no bracket: \\log{a - b} shows log a - b
        self.bare_number_logs: set = set()  # of numbers (\\log 2): a product sign after one has two readings
        self.families: dict = {}  # s_j -> ("s", (j,)), s_{j+1} -> ("s", (j + 1,)): entries if an index is bound
        self.pending: dict = {}  # sums whose index only the whole formula tells (``_waiting``, ``_resolved``)
        self.unnested: set = set()  # of them, those never read inside another sum (``_inner_resolved``)

    # statements
    def chain(self, items):
        items = self._resolved_items(items, 0)
        return Statement(_sides(_oriented(items[0::2]), self.bracketed, self._entries(),
                                self.powered_calls, self._plain()),
                         tuple(items[1::2]), indexed=self._families())

    def continuation(self, items):
        items = self._resolved_items(items, 1)
        return Statement(_sides(_oriented(items[1::2]), self.bracketed, self._entries(),
                                self.powered_calls, self._plain()),
                         tuple(items[2::2]), lead=items[0], indexed=self._families())

    def _resolved_items(self, items: list, first: int) -> list:
        """``items`` with the sides (from index ``first``, every other one) read by ``_resolved``."""
        if not self.pending:
            return items
        sides = self._resolved([_expr(x) for x in items[first::2]])
        items = list(items)
        items[first::2] = sides
        return items

    def _entries(self) -> dict:
        """Names like ``y_j`` that are entries of a family (base and one letter index each): name -> symbol."""
        return {symbol.name: symbol for symbol, (base, indices) in self.families.items()}

    def _families(self) -> tuple:
        return tuple((symbol, sympy.Indexed(sympy.IndexedBase(base), *indices))
                     for symbol, (base, indices) in self.families.items())

    def rel(self, items):
        """The relation's text; ``\\gg`` and ``>>`` (lexed as ``>``) are "much greater", never plain ``>``."""
        return MUCH_RELATIONS.get(str(items[0].value).strip(), RELATIONS[items[0].type])

    # arithmetic
    def add(self, items):
        left, right = fit_sum(_expr(items[0]), _expr(items[1]))
        return self._summand_goes_on(left, right) or _sum(left, right)

    def sub(self, items):
        left, right = fit_sum(_expr(items[0]), _expr(items[1]))
        right = sympy.Mul(-1, right, evaluate=False) if _has_class(right) else -right
        return self._summand_goes_on(left, right) or _sum(left, right)

    def _summand_goes_on(self, left: Expr, right: Expr) -> Expr | None:
        """``\\sum_{i=1}^n y_i \\log \\pi_i + (1 - y_i) \\log(1 - \\pi_i)``: a term after a sum that writes the
        sum's own index (or an entry at it) belongs to the summand, since outside the sum the index names
        nothing; a sum under a factor (``-\\sum_i a_i + b_i``) is refused, as -(a + b) and -a + b are both
        read. None when no term goes on (the sum ends where its first term does)."""
        terms = sympy.Add.make_args(left)
        for term in terms:
            whole = term
            factor, term = term.as_coeff_Mul() if isinstance(term, sympy.Mul) else (sympy.S.One, term)
            if not isinstance(term, sympy.Sum) or len(term.limits) != 1:
                continue
            variable = term.limits[0][0]
            bound = self._bind(right, variable)
            if not (variable in right.free_symbols or bound != right):
                continue
            if factor != 1 or whole in self.grouped or term in self.grouped:
                raise Refusal(f"the index {variable} of a sum is written again after the sum ends (under a factor "
                              "or closed by brackets): put brackets around all the sum runs over")
            rest = [t for t in terms if t is not whole]
            return _sum(sympy.Add(*rest), sympy.Sum(term.function + bound, term.limits[0]))
        return None

    def _factor_goes_on(self, left: Expr, right: Expr, combine) -> Expr | None:
        """``\\sum_{i=1}^{d_k} q_i \\cdot k_i``, ``\\sum_i a_i / b_i``: a factor after a product sign that writes
        the index of the sum before it (or of a sum inside that one) belongs to the summand, as a factor
        written side by side does; outside the sum the index names nothing. Closed by brackets
        (``(\\sum_i a_i) \\cdot b_i``) it is refused. None when the factor does not go on."""
        factors = sympy.Mul.make_args(left)
        sums = [f for f in factors if isinstance(f, sympy.Sum)]
        if len(sums) != 1:
            return None
        outer = sums[0]
        chain, inner = [], outer
        while isinstance(inner, sympy.Sum):  # innermost limits first, as SymPy lists them
            chain = list(inner.limits) + chain
            inner = inner.function
        bound = right
        for variable, *_ in chain:
            bound = self._bind(bound, variable)
        if not any(variable in right.free_symbols for variable, *_ in chain) and bound == right:
            return None
        if left in self.grouped or outer in self.grouped:
            raise Refusal(f"the index {chain[0][0]} of a sum is written again after the sum ends (closed by "
                          "brackets): put brackets around all the sum runs over")
        value = sympy.Sum(combine(inner, bound), *chain)
        rest = [f for f in factors if f is not outer]
        return _product(tuple(rest) + (value,)) if rest else value

    def transform(self, tree):
        """A formula with ``\\pm`` or ``\\mp`` is read twice, every sign taken upper then lower (the standard
        convention: ``(1 \\pm s)^2 = 1 \\pm 2s + s^2`` pairs the signs); a side whose branches differ is
        the set of both values, so ``|1 \\pm i\\eta| = \\sqrt{1 + \\eta^2}`` claims it of both."""
        if not any(node.data in _PM_RULES for node in tree.iter_subtrees()):
            return super().transform(tree)
        upper = super().transform(tree)
        families, self.branch = dict(self.families), -1
        lower = super().transform(tree)
        self.branch, self.families = 1, {**self.families, **families}
        a, b = upper.children[0], lower.children[0]
        sides = _branch_sides(a.exprs, b.exprs)
        upper.children[0] = Statement(sides, a.relations, a.lead, self._families())
        return upper

    def plus_minus(self, items):
        return self._signed(items, self.branch)

    def minus_plus(self, items):
        return self._signed(items, -self.branch)

    def _signed(self, items, sign: int):
        a, b = map(_expr, items)
        return _sum(*fit_sum(a, b if sign > 0 else -b))

    def pm_prefix(self, items):
        return _expr(items[0]) * self.branch

    def mul(self, items):
        left, sign, right = items
        if isinstance(left, _Implicit) and left.of is not None:  # d/dx a \cdot b: the whole product
            return left.extended(_expr(right))
        left_value, right_value = _expr(left), _expr(right)
        self._log_before_exponential(left_value, right_value)
        self._bare_log_before_product_sign(left, left_value)
        if not right_value.is_number:
            self._no_factor_after_bare_expectation(left_value)
        goes_on = self._factor_goes_on(left_value, right_value, lambda a, b: _written_product(a, str(sign), b))
        return goes_on if goes_on is not None else _written_product(_row_if_left_of_a_matrix(left, right), str(sign),
                                                                     right_value)

    def _no_factor_after_bare_expectation(self, value) -> None:
        """``\\mathbb{E}_x \\log(a) b``: E[f(a)] b and E[f(a) b] are both read, so neither is taken."""
        if isinstance(value, Expr) and value in self.bare_expectations:
            raise Refusal("a factor after \\mathbb{E} f(...) without brackets: E[f(a)] b and E[f(a) b] are both "
                          "read; write the brackets, as \\mathbb{E}[f(a) b]")

    def _bare_log_before_product_sign(self, left, value) -> None:
        """``\\log \\frac{1}{2} \\cdot \\frac{p}{m}``: a product sign ends a bare argument, so this is
        (\\log \\frac12) p/m as written, yet it is written for \\log(\\frac12 p/m); neither is taken."""
        if left in self.grouped or not isinstance(value, Expr):
            return
        logs = self.bare_logs | self.bare_number_logs
        if value in logs or any(f in logs for f in sympy.Mul.make_args(value)):
            raise Refusal("\\log a \\cdot b is read as \\log(a b) by some and as (\\log a) b by others: write "
                          "\\log(a b), or (\\log a) b")

    def _log_before_exponential(self, left, right) -> None:
        """``\\log c \\cdot \\exp(u)``: an explicit product ends a bare argument, so this would be
        log(c) exp(u), but side by side (``\\log c \\exp(u)``) it is log(c exp(u)); one dot apart, the
        two readings differ in what is written, so neither is taken."""
        logs = left.args if isinstance(left, sympy.Mul) else (left,)
        exps = right.args if isinstance(right, sympy.Mul) else (right,)
        if any(f in self.bare_logs for f in logs) and any(isinstance(f, sympy.exp) for f in exps):
            raise Refusal("cannot tell whether the logarithm takes the exponential after the product sign "
                          "(\\log c \\cdot \\exp(u)): write \\log(c \\exp(u)) or \\log(c) \\exp(u)")

    def div(self, items):
        """``a / b``; ``\\partial L / \\partial z`` and ``dy/dx`` are derivatives written on one line, as in a
        fraction. Any other quotient of differentials (``2 dy/dx``) is refused: y/x is never what is meant;
        so is a slash before factors side by side (``1/3(x + y)``, ``1/2 \\log x``), which has no one reading."""
        left, right = items
        if isinstance(left, _Implicit) and left.of is not None:
            return left.extended(1 / _expr(right))
        if isinstance(left, (_Partial, _Differentials)) or isinstance(right, (_Partial, _Differentials)):
            return self._over(*(item if isinstance(item, (_Partial, _Differentials)) else _expr(item)
                                 for item in items))
        top, bottom = _expr(left), _expr(right)
        goes_on = self._factor_goes_on(top, bottom, lambda a, b: a / b)
        if goes_on is not None:
            return goes_on
        variable = _differential(bottom)
        if variable is not None and _D in getattr(top, "free_symbols", ()):
            moving = _differential(top)
            if moving is None:
                raise Refusal("a quotient of differentials that is no derivative dy/dx: write \\frac{d f}{d x}")
            return sympy.Derivative(moving, variable)
        if isinstance(right, _Implicit) and right.of is None and len(right.factors) > 1:
            raise Refusal("a / b c is read as (a/b) c by some and as a/(b c) by others: write the brackets, "
                          "or \\frac{a}{b} c")
        if left not in self.grouped and any(f in self.bare_logs for f in sympy.Mul.make_args(top)):
            raise Refusal("\\log a / b is read as \\log(a/b) by some and as (\\log a)/b by others: write "
                          "\\log(a/b), or \\frac{\\log a}{b}")
        return top / bottom

    def neg(self, items):
        if isinstance(items[0], _Partial) and items[0].of is not None and items[0].power == 1:
            return _Partial(-_expr(items[0].of), items[0].order)  # \frac{-\partial f}{\partial x}: of -f
        return -_expr(items[0])

    def pos(self, items):
        return _expr(items[0])

    def imul(self, items):
        left, right = items
        below = _counts(left)
        if below is not None and _counts(right) is not None:  # \\partial x \\partial y: mixed, below a bar
            return _Differentials(below + _counts(right))
        if isinstance(left, (_Differentials, _Partial)) and isinstance(right, (_Differentials, _Partial)):
            raise Refusal("cannot read these partials side by side: write \\frac{\\partial^2 f}{\\partial x \\partial y}")
        if isinstance(left, _Differentials):
            raise Refusal("\\partial x \\partial y must stand below a fraction bar")
        if isinstance(left, _Partial) and left.of is None:  # \\partial \\exp(o_i): of the whole product after it
            return _Partial(_expr(right), left.order)
        if isinstance(left, _Partial):
            return _Partial(_times(left.value(), _expr(right)), left.order)
        if isinstance(left, _DerivativeOperator):
            return _Implicit((_expr(right),), left.variable)
        if isinstance(left, _IntegralOperator):
            return _Implicit((_expr(right),), left)
        if isinstance(right, (_DerivativeOperator, _IntegralOperator)):
            return self._operator_after(left, right)
        self._no_factor_after_bare_expectation(left.factors[-1] if isinstance(left, _Implicit) and left.factors else left)
        last = left.factors[-1] if isinstance(left, _Implicit) and left.of is None and left.factors else left
        if _at_one_point(last, right, self.grouped):
            # \frac{dR}{dh}(h_0): R' at h_0, as for a point of several entries below; never R' times h_0
            at = sympy.Function(AT_POINT)(last, _expr(right))
            return _Implicit(left.factors[:-1] + (at,)) if last is not left else at
        if isinstance(right, _Components) and isinstance(last, sympy.Derivative) \
                and isinstance(last.expr, (Symbol, AppliedUndef)):
            # \frac{\partial \phi}{\partial x}(x_t, y_t): the derivative at the point, once the document says
            # which variables phi is a function of (document._points_read); until then an undefined value
            at = sympy.Function(AT_POINT)(last, *right.entries)
            return _Implicit(left.factors[:-1] + (at,)) if last is not left else at
        if isinstance(right, _Components) and _expr(left).has(sympy.Derivative):
            raise Refusal("a derivative before a tuple (\\frac{\\partial f}{\\partial x}(a, b)): its value at the point, "
                          "or a multiple of the vector? Write \\left. \\frac{\\partial f}{\\partial x} \\right|_{x=a} "
                          "or a product sign")
        if isinstance(left, _Implicit):
            return left.extended(_expr(right))
        return _Implicit((_row_if_left_of_a_matrix(left, right), _expr(right)))

    @staticmethod
    def _operator_after(left, operator) -> _Implicit:
        """``\\gamma \\frac{\\partial}{\\partial x} (xy)``: the factors before a derivative or integral
        operator multiply it; it applies to the product after it, as when it leads the term. A second
        operator inside the first one's product has no one reading without brackets."""
        if isinstance(left, _Implicit) and left.of is not None:
            raise Refusal("an operator inside another operator's product (\\frac{d}{dx} a \\frac{d}{dy} b): "
                          "add brackets to say what each applies to")
        before = left.factors if isinstance(left, _Implicit) else (_expr(left),)
        of = operator.variable if isinstance(operator, _DerivativeOperator) else operator
        return _Implicit((), of, before)

    def abs(self, items):
        """``|x|``; of a square matrix its determinant (``|\\Sigma|``), as papers write it."""
        value = _expr(items[0])
        if getattr(value, "is_Matrix", False):
            if value.shape[0] != value.shape[1]:
                raise Refusal("|A| of a matrix that is not square: neither an absolute value nor a determinant")
            return sympy.Determinant(value)
        return sympy.Abs(value)

    def norm(self, items):
        """``\\|x\\|``: of a scalar its absolute value; of a vector or matrix an undefined ``norm``."""
        value = _expr(items[0])
        matrix_like = getattr(value, "is_Matrix", False) or value.is_commutative is False or self.kinds.probe
        return sympy.Function("norm")(value) if matrix_like else sympy.Abs(value)

    def group(self, items):
        if isinstance(items[0], (_DerivativeOperator, _IntegralOperator)):
            return items[0]  # {\frac{\partial}{\partial \theta}} \log f: braces group the operator, it still applies
        value = _expr(items[0])
        self.grouped.add(value)  # (\\sum_i a_i) + b_i, \\sum_i (a_i) + b_i: the brackets end the sum
        return value

    def brace_group(self, items):
        """``{...}``: TeX's grouping, which prints nothing; as a group, except where a function word takes it."""
        inner = items[0]
        visible = isinstance(inner, Expr) and inner in self.grouped  # {(1 - D(x))}: the brackets print
        value = self.group(items)
        if isinstance(value, Expr) and isinstance(value, sympy.Add) and not visible:
            self.braced_sums.add(value)
        return value

    def bracket_list(self, items):
        """``[x_2, -x_1, 0]``: the components of a vector, as vector calculus writes a field."""
        return _Components(tuple(_expr(x) for x in items))

    def number(self, items):
        text = str(items[0])
        if "." not in text:
            return Integer(int(text))
        whole, frac = text.split(".")
        return Rational(int(whole or "0") * 10 ** len(frac) + int(frac), 10 ** len(frac))

    # names and applications
    def name(self, items):
        value = self._named(str(items[0]))
        if isinstance(value, Symbol):  # written plain, even where its term vanishes ((1-x)(0)); see _applied
            self.plain_names[value.name] = value
            self.plain_counts[value.name] += 1
        return value

    def _applied(self, head) -> None:
        """The head of an application (``g`` of ``g(2)``) was read by ``name`` too, but is not written plain."""
        if isinstance(head, Symbol):
            self.plain_counts[head.name] -= 1

    def _plain(self) -> dict:
        return {name: value for name, value in self.plain_names.items() if self.plain_counts[name] > 0}

    def _named(self, name: str) -> Expr:
        if name in self.known:
            return objects.matrix(name, self.known[name])
        if name == IDENTITY_NAME and (self.kinds.identity is not None or self.matrices):
            return self.kinds.identity if self.kinds.identity is not None else sympy.Identity(objects.size("n"))
        if name in self.scalars and name not in self.kinds.noncommuting:
            return objects.symbol(name)
        if name in self.kinds.noncommuting or (self.kinds.probe and is_capital(name) and name not in self.bounds):
            return Symbol(name, commutative=False)
        if self.matrices and name in self.bounds:
            return objects.size(name)
        if self.matrices and objects.is_matrix_name(name):
            return objects.matrix(name)
        if self.matrices and name in self.vectors:
            return objects.vector(name)
        if self.matrices and objects.is_vector_name(name):
            return objects.vector(name)
        if self.matrices:
            return objects.size_or_symbol(name)
        return objects.symbol(name)

    def indices(self, items):
        return _Indices(tuple(_expr(x) for x in items))

    def hadamard(self, items):
        """``a \\odot b``: elementwise; of matrices the Hadamard product, of scalars the product."""
        left, right = _expr(items[0]), _expr(items[1])
        kinds = {bool(getattr(left, "is_Matrix", False)), bool(getattr(right, "is_Matrix", False))}
        if kinds == {True}:
            return sympy.HadamardProduct(left, right)
        if kinds == {False} and left.is_commutative and right.is_commutative:
            return _times(left, right)
        raise Refusal("\\odot between a matrix and a scalar: say which shapes the two sides have")

    def tensor(self, items):
        """``A \\otimes B``: of two matrices the Kronecker product. Of two vectors it is the outer product
        u v^T to some and the Kronecker product (a vector of n m components) to others, and of objects
        whose shapes the document does not give it is either: refused, with the fix."""
        left, right = _expr(items[0]), _expr(items[1])
        if not (getattr(left, "is_Matrix", False) and getattr(right, "is_Matrix", False)):
            raise Refusal("\\otimes between objects the document does not show to be matrices: a Kronecker or an "
                          "outer product? declare the shapes (A \\in \\mathbb{R}^{m \\times n})")
        if 1 in left.shape and 1 in right.shape:
            raise Refusal("u \\otimes v of two vectors: the outer product u v^T or the Kronecker product (a vector)? "
                          "write u v^T, or the matrices")
        return sympy.KroneckerProduct(left, right)

    def composed(self, items):
        """``A \\circ B`` of two matrices: the Hadamard (entrywise) product, as ``\\odot``. Between anything
        else ``\\circ`` may compose functions (``f \\circ g``) or multiply entrywise: refused."""
        left, right = _expr(items[0]), _expr(items[1])
        if getattr(left, "is_Matrix", False) and getattr(right, "is_Matrix", False):
            if left.shape != right.shape:
                raise Refusal("A \\circ B entrywise needs two matrices of one shape")
            return sympy.HadamardProduct(left, right)
        raise Refusal("\\circ between objects that are not both matrices: a composition (f \\circ g) or an "
                      "entrywise product? write f(g(x)), or \\odot between matrices")

    def dimension(self, items):
        """``\\dim \\mathbb{R}^{n}`` is n (of m \\times n matrices, m n); ``\\dim x`` of a vector its length.
        Of anything else (a space the formula does not spell out) it is refused."""
        value = _expr(items[0])
        if getattr(value, "is_Matrix", False) and 1 in value.shape:
            return value.shape[0] * value.shape[1]
        if isinstance(value, sympy.Pow) and isinstance(value.base, Symbol) and value.base.name == "R" \
                and value.exp.is_positive is not False and not value.exp.is_number:
            return value.exp
        if isinstance(value, sympy.Pow) and value.base == Symbol("R") and value.exp.is_Integer and value.exp > 0:
            return value.exp
        raise Refusal("\\dim of something that is neither \\mathbb{R}^n nor a vector of known length: "
                      "write the size the document names")

    def inner(self, items):
        """``\\langle a, b \\rangle``: of vectors the sum of component products, of numbers their product;
        of names of open kind an undefined ``inner`` (a scalar product would be a guess about their kind)."""
        left, right = _expr(items[0]), _expr(items[1])
        if getattr(left, "is_Matrix", False) and getattr(right, "is_Matrix", False):
            if left.shape[1] != 1 or right.shape[1] != 1:
                raise Refusal("\\langle A, B \\rangle of matrices that are not vectors")
            return (left.T * right)[0, 0]
        if left.is_Number and right.is_Number:
            return left * right
        return sympy.Function("inner")(left, right)

    def average(self, items):
        raise Refusal("\\langle x \\rangle with one argument (an average) is not read: write E[x] and say over what")

    def average_under(self, items):
        """``\\langle f \\rangle_{p}``: the average under the law its subscript names, read as ``E_{p}[f]`` is.
        A subscript that is no law (``\\langle x \\rangle_t``: a time, an index) would make it a guess: refused."""
        body, under = _expr(items[0]), items[1]
        if not self._names_a_law(under):
            raise Refusal("\\langle x \\rangle_{...} whose subscript is not a law (p, q(z), z \\sim q): "
                          "write E_{p}[x] and say over what")
        return _expectation(body, under)

    def _names_a_law(self, under) -> bool:
        """A density (``q(z)``), ``z \\sim q``, or a name the document or the convention keeps for densities."""
        from ..vocabulary import Density

        if isinstance(under, tuple) or isinstance(under, Density):
            return True
        if not isinstance(under, Symbol):
            return False
        known = self.kinds.densities or frozenset()
        return objects.is_density_name(under.name) or under.name in known

    def divergence(self, items):
        """``\\mathcal{D}[Q \\| P]``: a divergence the formula does not name; undefined, never taken for KL."""
        return sympy.Function("Dcal")(_expr(items[0]), _expr(items[1]))

    def partial_sub(self, items):
        """``\\partial_{x} f``: the derivative in x when x is a scalar in f; else an undefined ``partial_x``."""
        return self._derivative_in("partial", _expr(items[0]), _expr(items[1]))

    def subscripted(self, items):
        if isinstance(items[1], _Indices):
            return self._multi_indexed(str(items[0]), items[1].items)
        script = _plain_letters(items[1])
        base, sub = str(items[0]), _expr(script)
        if self._is_kronecker(base, _letter_indices(script)):
            return sympy.KroneckerDelta(*_letter_indices(script))
        indices = _letter_indices(script) or _affine_index(sub)
        written = _written_subscript(script)
        if isinstance(sub, Symbol) or (isinstance(sub, Integer) and sub >= 0):
            named = self._named(f"{base}_{sub}")
        elif written is not None:  # alpha_{ij} and alpha_{ji} are different names: keep the order written
            named = self._named(f"{sympy.latex(Symbol(base))}_{{{written}}}")
        else:
            named = self._named(f"{sympy.latex(Symbol(base))}_{{{sympy.latex(sub)}}}")
        if indices and isinstance(named, Symbol) and named.name not in objects.CONSTANTS:
            self.families[named] = (base, indices)
        return named

    def _multi_indexed(self, base: str, indices: tuple) -> Expr:
        """``v_{i, l}``: the entry (i, l) of a family v when both indices are affine; else one name."""
        affine = [_affine_index(index) for index in indices]
        if all(affine) and self._is_kronecker(base, tuple(a[0] for a in affine)):
            return sympy.KroneckerDelta(*(a[0] for a in affine))
        named = self._named(f"{sympy.latex(Symbol(base))}_{{{', '.join(sympy.latex(i) for i in indices)}}}")
        if all(affine) and isinstance(named, Symbol):
            self.families[named] = (base, tuple(a[0] for a in affine))
        return named

    def _is_kronecker(self, base: str, indices: tuple) -> bool:
        """``\\delta_{ij}``, ``\\delta_{i,j}``: the Kronecker delta (its standard reading), unless the
        document defines delta itself (``Kinds.kronecker``); one index or three are a name."""
        if base == lexicon.INDICATOR:  # 1_{i=j}: the indicator of i = j, whatever the document calls delta
            return True
        return base == "delta" and len(indices) == 2 and self.kinds.kronecker

    def placeholder(self, items):
        return Symbol("\\cdot")

    def arglist(self, items):
        return tuple(_expr(x) for x in items)

    def args(self, items):
        return items[0], None

    def conditional(self, items):
        return items[0], items[1]

    def call(self, items):
        head, (arguments, given) = items
        self._applied(head)
        if (isinstance(head, Symbol) and given is None and len(arguments) == 1 and self.plain_counts[head.name] > 0
                and getattr(arguments[0], "is_Matrix", False)):
            # \eta(y_t + \eta x_t) with eta written plain inside and a vector inside: the product, now, as
            # _calls_as_products would read it, before a sum of a vector and the call is refused
            return _times(_expr(head), arguments[0])
        primed = _primed(head, arguments, given)
        if primed is not None:
            return primed
        applied = objects.apply(head, arguments, given, self.kinds.densities)
        if isinstance(applied, AppliedUndef) and applied.func.__name__ in self.kinds.noncommuting:
            # a vector- or matrix-valued function (F of "F has Jacobian J"): its values do not commute
            return sympy.Function(applied.func.__name__, commutative=False)(*applied.args)
        return applied

    def call_between(self, items):
        """``D(P \\| Q)``, ``H(P \\| Q)``, ``D_f(P \\| Q)``: a functional of two laws the formula names by its
        own letter, written with the divergence bar; undefined (a document may define it), never taken
        for KL or for any named one."""
        self._applied(items[0])
        head = objects.head_name(items[0])
        return sympy.Function(head)(_expr(items[1]), _expr(items[2]))

    def bracket_call(self, items):
        """``Var[X]``, ``V[aX]``, ``P[A]``: an application, kept one even where the name also stands
        alone (``n(n+1)`` may be a product; ``V[aX]`` never is)."""
        head, (arguments, given) = items
        self._applied(head)
        if given is not None:
            return objects.apply(head, arguments, given, self.kinds.densities)
        applied = sympy.Function(objects.head_name(head))(*arguments)
        self.bracketed.add(applied)
        return applied

    def func_call(self, items):
        name, (arguments, given) = str(items[0]), items[1]
        if given is not None:
            raise Refusal(f"\\{name} does not take a conditional bar")
        try:
            value = objects.named_function(name, arguments)
        except ValueError as error:
            raise Refusal(str(error)) from None
        self.words.add(value)
        return value

    def func_bare(self, items):
        """``\\log 2\\pi\\sigma^2``: of the whole product after it, up to the next function written
        (``\\sin a \\cos b`` is sin(a) cos(b), never sin(a cos b)). ``\\exp`` is the power of e written
        as a word, and a power of e never ends a logarithm's argument (``\\log \\frac{1}{a} e^{x}``), so
        neither does ``\\exp``: ``\\log c \\exp[u]`` is log(c exp(u)), the log-density as written."""
        argument = items[1]
        name = str(items[0]).lstrip("\\")
        if isinstance(argument, Expr) and argument in self.braced_sums:
            raise Refusal(f"\\{name}{{a - b}} prints as {name} a - b (braces show nothing), yet is read as "
                          f"{name}(a - b) by some: write \\{name}(a - b), or \\{name} a - b")
        if isinstance(argument, _Implicit) and argument.of is None:
            cut = next((n for n, f in enumerate(argument.factors) if n > 0 and self._worded(f)
                        and not (name in _LOGARITHMS and isinstance(f, sympy.exp))), None)
            if cut is not None:
                head = self.func_call([items[0], ((_product(argument.factors[:cut]),), None)])
                return _Implicit((head,) + argument.factors[cut:])
        value = self.func_call([items[0], ((_expr(argument),), None)])
        if name in _LOGARITHMS:
            (self.bare_logs if not value.is_number else self.bare_number_logs).add(value)
        return value

    def _worded(self, factor) -> bool:
        """Whether ``factor`` was written with a function word (``\\cos b``), not as ``e^{x}``."""
        if factor in self.words and factor in self.powers:
            raise Refusal("cannot tell where the argument of a function ends: the same value is written "
                          "with a function word and as a power; add brackets")
        return factor in self.words

    def func_base(self, items):
        """``\\log_2 x``: the logarithm to base 2; no other function takes a base."""
        return self._in_base(str(items[0]), _expr(items[1]), self.func_bare([items[0], items[2]]))

    def func_base_call(self, items):
        return self._in_base(str(items[0]), _expr(items[1]), self.func_call([items[0], items[2]]))

    @staticmethod
    def _in_base(name: str, base: Expr, value: Expr) -> Expr:
        if name not in ("log",):
            raise Refusal(f"\\{name}_{{...}}: only \\log takes a base")
        if isinstance(value, _Implicit):
            head, *rest = value.factors
            return _Implicit((head / sympy.log(base),) + tuple(rest))
        return value / sympy.log(base)

    def operator_many(self, items):
        """``\\max(a, b, c)``: the largest (smallest) of the arguments."""
        name, arguments = str(items[0]), [_expr(x) for x in items[1:]]
        if name in ("max", "min"):
            return (sympy.Max if name == "max" else sympy.Min)(*arguments)
        raise Refusal(f"\\{name} of several arguments: write \\{name}_{{x}} f(x) or name the set")

    def norm_sub(self, items):
        """``\\|x\\|_2``: the 2-norm (of a scalar its absolute value); ``\\|x\\|_p`` an undefined norm_p."""
        value, p = _expr(items[0]), _expr(items[1])
        if p == 2:
            return self.norm([value])
        return sympy.Function(f"norm_{p}")(value)

    def binom(self, items):
        return sympy.binomial(_expr(items[0]), _expr(items[1]))

    def floor(self, items):
        return sympy.floor(_expr(items[0]))

    def ceiling(self, items):
        return sympy.ceiling(_expr(items[0]))

    def func_power_bare(self, items):
        """``\\sin^2 x``: the square of sin x (a power on the function word, as TeX writes it)."""
        value = self.func_bare([items[0], items[2]])
        exponent = _expr(items[1])
        if isinstance(value, _Implicit):
            head, *rest = value.factors
            return _Implicit((self._worded_power(str(items[0]), head, exponent),) + tuple(rest))
        return self._worded_power(str(items[0]), value, exponent)

    def _worded_power(self, name: str, value, exponent):
        if exponent == -1:
            raise Refusal(f"\\{name}^{{-1}}: the inverse function or 1/\\{name}? write the inverse by its name "
                          f"(\\arctan) or the reciprocal as a fraction")
        result = self._power(value, exponent)
        self.words.add(result)
        self.powers.discard(result)
        return result

    def func_power_call(self, items):
        return self._worded_power(str(items[0]), self.func_call([items[0], items[2]]), _expr(items[1]))

    # powers, roots, fractions
    def power(self, items):
        if isinstance(items[0], _Partial):
            return _partial_power(items[0], _expr(items[1]))
        base, exponent = _expr(items[0]), _expr(items[1])
        if isinstance(items[0], _Components) and str(exponent) == "T":
            return base  # [a, b, c]^T: the list's column, as the unmarked list is (a tuple has no orientation)
        if str(exponent) == "T" and (exponent.is_Symbol or getattr(exponent, "is_Matrix", False)):
            if not getattr(base, "is_Matrix", False):
                raise Refusal(f"a transpose of {base}, which is not a matrix or vector here; declare it, "
                              f"e.g. ${base} \\in \\mathbb{{R}}^{{n}}$")
            return objects.transpose(base)
        if _is_capital(base) and _is_capital(exponent):  # W^O, W^Q_1: a name, not a power
            return self._named(f"{base}^{exponent}")
        value = self._power(base, exponent)
        if base in self.words:  # \\exp(y)^2 still ends a bare argument, as \\exp(y) does
            self.words.add(value)
            self.powers.discard(value)
        return value

    def _power(self, base: Expr, exponent: Expr) -> Expr:
        self._check_exponent(base, exponent)
        if isinstance(base, AppliedUndef) and len(base.args) == 1:
            self.powered_calls.setdefault(base, set()).add(exponent)
        value = base ** exponent
        self.powers.add(value)
        return value

    def _check_exponent(self, base: Expr, exponent: Expr) -> None:
        limit = self.caps.max_exponent
        if exponent.is_Number and abs(exponent) > limit:
            raise Refusal(f"exponent {exponent} is larger than {limit}", "max_exponent")
        if base.is_Number and exponent.is_Number and base not in (0, 1, -1):
            digits = float(abs(exponent)) * float(sympy.log(abs(base), 10).evalf(5)) if base.is_Integer else 0
            if digits > self.caps.max_power_digits:
                raise Refusal(f"{base}^{exponent} would have about {digits:.0f} digits", "max_power_digits")

    @v_args(meta=True)
    def frac(self, meta, items):
        top, bottom = (item if isinstance(item, (_Partial, _Differentials)) else _expr(item) for item in items)
        if not meta.empty and meta.start_pos in self.dimension_fractions:
            return _expr(top) / _expr(bottom)  # n d^2 below: the size d squared, no derivative
        return self._over(top, bottom)

    def _over(self, top, bottom):
        """``top`` over ``bottom``, as a derivative where Leibniz's notation makes it one."""
        partials = _partials(top, bottom)
        if partials is not None:
            return partials
        higher = _higher_derivative(top, bottom)
        if higher is not None:
            return higher
        variable = _differential(bottom)
        if variable is not None:
            if _is_bare_d(top):
                return _DerivativeOperator(variable)
            if isinstance(top, _Partial) and top.of is not None:
                return sympy.Derivative(top.value(), variable)  # \partial x^2 above the bar: of x^2
            moving = _after_d(top)
            if moving is not None:  # dp/dt, d f(x)/dx, d(x^2)/dx: a derivative, never p/t or f(x)/x
                return sympy.Derivative(moving, variable)
        if isinstance(bottom, _Partial) and getattr(bottom.of, "is_Matrix", False):
            raise Refusal(f"a derivative by the vector or matrix {bottom.of} (a gradient) is not read: write it "
                          "component by component (\\frac{\\partial J}{\\partial u_j})")
        return _expr(top) / _expr(bottom)

    def partial(self, items):
        return _Partial(items[0] if items else None)

    def partial_call(self, items):
        """``\\partial f(x, y)`` above a fraction bar: the function at its arguments is differentiated."""
        return _Partial(self.call(items))

    def partial_call_entry(self, items):
        """``\\partial s(\\mathbf{x})_i`` above a fraction bar: entry i of the function's value is differentiated."""
        return _Partial(self.entry([self.call(items[:2]), items[2]]))

    def sqrt(self, items):
        return sympy.sqrt(_expr(items[0]))

    def root(self, items):
        index = _expr(items[0])
        self._check_exponent(Integer(2), index)
        if index.is_Integer and index > 0 and index % 2 == 1:  # odd degree: the real root, \sqrt[3]{-8} = -2
            return sympy.real_root(_expr(items[1]), index)
        return sympy.root(_expr(items[1]), index)

    def entry(self, items):
        """``\\mathrm{softmax}(\\mathbf{o})_j``: entry j of a value that is no name; an undefined ``entry``."""
        value, index = _expr(items[0]), _expr(items[1])
        if isinstance(value, Symbol):
            return self._named(f"{value.name}_{index}")
        return sympy.Function("entry")(value, index)  # s(x)_i of a premise: the component s_i(x) (index_instances)

    def primed_value(self, items):
        """``\\left(\\frac{1}{1 + e^{-x}}\\right)'``: the derivative of the bracket, but in which variable, and with
        its names' definitions unfolded or not, the prime does not say (``(f^2)'`` of a function f is 2 f f');
        refused with how to write it."""
        raise Refusal("a prime after a bracket: the variable of the derivative is not written; write "
                      "\\frac{d}{dx}(...)")

    def factorial(self, items):
        value = _expr(items[0])
        if value.is_Number and abs(value) > self.caps.max_factorial:
            raise Refusal(f"{value}! is too large (at most {self.caps.max_factorial}!)", "max_factorial")
        return sympy.factorial(value)

    # operators with scripts
    def under(self, items):
        return _expr(items[0])

    def under_sim(self, items):
        return ("sim", _expr(items[0]), _expr(items[2]))

    def operator(self, items):
        name, *rest = items
        if isinstance(rest[-1], _Components) and len(rest) == 1:  # \max(a, b, c): of its arguments
            return self.operator_many([name, *rest[-1].entries])
        sub = _expr(rest[0]) if len(rest) == 2 else None
        label = f"{name}_{sub}" if isinstance(sub, Symbol) else str(name)
        return sympy.Function(label)(_expr(rest[-1]))

    def nabla(self, items):
        """``\\nabla_p (p q)`` with p a scalar in the body: the derivative with respect to p.
        ``\\nabla_x f(x_i, y_i)`` (x not in the body: a partial derivative evaluated at a point)
        stays an undefined ``nabla_x`` function, never a derivative that is zero."""
        sub = _expr(items[0]) if len(items) == 2 else None
        return self._derivative_in("nabla", sub, _expr(items[-1]))

    def limit(self, items):
        """``\\lim_{n \\to \\infty} f(n)``: the limit of the body as the variable tends to the point (two-sided
        at a finite point), kept unevaluated for the theories."""
        variable, point, body = _expr(items[0]), _expr(items[1]), _expr(items[2])
        if not isinstance(variable, Symbol):
            raise Refusal(f"\\lim_{{{variable} \\to ...}}: the variable of a limit must be a name")
        return sympy.Limit(body, variable, point, dir="+-" if point.is_finite else "-" if point == sympy.oo else "+")

    def curl(self, items):
        """``\\nabla \\times F``: the curl of the field F (its components come from F's definition, or F
        stays a generic field); of anything but a field's name or components, refused."""
        return Curl(_field(_expr(items[0]), "\\nabla \\times"))

    def divergence_of(self, items):
        """``\\nabla \\cdot F``: the divergence of the field F."""
        return Divergence(_field(_expr(items[0]), "\\nabla \\cdot"))

    def nabla_power(self, items):
        """``\\nabla^2_{xx} f``, ``\\nabla^2_{xy} f``, ``\\nabla^2_x f``: a block of the Hessian in scalar
        variables, the second partial (mixed: the iterated derivative). In names that are no scalars of the
        body an undefined ``nabla2_{...}``; another power than 2 is refused."""
        sub, exponent, body = items[0], _expr(items[1]), _expr(items[2])
        if exponent != 2:
            raise Refusal(f"\\nabla^{{{exponent}}}: only the Hessian \\nabla^2 is read")
        factors = sub.factors if isinstance(sub, _Implicit) and sub.of is None else (_expr(sub),)
        if len(factors) == 1:
            factors = factors * 2
        if len(factors) != 2:
            raise Refusal("\\nabla^2 with more than two variables below: a Hessian block names two")
        counts = ((factors[0], 2),) if factors[0] == factors[1] else ((factors[1], 1), (factors[0], 1))
        if all(_differentiable_in(body, v) for v in factors):
            return sympy.Derivative(body, *counts)
        label = "".join(sympy.latex(f) for f in factors)
        return sympy.Function(f"nabla2_{{{label}}}")(body)

    def laplacian(self, items):
        raise Refusal("\\nabla^2 without the variables below (a Laplacian, or a Hessian in what?) is not read: "
                      "write \\nabla^2_{xx} f or \\frac{\\partial^2 f}{\\partial x^2}")

    @staticmethod
    def _derivative_in(word: str, sub, body: Expr) -> Expr:
        if _differentiable_in(body, sub) or (word == "partial" and _value_of_application(body, sub)):
            return sympy.Derivative(body, sub)
        return sympy.Function(f"{word}_{sub}" if isinstance(sub, Symbol) else word)(body)

    def bounds_from(self, items):
        variable, _eq, low, *high = items
        return (_expr(variable), _expr(low), _expr(high[0]) if high else None)

    def bounds_over(self, items):
        return (_expr(items[0]), None, None)

    def bounds_upper(self, items):
        """``\\sum_k^C``: index k up to C, the lower bound not written (kept symbolic, never guessed)."""
        return (_expr(items[0]), None, _expr(items[1]))

    def bounds_except(self, items):
        """``\\sum_{i \\neq j}``, ``\\sum_{i \\neq j}^C``: every index but one, over a range not written (kept
        symbolic) or up to C; which of the two letters is summed is decided with the summand (``_except``)."""
        return (_expr(items[0]), "except", (_expr(items[2]), _expr(items[3]) if len(items) > 3 else None))

    def bounds_in_range(self, items):
        """``\\sum_{i \\in [n]}``: [n] is {1, ..., n}, as papers define it."""
        return (_expr(items[0]), Integer(1), _expr(items[1]))

    def bounds_in(self, items):
        """``\\sum_{x \\in X}``: over the members of a set; no range of integers is taken for it."""
        return (_expr(items[0]), "in", _expr(items[1]))

    def bounds_in_list(self, items):
        """``\\sum_{x \\in \\{0, 1\\}}``: over the values listed, each once."""
        values = tuple(_expr(v) for v in items[1:])
        if len(set(values)) != len(values):
            raise Refusal("a set listed with a value twice: a sum over it would count that value once")
        return (_expr(items[0]), "listed", values)

    def sum_op(self, items):
        return self._big(sympy.Sum, "sum", items)

    def sum_bare(self, items):
        """``\\sum e^{x_j}``, no index written: the sum over the one index its summand's families carry,
        read as ``\\sum_j``; of several, the one the rest of the formula does not write (``_waiting``). A summand
        with no indexed family names no index."""
        body = _expr(items[0])
        indices = {letter for symbol, (base, written) in self.families.items() if body.has(symbol)
                   for index in written for letter in getattr(index, "free_symbols", ())}
        if len(indices) == 1:
            return self._big(sympy.Sum, "sum", [(indices.pop(), None, None), body])
        if not indices:
            raise Refusal("a sum with no index written, over a summand that carries no index: write the index, "
                          "as in \\sum_j")

        def resolved(rest: list, body: Expr) -> Expr:  # -\sum t_i dy_i/dx_j beside dL/dx_j: j is fixed, i summed
            summed = [i for i in sorted(indices, key=str) if not any(self._writes_index(e, i) for e in rest)]
            if len(summed) != 1:
                raise Refusal("a sum with no index written, over a summand that carries several indices, none of "
                              "them told apart by the rest of the formula: write the index, as in \\sum_j")
            return self._big(sympy.Sum, "sum", [(summed[0], None, None), body])

        return self._waiting(body, resolved)

    def sum_neg(self, items):
        """``\\sum_j -x_j``: the sum of the negated terms."""
        return self._big(sympy.Sum, "sum", [items[0], -_expr(items[1])])

    def prod_op(self, items):
        return self._big(sympy.Product, "prod", items)

    def _big(self, kind, word: str, items):
        value = self._big_operator(kind, word, items)
        if _expr(items[1]) in self.grouped:
            self.grouped.add(value)
        return value

    def _big_operator(self, kind, word: str, items):
        (variable, low, high), body = items[0], _expr(items[1])
        body = self._inner_resolved(body, variable)
        if isinstance(low, str) and low == "in":  # over a set: an undefined sum, linear in nothing the reader could check
            return sympy.Function(f"{word}_{{{sympy.latex(variable)} \\in {sympy.latex(high)}}}")(body)
        if isinstance(low, str) and low == "except":
            return self._except(kind, word, variable, body, *high)
        body = self._bind(body, variable)
        if isinstance(low, str) and low == "listed":
            return _over_values(kind, word, variable, body, high)
        if low is None:  # \sum_j x_j, \sum_k^C: the index set is not written
            return self._unstated(kind, word, variable, body, None, high)
        if high is None:  # \sum_{j=1} x_j: from the bound written through the family's range
            return self._from(kind, word, variable, body, low)
        body = _no_stray_name_at(body, variable, word)
        span = high - low
        if span.is_infinite and low.is_finite:  # \sum_{k=0}^\infty: a series, kept symbolic
            return kind(body, (variable, low, high))
        if span.is_Number and span > self.caps.max_sum_terms:
            raise Refusal(f"a {word} over {span} terms (at most {self.caps.max_sum_terms})", "max_sum_terms")
        return kind(body, (variable, low, high))

    def _except(self, kind, word: str, first, body: Expr, second, top) -> Expr:
        """``\\sum_{k \\neq i} e^{x_k}``: the letter the summand writes is summed, the other skipped. When the
        summand writes both (``\\sum_{i \\neq j} t_j \\partial y_j / \\partial x_i``), the one written outside the
        sum elsewhere in the formula is the fixed one (neither: the first, as \\sum_{k \\neq i} is mostly written);
        that is known only once the formula is read (``_resolved``), so the sum waits as a placeholder until then."""
        if not (isinstance(first, Symbol) and isinstance(second, Symbol)):
            return self._excepting(kind, word, first, body, second, top)
        has_first, has_second = self._writes_index(body, first), self._writes_index(body, second)
        if has_second and not has_first:
            return self._excepting(kind, word, second, body, first, top)
        if not (has_first and has_second):
            return self._excepting(kind, word, first, body, second, top)

        def resolved(rest: list, body: Expr) -> Expr:
            outside = [letter for letter in (first, second) if any(self._writes_index(e, letter) for e in rest)]
            if len(outside) == 2:
                raise Refusal(f"\\{word}_{{{first} \\neq {second}}} over a summand that writes both {first} and "
                              f"{second}: the formula writes both outside the {word} too, so which index it runs "
                              f"over is not clear; write the fixed index outside only")
            fixed = outside[0] if outside else second  # neither outside: the summed index is written first
            return self._excepting(kind, word, second if fixed == first else first, body, fixed, top)

        return self._waiting(body, resolved, nested=top is None)

    def _waiting(self, body: Expr, resolved, nested: bool = True) -> Expr:
        """A placeholder for a sum whose index only the whole formula tells: ``resolved`` reads it then, from the
        formula's sides with the placeholder taken out and its summand as it stands then (an outer sum may
        have bound entries in it since), by the placeholder's name (``_resolved``)."""
        name = f"_pending_{len(self.pending)}"
        self.pending[name] = resolved
        if not nested:
            self.unnested.add(name)
        return sympy.Function(name)(body)

    def _excepting(self, kind, word: str, variable, body: Expr, skipped, top) -> Expr:
        """The sum over ``variable`` of ``body`` but its term at ``skipped`` (up to ``top`` when written)."""
        body = self._bind(body, variable)
        return self._unstated(kind, word, variable, body, skipped, top)

    def _writes_index(self, expr: Expr, letter: Symbol) -> bool:
        """Does ``expr`` write the index ``letter``: the letter itself, or an entry of a family at it (t_j, also
        as the head of a bracket, ``y_k(p_i)``, which binding reads as a product)?"""
        heads = {call.func.__name__ for call in expr.atoms(AppliedUndef)}
        return letter in expr.free_symbols or any(
            (expr.has(symbol) or symbol.name in heads) and any(index.has(letter) for index in indices)
            for symbol, (_, indices) in self.families.items())

    def _placeholders(self, exprs: list) -> list:
        """The waiting sums (``_waiting``) in ``exprs``, in a fixed order."""
        return sorted({p for e in exprs for p in e.atoms(AppliedUndef) if p.func.__name__ in self.pending}, key=str)

    def _inner_resolved(self, body: Expr, variable) -> Expr:
        """A waiting sum inside another sum's summand is read now, with the outer sum's letter as the one written
        outside it (``\\sum_{i=1}^n \\sum_{i \\neq j}``: i is the outer one's, j the inner's): an outer sum would bind its
        entries and hide the letters from ``_resolved``. One with only its upper bound written is refused there:
        its window of indices need not be the outer range."""
        waiting = self._placeholders([body])
        if not waiting:
            return body
        if any(p.func.__name__ in self.unnested for p in waiting):
            raise Refusal("a sum over all indices but one, with only its upper bound written, inside another sum: "
                          "write its range (\\sum_{i=1, i \\neq j}^{N}, or the sums written out)")
        return body.xreplace({p: self.pending[p.func.__name__]([variable], p.args[0]) for p in waiting})

    def _resolved(self, exprs: list) -> list:
        """The sums left waiting (``_waiting``), read now that the whole formula is: each sees the formula's
        sides without it, to tell the index written outside it from the one it sums."""
        waiting = self._placeholders(exprs)
        if not waiting:
            return exprs
        # the sides with the sum standing for a fresh number (0 would take a factor beside it away: x_i \sum ...)
        chosen = {placeholder: self.pending[placeholder.func.__name__](
            [e.xreplace({placeholder: sympy.Dummy("sum")}) for e in exprs], placeholder.args[0])
            for placeholder in waiting}
        return [e.xreplace(chosen) for e in exprs]

    def _from(self, kind, word: str, variable, body: Expr, low: Expr) -> Expr:
        """``\\sum_{j=1} \\exp(o_j)`` (no upper bound written): the |o| components of the family o from
        j = low, ``low..low + |o| - 1``; with no family indexed by j an undefined ``sum_{j=low}``."""
        family = summed_family(body, variable) if kind is sympy.Sum and isinstance(variable, Symbol) else None
        if family is None:
            return sympy.Function(f"{word}_{{{variable}={sympy.latex(low)}}}")(body)
        return sympy.Sum(body, (variable, low, low + unstated_size(*family) - 1))

    def _unstated(self, kind, word: str, variable, body: Expr, skipped, top) -> Expr:
        """``\\sum_j \\exp(o_j)``: the sum over the components of the family o, ``j = 1..|o|`` (``linalg.ranges``);
        ``\\sum_{i \\neq k}``: that sum minus its i = k term (k taken to be in the range); ``\\sum_k^C``, its
        lower bound not written: the |o| indices up to C, ``k = C - |o| + 1..C`` (never a guessed 1). With no
        family indexed by the index (``\\sum_j f(j)``), or for a product, an undefined function."""
        family = summed_family(body, variable) if kind is sympy.Sum and isinstance(variable, Symbol) else None
        if family is None:
            label = f"{word}_{variable}^{top}" if top is not None else (
                f"{word}_{variable}" if skipped is None else f"{word}_{variable}!={skipped}")
            return sympy.Function(label)(body)
        size = unstated_size(*family)
        whole = sympy.Sum(body, (variable, 1, size) if top is None else (variable, top - size + 1, top))
        return whole if skipped is None else whole - body.xreplace({variable: skipped})

    def _bind(self, body: Expr, variable) -> Expr:
        """``s_j`` under ``\\sum_j`` is the j-th entry of a family s (1-based), not one fixed number."""
        entries = {symbol: sympy.Indexed(sympy.IndexedBase(base), *indices)
                   for symbol, (base, indices) in self.families.items() if any(index.has(variable) for index in indices)}
        bound = {symbol: entry for symbol, entry in entries.items() if body.has(symbol)}
        body = body.xreplace(bound) if bound else body
        by_name = {symbol.name: entry for symbol, entry in entries.items()}
        # p_j(\delta_{ij} - p_i) under \sum_j: an entry is a number, so the bracket multiplies it
        calls = {call: by_name[call.func.__name__] * call.args[0] for call in body.atoms(AppliedUndef)
                 if call.func.__name__ in by_name and len(call.args) == 1 and call not in self.bracketed}
        return body.xreplace(calls) if calls else body

    def limits(self, items):
        return tuple(_expr(x) for x in items) if len(items) == 2 else (_expr(items[0]), None)

    def limits_upper(self, items):
        return (None, _expr(items[0]))

    def integral(self, items):
        *bounds, body, diff = items
        low, high = bounds[0] if bounds else (None, None)
        variable = objects.symbol(str(diff))
        vector = _over_a_vector(_expr(body), variable, bool(bounds))
        if vector is not variable:
            return sympy.Integral(_expr(body), (vector, -sympy.oo, sympy.oo))
        low, high = _range_of_integration(low, high, variable)
        return sympy.Integral(_expr(body), (variable, low, high))

    def integral_operator(self, items):
        """``\\int dz \\, f(z)``, ``\\int_a^b dx\\, g``: the integral of the product that follows, read as
        ``\\int f(z) \\, dz``. A further bare d in that product (``\\int d\\, x^2 \\, dx``: which d closes?)
        is refused."""
        *bounds, diff = items

        def integrate(body: Expr) -> Expr:
            if _D in getattr(body, "free_symbols", ()):
                raise Refusal("an integral opening with its differential (\\int dz ...) holds another d: "
                              "write the integrand before its differential, \\int f(z) \\, dz")
            return self.integral([*bounds, body, diff])

        return _IntegralOperator(integrate)

    def integral_sub(self, items):
        """``\\int q(z_1) z_1^2 dz_1``: the variable of integration is the subscripted name, read as in the
        integrand (an entry of a family under a sum over its index)."""
        *bounds, body, diff, script = items
        variable = self.subscripted([Token("NAME", str(diff)), script])
        if not isinstance(variable, (Symbol, sympy.Indexed)):
            raise Refusal(f"cannot integrate over d{diff}_{{...}}: its variable is not a name")
        low, high = bounds[0] if bounds else (None, None)
        low, high = _range_of_integration(low, high, variable)
        return sympy.Integral(_expr(body), (variable, low, high))

    def expectation(self, items):
        under = items[0] if len(items) == 2 else None
        return _expectation(_expr(items[-1]), under)

    def expectation_bare(self, items):
        under = items[0] if len(items) == 3 else None
        body = _expr(self.func_bare(items[-2:]))
        return _expectation(body, under)

    def expectation_bare_call(self, items):
        """``\\mathbb{E}_{x \\sim p} \\log(1 - D(x))``: the expectation of the function applied, as of one
        applied to a bare argument. A factor after the bracket (``\\log(a) b``) is refused (``imul``):
        E[\\log(a)] b and E[\\log(a) b] are both read."""
        under = items[0] if len(items) == 3 else None
        value = _expectation(_expr(self.func_call(items[-2:])), under)
        self.bare_expectations.add(value)
        return value

    # probability and asymptotics
    def kl(self, items):
        return KL(_expr(items[0]), _expr(items[1]))

    def js(self, items):
        """``D_{JS}(p \\| q)``: the Jensen-Shannon divergence, its own (undefined) operator, never KL."""
        return sympy.Function("D_JS")(_expr(items[0]), _expr(items[1]))

    def big_o(self, items):
        return _ASYMPTOTIC[str(items[0])](_expr(items[1]))

    def normal(self, items):
        return Normal(_expr(items[0]), _expr(items[1]))

    def normal_density(self, items):
        """``\\mathcal{N}(x; \\mu, \\sigma^2)``: the normal density at x. Of scalars its formula; of vectors
        (bold names, matrices, a capital covariance) an undefined ``N(x, mu, Sigma)``."""
        point, mean, variance = (_expr(x) for x in items)
        if any(_vector_like(e) for e in (point, mean, variance)):
            return sympy.Function("N")(point, mean, variance)
        return sympy.exp(-(point - mean) ** 2 / (2 * variance)) / sympy.sqrt(2 * sympy.pi * variance)

    # evaluation bars
    def evaluated_at(self, items):
        """``\\left. f \\right|_{x=a}``: f with x = a (a substitution kept unevaluated, so that a derivative
        is taken before its variable is fixed)."""
        body, variable, _eq, point = items
        return _at(_expr(body), _bar_variable(_expr(variable)), _expr(point))

    def evaluated_between(self, items):
        """``\\left. F \\right|_{x=a}^{b}``: F at x = b minus F at x = a."""
        body, variable, _eq, low, high = items
        body, variable = _expr(body), _bar_variable(_expr(variable))
        return _at(body, variable, _expr(high)) - _at(body, variable, _expr(low))

    def evaluated_unnamed(self, items):
        raise Refusal("an evaluation bar must name its variable: write \\left. f \\right|_{x=a}")

    def evaluated_nowhere(self, items):
        raise Refusal("an evaluation bar \\left. f \\right| without the point: write \\left. f \\right|_{x=a}")

    def matrix(self, items):
        rows = items[0]
        if len({len(r) for r in rows}) != 1:
            raise Refusal("the rows of a matrix must have the same length")
        return sympy.ImmutableMatrix(rows)

    def rows(self, items):
        return list(items)

    def case_row(self, items):
        return _expr(items[0]), items[1]

    def condition(self, items):
        """``i = j``, ``0 < x \\le 1``: the relation (a chain of them: all hold)."""
        exprs, relations = [_expr(x) for x in items[0::2]], items[1::2]
        made = []
        for left, relation, right in zip(exprs, relations, exprs[1:]):
            if relation not in _CONDITIONS:
                raise Refusal(f"a condition of cases written with {relation}: only =, \\neq, <, >, \\le, \\ge are read")
            made.append(_CONDITIONS[relation](left, right))
        return sympy.And(*made)

    def otherwise(self, items):
        return sympy.true

    def cases(self, items):
        """A value by cases. Split on two indices being equal (``e^{a_i}`` if i = j, 0 if i \\neq j or
        otherwise), it is written with the Kronecker delta, as the softmax calculus reads it; any other
        split is a piecewise value (undefined where no condition holds)."""
        rows = list(items)
        delta = _kronecker_cases(rows)
        if delta is not None:
            return delta
        if any(c is sympy.false for _, c in rows):
            raise Refusal("a case whose condition never holds")
        return sympy.Piecewise(*rows)

    def row(self, items):
        return [_expr(x) for x in items]


_CONDITIONS = {"=": sympy.Eq, "!=": sympy.Ne, "<": sympy.Lt, ">": sympy.Gt, "<=": sympy.Le, ">=": sympy.Ge}


def _kronecker_cases(rows: list) -> Expr | None:
    """``v`` where i = j and ``w`` where i \\neq j (or otherwise), i and j plain indices: v delta_ij +
    w (1 - delta_ij). None for any other split."""
    if len(rows) != 2:
        return None
    (first, when), (second, other) = rows
    if not (isinstance(when, sympy.Eq) and all(isinstance(a, Symbol) for a in when.args)):
        return None
    if not (other is sympy.true or (isinstance(other, sympy.Ne) and set(other.args) == set(when.args))):
        return None
    delta = sympy.KroneckerDelta(*when.args)
    return first * delta + second * (1 - delta)


PM_BRANCH = Symbol("pm_branch", real=True)


def both_values(expr: Expr) -> sympy.FiniteSet:
    """The set of the two values of an expression with a paired ``\\pm`` (upper sign, then lower): what a
    ``\\pm`` means where nothing beside it says which sign is the upper one (a lone answer)."""
    return sympy.FiniteSet(expr.xreplace({PM_BRANCH: 1}), expr.xreplace({PM_BRANCH: -1}))


def _branch_sides(upper: tuple, lower: tuple) -> tuple:
    """The branches of every side with ``\\pm`` stay paired, upper with upper, as ((1 + b) U + (1 - b) L) / 2
    in a real b, so the statement holds for every b exactly when it holds in both branches
    (``\\tfrac{1 \\pm s}{2} = \\tfrac12 \\mp \\tfrac{s}{2}`` is then false, as read). A line of a chain with
    its \\pm on one side is paired too, with the lines before it: the same sign throughout."""
    if all(x == y for x, y in zip(upper, lower)):
        return tuple(upper)
    return tuple(x if x == y else ((1 + PM_BRANCH) * x + (1 - PM_BRANCH) * y) / 2 for x, y in zip(upper, lower))


def _range_of_integration(low, high, variable) -> tuple:
    """The limits of ``\\int``: none is the whole line; a subscript alone is a domain, not a lower limit.
    ``\\int_x f dx`` (the variable itself under the sign) is over every value of x, as a bare ``\\int``
    is; any other lone subscript (``\\int_0``, ``\\int_{\\mathcal{X}}``, ``\\int_\\Omega``) is refused: reading
    it as [a, oo) or as the whole line would be a guess."""
    if low is not None and high is None:
        if not _same_variable(low, variable):
            raise Refusal(f"\\int_{{{low}}} with a subscript only is read neither as a domain nor as [{low}, oo): "
                          "give both limits (\\int_a^b), or write \\int alone for the whole line")
        low = None
    return (-sympy.oo if low is None else low), (sympy.oo if high is None else high)


def _same_variable(written, variable) -> bool:
    """``\\int_{\\mathbf{x}} f \\, dx``: the name under the sign is the variable's, bold or not."""
    def plain(name) -> str | None:
        return name.name[:-4] if isinstance(name, Symbol) and name.name.endswith("bold") else getattr(name, "name", None)
    return written == variable or (plain(written) is not None and plain(written) == plain(variable))


def _vector_like(expr) -> bool:
    """A matrix, a non-commuting name, or a name written bold or as a capital (``\\Sigma``, ``I``)."""
    if getattr(expr, "is_Matrix", False) or not getattr(expr, "is_commutative", True):
        return True
    return any("bold" in s.name or s.name[:1].isupper() for s in getattr(expr, "free_symbols", ())
               if isinstance(s, Symbol))


def _sides(exprs: tuple, bracketed: set = frozenset(), entries: dict | None = None,
           powered: dict | None = None, plain: dict | None = None) -> tuple:
    return fit_sides(_calls_as_products(exprs, bracketed, entries or {}, powered or {}, plain or {}))


def _summed_entries(exprs: tuple, entries: dict) -> dict:
    """The entries (``y_j``) of families whose components the formula sums (``\\sum_i y_i``): numbers."""
    summed = {str(node.base.label) for e in exprs for s in e.atoms(sympy.Sum) for node in s.atoms(sympy.Indexed)}
    return {name: symbol for name, symbol in entries.items() if name.split("_", 1)[0] in summed}


def _calls_as_products(exprs: tuple, bracketed: set = frozenset(), entries: dict | None = None,
                       powered: dict | None = None, plain: dict | None = None) -> tuple:
    """``n(n+1)`` where ``n`` is also a plain name of the formula: a product, not a function n at n+1;
    so is ``y_j(1 - p_j)`` where the formula sums the components of y (an entry is a number).
    A name at one plain symbol (``\\theta(t)``, ``p(t)``) stays a function of it, and so does an
    application written with brackets (``V[aX]``) unless the name stands plain inside it
    (``L[E(2E + 2L - 1)]``: no function is applied to an expression in its own name)."""
    names = {**_summed_entries(exprs, entries or {}), **(plain or {}),
             **{s.name: s for e in exprs for s in e.free_symbols if isinstance(s, Symbol)}}

    def is_product(call) -> bool:
        return (isinstance(call, AppliedUndef) and call.func.__name__ in names and len(call.args) == 1
                and not isinstance(call.args[0], Symbol)
                and (call not in bracketed or names[call.func.__name__] in call.args[0].free_symbols))

    def bracket_power(node):
        """``p(1-p)^4`` read as a product is p (1-p)^4: the power written on the call belongs to its bracket.
        A power that was not written there (``\\frac{1}{p(1-p)}``, ``\\sqrt{p(1-p)}``) is of the product."""
        name, argument = names[node.base.func.__name__], rebuilt(node.base.args[0])
        written = (powered or {}).get(node.base, set())
        if not written:
            return (name * argument) ** rebuilt(node.exp)
        for exponent in written:
            if node.exp == exponent:
                return name * argument ** rebuilt(exponent)
            if node.exp == -exponent:
                return 1 / (name * argument ** rebuilt(exponent))
        raise Refusal(f"cannot tell which bracket each power belongs to where {node.base.func.__name__}(...) "
                      "is written with a power and also without, or with another: add brackets")

    def rebuilt(node):  # each call decided as written, then its argument read through: n(n(n+1)+1)
        if not isinstance(node, sympy.Basic):
            return node
        if isinstance(node, sympy.Pow) and is_product(node.base):
            return bracket_power(node)
        if is_product(node):
            return names[node.func.__name__] * rebuilt(node.args[0])
        if not node.args or not node.has(AppliedUndef):
            return node
        arguments = tuple(rebuilt(a) for a in node.args)
        return node.func(*arguments) if arguments != node.args else node

    return tuple(rebuilt(e) for e in exprs)


def _plain_letters(sub):
    """The subscript with each name as the plain symbol written: ``k`` in ``d_k`` is the letter k even
    where the document makes k a vector, so ``d_k`` and ``d_{k}`` name one size wherever they occur;
    ``e`` among several letters is the letter e."""
    if isinstance(sub, MatrixSymbol):
        return Symbol(sub.name)
    if isinstance(sub, _Implicit) and sub.of is None and any(isinstance(f, MatrixSymbol) or f is sympy.E
                                                             for f in sub.factors):
        # C_{exp}: the letter e among the subscript's letters is no Euler number (SymPy would sort e*x*p,
        # so C_{exp} and C_{pex} would be one name)
        return _Implicit(tuple(Symbol(f.name) if isinstance(f, MatrixSymbol) else Symbol("e") if f is sympy.E else f
                               for f in sub.factors))
    return sub


def _written_subscript(sub) -> str | None:
    """A subscript of names side by side (``ij``, ``model``) as written, factors in order;
    None for anything else. SymPy would sort a product's factors: ``ij`` would equal ``ji``."""
    if not (isinstance(sub, _Implicit) and sub.of is None):
        return None
    if not all(isinstance(f, Symbol) for f in sub.factors):
        return None
    return " ".join(sympy.latex(f) for f in sub.factors)


def _no_stray_name_at(body: Expr, variable, word: str) -> Expr:
    """``\\sum_{t=1}^T \\mathbf{x}_t``: a name written at the sum's index that the reader holds as one object
    (a vector x_t, a named state) and not as the t-th member of a family would be one fixed thing summed T
    times: refused, never read so. Where it stands only as a density's variable (``\\log q(\\mathbf{x}_t |
    \\mathbf{x}_{t-1})``) it is the t-th of its family there, as ``\\mathbf{x}_{t-1}`` is: an opaque variable
    of the law, whose vector kind no rule uses."""
    if not isinstance(body, Expr) or not isinstance(variable, Symbol):
        return body
    for atom in body.atoms(Symbol, sympy.MatrixSymbol):
        name = str(atom.name)
        if "_" in name and name.split("_", 1)[1].strip("{}") == variable.name and atom != variable:
            entry = sympy.Indexed(sympy.IndexedBase(name.split("_", 1)[0]), variable)
            densities = {d: d.xreplace({atom: entry}) for d in body.atoms(Density) if d.has(atom)}
            rebound = body.xreplace(densities)
            if densities and not rebound.has(atom):
                body = rebound
                continue
            raise Refusal(f"{name} is written at the index {variable} of a {word} but is read as one object, "
                          f"not as the {variable}-th of a family: write its entries, or the {word} out")
    return body


def _letter_indices(sub) -> tuple:
    """``j`` -> (j,), ``ij`` -> (i, j) in the order written; anything else (``t+1``, ``2``) -> ()."""
    factors = sub.factors if isinstance(sub, _Implicit) and sub.of is None else (sub,)
    if all(isinstance(f, Symbol) and len(f.name) == 1 and f.name.isalpha() for f in factors):
        return tuple(factors)
    return ()


def _affine_index(sub) -> tuple:
    """``j+1``, ``j-1``, ``2j``, ``i+j``, ``0``: one index, an integer-affine expression in
    single-letter names; anything else (``x^2``, ``\\theta``, ``1/2``) -> ()."""
    if not isinstance(sub, Expr) or not sub.is_commutative:
        return ()
    if sub.is_Integer:
        return (sub,) if sub >= 0 else ()
    terms = sub.as_coefficients_dict()
    if all(coefficient.is_Integer for coefficient in terms.values()) and all(
            term == 1 or (isinstance(term, Symbol) and len(term.name) == 1 and term.name.isalpha())
            for term in terms):
        return (sub,)
    return ()


def _is_capital(expr) -> bool:
    name = getattr(expr, "name", "")
    return isinstance(name, str) and name[:1].isupper() and (len(name) == 1 or name[1] == "_")


_D = Symbol("d")  # the d of a differential, as the grammar reads dx: d*x


def _is_bare_d(expr) -> bool:
    return expr == _D or isinstance(expr, _Partial) and expr.of is None


def _d_order(expr) -> int:
    """n for a factor d^n (n >= 2) of a product as read (``d^2 h`` is d**2 * h), else 0."""
    factors = expr.args if isinstance(expr, sympy.Mul) else (expr,)
    for factor in factors:
        if isinstance(factor, sympy.Pow) and factor.base == _D and factor.exp.is_Integer and factor.exp >= 2:
            return int(factor.exp)
    return 0


def _higher_derivative(top, bottom):
    """``\\frac{d^2 h}{dx^2}``, ``\\frac{d^2}{dx^2}``: the n-th derivative, never the product d h / x^2.
    Leibniz notation of order n >= 2 needs d^n on top and d x^n below; any other mix of powers of d
    (``\\frac{d^2 h}{dx}``, ``\\frac{d^2 y}{dx\\,dt}``) is refused, since no reading of it is standard."""
    if isinstance(top, _Partial) or isinstance(bottom, _Partial):
        return None
    order = _d_order(top)
    if order and isinstance(bottom, sympy.Mul) and len(bottom.args) == 2:  # {dx}^2: (dx)^2, as dx^2 means
        powers = {f.base: f.exp for f in bottom.args if isinstance(f, sympy.Pow)}
        if len(powers) == 2 and powers.get(_D) == order and all(e == order for e in powers.values()):
            bottom = _D * next(b for b in powers if b != _D) ** order
    below = bottom.args if isinstance(bottom, sympy.Mul) else (bottom,)
    powered = [f for f in below if isinstance(f, sympy.Pow) and isinstance(f.base, Symbol) and f.exp.is_Integer]
    shaped = (isinstance(bottom, sympy.Mul) and len(below) == 2 and _D in below and len(powered) == 1)
    if not order:
        if shaped and _D in getattr(top, "free_symbols", ()) and powered[0].exp >= 2:
            raise Refusal("a derivative written with d x^n below needs d^n above (\\frac{d^n f}{dx^n})")
        return None
    if not (_D in getattr(bottom, "free_symbols", ())):
        return None  # d^2 h / 2: d is a name here
    if not shaped or powered[0].exp != order or powered[0].base == _D:
        raise Refusal(f"cannot read this as a derivative: d^{order} above needs d x^{order} below "
                      "(\\frac{d^n f}{dx^n}); mixed differentials are not read")
    variable = powered[0].base
    rest = sympy.Mul(*[f for f in (top.args if isinstance(top, sympy.Mul) else (top,))
                       if not (isinstance(f, sympy.Pow) and f.base == _D)])
    if rest == 1:
        return _DerivativeOperator((variable, order))
    if isinstance(rest, Symbol) or isinstance(rest, sympy.core.function.AppliedUndef):
        return sympy.Derivative(rest, (variable, order))
    raise Refusal(f"write the function after the operator: \\frac{{d^{order}}}{{dx^{order}}} (...)")


AT_POINT = "at_point"  # the name of a derivative applied to a point, before the document's definitions read it
PRIME_VARIABLE = Symbol("xi")  # the bound variable of f'(a) at a point a: f'(a) is d/dxi f(xi) at xi = a


def _primed(head, arguments: tuple, given) -> Expr | None:
    """``f'(x)``, ``f''(x)``, ``\\sigma'(z)``: Lagrange's notation, the derivative of f of the order the primes
    count, at the argument (``f'(2)``: d/dxi f(xi) at xi = 2). Of several arguments (which partial?) or of a
    density name, None: the primed name stays an undefined function, as before."""
    name = objects.head_name(head)
    base = name.rstrip("'")
    order = len(name) - len(base)
    if not order or not base or "'" in base or given is not None or len(arguments) != 1:
        return None
    if objects.is_density_name(base) or base in objects.CONSTANTS:
        return None
    point = arguments[0]
    if not isinstance(point, Expr) or not point.is_commutative or getattr(point, "is_Matrix", False):
        return None
    function = sympy.Function(base)
    if isinstance(point, Symbol):
        return sympy.Derivative(function(point), (point, order))
    return sympy.Subs(sympy.Derivative(function(PRIME_VARIABLE), (PRIME_VARIABLE, order)), PRIME_VARIABLE, point)


def _differentiable_in(body, variable) -> bool:
    """Whether ``\\nabla_x body`` / ``\\partial_x body`` is the derivative in the scalar x: x shows in the body,
    or the body is a bare name (as in \\frac{\\partial f}{\\partial x}, which the context makes move with x).
    ``\\nabla_x f(x_i, y_i)`` (f at other points) and matrices stay undefined, never a derivative that is 0."""
    if not isinstance(variable, Symbol) or getattr(body, "is_Matrix", False) or not isinstance(body, Expr):
        return False
    if not body.is_commutative:
        return False
    return body.has(variable) or (isinstance(body, Symbol) and body.name not in objects.CONSTANTS)


def _value_of_application(body, variable) -> bool:
    """``\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}})``: the variable names no argument of the function, nor
    the family of one (as x does of ``f(x_k, y_k)``, where f's partial in its x at a point is meant), so it is
    the derivative of the value ``l(y, yhat)`` by o_j, read as ``\\frac{\\partial l(y, yhat)}{\\partial o_j}`` is
    (a definition of l, or the context, says how it depends on o_j; else the step stays undecided)."""
    if not isinstance(variable, Symbol) or not isinstance(body, AppliedUndef) or not body.args:
        return False
    if body.func.__name__.split("_")[0] in _OPERATOR_HEADS:
        return False
    family = variable.name.split("_")[0]
    arguments = [a for a in body.args if isinstance(a, (Symbol, MatrixSymbol))]
    return len(arguments) == len(body.args) and all(a.name.split("_")[0] != family for a in arguments)


_OPERATOR_HEADS = frozenset({"E", "Var", "Cov", "KL", "D", "P", "Pr", "H", "tr", "det", "nabla", "partial", "grad"})


def _at(body: Expr, variable: Symbol, point: Expr) -> Expr:
    """``body`` at ``variable = point``. Carried out here only when the body is explicit in the variable
    alone (``x^2``, ``\\frac{d}{dx} x^3``): a name in it may be defined later in the document (``g`` of
    ``g := x^2``, ``f`` of a derivative), and then only the kept substitution (``Subs``) means what is written."""
    explicit = isinstance(body, Expr) and body.free_symbols <= {variable} and not body.atoms(AppliedUndef) \
        and not _has_vocabulary(body)
    if explicit and not body.has(sympy.Integral, sympy.Sum, sympy.Product) and not getattr(body, "is_Matrix", False):
        return sympy.Subs(body, variable, point).doit()
    return sympy.Subs(body, variable, point)


def _over_values(kind, word: str, variable, body: Expr, values: tuple) -> Expr:
    """The terms (factors) of ``body`` at each listed value. Refused where the index still shows in a name
    after the body's families are bound (``a_{i+1}`` read as one name): putting a value in could miss it."""
    if not isinstance(variable, Symbol):
        raise Refusal(f"\\{word} over a set needs a name before \\in")
    letter = re.compile(rf"(?<![A-Za-z]){re.escape(variable.name)}(?![A-Za-z])")
    hidden = [s.name for s in body.free_symbols if isinstance(s, Symbol) and s != variable and "_" in s.name
              and letter.search(s.name.split("_", 1)[1])]
    if hidden:
        raise Refusal(f"cannot put the values of {variable.name} into {hidden[0]}: write the terms out")
    if not all(getattr(value, "is_Number", False) for value in values):
        raise Refusal("a set listed by names: its members may coincide, and then it has fewer; list numbers, "
                      "or sum over a named set")
    if _has_vocabulary(body):  # a density at a value, a KL, an expectation: kept whole, an undefined sum
        listed = ", ".join(sympy.latex(v) for v in values)
        return sympy.Function(f"{word}_{{{sympy.latex(variable)} \\in \\{{{listed}\\}}}}")(body)
    terms = [body.xreplace({variable: value}) for value in values]
    return sympy.Add(*terms) if kind is sympy.Sum else sympy.Mul(*terms)


def _has_vocabulary(body) -> bool:
    """Whether ``body`` holds an object of our vocabulary (a density, KL, an expectation), not only SymPy's."""
    return any((type(node).__module__ or "").startswith("verify") for node in sympy.preorder_traversal(body))


def _bar_variable(variable):
    if not isinstance(variable, Symbol) or variable.name in objects.CONSTANTS:
        raise Refusal("an evaluation bar fixes a variable: the name before '=' must be one")
    return variable


def _partial_power(partial: _Partial, exponent: Expr) -> _Partial:
    """``\\partial^2`` (the order, above a bar) or ``\\partial x^2`` (x twice, below one); a power that is no
    whole number from 2 up is refused."""
    if not (exponent.is_Integer and 2 <= exponent <= 20):
        raise Refusal(f"\\partial with the power {exponent}: the order of a derivative is a whole number")
    if partial.of is None and partial.order == 1:
        return _Partial(None, int(exponent))
    if partial.of is not None and partial.power == 1 and partial.order == 1:
        return _Partial(partial.of, 1, int(exponent))
    raise Refusal("cannot read this power of a partial: write \\frac{\\partial^n f}{\\partial x^n}")


def _partials(top, bottom):
    """``\\frac{\\partial^2 f}{\\partial x^2}``, ``\\frac{\\partial^2 f}{\\partial x \\partial y}`` (mixed: the
    iterated derivative, by y then by x, as SymPy prints it), ``\\frac{\\partial^2}{\\partial x^2}`` (an operator); None for a first derivative
    (read as before) or no partials. The order above must be the number of differentials below."""
    counts = _counts(bottom)
    if counts is None or not isinstance(top, _Partial):
        if isinstance(top, _Partial) and top.order > 1 or isinstance(bottom, _Differentials):
            raise Refusal("a derivative of higher order needs \\partial^n above and n differentials below "
                          "(\\frac{\\partial^2 f}{\\partial x \\partial y})")
        return None
    total = sum(n for _, n in counts)
    if total == 1 and top.order == 1:
        return None
    if top.order == 1 and len(counts) == 1:  # \frac{\partial L}{\partial \sigma^2}: by the variance, or twice by sigma?
        raise Refusal(f"\\partial {counts[0][0]}^{counts[0][1]} below a first derivative: a derivative by the quantity "
                      f"{counts[0][0]}^{counts[0][1]} (a variance, a layer's superscript) is not read; name it "
                      f"(v = {counts[0][0]}^{counts[0][1]}) and differentiate by v, or write \\partial^{counts[0][1]} above")
    if top.order != total:
        raise Refusal(f"cannot read this as a derivative: \\partial^{top.order} above but {total} "
                      "differential(s) below")
    if len({v for v, _ in counts}) != len(counts):
        raise Refusal("a variable written twice below the bar: write \\partial x^2")
    counts = tuple(reversed(counts))  # \partial x \partial y: by y first, then by x (the iterated derivative)
    if top.of is None:
        return _DerivativeOperator(counts if len(counts) > 1 else counts[0])
    body = top.value()
    if getattr(body, "is_Matrix", False):
        raise Refusal("a second derivative of a matrix or vector is not read")
    return sympy.Derivative(body, *counts)


def _after_d(top):
    """What ``d`` is written before above a differential's bar: ``f(x)`` of ``d f(x)``, ``x^2`` of ``d(x^2)``
    (read as d times it); None where d is not a factor once, or stands before a number (``2d``)."""
    if isinstance(top, AppliedUndef) and top.func.__name__ == "d" and len(top.args) == 1:
        return top.args[0]  # d(x^2): read as an application of d, it is d times the bracket
    if not isinstance(top, sympy.Mul) or _D not in top.args:
        return None
    moving = top / _D
    if moving.has(_D) or moving.is_number:
        return None
    return moving


def _differential(expr):
    """The x of ``dx`` (read as d*x) or of ``\\partial x``, else None."""
    if isinstance(expr, _Partial) and isinstance(expr.of, Symbol):
        return expr.of
    if isinstance(expr, sympy.Mul) and len(expr.args) == 2 and _D in expr.args:
        other = [a for a in expr.args if a != _D]
        return other[0] if other and isinstance(other[0], Symbol) else None
    return None


def _in_the_density_variable(body: Expr, dist, variable) -> tuple:
    """``E_{Z \\sim q(z|x)}[f(Z)]`` is the integral of q(z|x) f(z) over z: the density's own argument is the
    bound variable, and Z is renamed to it in the body, so the expectation meets the same integral written out
    (a KL over z). Only when the density has that one plain argument and it is not free in the body
    (``E_{Z \\sim q(z)}[f(Z, z)]`` keeps both, as written)."""
    from ..vocabulary import Density

    if not isinstance(dist, Density) or len(dist.variables) != 1 or not isinstance(variable, Symbol):
        return body, dist, variable
    own = dist.variables[0]
    if not isinstance(own, Symbol) or own == variable or own in body.free_symbols:
        return body, dist, variable
    return body.xreplace({variable: own}), dist, own


def _expectation(body: Expr, under) -> Expr:
    """``E_{q(z|x)}[f]``, ``E_{z \\sim q}[f]``; with no density named, an undefined ``E``."""
    if isinstance(under, tuple):
        _, variable, dist = under
        if isinstance(dist, Symbol) and objects.is_density_name(dist.name):
            dist = objects.apply(dist, (variable,), None)
        return Expectation(*_in_the_density_variable(body, dist, variable))
    if under is None:
        return sympy.Function("E")(body)
    from ..vocabulary import Density

    if isinstance(under, Density) and under.variables:
        return Expectation(body, under)
    return sympy.Function(f"E_{under}")(body)
