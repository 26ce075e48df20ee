"""Words written in ``\\text{...}`` inside a formula: a name, or prose about the formula.

The display splitter (markdown.py) ends a statement where its prose begins, and the lexer
(latex_macros.py) skips prose that trails a formula and refuses prose inside one; both ask this
one rule, so a word is never a name to one reader and a remark to the other.
"""
from __future__ import annotations

import re

# words that qualify or justify a statement (``\text{ if } n < d``, ``\text{ by }``), never a name
QUALIFIERS = frozenset("for if iff when whenever where with since because as otherwise real all by using".split())
# one word, as a name is written: letters and digits, hyphens or underscores between (``ReLU6``, ``self-attn``)
_ONE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")


def is_prose(written: str) -> bool:
    """Several words, a qualifier, punctuation (``(Jensen)``), another script than Latin: prose.
    One word (``softmax``, ``KL``, ``d``) is a name; blank text (``\\text{ }``) is spacing, neither."""
    plain = written.replace("\\,", " ").replace("~", " ").strip()
    if not plain:
        return False
    return not _ONE_WORD.fullmatch(plain) or plain.lower() in QUALIFIERS


def is_blank(written: str) -> bool:
    """``\\text{ }``, ``\\text{\\,}``: the space a writer leaves, no word at all."""
    return not written.replace("\\,", " ").replace("~", " ").strip()
