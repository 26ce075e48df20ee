"""Sentences as TeX: :data:`~verify.printing.Prose` (words escaped, formulas as inline math), and an
author's prose with ``$...$`` formulas in it."""
from __future__ import annotations

import re

from ..printing import Math, Prose
from ..printing.text import escape_text
from ..printing.latex import latex_math
from .written import written_latex


DISPLAY_OVER = 90  # characters of LaTeX: a longer formula is displayed on its own line, where it fits


def prose_latex(prose: Prose) -> str:
    """Text-mode TeX of the sentence; every formula goes through ``latex_math``, every word is escaped.
    A formula too long for a line of text is displayed (inline math cannot break across lines)."""
    out, pieces = [], list(prose)
    for n, piece in enumerate(pieces):
        if not isinstance(piece, Math):
            out.append(escape_text(piece))
            continue
        math = latex_math(piece.value, as_written=piece.as_written)
        if len(math) <= DISPLAY_OVER:
            out.append(rf"\({math}\)")
            continue
        after = pieces[n + 1] if n + 1 < len(pieces) else None
        mark = after[:1] if isinstance(after, str) and after[:1] in (".", ",", ";") else ""
        if mark:
            pieces[n + 1] = after[1:]  # the sentence's punctuation ends the display, as in print
        out.append(rf"\[{math}\,{mark}\]" if mark else rf"\[{math}\]")
    return "".join(out)


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
