"""The theories: importing this package registers every one of them."""
from . import algebra, asymptotics, dynamics, linalg, moments, probability, softmax  # noqa: F401  (each registers itself)
from .base import CLAIM_HANDLERS, STEP_HANDLERS, THEORIES, find_rule, theory

__all__ = ["THEORIES", "CLAIM_HANDLERS", "STEP_HANDLERS", "find_rule", "theory"]
