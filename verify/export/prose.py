"""Sentences as TeX: :data:`~verify.printing.Prose` (words escaped, formulas as inline math), and an
author's prose with ``$...$`` formulas in it."""
from __future__ import annotations

import re

from ..printing import Math, Prose
from .escape import escape_text
from .mathtex import math_latex
from .written import written_latex


def prose_latex(prose: Prose) -> str:
    """Text-mode TeX of the sentence; every formula goes through ``math_latex``, every word is escaped."""
    return "".join(rf"\({math_latex(p.value)}\)" if isinstance(p, Math) else escape_text(p) for p in prose)


_INLINE_MATH = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")


def authored_latex(text: str) -> str:
    """An author's prose (a title, a convention) as TeX: ``$...$`` is typeset as math when it is safe
    LaTeX (see :func:`written_latex`); everything else, unsafe math included, is escaped text."""
    out, last = [], 0
    for match in _INLINE_MATH.finditer(text):
        shown = written_latex(match.group(1))
        if shown is None:
            continue
        out.append(escape_text(text[last:match.start()]))
        out.append(rf"\({shown}\)")
        last = match.end()
    out.append(escape_text(text[last:]))
    return "".join(out)
