"""What reading did to a step: the factors it cancelled, which the step needs to be nonzero.

The reader evaluates as it builds, so ``x \\cdot \\frac{q}{q}`` is read as ``x``: the step
``x q/q = x`` then has the same expression on both sides, yet it is a step (a cancellation),
and it holds only where ``q != 0``. The written form (unevaluated) still divides by q; a
divisor of the written sides that neither side divides by once read, and that is not known
to be nonzero, is such a condition.

>>> from sympy import Mul, Pow, symbols
>>> x, q = symbols("x q")
>>> cancelled_divisors(Mul(x, Mul(q, Pow(q, -1, evaluate=False), evaluate=False), evaluate=False), x, x, x)
(q,)
"""
from __future__ import annotations

from typing import Iterable

from sympy import Basic, Expr, Mul, Pow, Symbol, preorder_traversal


def alike(written: tuple) -> bool:
    """Whether two sides are the same as written: yes when either is not known as written."""
    lhs, rhs = written
    return lhs is None or rhs is None or lhs == rhs


def cancelled(lhs, rhs, written: tuple, symbols: Iterable[Symbol] = ()) -> tuple[Expr, ...]:
    """For a step whose sides read as one expression but were written differently, the factors its
    reading cancelled (each must be nonzero for the step to hold); () for any other step.
    ``symbols``: the context's, whose assumptions a cancelled name takes (a positive ``d_k``)."""
    if lhs != rhs or alike(written):
        return ()
    return cancelled_divisors(*written, lhs, rhs, symbols)


def _rebuilt(expr: Basic) -> Basic:
    """``expr`` rebuilt bottom-up with evaluation on (a written divisor such as ``(\\sqrt{d})^2`` is d)."""
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    return expr.func(*(_rebuilt(a) for a in expr.args))


def _divisors(expr) -> set[Expr]:
    """The bases the expression divides by (of powers with a negative exponent)."""
    if not isinstance(expr, Basic):
        return set()
    found = set()
    for node in preorder_traversal(expr):
        if isinstance(node, Pow) and node.exp.is_number and node.exp.is_negative:
            found.add(node.base)
    return found


def cancelled_divisors(written_lhs, written_rhs, lhs: Expr, rhs: Expr, symbols: Iterable[Symbol] = ()
                       ) -> tuple[Expr, ...]:
    """The factors the written sides divide by that the sides as read no longer do, each not known nonzero.

    The written forms carry the reader's plain symbols; each is given the assumptions of the
    symbol of that name in the sides as read, or else in ``symbols`` (a positive ``d_k`` needs no condition).
    """
    named = {s.name: s for s in symbols if isinstance(s, Symbol)}
    named.update({s.name: s for side in (lhs, rhs) if isinstance(side, Basic) for s in side.free_symbols
                  if isinstance(s, Symbol)})
    kept = {factor for base in _divisors(lhs) | _divisors(rhs) for factor in _factors(base)}
    found: list[Expr] = []
    for side in (written_lhs, written_rhs):
        for base in _divisors(side):
            try:
                divisor = _rebuilt(base)
                divisor = divisor.xreplace({s: named[s.name] for s in divisor.free_symbols
                                            if isinstance(s, Symbol) and s.name in named})
            except Exception:  # noqa: BLE001 -- a divisor that does not rebuild: say nothing of it
                continue
            for factor in _factors(divisor):
                if factor in kept or factor in found or factor.is_number or factor.is_nonzero:
                    continue
                found.append(factor)
    return tuple(sorted(found, key=str))


def _factors(divisor: Expr) -> list[Expr]:
    """``d^2 n`` is nonzero where d and n are: its factors, each without a positive exponent."""
    out = []
    for factor in Mul.make_args(divisor):
        if isinstance(factor, Pow) and factor.exp.is_number and factor.exp.is_positive:
            factor = factor.base
        out.append(factor)
    return out
