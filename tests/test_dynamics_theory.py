"""The dynamics theory's claim kinds, as specifications: what each proves, refutes, and why."""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import I, ImmutableMatrix, Rational, Symbol, Tuple, nan, oo, sqrt, zoo
from sympy.core.symbol import Str

from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_step
from verify.model import Claim, Context, Relation
from verify.theories.dynamics.maps import update_map
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=5, budget=None)
CONTEXT = Context(theories=("dynamics", "algebra"))
ETA = Symbol("eta", positive=True)
P, Q = sympy.symbols("p q", real=True)
X = Symbol("x", real=True)
A = ImmutableMatrix([[1, -ETA], [ETA, 1]])
SETTINGS = settings(max_examples=25, deadline=None)


def check(kind, subject, value=None, assumptions=()):
    return check_claim(Claim("test", kind, subject, value, None, tuple(assumptions)), CONTEXT, CONFIG)


small = st.integers(-4, 4).map(sympy.Integer)
matrices = st.lists(small, min_size=4, max_size=4).map(lambda v: ImmutableMatrix(2, 2, v))


# --- eigenvalues -------------------------------------------------------------------------------

def test_eigenvalues_are_proved_through_the_characteristic_polynomial():
    verdict = check("eigenvalues", A, Tuple(1 + I * ETA, 1 - I * ETA))
    assert verdict.status is Status.PROVED
    assert "characteristic polynomial" in verdict.reason


def test_real_eigenvalues_for_a_rotation_are_refuted_with_the_true_ones_shown():
    verdict = check("eigenvalues", A, Tuple(1 + ETA, 1 - ETA))
    assert verdict.status is Status.REFUTED
    assert "I*eta + 1" in verdict.reason and verdict.counterexample is not None


def test_a_wrong_multiplicity_is_refuted():
    verdict = check("eigenvalues", ImmutableMatrix([[2, 1], [0, 3]]), Tuple(2, 2))
    assert verdict.status is Status.REFUTED


def test_the_wrong_number_of_eigenvalues_is_refuted():
    assert check("eigenvalues", A, Tuple(1 + I * ETA)).status is Status.REFUTED


@SETTINGS
@given(matrices)
def test_the_roots_sympy_finds_are_always_proved(matrix):
    lam = Symbol("lam")
    roots = sympy.roots(matrix.charpoly(lam).as_expr(), lam)
    values = Tuple(*[r for r, m in roots.items() for _ in range(m)])
    assert check("eigenvalues", matrix, values).status is Status.PROVED


@SETTINGS
@given(matrices, st.integers(1, 3))
def test_shifted_roots_are_always_refuted(matrix, shift):
    lam = Symbol("lam")
    roots = sympy.roots(matrix.charpoly(lam).as_expr(), lam)
    values = [r for r, m in roots.items() for _ in range(m)]
    values[0] += shift
    assert check("eigenvalues", matrix, Tuple(*values)).status is Status.REFUTED


# --- Jacobians, gradients, update maps -------------------------------------------------------------

UPDATE = Tuple(P - ETA * Q, Q + ETA * P)


def test_the_jacobian_is_proved_by_differentiation():
    assert check("jacobian", Tuple(UPDATE, Tuple(P, Q)), A).status is Status.PROVED


def test_a_sign_error_in_the_jacobian_is_refuted_at_an_entry():
    verdict = check("jacobian", Tuple(UPDATE, Tuple(P, Q)), ImmutableMatrix([[1, ETA], [ETA, 1]]))
    assert verdict.status is Status.REFUTED
    assert "entry (1,2)" in verdict.reason


@pytest.mark.parametrize("rule, expected", [
    ("simultaneous", (P - ETA * Q, Q + ETA * P)),
    ("alternating", (P - ETA * Q, Q + ETA * (P - ETA * Q))),
    ("extragradient", ((1 - ETA**2) * P - ETA * Q, ETA * P + (1 - ETA**2) * Q)),
    ("flow", (-Q, P)),
])
def test_each_update_rule_of_the_bilinear_game(rule, expected):
    subject = Tuple(P * Q, Tuple(P, Q), Tuple(-1, 1), ETA, Str(rule))
    assert check("update_map", subject, Tuple(*expected)).status is Status.PROVED


def test_descending_on_the_maximiser_is_refuted():
    subject = Tuple(P * Q, Tuple(P, Q), Tuple(-1, 1), ETA, Str("simultaneous"))
    assert check("update_map", subject, Tuple(P - ETA * Q, Q - ETA * P)).status is Status.REFUTED


@SETTINGS
@given(st.integers(-3, 3), st.integers(-3, 3), st.integers(0, 3))
def test_gda_on_a_quadratic_matches_its_definition(a, b, c):
    f = a * P**2 + b * P * Q + c * Q**2
    expected = (P - ETA * sympy.diff(f, P), Q + ETA * sympy.diff(f, Q))
    assert [sympy.expand(e - x) for e, x in zip(update_map(f, (P, Q), (-1, 1), ETA, "simultaneous"), expected)] \
        == [0, 0]


# --- spectral radius and inequalities ----------------------------------------------------------------

def test_the_spectral_radius_of_simultaneous_gda():
    verdict = check("spectral_radius", A, sqrt(1 + ETA**2))
    assert verdict.status is Status.PROVED and "discriminant" in verdict.reason


def test_a_radius_below_one_is_refuted():
    assert check("spectral_radius", A, Rational(1, 2)).status is Status.REFUTED


def test_radius_one_of_alternating_gda_needs_eta_below_two():
    alternating = ImmutableMatrix([[1, -ETA], [ETA, 1 - ETA**2]])
    assert check("spectral_radius", alternating, 1, (ETA < 2,)).status is Status.PROVED
    assert check("spectral_radius", alternating, 1).status is Status.REFUTED


@pytest.mark.parametrize("relation, assumptions", [
    (sympy.Gt(sqrt(1 + ETA**2), 1, evaluate=False), ()),
    (sympy.Lt(sqrt(1 - ETA**2 + ETA**4), 1, evaluate=False), (ETA < 1,)),
    (sympy.Gt(4 - ETA**2, 0, evaluate=False), (ETA < 2,)),
    (sympy.Ge(X**2 - 2 * X + 1, 0, evaluate=False), ()),
    (sympy.Gt(X**3, 1, evaluate=False), (X > 1,)),
])
def test_true_inequalities_are_proved(relation, assumptions):
    assert check("inequality", relation, None, assumptions).status is Status.PROVED


@pytest.mark.parametrize("relation, assumptions", [
    (sympy.Lt(sqrt(1 + ETA**2), 1, evaluate=False), ()),
    (sympy.Lt(sqrt(1 - ETA**2 + ETA**4), 1, evaluate=False), (ETA < 2,)),
    (sympy.Gt(X**3, 1, evaluate=False), (X > 0,)),
])
def test_false_inequalities_are_refuted_at_a_point_of_the_region(relation, assumptions):
    verdict = check("inequality", relation, None, assumptions)
    assert verdict.status is Status.REFUTED
    point = {Symbol(k, **s.assumptions0): Rational(v) for (k, v), s in
             zip(verdict.counterexample.assignment, sorted(relation.free_symbols, key=str))}
    assert relation.xreplace(point) is sympy.false


@SETTINGS
@given(st.integers(1, 5), st.integers(1, 5))
def test_a_square_exceeds_a_product_bound_exactly_when_sturm_says(a, b):
    """x^2 - (a + b) x + a b = (x - a)(x - b) is positive beyond max(a, b) and not before."""
    relation = sympy.Gt(X**2 - (a + b) * X + a * b, 0, evaluate=False)
    beyond = check("inequality", relation, None, (X > max(a, b),))
    before = check("inequality", relation, None, (X > min(a, b) - Rational(1, 2),))
    assert beyond.status is Status.PROVED
    assert before.status is Status.REFUTED


# --- closed ends and poles: the region includes a closed end, and an undefined point is no proof ----------

def _bound(low, high, low_open, high_open):
    return ((X > low) if low_open else (X >= low), (X < high) if high_open else (X <= high))


def _in_region(value, low, high, low_open, high_open):
    return (value > low or (not low_open and value == low)) and (value < high or (not high_open and value == high))


def _holds_at(relation, value) -> bool:
    return relation.func(relation.lhs.xreplace({X: value}), relation.rhs) is sympy.true


roots = st.lists(st.integers(-1, 2).map(sympy.Integer), min_size=0, max_size=3)  # often at an end
ends = st.tuples(st.integers(-1, 0), st.integers(1, 2), st.booleans(), st.booleans())


@settings(max_examples=50, deadline=None)
@given(roots, st.sampled_from([1, -1]), ends, st.booleans())
def test_a_proved_inequality_holds_at_every_point_of_the_region_its_closed_ends_included(rs, lead, box, strict):
    """Polynomials with integer roots, often exactly at an end of the interval."""
    polynomial = lead * sympy.Mul(*[X - r for r in rs]) + (0 if rs else 1)
    relation = (sympy.Gt if strict else sympy.Ge)(polynomial, 0, evaluate=False)
    verdict = check("inequality", relation, None, _bound(*box))
    low, high = box[0], box[1]
    grid = [low + Rational(k, 8) * (high - low) for k in range(9)]
    if verdict.status is Status.PROVED:
        assert all(_holds_at(relation, v) for v in grid if _in_region(v, *box))


@SETTINGS
@given(roots, st.sampled_from([1, -1]), ends, st.booleans())
def test_a_refuted_inequality_names_a_point_of_the_region_where_it_fails(rs, lead, box, strict):
    polynomial = lead * sympy.Mul(*[X - r for r in rs]) + (0 if rs else 1)
    relation = (sympy.Gt if strict else sympy.Ge)(polynomial, 0, evaluate=False)
    verdict = check("inequality", relation, None, _bound(*box))
    if verdict.status is Status.REFUTED:
        value = Rational(dict(verdict.counterexample.assignment)["x"])
        assert _in_region(value, *box) and not _holds_at(relation, value)


@pytest.mark.parametrize("relation, assumptions, end", [
    (sympy.Gt(2 - ETA, 0, evaluate=False), (ETA <= 2,), "2"),
    (sympy.Gt(X, 0, evaluate=False), (X >= 0,), "0"),
    (sympy.Gt(X**2, 0, evaluate=False), (X >= 0,), "0"),
    (sympy.Gt((ETA - 1)**2, 0, evaluate=False), (ETA >= 1,), "1"),
    (sympy.Gt(X, 1, evaluate=False), (X >= 1, X <= 1), "1"),
    (sympy.Gt(sqrt(X), X, evaluate=False), (X >= 0, X <= 1), "0"),
    (sympy.Lt(sqrt(1 - ETA**2 + ETA**4), 1, evaluate=False), (ETA <= 1,), "1"),
])
def test_a_strict_inequality_is_refuted_at_a_closed_end_where_it_is_an_equality(relation, assumptions, end):
    verdict = check("inequality", relation, None, assumptions)
    assert verdict.status is Status.REFUTED
    assert dict(verdict.counterexample.assignment) == {str(next(iter(relation.free_symbols))): end}


def test_a_weak_inequality_holds_at_a_closed_end_where_it_is_an_equality():
    assert check("inequality", sympy.Ge(X * (X - 1), 0, evaluate=False), None, (X >= 1,)).status is Status.PROVED


@pytest.mark.parametrize("relation, assumptions", [
    (sympy.Ge(1 / X, 0, evaluate=False), (X >= 0,)),
    (sympy.Gt(1 / (2 - ETA), 0, evaluate=False), (ETA <= 2,)),
    (sympy.Gt((X**2 - X) / (X - 1), 0, evaluate=False), (X > 0, X < 2)),
])
def test_an_inequality_undefined_at_a_point_of_the_region_is_unknown(relation, assumptions):
    verdict = check("inequality", relation, None, assumptions)
    assert verdict.status is Status.UNKNOWN and "undefined" in verdict.reason


def test_an_inequality_on_an_empty_region_is_left_unknown():
    assert check("inequality", sympy.Gt(X, 5, evaluate=False), None, (X > 2, X < 1)).status is Status.UNKNOWN


def test_a_saddle_is_not_proved_when_the_hessian_degenerates_at_a_closed_end():
    """det of the Hessian of c p q is -c^2: negative for c > 0, but 0 at the end c = 0 (no saddle)."""
    c = Symbol("c", nonnegative=True)
    assert check("saddle", Tuple(c * P * Q, Tuple(P, Q), Tuple(0, 0))).status is not Status.PROVED


# --- iterates, closed forms, fixed points, saddles --------------------------------------------------

TABLE = Tuple(*(Tuple(a, b) for a, b in ((1, 1), (0, 2), (-2, 2), (-4, 0), (-4, -4), (0, -8), (8, -8))))


def test_the_table_of_iterates_is_proved_by_exact_arithmetic():
    assert check("iterates", Tuple(A, Tuple(1, 1), Tuple(Tuple(ETA, 1))), TABLE).status is Status.PROVED


def test_a_wrong_iterate_names_the_first_wrong_step_and_the_true_value():
    rows = list(TABLE)
    rows[3] = Tuple(-4, 1)
    verdict = check("iterates", Tuple(A, Tuple(1, 1), Tuple(Tuple(ETA, 1)), Tuple(P, Q)), Tuple(*rows))
    assert verdict.status is Status.REFUTED
    assert "t = 3" in verdict.reason and "q is 0" in verdict.reason


def test_a_closed_form_is_proved_by_induction():
    t = Symbol("t", integer=True, nonnegative=True)
    closed = (1 + I * ETA) ** t * ImmutableMatrix([1, -I]) / 2 + (1 - I * ETA) ** t * ImmutableMatrix([1, I]) / 2
    verdict = check("closed_form", Tuple(A, Tuple(1, 0), t), closed)
    assert verdict.status is Status.PROVED and "induction" in verdict.reason


def test_a_wrong_closed_form_is_refuted_at_a_step():
    t = Symbol("t", integer=True, nonnegative=True)
    verdict = check("closed_form", Tuple(A.xreplace({ETA: 1}), Tuple(1, 0), t), Tuple(2**t, 0))
    assert verdict.status is Status.REFUTED and verdict.counterexample.assignment == (("t", "1"),)


def test_the_origin_is_a_fixed_point_and_a_saddle():
    assert check("fixed_point", Tuple(A, Tuple(0, 0))).status is Status.PROVED
    assert check("saddle", Tuple(P * Q, Tuple(P, Q), Tuple(0, 0))).status is Status.PROVED


@pytest.mark.parametrize("f, point", [(P**2 + Q**2, (0, 0)), (P * Q, (1, 0))])
def test_a_minimum_or_a_non_critical_point_is_not_a_saddle(f, point):
    assert check("saddle", Tuple(f, Tuple(P, Q), Tuple(*point))).status is Status.REFUTED


nonzero = st.integers(-3, 3).filter(bool).map(sympy.Integer)
diagonal = st.lists(st.tuples(nonzero, st.booleans()), min_size=2, max_size=3)


@SETTINGS
@given(diagonal)
def test_a_saddle_is_proved_only_for_real_eigenvalues_of_both_signs(entries):
    """f = sum c_k v_k^2 / 2, with c_k imaginary when flagged: its Hessian is diag(c_k)."""
    values = [c * I if imaginary else c for c, imaginary in entries]
    variables = sympy.symbols(f"v0:{len(values)}", real=True)
    f = sum(c * v**2 / 2 for c, v in zip(values, variables))
    verdict = check("saddle", Tuple(f, Tuple(*variables), Tuple(*[0] * len(values))))
    real = all(not imaginary for _, imaginary in entries)
    both_signs = real and min(values) < 0 < max(values)
    assert (verdict.status is Status.PROVED) == both_signs


@pytest.mark.parametrize("f", [P**2 + I * Q**2, I * P**2 + I * Q**2])
def test_a_complex_hessian_is_not_called_a_saddle(f):
    """Eigenvalues 2 and 2i have no 'both signs'; 2i and 2i have determinant -4 < 0 all the same."""
    verdict = check("saddle", Tuple(f, Tuple(P, Q), Tuple(0, 0)))
    assert verdict.status is Status.UNKNOWN and "real" in verdict.reason


# --- undefined values: zoo, nan and infinities prove nothing --------------------------------------------

def _undefined_claims(bad):
    """One claim of each kind, ``bad`` placed so that SymPy would see it on both sides."""
    matrix = ImmutableMatrix([[bad, 0], [0, 1]])
    return [
        ("gradient", Tuple(bad * P * Q, Tuple(P, Q)), Tuple(bad * Q, bad * P)),
        ("hessian", Tuple(bad * P * Q, Tuple(P, Q)), ImmutableMatrix([[0, bad], [bad, 0]])),
        ("update_map", Tuple(P * Q, Tuple(P, Q), Tuple(-1, 1), bad, Str("simultaneous")),
         Tuple(P - bad * Q, Q + bad * P)),
        ("jacobian", Tuple(Tuple(bad * P, Q), Tuple(P, Q)), matrix),
        ("fixed_point", Tuple(ImmutableMatrix.eye(2), Tuple(bad, 0)), None),
        ("iterates", Tuple(matrix, Tuple(1, 1), Tuple()), Tuple(Tuple(1, 1), Tuple(bad, 1))),
        ("eigenvalues", matrix, Tuple(bad, 1)),
        ("determinant", matrix, bad),
        ("spectral_radius", matrix, bad),
        ("saddle", Tuple(P**2 - bad * Q**2, Tuple(P, Q), Tuple(0, 0)), None),
        ("closed_form", Tuple(matrix, Tuple(1, 0), Symbol("t", integer=True, nonnegative=True)), Tuple(bad, 0)),
        ("inequality", sympy.Gt(P**2 + bad, 0, evaluate=False), None),
    ]


@pytest.mark.parametrize("kind, subject, value", [c for bad in (zoo, nan, oo) for c in _undefined_claims(bad)])
def test_a_claim_with_an_undefined_value_is_unknown(kind, subject, value):
    verdict = check(kind, subject, value)
    assert verdict.status is Status.UNKNOWN and "zoo, nan" in verdict.reason


def test_a_spectral_radius_undefined_at_a_sampled_point_is_unknown():
    """The only point of the region, c = 1, is a pole of every entry: nothing to compare there."""
    c = Symbol("c", real=True)
    matrix = ImmutableMatrix([[1 / (c - 1), 0], [0, 1 / (c - 1)]])
    verdict = check("spectral_radius", matrix, sympy.Abs(1 / (c - 1)), (c >= 1, c <= 1))
    assert verdict.status is Status.UNKNOWN and "undefined" in verdict.reason


def test_a_pole_is_never_a_counterexample():
    c = Symbol("c", real=True)
    verdict = check("determinant", ImmutableMatrix([[1 / (c - 1), 0], [0, 1]]), 2 / (c - 1), (c >= 1, c <= 1))
    assert verdict.status is Status.UNKNOWN


# --- chain steps in continuous time --------------------------------------------------------------------

def _flow_context():
    tau = Symbol("tau", real=True)
    p, q = sympy.Function("p")(tau), sympy.Function("q")(tau)
    from verify.model import Fact
    facts = (Fact("p", sympy.Derivative(p, tau), -q), Fact("q", sympy.Derivative(q, tau), p))
    return Context(symbols=(tau,), facts=facts, theories=("dynamics", "algebra")), p, q, tau


def test_a_time_derivative_is_carried_out_and_the_field_substituted():
    context, p, q, tau = _flow_context()
    verdict = check_step(sympy.Derivative(p**2 + q**2, tau), Relation.EQ, sympy.S.Zero, context, CONFIG)
    assert verdict.status is Status.PROVED


def test_a_wrong_time_derivative_is_refuted_by_the_numeric_tier():
    context, p, q, tau = _flow_context()
    verdict = check_step(sympy.Derivative(p**2 - q**2, tau), Relation.EQ, sympy.S.Zero, context, CONFIG)
    assert verdict.status is Status.REFUTED
