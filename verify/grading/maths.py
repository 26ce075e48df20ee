"""Mathematics a student reads on a terminal or in Gradescope: plain, never SymPy code.

``Integral(log(p(x | z)), (z, -oo, oo))`` is shown ``∫ log p(x | z) dz``; powers with ``^``,
products with ``·``, expectations ``E_q[...]``. The PDF feedback typesets with LaTeX
(``verify.export``); this printer is for the places that show text.
"""
from __future__ import annotations

from sympy import Expr, oo
from sympy.printing.str import StrPrinter

from ..vocabulary import Density

MAX_CHARS = 160


class _Plain(StrPrinter):
    def _print_Integral(self, expr):
        body = self._print(expr.function)
        limits = []
        for limit in expr.limits:
            var = self._print(limit[0])
            if len(limit) == 3 and not (limit[1] == -oo and limit[2] == oo):
                limits.append(f"_{{{self._print(limit[1])}}}^{{{self._print(limit[2])}}}")
            limits.append(f"d{var}")
        bounds = "".join(x for x in limits if x.startswith("_"))
        return f"∫{bounds} {body} " + " ".join(x for x in limits if x.startswith("d"))

    def _print_Expectation(self, expr):
        body, density = expr.args[0], expr.args[1]
        return f"E_{self._print(density)}[{self._print(body)}]"

    def _print_Density(self, expr):
        given = f" | {', '.join(map(self._print, expr.given))}" if expr.given else ""
        return f"{expr.name}({', '.join(map(self._print, expr.variables))}{given})"

    def _print_log(self, expr):
        inner = self._print(expr.args[0])
        return f"log {inner}" if isinstance(expr.args[0], Density) or inner.isalnum() else f"log({inner})"

    def _print_Pow(self, expr, rational=False):
        text = super()._print_Pow(expr, rational)
        return text.replace("**", "^")

    def _print_Mul(self, expr):
        return super()._print_Mul(expr).replace("*", "·")

    def _print_ImaginaryUnit(self, expr):
        return "i"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_NegativeInfinity(self, expr):
        return "-∞"

    def _print_Float(self, expr):
        return f"{float(expr):.4g}"


def plain(expr: Expr) -> str:
    """``expr`` as readable plain maths (shortened past MAX_CHARS)."""
    text = _Plain({"order": "none"}).doprint(expr).replace("sqrt(", "√(")
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS] + " …"



def formula(expr) -> str:
    """``expr`` as ``$...$`` for a sentence: typeset in the feedback PDF, plain maths elsewhere."""
    from ..printing.prose import Math, prose_authored

    return prose_authored((Math(expr),))


def at_point(assignment) -> str:
    """``x = 1.25, y = 0.5``: where a counterexample was found."""
    return ", ".join(f"{name} = {value}" for name, value in assignment)
