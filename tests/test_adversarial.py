"""Soundness on the adversarial cases of issue 9 (tests/adversarial/): no wrong step passes.

Each case is a short derivation written to break the verifier, its steps labelled correct or
wrong by hand and checked with SymPy/numpy (tests/adversarial/tools/build.py). The cases
whose wrong step verify proves today are marked ``xfail(strict=True)``: the suite stays green,
and it turns red the moment a fix lands without the mark being removed.
"""
import pytest

from tests.adversarial.manifest import check_in_process, load_cases, steps_where

CASES = load_cases()

# Wrong steps that verify proves today (issue 9): case id -> failure class.
WRONG_STEP_PROVED_TODAY = {
    "eigendecomposition_drops_basis": "kind",
    "eigendecomposition_inverse_wrong_order": "kind",
    "undeclared_weights_inverse_order": "kind",
    "game_sqrt_square": "sign",
    "game_log_of_product": "sign",
    "game_log_product_split": "sign",
    "sigma_real_number": "sign",
    "eta_any_real": "sign",
    "game_product_of_roots": "sign",
    "game_cube_sign": "sign",
    "logit_sqrt_product": "sign",
    "flow_energy_derivative_dropped": "dependence",
    "theta_sine_constant": "dependence",
    "moving_x_product_dropped": "dependence",
    "decaying_step_size": "dependence",
    "small_eta_leading_power": "limit direction",
    "small_eta_linear_not_quadratic": "limit direction",
    "small_epsilon_higher_power": "limit direction",
    "small_eta_same_class": "limit direction",
    "small_eta_square_root": "limit direction",
}

# Wrong claims that verify never checks today: it reads them as definitions of a fresh name.
WRONG_STEP_UNCHECKED_TODAY = {
    "diagonal_definition_offdiagonal": "definitions",
    "spectral_radius_value_wrong": "definitions",
}

# Correct steps that verify refutes today, as (case id, step as written): a ratchet, never to grow.
CORRECT_STEP_REFUTED_TODAY = {
    ("identity_commutes", "= I + 2 A + A^2"), ("identity_commutes", "= I - A^2"),
    ("identity_inverse_expansion", "= I"), ("inverse_of_sum_is_not_sum_of_inverses", "= I"),
    ("flow_energy_conserved", r"= 2 p \dot{p} + 2 q \dot{q}"), ("flow_energy_conserved", "= -2 p q + 2 q p"),
    ("flow_difference_of_squares", r"= 2 p \dot{p} - 2 q \dot{q}"), ("flow_difference_of_squares", "= -4 p q"),
    ("flow_product_rule", r"= \dot{p} q + p \dot{q}"), ("flow_product_rule", "= p^2 - q^2"),
    ("moving_x_product", r"= x + t \dot{x}"), ("loss_along_flow_constant", r"= 2 w \dot{w}"),
    ("flow_energy_fixed_constant", r"= c (2 p \dot{p} + 2 q \dot{q})"),
    ("small_eta_leading_power_correct", r"= O(\eta^2)"), ("small_eta_linear_not_quadratic", r"= O(\eta)"),
    ("small_eta_reciprocal", r"= O\left(\frac{1}{\eta}\right)"), ("small_eta_theta", r"= \Theta(\eta^2)"),
    ("fixed_d_drops", "= O(n^2)"), ("fixed_d_drops_both_terms", "= O(n^2)"), ("fixed_d_cubic", "= O(n)"),
    ("attention_projection_used", "= X W^Q"), ("attention_projection_used", "= X W^K"),
    ("attention_projection_used", "= X W^Q (W^K)^T X^T"),
    ("attention_projection_transposed_wrongly", "= X W^Q"), ("attention_projection_transposed_wrongly", "= X W^K"),
    ("real_cube_root_of_negative", "= -2"), ("real_cube_root_of_negative", "= 0"),
    ("real_cube_root_of_cube", "= -2 x"), ("cosine_at_integers", "= (-1)^n"),
    ("eigenvalue_modulus_unsquared", r"= 1 + \eta^2"),
}


@pytest.fixture(scope="module")
def outcomes():
    return {o.case.id: o for o in check_in_process(CASES)}


def _known(case, table):
    if case.id in table:
        return pytest.param(case, id=case.id, marks=pytest.mark.xfail(strict=True, reason=f"issue 9: {table[case.id]}"))
    return pytest.param(case, id=case.id)


WITH_WRONG_STEP = [c for c in CASES if c.has_wrong_step]


def test_the_suite_is_large_and_mostly_wrong_steps():
    assert len(CASES) >= 150 and len(WITH_WRONG_STEP) >= 0.6 * len(CASES)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_every_step_verify_reports_is_labelled(case, outcomes):
    assert outcomes[case.id].unlabelled == (), "verify reports a step cases.toml does not label: relabel the case"


@pytest.mark.parametrize("case", [_known(c, WRONG_STEP_PROVED_TODAY) for c in WITH_WRONG_STEP])
def test_no_wrong_step_is_proved(case, outcomes):
    proved = [s.at for s in outcomes[case.id].steps if s.label == "wrong" and s.verdict == "proved"]
    assert not proved, f"wrong step proved: {proved} ({case.note})"


@pytest.mark.parametrize("case", [_known(c, WRONG_STEP_UNCHECKED_TODAY) for c in WITH_WRONG_STEP])
def test_no_wrong_step_goes_unchecked(case, outcomes):
    unchecked = [s.at for s in outcomes[case.id].steps if s.label == "wrong" and s.verdict == "unchecked"]
    assert not unchecked, f"wrong claim never checked: {unchecked} ({case.note})"


def test_no_correct_step_is_refuted_that_was_not_refuted_before(outcomes):
    refuted = {(s.case, s.at) for s in steps_where(list(outcomes.values()), "correct", ("refuted",))}
    new = sorted(refuted - CORRECT_STEP_REFUTED_TODAY)
    assert not new, f"newly refuted correct steps: {new}"


@pytest.mark.xfail(strict=True, reason="issue 9: about one correct step in five is refuted today")
def test_at_most_one_percent_of_correct_steps_are_refuted(outcomes):
    values = list(outcomes.values())
    correct = [s for o in values for s in o.steps if s.label == "correct"]
    assert len(steps_where(values, "correct", ("refuted",))) <= 0.01 * len(correct)
