"""Printing mathematics for people: LaTeX for documents, readable plain maths for the terminal.

Everything a verdict, a step or a claim holds is printed from the SymPy object, never
from its ``str()``: ``eta**2 + lambda**2 - 2*lambda + 1`` becomes ``η² + λ² − 2λ + 1`` on
a terminal (``eta^2 + lambda^2 - 2 lambda + 1`` in ASCII) and ``\\eta^{2} + ...`` in a
document. Sentences mixing words and formulas are :class:`Prose`, rendered by either target.
"""
from .claims import claim_sketch, claim_statement
from .latex import latex_math, safe_name
from .plain import plain_math, unicode_wanted
from .prose import Math, Prose, prose_plain
from .verdicts import counterexample_prose, nonzero_prose, verdict_argument

__all__ = [
    "Math", "Prose", "claim_sketch", "claim_statement", "counterexample_prose", "latex_math",
    "nonzero_prose", "plain_math", "prose_plain", "safe_name", "unicode_wanted", "verdict_argument",
]
