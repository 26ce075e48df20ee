"""O, Theta and Omega as inert SymPy objects: classes of functions of positive size variables."""
from __future__ import annotations

from sympy import Expr
from sympy.core.sympify import _sympify  # strict: converts numbers, never parses strings


class _Asymptotic(Expr):
    """Base of O / Theta / Omega: a class of functions of positive size variables."""

    is_commutative = True
    _macro = ""

    def __new__(cls, expr):
        return Expr.__new__(cls, _sympify(expr))

    @property
    def expr(self):
        return self.args[0]

    def _latex(self, printer):
        return rf"{self._macro}\left({printer._print(self.expr)}\right)"

    def _sympystr(self, printer):
        return f"{type(self).__name__}({printer._print(self.expr)})"


class BigO(_Asymptotic):
    """O(f): grows at most like f."""

    _macro = "O"


class Theta(_Asymptotic):
    """Theta(f): grows exactly like f, up to constant factors."""

    _macro = r"\Theta"


class BigOmega(_Asymptotic):
    """Omega(f): grows at least like f."""

    _macro = r"\Omega"
