"""Name the mistake in a wrong step by comparing it with the expression before it.

Works on linear pieces: integrals and expectations of sums are split and constant
factors pulled out, for naming only (never to prove anything). With residual
``r = before - after``: ``r`` equal to twice a piece of ``before`` means that piece's
sign flipped; equal to a piece, that piece was dropped; equal to minus a piece of
``after``, a term was added; a density whose condition is swapped that makes the
two agree, a conditional swap; a changed power, an exponent; a rational multiple of
a piece, a factor.
"""
from __future__ import annotations

import sympy
from sympy import Add, Expr, Integral, Pow

from ..model import Context
from ..theories.algebra import apply_facts
from ..vocabulary import Density, Expectation

SIGN, DROPPED, ADDED, FACTOR, EXPONENT, CONDITIONAL, WRONG_JUSTIFICATION = (
    "sign flipped", "term dropped", "term added", "factor changed", "exponent changed", "conditional swapped",
    "wrong justification")


def _as_integral(node: Expr) -> Expr:
    """``E_q[f]`` as ``∫ q f dz``, so the two ways of writing an expectation meet (naming only)."""
    body, density, var = node.args[0], node.args[1], node.args[-1]
    return Integral(density * body, (var, -sympy.oo, sympy.oo))


def _normal(expr: Expr) -> Expr:
    """Expanded, logs split (densities are positive; this names a mistake, it proves nothing)."""
    expr = expr.replace(lambda e: isinstance(e, Expectation) and len(e.args) == 3, _as_integral)
    return sympy.expand(expr, log=True, force=True)


def residual(before: Expr, after: Expr) -> Expr:
    """``before - after`` on linear pieces: ``2∫ q log q dz`` rather than the two lines' difference."""
    return _normal(Add(*pieces(before)) - Add(*pieces(after)))


def _split_linear(node: Expr) -> Expr:
    """Integral / expectation of a sum -> sum of integrals; constant factors pulled out."""
    if isinstance(node, (Integral, Expectation)):
        body = _normal(node.args[0])
        var = node.args[-1] if isinstance(node, Expectation) else node.limits[0][0]
        pieces = []
        for term in Add.make_args(body):
            const, rest = term.as_independent(var, as_Add=False)
            pieces.append(const * (node.func(rest, *node.args[1:]) if rest != 1 or isinstance(node, Integral) else 1))
        return Add(*pieces)
    return node


def pieces(expr: Expr) -> list[Expr]:
    """The additive pieces of ``expr`` after splitting linear operators."""
    expr = _normal(expr)
    expr = expr.replace(lambda e: isinstance(e, (Integral, Expectation)), _split_linear)
    return list(Add.make_args(_normal(expr)))


def _powers(expr: Expr) -> dict:
    found = {}
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, Pow) and node.exp.is_Number:
            found.setdefault(node.base, set()).add(node.exp)
    return found


def _swaps(expr: Expr) -> list[Expr]:
    out = []
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, Density) and node.given:
            out.append(expr.xreplace({node: Density(node.name, node.given, node.variables)}))
    return out


def _exponent_changed(before: Expr, after: Expr) -> bool:
    a, b = _powers(before), _powers(after)
    return any(base in b and a[base] != b[base] for base in a)


def classify(before: Expr, after: Expr, context: Context | None = None) -> str | None:
    """The kind of mistake that turns ``before`` into ``after``, or None when none fits.

    Tried as written first, then with the context's facts applied (``p(x, z)`` read as
    ``p(x|z) p(z)``), so a mistake hidden behind a product rule is still named.
    """
    found = _classify(before, after)
    if found is None and context is not None and context.facts:
        found = _classify(apply_facts(before, context)[0], apply_facts(after, context)[0])
    return found


def _classify(before: Expr, after: Expr) -> str | None:
    old, new = pieces(before), pieces(after)
    residual = _normal(Add(*old) - Add(*new))
    if residual == 0:
        return None
    if _normal(residual - 2 * Add(*old)) == 0 or any(_normal(residual - 2 * term) == 0 for term in old):
        return SIGN  # the whole expression (``y_i - p_i`` for ``p_i - y_i``) or one of its terms
    if any(_normal(residual - term) == 0 for term in old):
        return DROPPED
    if any(_normal(residual + term) == 0 for term in new):
        return ADDED
    if any(_normal(Add(*pieces(swapped)) - Add(*old)) == 0 for swapped in _swaps(after)):
        return CONDITIONAL
    if _exponent_changed(before, after):
        return EXPONENT
    for term in old:
        ratio = sympy.cancel(residual / term)
        if ratio.is_Rational:
            return FACTOR
    return None
