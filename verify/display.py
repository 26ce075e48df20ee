"""Notebook display without upward imports: a registry of LaTeX formatters.

``Derivation`` and ``DerivationReport`` sit at the bottom layer, while their LaTeX is
built in ``verify.export``. So their ``_repr_latex_`` asks this registry, which
``verify.export`` fills when it is imported; the package root names the loader that
imports it on the first display, so ``verify run`` never loads export.
"""
from __future__ import annotations

from typing import Any, Callable

_FORMATTERS: dict[type, Callable[[Any], str]] = {}
_LOADERS: list[Callable[[], object]] = []


def register_latex(cls: type, formatter: Callable[[Any], str]) -> None:
    """``formatter(obj)`` is the LaTeX of every ``cls`` object (what Jupyter typesets)."""
    _FORMATTERS[cls] = formatter


def load_formatters_with(loader: Callable[[], object]) -> None:
    """``loader()`` registers the formatters; it runs once, when a formatter is first missing."""
    _LOADERS.append(loader)


def latex_of(obj: Any) -> str | None:
    """The registered formatter's LaTeX of ``obj``, or None (Jupyter then shows its repr)."""
    while type(obj) not in _FORMATTERS and _LOADERS:
        _LOADERS.pop(0)()
    formatter = _FORMATTERS.get(type(obj))
    return formatter(obj) if formatter is not None else None
