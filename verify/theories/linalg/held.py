"""Held sums: a normalised finite sum stands in the algebra as a plain symbol.

SymPy asks assumption queries each time a product or ``exp`` is built, and on a
``Sum`` (of ``exp`` of sums of entries) every query walks the whole tree. So the
normaliser (``linalg.sums``) replaces each sum, once its body is normal, by a
placeholder: a commutative ``Dummy`` with no assumptions. An identity that holds for
arbitrary symbols holds for any values substituted, so algebra on placeholders is
sound. What needs to look inside a sum is done through the registry here: which
symbols a held sum depends on, renaming a free index, putting the real sums back.

The registry lives for one canonical form: ``holding()`` opens it (the linear-algebra
canonicaliser does) and drops it on exit, with everything memoised while it was open,
so the placeholders of one check never accumulate over a process's life.

The bound index of a held sum is named by its height (one shared Dummy ``h1`` for a sum
of sum-free terms, ``h2`` for a sum over those, ...): inner sums bind lower heights and
no free symbol is such a Dummy, so the renaming never captures, and two sums equal up
to the names of their dummies become one placeholder.
"""
from __future__ import annotations

import functools
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Callable, Iterator, TypeVar

from sympy import Derivative, Dummy, Expr, Sum, Symbol
from sympy.concrete.expr_with_limits import ExprWithLimits

T = TypeVar("T")


@dataclass(frozen=True)
class Held:
    """``Sum(body, (variable, low, high))``; ``free``: the real sum's free symbols."""

    body: Expr
    variable: Symbol
    low: Expr
    high: Expr
    height: int
    free: frozenset


@dataclass
class HeldSums:
    """The held sums of one canonical form: by placeholder, by the sum they stand for, and
    the values memoised while they are alive (those may contain placeholders)."""

    held: dict[Dummy, Held] = field(default_factory=dict)
    by_sum: dict[tuple, Dummy] = field(default_factory=dict)
    memo: dict[tuple, object] = field(default_factory=dict)


_OPEN: ContextVar[HeldSums | None] = ContextVar("held_sums", default=None)


@contextmanager
def holding() -> Iterator[HeldSums]:
    """The registry of the canonical form being built: a fresh one for the outermost caller,
    dropped when it returns; a nested caller shares it."""
    current = _OPEN.get()
    if current is not None:
        yield current
        return
    token = _OPEN.set(HeldSums())
    try:
        yield _OPEN.get()
    finally:
        _OPEN.reset(token)


def open_registry() -> HeldSums | None:
    """The registry of the canonical form being built, or None between canonical forms."""
    return _OPEN.get()


def _registry() -> HeldSums:
    current = _OPEN.get()
    if current is None:
        raise RuntimeError("held sums are built only inside holding(): a placeholder must not outlive its form")
    return current


def memoised(function: Callable[..., T]) -> Callable[..., T]:
    """Memoise ``function`` while the current registry is open (its values may hold placeholders)."""

    @functools.wraps(function)
    def remembered(*args):
        memo, key = _registry().memo, (function.__name__, *args)
        if key not in memo:
            memo[key] = function(*args)
        return memo[key]

    return remembered


def free_of(expr: Expr) -> set:
    """The free symbols of ``expr`` with its held sums put back, and the indices of the variables it
    is differentiated by: SymPy leaves ``i`` out of ``d L / d yhat_i``, yet the term moves with it."""
    registry = _registry().held
    found = set()
    for s in expr.free_symbols:
        held = registry.get(s)
        found.update(held.free if held is not None else (s,))
    return found | _differentiated_by(expr)


def _differentiated_by(expr: Expr) -> set:
    """The free symbols of the variables ``expr`` is differentiated by, minus those a sum binds."""
    if not expr.has(Derivative):
        return set()
    inner = set().union(*(_differentiated_by(a) for a in expr.args))
    if isinstance(expr, Derivative):
        return inner | {s for v in expr.variables for s in v.free_symbols}
    if isinstance(expr, ExprWithLimits):
        return inner - {limit[0] for limit in expr.limits}
    return inner


def depends_on(expr: Expr, k) -> bool:
    return k in free_of(expr)


def _height(body: Expr) -> int:
    registry = _registry().held
    return 1 + max((registry[s].height for s in body.free_symbols if s in registry), default=0)


@functools.lru_cache(maxsize=None)
def _index(height: int) -> Dummy:
    """The bound index of every held sum of this height: a Dummy, so no user symbol equals it."""
    return Dummy(f"h{height}", integer=True)


def hold(body: Expr, k, low: Expr, high: Expr) -> Dummy:
    """The placeholder of ``Sum(body, (k, low, high))``; ``body`` is normal (may hold sums)."""
    name = _index(_height(body))
    if name != k:
        body = substitute(body, {k: name})
    key, registry = (body, name, low, high), _registry()
    placeholder = registry.by_sum.get(key)
    if placeholder is None:
        placeholder = Dummy("S")
        free = (free_of(body) - {name}) | free_of(low) | free_of(high)
        registry.held[placeholder] = Held(body, name, low, high, _height(body), frozenset(free))
        registry.by_sum[key] = placeholder
    return placeholder


def substitute(expr: Expr, mapping: dict) -> Expr:
    """``expr.xreplace(mapping)`` also inside held sums (values must not be bound there)."""
    replacements, registry = dict(mapping), _registry().held
    for s in expr.free_symbols:
        held = registry.get(s)
        if held is not None and not held.free.isdisjoint(mapping):
            replacements[s] = _rehold(held, mapping)
    return expr.xreplace(replacements)


def _rehold(held: Held, mapping: dict) -> Dummy:
    inner = {k: v for k, v in mapping.items() if k != held.variable}
    return hold(substitute(held.body, inner), held.variable, substitute(held.low, mapping),
                substitute(held.high, mapping))


def realise(expr: Expr) -> Expr:
    """``expr`` with every held sum put back as a real ``Sum``."""
    registry = _registry().held
    replacements = {s: _real(s) for s in expr.free_symbols if s in registry}
    return expr.xreplace(replacements) if replacements else expr


@memoised
def _real(placeholder: Dummy) -> Sum:
    held = _registry().held[placeholder]
    return Sum(realise(held.body), (held.variable, realise(held.low), realise(held.high)))


__all__ = ["hold", "holding", "memoised", "open_registry", "realise", "substitute", "depends_on", "free_of",
           "Held", "HeldSums"]
