r"""Notation read in session 22 (issue 10 section 3): an operator written after factors
(``\gamma \frac{\partial}{\partial x}(xy)``). LaTeX in, the expression it means out; beside each reading,
the form that stays refused because it has no one reading."""
from __future__ import annotations

import pytest
import sympy
from sympy import Derivative, Function, Integral, Rational, Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.verdict import Status
from tests.documents import check_statuses

x, y, a, gamma, eta = (Symbol(n) for n in ("x", "y", "a", "gamma", "eta"))
g = Function("g")

def statuses(claim: str) -> list[Status]:
    return check_statuses(f"Then:\n\n$${claim}$$\n")


# 1. factors before a derivative or integral operator multiply it; it takes the product after it
OPERATORS_AFTER_FACTORS = [
    (r"\gamma \frac{\partial}{\partial x} (x y)", gamma * Derivative(x * y, x)),
    (r"2 \frac{d}{dx} x^3", 2 * Derivative(x**3, x)),
    (r"a \eta \frac{d}{dx} g(x) y", a * eta * Derivative(g(x) * y, x)),
    (r"x \frac{d}{dx} x^2 + 1", x * Derivative(x**2, x) + 1),
    (r"3 \int_0^1 dx\, x^2", 3 * Integral(x**2, (x, 0, 1))),
]


@pytest.mark.parametrize("latex, meaning", OPERATORS_AFTER_FACTORS)
def test_an_operator_after_factors_applies_to_the_product_after_it(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex, reason", [
    (r"a \frac{d}{dx}", "nothing after it"),
    (r"\frac{d}{dx} a \frac{d}{dy} b", "inside another operator"),
])
def test_an_operator_with_no_one_reading_is_refused(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


def test_a_gradient_step_written_with_the_operator_is_proved():
    assert statuses(r"x_n - \gamma_n \frac{\partial}{\partial x} (xy) = x_n - \gamma_n y") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [
    r"x_n - \gamma_n \frac{\partial}{\partial x} (xy) = x_n + \gamma_n y",
    r"x_n - \gamma_n \frac{\partial}{\partial x} (xy) = x_n - \gamma_n x",
    r"2 \frac{d}{dx} x^3 = 3 x^2",
])
def test_a_wrong_step_written_with_the_operator_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


# 2. math mode drops spaces inside \mathrm and \operatorname: spaced letters print as one word
@pytest.mark.parametrize("spaced, word", [
    (r"\mathrm{K L}(p \| q)", r"\mathrm{KL}(p \| q)"),
    (r"\operatorname{K L}(p \| q)", r"\mathrm{KL}(p \| q)"),
    (r"\mathrm{E L B O} + 1", r"\mathrm{ELBO} + 1"),
])
def test_spaced_letters_in_a_math_font_are_one_word(spaced, word):
    assert parse_latex_expr(spaced) == parse_latex_expr(word)


def test_spaced_letters_in_text_mode_stay_words():
    with pytest.raises(ParseError, match="words inside a formula"):
        parse_latex_expr(r"\text{K L}(p \| q)")


# 3. a call read as a product (p(1-p) where p is a plain name): a power belongs to the bracket only where
#    it is written on it; one the formula takes of the whole (a denominator, a root) is of the product
p, n = Symbol("p"), Symbol("n")
BRACKET_PRODUCTS = [
    (r"\frac{1}{p(1-p)}", 1 / (p * (1 - p))),
    (r"\frac{q-p}{p(1-p)}", (Symbol("q") - p) / (p * (1 - p))),
    (r"{q-p \over p(1-p)}", (Symbol("q") - p) / (p * (1 - p))),
    (r"\frac{a}{n(n+1)}", a / (n * (n + 1))),
    (r"\sqrt{p(1-p)}", (p * (1 - p)) ** sympy.Rational(1, 2)),
    (r"p(1-p)^4", p * (1 - p) ** 4),
    (r"\frac{1}{p(1-p)^2}", 1 / (p * (1 - p) ** 2)),
]


@pytest.mark.parametrize("latex, meaning", BRACKET_PRODUCTS)
def test_a_call_read_as_a_product_keeps_the_powers_where_they_were_written(latex, meaning):
    assert parse_latex_expr(latex) == meaning


def test_a_call_powered_and_also_bare_is_refused():
    with pytest.raises(ParseError, match="which bracket"):
        parse_latex_expr(r"p(1-p)^2 \cdot p(1-p)")


@pytest.mark.parametrize("wrong", [
    r"\frac{1}{p(1-p)} = \frac{p}{1-p}",
    r"\frac{q-p}{p(1-p)} = \frac{p(q-p)}{1-p}",
    r"\sqrt{p(1-p)} = p \sqrt{1-p}",
])
def test_a_misread_denominator_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


def test_the_log_likelihood_derivative_over_a_common_denominator_is_proved():
    assert statuses(r"\frac{q}{p}-\frac{1-q}{1-p} = \frac{q-p}{p(1-p)}") == [Status.PROVED]


# 4. a factor after a product sign that writes the sum's index belongs to the summand, as side by side
i, j, m = Symbol("i"), Symbol("j"), Symbol("m")
A_, B_, C_ = (sympy.IndexedBase(s) for s in "abc")
SUMMANDS_THROUGH_PRODUCT_SIGNS = [
    (r"\sum_{i=1}^{n} a_i \cdot b_i", sympy.Sum(A_[i] * B_[i], (i, 1, n))),
    (r"\sum_{i=1}^{n} a_i \times b_i \cdot c_i", sympy.Sum(A_[i] * B_[i] * C_[i], (i, 1, n))),
    (r"\sum_{i=1}^{n} a_i / b_i", sympy.Sum(A_[i] / B_[i], (i, 1, n))),
    (r"-2\sum_{i=1}^{n} a_i \cdot b_i", -2 * sympy.Sum(A_[i] * B_[i], (i, 1, n))),
    (r"\sum_{i=1}^n \sum_{j=1}^m a_{ij} \cdot b_j", sympy.Sum(A_[i, j] * B_[j], (j, 1, m), (i, 1, n))),
    (r"\sum_{i=1}^{n} a_i \cdot b", Symbol("b") * sympy.Sum(A_[i], (i, 1, n))),  # the same either way
]


@pytest.mark.parametrize("latex, meaning", SUMMANDS_THROUGH_PRODUCT_SIGNS)
def test_a_factor_after_a_product_sign_with_the_sums_index_is_in_the_summand(latex, meaning):
    assert parse_latex_expr(latex) == meaning


def test_a_factor_with_the_index_after_a_bracketed_sum_is_refused():
    with pytest.raises(ParseError, match="written again after the sum ends"):
        parse_latex_expr(r"(\sum_{i=1}^{n} a_i) \cdot b_i")


@pytest.mark.parametrize("wrong", [
    r"\sum_{i=1}^{n} a_i \cdot b_i = b_i \sum_{i=1}^{n} a_i",
    r"\sum_{i=1}^{n} a_i \cdot b_i = \sum_{i=1}^{n} a_i + b_i",
])
def test_a_step_that_moves_the_factor_out_of_the_sum_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


# 5. the indicator of two indices being equal is the Kronecker delta (of "not equal", one minus it)
@pytest.mark.parametrize("latex, meaning", [
    (r"1_{i=j}", sympy.KroneckerDelta(i, j)),
    (r"\mathbb{1}_{i=j}", sympy.KroneckerDelta(i, j)),
    (r"\mathbb{1}_{\{i = j\}}", sympy.KroneckerDelta(i, j)),
    (r"\mathbb{1}[i=j]", sympy.KroneckerDelta(i, j)),
    (r"1_{i \neq j}", 1 - sympy.KroneckerDelta(i, j)),
    (r"1_{i=j} e^{a}", sympy.KroneckerDelta(i, j) * sympy.exp(a)),
])
def test_an_indicator_of_equal_indices_is_the_kronecker_delta(latex, meaning):
    assert parse_latex_expr(latex) == meaning


def test_an_indicator_is_a_delta_even_where_the_document_names_its_own_delta():
    own = "Let $\\delta_{ij} = 2$.\n\nThen:\n\n$$\\sum_{j=1}^{n} 1_{i=j} x_j = x_i$$\n"
    assert check_statuses(own) == statuses(r"\sum_{j=1}^{n} \delta_{ij} x_j = x_i") == [Status.CONSISTENT]


@pytest.mark.parametrize("wrong", [r"\sum_{j=1}^{n} 1_{i=j} x_j = x_j", r"\sum_{j=1}^{n} 1_{i \neq j} x_j = x_i",
                                   r"\sum_{j=1}^{n} 1_{i=j} x_j = n x_i"])
def test_a_wrong_sum_under_an_indicator_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


def test_a_softmax_derivative_written_with_the_indicator_is_proved():
    text = ("Let $\\sigma_i = \\frac{e^{a_i}}{\\sum_{k=1}^{n} e^{a_k}}$.\n\nThen:\n\n"
            "$$\\frac{\\partial \\sigma_i}{\\partial a_j} = \\sigma_i(1_{i=j} - \\sigma_j)$$\n")
    assert check_statuses(text) == [Status.PROVED]


# 6. a label written as text in a subscript is one name, whatever its punctuation
@pytest.mark.parametrize("latex, name", [
    (r"EU_{\text{Friend 1, Chinese}}", "U_Friend1_Chinese"),
    (r"T_{\text{self-attn}}", "T_self_attn"),
    (r"c_{\text{row (a)}}", "c_row_a"),
])
def test_a_text_label_in_a_subscript_is_one_name(latex, name):
    assert Symbol(name) in parse_latex_expr(latex).free_symbols


def test_two_text_labels_name_two_things():
    assert parse_latex_expr(r"U_{\text{Friend 1, Italian}} - U_{\text{Friend 1, Chinese}}") != 0


# 7. an expectation of a function applied in brackets, the law under E
def test_an_expectation_of_a_function_in_brackets_is_its_expectation():
    assert parse_latex_expr(r"\mathbb{E}_{x \sim p} \log(1 - D(x))") == \
        parse_latex_expr(r"\mathbb{E}_{x \sim p}[\log(1 - D(x))]")


@pytest.mark.parametrize("latex", [r"\mathbb{E}_{x \sim p} \log(a) b", r"\mathbb{E}_{x \sim p} \log(a) \cdot b"])
def test_a_factor_after_an_expectation_of_a_function_in_brackets_is_refused(latex):
    with pytest.raises(ParseError, match="both read"):
        parse_latex_expr(latex)


# 8. \cdot between two columns of one length is their dot product
@pytest.mark.parametrize("latex, value", [(r"[1, -1] \cdot [1, 1]", 0), (r"[1, 2, 3] \cdot [1, 1, 1]", 6),
                                          (r"[2, -1] \cdot [1, 3]", -1)])
def test_cdot_between_two_columns_is_their_dot_product(latex, value):
    assert parse_latex_expr(latex) == value


def test_cdot_between_columns_of_different_lengths_is_refused():
    with pytest.raises(ParseError, match="do not fit"):
        parse_latex_expr(r"[1, -1] \cdot [1, 1, 1]")


def test_a_worked_dot_product_with_a_wrong_value_is_refuted():
    text = "Assume:\n\n- $q = [ 2, -1 ]$\n- $k = [ 1, 3 ]$\n\nThen:\n\n$$q \\cdot k = (2 \\times 1) + (-1 \\times 3)$$\n\n$$= 1$$\n"
    assert check_statuses(text) == [Status.PROVED, Status.REFUTED]


# 9. a name written plain anywhere in the formula makes its application a product, even where the plain
#    term vanishes: x(-5) + (1-x-y)(0) is -5x (a payoff written cell by cell), never a function x at -5
@pytest.mark.parametrize("latex, meaning", [
    (r"x(-5) + (1-x)(0)", -5 * x),
    (r"x(2) + y(0) + (1-x-y)(-3)", 2 * x - 3 * (1 - x - y)),
])
def test_a_name_written_plain_where_its_term_vanishes_still_makes_a_product(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex", [r"f(x) + g(2)", r"g(2) + g(3)"])
def test_a_name_written_only_as_a_function_stays_applied(latex):
    assert parse_latex_expr(latex).atoms(sympy.core.function.AppliedUndef)


# 10. an integral with its variable under the sign and no differential: over that variable, to the
#     integrand's end (its bracket, the formula, a relation)
MISSING_DIFFERENTIALS = [
    (r"\int_{z} q(z) \log q(z)", r"\int q(z) \log q(z) dz"),
    (r"\int_{z_i} p(x_i, z_i | \theta)", r"\int p(x_i, z_i | \theta) dz_i"),
    (r"\log \int_{z} q(z) \frac{p(x, z)}{q(z)}", r"\log \int q(z) \frac{p(x, z)}{q(z)} dz"),
    (r"2 + (\int_{x} p(x) x^2)", r"2 + \int p(x) x^2 dx"),
]


@pytest.mark.parametrize("latex, written", MISSING_DIFFERENTIALS)
def test_the_variable_under_the_integral_sign_supplies_the_differential(latex, written):
    assert parse_latex_expr(latex) == parse_latex_expr(written)


@pytest.mark.parametrize("latex, reason", [
    (r"\int_{x} p(x) + q(x)", "runs into a \\+ or -"),      # does the integral take the sum?
    (r"\int_\Omega f(x)", "without its differential"),      # a set under the sign, no variable
    (r"\int_0^1 x^2", "without its differential"),          # bounds, no differential
])
def test_an_integral_without_a_differential_and_no_one_reading_is_refused(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


def test_a_step_between_integrals_without_differentials_is_proved():
    assert statuses(r"\int_{z} q(z) \frac{p(x, z)}{q(z)} = \int_{z} p(x, z)") == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"\int_{z} q(z) \frac{p(x, z)}{q(z)} = \int_{z} q(z) p(x, z)",
                                   r"\int_{z} q(z) \frac{p(x, z)}{q(z)} = \int_{z} p(z | x)"])
def test_a_wrong_step_between_integrals_without_differentials_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


# 11. tuples: a tuple in brackets is a vector (a column, as [a, b] is); before a matrix with as many rows it
#     is the row the product needs (a mixed strategy); a tuple of fresh names given a tuple defines each name
RPS = r"\begin{pmatrix} 0 & -1 & 1 \\ 1 & 0 & -1 \\ -1 & 1 & 0 \end{pmatrix}"
THIRDS = r"\begin{pmatrix}1/3 \\ 1/3 \\ 1/3\end{pmatrix}"


def test_a_tuple_is_the_vector_of_its_entries():
    assert parse_latex_expr("(a, b)") == parse_latex_expr("[a, b]") == sympy.ImmutableMatrix([[a], [Symbol("b")]])


def test_a_tuple_before_a_matrix_is_a_row():
    assert parse_latex_expr(f"(1/3, 0, 2/3) {RPS}") == sympy.ImmutableMatrix([[Rational(-2, 3), Rational(1, 3), Rational(1, 3)]])


@pytest.mark.parametrize("latex, value", [(f"(1/3, 0, 2/3) {RPS} {THIRDS}", 0), (f"(1, 0, 0) {RPS} {THIRDS}", 0),
                                          (r"(2, 1) \begin{pmatrix} 1 \\ 3 \end{pmatrix}", 5)])
def test_a_row_tuple_times_a_matrix_times_a_column_is_a_number(latex, value):
    assert parse_latex_expr(latex) == value


@pytest.mark.parametrize("latex, meaning", [(r"\max(a, b)", sympy.Max(a, Symbol("b"))),
                                            (r"\min (a, b, 2)", sympy.Min(a, Symbol("b"), 2))])
def test_max_and_min_of_a_tuple_are_of_its_entries(latex, meaning):
    assert parse_latex_expr(latex) == meaning


def test_a_derivative_of_an_expression_before_a_tuple_is_refused():
    with pytest.raises(ParseError, match="derivative before a tuple"):
        parse_latex_expr(r"\frac{\partial (x y)}{\partial x}(x_t, y_t)")


GDA = ("Let $\\eta > 0$.\n\nThen:\n\n$$(x_{t+1}, y_{t+1}) = (x_t - \\eta y_t, y_t + \\eta x_t)$$\n\n"
       "$$x_{t+1}^2 + y_{t+1}^2 = RIGHT$$\n")


def test_a_tuple_of_fresh_names_given_a_tuple_defines_each_name():
    assert check_statuses(GDA.replace("RIGHT", r"(1 + \eta^2)(x_t^2 + y_t^2)")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"(1 - \eta^2)(x_t^2 + y_t^2)", r"(1 + \eta)(x_t^2 + y_t^2)", "x_t^2 + y_t^2"])
def test_a_wrong_claim_about_names_a_tuple_defined_is_refuted(wrong):
    assert check_statuses(GDA.replace("RIGHT", wrong)) == [Status.REFUTED]


def test_tuples_are_compared_componentwise():
    text = "Then:\n\n$$(x - \\eta y, y + \\eta x) = (x - \\eta y, y - \\eta x)$$\n"
    assert check_statuses(text) == [Status.REFUTED]
    assert statuses(r"(x + x, 2 y) = (2 x, y + y)") == [Status.PROVED]


# 12. a value by cases: split on two indices being equal, the Kronecker delta; otherwise a piecewise value
@pytest.mark.parametrize("latex, meaning", [
    (r"\begin{cases} e^{a_i} & i=j \\ 0 & i\neq j \end{cases}", sympy.exp(Symbol("a_i")) * sympy.KroneckerDelta(i, j)),
    (r"\begin{cases} 1, & \text{if } i = j \\ 0, & \text{otherwise} \end{cases}", sympy.KroneckerDelta(i, j)),
    (r"\begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}", sympy.Piecewise((x, x > 0), (0, True))),
    (r"\begin{cases} 1 & 0 \le x \le 1 \\ 0 & \text{otherwise} \end{cases}",
     sympy.Piecewise((1, (x >= 0) & (x <= 1)), (0, True))),
])
def test_a_value_by_cases_reads_as_its_cases(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex", [r"\begin{cases} 1 \\ 2 \end{cases}",
                                   r"\begin{cases} 1 & i=j \\ 0 & \text{for all the others} \end{cases}"])
def test_cases_without_conditions_are_refused(latex):
    with pytest.raises(ParseError):
        parse_latex_expr(latex)


JACOBIAN_BY_CASES = ("Let $p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{n} e^{z_k}}$.\n\nThen:\n\n"
                     "$$\\frac{\\partial p_i}{\\partial z_j} = \\begin{cases} EQUAL & \\text{if } i = j \\\\ "
                     "OTHER & \\text{if } i \\neq j \\end{cases}$$\n")


def test_the_softmax_jacobian_by_cases_is_proved():
    text = JACOBIAN_BY_CASES.replace("EQUAL", "p_i(1-p_i)").replace("OTHER", "-p_i p_j")
    assert check_statuses(text) == [Status.PROVED]


@pytest.mark.parametrize("equal, other", [("p_i(1+p_i)", "-p_i p_j"), ("p_i(1-p_i)", "p_i p_j"),
                                          ("p_i", "-p_i p_j"), ("-p_i p_j", "p_i(1-p_i)")])
def test_a_wrong_softmax_jacobian_by_cases_is_never_proved(equal, other):
    assert Status.PROVED not in check_statuses(JACOBIAN_BY_CASES.replace("EQUAL", equal).replace("OTHER", other))


# 13. d before an application or a bracket above a differential's bar is Leibniz's d: the derivative
#     (it was d f(x) / (d x) = f(x)/x: a silent misread)
t_ = Symbol("t")
LEIBNIZ_APPLIED = [
    (r"\frac{df(x)}{dx}", Derivative(Function("f")(x), x)),
    (r"\frac{d \sigma(x)}{dx}", Derivative(Function("sigma")(x), x)),
    (r"\frac{dg(t)}{dt}", Derivative(g(t_), t_)),
    (r"\frac{d(x^2)}{dx}", Derivative(x**2, x)),
    (r"\frac{d (x^2 + 1)}{dx}", Derivative(x**2 + 1, x)),
]


@pytest.mark.parametrize("latex, meaning", LEIBNIZ_APPLIED)
def test_d_before_an_application_above_a_differential_is_the_derivative(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("wrong", [r"\frac{df(x)}{dx} = \frac{f(x)}{x}", r"\frac{d(x^2)}{dx} = x"])
def test_the_quotient_misreading_of_a_derivative_is_never_proved(wrong):
    text = "Let $f(x) = x^3$.\n\nThen:\n\n$$" + wrong + "$$\n"
    assert Status.PROVED not in check_statuses(text)


def test_a_derivative_of_a_defined_function_in_leibniz_notation_is_proved():
    text = "Let $f(x) = A \\log x + B \\log (1 - x)$.\n\nThen:\n\n$$\\frac{df(x)}{dx} = A \\frac{1}{x} - B\\frac{1}{1 - x}$$\n"
    assert check_statuses(text) == [Status.PROVED]


# 14. x typed with spaces between numbers or brackets is the multiplication sign, where x names nothing else
@pytest.mark.parametrize("latex, meaning", [
    (r"4 x 512 x 513", 1050624),
    (r"4 x (d + 1)", 4 * (Symbol("d") + 1)),
    (r"(a + 1) x 3", 3 * (a + 1)),
])
def test_a_spaced_x_between_numbers_or_brackets_is_times(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex, meaning", [(r"2 x (x + 1)", 2 * x * (x + 1)), (r"2 x + 1", 2 * x + 1),
                                            (r"(2 x 3) + x", 7 * x)])
def test_a_spaced_x_stays_a_variable_where_x_stands_elsewhere(latex, meaning):
    assert parse_latex_expr(latex) == meaning


# 15. a bold list of letters is each letter bold; a bracketed superscript on a name is an index, never a power
@pytest.mark.parametrize("listed, separate", [
    (r"p(\mathbf{x,z})", r"p(\mathbf{x}, \mathbf{z})"),
    (r"q(\mathbf{z\vert x})", r"q(\mathbf{z} \vert \mathbf{x})"),
    (r"\mathcal{L}(\boldsymbol{\theta,\phi};\mathbf{x})", r"\mathcal{L}(\boldsymbol{\theta}, \boldsymbol{\phi}; \mathbf{x})"),
])
def test_a_bold_list_of_letters_is_each_letter_bold(listed, separate):
    assert parse_latex_expr(listed) == parse_latex_expr(separate)


def test_bold_letters_side_by_side_are_still_refused():
    with pytest.raises(ParseError, match="one letter"):
        parse_latex_expr(r"\mathbf{xy}")


@pytest.mark.parametrize("latex", [r"x^{(i)}", r"\mathbf{x}^{(i)}", r"z^{(l+1)}", r"x^{(2)}"])
def test_a_bracketed_superscript_on_a_name_is_no_power(latex):
    assert not parse_latex_expr(latex).has(sympy.Pow)


def test_a_bracketed_superscript_index_is_bound_by_a_sum():
    assert parse_latex_expr(r"\sum_{i=1}^{m} x^{(i)}") == sympy.Sum(sympy.IndexedBase("x^()")[i], (i, 1, m))


def test_e_with_a_bracketed_exponent_is_still_a_power():
    assert parse_latex_expr(r"e^{(x)}") == sympy.exp(x)


@pytest.mark.parametrize("wrong", [r"x^{(2)} = x^2", r"\sum_{i=1}^{m} x^{(i)} = \sum_{i=1}^{m} x^i"])
def test_a_superscript_index_read_as_a_power_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


# 16. a name written plain, applied to a vector: the scalar multiple, read before the sum is built
EXTRAGRADIENT = ("Assume:\n\n- $x_{t+1} = x_{t} - \\eta(y_{t}+\\eta x_{t})$\n- $y_{t+1} = y_{t} + \\eta(x_{t} - \\eta y_{t})$"
                 "\n\nThen:\n\n$$\\Vert x_{t+1}\\Vert ^2 + \\Vert y_{t+1}\\Vert ^2 = RIGHT(\\Vert x_{t}\\Vert ^2 + "
                 "\\Vert y_{t}\\Vert ^2)$$\n")


def test_the_extragradient_norm_with_vector_iterates_is_proved():
    assert check_statuses(EXTRAGRADIENT.replace("RIGHT", "(1-\\eta^2 + \\eta^4)")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["(1+\\eta^2 + \\eta^4)", "(1-\\eta^2)", "(1 + \\eta^2)"])
def test_a_wrong_extragradient_factor_is_refuted(wrong):
    assert check_statuses(EXTRAGRADIENT.replace("RIGHT", wrong)) == [Status.REFUTED]


# 17. a minus before \partial above the bar, and braces around a derivative operator
@pytest.mark.parametrize("latex, written", [
    (r"\frac{-\partial f}{\partial x}", r"\frac{\partial (-f)}{\partial x}"),
    (r"\frac{- \partial^2 f}{\partial x^2}", r"\frac{\partial^2 (-f)}{\partial x^2}"),
    (r"{\frac{d}{dx}} x^2", r"\frac{d}{dx} x^2"),
    (r"{\frac {\partial }{\partial \theta }}\log f(x;\theta)", r"\frac{\partial}{\partial \theta} \log f(x;\theta)"),
])
def test_a_signed_or_braced_derivative_reads_as_written_plainly(latex, written):
    assert parse_latex_expr(latex) == parse_latex_expr(written)


def test_a_minus_before_partial_is_never_dropped():
    assert Status.PROVED not in statuses(r"\frac{-\partial (x^2)}{\partial x} = 2 x")


# 18. \left. q \right\Vert p: the divergence bar, sized (an invisible left delimiter closed by a bar)
def test_a_sized_divergence_bar_after_an_invisible_delimiter_is_the_bar():
    assert parse_latex_expr(r"D_{KL} \left( \left. q(z) \;\right\Vert\; p(z) \right)") == \
        parse_latex_expr(r"D_{KL}(q(z) \Vert p(z))")


def test_an_evaluation_bar_and_a_sized_norm_keep_their_readings():
    assert parse_latex_expr(r"\left. x^2 \right|_{x=2}") == 4
    assert parse_latex_expr(r"\left\Vert x \right\Vert") == sympy.Abs(x)


@pytest.mark.parametrize("latex, meaning", [(r"\frac{d^2 f(x)}{{dx}^2}", Derivative(Function("f")(x), (x, 2))),
                                            (r"\frac{d^2 y}{(dx)^2}", Derivative(y, (x, 2)))])
def test_a_bracketed_differential_squared_below_is_the_second_derivative(latex, meaning):
    assert parse_latex_expr(latex) == meaning


def test_a_differential_power_that_does_not_match_the_order_is_refused():
    with pytest.raises(ParseError, match="mixed differentials"):
        parse_latex_expr(r"\frac{d^2 y}{{dx}^3}")


@pytest.mark.parametrize("latex", [r"JSD(P \| Q)", r"JS(P \| Q)", r"JSD(p_1 || p_0)"])
def test_jsd_applied_is_the_jensen_shannon_divergence(latex):
    assert parse_latex_expr(latex) == parse_latex_expr(latex.replace("JSD", "D_{JS}").replace("JS(", "D_{JS}("))


# 19. a derivative at a point, \frac{\partial \phi}{\partial x}(x_t, y_t): of the definition phi(x, y) = ...,
#     taken at the point in the order the definition writes the variables
GDA_AT_POINT = ("Assume:\n\n- $\\phi(x, y) = xy$\n- GDA: $x_{t+1} = x_{t} - \\gamma \\frac{\\partial \\phi}{\\partial x}"
                "(x_t, y_t)$ and $y_{t+1} = y_{t} + \\gamma \\frac{\\partial \\phi}{\\partial y}(x_t, y_t)$.\n\n"
                "Then:\n\n$$x_{t+1}^2 + y_{t+1}^2 = RIGHT(x_{t}^2 + y_{t}^2)$$\n")


def test_gda_written_with_derivatives_at_the_iterate_is_proved():
    assert check_statuses(GDA_AT_POINT.replace("RIGHT", "(1+\\gamma^2)")) == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["(1-\\gamma^2)", "(1+\\gamma)", "(1+2\\gamma^2)"])
def test_a_wrong_gda_factor_with_derivatives_at_the_iterate_is_refuted(wrong):
    assert check_statuses(GDA_AT_POINT.replace("RIGHT", wrong)) == [Status.REFUTED]


def test_a_derivative_at_a_point_of_a_function_defined_nowhere_is_not_refuted():
    text = "Then:\n\n$$\\frac{\\partial \\phi}{\\partial x}(a, b) = b$$\n"
    assert Status.REFUTED not in check_statuses(text)



# 21. a name with a one-digit subscript before a bracket applies to it, as with the subscript in braces
@pytest.mark.parametrize("unbraced, braced", [(r"f_1(x)", r"f_{1}(x)"), (r"w_1(x + y)", r"w_{1}(x + y)"),
                                              (r"\sigma_1(z)", r"\sigma_{1}(z)")])
def test_a_one_digit_subscript_applies_as_a_braced_one(unbraced, braced):
    assert parse_latex_expr(unbraced) == parse_latex_expr(braced)


def test_an_entry_before_a_bracket_holding_its_own_name_stays_a_product():
    assert parse_latex_expr(r"x_1(1 - x_1)") == Symbol("x_1") * (1 - Symbol("x_1"))


def test_a_partial_of_a_function_defined_with_a_one_digit_subscript_is_proved():
    text = "Assume:\n\n- $f_1(x) = xy$\n\nThen:\n\n$$x-\\eta \\cdot \\frac{\\partial f_1}{\\partial x} = x-\\eta \\cdot y$$\n"
    assert check_statuses(text) == [Status.PROVED]
    assert Status.PROVED not in check_statuses(text.replace("x-\\eta \\cdot y$$", "x+\\eta \\cdot y$$"))
