"""A name as it was written: the reader spells a script of several letters letter by letter.

``d_{model}`` is read as the name ``d_{m o d e l}`` (its script is the letters written, as ``x_{ij}`` is
``x_{i j}``), so that two names differ exactly when their letters do. Printed, the letters are joined
again: ``d_{model}``, ``x_{ij}``.
"""
from __future__ import annotations

import re

_SPELLED = re.compile(r"([_^])\{((?:[A-Za-z] )+[A-Za-z])\}")


def spelled_name(name: str) -> str:
    """``d_{m o d e l}`` -> ``d_{model}``; any other name as it is."""
    return _SPELLED.sub(lambda found: f"{found.group(1)}{{{found.group(2).replace(' ', '')}}}", name)
