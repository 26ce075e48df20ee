"""Random-variable premises as people write them: in words, in lists, by components.

Each premise form is read into declarations the moments theory uses; each test of a
correct step has mutation twins (factor, exponent, sign, off-by-one, dropped premise)
that must never be proved."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.model import Family
from verify.parsing.document import read_document
from verify.parsing.randomness import sentences
from verify.verdict import Status
from verify.vocabulary.random import Expect

CONFIG = CheckConfig(seed=3, samples=6, budget=None)
PROVED, REFUTED, UNKNOWN = Status.PROVED, Status.REFUTED, Status.UNKNOWN


def statuses(text: str) -> list[Status]:
    return check_statuses(text, CONFIG)


def premises(*lines: str) -> str:
    return "Assume:\n\n" + "\n".join(f"- {line}" for line in lines) + "\n\nThen:\n\n"


def declared(text: str) -> dict:
    return {v.key: v for v in read_document(text).context.random_variables}


# --- scalars declared in words ------------------------------------------------------------

TWO_VARIABLES = premises("$X$ and $Y$ are random variables.")
SUM_OF_SQUARES = r"$$\mathbb{E}[(X+Y)^2] = \mathbb{E}[X^2] + 2\mathbb{E}[XY] + \mathbb{E}[Y^2]$$"
FACTORED = r"$$\mathbb{E}[(X+Y)^2] = \mathbb{E}[X^2] + 2\mathbb{E}[X]\mathbb{E}[Y] + \mathbb{E}[Y^2]$$"


def test_a_sentence_calling_names_random_variables_declares_them_with_no_law():
    found = declared(TWO_VARIABLES + SUM_OF_SQUARES)
    assert set(found) == {"X", "Y"} and found["X"].law.family is Family.UNSPECIFIED


def test_declared_in_words_an_expectation_expands_by_linearity():
    assert statuses(TWO_VARIABLES + SUM_OF_SQUARES) == [PROVED]


def test_declared_in_words_without_independence_the_product_does_not_factor():
    assert statuses(TWO_VARIABLES + FACTORED) == [REFUTED]


def test_a_sentence_calling_them_independent_lets_the_product_factor():
    text = premises("$X$ and $Y$ are independent random variables.") + FACTORED
    assert statuses(text) == [PROVED]


def test_a_sentence_denying_independence_declares_none():
    text = premises("$X$ and $Y$ are random variables, not independent.") + FACTORED
    assert read_document(text).context.independence == () and statuses(text) == [REFUTED]


def test_a_variance_of_a_sum_is_additive_only_with_stated_independence():
    claim = r"$$\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)$$"
    assert statuses(premises("$X$ and $Y$ are independent random variables.") + claim) == [PROVED]
    assert statuses(TWO_VARIABLES + claim) == [REFUTED]


# --- names said to be constants ---------------------------------------------------------

CONSTANT = premises("$a$ is a constant value.")


def test_a_stated_constant_comes_out_of_the_expectation_of_the_other_names():
    text = CONSTANT + r"$$\mathbb{E}[(aX)^2] - \mathbb{E}[aX]^2 = a^2\mathbb{E}[X^2] - a^2\mathbb{E}[X]^2$$"
    assert statuses(text) == [PROVED] and set(declared(text)) == {"X"}


def test_a_wrong_power_of_the_stated_constant_is_refuted():
    text = CONSTANT + r"$$\mathbb{E}[(aX)^2] = a\mathbb{E}[X^2]$$"
    assert statuses(text) == [REFUTED]


def test_the_variance_of_a_scaled_variable_scales_by_the_square_only():
    right = CONSTANT + r"$$\mathrm{Var}(aX) = a^2 \mathrm{Var}(X)$$"
    wrong = CONSTANT + r"$$\mathrm{Var}(aX) = a \mathrm{Var}(X)$$"
    assert statuses(right) == [PROVED] and statuses(wrong) == [REFUTED]


@settings(max_examples=15, deadline=None)
@given(st.integers(-4, 4).filter(bool), st.integers(-4, 4).filter(bool))
def test_a_wrong_factor_out_of_an_expectation_is_never_proved(written, right):
    text = CONSTANT + rf"$$\mathbb{{E}}[{right} a X] = {written} a \mathbb{{E}}[X]$$"
    assert (statuses(text) == [PROVED]) == (written == right)


# --- families declared by their components -----------------------------------------------

LIST = premises(r"$q_i, k_i \sim \mathcal{N}(0, 1)$, independent.")


def test_a_list_of_components_declares_each_family_with_the_law():
    found = declared(LIST + r"$$\mathrm{Var}(q_i k_i) = 1$$")
    assert set(found) == {"q", "k"} and all(v.is_family and v.law.family is Family.NORMAL for v in found.values())


def test_n_of_two_arguments_after_sim_is_the_normal():
    found = declared(premises(r"$q_i \sim N(0, 1)$.") + r"$$\mathbb{E}[q_i^2] = 1$$")
    assert found["q"].law.family is Family.NORMAL


def test_the_variance_of_a_product_of_independent_standard_components():
    assert statuses(LIST + r"$$\mathrm{Var}(q_i k_i) = \mathrm{Var}(q_i)\mathrm{Var}(k_i) = 1$$") == [PROVED, PROVED]


def test_the_variance_of_a_product_is_not_the_sum_of_variances():
    assert statuses(LIST + r"$$\mathrm{Var}(q_i k_i) = \mathrm{Var}(q_i) + \mathrm{Var}(k_i)$$") == [REFUTED]


def test_without_independence_the_variance_of_a_product_is_not_proved():
    text = premises(r"$q_i, k_i \sim \mathcal{N}(0, 1)$.") + r"$$\mathrm{Var}(q_i k_i) = 1$$"
    assert statuses(text) != [PROVED]


MEAN = r"$$\mathbb{E}\left[\sum_{i=1}^{d_k} q_i k_i\right] = \sum_{i=1}^{d_k} \mathbb{E}[q_i k_i] = 0$$"


def test_linearity_of_expectation_over_a_symbolic_sum():
    assert statuses(LIST + MEAN) == [PROVED, PROVED]


def test_a_wrong_term_under_the_sum_or_a_wrong_mean_is_refuted():
    assert statuses(LIST + MEAN.replace(r"\mathbb{E}[q_i k_i]", r"\mathbb{E}[q_i^2]"))[0] is REFUTED
    assert statuses(LIST + MEAN.replace("= 0$$", "= d_k$$"))[1] is REFUTED


# --- families declared in words ----------------------------------------------------------

VASWANI = premises("Assume that the components of $q$ and $k$ are independent random variables "
                   "with mean $0$ and variance $1$.", r"$q \cdot k = \sum_{i=1}^{d_k} q_ik_i$")
DOT_VARIANCE = r"$$\mathrm{Var}(q \cdot k) = \mathrm{Var}\left(\sum_{i=1}^{d_k} q_ik_i\right) = d_k$$"


def test_components_in_words_declare_iid_families_with_the_stated_moments_and_length():
    found = declared(VASWANI + DOT_VARIANCE)
    q = found["q"]
    assert q.iid and q.is_family and str(q.length) == "d_k" and (q.law.mean, q.law.variance) == (0, 1)


def test_the_variance_of_the_dot_product_is_the_dimension():
    assert statuses(VASWANI + DOT_VARIANCE) == [PROVED, PROVED]


def test_the_dimension_squared_or_an_off_by_one_sum_is_refuted():
    assert statuses(VASWANI + DOT_VARIANCE.replace("= d_k$$", "= d_k^2$$"))[1] is REFUTED
    assert statuses(VASWANI + DOT_VARIANCE.replace(r"^{d_k} q_ik_i\right)", r"^{d_k - 1} q_ik_i\right)"))[0] is REFUTED


def test_without_independence_the_variance_of_the_dot_product_is_not_proved():
    text = VASWANI.replace("are independent random variables", "are random variables")
    assert PROVED not in statuses(text + r"$$\mathrm{Var}(q \cdot k) = d_k$$")


def test_iid_in_words_makes_a_family_iid():
    text = premises(r"$u_i \sim \mathcal{N}(0, \sigma^2)$, i.i.d.") + r"$$\mathrm{Var}(u_1 + u_2) = 2\sigma^2$$"
    assert declared(text)["u"].iid


def test_standard_normal_in_words_fixes_the_law():
    text = premises("The components of $u$ are independent standard normal random variables.")
    found = declared(text + r"$$\mathbb{E}[u_1^4] = 3$$")
    assert found["u"].law.family is Family.NORMAL and statuses(text + r"$$\mathbb{E}[u_1^4] = 3$$") == [PROVED]


# --- what is neither random nor constant ---------------------------------------------------

def test_a_name_given_a_random_value_by_a_premise_is_never_a_constant():
    text = premises(r"$q_i, k_i \sim \mathcal{N}(0, \sigma^2)$, independent and identically distributed.",
                    r"$s = q \cdot k = \sum_{i=1}^d q_i k_i$") + r"$$\mathrm{Var}(s) = d \sigma^4$$"
    assert statuses(text) != [REFUTED]


def test_a_moment_against_a_random_value_is_not_refuted_by_numbers():
    assert statuses(premises("$X$ is a random variable.") + r"$$2\mathbb{E}[X] = 2X$$") == [UNKNOWN]


def test_an_operator_name_read_as_a_factor_of_random_values_is_not_refuted_by_numbers():
    text = LIST + r"$$\sum_{i=1}^{n} V q_i k_i = n$$"
    report = check_derivation(read_document(text).derivation(), CONFIG)
    (result,) = report.results
    assert result.verdict.status is UNKNOWN and "operator not read as one" in result.verdict.reason


# --- sentences ---------------------------------------------------------------------------------

def test_sentences_do_not_end_at_abbreviations_or_inside_mathematics():
    text = "Each element follows a normal law, i.e., $q_i \\sim N(0, 1.5)$. The $u_i$ are i.i.d. and fixed."
    assert sentences(text) == ["Each element follows a normal law, i.e., $q_i \\sim N(0, 1.5)$",
                               "The $u_i$ are i.i.d. and fixed"]


def test_list_items_are_sentences_of_their_own():
    assert sentences("- $X$ is random\n- $a$ is a constant") == ["$X$ is random", "$a$ is a constant"]


# --- premises that give values ---------------------------------------------------------------

AEGEAN = premises(r"$q, k \in \mathbb{R}^d$ with components independent and identically distributed: "
                  r"$q_i, k_i \sim \mathcal{N}(0, \sigma^2)$.", r"$s = q \cdot k = \sum_{i=1}^d q_i k_i$")


def test_a_premise_defining_a_name_as_a_dot_product_gives_its_variance():
    assert statuses(AEGEAN + r"$$\mathrm{Var}(s) = d \sigma^4$$") == [PROVED]


def test_a_wrong_power_of_the_dimension_or_the_scale_is_refuted():
    assert statuses(AEGEAN + r"$$\mathrm{Var}(s) = d \sigma^2$$") == [REFUTED]
    assert statuses(AEGEAN + r"$$\mathrm{Var}(s) = d^2 \sigma^4$$") == [REFUTED]


def test_the_length_of_a_declared_vector_is_a_positive_integer():
    length = declared(AEGEAN + r"$$\mathrm{Var}(s) = d \sigma^4$$")["q"].length
    assert str(length) == "d" and length.is_integer and length.is_positive


SCALED = premises(r"$q_i, k_i \sim \mathcal{N}(0, \sigma^2)$, independent and identically distributed.",
                  r"$\mathrm{Var}(q \cdot k) = d \sigma^4$", r"$\tilde{s} = \frac{q \cdot k}{\sqrt{d}}$")


def test_a_stated_moment_is_used_where_the_rules_reach_it():
    assert statuses(SCALED + r"$$\mathrm{Var}(\tilde{s}) = \sigma^4$$") == [PROVED]


def test_a_stated_moment_proves_no_wrong_scaling():
    for wrong in (r"\sigma^4 / d", r"\sigma^2", r"d \sigma^4"):
        assert PROVED not in statuses(SCALED + rf"$$\mathrm{{Var}}(\tilde{{s}}) = {wrong}$$")


def test_a_moment_claimed_after_then_is_no_premise():
    text = SCALED.replace(r"- $\mathrm{Var}(q \cdot k) = d \sigma^4$", "") + \
        r"Then we find $\mathrm{Var}(q \cdot k) = d \sigma^4$ and so" + "\n\n" + r"$$\mathrm{Var}(\tilde{s}) = \sigma^4$$"
    assert PROVED not in statuses(text)


def test_zero_mean_and_unit_variance_in_words_state_the_first_two_moments():
    text = premises("$X$ is a random variable with zero mean and unit variance.")
    law = declared(text + r"$$\mathbb{E}[X^2] = 1$$")["X"].law
    assert (law.family, law.mean, law.variance) == (Family.UNSPECIFIED, 0, 1)
    assert statuses(text + r"$$\mathbb{E}[(2X + 1)^2] = 5$$") == [PROVED]
    assert statuses(text + r"$$\mathbb{E}[(2X + 1)^2] = 3$$") == [REFUTED]


def test_sampled_from_a_standard_gaussian_declares_a_standard_normal():
    text = premises(r"$\epsilon$ is sampled from a standard Gaussian distribution.")
    assert declared(text + r"$$\mathbb{E}[\mu + \sigma \epsilon] = \mu$$")["epsilon"].law.family is Family.NORMAL
    assert statuses(text + r"$$\mathbb{E}[\mu + \sigma \epsilon] = \mu$$") == [PROVED]
    assert statuses(text + r"$$\mathbb{E}[\mu + \sigma \epsilon] = \mu + \sigma$$") == [REFUTED]


def test_a_numeric_subscript_declares_one_variable_not_a_family():
    found = declared(premises(r"$x_0 \sim \mathcal{N}(0, 1)$.") + r"$$\mathbb{E}[x_0^2] = 1$$")
    assert set(found) == {"x_0"} and not found["x_0"].is_family


def test_a_law_that_changes_with_the_index_declares_no_family():
    text = premises(r"$x_t \sim \mathcal{N}(a_t, 1)$.") + r"$$\mathbb{E}[x_t] = a_t$$"
    assert "x" not in declared(text)


def test_a_mean_written_as_an_expectation_states_no_value():
    text = premises(r"$X$ is a random variable with mean $\mathbb{E}[X]$.") + r"$$\mathbb{E}[X] = 0$$"
    assert declared(text)["X"].law.mean is None


def test_a_variance_rule_stated_for_placeholders_is_no_premise_about_the_variables():
    text = LIST.replace("independent.", "independent.\n- For independent $X$ and $Y$: "
                        r"$\mathrm{Var}(XY) = \mathrm{Var}(X)\mathrm{Var}(Y)$.")
    facts = read_document(text + r"$$\mathrm{Var}(q_i k_i) = 1$$").context.facts
    assert not any("stated moment" in f.name for f in facts)


# --- enumerated families and stated moments ----------------------------------------------

ENUMERATED = "Let $u_1, \\dots, u_d$ be independent random variables with zero mean and unit variance.\n\n"


def test_an_enumerated_family_is_declared_with_its_length():
    u = declared(ENUMERATED + r"$$\mathbb{E}[u_1^2] = 1$$")["u"]
    assert u.is_family and u.iid and str(u.length) == "d"


def test_the_variance_of_an_enumerated_independent_sum_is_its_length_and_no_power_of_it():
    claim = r"$$\mathrm{Var}\left(\sum_{i=1}^{d} u_i\right) = d$$"
    assert statuses(ENUMERATED + claim) == [PROVED]
    assert statuses(ENUMERATED + claim.replace("= d$$", "= d^2$$")) == [REFUTED]


def test_an_enumerated_family_not_called_independent_is_not_iid():
    text = ENUMERATED.replace("independent random variables", "random variables")
    assert not declared(text + r"$$\mathbb{E}[u_1^2] = 1$$")["u"].iid
    assert PROVED not in statuses(text + r"$$\mathrm{Var}\left(\sum_{i=1}^{d} u_i\right) = d$$")


STATED = r"Assume $\mathbb{E}[u_i] = 0$ and $\mathrm{Var}(u_i) = 1$ for each $i$, with $u_1, \dots, u_n$ independent." + "\n\n"


def test_stated_moments_of_a_component_declare_the_family_with_them():
    u = declared(STATED + r"$$\mathbb{E}[u_1^2] = 1$$")["u"]
    assert (u.law.mean, u.law.variance, u.iid) == (0, 1, True) and set(declared(STATED + "$$x = 1$$")) == {"u"}


def test_stated_moments_decide_a_second_moment_and_refute_a_wrong_one():
    assert statuses(STATED + r"$$\mathbb{E}[(u_1 + u_2)^2] = 2$$") == [PROVED]
    assert statuses(STATED + r"$$\mathbb{E}[(u_1 + u_2)^2] = 4$$") == [REFUTED]


def test_a_moment_for_each_index_declares_no_shared_law():
    text = r"Assume $\mathbb{E}[u_i] = m_i$." + "\n\n" + r"$$\mathbb{E}[u_1] = m_1$$"
    assert "u" not in declared(text)


def test_a_bare_e_of_a_name_beside_a_constant_is_no_expectation():
    text = premises("$c$ is a constant.") + "$$E(x) = x^2 + c$$"
    assert declared(text) == {} and statuses(text) != [PROVED]


# --- every form of the premise, every broken variant ------------------------------------

FORMS = (
    r"- $u_i \sim \mathcal{{N}}(0, {v})$, i.i.d.",
    r"- The components of $u$ are independent random variables with mean $0$ and variance ${v}$.",
    r"- Let $u_1, \dots, u_n$ be independent random variables with zero mean and variance ${v}$.",
    r"- $\mathbb{{E}}[u_i] = 0$ and $\mathrm{{Var}}(u_i) = {v}$, with $u_1, \dots, u_n$ independent.",
)
VARIANTS = ("n {v}", "2 n {v}", "n^2 {v}", "n {v}^2 + n", "(n - 1) {v}", "-n {v}")


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(FORMS), st.sampled_from(VARIANTS), st.integers(2, 4))
def test_the_variance_of_an_iid_sum_is_proved_in_every_form_and_no_variant(form, variant, variance):
    text = "Assume:\n\n" + form.format(v=variance) + "\n\nThen:\n\n" + \
        rf"$$\mathrm{{Var}}\left(\sum_{{i=1}}^{{n}} u_i\right) = {variant.format(v=variance)}$$"
    found = statuses(text)
    assert found == ([PROVED] if variant == VARIANTS[0] else [REFUTED])


# --- a vector law with its diagonal stated -------------------------------------------------

VECTOR = premises(r"The expectation $\mathbb{E}_Z$ is for $Z\sim \mathcal{N}(\mu,\Sigma)$ and $\sigma_i^2=\Sigma_{ii}$.",
                  r"$\Sigma$ is a matrix of size $J\times J$.")
SQUARES = r"$$\mathbb{E}_Z\left[\sum_{i=1}^J Z_i^2\right] = \sum_{i=1}^J \left( \mu_i^2+\sigma_i^2 \right)$$"


def test_a_vector_normal_with_a_stated_diagonal_declares_componentwise_laws():
    z = declared(VECTOR + SQUARES)["Z"]
    assert z.is_family and not z.iid and str(z.length) == "J" and z.law.family is Family.NORMAL


def test_the_expected_squared_norm_is_the_sum_of_the_components_second_moments():
    assert statuses(VECTOR + SQUARES) == [PROVED]


def test_a_wrong_sign_or_a_missing_mean_in_the_second_moments_is_never_proved():
    for wrong in (r"\mu_i^2-\sigma_i^2", r"\sigma_i^2", r"\mu_i^2+\sigma_i^4"):
        assert PROVED not in statuses(VECTOR + SQUARES.replace(r"\mu_i^2+\sigma_i^2", wrong))


def test_a_double_sum_over_components_with_their_own_laws_is_not_decided():
    claim = r"$$\mathbb{E}_Z\left[\left(\sum_{i=1}^J Z_i\right)^2\right] = \left(\sum_{i=1}^J \mu_i\right)^2$$"
    assert statuses(VECTOR + claim) == [UNKNOWN]


def test_an_expectation_over_one_variable_of_another_stays_as_written():
    text = premises("$X$ and $Y$ are random variables.") + r"$$\mathbb{E}_X[X Y] = \mathbb{E}[X]\mathbb{E}[Y]$$"
    (chain,) = read_document(text).chains
    assert not isinstance(chain.start, Expect) and statuses(text) != [PROVED]
