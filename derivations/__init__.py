"""The built-in reference derivations, one module per topic, each with its numpy twin.

Each topic module defines ``TITLE`` and ``derivation() -> verify.model.Derivation``.
Modules are imported only when asked for, so ``verify list`` stays cheap.
"""
from __future__ import annotations

import importlib

from verify.errors import UsageError
from verify.model import Derivation

BUILTIN: dict[str, str] = {
    "elbo": "derivations.elbo",
    "attention": "derivations.attention",
    "bilinear-game": "derivations.bilinear_game",
    "complexity": "derivations.complexity",
}


def names() -> list[str]:
    return list(BUILTIN)


def _module(name: str):
    if name not in BUILTIN:
        raise UsageError(f"unknown derivation {name!r}; known: {', '.join(BUILTIN)}")
    return importlib.import_module(BUILTIN[name])


def title(name: str) -> str:
    return _module(name).TITLE


def load(name: str) -> Derivation:
    """The built-in derivation called ``name`` (see ``names()``)."""
    return _module(name).derivation()
