r"""Random variables declared the way papers and notes declare them (issue 11 §1).

Each row of the table is a small document: one declaration phrasing, a moment step that needs
it, and mutants of the step (sign, factor, exponent, swapped term) that must never be proved.
The phrasings come from the issue's list and from public notes on why attention divides by
sqrt(d_k) ("each entry is a random variable with $0$ mean and $1$ variance", "independent and
randomly distributed variables"). A second table drops the premise the step needs
("independent", the moments, "independently") and the step must then not be proved.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import check_statuses
from verify.config import CheckConfig
from verify.parsing.document import read_document
from verify.parsing.randomness.sentences import clauses, sentence_names
from verify.verdict import Status

CONFIG = CheckConfig(seed=3, samples=6, budget=None)
PROVED, REFUTED = Status.PROVED, Status.REFUTED


def document(prose: str, step: str) -> str:
    return f"{prose}\n\nThen:\n\n$${step}$$\n"


def statuses(prose: str, step: str) -> list[Status]:
    return check_statuses(document(prose, step), CONFIG)


def declared(prose: str, step: str) -> dict:
    return {v.key: v for v in read_document(document(prose, step)).context.random_variables}


DOT = r"\mathrm{Var}\left(\sum_{i=1}^{d} q_i k_i\right) = "
MEAN_SUM = r"\mathbb{E}\left[\sum_{i=1}^{n} X_i\right] = "
VAR_SUM = r"\mathrm{Var}\left(\sum_{i=1}^{n} X_i\right) = "

# (phrasing, correct step, mutants of the step)
TABLE = [
    (r"Assume that the components of $q$ and $k$ are independent random variables with mean $0$ and variance $1$.",
     DOT + "d", [DOT + "d^2", DOT + "d - 1"]),
    (r"Let $q, k \in \mathbb{R}^{d}$ with i.i.d. entries $q_i, k_i \sim \mathcal{N}(0, 1)$.",
     DOT + "d", [DOT + "d^2", DOT + r"\sqrt{d}"]),
    (r"Let $q, k \in \mathbb{R}^{d_k}$ with i.i.d. entries $q_i, k_i \sim \mathcal{N}(0, 1)$.",
     r"\mathrm{Var}(q \cdot k) = d_k", [r"\mathrm{Var}(q \cdot k) = d_k^2"]),
    (r"Let $X_1, \dots, X_n$ be i.i.d. with mean $\mu$ and variance $\sigma^2$.",
     VAR_SUM + r"n \sigma^2", [VAR_SUM + r"n^2 \sigma^2", VAR_SUM + r"n \sigma"]),
    (r"Let $X_1, \dots, X_n$ be i.i.d. with mean $\mu$ and variance $\sigma^2$.",
     MEAN_SUM + r"n \mu", [MEAN_SUM + r"\mu", MEAN_SUM + r"-n \mu"]),
    (r"Let $X_1, \ldots, X_n$ be independent and identically distributed random variables with mean $\mu$ "
     r"and variance $\sigma^2$.",
     r"\mathrm{Var}\left(\frac{1}{n}\sum_{i=1}^{n} X_i\right) = \frac{\sigma^2}{n}",
     [r"\mathrm{Var}\left(\frac{1}{n}\sum_{i=1}^{n} X_i\right) = \frac{\sigma^2}{n^2}"]),
    (r"Assume $\mathbb{E}[u_i] = 0$ and $\mathrm{Var}(u_i) = 1$.", r"\mathbb{E}[u_i^2] = 1", [r"\mathbb{E}[u_i^2] = 2"]),
    (r"$X$ is a random variable with zero mean and unit variance.", r"\mathbb{E}[X^2] = 1", [r"\mathbb{E}[X^2] = 0"]),
    (r"$X$ and $Y$ are independent standard normal random variables.",
     r"\mathrm{Var}(X + Y) = 2", [r"\mathrm{Var}(X + Y) = 1", r"\mathrm{Var}(X - Y) = 0"]),
    (r"Let $x \sim \mathcal{N}(\mu, \sigma^2)$.",
     r"\mathbb{E}[x^2] = \mu^2 + \sigma^2", [r"\mathbb{E}[x^2] = \mu^2 + \sigma^4", r"\mathbb{E}[x^2] = \mu^2 - \sigma^2"]),
    (r"Let $z = \mu + \sigma \epsilon$ with $\epsilon \sim \mathcal{N}(0,1)$.",
     r"\mathrm{Var}(z) = \sigma^2", [r"\mathrm{Var}(z) = \sigma"]),
    (r"Let $z = \mu + \sigma \epsilon$ with $\epsilon \sim \mathcal{N}(0,1)$.",
     r"\mathbb{E}[z] = \mu", [r"\mathbb{E}[z] = \mu + \sigma"]),
    (r"$X$ is a random variable with mean $\mu$ and variance $\sigma^2$.",
     r"\text{Var}(X) = \mathbb{E}[X^2] - \mu^2", [r"\text{Var}(X) = \mathbb{E}[X^2] + \mu^2"]),
    (r"$X$ is a random variable and $a$ is a constant.",
     r"\operatorname{Var}(aX) = a^2 \operatorname{Var}(X)", [r"\operatorname{Var}(aX) = a \operatorname{Var}(X)"]),
    (r"$X$ is a random variable and $a$ is a constant.",
     r"\mathbb{V}[aX] = a^2 \mathbb{V}[X]", [r"\mathbb{V}[aX] = a \mathbb{V}[X]"]),
    (r"$X$ is a random variable and $a$ is a constant.",
     r"\mathrm{Var}[aX] = a^2 \mathrm{Var}[X]", [r"\mathrm{Var}[aX] = 2a \mathrm{Var}[X]"]),
    (r"$X$ is a random variable and $c$ is a constant.",
     r"\mathbb{V}(X + c) = \mathbb{V}(X)", [r"\mathbb{V}(X + c) = \mathbb{V}(X) + c"]),
    (r"$X$ is a random variable and $c$ is a constant.",
     r"\operatorname{Var}[c X] = c^2 \operatorname{Var}[X]", [r"\operatorname{Var}[c X] = c \operatorname{Var}[X]"]),
    (r"$X$ and $Y$ are independent random variables.",
     r"Var(X + Y) = Var(X) + Var(Y)", [r"Var(X + Y) = Var(X) - Var(Y)"]),
    (r"If $X$ and $Y$ are independent and randomly distributed variables:",
     r"\mathbb{E}[XY] = \mathbb{E}[X]\mathbb{E}[Y]", [r"\mathbb{E}[XY] = \mathbb{E}[X] + \mathbb{E}[Y]"]),
    (r"Let $q$ and $k$ be random vectors in $\mathbb{R}^{d}$ where each entry is a random variable with $0$ mean "
     r"and $1$ variance, every entry independent of each other.", DOT + "d", [DOT + "d^2"]),
    (r"Consider that the entries of $q$ and $k$ are independent and have a mean of 0 and variance of 1.",
     DOT + "d", [DOT + "d^2"]),
    (r"Suppose $q, k \in \mathbb{R}^{d_k}$ are random vectors whose components are independent with mean $0$ "
     r"and variance $1$.", r"\mathrm{Var}(q^\top k) = d_k", [r"\mathrm{Var}(q^\top k) = \sqrt{d_k}"]),
    (r"Suppose $q, k \in \mathbb{R}^{d_k}$ are random vectors whose components are independent with mean $0$ "
     r"and variance $1$.", r"\mathrm{Var}\left(\frac{q^\top k}{\sqrt{d_k}}\right) = 1",
     [r"\mathrm{Var}\left(\frac{q^\top k}{\sqrt{d_k}}\right) = d_k"]),
    (r"Let $X$ be a random variable with mean $\mu$ and variance $\sigma^2$.",
     r"\mathbb{E}[X^2] = \sigma^2 + \mu^2", [r"\mathbb{E}[X^2] = \sigma^2 - \mu^2"]),
    (r"Let $X$ be a random variable, and let $a, b$ be constants.",
     r"\mathrm{Var}(aX + b) = a^2 \mathrm{Var}(X)", [r"\mathrm{Var}(aX + b) = a^2 \mathrm{Var}(X) + b"]),
    (r"Let $X$ be a random variable, where $a$ and $b$ are constants.",
     r"\mathbb{E}[aX + b] = a\mathbb{E}[X] + b", [r"\mathbb{E}[aX + b] = a\mathbb{E}[X]"]),
    (r"Let $u_1, \dots, u_d$ be independent with $u_i \sim \mathcal{N}(0, \sigma^2)$.",
     r"\mathrm{Var}\left(\sum_{i=1}^{d} u_i\right) = d \sigma^2", [r"\mathrm{Var}\left(\sum_{i=1}^{d} u_i\right) = d \sigma"]),
    (r"The entries $q_i$ and $k_i$ are drawn i.i.d. from $\mathcal{N}(0, 1)$.", DOT + "d", [DOT + "d^2"]),
    (r"$q_i, k_i \overset{\text{iid}}{\sim} \mathcal{N}(0, 1)$.", DOT + "d", [DOT + "d^2"]),
    (r"where $\epsilon \sim \mathcal{N}(0, 1)$ is standard normal noise.",
     r"\mathbb{E}[\epsilon^2] = 1", [r"\mathbb{E}[\epsilon^2] = 0"]),
    (r"Let $X$ have mean $\mu$ and variance $\sigma^2$.",
     r"\mathbb{E}[X^2] = \sigma^2 + \mu^2", [r"\mathbb{E}[X^2] = \sigma^2"]),
    (r"Assume $X$ is random with $\mathbb{E}[X] = \mu$ and $\mathrm{Var}(X) = \sigma^2$.",
     r"\mathbb{E}[X^2] = \sigma^2 + \mu^2", [r"\mathbb{E}[X^2] = \sigma^2"]),
    (r"Let $X$ and $Y$ be independent random variables with $\mathbb{E}[X] = \mathbb{E}[Y] = 0$.",
     r"\mathbb{E}[XY] = 0", [r"\mathbb{E}[XY] = 1"]),
    (r"The $q_i$ and $k_i$ are i.i.d. with zero mean and unit variance.", DOT + "d", [DOT + "d^2"]),
    (r"Each component $q_i$ and $k_i$ is an independent random variable with mean 0 and variance 1.",
     DOT + "d", [DOT + "d^2"]),
    (r"$u$ and $v$ are independent random variables and each has mean $0$ and variance $1$.",
     r"\mathrm{Var}(u + v) = 2", [r"\mathrm{Var}(u + v) = 1"]),
    (r"$X$ is a random variable.",
     r"\mathbb{E}[X^2] = \mathrm{Var}(X) + \mathbb{E}[X]^2", [r"\mathbb{E}[X^2] = \mathrm{Var}(X) - \mathbb{E}[X]^2"]),
    (r"Assume the components satisfy $\mathbb{E}[q_i] = \mathbb{E}[k_i] = 0$ and $\mathrm{Var}(q_i) = \mathrm{Var}(k_i) = 1$, "
     r"all independent.", DOT + "d", [DOT + "d^2"]),
    (r"Let $q, k \in \mathbb{R}^{d}$ have i.i.d. standard Gaussian entries.",
     r"\mathrm{Var}(q^\top k) = d", [r"\mathrm{Var}(q^\top k) = d^2"]),
    (r"Let $\mathbf{q}, \mathbf{k} \in \mathbb{R}^{d_k}$ have independent entries with mean 0 and variance 1.",
     r"\mathrm{Var}(\mathbf{q}^\top \mathbf{k}) = d_k", [r"\mathrm{Var}(\mathbf{q}^\top \mathbf{k}) = d_k^2"]),
    (r"Let $X$ and $Y$ be correlated random variables.",
     r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y) + 2\mathrm{Cov}(X, Y)",
     [r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)"]),
    (r"$X$ is a constant and $a$ is a random variable.",
     r"\mathrm{Var}(aX) = X^2 \mathrm{Var}(a)", [r"\mathrm{Var}(aX) = a^2 \mathrm{Var}(X)"]),
    (r"Let $q$ and $k$ be $d_k$-dimensional vectors whose components are independent random variables with zero "
     r"mean and unit variance.", r"\mathrm{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = d_k",
     [r"\mathrm{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = d_k - 1"]),
    (r"Let $X_1, \dots, X_n$ be i.i.d. standard normal random variables.",
     r"\mathbb{E}\left[\left(\frac{1}{n}\sum_{i=1}^{n} X_i\right)^2\right] = \frac{1}{n}",
     [r"\mathbb{E}\left[\left(\frac{1}{n}\sum_{i=1}^{n} X_i\right)^2\right] = 1"]),
    (r"$q, k \in \mathbb{R}^{d_k}$ are drawn independently from the standard normal: $q_i, k_i \sim \mathcal{N}(0, 1)$.",
     r"\mathrm{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = d_k",
     [r"\mathrm{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = d_k^2"]),
    (r"Assume $\mathrm{Var}(q \cdot k) = d_k$.",
     r"\mathrm{Var}\left(\frac{q \cdot k}{\sqrt{d_k}}\right) = 1",
     [r"\mathrm{Var}\left(\frac{q \cdot k}{\sqrt{d_k}}\right) = \frac{1}{\sqrt{d_k}}"]),
]


@pytest.mark.parametrize("prose, right, mutants", TABLE, ids=[str(i) for i in range(len(TABLE))])
def test_the_phrasing_declares_what_the_step_needs(prose, right, mutants):
    assert statuses(prose, right) == [PROVED]


@pytest.mark.parametrize("prose, right, mutants", TABLE, ids=[str(i) for i in range(len(TABLE))])
def test_no_mutant_of_the_step_is_proved(prose, right, mutants):
    for mutant in mutants:
        assert PROVED not in statuses(prose, mutant), mutant


# (phrasing without the premise the step needs, the step) -- never proved
DROPPED = [
    (r"$X$ and $Y$ are random variables.", r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)"),
    (r"Let $X$ and $Y$ be random variables (not necessarily independent).",
     r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)"),
    (r"Assume that the components of $q$ and $k$ are random variables with mean $0$ and variance $1$.", DOT + "d"),
    (r"Suppose $q, k \in \mathbb{R}^{d_k}$ are random vectors whose components have mean $0$ and variance $1$.",
     r"\mathrm{Var}(q^\top k) = d_k"),
    (r"$q, k \in \mathbb{R}^{d_k}$ are drawn from the standard normal: $q_i, k_i \sim \mathcal{N}(0, 1)$.",
     r"\mathrm{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = d_k"),
    (r"Let $X$ and $Y$ be correlated random variables.", r"\mathbb{E}[XY] = \mathbb{E}[X]\mathbb{E}[Y]"),
    (r"Let $q, k \in \mathbb{R}^{d}$ have standard Gaussian entries.", r"\mathrm{Var}(q^\top k) = d"),
    (r"$X$ and $Y$ are standard normal random variables.", r"\mathrm{Var}(X + Y) = 2"),
    (r"$X$ is a random variable and $a$ is a random variable.", r"\mathrm{Var}(aX) = a^2 \mathrm{Var}(X)"),
    (r"Let $X$ be a random variable with mean $\mu$.", r"\mathbb{E}[X^2] = \sigma^2 + \mu^2"),
]


@pytest.mark.parametrize("prose, step", DROPPED, ids=[str(i) for i in range(len(DROPPED))])
def test_without_the_premise_the_step_is_not_proved(prose, step):
    assert PROVED not in statuses(prose, step)


# --- how the phrasings are read ---------------------------------------------------------------

def test_a_sentence_calling_one_name_random_and_another_constant_is_read_clause_by_clause():
    assert clauses("$X$ is a random variable and $a$ is a constant") == ["$X$ is a random variable",
                                                                          "$a$ is a constant"]


def test_a_subject_list_stays_one_clause():
    assert clauses("$X$, $Y$ and $Z$ are random variables") == ["$X$, $Y$ and $Z$ are random variables"]


def test_the_constant_of_a_mixed_sentence_is_no_random_variable():
    found = declared(r"Let $X$ be a random variable, and let $a, b$ be constants.", r"\mathrm{Var}(aX + b) = a^2")
    assert set(found) == {"X"}


def test_names_in_a_real_space_are_named_and_an_index_set_names_nothing():
    names = [n.key for n in sentence_names(r"Let $q, k \in \mathbb{R}^{d}$ and $i \in \{1, \dots, d\}$ be given.")]
    assert names == ["q", "k"]


def test_a_dimension_written_before_dimensional_is_no_random_variable():
    found = declared(r"Let $q$ and $k$ be $d_k$-dimensional vectors whose components are independent random "
                     r"variables with zero mean and unit variance.", r"\mathrm{Var}(q_1) = 1")
    assert set(found) == {"q", "k"}


def test_vectors_declared_random_are_families_of_their_components():
    found = declared(r"Suppose $q, k \in \mathbb{R}^{d_k}$ are random vectors whose components are independent "
                     r"with mean $0$ and variance $1$.", r"\mathrm{Var}(q^\top k) = d_k")
    assert all(found[k].is_family and found[k].iid and str(found[k].length) == "d_k" for k in ("q", "k"))


def test_a_normal_with_the_identity_as_covariance_is_a_vector_law_not_a_scalar_variance():
    prose = r"where $\epsilon \sim \mathcal{N}(0, I)$ is standard normal noise."
    assert PROVED not in statuses(prose, r"\mathbb{E}[\epsilon^2] = I")
    assert declared(prose, r"\mathbb{E}[\epsilon] = 0")["epsilon"].law.variance is None


def test_iid_over_the_sim_makes_the_listed_names_independent():
    text = document(r"$q_i, k_i \overset{\text{iid}}{\sim} \mathcal{N}(0, 1)$.", DOT + "d")
    assert [{str(m) for m in s.members} for s in read_document(text).context.independence] == [{"q", "k"}]


def test_a_mean_of_zero_point_five_is_not_a_zero_mean():
    found = declared(r"$X$ is a random variable with a mean of 0.5 and variance of 1.5.", r"\mathbb{E}[X] = 0")
    assert found["X"].law.mean is None and found["X"].law.variance is None


def test_a_stated_moment_of_an_entry_the_premises_define_is_not_its_law():
    prose = (r"Assume $s_{ij} = \sum_{l=1}^{d} q_{il} k_{jl}$ and $\mathbb{E}[s_{ij}] = 0$.")
    assert "s_{i j}" not in declared(prose, r"\mathrm{Var}(s_{ij}) = \mathbb{E}[s_{ij}^2]")


@settings(max_examples=5, deadline=None)
@given(a=st.integers(min_value=2, max_value=9), wrong=st.sampled_from(["", "2", "-1"]))
def test_a_stated_constant_scales_the_variance_by_its_square_only(a, wrong):
    prose = r"$X$ is a random variable with mean $0$ and variance $1$, and $c$ is a constant."
    assert statuses(prose, rf"\mathrm{{Var}}({a} c X) = {a * a} c^2") == [PROVED]
    factor = {"": f"{a}", "2": f"{2 * a * a}", "-1": f"-{a * a}"}[wrong]
    assert PROVED not in statuses(prose, rf"\mathrm{{Var}}({a} c X) = {factor} c^2")


REPARAMETRISED = r"Assume $z = \mu + \sigma \epsilon$, where $\epsilon$ is sampled from a standard Gaussian distribution."


def test_the_shift_and_scale_of_a_reparametrised_variable_are_constants_under_the_expectation():
    assert statuses(REPARAMETRISED, r"\mathbb{E}[z] = \mathbb{E}[\mu] + \sigma \mathbb{E}[\epsilon] = \mu") == [PROVED,
                                                                                                           PROVED]


def test_a_wrong_mean_or_variance_of_the_reparametrised_variable_is_never_proved():
    for wrong in (r"\mathbb{E}[z] = \mu + \sigma", r"\mathbb{E}[z] = \sigma", r"\mathrm{Var}(z) = \sigma",
                  r"\mathrm{Var}(z) = \sigma^2 + \mu^2"):
        assert PROVED not in statuses(REPARAMETRISED, wrong), wrong


def test_a_name_averaged_alone_outside_any_definition_stays_random():
    assert PROVED not in statuses(REPARAMETRISED, r"\mathbb{E}[\psi^2] = \psi^2")


def test_the_value_given_as_a_mean_is_a_parameter_not_a_random_variable():
    for prose in (r"$X$ is a random variable with mean $\mu$ and variance $\sigma^2$.",
                  r"Let $X_1, \dots, X_n$ be i.i.d. with mean $\mu$ and variance $\sigma^2$."):
        assert set(declared(prose, r"\mathbb{E}[X_1] = \mu")) == {"X"}


def test_with_the_mean_a_parameter_a_wrong_second_moment_is_refuted():
    prose = r"$X$ is a random variable with mean $\mu$ and variance $\sigma^2$."
    assert statuses(prose, r"\mathbb{E}[X^2] = \sigma^2 - \mu^2") == [REFUTED]


@pytest.mark.parametrize("premise", ["Assume $X \\perp Y$.", "Assume $X \\perp\\!\\!\\!\\perp Y$."])
def test_a_written_independence_sign_declares_independent_variables(premise):
    assert check_statuses(f"{premise}\n\n$$Var(X + Y) = Var(X) + Var(Y)$$\n") == [Status.PROVED]
    assert check_statuses(f"{premise}\n\n$$Var(X + Y) = Var(X) + Var(Y) + 1$$\n") == [Status.REFUTED]


def test_a_conditional_independence_states_nothing_unconditional():
    document = "Assume $X \\perp Y \\mid Z$.\n\n$$Var(X + Y) = Var(X) + Var(Y)$$\n"
    assert Status.PROVED not in check_statuses(document)
