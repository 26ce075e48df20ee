"""Macros a document names in prose: "$\\expect$ is the expectation and $\\dkl$ the KL divergence".

A note transcribed without its preamble still says what its own macros mean. Such a sentence is a
definition of the macro, as ``\\newcommand`` is, but only for a meaning in a short table of standard
operators, and only for a macro the reader does not already know (a Greek letter stays a letter: "$\\sigma$
is the variance" says what sigma is, it does not make \\sigma the operator Var). A prose meaning holds for
the whole document, as the prose of a paper describes its notation, unless a ``\\newcommand`` defines it.
"""
from __future__ import annotations

import re

from ..errors import ParseError
from .latex_lexer import lex_latex
from .limits import DEFAULT_LIMITS
from .macro_definitions import Macro

# the meaning, as prose says it -> what the macro stands for, written in the notation the reader knows
MEANINGS = {
    "expectation": "\\mathbb{E}", "expectation operator": "\\mathbb{E}", "expected value": "\\mathbb{E}",
    "kl divergence": "\\mathrm{KL}", "kl-divergence": "\\mathrm{KL}",
    "kullback-leibler divergence": "\\mathrm{KL}", "kullback leibler divergence": "\\mathrm{KL}",
    "variance": "\\mathrm{Var}", "covariance": "\\mathrm{Cov}", "trace": "\\operatorname{tr}",
}
_MEANING = "|".join(sorted((re.escape(m).replace("\\ ", r"\s+") for m in MEANINGS), key=len, reverse=True))
_NAMED = re.compile(r"\$\s*\\([A-Za-z]+)\s*\$\s*,?\s*(?:(?:is|denotes|stands\s+for|means|is\s+used\s+for)\s+)?"
                    rf"(?:the\s+|an?\s+)?({_MEANING})(?![A-Za-z-])", re.I)


def known_macro(name: str) -> bool:
    """Whether the reader already gives ``\\name`` a meaning (it lexes alone without an unknown-macro error)."""
    try:
        lex_latex(f"\\{name}", DEFAULT_LIMITS)
    except ParseError as error:
        return "unknown macro" not in error.message
    return True


def named_in_prose(text: str) -> tuple[Macro, ...]:
    """Every macro the prose of ``text`` names the meaning of, as a definition without arguments."""
    found = []
    for match in _NAMED.finditer(text):
        name, meaning = match.group(1), " ".join(match.group(2).lower().split())
        if not known_macro(name):
            found.append(Macro(name, 0, MEANINGS[meaning], None, -1))
    return tuple(found)
