"""Shared hypothesis generators for expressions of the base theory."""
from __future__ import annotations

from hypothesis import strategies as st
from sympy import Add, Integer, Mul, Pow, Symbol, log

X = Symbol("x", positive=True)
Y = Symbol("y", positive=True)
T = Symbol("t", real=True)

atoms = st.sampled_from([X, Y, T]) | st.integers(-5, 5).map(Integer)


def _combine(children):
    pair = st.tuples(children, children)
    return (
        pair.map(lambda ab: Add(*ab))
        | pair.map(lambda ab: Mul(*ab))
        | st.tuples(children, st.integers(0, 3)).map(lambda be: Pow(be[0], be[1]))
    )


polynomials = st.recursive(atoms, _combine, max_leaves=8)
positive_atoms = st.sampled_from([X, Y, X * Y, X + Y, Integer(2)])
logs_of_positives = st.lists(positive_atoms, min_size=1, max_size=3).map(lambda xs: log(Mul(*xs)))
