r"""Vector fields written with components: curl, divergence, Jacobian and cross products, computed exactly.

``\nabla \times F`` with ``F(x) = [x_2, -x_1, 0]^T`` is ``[0, 0, -2]``: the operator is evaluated on the
field's components (written in place, or by a definition ``F(x) = [...]`` of the context), differentiating
in the coordinates. The coordinates are the operator's own, else ``x_1 .. x_n`` for a field ``F(x)`` of n
components, else the one family ``s_1, s_2, ...`` the components are written in; with no such family
the operator stays as written (no guess). A result keeps the orientation (row or column) of its field,
a 3-d curl and a cross product are columns (``vocabulary.linalg``), whatever the orientation of the
components.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, ImmutableMatrix, Symbol
from sympy.core.function import AppliedUndef
from sympy.matrices import MatrixBase

from ...model import Context
from ...vocabulary.linalg import FIELD_OPERATORS, Cross, Curl, Divergence, JacobianOf, PlaneCurl
from ..algebra import fact_rule
from .rules import CROSS_PRODUCT, CURL, DIVERGENCE, JACOBIAN

_INDEXED = re.compile(r"^(?P<stem>[A-Za-z]+)_\{?(?P<index>[1-9])\}?$")


def _vector(value) -> ImmutableMatrix | None:
    """A row or column of components, else None."""
    if isinstance(value, MatrixBase) and 1 in value.shape and len(value) > 1:
        return ImmutableMatrix(value)
    return None


def definition(field: Expr, context: Context):
    """The components of a field named by a fact ``F(x) = [...]`` (or ``F = [...]``): (components, the
    argument written, the fact), or None."""
    name = str(field.func) if isinstance(field, AppliedUndef) else str(field)
    for fact in context.facts:
        lhs = fact.lhs
        written = str(lhs.func) if isinstance(lhs, AppliedUndef) else str(lhs)
        components = _vector(fact.rhs)
        if written == name and components is not None:
            argument = lhs.args[0] if isinstance(lhs, AppliedUndef) and len(lhs.args) == 1 else None
            return components, argument, fact
    return None


def coordinates(components: ImmutableMatrix, argument, given: tuple, context: Context) -> tuple | None:
    """The coordinates to differentiate in (see the module docstring); None when none is decided."""
    n = len(components)
    if given:
        return tuple(given) if len(given) == n else None
    known = {s.name: s for s in (*context.symbols, *components.free_symbols) if isinstance(s, Symbol)}
    if isinstance(argument, Symbol):
        stem = argument.name
    else:
        stems = {m["stem"] for s in components.free_symbols if (m := _INDEXED.match(str(s)))}
        if len(stems) != 1:
            return None
        stem = stems.pop()
    return tuple(known.get(f"{stem}_{i}", Symbol(f"{stem}_{i}", real=True)) for i in range(1, n + 1))


def generic(field: Expr, n: int) -> tuple[ImmutableMatrix, tuple] | None:
    """An undefined field ``F`` (or ``F(x)``) of n components as generic smooth functions
    ``F_i(x_1, .., x_n)``: what holds for them holds for every field (an identity such as
    ``(\nabla \times F) \times F = -F \times (\nabla \times F)``); None for any other expression."""
    if isinstance(field, (Symbol, sympy.MatrixSymbol)):  # F, or F read as a vector (its norm is written)
        name, stem = field.name, "x"
    elif isinstance(field, AppliedUndef) and len(field.args) == 1 and isinstance(field.args[0], Symbol):
        name, stem = str(field.func), field.args[0].name
    else:
        return None
    variables = tuple(Symbol(f"{stem}_{i}", real=True) for i in range(1, n + 1))
    return ImmutableMatrix([sympy.Function(f"{name}_{i}", real=True)(*variables) for i in range(1, n + 1)]), variables


def _resolve(field: Expr, given: tuple, context: Context, used: set, n: int | None = None):
    field = _named_as(field, context, used) if isinstance(field, (Symbol, sympy.MatrixSymbol)) else field
    components = _vector(field)
    argument = None
    if components is None:
        found = definition(field, context)
        if found is None:
            made = generic(field, n) if n else None
            if made is None or (given and len(given) != n):
                return None
            return (made[0], tuple(given) or made[1])
        components, argument, fact = found
        used.add(fact_rule(fact))
        if isinstance(field, AppliedUndef) and argument is not None and len(field.args) == 1:
            argument = argument if field.args[0] == argument else None
    variables = coordinates(components, argument, given, context)
    return None if variables is None else (components, variables)


def curl(components: ImmutableMatrix, variables: tuple) -> Expr | None:
    """The 3-d curl (a column) or the plane curl (a scalar); None for other sizes."""
    d = lambda i, j: sympy.diff(components[i], variables[j])  # noqa: E731 -- dF_i/dx_j, 0-based
    if len(components) == 3:
        return ImmutableMatrix([d(2, 1) - d(1, 2), d(0, 2) - d(2, 0), d(1, 0) - d(0, 1)])
    if len(components) == 2:
        return d(1, 0) - d(0, 1)
    return None


def divergence(components: ImmutableMatrix, variables: tuple) -> Expr:
    return sympy.Add(*[sympy.diff(c, v) for c, v in zip(components, variables)])


def jacobian(components: ImmutableMatrix, variables: tuple) -> ImmutableMatrix:
    return ImmutableMatrix([[sympy.diff(c, v) for v in variables] for c in components])


def cross(u: ImmutableMatrix, v: ImmutableMatrix) -> ImmutableMatrix:
    return ImmutableMatrix([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]])


def _operator(e, context: Context, used: set) -> Expr:
    size = 3 if isinstance(e, Curl) else 2 if isinstance(e, PlaneCurl) else None
    if isinstance(e, JacobianOf) and e.shape[0].is_Integer:
        size = int(e.shape[0])
    resolved = _resolve(e.field, e.variables, context, used, size)
    if resolved is None:
        return e
    components, variables = resolved
    if isinstance(e, (Curl, PlaneCurl)):
        value = curl(components, variables)
        if value is None or isinstance(value, MatrixBase) != isinstance(e, Curl):
            return e  # a 3-d curl of a plane field (or the reverse): the sizes do not fit
        used.add(CURL)
        return value
    if isinstance(e, Divergence):
        used.add(DIVERGENCE)
        return divergence(components, variables)
    if isinstance(e, JacobianOf) and e.shape[0] != len(components):
        return e
    used.add(JACOBIAN)
    return jacobian(components, variables)


def _named_as(value: Expr, context: Context, used: set) -> Expr:
    """``v`` where a fact says ``v = F`` (another plain name): the field F under a second name, so its
    components are F's (generic ones where F is undefined), never a field of its own."""
    for fact in context.facts:
        if fact.lhs == value and isinstance(fact.rhs, (Symbol, sympy.MatrixSymbol)) and fact.rhs != value:
            used.add(fact_rule(fact))
            return fact.rhs
    return value


def _components(value: Expr, context: Context, used: set) -> ImmutableMatrix | None:
    value = _named_as(value, context, used) if isinstance(value, (Symbol, sympy.MatrixSymbol)) else value
    found = _vector(value)
    if found is None and (defined := definition(value, context)) is not None:
        found = defined[0]
        used.add(fact_rule(defined[2]))
    if found is None and (made := generic(value, 3)) is not None:
        found = made[0]
    if found is None and isinstance(value, sympy.Mul) and value.args[0].is_number:  # -F x G
        rest = _components(sympy.Mul(*value.args[1:]), context, used)
        found = None if rest is None else value.args[0] * rest
    return found


def _cross(e: Cross, context: Context, used: set) -> Expr:
    u, v = (_components(a, context, used) for a in e.args)
    if u is None or v is None or len(u) != 3 or len(v) != 3:
        return e
    used.add(CROSS_PRODUCT)
    return cross(u, v)


def evaluate_fields(expr: Expr, context: Context, used: set) -> Expr:
    """Every field operator whose field's components and coordinates are known, computed (innermost
    first, so ``(\\nabla \\times F) \\times F`` takes the curl before the cross product)."""
    for _ in range(4):  # nested operators: each round evaluates the innermost ones
        before = expr
        expr = expr.replace(lambda e: isinstance(e, (Curl, PlaneCurl, Divergence, JacobianOf)),
                            lambda e: _operator(e, context, used))
        expr = expr.replace(lambda e: isinstance(e, Cross), lambda e: _cross(e, context, used))
        if expr == before:
            break
    return expr
