"""The named rules of softmax calculus: derivatives over indexed families.

Differentiation itself is the algebra theory's rule (one object per rule); what is new
here is collapsing a Kronecker delta under a sum and using a normalised target.
"""
from __future__ import annotations

from ..algebra import DIFFERENTIATION
from ..base import Rule, register_rule

KRONECKER_DELTA_SUM = register_rule(Rule(
    "Kronecker delta under a sum", "sum_k delta_ik f(k) = f(i) when i lies in the range of k; "
    "d z_j / d z_i = delta_ij", aliases=("kronecker delta", "sifting property", "delta collapses the sum")))
NORMALISED_TARGET = register_rule(Rule(
    "normalised target", "sum_j y_j = 1 for a one-hot or normalised target y, as the premises state",
    aliases=("one-hot target", "the target sums to one", "one hot")))

__all__ = ["DIFFERENTIATION", "KRONECKER_DELTA_SUM", "NORMALISED_TARGET"]
