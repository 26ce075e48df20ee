"""Numbers for the linalg theory: small sizes, random arrays, and evaluator hooks.

Sizes (the symbols in matrix shapes) get integers in ``SIZE_RANGE``; every matrix a
random array of its shape; free indices an integer inside every range they index.
A fact ``M = expr`` or ``alpha_{ij} = expr`` defines the numbers of its left side, so
the numeric tier means what the symbolic tier means. Shape mismatches raise
``Undecided`` (an honest ``unknown``), never a stray numpy error.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sympy import (BlockMatrix, Identity, Indexed, KroneckerDelta, MatAdd, MatMul, MatPow, MatrixSymbol, OneMatrix, Symbol,
                   Transpose, Tuple, ZeroMatrix)
from sympy.matrices.expressions.matexpr import MatrixElement

from ...undecided import Undecided
from ...model import Context
from ...vocabulary.linalg import Concat, Dot, Entry, Row, Softmax, Stack, is_column
from ..base import Instance

SIZE_RANGE = (2, 4)


def definitions(context: Context) -> tuple[dict, dict]:
    """Facts that define a matrix (``W = ...``) and facts that define an indexed family (``alpha_ij = ...``)."""
    matrices = {f.lhs: f.rhs for f in context.facts if isinstance(f.lhs, MatrixSymbol)}
    families = {f.lhs.base: f for f in context.facts
                if isinstance(f.lhs, Indexed) and all(isinstance(i, Symbol) for i in f.lhs.indices)}
    return matrices, families


def _integer(value) -> int:
    number = value if type(value) is float else float(np.real(value))  # the common case, without numpy
    if not number.is_integer():
        raise Undecided(f"an index or size evaluated to {number:g}, not an integer")
    return int(number)


def _position(evaluate, index, length: int, offset: int = 1) -> int:
    """0-based position of a (1-based unless ``offset=0``) index, checked against ``length``."""
    at = _integer(evaluate(index)) - offset
    if not 0 <= at < length:
        raise Undecided(f"index {index} = {at + offset} is outside 1..{length}")
    return at


def _array(evaluate, expr, ndim: int) -> np.ndarray:
    value = np.asarray(evaluate(expr), dtype=float)
    if value.ndim != ndim:
        raise Undecided(f"{expr} evaluated to an array of {value.ndim} dimensions, expected {ndim}")
    return value


def softmax_rows(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def _softmax(expr, evaluate) -> np.ndarray:
    """Along each row; of a column vector, over its entries (``Softmax``)."""
    scores = _array(evaluate, expr.arg, 2)
    return softmax_rows(scores.T).T if is_column(expr.arg) else softmax_rows(scores)


def _matpow(expr, evaluate):
    exponent = expr.exp
    if not (exponent.is_Integer and 0 <= exponent <= 64):
        raise Undecided(f"matrix power {exponent} is not a small non-negative integer")
    return np.linalg.matrix_power(_array(evaluate, expr.base, 2), int(exponent))


def _matmul(expr, evaluate):
    result: Any = None
    for arg in expr.args:
        value = np.asarray(evaluate(arg), dtype=float)
        if result is None or result.ndim < 2 or value.ndim < 2:
            result = value if result is None else result * value
        elif result.shape[1] != value.shape[0]:
            raise Undecided(f"shapes {result.shape} and {value.shape} do not multiply in {expr}")
        else:
            result = result @ value
    return result


def _matadd(expr, evaluate):
    values = [np.asarray(evaluate(a), dtype=float) for a in expr.args]
    if len({v.shape for v in values}) > 1:
        raise Undecided(f"shapes {[v.shape for v in values]} do not add in {expr}")
    return sum(values)


def _joined(axis: int):
    def join(expr, evaluate):
        blocks = [_array(evaluate, b, 2) for b in expr.args]
        if len({b.shape[1 - axis] for b in blocks}) > 1:
            raise Undecided(f"blocks of {expr} do not line up: {[b.shape for b in blocks]}")
        return np.concatenate(blocks, axis=axis)
    return join


def _entry(expr, evaluate):
    value = _array(evaluate, expr.args[0], 2)
    return value[_position(evaluate, expr.args[1], value.shape[0]), _position(evaluate, expr.args[2], value.shape[1])]


def _row(expr, evaluate):
    value = _array(evaluate, expr.args[0], 2)
    return value[_position(evaluate, expr.args[1], value.shape[0])]


def _dot(expr, evaluate):
    first, second = (_array(evaluate, a, 1) for a in expr.args)
    if first.shape != second.shape:
        raise Undecided(f"{expr}: vectors of lengths {first.size} and {second.size}")
    return float(first @ second)


def _element(expr, evaluate):
    value = _array(evaluate, expr.parent, 2)
    return value[_position(evaluate, expr.i, value.shape[0], 0), _position(evaluate, expr.j, value.shape[1], 0)]


def _shape(evaluate, expr) -> tuple[int, int]:
    return _integer(evaluate(expr.rows)), _integer(evaluate(expr.cols))


class Hooks:
    """The evaluator hooks of one instantiation (they need its defining facts and names)."""

    def __init__(self, context: Context, matrices: dict[str, MatrixSymbol], seed: int):
        self.defined, self.families = definitions(context)
        self.matrices = matrices
        self.scalars: dict = {}
        self.readings: dict = {}  # (id of an IndexedBase, index count) -> (base, reading)
        self.rng = np.random.default_rng(seed)

    def table(self) -> dict:
        return {
            MatrixSymbol: self.matrix_symbol, Softmax: lambda e, ev: _softmax(e, ev),
            Concat: _joined(1), Stack: _joined(0), Entry: _entry, Row: _row, Dot: _dot, MatrixElement: _element,
            MatMul: _matmul, MatAdd: _matadd, Transpose: lambda e, ev: _array(ev, e.arg, 2).T,
            MatPow: _matpow,
            ZeroMatrix: lambda e, ev: np.zeros(_shape(ev, e)), OneMatrix: lambda e, ev: np.ones(_shape(ev, e)),
            Identity: lambda e, ev: np.eye(_shape(ev, e)[0]), Indexed: self.indexed,
            KroneckerDelta: lambda e, ev: float(_integer(ev(e.args[0])) == _integer(ev(e.args[1]))),
            BlockMatrix: lambda e, ev: np.block([[_array(ev, b, 2) for b in r] for r in e.blocks.tolist()]),
        }

    def matrix_symbol(self, expr, evaluate):
        if expr in self.defined:
            return _array(evaluate, self.defined[expr], 2)
        if expr in evaluate.values:
            return evaluate.values[expr]
        raise Undecided(f"no value for the matrix {expr}")

    def indexed(self, expr, evaluate):
        base, indices = expr.args[0], expr.args[1:]
        kind, what = self._reading(base, len(indices))
        if kind == "family":
            inner = evaluate
            for symbol, value in zip(what.lhs.indices, indices):
                inner = inner.bound(symbol, evaluate(value))
            return inner(what.rhs)
        if kind == "row":
            return _row(Row(what, indices[0]), evaluate)
        if kind == "entry":
            return _entry(Entry(what, *indices), evaluate)
        return self.scalar(what, tuple(_integer(evaluate(i)) for i in indices))

    def _reading(self, base, count: int) -> tuple[str, object]:
        """What ``base[...]`` with ``count`` indices names: a defined family (its fact), a row or an
        entry of a matrix (the matrix), else a scalar family (its name). Found once per base object:
        a sum evaluates ``x_i`` at every term, and comparing IndexedBases is slow. Keyed by identity,
        the base kept alongside so that a recycled id never matches."""
        cached = self.readings.get((id(base), count))
        if cached is not None and cached[0] is base:
            return cached[1]
        if base in self.families:
            reading = ("family", self.families[base])
        else:
            name = str(base.label)
            if count == 1 and name.islower() and name.upper() in self.matrices:
                reading = ("row", self.matrices[name.upper()])
            elif count == 2 and name in self.matrices:
                reading = ("entry", self.matrices[name])
            else:
                reading = ("scalar", name)
        self.readings[(id(base), count)] = (base, reading)
        return reading

    def scalar(self, name: str, position: tuple[int, ...]) -> float:
        """An unconstrained scalar family x_i: a fresh normal draw per distinct position."""
        key = (name, position)
        if key not in self.scalars:
            self.scalars[key] = float(np.round(self.rng.normal(), 3))
        return self.scalars[key]


def _dimension(expr, instance: Instance) -> int:
    sizes = {k: v for k, v in instance.values.items() if isinstance(k, Symbol) and isinstance(v, float)}
    return _integer(float(expr.xreplace(sizes)))


def _index_ranges(scope, matrices: dict, families: dict) -> dict:
    """For each free index symbol, the dimensions (as expressions) it must stay within."""
    ranges: dict = {}

    def within(position, dimension):
        if isinstance(position, Symbol):
            ranges.setdefault(position, []).append(dimension)

    for node in scope.atoms(Row, Entry, MatrixElement, Indexed):
        if isinstance(node, MatrixElement):  # 0-based: 0..rows-1
            within(node.i, node.parent.rows - 1), within(node.j, node.parent.cols - 1)
        elif isinstance(node, (Row, Entry)):
            for position, dimension in zip(node.args[1:], node.args[0].shape):
                within(position, dimension)
        else:
            _indexed_ranges(node, matrices, families, within)
    return ranges


def _indexed_ranges(node: Indexed, matrices: dict, families: dict, within) -> None:
    name = str(node.base.label)
    if node.base in families:
        fact = families[node.base]
        inner = _index_ranges(fact.rhs, matrices, {})
        for own, actual in zip(fact.lhs.indices, node.indices):
            for dimension in inner.get(own, []):
                within(actual, dimension)
    elif len(node.indices) == 1 and name.islower() and name.upper() in matrices:
        within(node.indices[0], matrices[name.upper()].rows)
    elif len(node.indices) == 2 and name in matrices:
        within(node.indices[0], matrices[name].rows), within(node.indices[1], matrices[name].cols)


@dataclass(frozen=True)
class _Layout:
    """What the draws of one step need to know of its expression and facts, whatever the numbers:
    its matrices, the ranges of its free indices, its indexed nodes."""

    matrices: dict
    defined: dict
    ranges: dict
    indexed: tuple


_LAYOUTS: dict = {}  # (id(context), id(expr)) -> (context, expr, layout): the numeric tier draws many times


def _layout(context: Context, expr) -> _Layout:
    """The step's layout, found once for the many draws of one check. Keyed by identity, the
    (immutable) context and expression kept alongside so that a recycled id never matches."""
    cached = _LAYOUTS.get((id(context), id(expr)))
    if cached is not None and cached[0] is context and cached[1] is expr:
        return cached[2]
    scope = Tuple(expr, *(f.rhs for f in context.facts))
    matrices = {m.name: m for m in scope.atoms(MatrixSymbol)}
    defined, families = definitions(context)
    layout = _Layout(matrices, defined, _index_ranges(scope, matrices, families), tuple(scope.atoms(Indexed)))
    if len(_LAYOUTS) > 64:
        _LAYOUTS.clear()
    _LAYOUTS[(id(context), id(expr))] = (context, expr, layout)
    return layout


def instantiate(context: Context, expr, rng: np.random.Generator, instance: Instance) -> str | None:
    layout = _layout(context, expr)
    matrices, defined = layout.matrices, layout.defined
    _sizes(matrices.values(), rng, instance)
    for name, m in sorted(matrices.items()):
        if m not in defined:
            rows, cols = _dimension(m.rows, instance), _dimension(m.cols, instance)
            instance.values[m] = np.round(rng.normal(size=(rows, cols)), 3)
            instance.described.append((name, np.array2string(instance.values[m], precision=2)))
    reason = _indices(layout.ranges, rng, instance)
    for node in layout.indexed:
        instance.values.setdefault(node, None)  # evaluated by the hook, not sampled as a symbol
        instance.values.setdefault(node.base, None)
    instance.hooks.update(Hooks(context, matrices, int(rng.integers(2**31))).table())
    return reason


def _sizes(matrices, rng: np.random.Generator, instance: Instance) -> None:
    symbols = set().union(*((m.rows.free_symbols | m.cols.free_symbols) for m in matrices)) if matrices else set()
    for symbol in sorted(symbols - set(instance.values), key=str):
        value = int(rng.integers(SIZE_RANGE[0], SIZE_RANGE[1] + 1))
        instance.values[symbol] = float(value)
        instance.described.append((str(symbol), str(value)))


def _indices(ranges: dict, rng: np.random.Generator, instance: Instance) -> str | None:
    for symbol, dimensions in sorted(ranges.items(), key=lambda kv: str(kv[0])):
        if symbol in instance.values:
            continue
        upper = min(_dimension(d, instance) for d in dimensions)
        if upper < 1:
            return f"the index {symbol} has no admissible value"
        instance.values[symbol] = float(rng.integers(1, upper + 1))
        instance.described.append((str(symbol), str(int(instance.values[symbol]))))
    return None
