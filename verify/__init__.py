"""verify: a symbolic derivation verifier for the mathematics of deep learning.

The public face is small: build or load a ``Derivation`` and ``check`` it, or
check one step with ``check_step``.
"""
from .config import CheckConfig
from .engine.checker import check_claim, check_derivation, check_step
from .model import Chain, Claim, Context, Derivation, Fact, Relation, Step
from .verdict import Status, Verdict

check = check_derivation

__all__ = ["CheckConfig", "check", "check_claim", "check_derivation", "check_step", "Chain", "Claim",
           "Context", "Derivation", "Fact", "Relation", "Step", "Status", "Verdict"]
