"""Math for TeX: the printer's :func:`~verify.printing.latex_math`, under the name export has always used.

>>> from sympy import Symbol
>>> math_latex(Symbol("alpha") ** 2)
'\\\\alpha^{2}'
"""
from ..printing.latex import latex_math as math_latex, safe_name

__all__ = ["math_latex", "safe_name"]
