"""Cost expressions as sums of monomials in positive size variables and their logarithms.

The asymptotics theory compares growth classes; what it needs from an expression is
its terms ``c * x1^a1 ... * log(x1)^k1 ...`` with numeric coefficients and rational
exponents. Anything else (exp, a power with a symbolic exponent, a max) is refused
with a reason rather than guessed at.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy
from sympy import Expr

from ...undecided import Undecided
from ...vocabulary.asymptotics import _Asymptotic

Exponents = tuple[tuple[str, Fraction], ...]


@dataclass(frozen=True, order=True)
class Monomial:
    """``prod x^a * prod log(x)^k``: the growth of one term, its coefficient dropped.

    Exponents are kept as sorted ``(variable name, exponent)`` pairs, zero exponents
    left out, so equal monomials compare equal.
    """

    powers: Exponents = ()
    logs: Exponents = ()

    def power(self, name: str) -> Fraction:
        return dict(self.powers).get(name, Fraction(0))

    def log(self, name: str) -> Fraction:
        return dict(self.logs).get(name, Fraction(0))

    @property
    def variables(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.powers + self.logs)

    @property
    def rank(self) -> tuple:
        """Sort key for display: highest total degree first."""
        return (-sum(a for _, a in self.powers), -sum(k for _, k in self.logs), self.powers, self.logs)

    @property
    def has_logs(self) -> bool:
        return bool(self.logs)

    def grows_at_most_like(self, other: "Monomial") -> bool:
        """Variable by variable, ``(power, log power)`` is lexicographically no larger than ``other``'s."""
        names = self.variables | other.variables
        return all((self.power(x), self.log(x)) <= (other.power(x), other.log(x)) for x in names)

    def strictly_below(self, other: "Monomial") -> bool:
        """Grows at most like ``other`` and differs: their ratio tends to 0 as every variable grows."""
        return self != other and self.grows_at_most_like(other)

    @property
    def expr(self) -> Expr:
        factors = [sympy.Symbol(x, positive=True) ** _rational(a) for x, a in self.powers]
        factors += [sympy.log(sympy.Symbol(x, positive=True)) ** _rational(k) for x, k in self.logs]
        return sympy.Mul(*factors)

    def __str__(self) -> str:
        return _text(self)


@dataclass(frozen=True)
class Term:
    coefficient: Expr
    monomial: Monomial


@lru_cache(maxsize=4096)
def _text(monomial: Monomial) -> str:
    """SymPy's spelling of the monomial; cached, since printing dominates the cost of explanations."""
    return sympy.sstr(monomial.expr)


def _rational(value: Fraction) -> sympy.Rational:
    return sympy.Rational(value.numerator, value.denominator)


def _fraction(exponent: Expr, factor: Expr) -> Fraction:
    if not exponent.is_Rational:
        raise Undecided(f"the exponent of {factor} is not a rational number")
    return Fraction(int(exponent.p), int(exponent.q))


def _read_factor(factor: Expr, powers: dict, logs: dict) -> None:
    """Add one factor's exponents to ``powers`` / ``logs``."""
    base, exponent = factor.as_base_exp()
    if base.is_Symbol:
        powers[base.name] = powers.get(base.name, Fraction(0)) + _fraction(exponent, factor)
    elif isinstance(base, sympy.log) and base.args[0].is_Symbol:
        name = base.args[0].name
        logs[name] = logs.get(name, Fraction(0)) + _fraction(exponent, factor)
    else:
        raise Undecided(f"cannot read the growth of the factor {factor}: only products of powers of "
                          "size variables and of their logarithms are supported")


def _read_term(term: Expr) -> Term:
    numeric, rest = term.as_independent(*term.free_symbols, as_Add=False)
    powers: dict[str, Fraction] = {}
    logs: dict[str, Fraction] = {}
    for factor in sympy.Mul.make_args(rest) if rest != 1 else ():
        _read_factor(factor, powers, logs)
    monomial = Monomial(tuple(sorted((x, a) for x, a in powers.items() if a)),
                        tuple(sorted((x, k) for x, k in logs.items() if k)))
    return Term(numeric, monomial)


def unwrap(expr: Expr) -> Expr:
    """The function inside O(.), Theta(.), Omega(.), or ``expr`` itself."""
    return expr.expr if isinstance(expr, _Asymptotic) else expr


def _as_positive_sizes(expr: Expr) -> Expr:
    """Size variables are positive (>= 1) in this theory, whatever the caller's symbols assumed."""
    loose = [s for s in expr.free_symbols if not s.is_positive]
    return expr.xreplace({s: sympy.Symbol(s.name, positive=True) for s in loose}) if loose else expr


MAX_EXPANDED_POWER = 12


def _refuse_large_powers(expr: Expr) -> None:
    """A sum raised to a large power would expand into too many terms for a quick check."""
    for node in sympy.preorder_traversal(expr):
        if node.is_Pow and node.base.is_Add and node.exp.is_Number and abs(node.exp) > MAX_EXPANDED_POWER:
            raise Undecided(f"{node} is too large to expand (powers of sums are expanded up to "
                              f"{MAX_EXPANDED_POWER})")


def terms_of(expr: Expr) -> tuple[Term, ...]:
    """The expanded terms of ``expr`` with equal monomials merged and zero terms dropped.

    >>> t, n = sympy.symbols("t n")
    >>> [str(term.monomial) for term in terms_of(t * (n + 1) ** 2)]
    ['n**2*t', 'n*t', 't']
    """
    expr = unwrap(sympy.sympify(expr) if isinstance(expr, int) else expr)
    if not isinstance(expr, Expr) or expr.atoms(_Asymptotic):
        raise Undecided(f"{expr} is not a cost expression")
    _refuse_large_powers(expr)
    expanded = sympy.expand(_as_positive_sizes(expr), log=True, force=True)
    merged: dict[Monomial, Expr] = {}
    for raw in sympy.Add.make_args(expanded):
        term = _read_term(raw)
        merged[term.monomial] = merged.get(term.monomial, sympy.S.Zero) + term.coefficient
    return tuple(sorted((Term(c, m) for m, c in merged.items() if c != 0), key=lambda term: term.monomial.rank))


def sign_of(term: Term) -> int:
    """+1 or -1 for a numeric coefficient whose sign SymPy decides; Undecided otherwise."""
    if term.coefficient.is_positive:
        return 1
    if term.coefficient.is_negative:
        return -1
    raise Undecided(f"the sign of the coefficient {term.coefficient} of {term.monomial} is not decided")
