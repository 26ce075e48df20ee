r"""Random variables: the operators E, Var, Cov, and what a document declares about its variables.

The operators are inert SymPy ``Expr``s (nothing evaluates by itself; the moments
theory decides every rewrite). ``E_{x \sim p}[f]`` is the probability vocabulary's
``Expectation``; ``Expect`` is the plain ``\mathbb{E}[X]`` over the declared variables.

The declarations a ``Context`` carries are defined with it (``verify.model``) and re-exported
here with constructors for the laws: a ``RandomVariable`` (a scalar ``X`` or a family
``u_1, u_2, ...`` of components, each with a ``Law``) and an ``Independence`` statement (its
members are mutually independent). Nothing is assumed independent unless a statement or
an i.i.d. family says so.

>>> from sympy import Symbol
>>> x = Symbol("x")
>>> Var(2 * x + 1)
Var(2*x + 1)
>>> normal(0, 1).family.value
'normal'
"""
from __future__ import annotations

from sympy import Expr, IndexedBase, Integer
from sympy.core.sympify import _sympify  # strict: converts numbers, never parses strings

from ..model import Family, Independence, Law, RandomVariable


class Expect(Expr):
    """E[body], the expectation over every declared random variable in ``body``."""

    is_commutative = True

    def __new__(cls, body):
        return Expr.__new__(cls, _sympify(body))

    @property
    def body(self) -> Expr:
        return self.args[0]

    def _sympystr(self, printer):
        return f"E[{printer._print(self.body)}]"

    def _latex(self, printer):
        return rf"\mathbb{{E}}\left[{printer._print(self.body)}\right]"


class Var(Expr):
    """Var(X), the variance of X; never negative."""

    is_commutative = True

    def __new__(cls, argument):
        return Expr.__new__(cls, _sympify(argument))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer):
        return rf"\mathrm{{Var}}\left({printer._print(self.args[0])}\right)"


class Cov(Expr):
    """Cov(X, Y), the covariance of X and Y."""

    is_commutative = True

    def __new__(cls, first, second):
        return Expr.__new__(cls, _sympify(first), _sympify(second))

    def _latex(self, printer):
        a, b = (printer._print(arg) for arg in self.args)
        return rf"\mathrm{{Cov}}\left({a}, {b}\right)"


class DiagonalNormal(Expr):
    """N(mean, diag(variance)) over components 1..length, a law for an argument of KL.

    ``mean`` and ``variance`` are expressions in IndexedBases, read component-wise (component i
    reads each IndexedBase b as b[i]: ``exp(l)`` is the log-variance parametrisation), or
    scalars, the same for every component (``DiagonalNormal(0, 1, n)`` is N(0, I)).
    """

    is_commutative = True

    def __new__(cls, mean, variance, length):
        return Expr.__new__(cls, _sympify(mean), _sympify(variance), _sympify(length))

    @property
    def length(self) -> Expr:
        return self.args[2]

    def component(self, i) -> tuple[Expr, Expr]:
        """(mean, variance) of component ``i``."""
        def at(expr):
            return expr.replace(lambda e: isinstance(e, IndexedBase), lambda e: e[i])

        return at(self.args[0]), at(self.args[1])

    def _latex(self, printer):
        mean, variance = (printer._print(a) for a in self.args[:2])
        return rf"\mathcal{{N}}\left({mean}, \mathrm{{diag}}\left({variance}\right)\right)"


class MultivariateNormal(Expr):
    """N(mean, covariance) in dimension k: ``mean`` a k x 1 matrix expression (``ZeroMatrix`` for 0),
    ``covariance`` a k x k one (``Identity`` for I), symmetric positive definite by being a covariance."""

    is_commutative = True

    def __new__(cls, mean, covariance):
        return Expr.__new__(cls, mean, covariance)

    @property
    def mean(self):
        return self.args[0]

    @property
    def covariance(self):
        return self.args[1]

    @property
    def dimension(self) -> Expr:
        return self.covariance.shape[0]

    def _latex(self, printer):
        return rf"\mathcal{{N}}\left({printer._print(self.mean)}, {printer._print(self.covariance)}\right)"


def normal(mean, variance) -> Law:
    """N(mean, variance)."""
    return Law(Family.NORMAL, _sympify(mean), _sympify(variance))


def rademacher() -> Law:
    """The law of a fair sign: -1 or +1 with probability 1/2 each."""
    return Law(Family.RADEMACHER, Integer(0), Integer(1))


def uniform(low, high) -> Law:
    """The uniform law on [low, high] (low < high)."""
    low, high = _sympify(low), _sympify(high)
    return Law(Family.UNIFORM, (low + high) / 2, (high - low) ** 2 / 12)


def moments(mean=None, variance=None) -> Law:
    """Only the stated moments ("zero mean and unit variance"): any law with them may be meant."""
    return Law(Family.UNSPECIFIED, None if mean is None else _sympify(mean),
               None if variance is None else _sympify(variance))


__all__ = ["Expect", "Var", "Cov", "DiagonalNormal", "MultivariateNormal", "Family", "Law", "normal", "rademacher",
           "uniform", "moments", "RandomVariable", "Independence"]
