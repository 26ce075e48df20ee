"""Claims about spectra: eigenvalues, determinants, spectral radii, saddle points.

Eigenvalues are proved through the characteristic polynomial: the claimed multiset
{v_1..v_n} is the spectrum exactly when det(lambda I - M) = prod(lambda - v_i) as
polynomials, which expand decides (roots and multiplicities at once). A real 2x2
matrix's spectral radius follows from its discriminant's sign on the region: negative
means a conjugate pair with |lambda|^2 = det.
"""
from __future__ import annotations

import sympy
from sympy import Dummy, Expr, ImmutableMatrix

from ...config import CheckConfig
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from .compare import (as_matrix, as_vector, compare, config_rng, dynamics_claim, mismatch,
                               undefined_in)
from .maps import gradient
from .region import Region, is_zero, region_of, show_point, witness
from .rules import DYNAMICS
from .sign import decide, nonnegative

LAMBDA = Dummy("lambda")


def characteristic(matrix: ImmutableMatrix) -> Expr:
    """det(lambda I - M), expanded, in the dummy ``LAMBDA``."""
    return sympy.expand(matrix.charpoly(LAMBDA).as_expr(LAMBDA))


def true_eigenvalues(matrix: ImmutableMatrix) -> str:
    """The spectrum for a reason's text (roots of the characteristic polynomial), best effort."""
    found = sympy.roots(characteristic(matrix), LAMBDA)
    if sum(found.values()) != matrix.rows:
        return "not found in radicals"
    return ", ".join(f"{r} (x{m})" if m > 1 else f"{r}" for r, m in found.items())


def _trigonometric_zero(coefficient: Expr) -> bool:
    """cos^2 + sin^2 - 1 and its kin: zero by SymPy's trigonometric simplification (an identity)."""
    return coefficient.has(sympy.sin, sympy.cos) and sympy.trigsimp(sympy.expand(coefficient)) == 0


@dynamics_claim("eigenvalues")
def check_eigenvalues(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject a square Matrix; value a Tuple of the eigenvalues, repeated by multiplicity."""
    matrix, claimed = as_matrix(claim.subject), as_vector(claim.value)
    if len(claimed) != matrix.rows:
        return Verdict(Status.REFUTED, f"a {matrix.rows}x{matrix.rows} matrix has {matrix.rows} eigenvalues counted "
                       f"with multiplicity, {len(claimed)} claimed; they are {true_eigenvalues(matrix)}")
    actual = characteristic(matrix)
    product = sympy.expand(sympy.Mul(*[LAMBDA - v for v in claimed]))
    residual = sympy.Poly(actual - product, LAMBDA)
    polynomial = actual.xreplace({LAMBDA: sympy.Symbol("lambda")})
    if all(is_zero(c) or _trigonometric_zero(c) for c in residual.all_coeffs()):
        return proved(f"characteristic polynomial det(lambda I - M) = {polynomial} equals "
                      f"prod(lambda - v) over the claimed {tuple(claimed)}: same roots, same multiplicities",
                      (DYNAMICS,))
    return _wrong_spectrum(claim, matrix, claimed, residual, polynomial, config)


def _opaque_values(expr: Expr) -> dict:
    """``\\ell'(0)``, ``g(0)``: values of functions the matrix holds but no premise gives, each an arbitrary
    real number, as a fresh real name (the claim must hold whatever they are)."""
    from sympy.core.function import AppliedUndef

    found = {}
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Subs, sympy.Derivative, AppliedUndef)) and not node.free_symbols \
                and not any(node.has(seen) for seen in found):
            found[node] = Dummy(f"v{len(found)}", real=True)
    return found


def _wrong_spectrum(claim, matrix, claimed, residual, polynomial, config) -> Verdict:
    from ...printing.plain import plain_math

    coefficient = next(c for c in residual.all_coeffs() if not (is_zero(c) or _trigonometric_zero(c)))
    opaque = _opaque_values(coefficient)
    coefficient = coefficient.xreplace(opaque)
    region = region_of((coefficient,), claim.assumptions)
    point = {} if not coefficient.free_symbols else witness(coefficient, region, config_rng(config))
    reason = (f"the characteristic polynomial is {polynomial}, whose roots are {true_eigenvalues(matrix)}; "
              f"prod(lambda - v) over the claimed {tuple(claimed)} differs from it")
    if point is None or (not point and coefficient.is_zero is not False):
        return unknown(reason + ", but no point of the region shows the difference")
    names = {d: plain_math(value) for value, d in opaque.items()}
    shown = tuple((names.get(k, str(k)), str(v)) for k, v in sorted(point.items(), key=lambda kv: str(kv[0])))
    at = {**point}

    def there(expr):
        return expr.xreplace(opaque).xreplace(at)

    example = Counterexample(shown if opaque else show_point(point), true_eigenvalues(there(matrix)),
                             ", ".join(str(there(v)) for v in claimed))  # left: the matrix's; right: the claim
    return Verdict(Status.REFUTED, reason, residual=str(residual.as_expr()), counterexample=example)


@dynamics_claim("determinant")
def check_determinant(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject a square Matrix; value its determinant."""
    matrix = as_matrix(claim.subject)
    actual = sympy.expand(matrix.det())
    region = region_of((*matrix,), claim.assumptions)
    return compare([sympy.sympify(claim.value)], [actual], ["det"], region, config, "exact expansion")


def _real_entries(matrix: ImmutableMatrix) -> bool:
    return all(e.is_real for e in matrix)


@dynamics_claim("spectral_radius")
def check_spectral_radius(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject a square Matrix; value the claimed max |eigenvalue| on the region of the assumptions."""
    matrix, radius = as_matrix(claim.subject), sympy.sympify(claim.value)
    region = region_of((*matrix, radius), claim.assumptions)
    if matrix.shape == (2, 2) and _real_entries(matrix):
        verdict = _radius_2x2(matrix, radius, region, config)
        if verdict is not None:
            return verdict
    return _radius_sampled(matrix, radius, region, config)


def _radius_2x2(matrix, radius, region: Region, config: CheckConfig) -> Verdict | None:
    trace, det = sympy.expand(matrix.trace()), sympy.expand(matrix.det())
    discriminant = sympy.factor(sympy.expand(trace**2 - 4 * det))
    negative = decide(-discriminant, True, region)
    if negative.holds is not True:
        return None
    if not nonnegative(radius, region):
        return Verdict(Status.REFUTED, f"a spectral radius is >= 0, and {radius} is not shown nonnegative")
    why = (f"trace {trace}, determinant {det}: discriminant {discriminant} < 0 on {region.describe()} "
           f"({negative.reason}), so the eigenvalues are a complex-conjugate pair with |lambda|^2 = det")
    if is_zero(radius**2 - det):
        return proved(f"{why}; so the spectral radius is sqrt({det}) = {radius}", (DYNAMICS,))
    verdict = mismatch(radius**2 - det, region, config, "squared spectral radius", radius**2, det)
    return Verdict(verdict.status, f"{why}, not ({radius})**2: {verdict.reason}", verdict.residual,
                   verdict.counterexample)


def _radius_sampled(matrix, radius, region: Region, config: CheckConfig) -> Verdict:
    """Numeric: numpy eigenvalues at exact rational points of the region (never a proof)."""
    import numpy as np

    agreed = 0
    for point in region.points(config_rng(config), max(config.samples, 12)):
        values = np.array(matrix.xreplace(point).evalf().tolist(), dtype=complex)
        if not np.all(np.isfinite(values)) or undefined_in(radius.xreplace(point)):
            return unknown(f"the matrix or the claimed radius is undefined at the point {dict(show_point(point))}")
        true, claimed = float(np.max(np.abs(np.linalg.eigvals(values)))), complex(radius.xreplace(point).evalf())
        if abs(true - claimed) > 1e-9 * max(1.0, true):
            example = Counterexample(show_point(point), f"{true:.10g}", f"{claimed.real:.10g}")
            return Verdict(Status.REFUTED, "the spectral radius differs from the claim at a point of the region",
                           counterexample=example, samples=agreed + 1)
        agreed += 1
    if not agreed:
        return unknown(f"no exact argument, and no sample point in the region {region.describe()}")
    return Verdict(Status.CONSISTENT, f"no exact argument; numpy eigenvalues agree at {agreed} points", samples=agreed)


@dynamics_claim("saddle")
def check_saddle(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
    """subject Tuple(f, Tuple(vars), Tuple(point)): a critical point whose Hessian has eigenvalues of both signs."""
    f, variables, point = claim.subject
    region = region_of((f,), claim.assumptions)
    stationary = compare([sympy.S.Zero] * len(variables), gradient(f, variables, point),
                         [f"d f/d {v} at the point" for v in variables], region, config, "exact gradient")
    if stationary.status is not Status.PROVED:
        return Verdict(stationary.status, f"not a critical point: {stationary.reason}", stationary.residual,
                       stationary.counterexample)
    hessian = sympy.hessian(f, list(variables)).xreplace(dict(zip(variables, point)))
    if hessian.shape == (2, 2) and _real_entries(hessian):  # det < 0 means both signs only when real
        return _saddle_2x2(ImmutableMatrix(hessian), region)
    return _saddle_exact(ImmutableMatrix(hessian))


def _saddle_2x2(hessian: ImmutableMatrix, region: Region) -> Verdict:
    det = sympy.expand(hessian.det())
    below = decide(-det, True, region)
    if below.holds:
        return proved(f"the gradient vanishes; the Hessian {hessian.tolist()} has determinant {det} < 0 "
                      f"({below.reason}), the product of its eigenvalues: one is positive, one negative",
                      (DYNAMICS,))
    above = decide(det, True, region)
    if above.holds:
        return Verdict(Status.REFUTED, f"the Hessian {hessian.tolist()} has determinant {det} > 0: both "
                       "eigenvalues have the same sign, an extremum, not a saddle")
    return _saddle_exact(hessian)


def _saddle_exact(hessian: ImmutableMatrix) -> Verdict:
    if hessian.free_symbols:
        return unknown(f"the signs of the Hessian {hessian.tolist()}'s eigenvalues are not decided")
    values = sympy.roots(characteristic(hessian), LAMBDA)
    if sum(values.values()) != hessian.rows:
        return unknown("the Hessian's eigenvalues are not found in radicals")
    spectrum = ", ".join(map(str, values))
    if not all(v.is_extended_real for v in values):
        return unknown(f"the Hessian's eigenvalues {spectrum} are not all shown real: a sign does not apply")
    signs = {bool(v.is_positive) for v in values if v.is_nonzero} | {None for v in values if v.is_zero}
    if True in signs and False in signs:
        return proved(f"the gradient vanishes; the Hessian's eigenvalues {spectrum} have both signs", (DYNAMICS,))
    return Verdict(Status.REFUTED, f"the Hessian's eigenvalues {spectrum} do not have both signs: not a saddle")
