"""The table of issue 11: for every registered rule, its correct form and broken variants of it.

Each theory's rows are in a module of their own (``probability``, ``moments``, ...); ``ROWS``
joins them, and ``tests/test_rules18_registry.py`` asserts the table covers the registry.
"""
from __future__ import annotations

from . import algebra, asymptotics, dynamics, linalg, moments, probability, softmax
from .cases import Row

THEORIES = {"algebra": algebra, "asymptotics": asymptotics, "dynamics": dynamics, "linalg": linalg,
            "moments": moments, "probability": probability, "softmax": softmax}
ROWS: tuple[Row, ...] = tuple(row for module in THEORIES.values() for row in module.ROWS)
