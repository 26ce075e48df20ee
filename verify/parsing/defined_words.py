"""``$units = 50$``, ``$features = 1$``: a word a document gives a value is one name wherever it stands.

Formulas in code comments and Q&A answers write variables as words (``units * (units + features + 1)``).
TeX would set the letters side by side, a product of u, n, i, t, s, with an e taken for Euler's number; no
writer who gives ``units`` a value means that. Only words of three letters or more written at the left
of ``=`` somewhere in the document's formulas, never a function or operator word (``log``, ``max``), a
moment (``Var``) or a word that follows a backslash; the report names them.
"""
from __future__ import annotations

import re

from . import lexicon

_DEFINED = re.compile(r"(?<![\\A-Za-z_^0-9{])([A-Za-z]{3,})\s*=(?!=)")
_NOT_NAMES = frozenset(lexicon.FUNCTIONS | lexicon.OPERATORS | set(lexicon.MOMENT_SPELLINGS) | set(lexicon.NAMED_WORDS)
                       | {"and", "for", "with", "where", "then", "when", "the"})


def defined_words(formulas: list[str]) -> frozenset[str]:
    """The words the formulas give a value (see the module docstring)."""
    return frozenset(m.group(1) for text in formulas for m in _DEFINED.finditer(text)
                     if m.group(1) not in _NOT_NAMES and m.group(1).lower() not in _NOT_NAMES)


def note(words: frozenset[str]) -> str | None:
    return "read as one name each (the document gives each a value): " + ", ".join(sorted(words)) if words else None
