"""Whether a plain ``E`` with a subscript opens an expectation or is a subscripted name.

Papers write ``E_q[f]`` and ``E_{z \\sim q} \\log p`` for expectations, and complexity notes write
``E_k - 1`` or ``L \\times E_q (2 E_q - 1)`` for embedding sizes. The subscript decides first: a law
(``\\sim``, ``\\in``, ``|``, a bracket) is only ever averaged over. A plain subscript followed by an
operator or the end (``E_k - 1``, ``E_v)``) cannot be an expectation, which needs an argument, so it
is a name. Followed by ``(``, it is a name only when the same formula uses it bare elsewhere; any
other reading is left to the expectation rules, which refuse what they cannot read.
"""
from __future__ import annotations

import re

_LAW_IN_SCRIPT = re.compile(r"\\sim|~|\\in(?![A-Za-z])|\||\\mid|[(\[]|\\left|\\big")
_SCRIPT = re.compile(r"[_^]\s*(?:\{|\\[A-Za-z]+|[A-Za-z0-9])")
_POWER = re.compile(r"\s*\^")
_AFTER_NAME = re.compile(r"\s*(?:$|[-+=)\]},&<>;*/!'|]|\\(?:times|cdot|right|le|leq|ge|geq|ne|neq|approx|"
                         r"quad|qquad|in|to|rangle|bigr|Bigr|biggr|Biggr)(?![A-Za-z])|\\\\)")
_AFTER_CALL = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg|bigl|Bigl)\s*)?\(")


def subscript_end(text: str, at: int) -> int | None:
    """Where the script starting with ``_`` or ``^`` at ``at`` ends, or None if there is none."""
    found = _SCRIPT.match(text, at)
    if not found:
        return None
    if not found.group(0).endswith("{"):
        return found.end()
    depth, pos = 1, found.end()
    while pos < len(text) and depth:
        if text[pos] == "\\":
            pos += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[pos], 0)
        pos += 1
    return pos if depth == 0 else None


def is_subscripted_name(text: str, at: int) -> bool:
    """Whether the ``E`` ending just before ``at`` (where its ``_`` stands) is a name such as ``E_k``."""
    end = subscript_end(text, at)
    if end is None or _LAW_IN_SCRIPT.search(text, at + 1, end):
        return False
    power = _POWER.match(text, end)
    if power:  # E_k^2: a power of a name if what follows the exponent ends it
        end = subscript_end(text, power.end() - 1)
        return end is not None and bool(_AFTER_NAME.match(text, end))
    if _AFTER_NAME.match(text, end):
        return True
    if _AFTER_CALL.match(text, end):
        return any(_AFTER_NAME.match(text, other_end) for other_end in _same_heads(text, text[at:end], at))
    return False


def _same_heads(text: str, script: str, skip: int):
    """The ends of the other ``E`` heads in ``text`` with the same subscript, written as written."""
    for found in re.finditer(r"(?<![A-Za-z\\])E" + re.escape(script), text):
        if found.start() + 1 != skip:
            yield found.end()
