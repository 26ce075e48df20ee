"""Pickling that sends expressions to a worker exactly as they were built.

SymPy's own pickling rebuilds an expression by calling its class on its arguments, which
evaluates it again: ``Add(x, x, evaluate=False)`` comes back as ``2*x``, and the reader keeps
unevaluated forms on purpose (the sides as written). Here every compound expression is
rebuilt the way ``Basic.__new__`` builds one, from its class and the values of its slots
(its arguments, cached assumptions, flags such as ``is_commutative``), never by evaluating;
atoms (symbols, numbers, singletons) keep SymPy's pickling, which does not evaluate.
"""
from __future__ import annotations

import io
import pickle

from sympy import Atom, Basic

_DEFAULT = "default"  # the class's shared default assumptions: kept shared, as SymPy expects
_SKIPPED = ("_mhash",)  # recomputed on first use


def _slots(cls: type) -> list[str]:
    return [name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ()) if name not in _SKIPPED]


def _rebuild(cls: type, slots: tuple, attributes: dict | None) -> Basic:
    """The expression with these slot values, built as ``Basic.__new__`` builds one (no evaluation)."""
    expr = object.__new__(cls)
    expr._mhash = None
    for name, value in slots:
        setattr(expr, name, cls.default_assumptions if name == "_assumptions" and value == _DEFAULT else value)
    if attributes:
        expr.__dict__.update(attributes)
    return expr


def _state(expr: Basic) -> tuple:
    slots = []
    for name in _slots(type(expr)):
        try:
            value = getattr(expr, name)
        except AttributeError:
            continue
        if name == "_assumptions" and value is type(expr).default_assumptions:
            value = _DEFAULT
        slots.append((name, value))
    return (type(expr), tuple(slots), getattr(expr, "__dict__", None) or None)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Basic) and not isinstance(obj, Atom) and not isinstance(obj, type):
            return _rebuild, _state(obj)
        return NotImplemented


def dumps(value: object) -> bytes:
    """``value`` pickled with its expressions as built; raises as ``pickle`` does on what cannot
    be pickled (a lambda, a local function), so the caller can run it another way."""
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


loads = pickle.loads
