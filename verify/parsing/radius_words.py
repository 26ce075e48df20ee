r"""A spectral radius bounded in words: "the spectral radius of $\eta A$ is below one".

A premise may say in prose what ``\rho(\eta A) < 1`` says in symbols; read as that relation (the
same ``rho`` of the inline formula the reader gives ``\rho(M)``), it lets the Neumann series use it.
Only a plain bound reads: "below", "less than", "smaller than" (strict) or "at most" (not strict),
then one (``one``, ``1``, ``$1$``; never "1.5", "one-half", "10"). A sentence that negates or conditions (``not``, ``if``, ``unless``,
``whether``) states nothing here, and neither does prose the document does not introduce as a
premise (``premise_at``): "hence the spectral radius of $M$ is below one" is a claim.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, Function

from ..errors import ParseError
from .expressions import parse_latex_expr

RADIUS_NAME = "rho"  # the name the reader gives \rho(M) of a name it does not know to be a matrix
_BOUND = re.compile(r"spectral\s+radius\s+of\s+\$([^$\n]+)\$\s*(?:is\s+|stays\s+|remains\s+)?(?:strictly\s+)?"
                    r"(?P<word>below|less\s+than|smaller\s+than|under|at\s+most)\s+(?:(?:one|1)(?=[\s),;:]|\.(?!\d)|$)|\$\s*1\s*\$)", re.I)
_HEDGES = re.compile(r"\b(?:not|never|no|if|unless|whether|when)\b|n't", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _sentence_before(text: str, at: int) -> str:
    """The text of the sentence from its start up to ``at``."""
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return text[starts[-1] if starts else 0:at]


def radius_bounds(text: str, premise_at) -> list[Expr]:
    """``rho(M) < 1`` (or ``<= 1`` for "at most") for each unhedged premise sentence bounding the
    spectral radius of an inline formula ``$M$`` by one."""
    found = []
    for match in _BOUND.finditer(text):
        if not premise_at(match.start()) or _HEDGES.search(_sentence_before(text, match.start()) + match.group(0)):
            continue
        try:
            matrix = parse_latex_expr(match.group(1))
        except ParseError:
            continue
        relation = sympy.LessThan if match.group("word").lower().startswith("at") else sympy.StrictLessThan
        found.append(relation(Function(RADIUS_NAME)(matrix), sympy.S.One, evaluate=False))
    return found
