"""How a check is run: frozen and passed explicitly, never a module global."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckConfig:
    """Seed and sample count of the numeric tier, and the per-check time budget (seconds).

    ``budget=None`` runs checks inline with no time limit (used inside workers that are
    already budgeted from outside).
    """

    seed: int = 0
    samples: int = 5
    budget: float | None = 5.0
    rel_tol: float = 1e-7
