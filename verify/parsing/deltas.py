"""Whether ``\\delta_{ij}`` is the Kronecker delta in a document: its standard reading, unless the document
defines a delta of its own (``\\delta_{ij} = x_i - x_j``, ``\\delta_t := r_t + \\gamma V - V``), where
delta is a name like any other. A definition by cases or by 0 and 1, or the word "Kronecker", is the
Kronecker delta stated, not a delta of the document's own."""
from __future__ import annotations

import re

_DEFINED = re.compile(r"(?:^|[$&\n]|\\\\|\\\[)\s*\\delta(?![A-Za-z])\s*(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?"
                      r"\s*(?:\([^()$]*\)\s*)?(?::=|=|\\coloneqq|\\equiv|\\triangleq|\\doteq)\s*(?P<value>[^$\n]*)")
_KRONECKER_VALUE = re.compile(r"^\s*(?:\\begin\{cases\}|[01]\b|\\mathbb\{1\}|\\mathbf\{1\}|\[)")


def own_delta(text: str) -> bool:
    """Whether the document defines delta itself (so ``\\delta_{ij}`` is an entry of its family)."""
    if re.search(r"\bkronecker\b", text, re.I):
        return False
    return any(not _KRONECKER_VALUE.match(found["value"]) for found in _DEFINED.finditer(text))
