"""The theories: importing this package registers every one of them."""
from . import algebra  # noqa: F401  (registers)
from .base import CLAIM_HANDLERS, RULES, THEORIES, find_rule, theory

for _module in ("probability", "linalg", "dynamics", "asymptotics"):
    try:
        __import__(f"{__name__}.{_module}")
    except ModuleNotFoundError as _missing:  # a theory not written yet
        if _missing.name != f"{__name__}.{_module}":
            raise

__all__ = ["THEORIES", "RULES", "CLAIM_HANDLERS", "find_rule", "theory"]
