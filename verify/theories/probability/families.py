"""Density names of one model: ``p`` and ``p_theta``, ``q`` and ``q_phi``.

Authors write ``p(z)`` for the prior of the model ``p_theta`` and ``q_theta`` for the ``q_phi`` of
the line before. The reader keeps such names apart (nothing is proved by merging them by their
letter), so a step may fail with two independent laws and hold when they are one. That other
reading is offered here; the checker uses it only to stop a refutation, never to prove.
"""
from __future__ import annotations

from sympy import Expr

from ...vocabulary import Density

PARAMETER_SUBSCRIPTS = ("theta", "vartheta", "phi", "varphi", "psi", "omega", "alpha", "beta")


def model_of(name: str) -> str:
    """The model a density name belongs to: ``p_theta`` and ``p_{theta}`` to ``p``."""
    base, _, subscript = name.partition("_")
    return base if subscript.strip("{}") in PARAMETER_SUBSCRIPTS else name


def one_model_readings(expr: Expr) -> tuple[tuple[str, dict], ...]:
    """(what it says, the substitution) for each model written under two or more names in ``expr``."""
    densities = expr.atoms(Density)
    by_model: dict[str, set[str]] = {}
    for d in densities:
        by_model.setdefault(model_of(d.name), set()).add(d.name)
    readings = []
    for model, names in sorted(by_model.items()):
        if len(names) < 2:
            continue
        mapping = {d: Density(model, d.variables, d.given) for d in densities if model_of(d.name) == model}
        readings.append((f"{' and '.join(sorted(names))} are one model", mapping))
    return tuple(readings)
