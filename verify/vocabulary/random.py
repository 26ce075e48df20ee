r"""Random variables: the operators E, Var, Cov, and what a document declares about its variables.

The operators are inert SymPy ``Expr``s (nothing evaluates by itself; the moments
theory decides every rewrite). ``E_{x \sim p}[f]`` is the probability vocabulary's
``Expectation``; ``Expect`` is the plain ``\mathbb{E}[X]`` over the declared variables.

The declarations are typed frozen dataclasses a ``Context`` carries: a ``RandomVariable``
(a scalar ``X`` or a family ``u_1, u_2, ...`` of components, each with a ``Law``) and an
``Independence`` statement (its members are mutually independent). Nothing is assumed
independent unless a statement or an i.i.d. family says so.

>>> from sympy import Symbol
>>> x = Symbol("x")
>>> Var(2 * x + 1)
Var(2*x + 1)
>>> normal(0, 1).family.value
'normal'
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sympy import Expr, IndexedBase, Integer, Symbol
from sympy.core.sympify import _sympify  # strict: converts numbers, never parses strings


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


class Family(str, Enum):
    """The shape of a law. Each is a location-scale family of a symmetric standard law
    (mean 0, variance 1), so mean and variance fix the law; ``UNSPECIFIED`` knows only
    the moments the document states."""

    NORMAL = "normal"
    RADEMACHER = "Rademacher"
    UNIFORM = "uniform"
    UNSPECIFIED = "unspecified"


@dataclass(frozen=True)
class Law:
    """What is known of one variable's distribution: its family, mean and variance (None: not stated)."""

    family: Family = Family.UNSPECIFIED
    mean: Expr | None = None
    variance: Expr | None = None


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


@dataclass(frozen=True)
class RandomVariable:
    """A declared random variable: a scalar (``name`` a Symbol) or a family of components
    ``name[i]`` (``name`` an IndexedBase), each component with ``law``.

    ``iid``: the components are mutually independent (so, sharing ``law``, i.i.d.).
    ``length``: the components run over 1..length (a vector; ``q^T k`` sums over them).
    """

    name: Symbol | IndexedBase
    law: Law = Law()
    iid: bool = False
    length: Expr | None = None

    @property
    def key(self) -> str:
        """The name a variable is known by: a reader's symbols may carry other assumptions."""
        return str(self.name.label) if isinstance(self.name, IndexedBase) else self.name.name

    @property
    def is_family(self) -> bool:
        return isinstance(self.name, IndexedBase)


@dataclass(frozen=True)
class Independence:
    """The members (declared variables, by symbol or IndexedBase) are mutually independent."""

    members: tuple[Symbol | IndexedBase, ...]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(str(m.label) if isinstance(m, IndexedBase) else m.name for m in self.members)


__all__ = ["Expect", "Var", "Cov", "Family", "Law", "normal", "rademacher", "uniform", "moments",
           "RandomVariable", "Independence"]
