r"""Diagonal normals of a vector: ``\int \mathcal{N}(\mathbf{z}; \boldsymbol\mu, \boldsymbol\sigma^2) \log
\mathcal{N}(\mathbf{z}; \mathbf{0}, \mathbf{I}) \, d\mathbf{z}`` with the dimension J of z stated.

A normal of a vector z whose mean is a vector (or 0) and whose variance is the square of a vector
(or I) has independent components: component j is N(mu_j, sigma_j^2), the components of a bold
vector being its letter with an index (the convention the prose uses: "mu_j and sigma_j are the
j-th elements"). The log of such a density is the sum over j of the components' log-densities,
so the integral against it of a sum of such logs is the sum over j = 1..J of univariate Gaussian
expectations, each left as an expectation under a normal for the probability theory to decide
(by its Gaussian moments). The dimension must be stated ("let $J$ be the dimensionality of
$\mathbf{z}$"); any other mean, variance or integrand is left as written.
"""
from __future__ import annotations

import re

from sympy import Add, Dummy, Expr, IndexedBase, Integer, Integral, Mul, Pow, Sum, Symbol, log, oo
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...theories.probability.gaussian import normal_log_pdf
from ...vocabulary import Expectation, Normal
from ..expressions import parse_latex_expr
from ..objects import is_vector_name

_DIMENSION = re.compile(r"\$([^$\n]+)\$\s+(?:be|is|denotes?)\s+the\s+(?:dimension(?:ality)?|length)\s+of\s+"
                        r"\$([^$\n]+)\$", re.I)


def _parsed(tex: str) -> Expr | None:
    try:
        return parse_latex_expr(tex.strip())
    except (ParseError, ValueError):
        return None


def stated_dimensions(text: str) -> dict[str, Expr]:
    """vector name -> its stated dimension, from "let $J$ be the dimensionality of $\\mathbf{z}$"."""
    found: dict[str, Expr] = {}
    for match in _DIMENSION.finditer(text):
        size, vector = _parsed(match.group(1)), _parsed(match.group(2))
        if isinstance(size, Symbol) and isinstance(vector, Symbol) and is_vector_name(vector.name):
            found.setdefault(vector.name, size)
    return found


def _letter(name: str) -> str:
    stem, _, rest = name.partition("_")
    return stem[:-len("bold")] + ("_" + rest if rest else "")


def _component(parameter: Expr, j, bases: dict[str, IndexedBase], variance: bool) -> Expr | None:
    """Component j of a mean (a bold vector, or 0) or a variance (a bold vector squared, or I)."""
    if parameter == 0 and not variance:
        return Integer(0)
    if variance and isinstance(parameter, Symbol) and parameter.name == "I":
        return Integer(1)
    base, power = (parameter.base, parameter.exp) if isinstance(parameter, Pow) else (parameter, 1)
    if not (isinstance(base, Symbol) and is_vector_name(base.name)) or power != (2 if variance else 1):
        return None
    letter = _letter(base.name)
    return bases.setdefault(letter, IndexedBase(letter))[j] ** power


def _normal_of(node: Expr, variable: Symbol) -> tuple[Expr, Expr] | None:
    if isinstance(node, AppliedUndef) and node.func.__name__ == "N" and len(node.args) == 3 \
            and node.args[0] == variable:
        return node.args[1], node.args[2]
    return None


def componentwise(integral: Integral, sizes: dict[str, Expr], bases: dict[str, IndexedBase]) -> Expr:
    """The integral against a diagonal normal of a vector as a sum of univariate expectations, else itself."""
    if len(integral.limits) != 1 or not (len(integral.limits[0]) == 1 or tuple(integral.limits[0][1:]) == (-oo, oo)):
        return integral
    variable = integral.limits[0][0]
    size = sizes.get(getattr(variable, "name", None))
    if size is None:
        return integral
    weights = [f for f in Mul.make_args(integral.function) if _normal_of(f, variable) is not None]
    if len(weights) != 1:
        return integral
    rest = Mul(*[f for f in Mul.make_args(integral.function) if f is not weights[0]])
    j, t = Dummy("j", integer=True, positive=True), Dummy("t", real=True)
    mean, variance = (_component(p, j, bases, v) for p, v in zip(_normal_of(weights[0], variable), (False, True)))
    if mean is None or variance is None:
        return integral
    total = []
    for term in Add.make_args(rest.expand()):
        coefficient, dependent = term.as_independent(variable, as_Add=False)
        if dependent == 1:
            total.append(coefficient)  # the weight integrates to one
            continue
        inner = _normal_of(dependent.args[0], variable) if isinstance(dependent, log) else None
        if inner is None:
            return integral
        a, b = _component(inner[0], j, bases, False), _component(inner[1], j, bases, True)
        if a is None or b is None:
            return integral
        total.append(coefficient * Sum(Expectation(normal_log_pdf(t, a, b), Normal(mean, variance), t), (j, 1, size)))
    return Add(*total)


def with_vector_normals(expr: Expr, sizes: dict[str, Expr], bases: dict[str, IndexedBase]) -> Expr:
    if not sizes or not expr.has(Integral):
        return expr
    return expr.replace(lambda e: isinstance(e, Integral), lambda e: componentwise(e, sizes, bases))
