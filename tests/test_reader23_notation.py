r"""Notation read in session 23 (issue 10 section 3). LaTeX in, the expression it means out; beside each
reading, the form that stays refused because it has no one reading."""
from __future__ import annotations

import pytest
from sympy import Symbol, exp

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

x = Symbol("x")
SHAPES = r"Let $X \in \mathbb{R}^{n \times d}$, $w \in \mathbb{R}^{d}$, $y \in \mathbb{R}^{n}$."


# 1. an unbraced one-token superscript ends at its token: the bracket after it is a factor
@pytest.mark.parametrize("written, braced", [
    (r"e^x(1 - x)", r"e^{x} (1 - x)"),
    (r"2^n(n + 1)", r"2^{n} (n + 1)"),
])
def test_a_bracket_after_a_one_token_superscript_multiplies(written, braced):
    assert parse_latex_expr(written) == parse_latex_expr(braced)


def test_a_bracket_after_an_unbraced_transpose_multiplies():
    assert check_statuses(f"{SHAPES}\n\n$$X^T(X w - y) = X^{{T}} X w - X^{{T}} y$$\n") == [Status.PROVED]


def test_a_name_in_brackets_after_a_one_letter_superscript_is_refused():
    """``e^f(x)`` prints as e to the f, times x, yet is often meant as ``e^{f(x)}``: no guess."""
    with pytest.raises(ParseError):
        parse_latex_expr(r"e^f(x)")


def test_the_product_reading_is_the_standard_one():
    assert parse_latex_expr(r"e^x(1 - x)") == exp(x) * (1 - x)


# 2. matrix products read entrywise meet whatever the order of their sums
@pytest.mark.parametrize("left, right", [
    (r"X^{T} (X w)", r"(X^{T} X) w"),
    (r"w^{T} X^{T} X w", r"(X w)^{T} (X w)"),
])
def test_products_grouped_differently_are_proved_equal(left, right):
    assert check_statuses(f"{SHAPES}\n\n$${left} = {right}$$\n") == [Status.PROVED]


@pytest.mark.parametrize("left, wrong", [
    (r"X^{T} (X w)", r"(X^{T} X) w + w"),
    (r"w^{T} X^{T} X w", r"(X w)^{T} (X w) + y^{T} y"),
])
def test_a_wrong_regrouping_is_never_proved(left, wrong):
    assert Status.PROVED not in check_statuses(f"{SHAPES}\n\n$${left} = {wrong}$$\n")


# 3. TeX's \over keeps every token's spacing (a shifted spacing list crashed a whole document)
def test_over_before_an_integral_with_a_density_reads_as_the_fraction():
    written = r"{1\over2\sigma_q^2}\int(x-\mu_q)^2p(x)dx"
    assert parse_latex_expr(written) == parse_latex_expr(r"\frac{1}{2\sigma_q^2}\int(x-\mu_q)^2p(x)dx")


def test_a_fault_of_the_reader_refuses_the_formula_with_its_position(monkeypatch):
    from verify.parsing import expressions

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(expressions, "_lex", broken)
    with pytest.raises(ParseError) as refused:
        expressions.parse("x + y")
    assert "IndexError" not in str(refused.value) and refused.value.line == 1


# 4. a bare logarithm before a slash has two readings
@pytest.mark.parametrize("written", [r"\log p(z,x)/p(x)", r"2 \log x / y", r"\log x/2"])
def test_a_slash_after_a_bare_logarithm_is_refused(written):
    with pytest.raises(ParseError):
        parse_latex_expr(written)


@pytest.mark.parametrize("written", [r"\log \frac{1}{2} \cdot \frac{p}{m}", r"\log 2 \cdot x", r"\log x \cdot y"])
def test_a_product_sign_after_a_bare_logarithm_is_refused(written):
    with pytest.raises(ParseError):
        parse_latex_expr(written)


@pytest.mark.parametrize("written, meaning", [
    (r"(\log 2) \cdot x", r"x \log 2"),
    (r"x \cdot \log 2", r"x \log 2"),
    (r"(\log x)/y", r"\frac{\log x}{y}"),
    (r"\log(x)/y", r"\frac{\log x}{y}"),
    (r"\log (x/y)", r"\log \frac{x}{y}"),
])
def test_a_bracketed_logarithm_before_a_slash_or_product_sign_reads(written, meaning):
    assert parse_latex_expr(written) == parse_latex_expr(meaning)


# 5. the prose may name the law of a bare E_q
NAMED = ("Assume:\n\n- $E_q$ is the expectation over $z \\sim q_\\phi(z|x)$; $p(x)$ does not depend on $z$.\n\n"
         "Then:\n\n")


def test_an_expectation_the_prose_names_is_linear_in_its_law():
    text = NAMED + ("$$E_q[\\log q_\\phi(z|x) - \\log p(z,x) + \\log p(x)] = "
                    "E_q[\\log q_\\phi(z|x) - \\log p(z,x)] + \\log p(x)$$\n")
    assert check_statuses(text) == [Status.PROVED]


def test_an_expectation_the_prose_names_unfolds_the_kl_it_defines():
    text = NAMED + "$$KL(q_\\phi(z|x), p(z|x)) = E_q[\\log q_\\phi(z|x) - \\log p(z|x)]$$\n"
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    r"E_q[\log q_\phi(z|x) - \log p(z,x)] - \log p(x)",
    r"E_q[\log q_\phi(z|x) + \log p(z,x)] + \log p(x)",
])
def test_a_wrong_step_under_the_named_law_is_never_proved(wrong):
    text = NAMED + f"$$E_q[\\log q_\\phi(z|x) - \\log p(z,x) + \\log p(x)] = {wrong}$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_an_e_q_no_sentence_names_stays_undefined():
    text = "Then:\n\n$$E_q[\\log q_\\phi(z|x) + c] = E_q[\\log q_\\phi(z|x)] + c$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_a_kl_to_the_posterior_unfolds_with_a_random_variable_declared():
    text = ("Let $z$ be a random variable.\n\n$$KL(q(z|x) \\| p(z|x)) = "
            "\\mathbb{E}_{q(z|x)}[\\log q(z|x) - \\log p(z|x)]$$\n")
    assert check_statuses(text) == [Status.PROVED]


# 6. \mathop{...} is the operator inside; x_{1:T} is one object (a sequence)
def test_mathop_is_the_operator_it_spaces():
    assert parse_latex_expr(r"\mathop{\mathbb{E}}_{q(z)}[\log p(x, z)]") == \
        parse_latex_expr(r"\mathbb{E}_{q(z)}[\log p(x, z)]")


def test_a_range_subscript_names_one_object():
    read = parse_latex_expr(r"q(\mathbf{x}_{1:T} | \mathbf{x}_0)")
    assert {str(s) for s in read.free_symbols} == {"xbold_1_T", "xbold_0"}


def test_ranges_with_different_ends_are_different_objects():
    assert parse_latex_expr(r"p(x_{0:T})") != parse_latex_expr(r"p(x_{1:T})")


# 7. a name at a sum's index that is held as one object is never summed as a constant
@pytest.mark.parametrize("written", [r"\sum_{t=1}^T \mathbf{x}_t", r"\sum_{t=1}^T \mathbf{x}_t^T \mathbf{x}_t"])
def test_a_vector_named_at_the_index_of_a_sum_is_refused(written):
    """``\\mathbf{x}_t`` is read as one vector; under ``\\sum_t`` it was summed T times (a silent misread)."""
    with pytest.raises(ParseError):
        parse_latex_expr(written)


def test_a_vector_at_the_index_of_a_sum_only_as_a_density_variable_is_the_index_th_of_its_family():
    read = parse_latex_expr(r"\sum_{t=1}^T \log q(\mathbf{x}_t | \mathbf{x}_{t-1})")
    assert str(read) == "Sum(log(q(xbold[t] | xbold[t - 1])), (t, 1, T))"


def test_an_entry_named_at_the_index_of_a_sum_is_bound():
    assert str(parse_latex_expr(r"\sum_{t=1}^T x_t")) == "Sum(x[t], (t, 1, T))"


# 8. more notation as sources write it
@pytest.mark.parametrize("written, standard", [
    (r"\mathcal{G}^{'}(x)", r"\mathcal{G}'(x)"),
    (r"g^{''}(x)", r"g''(x)"),
    (r"D_{\textrm{JSD}}[p,q]", r"D_{JS}(p \| q)"),
    (r"D_{JS}[p \| q]", r"D_{JS}(p \| q)"),
    (r"\int q(\mathbf{x}_{1:T}) d\mathbf{x}_{1:T}", r"\int q(\mathbf{x}_{1:T}) \, d\mathbf{x}_{1:T}"),
])
def test_variant_notation_reads_as_the_standard_form(written, standard):
    assert parse_latex_expr(written) == parse_latex_expr(standard)


def test_the_variable_of_an_integral_over_a_range_is_the_range_object():
    read = parse_latex_expr(r"\int q(\mathbf{x}_{1:T}) d\mathbf{x}_{1:T}")
    assert str(read.limits[0][0]) == "xbold_1_T"


# 9. TeX braces print nothing: a function word before {a - b} shows "log a - b"
@pytest.mark.parametrize("written", [r"\log{p - \log{q}}", r"\exp{a+b}", r"\log{(a) + b}"])
def test_a_sum_in_braces_after_a_function_word_is_refused(written):
    with pytest.raises(ParseError):
        parse_latex_expr(written)


@pytest.mark.parametrize("written, meaning", [
    (r"\log{x}", r"\log x"),
    (r"\log{\frac{a}{b}}", r"\log \frac{a}{b}"),
    (r"\log{(1 - D(x))}", r"\log(1 - D(x))"),
    (r"\log{\Big(a+b\Big)}", r"\log(a + b)"),
    (r"\sqrt{a+b}", r"\sqrt{a + b}"),
])
def test_braces_around_one_term_or_a_visible_bracket_read(written, meaning):
    assert parse_latex_expr(written) == parse_latex_expr(meaning)


@pytest.mark.parametrize("sentence", [
    r"$E_q$ is the expectation over $z \sim q_\phi(z|x)$.",
    r"$\mathbb E_q$ is the expectation over $z \sim q_\phi(z|x)$.",
    r"$\mathbb{E}_{q}$ denotes the expectation with respect to $q_\phi(z \mid x)$.",
])
def test_the_prose_names_the_law_of_e_q_in_several_spellings(sentence):
    from verify.parsing.named_laws import named_in_prose

    assert str(named_in_prose(sentence)["q"]) == "q_phi(z | x)"
