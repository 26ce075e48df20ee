"""A :data:`~verify.printing.Prose` sentence as TeX: words escaped, formulas as inline math."""
from __future__ import annotations

from ..printing import Math, Prose
from .escape import escape_text
from .mathtex import math_latex


def prose_latex(prose: Prose) -> str:
    """Text-mode TeX of the sentence; every formula goes through ``math_latex``, every word is escaped."""
    return "".join(rf"\({math_latex(p.value)}\)" if isinstance(p, Math) else escape_text(p) for p in prose)
