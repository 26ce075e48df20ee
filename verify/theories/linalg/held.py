"""Held sums: a normalised finite sum stands in the algebra as a plain symbol.

SymPy asks assumption queries each time a product or ``exp`` is built, and on a
``Sum`` (of ``exp`` of sums of entries) every query walks the whole tree. So the
normaliser (``linalg.sums``) replaces each sum, once its body is normal, by a
placeholder: a commutative ``Dummy`` with no assumptions. An identity that holds for
arbitrary symbols holds for any values substituted, so algebra on placeholders is
sound. What needs to look inside a sum is done through the registry here: which
symbols a held sum depends on, renaming a free index, putting the real sums back.

The bound index of a held sum is named by its height (one shared Dummy ``h1`` for a sum
of sum-free terms, ``h2`` for a sum over those, ...): inner sums bind lower heights and
no free symbol is such a Dummy, so the renaming never captures, and two sums equal up
to the names of their dummies become one placeholder.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from sympy import Dummy, Expr, Sum, Symbol


@dataclass(frozen=True)
class Held:
    """``Sum(body, (variable, low, high))``; ``free``: the real sum's free symbols."""

    body: Expr
    variable: Symbol
    low: Expr
    high: Expr
    height: int
    free: frozenset


_HELD: dict[Dummy, Held] = {}
_BY_SUM: dict[tuple, Dummy] = {}


def free_of(expr: Expr) -> set:
    """The free symbols of ``expr`` with its held sums put back."""
    found = set()
    for s in expr.free_symbols:
        held = _HELD.get(s)
        found.update(held.free if held is not None else (s,))
    return found


def depends_on(expr: Expr, k) -> bool:
    return k in free_of(expr)


def _height(body: Expr) -> int:
    return 1 + max((_HELD[s].height for s in body.free_symbols if s in _HELD), default=0)


@functools.lru_cache(maxsize=None)
def _index(height: int) -> Dummy:
    """The bound index of every held sum of this height: a Dummy, so no user symbol equals it."""
    return Dummy(f"h{height}", integer=True)


def hold(body: Expr, k, low: Expr, high: Expr) -> Dummy:
    """The placeholder of ``Sum(body, (k, low, high))``; ``body`` is normal (may hold sums)."""
    name = _index(_height(body))
    if name != k:
        body = substitute(body, {k: name})
    key = (body, name, low, high)
    placeholder = _BY_SUM.get(key)
    if placeholder is None:
        placeholder = Dummy("S")
        free = (free_of(body) - {name}) | free_of(low) | free_of(high)
        _HELD[placeholder] = Held(body, name, low, high, _height(body), frozenset(free))
        _BY_SUM[key] = placeholder
    return placeholder


def substitute(expr: Expr, mapping: dict) -> Expr:
    """``expr.xreplace(mapping)`` also inside held sums (values must not be bound there)."""
    replacements = dict(mapping)
    for s in expr.free_symbols:
        held = _HELD.get(s)
        if held is not None and not held.free.isdisjoint(mapping):
            replacements[s] = _rehold(held, mapping)
    return expr.xreplace(replacements)


def _rehold(held: Held, mapping: dict) -> Dummy:
    inner = {k: v for k, v in mapping.items() if k != held.variable}
    return hold(substitute(held.body, inner), held.variable, substitute(held.low, mapping),
                substitute(held.high, mapping))


def realise(expr: Expr) -> Expr:
    """``expr`` with every held sum put back as a real ``Sum``."""
    replacements = {s: _real(s) for s in expr.free_symbols if s in _HELD}
    return expr.xreplace(replacements) if replacements else expr


@functools.lru_cache(maxsize=4096)
def _real(placeholder: Dummy) -> Sum:
    held = _HELD[placeholder]
    return Sum(realise(held.body), (held.variable, realise(held.low), realise(held.high)))


__all__ = ["hold", "realise", "substitute", "depends_on", "free_of", "Held"]
