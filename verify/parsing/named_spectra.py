r"""Names the prose gives the eigenvalues of a matrix: "$\lambda_{1,2}$ are the eigenvalues of $J$".

A chain ``\lambda_{1,2} = \pm i \ell'(0)`` then claims the spectrum of J, as ``\lambda(J) = ...`` does: it
is checked as a multiset, never taken for the definition of a fresh name. Only one name standing for
all the eigenvalues is read (``\lambda_{1,2}``, ``\lambda``); a list of names (``\lambda_1, \lambda_2``)
gives each one eigenvalue in an order the text does not fix, so it is left as written.
"""
from __future__ import annotations

import re

from sympy import Expr, Symbol

from ..errors import ParseError

_NAME = r"\$([^$]+)\$"  # a list of names reads as no Symbol and is dropped
_MATRIX = r"(?:the\s+)?(?:(?:update|iteration|jacobian|system|linear|matrix|map|operator)\s+){0,2}\$([^$]+)\$"
_FORMS = (
    re.compile(_NAME + r"\s+(?:are|denote|be|stand\s+for)\s+(?:the\s+)?(?:two\s+|complex\s+)*eigenvalues\s+of\s+"
               + _MATRIX, re.I),
    re.compile(r"\bthe\s+(?:two\s+|complex\s+)*eigenvalues\s+" + _NAME + r"\s+of\s+" + _MATRIX, re.I),
)


def named_spectra(text: str, read) -> dict[Symbol, Expr]:
    """name -> the matrix whose eigenvalues the prose says it stands for; ``read`` parses inline LaTeX
    as the document's formulas are parsed. A name given two matrices, or a matrix that reads as no
    square matrix, is left out."""
    found: dict[Symbol, set] = {}
    for form in _FORMS:
        for match in form.finditer(text):
            try:
                name, matrix = read(match.group(1).strip()), read(match.group(2).strip())
            except (ParseError, ValueError):
                continue
            shape = getattr(matrix, "shape", None)
            if isinstance(name, Symbol) and getattr(matrix, "is_Matrix", False) and shape and shape[0] == shape[1] != 1:
                found.setdefault(name, set()).add(matrix)
    return {name: next(iter(matrices)) for name, matrices in found.items() if len(matrices) == 1}
