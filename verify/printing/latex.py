"""LaTeX of our own expressions: SymPy's printer with every name checked and ``i`` for the unit.

``latex()`` writes operators and numbers it builds itself, but copies the *names* of
symbols, functions and densities through. A name read from a submission could be
``\\input{...}``, so each name must be plain (letters, digits, sub/superscripts, a
Greek letter); a symbol with another name is printed as a ``\\text`` of its escaped
characters, and an expression with another bad name falls back to that text.

>>> from sympy import I, Symbol
>>> latex_math(Symbol("alpha") ** 2)
'\\\\alpha^{2}'
>>> latex_math(1 + I * Symbol("eta"))
'i \\\\eta + 1'
>>> latex_math(Symbol(r"\\input{x}"))
'\\\\text{\\\\ttfamily \\\\textbackslash{}input\\\\{x\\\\}}'
"""
from __future__ import annotations

import re

from sympy import Add, Basic, ImmutableMatrix, Symbol, oo, preorder_traversal
from sympy.core.function import AppliedUndef
from sympy.core.symbol import Str
from sympy.matrices import MatrixBase
from sympy.printing.latex import LatexPrinter

from ..vocabulary.probability import Density
from .names import spelled_name
from .text import escape_text

_COMMANDS = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi "
             "pi varpi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta "
             "Lambda Xi Pi Sigma Upsilon Phi Psi Omega ell").split()
_PART = r"(?:\\(?:%s)(?![A-Za-z])|[A-Za-z0-9])+" % "|".join(_COMMANDS)
_BRACED = rf"\{{(?:{_PART}|[-+,=()'])+\}}"  # p_{t+1}, W_{q,k}: operators only inside the braces
_NAME = re.compile(rf"{_PART}(?:[_^](?:{_PART}|{_BRACED}))*'*")


def safe_name(name: str) -> bool:
    """Whether ``latex()`` may copy ``name`` into TeX as it is."""
    return _NAME.fullmatch(name) is not None


class _Printer(LatexPrinter):
    """SymPy's LaTeX, with ``i`` (not ``I``) for the imaginary unit, as on a blackboard."""

    def _print_ImaginaryUnit(self, expr) -> str:
        return "i"

    def _print(self, expr, **kwargs) -> str:
        """A density is written as on paper, ``p(z \\mid x)`` (its own ``_latex`` sizes the parentheses,
        which sets them apart from the name: ``p \\left(z \\mid x\\right)``)."""
        if isinstance(expr, Density):
            inner = ", ".join(self._print(v) for v in expr.variables)
            if expr.given:
                inner += r" \mid " + ", ".join(self._print(v) for v in expr.given)
            return f"{self._print(Symbol(expr.name))}({inner})"
        return super()._print(expr, **kwargs)

    def _print_Add(self, expr, order=None) -> str:
        """A nested sum (a form as written: ``a^2 + 2ab + b^2`` reads as ``(a^2 + 2ab) + b^2``) is one sum."""
        terms = _terms(expr)
        if len(terms) != len(expr.args):
            expr = Add(*terms, evaluate=False)
        return super()._print_Add(expr, order)

    def _print_OneMatrix(self, expr) -> str:
        """The matrix of ones is a bold one, a row of ones the transpose of the column ``\\mathbf{1}``
        (``c \\mathbf{1}^{T}``, where SymPy prints ``c 1``)."""
        row = expr.rows == 1 and expr.cols != 1
        return r"\mathbf{1}^{T}" if row else r"\mathbf{1}"

    def _print_Symbol(self, expr, style: str = "plain") -> str:
        self._in_symbol = True
        try:
            return super()._print_Symbol(expr, style)
        finally:
            self._in_symbol = False

    def _split_super_sub(self, name: str) -> tuple[str, list[str], list[str]]:
        """A name of several letters is one name, set upright (``\\mathrm{head}_{1}``, ``d_{\\mathrm{model}}``),
        so that it does not read as a product of letters; a script of two letters (``x_{ij}``) stays indices."""
        base, supers, subs = super()._split_super_sub(name)
        if not getattr(self, "_in_symbol", False):  # a function's name: SymPy sets it (\\log, \\operatorname)
            return (base, supers, subs)
        if base is not None and _word(base, 2):
            base = rf"\mathrm{{{base}}}"
        return (base, [rf"\mathrm{{{s}}}" if _word(s, 3) else s for s in supers],
                [rf"\mathrm{{{s}}}" if _word(s, 3) else s for s in subs])

    def _print_Integral(self, expr) -> str:
        """Over the whole real line the bounds go unsaid, as on paper: ``\\int f(z)\\, dz``."""
        if not all(len(limit) == 3 and limit[1] == -oo and limit[2] == oo for limit in expr.limits):
            return super()._print_Integral(expr)
        variables = "".join(rf"\, d{self._print(limit[0])}" for limit in expr.limits)
        return r"\int" * len(expr.limits) + " " + self._print(expr.function) + variables


def _terms(expr) -> list:
    out = []
    for term in expr.args:
        out.extend(_terms(term) if isinstance(term, Add) else [term])
    return out


def _word(text: str, letters: int) -> bool:
    return len(text) >= letters and text.isascii() and text.isalpha()


def _names(expr: Basic) -> tuple[set[Symbol], bool]:
    """The symbols with unsafe names, and whether any other name is unsafe."""
    bad_symbols, other = set(), False
    for node in preorder_traversal(expr):
        if isinstance(node, Symbol):
            if not safe_name(node.name):
                bad_symbols.add(node)
        elif isinstance(node, Str):
            other |= not safe_name(node.name)
        elif isinstance(node, AppliedUndef):
            other |= not safe_name(type(node).__name__)
    return bad_symbols, other


def _as_text(thing) -> str:
    return rf"\text{{\ttfamily {escape_text(str(thing))}}}"


def latex_math(expr, as_written: bool = False) -> str:
    """TeX math mode for ``expr`` (a SymPy object, a number, or a tuple of them), safe whatever its names.

    ``as_written``: ``expr`` is a form as written (unevaluated); its terms keep the author's order."""
    if isinstance(expr, bool):
        return r"\text{%s}" % ("true" if expr else "false")
    if isinstance(expr, (int, float)):
        return _Printer().doprint(expr)
    if isinstance(expr, (tuple, list)):
        return r",\ ".join(latex_math(e, as_written) for e in expr)
    if isinstance(expr, MatrixBase):
        expr = ImmutableMatrix(expr)
    if not isinstance(expr, Basic):
        return _as_text(expr)
    bad_symbols, other = _names(expr)
    if other:
        return _as_text(expr)
    names = {s: _Printer().doprint(Symbol(spelled_name(s.name))) if safe_name(spelled_name(s.name)) else _as_text(s.name)
             for s in bad_symbols}
    settings = {"symbol_names": names, **({"order": "none"} if as_written else {})}
    return _Printer(settings).doprint(expr)
