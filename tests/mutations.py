"""Mutations of SymPy expressions: the mistakes students make, made on purpose.

Each mutation returns new expressions that differ from the original at one place:
a term's sign flipped, a term dropped, an exponent changed, a factor changed, or
a conditional swapped (p(x|z) for p(z|x)). Tests use them to break correct steps.
"""
from __future__ import annotations

from typing import Callable, Iterator

from sympy import Add, Basic, Indexed, Integer, Mul, Pow, Rational, Sum

from verify.vocabulary import Density
from verify.vocabulary.linalg import Entry

Mutation = Callable[[Basic], Iterator[Basic]]


def _rebuild(expr: Basic, index: int, new_arg: Basic) -> Basic:
    args = list(expr.args)
    args[index] = new_arg
    return expr.func(*args)


def _everywhere(expr: Basic, local: Callable[[Basic], Iterator[Basic]]) -> Iterator[Basic]:
    """Apply ``local`` at the root and at every sub-expression, rebuilding the parents."""
    yield from local(expr)
    for i, arg in enumerate(expr.args):
        if isinstance(arg, Basic) and not arg.is_Atom:
            for changed in _everywhere(arg, local):
                yield _rebuild(expr, i, changed)


def _flip_sign(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Add):
        for i, term in enumerate(expr.args):
            yield Add(*expr.args[:i], -term, *expr.args[i + 1:])


def _drop_term(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Add) and len(expr.args) >= 2:
        for i in range(len(expr.args)):
            yield Add(*expr.args[:i], *expr.args[i + 1:])


def _change_exponent(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Pow) and expr.exp.is_Rational:
        yield Pow(expr.base, expr.exp + 1)
        if expr.exp.q != 1:  # sqrt(x) -> x
            yield Pow(expr.base, expr.exp * 2)


def _change_factor(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Mul) and expr.args[0].is_Rational:
        yield Mul(expr.args[0] * 2, *expr.args[1:])
    elif isinstance(expr, Mul):
        yield Mul(Integer(2), expr)


def _swap_conditional(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Density) and expr.given:
        yield Density(expr.name, expr.given, expr.variables)


def _change_bound(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Sum):
        variable, low, high = expr.limits[0]
        yield Sum(expr.function, (variable, low, high + 1), *expr.limits[1:])


def _swap_indices(expr: Basic) -> Iterator[Basic]:
    if isinstance(expr, Indexed) and len(expr.indices) >= 2 and expr.indices[0] != expr.indices[1]:
        yield expr.base[(expr.indices[1], expr.indices[0], *expr.indices[2:])]
    if isinstance(expr, Entry) and expr.args[1] != expr.args[2]:
        yield Entry(expr.args[0], expr.args[2], expr.args[1])


MUTATIONS: dict[str, Callable[[Basic], Iterator[Basic]]] = {
    "sign flipped": _flip_sign,
    "term dropped": _drop_term,
    "exponent changed": _change_exponent,
    "factor changed": _change_factor,
    "conditional swapped": _swap_conditional,
    "bound changed": _change_bound,
    "indices swapped": _swap_indices,
}


def mutants(expr: Basic, limit_per_kind: int = 3) -> Iterator[tuple[str, Basic]]:
    """Distinct mutants of ``expr``, at most ``limit_per_kind`` of each kind."""
    seen = {expr}
    for kind, local in MUTATIONS.items():
        count = 0
        for mutant in _everywhere(expr, local):
            if mutant in seen:
                continue
            seen.add(mutant)
            yield kind, mutant
            count += 1
            if count >= limit_per_kind:
                break


def half(expr: Basic) -> Basic:
    """A wrong value of the same shape, for claims whose value is a plain expression."""
    return Mul(Rational(1, 2), expr) if expr != 0 else Integer(1)
