"""Probability notation SymPy lacks: densities, expectations, KL divergence, normals.

Parser, theories, derivations and exporters all speak this vocabulary, so it lives
apart from each of them. Every class is an inert SymPy ``Expr``: nothing here
evaluates or simplifies by itself; the theories decide what rewrites are valid.

>>> from sympy import Symbol
>>> x, z = Symbol("x"), Symbol("z")
>>> density("p", [x], [z])
p(x | z)
"""
from __future__ import annotations

from typing import Iterable

from sympy import Expr, Symbol, Tuple
from sympy.core.symbol import Str
from sympy.core.sympify import _sympify  # strict: converts numbers, never parses strings
from sympy.printing.latex import LatexPrinter


def _names(items) -> str:
    return ", ".join(str(v) for v in items)


class Density(Expr):
    """A probability density ``name(variables | given)``; always positive.

    Positivity is what makes ``log(p*q) = log p + log q`` valid without ``force``.
    """

    is_commutative = True

    def __new__(cls, name, variables, given=()):
        name = name if isinstance(name, Str) else Str(str(name))
        return Expr.__new__(cls, name, Tuple(*variables), Tuple(*given))

    @property
    def name(self) -> str:
        return self.args[0].name

    @property
    def variables(self) -> tuple[Symbol, ...]:
        return tuple(self.args[1])

    @property
    def given(self) -> tuple[Symbol, ...]:
        return tuple(self.args[2])

    def _eval_is_positive(self):
        return True

    def _eval_is_extended_real(self):
        return True

    def _eval_is_finite(self):
        return True

    def __str__(self):
        bar = f" | {_names(self.given)}" if self.given else ""
        return f"{self.name}({_names(self.variables)}{bar})"

    __repr__ = __str__

    def _sympystr(self, printer):
        return str(self)

    def _latex(self, printer: LatexPrinter):
        head = printer._print(Symbol(self.name))
        inner = ", ".join(printer._print(v) for v in self.variables)
        if self.given:
            inner += r" \mid " + ", ".join(printer._print(v) for v in self.given)
        return rf"{head}\left({inner}\right)"


def density(name: str, variables: Iterable[Symbol], given: Iterable[Symbol] = ()) -> Density:
    """Shorthand constructor: ``density("q", [z], [x])`` is q(z | x)."""
    return Density(name, tuple(variables), tuple(given))


class Normal(Expr):
    """The distribution N(mean, variance), as an argument of KL or an expectation."""

    is_commutative = True

    def __new__(cls, mean, variance):
        return Expr.__new__(cls, _sympify(mean), _sympify(variance))

    @property
    def mean(self):
        return self.args[0]

    @property
    def variance(self):
        return self.args[1]

    def _latex(self, printer):
        return rf"\mathcal{{N}}\left({printer._print(self.mean)}, {printer._print(self.variance)}\right)"


class Expectation(Expr):
    """E_{dist}[body]; ``dist`` is a Density (its variables are integrated) or a Normal over ``var``."""

    is_commutative = True

    def __new__(cls, body, dist, var=None):
        if var is None:
            if not isinstance(dist, Density):
                raise TypeError("an expectation over a Normal needs its variable")
            var = dist.variables[0]
        return Expr.__new__(cls, _sympify(body), dist, var)

    @property
    def body(self):
        return self.args[0]

    @property
    def dist(self):
        return self.args[1]

    @property
    def var(self) -> Symbol:
        return self.args[2]

    def _eval_is_extended_real(self):
        return self.body.is_extended_real

    def _latex(self, printer):
        return rf"\mathbb{{E}}_{{{printer._print(self.dist)}}}\left[{printer._print(self.body)}\right]"


class KL(Expr):
    """KL(first || second), the Kullback-Leibler divergence; never negative."""

    is_commutative = True

    def __new__(cls, first, second):
        return Expr.__new__(cls, _sympify(first), _sympify(second))

    def _eval_is_extended_real(self):
        return True

    def _eval_is_nonnegative(self):
        """Gibbs' inequality, for arguments that are laws: KL(P || P + Q) of a mass-two measure may be negative."""
        if all(isinstance(a, (Density, Normal, Symbol)) for a in self.args):
            return True
        return None

    def _latex(self, printer):
        a, b = (printer._print(arg) for arg in self.args)
        return rf"D_{{\mathrm{{KL}}}}\left({a} \,\middle\|\, {b}\right)"


class Gradient(Expr):
    """nabla_parameter body, the gradient of ``body`` in ``parameter``, inert until a rule moves it.

    ``known`` names the functions and laws whose dependence on the parameter the document states
    (a function parameterized by it takes it as an argument; one parameterized by another, or a law
    said not to depend on it, is free of it); anything else in ``body`` may depend on it unseen, so
    no rule differentiates through it.
    """

    is_commutative = True

    def __new__(cls, body, parameter, known=()):
        names = Tuple(*sorted((n if isinstance(n, Str) else Str(n) for n in known), key=lambda s: s.name))
        return Expr.__new__(cls, _sympify(body), parameter, names)

    @property
    def body(self) -> Expr:
        return self.args[0]

    @property
    def parameter(self) -> Symbol:
        return self.args[1]

    @property
    def known(self) -> frozenset[str]:
        return frozenset(s.name for s in self.args[2])

    def _sympystr(self, printer):
        return f"nabla_{printer._print(self.parameter)}({printer._print(self.body)})"

    def _latex(self, printer):
        return rf"\nabla_{{{printer._print(self.parameter)}}} {printer._print(self.body)}"
