"""Densities the premises give in closed form: ``p(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma} e^{-(x-\\mu)^2/(2\\sigma^2)}``.

A premise ``name(v) = f`` whose right side is, as an identity in v, the density of a normal
N(m, s) (log f a quadratic in v with negative leading coefficient, and f equal to the normal
density with the mean and variance read off that quadratic) makes ``E_{name}[g]`` the
expectation of g under N(m, s) over v, and ``name(v)`` inside it the stated formula. The
identity is checked symbolically, with the scales the context knows positive; a formula that
is not exactly a normal density (a wrong constant, a missing square) gives no law.
"""
from __future__ import annotations

from dataclasses import dataclass

from sympy import Dummy, Expr, Poly, PolynomialError, Symbol, expand, log, simplify
from sympy.core.function import AppliedUndef

from ...theories.probability.gaussian import normal_log_pdf
from ...vocabulary import Density, Normal


@dataclass(frozen=True)
class StatedLaw:
    """``name(variable) = formula``, a normal density with this mean and variance."""

    name: str
    variable: Symbol
    formula: Expr
    law: Normal


def with_context_symbols(expr: Expr, symbols: dict[str, Symbol], scales: frozenset[str]) -> Expr:
    """The formula with each name as the context holds it (its stated sign), so logs split soundly;
    a name the chains never write is real, positive when the prose calls it a scale (``scales``)."""
    def known(s: Symbol) -> Symbol:
        if s.name in symbols:
            return symbols[s.name]
        return Symbol(s.name, positive=True) if s.name in scales else Symbol(s.name, real=True)

    return expr.xreplace({s: known(s) for s in expr.free_symbols if isinstance(s, Symbol)})


def normal_law(formula: Expr, variable: Symbol) -> Normal | None:
    """N(m, s) when ``formula`` is the density of N(m, s) in ``variable`` (an identity), else None.
    A parameter the formula holds only evenly (sigma in sigma^2) is read as its absolute value, which
    changes no value of the formula, so that the logarithm expands."""
    even = {s: Dummy(s.name, positive=True) for s in formula.free_symbols - {variable}
            if isinstance(s, Symbol) and s.is_positive is not True and formula.xreplace({s: -s}) == formula}
    if even:
        law = _normal_law(formula.xreplace(even), variable)
        return None if law is None else law.xreplace({d: s for s, d in even.items()})
    return _normal_law(formula, variable)


def written_normals(statements) -> dict[str, tuple[str, ...]]:
    """name -> the parameters it needs positive, for each premise that defines a function of one variable
    as a normal density written out: ``P(x) = \\frac{1}{\\sqrt{2\\pi}\\sigma_p} \\exp(-(x - \\mu_p)^2 /
    (2\\sigma_p^2))`` is a density (whatever its letter), and one only for sigma_p > 0 (below 0 it is negative
    everywhere): sigma_p is its standard deviation. The mean enters oddly too but needs no sign, so each
    parameter is tried alone. A formula that is no normal density states nothing."""
    found: dict[str, tuple[str, ...]] = {}
    for statement, _ in statements:
        if statement.lead or list(statement.relations) != ["="] or len(statement.exprs) != 2:
            continue
        left, right = statement.exprs
        if isinstance(left, Density) and not left.given and len(left.variables) == 1:
            name, argument = left.name, left.variables[0]
        elif isinstance(left, AppliedUndef) and len(left.args) == 1 and isinstance(left.args[0], Symbol):
            name, argument = left.func.__name__, left.args[0]
        else:
            continue
        formula = right.xreplace({s: Symbol(s.name, real=True) for s in right.free_symbols
                                  if isinstance(s, Symbol) and s.is_real is not True})
        variable = Symbol(argument.name, real=True)
        if variable not in formula.free_symbols:
            continue
        if normal_law(formula, variable) is not None:
            found.setdefault(name, ())
            continue
        odd = sorted((s for s in formula.free_symbols - {variable} if isinstance(s, Symbol)
                      and formula.xreplace({s: -s}) != formula), key=str)
        scales = tuple(s.name for s in odd
                       if normal_law(formula.xreplace({s: Dummy(s.name, positive=True)}), variable) is not None)
        if scales:
            found.setdefault(name, scales)
    return found


def _normal_law(formula: Expr, variable: Symbol) -> Normal | None:
    logged = expand(log(formula), log=True, power_exp=True, power_base=True, mul=True, multinomial=True)
    try:
        quadratic = Poly(logged, variable)
    except PolynomialError:
        return None
    if quadratic.degree() != 2:
        return None
    a, b, _ = quadratic.all_coeffs()
    if not (-a).is_positive:
        return None
    variance = simplify(-1 / (2 * a))
    mean = simplify(b * variance)
    gap = expand(logged - normal_log_pdf(variable, mean, variance), log=True, mul=True, multinomial=True)
    return Normal(mean, variance) if simplify(gap) == 0 else None


def stated_laws(statements, symbols: dict[str, Symbol], scales=frozenset()) -> dict[str, StatedLaw]:
    """name -> its stated normal law, for the premises ``name(v) = f`` (v a plain real variable)."""
    found: dict[str, StatedLaw] = {}
    for statement in statements:
        if statement.lead or list(statement.relations) != ["="] or len(statement.exprs) != 2:
            continue
        left, right = statement.exprs
        if isinstance(left, Density) and not left.given and len(left.variables) == 1:
            name, argument = left.name, left.variables[0]  # q(z) = N(z; mu, sigma^2): read as a density
        elif isinstance(left, AppliedUndef) and len(left.args) == 1 and isinstance(left.args[0], Symbol):
            name, argument = left.func.__name__, left.args[0]
        else:
            continue
        formula = with_context_symbols(right, symbols, frozenset(scales))
        variable = symbols.get(argument.name, argument)
        real = variable if variable.is_real else Symbol(variable.name, real=True)
        law = normal_law(formula.xreplace({variable: real}), real)
        if law is not None and name not in found:
            found[name] = StatedLaw(name, variable, formula, law.xreplace({real: variable}))
    return found
