r"""Three readings of notation as people write it: ``\langle f \rangle_p`` (an average under a named law),
``\operatorname{tr}`` / ``\mathrm{rank}`` of an argument of open kind, and lowercase ``var`` / ``cov`` applied.
LaTeX in, the expression it means out; beside each reading, the guard where it would be a guess."""
from __future__ import annotations

import pytest
import sympy
from sympy import Function, Symbol

from verify.errors import ParseError
from verify.parsing import parse_ascii_expr, parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

x, X, Y, A, B, W, u, v = (Symbol(name) for name in ("x", "X", "Y", "A", "B", "W", "u", "v"))


def same_as(text: str):
    return parse_latex_expr(text)


# 1. angle-bracket averages: the law in the subscript makes them the expectation E_{law}[...]
AVERAGES = [
    (r"\langle x^2 \rangle_p", r"\mathbb{E}_{p}[x^2]"),
    (r"\langle f(x) \rangle_{q}", r"\mathbb{E}_{q}[f(x)]"),
    (r"\langle x \rangle_{q(x)}", r"\mathbb{E}_{q(x)}[x]"),
    (r"\left\langle \log p(x) \right\rangle_{p(x)}", r"\mathbb{E}_{p(x)}[\log p(x)]"),
    (r"\langle x \rangle_{x \sim p}", r"\mathbb{E}_{x \sim p}[x]"),
    (r"\langle x^2 \rangle_{p_\theta}", r"\mathbb{E}_{p_\theta}[x^2]"),
]


@pytest.mark.parametrize("average, expectation", AVERAGES)
def test_an_average_under_a_named_law_is_the_expectation_under_it(average, expectation):
    assert parse_latex_expr(average) == same_as(expectation)


@pytest.mark.parametrize("text", [
    r"\langle x \rangle",            # no law named: over what?
    r"\langle x^2 \rangle",
    r"\langle x \rangle_i",          # a subscript that is no law: an index, a time, a label
    r"\langle f(x) \rangle_x",       # the variable averaged over (physicists' notes), the law left unsaid
    r"\langle x \rangle_{t}",
    r"\langle x \rangle_{0}",
    r"\langle x \rangle_{n+1}",
])
def test_an_average_without_a_named_law_is_refused(text):
    with pytest.raises(ParseError):
        parse_latex_expr(text)


@pytest.mark.parametrize("text, expected", [
    (r"\langle u, v \rangle", Function("inner")(u, v)),
    (r"\langle u, v \rangle_p", Function("entry")(Function("inner")(u, v), Symbol("p"))),
])
def test_a_pair_in_angle_brackets_stays_an_inner_product(text, expected):
    assert parse_latex_expr(text) == expected


def _step(claim: str) -> list[Status]:
    return check_statuses(f"Then:\n\n$${claim}$$\n")


def test_an_average_meets_the_expectation_it_is():
    assert _step(r"\langle x^2 \rangle_{p} + \mathbb{E}_{p}[x^2] = 2 \mathbb{E}_{p}[x^2]") == [Status.PROVED]


@pytest.mark.parametrize("claim", [
    r"\langle x^2 \rangle_{p} = \mathbb{E}_{p}[x^3]",         # another body
    r"\langle x^2 \rangle_{p} = \mathbb{E}_{q}[x^2]",         # another law
    r"\langle x \rangle_{p} = \langle x \rangle_{q}",
    r"\langle x^2 \rangle_{p} = \langle x \rangle_{p}^2",     # the square of the mean is not the mean square
])
def test_an_average_under_one_law_never_proves_a_broken_variant(claim):
    assert Status.PROVED not in _step(claim)
    assert Status.CONSISTENT not in _step(claim)


# 2. trace and rank: of an argument of open kind, functions of it; of a known matrix, the trace
TRACES = [
    (r"\operatorname{tr}(A B)", Function("tr")(A * B)),
    (r"\mathrm{Tr}(X)", Function("Tr")(X)),
    (r"\mathrm{tr}(W)", Function("tr")(W)),
    (r"\mathrm{rank}(A)", Function("rank")(A)),
    (r"\operatorname{rank}(W)", Function("rank")(W)),
    (r"tr(A B)", Function("tr")(A * B)),
    (r"rank(A)", Function("rank")(A)),
]


@pytest.mark.parametrize("text, expected", TRACES)
def test_trace_and_rank_of_an_open_argument_are_functions_of_it(text, expected):
    assert parse_latex_expr(text) == expected


def test_the_trace_of_a_written_matrix_is_its_trace():
    assert parse_latex_expr(r"\operatorname{tr}(\begin{pmatrix}1&2\\3&4\end{pmatrix})").doit() == 5


# 3. lowercase var / cov applied: the variance and covariance, as Var and Cov are
MOMENTS = [
    (r"\mathrm{var}(X)", r"\mathrm{Var}(X)"),
    (r"\operatorname{var}(X)", r"\mathrm{Var}(X)"),
    (r"\mathrm{var}[X]", r"\mathrm{Var}[X]"),
    (r"var(X)", r"\mathrm{Var}(X)"),
    (r"var[X]", r"\mathrm{Var}[X]"),
    (r"\operatorname{cov}(X, Y)", r"\mathrm{Cov}(X, Y)"),
    (r"\mathrm{cov}(X, Y)", r"\mathrm{Cov}(X, Y)"),
    (r"cov(X, Y)", r"\mathrm{Cov}(X, Y)"),
]


@pytest.mark.parametrize("lowercase, capital", MOMENTS)
def test_lowercase_var_and_cov_applied_are_the_variance_and_covariance(lowercase, capital):
    assert parse_latex_expr(lowercase) == same_as(capital)


@pytest.mark.parametrize("text, expected", [
    (r"\mathrm{var}", Symbol("var")),                       # a name, not applied
    (r"\sigma_{\mathrm{var}}", Symbol("sigma_var")),
    (r"\mathrm{cov}", Symbol("cov")),
])
def test_lowercase_var_not_applied_stays_a_name(text, expected):
    assert parse_latex_expr(text) == expected


def test_var_applied_is_never_a_product_of_letters():
    read = parse_latex_expr(r"var(X)")
    assert not read.has(Symbol("v"), Symbol("a"), Symbol("r"))


def test_a_variance_written_lowercase_meets_its_capital_spelling():
    assert _step(r"\mathrm{var}(X) + \mathrm{Var}(X) = 2 \mathrm{Var}(X)") == [Status.PROVED]


def test_lowercase_variance_does_not_prove_a_broken_identity():
    assert Status.PROVED not in _step(r"\mathrm{var}(X) = \mathrm{cov}(X, Y)")


BARE_TRACES = [
    (r"\operatorname{tr} A", Function("tr")(A)),
    (r"\mathrm{Tr}\, \Sigma", Function("Tr")(Symbol("Sigma"))),
    (r"\mathrm{tr}\, A B", Function("tr")(A * B)),
    (r"\mathrm{tr} A + B", Function("tr")(A) + B),
    (r"\mathrm{rank}\, W", Function("rank")(W)),
    (r"\operatorname{rank} \mathbf{W}", Function("rank")(Symbol("Wbold"))),
]


@pytest.mark.parametrize("text, expected", BARE_TRACES)
def test_trace_and_rank_written_without_brackets_apply_to_what_follows(text, expected):
    assert parse_latex_expr(text) == expected


@pytest.mark.parametrize("text, expected", [
    (r"\mathcal{L}_{\mathrm{tr}}", Symbol("Lcal_tr")),           # the training loss: a label
    (r"n_{\mathrm{tr}} + 1", Symbol("n_tr") + 1),
    (r"x^{\mathrm{tr}}", Symbol("x") ** Symbol("tr")),
    (r"\lambda_{\mathrm{rank}} r", Symbol("lambda_rank") * Symbol("r")),
])
def test_tr_and_rank_as_labels_in_scripts_stay_names(text, expected):
    assert parse_latex_expr(text) == expected


def test_the_trace_of_a_matrix_written_without_brackets_is_its_trace():
    assert parse_latex_expr(r"\mathrm{tr}\begin{pmatrix}1&2\\3&4\end{pmatrix}").doit() == 5


def test_a_bare_trace_does_not_prove_a_broken_cyclic_identity():
    assert Status.PROVED not in _step(r"\mathrm{tr}\, A B C = \mathrm{tr}\, B A C")


@pytest.mark.parametrize("text, expected", [
    ("var(X)", Function("Var")(X)),
    ("cov(X, Y)", Function("Cov")(X, Y)),
    ("var", Symbol("var")),
])
def test_plain_text_spells_the_moments_as_latex_does(text, expected):
    assert parse_ascii_expr(text) == expected
