"""Readable plain maths for a terminal: ``η² + λ² − 2λ + 1``, or ``eta^2 + lambda^2 - 2 lambda + 1``.

SymPy's ``str()`` is code (``eta**2 + lambda**2 - 2*lambda + 1``); this printer writes
what a person writes on paper: juxtaposition for products, superscripts, ``√``, ``∞``
and ``i``. Unicode is used unless it is turned off (``VERIFY_ASCII=1``, ``--ascii``) or
the terminal cannot show it; the ASCII form stays readable, not SymPy syntax.

>>> from sympy import Symbol, sqrt, I, oo
>>> eta, lam = Symbol("eta"), Symbol("lambda")
>>> plain_math(eta**2 + lam**2 - 2*lam + 1, unicode=True)
'η² + λ² − 2λ + 1'
>>> plain_math(eta**2 + lam**2 - 2*lam + 1, unicode=False)
'eta^2 + lambda^2 - 2 lambda + 1'
>>> plain_math(sqrt(eta**2 + 1), unicode=True), plain_math(I*eta + 1, unicode=False)
('√(η² + 1)', 'i eta + 1')
"""
from __future__ import annotations

import os
import re
import sys

from sympy import Basic, Integer, Mul, Pow, Rational, S, Symbol
from sympy.matrices import MatrixBase
from sympy.printing.precedence import PRECEDENCE, precedence
from sympy.printing.str import StrPrinter


from .names import spelled_name

_GREEK = {"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
          "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
          "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ",
          "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
          "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
          "Omega": "Ω", "ell": "ℓ"}
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_SINGLE_LETTER = re.compile(r"[A-Za-zα-ωΓ-Ω][⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*")
_RELATIONS = {"==": ("=", "="), "!=": ("≠", "!="), "<=": ("≤", "<="), ">=": ("≥", ">="), "<": ("<", "<"),
              ">": (">", ">")}


def unicode_wanted(stream=None) -> bool:
    """Unicode unless ``VERIFY_ASCII`` is set (to anything but 0) or ``stream`` cannot encode it."""
    if os.environ.get("VERIFY_ASCII", "0") not in ("", "0"):
        return False
    encoding = getattr(stream if stream is not None else sys.stdout, "encoding", None) or "ascii"
    try:
        "η²−√∞".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _greek_name(name: str, unicode: bool) -> str:
    """``eta`` -> ``η``, ``sigma_1`` -> ``σ_1``, ``d_{k}`` -> ``d_k`` (braces of one-part subscripts dropped)."""
    head, sep, tail = name.partition("_")
    if tail.startswith("{") and tail.endswith("}") and "{" not in tail[1:-1]:
        tail = tail[1:-1]
    head = head.lstrip("\\")
    if unicode:
        head = _GREEK.get(head, head)
        tail = _GREEK.get(tail.lstrip("\\"), tail)
    return head + sep + tail


def _flat(factors) -> tuple:
    out = []
    for factor in factors:
        if isinstance(factor, Mul) and not factor.args[0].is_Number:
            out.extend(_flat(factor.args))
        else:
            out.append(factor)
    return tuple(out)


class PlainPrinter(StrPrinter):
    """``str()`` with the conventions of handwriting instead of those of Python."""

    def __init__(self, unicode: bool = True, as_written: bool = False):
        super().__init__({"order": "none" if as_written else None})
        self.unicode = unicode
        self.minus = "−" if unicode else "-"

    def _print_Symbol(self, expr) -> str:
        return _greek_name(spelled_name(expr.name), self.unicode)

    _print_Dummy = _print_Symbol

    def _print_Infinity(self, expr) -> str:
        return "∞" if self.unicode else "infinity"

    def _print_NegativeInfinity(self, expr) -> str:
        return self.minus + self._print_Infinity(expr)

    def _print_ImaginaryUnit(self, expr) -> str:
        return "i"

    def _print_Pi(self, expr) -> str:
        return "π" if self.unicode else "pi"

    def _print_Exp1(self, expr) -> str:
        return "e"

    def _print_Float(self, expr) -> str:
        return f"{float(expr):.6g}".replace("-", self.minus)

    def _print_Integer(self, expr) -> str:
        return str(expr.p).replace("-", self.minus)

    def _print_Rational(self, expr) -> str:
        return f"{self._print(Integer(expr.p))}/{expr.q}"

    def _print_Add(self, expr, order=None) -> str:
        pieces = []
        for term in self._as_ordered_terms(expr, order=None):
            text = self._print(term)
            negative = text.startswith(self.minus)
            if negative:
                text = text[len(self.minus):]  # a nested sum (a form as written) joins the terms: a + (b + c) = a + b + c
            pieces.append((self.minus if negative else "+", text))
        first_sign, first = pieces[0]
        head = (self.minus if first_sign != "+" else "") + first
        return head + "".join(f" {sign} {text}" for sign, text in pieces[1:])

    def _factor(self, factor) -> str:
        text = self._print(factor)
        if precedence(factor) < PRECEDENCE["Mul"] or (factor.is_Number and text.startswith(self.minus)):
            return f"({text})"
        return text

    def _product(self, factors: list) -> str:
        """Factors side by side: ``2λ``, ``2ab`` in Unicode, ``2 lambda``, ``2 a b`` in ASCII; a space
        between longer names (``d_k q``)."""
        out, letters = "", True
        for factor in factors:
            text = self._factor(factor)
            single = _SINGLE_LETTER.fullmatch(text) is not None
            if not out:
                out = text
            elif self.unicode and (out == "i" or all(c.isdigit() or c == "." for c in out) or letters) \
                    and (single or (not text[0].isdigit() and "/" not in text and not letters)):
                out += text
            elif text[0].isdigit():
                out += f" · {text}" if self.unicode else f" ({text})"
            else:
                out += " " + text
            letters = single
        return out

    def _print_Mul(self, expr) -> str:
        coeff, factors = expr.as_coeff_mul()
        factors = _flat(factors)  # a nested product (a form as written) is one product: (L t) n² = L t n²
        sign = ""
        if coeff.is_Number and coeff.is_extended_negative:
            sign, coeff = self.minus, -coeff
        numerator, denominator = [], []
        if coeff.is_Rational and coeff != 1:
            if coeff.p != 1 or not any(True for _ in factors):
                numerator.append(Integer(coeff.p))
            if coeff.q != 1:
                denominator.append(Integer(coeff.q))
        elif coeff != 1:
            numerator.append(coeff)
        for factor in factors:
            if isinstance(factor, Pow) and factor.exp.is_Rational and factor.exp.is_negative:
                denominator.append(Pow(factor.base, -factor.exp))
            else:
                numerator.append(factor)
        top = self._product(numerator) if numerator else "1"
        if not denominator:
            return sign + top
        bottom = self._product(denominator)
        if len(numerator) > 1:
            top = f"({top})"
        if len(denominator) > 1 or precedence(denominator[0]) <= PRECEDENCE["Mul"]:
            bottom = f"({bottom})"
        return f"{sign}{top}/{bottom}"

    def _print_Pow(self, expr, rational=False) -> str:
        base, exp = expr.base, expr.exp
        if exp is S.Half:
            inner = self._print(base)
            if self.unicode and (base.is_Symbol or isinstance(base, Integer)) and inner.isalnum():
                return "√" + inner
            return ("√" if self.unicode else "sqrt") + f"({inner})"
        if exp.is_Rational and exp.is_negative:
            return self._print_Mul(Mul(S.One, expr, evaluate=False)) if exp != -1 else f"1/{self._factor_pow_base(base)}"
        base_text = self._factor_pow_base(base)
        if self.unicode and isinstance(exp, Integer):
            return base_text + str(exp.p).translate(_SUPERSCRIPT)
        exp_text = self._print(exp)
        if not exp_text.replace("_", "").isalnum():
            exp_text = f"({exp_text})"
        return f"{base_text}^{exp_text}"

    def _factor_pow_base(self, base) -> str:
        text = self._print(base)
        if precedence(base) <= PRECEDENCE["Pow"] or (base.is_Number and not isinstance(base, Integer)) \
                or text.startswith(self.minus):
            return f"({text})"
        return text

    def _print(self, expr, **kwargs) -> str:
        """Our ``_plain_<Class>`` methods come before the objects' own ``_sympystr`` (which is code)."""
        for cls in type(expr).__mro__:
            own = getattr(self, f"_plain_{cls.__name__}", None)
            if own is not None:
                return own(expr)
        return super()._print(expr, **kwargs)

    def _plain_Indexed(self, expr) -> str:
        indices = ",".join(self._print(i) for i in expr.indices)
        return f"{self._print(expr.base.label)}_{indices if len(indices) == 1 else '(' + indices + ')'}"

    def _print_Sum(self, expr) -> str:
        limits = "".join(f"[{self._print(v)}={self._print(a)}..{self._print(b)}]" for v, a, b in expr.limits)
        head = "Σ" if self.unicode else "sum"
        body = self._print(expr.function)
        return f"{head}{limits} " + (f"({body})" if expr.function.is_Add else body)

    def _print_MatMul(self, expr) -> str:
        """Matrices side by side (``Q Kᵀ``, ``1/√(d_k) Q Kᵀ V``), never ``Q*K.T``."""
        scalars = [a for a in expr.args if not getattr(a, "is_Matrix", False)]
        matrices = [a for a in expr.args if getattr(a, "is_Matrix", False)]
        sign, pieces = "", []
        if scalars:
            scalar = Mul(*scalars)
            if scalar.could_extract_minus_sign():
                sign, scalar = self.minus, -scalar
            if scalar != 1:
                text = self._print(scalar)
                pieces.append(f"({text})" if scalar.is_Add else text)
        for matrix in matrices:
            text = self._print(matrix)
            pieces.append(f"({text})" if precedence(matrix) < PRECEDENCE["Mul"] else text)
        return sign + " ".join(pieces)

    def _postfix(self, expr, unicode_mark: str, ascii_mark: str) -> str:
        text = self._print(expr)
        if not (getattr(expr, "is_Symbol", False) or type(expr).__name__ == "MatrixSymbol"):
            text = f"({text})"
        return text + (unicode_mark if self.unicode else ascii_mark)

    def _print_Transpose(self, expr) -> str:
        return self._postfix(expr.arg, "ᵀ", "^T")

    def _print_Inverse(self, expr) -> str:
        return self._postfix(expr.arg, "⁻¹", "^-1")

    def _print_OneMatrix(self, expr) -> str:
        row = expr.rows == 1 and expr.cols != 1
        return ("1ᵀ" if self.unicode else "1^T") if row else "1"

    def _plain_Softmax(self, expr) -> str:
        return f"softmax({self._print(expr.arg)})"

    def _plain_Concat(self, expr) -> str:
        return f"Concat({', '.join(self._print(b) for b in expr.args)})"

    def _plain_Expectation(self, expr) -> str:
        """``E_q(z | x)[log p(x, z)]``: the law it is taken under as a subscript, the body in brackets."""
        return f"E_{self._print(expr.dist)}[{self._print(expr.body)}]"

    def _plain_Normal(self, expr) -> str:
        return f"N({self._print(expr.mean)}, {self._print(expr.variance)})"

    def _plain__Asymptotic(self, expr) -> str:
        heads = {"Theta": ("Θ", "Theta"), "BigOmega": ("Ω", "Omega"), "BigO": ("O", "O")}
        head = heads.get(type(expr).__name__, (type(expr).__name__,) * 2)[0 if self.unicode else 1]
        return f"{head}({self._print(expr.expr)})"

    def _print_Integral(self, expr) -> str:
        head = "∫" if self.unicode else "int"
        bounds = ""
        for limit in expr.limits:
            if len(limit) == 3 and not (limit[1] == -S.Infinity and limit[2] == S.Infinity):
                bounds += f"[{self._print(limit[1])}..{self._print(limit[2])}]"
        body = self._print(expr.function)
        body = f"({body})" if expr.function.is_Add else body
        return f"{head}{bounds} {body} " + " ".join(f"d{self._print(limit[0])}" for limit in expr.limits)

    def _print_Derivative(self, expr) -> str:
        variables = "".join(f" d{self._print(v)}" + (str(n).translate(_SUPERSCRIPT) if self.unicode else f"^{n}")
                            * (n != 1) for v, n in expr.variable_count)
        order = sum(n for _, n in expr.variable_count)
        top = "d" + ((str(order).translate(_SUPERSCRIPT) if self.unicode else f"^{order}") if order != 1 else "")
        return f"{top}/{variables.strip()} ({self._print(expr.expr)})"

    def _print_Abs(self, expr) -> str:
        return f"|{self._print(expr.args[0])}|"

    def _print_Relational(self, expr) -> str:
        symbol = _RELATIONS.get(expr.rel_op, (expr.rel_op, expr.rel_op))[0 if self.unicode else 1]
        return f"{self._print(expr.lhs)} {symbol} {self._print(expr.rhs)}"

    def _print_MatrixBase(self, expr) -> str:
        """A matrix row by row; a column of several entries as the tuple of its entries, as written."""
        if expr.cols == 1 and expr.rows > 1:
            return "(" + ", ".join(self._print(e) for e in expr) + ")"
        rows = ["[" + ", ".join(self._print(e) for e in expr.row(i)) + "]" for i in range(expr.rows)]
        return "[" + ", ".join(rows) + "]"

    _print_ImmutableDenseMatrix = _print_MutableDenseMatrix = _print_MatrixBase


def plain_math(expr, unicode: bool | None = None, as_written: bool = False) -> str:
    """``expr`` (a SymPy object, a number, or a tuple of them) as a person writes it in plain text
    (``as_written``: a form as written, unevaluated, whose terms keep the author's order)."""
    unicode = unicode_wanted() if unicode is None else unicode
    if isinstance(expr, (tuple, list)):
        return ", ".join(plain_math(e, unicode, as_written) for e in expr)
    if isinstance(expr, MatrixBase) or isinstance(expr, (Basic, int, float)):
        return PlainPrinter(unicode, as_written).doprint(expr)
    return str(expr)
