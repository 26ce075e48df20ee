"""Finite sums in a canonical form, by identities only.

* linearity: ``sum_k (a + b) = sum_k a + sum_k b``;
* factors free of ``k`` come out: ``sum_k c f(k) = c sum_k f(k)``; a constant sums to
  ``(hi - lo + 1) c`` where that count is known not to be negative;
* the ordinary convention throughout, as in the numeric tier: a range with no terms
  (``hi < lo``) sums to 0, never to SymPy's Karr reflection (``sum_{k=3}^{1} 1 = -1``);
  a sum whose count may be negative is held as written;
* a short concrete range (at most ``SMALL_RANGE`` terms) is written out;
* an integer lower limit is shifted to 1 (``sum_{i=0}^{n-1} a_{i+1} = sum_{i=1}^{n} a_i``, finite or
  infinite): the same terms, so sums over one summand pattern written from other starts agree;
* ``exp`` of a sum becomes a product of ``exp``s (SymPy's ``power_exp`` expansion);
* bound indices are renamed by nesting depth (``_j0`` outermost), so two sums that
  differ only in the names of their dummies become the same object.

Speed: each normalised sum is *held* as a plain commutative placeholder symbol
(``linalg.held``), its bound index named by its height, so alpha-equivalent sums
share one placeholder. The algebra around sums (expand, cancellation) then runs on
cheap polynomial-like expressions; an identity that holds for arbitrary symbols holds
for any values put in their place, so a zero there is a zero of the real expression.
The real sums are put back only when the residual is not zero.
"""
from __future__ import annotations

import functools
from itertools import permutations

from sympy import Add, Derivative, Dummy, Expr, Integer, Mul, S, Sum, expand

from ..asymptotics.sums import CLOSED_FORM_SUMS
from .held import depends_on, hold, memoised, open_registry, realise, substitute
from ..base import Rule, register_rule
from .rules import SUM_WRITTEN_OUT, SUMMATION_LINEARITY

SMALL_RANGE = 8
CANONICAL_LOW = Integer(1)  # every sum with an integer lower limit is shifted to start here
INDEX_SHIFT = register_rule(Rule(
    "index shift", "sum_{k=a}^{b} f(k) = sum_{k=a+s}^{b+s} f(k - s) for an integer shift s",
    aliases=("reindexing", "change of index", "shift the index", "reindex"),
    demands_citation=False))  # renumbering the terms is as plain as renaming the index
SUM_EXCHANGE = register_rule(Rule(
    "exchange of finite sums", "sum_{i=a}^{b} sum_{j=c}^{d} f(i, j) = sum_{j=c}^{d} sum_{i=a}^{b} f(i, j) "
    "when no bound depends on the other index and every range is finite",
    aliases=("swap the sums", "interchange the order of summation", "Fubini")))
MAX_EXCHANGED = 4  # indices of one nested sum whose orders are compared (4! = 24 at most)


def expanded(expr: Expr) -> Expr:
    return expand(expr, deep=True, mul=True, multinomial=True, power_exp=True, power_base=True, log=False)


def reduced(expr: Expr, used: set) -> Expr:
    """The canonical form of ``expr``: 0 when the held form cancels, else the real sums, renamed."""
    held = normal(expr, used)
    return held if held == 0 else rename_dummies(realise(held))


def normal(expr: Expr, used: set) -> Expr:
    """Expanded, every sum split by linearity, constant factors out, each sum held (memoised)."""
    value, rules = _normal_memo(expr)
    used.update(rules)
    return value


@memoised
def _normal_memo(expr: Expr) -> tuple[Expr, frozenset]:
    used: set = set()
    return _normal(expr, used), frozenset(used)


def _normal(expr: Expr, used: set) -> Expr:
    if not expr.has(Sum):
        return expanded(expr)
    if isinstance(expr, Sum):
        body = normal(expr.function, used)
        for variable, low, high in expr.limits:  # innermost first
            body = _sum_one(body, variable, normal(low, used), normal(high, used), used)
        return body
    if isinstance(expr, Derivative) or not isinstance(expr, Expr):  # a sum is held only outside derivatives
        return expr
    return expanded(expr.func(*(normal(a, used) for a in expr.args)))


def _written_out(count: Expr) -> bool:
    return count.is_Integer and 0 <= int(count) <= SMALL_RANGE


def _shifted(body: Expr, k, low: Expr, high: Expr, used: set) -> tuple[Expr, Expr, Expr]:
    """The sum from ``CANONICAL_LOW``: ``sum_{k=a}^{b} f(k) = sum_{k=1}^{b-a+1} f(k + a - 1)`` for an integer
    a (an identity under the ordinary convention, the number of terms unchanged; b may be infinite), so
    sums written over shifted indices (``sum_{n=0} 1/(n+1)``, ``sum_{m=1} 1/m``) meet in one form."""
    if low == CANONICAL_LOW or low.is_integer is not True or low.has(S.Infinity, S.NegativeInfinity):
        return body, low, high
    used.add(INDEX_SHIFT)
    shift = low - CANONICAL_LOW
    return substitute(body, {k: k + shift}), CANONICAL_LOW, expanded(high - shift)


def _sum_one(body: Expr, k, low: Expr, high: Expr, used: set) -> Expr:
    body, low, high = _shifted(body, k, low, high, used)
    terms = Add.make_args(expanded(body))
    if len(terms) > 1:
        used.add(SUMMATION_LINEARITY)
    count = expanded(high - low + 1)
    if count.is_nonpositive:  # no terms: the empty sum is 0
        used.add(SUM_WRITTEN_OUT)
        return Integer(0)
    return Add(*(_sum_term(term, k, low, count, used) for term in terms))


def _sum_term(term: Expr, k, low: Expr, count: Expr, used: set) -> Expr:
    inside = [f for f in Mul.make_args(term) if depends_on(f, k)]
    outside = Mul(*(f for f in Mul.make_args(term) if not depends_on(f, k)))
    if not inside and count.is_nonnegative:
        used.add(CLOSED_FORM_SUMS)  # a constant c sums to count * c
        return outside * count
    if not inside:  # the count may be negative: folding would follow Karr, so the sum stays
        return outside * hold(Integer(1), k, low, low + count - 1)
    if outside != 1:
        used.add(SUMMATION_LINEARITY)  # c sum_k f(k)
    if _written_out(count):
        used.add(SUM_WRITTEN_OUT)
        real = realise(Mul(*inside))
        return outside * normal(Add(*(real.xreplace({k: low + n}) for n in range(int(count)))), used)
    return outside * _hold_in_order(Mul(*inside), k, low, low + count - 1, used)


def _hold_in_order(body: Expr, k, low: Expr, high: Expr, used: set) -> Expr:
    """``sum_k body`` held, where ``body`` may be a factor times one sum over a rectangular range
    (``sum_k X_{kr} sum_j X_{kj} w_j``): then the factor goes inside and the indices are put in one
    canonical order (the least of every order, by the printed sum), so ``X^T (X w)`` and ``(X^T X) w``
    read entrywise meet. Finite ranges free of the other indices only: an infinite or triangular
    range keeps its written order."""
    nested = _rectangular(body, k, low, high)
    if nested is None:
        return hold(body, k, low, high)
    limits, monomial = nested
    fresh = {v: Dummy(v.name, integer=True) for v, _, _ in limits}
    limits = [(fresh[v], lo, hi) for v, lo, hi in limits]
    monomial = substitute(monomial, fresh)
    candidates = [_hold_all(monomial, order) for order in permutations(limits)]
    best = min(candidates, key=lambda held: str(rename_dummies(realise(held))))
    if best is not candidates[0] and best != candidates[0]:
        used.add(SUM_EXCHANGE)
    return best


def _hold_all(monomial: Expr, order: tuple) -> Expr:
    body = monomial
    for variable, low, high in reversed(order):  # innermost first
        body = hold(body, variable, low, high)
    return body


def _finite(bound: Expr) -> bool:
    return not bound.has(S.Infinity, S.NegativeInfinity, S.ComplexInfinity)


def _rectangular(body: Expr, k, low: Expr, high: Expr) -> tuple[list, Expr] | None:
    """The limits (outermost first) and the product summed, when ``sum_k body`` is a nest of sums over
    finite ranges none of which depends on another index; None otherwise."""
    registry = open_registry()
    if registry is None or not (_finite(low) and _finite(high)):
        return None
    sums = [f for f in Mul.make_args(body) if f in registry.held]
    if len(sums) != 1:
        return None
    rest = Mul(*(f for f in Mul.make_args(body) if f is not sums[0]))
    if any(s in registry.held for s in rest.free_symbols):
        return None
    inner = registry.held[sums[0]]
    if depends_on(inner.low, k) or depends_on(inner.high, k) or not (_finite(inner.low) and _finite(inner.high)):
        return None
    deeper = _rectangular(inner.body, inner.variable, inner.low, inner.high)
    limits, monomial = deeper if deeper is not None else ([(inner.variable, inner.low, inner.high)], inner.body)
    if deeper is not None and any(depends_on(lo, k) or depends_on(hi, k) for _, lo, hi in limits):
        return None
    limits = [(k, low, high)] + limits
    if len(limits) > MAX_EXCHANGED or any(depends_on(lo, v) or depends_on(hi, v)
                                          for v, _, _ in limits for _, lo, hi in limits):
        return None
    return limits, rest * monomial


@functools.lru_cache(maxsize=None)
def _index_at(depth: int) -> Dummy:
    """The bound index of every sum at nesting ``depth``: a Dummy, so no user symbol can be captured."""
    return Dummy(f"j{depth}", integer=True)


def rename_dummies(expr: Expr, depth: int = 0, names: dict | None = None) -> Expr:
    """Rename each sum's bound index to ``_j<depth>`` in one pass (``names``: the renames in scope).

    No capture: inner sums are renamed deeper, and ``_j`` names never occur free.
    """
    names = names or {}
    if not expr.args:
        return names.get(expr, expr)
    if isinstance(expr, Sum):  # its limits run innermost first; SymPy flattens a Sum of a Sum into one
        scope, renamed = dict(names), []
        for offset, (k, low, high) in enumerate(reversed(expr.limits)):  # outermost first: bounds see outer names
            name = _index_at(depth + offset)
            renamed.append((name, rename_dummies(low, depth + offset, scope), rename_dummies(high, depth + offset, scope)))
            scope = {**scope, k: name}
        body = rename_dummies(expr.function, depth + len(expr.limits), scope)
        return Sum(body, *reversed(renamed))
    if not names and not expr.has(Sum):
        return expr
    args = [rename_dummies(a, depth, names) for a in expr.args]
    return expr if all(a is b for a, b in zip(args, expr.args)) else expr.func(*args)


def freshen(expr: Expr) -> Expr:
    """The same expression with every bound index replaced by a fresh Dummy (no capture later)."""
    if not expr.has(Sum):
        return expr
    if isinstance(expr, Sum):
        body, limits = freshen(expr.function), []
        for k, low, high in expr.limits:
            new = Dummy(k.name, integer=True)
            body = body.xreplace({k: new})
            limits.append((new, freshen(low), freshen(high)))
        return Sum(body, *limits)
    return expr.func(*(freshen(a) for a in expr.args))


__all__ = ["reduced", "normal", "rename_dummies", "freshen", "expanded", "SMALL_RANGE"]
