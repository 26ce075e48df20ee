r"""First-order expansions of vector fields: ``F(x - \alpha F(x)) = F(x) - \alpha J(F(x)) F(x) + O(\alpha^2)``.

A vector field's values do not commute (the reader makes ``F`` of "F has Jacobian J(F(x))"
non-commutative), so SymPy's series cannot expand ``F(x_k - \alpha F(x_k))``. Here each applied field
``G(a + \delta)`` whose argument moves with the small parameter ``p`` (``\delta = O(p^m)``, ``m >= 1``)
becomes ``G(a) + DG(a) \delta + p^{2m} R_G``: Taylor's theorem for a smooth field, with ``R_G`` an
unknown bounded remainder. After expanding, the terms free of every ``R`` are exact; the lowest power of
``p`` beside an ``R`` is the order up to which the expansion decides anything.

Readings, each reported: ``J(G(y))`` is the Jacobian of ``G`` at ``y`` (the notation of game-dynamics
texts: "F is smooth with Jacobian J(F(x))"); a real ``I`` that multiplies only field values is the
identity matrix (``(I - \alpha J) F``).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import Expr, Function, Symbol
from sympy.core.function import AppliedUndef

JACOBIAN_NAMES = ("J",)
IDENTITY_NAME = "I"


@dataclass(frozen=True)
class Linearised:
    """``expr`` expanded in ``parameter``: its terms below ``parameter^exact_below`` are exact."""

    terms: dict[int, Expr]  # power of the parameter -> the exact coefficient (non-commutative)
    exact_below: int | None  # None: no remainder (every term exact)
    readings: tuple[str, ...]

    def low(self, order: int) -> dict[int, Expr]:
        """The nonzero exact terms below ``parameter^order``."""
        return {k: c for k, c in self.terms.items() if k < order and c != 0}


def jacobian(field: AppliedUndef, point: Expr) -> Expr:
    """The Jacobian of the field ``field.func`` at ``point`` (an opaque matrix-valued function)."""
    return Function(f"D[{field.func}]", commutative=False)(point)


def is_jacobian(applied: Expr) -> bool:
    return isinstance(applied, AppliedUndef) and str(applied.func).startswith("D[")


def _read_jacobians(expr: Expr, readings: list[str]) -> Expr:
    """``J(G(y))`` -> the Jacobian of G at y."""
    def fits(e) -> bool:
        return (isinstance(e, AppliedUndef) and str(e.func) in JACOBIAN_NAMES and len(e.args) == 1
                and isinstance(e.args[0], AppliedUndef) and len(e.args[0].args) == 1
                and not e.args[0].is_commutative)

    found = {e for e in expr.atoms(AppliedUndef) if fits(e)}
    for e in sorted(found, key=str):
        readings.append(f"{e} read as the Jacobian of {e.args[0].func} at {e.args[0].args[0]}")
    return expr.xreplace({e: jacobian(e.args[0], e.args[0].args[0]) for e in found})


def _read_identity(expr: Expr, readings: list[str]) -> Expr:
    """A real ``I`` that multiplies field values in every term it is in is the identity matrix."""
    identity = next((s for s in expr.free_symbols if isinstance(s, Symbol) and s.name == IDENTITY_NAME), None)
    if identity is None:
        return expr
    terms = [t for t in sympy.Add.make_args(sympy.expand(expr)) if t.has(identity)]
    if not terms or any(t.is_commutative or power_of(t, identity) != 1 for t in terms):
        return expr
    readings.append(f"{IDENTITY_NAME} read as the identity matrix (it multiplies field values)")
    return expr.xreplace({identity: sympy.Integer(1)})


def power_of(term: Expr, parameter: Symbol) -> int | None:
    """The power of ``parameter`` in one product term, or None when it enters otherwise (a function's
    argument, a denominator, a non-integer power)."""
    commutative, noncommutative = term.args_cnc()
    power = 0
    for factor in commutative:
        base, exponent = factor.as_base_exp()
        if base == parameter and exponent.is_Integer and exponent >= 0:
            power += int(exponent)
        elif factor.has(parameter):
            return None
    if any(f.has(parameter) for f in noncommutative):
        return None
    return power


def _by_power(expr: Expr, parameter: Symbol) -> dict[int, Expr] | None:
    grouped: dict[int, list[Expr]] = {}
    for term in sympy.Add.make_args(sympy.expand(expr)):
        power = power_of(term, parameter)
        if power is None:
            return None
        grouped.setdefault(power, []).append(term / parameter ** power)
    return {k: sympy.expand(sympy.Add(*v)) for k, v in grouped.items()}


def linearise(expr: Expr, parameter: Symbol) -> Linearised | None:
    """``expr`` with every moving field expanded to first order, or None when it is not of that form
    (a field of several arguments, a field inside a field's moving argument, ``p`` not polynomial)."""
    readings: list[str] = []
    expr = _read_identity(_read_jacobians(expr, readings), readings)
    moving = [f for f in expr.atoms(AppliedUndef) if f.has(parameter)]
    replacements, remainders = {}, []
    for field in moving:
        if len(field.args) != 1 or any(g.has(parameter) for g in field.args[0].atoms(AppliedUndef)):
            return None
        argument = sympy.expand(field.args[0])
        point = argument.xreplace({parameter: 0})
        shift = _by_power(argument - point, parameter)
        if shift is None or not shift or min(shift) < 1:
            return None
        rest = Symbol(f"R[{field}]", commutative=False)
        remainders.append(rest)
        replacements[field] = (field.func(point) + jacobian(field, point) * (argument - point)
                               + parameter ** (2 * min(shift)) * rest)
    grouped = _by_power(expr.xreplace(replacements), parameter)
    if grouped is None:
        return None
    exact: dict[int, Expr] = {}
    bounded: list[int] = []
    for power, coefficient in grouped.items():
        for term in sympy.Add.make_args(coefficient):
            if any(term.has(r) for r in remainders):
                bounded.append(power)
            else:
                exact[power] = exact.get(power, sympy.Integer(0)) + term
    return Linearised({k: sympy.expand(v) for k, v in exact.items()}, min(bounded) if bounded else None,
                      tuple(readings))


def witness(low: dict[int, Expr]) -> tuple[str, Expr] | None:
    """A smooth 1-d field at which a nonzero exact term stays nonzero: every field G(y) = y (Jacobian 1),
    then G(y) = y^2 (Jacobian 2y), the other names at small rationals; None when both make it vanish or a
    non-commutative name other than a field remains."""
    total = sympy.Add(*low.values())
    for label, value, slope in (("y", lambda y: y, lambda y: sympy.Integer(1)),
                                ("y^2", lambda y: y ** 2, lambda y: 2 * y)):
        fields = sorted(total.atoms(AppliedUndef), key=lambda f: (is_jacobian(f), str(f)))
        mapping = {}
        for f in fields:
            mapping[f] = slope(f.args[0]) if is_jacobian(f) else value(f.args[0])
        concrete = total
        for _ in range(4):  # nested arguments settle in a few rounds
            concrete = concrete.xreplace(mapping)
            mapping = {f: (slope(f.args[0]) if is_jacobian(f) else value(f.args[0]))
                       for f in concrete.atoms(AppliedUndef)}
        if any(not s.is_commutative for s in concrete.free_symbols):
            return None
        point = {s: sympy.Rational(3 + i, 2 + i) for i, s in enumerate(sorted(concrete.free_symbols, key=str))}
        if sympy.simplify(concrete.xreplace(point)) != 0:
            shown = ", ".join(f"{s} = {v}" for s, v in point.items())
            return f"every field G(y) = {label}{', ' + shown if shown else ''}", concrete.xreplace(point)
    return None
