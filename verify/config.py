"""How a check is run: frozen and passed explicitly, never a module global."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class CheckConfig:
    """Seed and sample count of the numeric tier, and the per-check time budget (seconds).

    ``budget=None`` runs checks inline with no time limit (used inside workers that are
    already budgeted from outside). ``jobs`` is how many worker processes check at once.
    """

    seed: int = 0
    samples: int = 5
    budget: float | None = 5.0
    rel_tol: float = 1e-7
    jobs: int = field(default_factory=lambda: min(4, os.cpu_count() or 1))
