"""The bilinear-game derivation: every check holds, the twins agree, and broken claims are refuted."""
from __future__ import annotations

import dataclasses
from functools import lru_cache

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Rational, Tuple

from derivations import bilinear_game as game_module
from derivations import gda_twin
from verify.config import CheckConfig
from verify.engine.checker import check_claim, check_derivation
from verify.verdict import Status

CONFIG = CheckConfig(seed=0, samples=5, budget=None)
SETTINGS = settings(max_examples=30, deadline=None)
G = game_module.game()

etas = st.fractions(min_value=Rational(1, 20), max_value=Rational(19, 10), max_denominator=20).map(Rational)
starts = st.tuples(st.integers(-5, 5), st.integers(-5, 5)).filter(lambda z: z != (0, 0))
step_counts = st.integers(1, 12)


@lru_cache(maxsize=1)
def derivation():
    return game_module.derivation()


@lru_cache(maxsize=1)
def report():
    return check_derivation(derivation(), CONFIG)


def claim_named(start: str):
    return next(c for c in derivation().claims if c.statement.startswith(start))


# --- the reference derivation --------------------------------------------------------------------------

def test_every_step_and_claim_is_proved():
    not_proved = [(r.latex, r.verdict.reason) for r in report().results if r.verdict.status is not Status.PROVED]
    assert not not_proved


def test_every_twin_is_consistent_and_never_proved():
    assert [r.verdict.status for r in report().twin] == [Status.CONSISTENT] * len(derivation().twins)
    assert all(r.verdict.samples > 0 for r in report().twin)


def test_the_derivation_states_its_conventions():
    assert any("eta > 0" in c for c in derivation().conventions)


# --- mutated claims are refuted with the reason ------------------------------------------------------------

def mutate(start: str, **changes):
    return check_claim(dataclasses.replace(claim_named(start), **changes), derivation().context, CONFIG)


def test_a_wrong_sign_in_the_jacobian_is_refuted():
    verdict = mutate("its Jacobian is [[1, -eta], [eta, 1]]", value=ImmutableMatrix([[1, G.eta], [G.eta, 1]]))
    assert verdict.status is Status.REFUTED and "entry (1,2)" in verdict.reason


def test_real_eigenvalues_one_plus_minus_eta_are_refuted_with_the_true_spectrum():
    verdict = mutate("its eigenvalues are 1 +- i eta", value=Tuple(1 + G.eta, 1 - G.eta))
    assert verdict.status is Status.REFUTED
    assert "I*eta + 1" in verdict.reason


def test_a_wrong_iterate_is_refuted_at_its_step():
    rows = [list(r) for r in game_module.STUDENT_TABLE]
    rows[5][1] = -4
    verdict = mutate("from (1, 1) with eta = 1", value=table(rows))
    assert verdict.status is Status.REFUTED
    assert "t = 5" in verdict.reason and "q is -8" in verdict.reason


def test_a_spectral_radius_below_one_is_refuted():
    verdict = mutate("its spectral radius is sqrt(1 + eta^2)", value=1 / sympy.sqrt(1 + G.eta**2))
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None


def test_claiming_radius_below_one_as_an_inequality_is_refuted():
    verdict = mutate("sqrt(1 + eta^2) > 1", subject=sympy.Lt(sympy.sqrt(1 + G.eta**2), 1, evaluate=False))
    assert verdict.status is Status.REFUTED


def test_extragradient_does_not_contract_for_every_eta_below_two():
    verdict = mutate("sqrt(1 - eta^2 + eta^4) < 1", assumptions=(G.eta < 2,))
    assert verdict.status is Status.REFUTED


# --- symbolic results against the simulators ------------------------------------------------------------

def table(rows) -> Tuple:
    return Tuple(*(Tuple(*row) for row in rows))


def exact_iterates(matrix: ImmutableMatrix, start, steps: int) -> list[list[Rational]]:
    z, rows = ImmutableMatrix(start), []
    for _ in range(steps + 1):
        rows.append(list(z))
        z = matrix * z
    return rows


@SETTINGS
@given(st.sampled_from(sorted(game_module.MATRICES)), etas, starts, step_counts)
def test_each_simulator_iterates_its_symbolic_update_matrix(name, eta, start, steps):
    matrix = game_module.MATRICES[name](G).xreplace({G.eta: eta})
    exact = np.array(exact_iterates(matrix, start, steps), dtype=float)
    simulated = gda_twin.SIMULATORS[name](*map(float, start), float(eta), steps)
    assert gda_twin.close(simulated, exact)


@SETTINGS
@given(etas, starts, step_counts)
def test_the_exact_table_of_the_simulation_is_proved_and_a_changed_entry_refuted(eta, start, steps):
    matrix = game_module.simultaneous_matrix(G)
    rows = exact_iterates(matrix.xreplace({G.eta: eta}), start, steps)
    subject = Tuple(matrix, Tuple(*start), Tuple(Tuple(G.eta, eta)))
    claim = dataclasses.replace(claim_named("from (1, 1)"), subject=subject, value=table(rows))
    assert check_claim(claim, derivation().context, CONFIG).status is Status.PROVED
    rows[steps][0] += 1
    wrong = check_claim(dataclasses.replace(claim, value=table(rows)), derivation().context, CONFIG)
    assert wrong.status is Status.REFUTED and f"t = {steps}" in wrong.reason


@SETTINGS
@given(etas, starts, step_counts)
def test_simultaneous_gda_grows_by_the_symbolic_radius_every_step(eta, start, steps):
    radius = float(game_module.radii(G)["simultaneous"].xreplace({G.eta: eta}))
    norms = np.linalg.norm(gda_twin.simultaneous_gda(*map(float, start), float(eta), steps), axis=1)
    assert np.allclose(norms[1:] / norms[:-1], radius, rtol=1e-10)
    assert radius > 1


@SETTINGS
@given(st.sampled_from(sorted(game_module.MATRICES)), etas)
def test_numpy_eigenvalues_match_the_symbolic_ones(name, eta):
    matrix = np.array(game_module.MATRICES[name](G).xreplace({G.eta: eta}).tolist(), dtype=float)
    symbolic = [complex(v.xreplace({G.eta: eta}).evalf()) for v in game_module.spectra(G)[name]]
    assert np.allclose(np.sort_complex(np.linalg.eigvals(matrix)), np.sort_complex(np.array(symbolic)))


@SETTINGS
@given(etas.filter(lambda e: e < 1), starts, step_counts)
def test_extragradient_contracts_below_eta_one(eta, start, steps):
    norms = np.linalg.norm(gda_twin.extragradient(*map(float, start), float(eta), steps), axis=1)
    assert np.all(np.diff(norms) < 0)


@SETTINGS
@given(etas, starts, st.integers(1, 60))
def test_alternating_gda_stays_in_the_ellipse_of_its_invariant(eta, start, steps):
    """E = p^2 + q^2 - eta p q >= (1 - eta/2) ||z||^2, and E is conserved, so ||z||^2 <= E_0 / (1 - eta/2)."""
    z = gda_twin.alternating_gda(*map(float, start), float(eta), steps)
    energy0 = start[0] ** 2 + start[1] ** 2 - float(eta) * start[0] * start[1]
    assert np.all(np.sum(z**2, axis=1) <= energy0 / (1 - float(eta) / 2) * (1 + 1e-9))


def test_the_student_table_is_what_the_simulator_produces():
    simulated = gda_twin.simultaneous_gda(1.0, 1.0, 1.0, 6)
    assert np.array_equal(simulated, np.array(game_module.STUDENT_TABLE, dtype=float))


def test_the_closed_form_matches_the_table():
    closed = game_module.closed_iterates(G)
    rows = [[sympy.nsimplify(e.xreplace({G.t: k})) for e in closed] for k in range(7)]
    assert rows == [list(r) for r in game_module.STUDENT_TABLE]


# --- the twins can fail ---------------------------------------------------------------------------------------

def test_a_twin_refutes_a_wrong_update_matrix():
    wrong = gda_twin.matrix_power_check(gda_twin.simultaneous_gda, lambda eta: np.array([[1, eta], [-eta, 1]]))
    verdict = gda_twin.sampled(wrong, CONFIG, "wrong matrix")
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None


def test_a_twin_refutes_a_wrong_growth_factor():
    wrong = gda_twin.ratio_check(gda_twin.simultaneous_gda, lambda eta: 1 + eta**2)
    assert gda_twin.sampled(wrong, CONFIG, "wrong factor").status is Status.REFUTED


@pytest.mark.parametrize("name", sorted(gda_twin.SIMULATORS))
def test_simulators_return_the_documented_shape(name):
    assert gda_twin.SIMULATORS[name](0.5, -1.0, 0.3, 7).shape == (8, 2)

