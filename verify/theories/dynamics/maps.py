"""Claims about update maps: gradients, the map itself, its Jacobian, fixed points, iterates.

Every proof here is an exact computation (differentiation, substitution, rational
arithmetic, induction on t) followed by canonical-form comparison.
"""
from __future__ import annotations

from typing import Sequence

import sympy
from sympy import Expr, ImmutableMatrix, Symbol, Tuple
from sympy.matrices import MatrixBase

from ...config import CheckConfig
from ...errors import UsageError
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from .canonical import dynamics_form, shift
from .compare import as_matrix, as_rows, as_vector, compare, dynamics_claim, mismatch
from .region import region_of
from .rules import DYNAMICS

UPDATE_RULES = ("simultaneous", "alternating", "extragradient", "flow")


def gradient(f: Expr, variables: Sequence[Symbol], at: Sequence[Expr] | None = None) -> list[Expr]:
    """The partial derivatives of ``f``, evaluated at the point ``at`` (simultaneously) if given."""
    partials = [sympy.diff(f, v) for v in variables]
    if at is None:
        return partials
    point = dict(zip(variables, at))
    return [d.xreplace(point) for d in partials]


def _step(f, variables, signs, eta, at) -> list[Expr]:
    """One gradient step from ``at``: each variable moves by sign * eta * its partial derivative."""
    return [z + s * eta * g for z, s, g in zip(at, signs, gradient(f, variables, at))]


def update_map(f: Expr, variables: Sequence[Symbol], signs: Sequence[int], eta: Expr, rule: str) -> list[Expr]:
    """The new point in terms of the old: sign -1 descends (minimiser), +1 ascends (maximiser).

    ``simultaneous`` uses the old point for every player; ``alternating`` lets each variable
    see the players updated before it; ``extragradient`` takes a simultaneous look-ahead step
    and updates the old point with the gradient there; ``flow`` gives the continuous-time
    velocity ``sign * df/dvariable`` (``eta`` unused).
    """
    if rule == "flow":
        return [s * g for s, g in zip(signs, gradient(f, variables))]
    if rule == "simultaneous":
        return _step(f, variables, signs, eta, list(variables))
    if rule == "extragradient":
        ahead = _step(f, variables, signs, eta, list(variables))
        return [z + s * eta * g for z, s, g in zip(variables, signs, gradient(f, variables, ahead))]
    if rule == "alternating":
        point = list(variables)
        for i, sign in enumerate(signs):
            point[i] = point[i] + sign * eta * gradient(f, variables, point)[i]
        return point
    raise UsageError(f"unknown update rule {rule!r}; known: {', '.join(UPDATE_RULES)}")


def _region(claim: Claim, *exprs):
    return region_of(exprs, claim.assumptions)


def _unpack(subject, size: int | tuple[int, ...], shape: str) -> tuple:
    sizes = size if isinstance(size, tuple) else (size,)
    if not isinstance(subject, (Tuple, tuple)) or len(subject) not in sizes:
        raise UsageError(f"the subject must be {shape}, got {subject!r}")
    return tuple(subject)


@dynamics_claim("gradient")
def check_gradient(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(f, Tuple(vars)); value Tuple of the partial derivatives, in order."""
    f, variables = _unpack(claim.subject, 2, "Tuple(f, Tuple(variables))")
    actual = gradient(f, variables)
    names = [f"d f/d {v}" for v in variables]
    return compare(as_vector(claim.value), actual, names, _region(claim, f), config, "exact differentiation")


@dynamics_claim("hessian")
def check_hessian(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(f, Tuple(vars)); value the Matrix of second derivatives."""
    f, variables = _unpack(claim.subject, 2, "Tuple(f, Tuple(variables))")
    actual = sympy.hessian(f, list(variables))
    return _compare_matrices(claim, as_matrix(claim.value), actual, config, "exact second derivatives", f)


@dynamics_claim("update_map")
def check_update_map(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(f, Tuple(vars), Tuple(signs), eta, Str(rule)); value Tuple of the new values."""
    f, variables, signs, eta, rule = _unpack(claim.subject, 5, "Tuple(f, Tuple(vars), Tuple(signs), eta, Str(rule))")
    rule = str(getattr(rule, "name", rule))
    actual = update_map(f, variables, signs, eta, rule)
    names = [f"{v}'" for v in variables]
    return compare(as_vector(claim.value), actual, names, _region(claim, f, eta), config, f"the {rule} update of {f}")


def jacobian(update, variables) -> ImmutableMatrix:
    return ImmutableMatrix(as_vector(update)).jacobian(list(variables))


def _compare_matrices(claim: Claim, claimed: ImmutableMatrix, actual: ImmutableMatrix, config: CheckConfig,
                      how: str, *exprs) -> Verdict:
    if claimed.shape != actual.shape:
        return Verdict(Status.REFUTED, f"claimed a {claimed.shape} matrix, but it is {actual.shape}: {actual.tolist()}")
    names = [f"entry ({i + 1},{j + 1})" for i in range(actual.rows) for j in range(actual.cols)]
    verdict = compare(list(claimed), list(actual), names, _region(claim, *exprs, *actual), config, how)
    if verdict.status is Status.PROVED:
        return proved(f"{how}: {actual.tolist()} agrees entry by entry", verdict.used)
    return verdict


@dynamics_claim("jacobian")
def check_jacobian(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(Tuple or Matrix of update expressions, Tuple(vars)); value the Jacobian Matrix."""
    update, variables = _unpack(claim.subject, 2, "Tuple(update expressions, Tuple(variables))")
    return _compare_matrices(claim, as_matrix(claim.value), jacobian(update, variables), config,
                             "exact differentiation", *as_vector(update))


def apply_map(mapping, state: ImmutableMatrix) -> ImmutableMatrix:
    """One step: a square Matrix acts linearly; Tuple(exprs, vars) is substituted (vector states)."""
    if isinstance(mapping, MatrixBase):
        return ImmutableMatrix(mapping * state)
    exprs, variables = mapping
    point = dict(zip(variables, list(state)))
    return ImmutableMatrix([e.xreplace(point) for e in as_vector(exprs)])


def _component_names(mapping, count: int) -> list[str]:
    if isinstance(mapping, (Tuple, tuple)) and len(mapping) == 2 and len(mapping[1]) == count:
        return [str(v) for v in mapping[1]]
    return [f"component {i + 1}" for i in range(count)]


@dynamics_claim("fixed_point")
def check_fixed_point(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(map, point): the map sends the point to itself. value unused."""
    mapping, point = _unpack(claim.subject, 2, "Tuple(map, point)")
    start = ImmutableMatrix(as_vector(point))
    image = apply_map(mapping, start)
    names = [f"image {n}" for n in _component_names(mapping, len(start))]
    return compare(list(start), list(image), names, _region(claim, *image), config, "one step of the map")


@dynamics_claim("iterates")
def check_iterates(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(map, z0, Tuple of (symbol, value) pairs[, Tuple(names)]); value the iterates z_0..z_T as rows."""
    subject = _unpack(claim.subject, (3, 4), "Tuple(map, z0, Tuple((symbol, value), ...)[, Tuple(names)])")
    named = len(subject) == 4
    mapping, start, substitution = subject[:3]
    values = {pair[0]: pair[1] for pair in substitution}
    mapping = mapping.xreplace(values)
    state = ImmutableMatrix(as_vector(start)).xreplace(values)
    rows = as_rows(claim.value)
    names = [str(v) for v in subject[3]] if named else _component_names(mapping, len(state))
    region = _region(claim, *mapping.free_symbols)
    for t, row in enumerate(rows):
        wrong = _first_wrong(row, list(state), names, t, region, config)
        if wrong is not None:
            return wrong
        state = apply_map(mapping, state)
    return proved(f"exact arithmetic: the {len(rows)} iterates t = 0..{len(rows) - 1} of z_(t+1) = map(z_t) "
                  f"from z_0 = {tuple(as_vector(start))} agree with the table", (DYNAMICS,))


def _first_wrong(row, state, names, t, region, config) -> Verdict | None:
    if len(row) != len(state):
        return Verdict(Status.REFUTED, f"t = {t}: {len(row)} entries given, the state has {len(state)}")
    for name, claimed, actual in zip(names, row, state):
        residual = dynamics_form(claimed - actual)
        if residual != 0 and residual.free_symbols:
            return mismatch(residual, region, config, f"t = {t}, {name}_{t}", claimed, actual)
        if residual != 0:
            example = Counterexample((("t", str(t)),), str(claimed), str(actual))
            return Verdict(Status.REFUTED, f"first wrong entry at t = {t}: {name} is {actual}, "
                           f"the claim says {claimed}", residual=str(claimed - actual), counterexample=example)
    return None


@dynamics_claim("closed_form")
def check_closed_form(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(map, z0, n); value Z(n), a vector (or Matrix, e.g. A**n with z0 = I), for all n >= 0.

    Proof by induction: Z(0) = z0, and map(Z(n)) = Z(n + 1) in canonical form.
    """
    mapping, start, n = _unpack(claim.subject, 3, "Tuple(map, z0, n)")
    shape = as_matrix(start).shape if isinstance(start, MatrixBase) else (len(start), 1)
    closed = ImmutableMatrix(as_matrix(claim.value) if isinstance(claim.value, MatrixBase)
                             else ImmutableMatrix(as_vector(claim.value))).reshape(*shape)
    first = ImmutableMatrix(as_matrix(start) if isinstance(start, MatrixBase) else ImmutableMatrix(as_vector(start)))
    base = [dynamics_form(e) for e in (closed.xreplace({n: 0}) - first)]
    if any(e != 0 for e in base):
        return _closed_form_counterexample(mapping, first, closed, n, 0)
    step = apply_map(mapping, closed) - closed.applyfunc(lambda e: shift(e, n))
    if all(dynamics_form(e) == 0 for e in step):
        return proved(f"induction on {n}: Z(0) = z0, and map(Z({n})) - Z({n} + 1) has canonical form 0 "
                      f"(angle addition, powers split), so Z({n}) = map^{n}(z0) for every {n} >= 0", (DYNAMICS,))
    return _closed_form_counterexample(mapping, first, closed, n, 12)


def _closed_form_counterexample(mapping, first, closed, n, horizon: int) -> Verdict:
    state = first
    for t in range(horizon + 1):
        difference = [dynamics_form(e) for e in (closed.xreplace({n: t}) - state)]
        if any(not d.free_symbols and d.is_zero is False for d in difference):
            example = Counterexample(((str(n), str(t)),), str(list(closed.xreplace({n: t}))), str(list(state)))
            return Verdict(Status.REFUTED, f"at {n} = {t} the closed form gives {list(closed.xreplace({n: t}))}, "
                           f"but iterating the map gives {list(state)}", counterexample=example)
        state = apply_map(mapping, state)
    return unknown(f"the induction step map(Z({n})) = Z({n} + 1) did not reduce to 0 in canonical form, and no "
                   f"exact disagreement was found for {n} = 0..{horizon}")
