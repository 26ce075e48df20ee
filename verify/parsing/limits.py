"""Safety limits for untrusted text: every refusal names the limit it broke.

The numbers are generous for real derivations and small enough that nothing a
limit admits can take more than milliseconds to parse or blow the stack.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds on what the parser accepts; passed explicitly, never a module global."""

    max_document_chars: int = 2_000_000
    max_line_chars: int = 20_000
    max_expression_chars: int = 20_000
    max_tokens: int = 4_000
    max_depth: int = 60
    max_digits: int = 60
    max_exponent: int = 1_000
    max_power_digits: int = 400
    max_factorial: int = 200
    max_sum_terms: int = 1_000_000


DEFAULT_LIMITS = Limits()
