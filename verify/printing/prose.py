"""Sentences that mix words and formulas, kept apart until a target renders them.

A :data:`Prose` is a tuple of pieces: ``str`` is words, :class:`Math` wraps a SymPy
object (or a number). Export renders the words escaped and the formulas as LaTeX math;
the terminal renders both as plain text. So an argument is written once, and no
formula ever reaches a page as code.

>>> from sympy import Symbol
>>> prose_plain(("the residual ", Math(Symbol("eta") ** 2), " is not zero"), unicode=False)
'the residual eta^2 is not zero'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Union

from .plain import plain_math


@dataclass(frozen=True)
class Math:
    """A formula in a sentence: ``value`` is a SymPy object, a number, or a tuple of them;
    ``as_written``: a form as written (unevaluated), printed in its author's order."""

    value: Any
    as_written: bool = False


Piece = Union[str, Math]
Prose = tuple[Piece, ...]


def prose_plain(prose: Prose, unicode: bool | None = None) -> str:
    """The sentence as plain text, formulas as readable maths."""
    return "".join(p if isinstance(p, str) else plain_math(p.value, unicode, p.as_written) for p in prose)


def prose_authored(prose: Prose) -> str:
    """The sentence as an author writes one, formulas in ``$...$``: one string that export typesets
    (``authored_latex``) and the terminal prints as plain maths (``authored_plain``), for outputs
    that carry text (JSON, CSV, a gradebook)."""
    from .latex import latex_math

    def shown(piece: Math) -> str:
        text = latex_math(piece.value, as_written=piece.as_written)
        number = isinstance(piece.value, (int, float)) or getattr(piece.value, "is_Number", False)
        return text if number and re.fullmatch(r"-?\d+(\.\d+)?", text) else f"${text}$"  # 1.25 reads as written

    return "".join(p if isinstance(p, str) else shown(p) for p in prose)


def joined(items: list[Prose], last: str = " and ") -> Prose:
    """``a``, ``a and b``, ``a, b and c``."""
    out: list[Piece] = []
    for n, item in enumerate(items):
        if n:
            out.append(last if n == len(items) - 1 else ", ")
        out.extend(item)
    return tuple(out)
