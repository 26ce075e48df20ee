"""The LaTeX grammar: a table of named cases per feature, and the objects they build."""
import pytest
import sympy
from sympy import Function, Integral, Rational, Symbol, log, oo, sqrt

from verify.errors import ParseError
from verify.parsing import parse, parse_latex_expr
from verify.vocabulary import KL, BigO, Density, Expectation, Normal, Theta, density

x, z, t, n, L = (Symbol(s) for s in "x z t n L".split())
p_x_given_z, p_z, q_z_given_x = density("p", [x], [z]), density("p", [z]), density("q", [z], [x])

PROBABILITY = [
    (r"p(x|z)", p_x_given_z),
    (r"p(x \mid z)", p_x_given_z),
    (r"q_\phi(z|x)", density("q_phi", [z], [x])),
    (r"p_\theta(x,z)", density("p_theta", [x, z])),
    (r"p(x|z)p(z)", p_x_given_z * p_z),
    (r"\int q(z|x) \log p(x) dz", Integral(q_z_given_x * log(density("p", [x])), (z, -oo, oo))),
    (r"\int q(z|x) \, dz", Integral(q_z_given_x, (z, -oo, oo))),
    (r"E_{q(z|x)}[\log p(x|z)]", Expectation(log(p_x_given_z), q_z_given_x)),
    (r"\mathbb{E}_{z\sim q}[\log p(x|z)]", Expectation(log(p_x_given_z), density("q", [z]), z)),
    (r"KL(q||p)", KL(Symbol("q"), Symbol("p"))),
    (r"D_{KL}(q(z|x) \| p(z))", KL(q_z_given_x, p_z)),
    (r"\mathcal{N}(\mu, \sigma^2)", Normal(Symbol("mu"), Symbol("sigma") ** 2)),
]

ALGEBRA = [
    (r"\frac{1}{2}", Rational(1, 2)),
    (r"\sqrt{d_k}", sqrt(Symbol("d_k"))),
    (r"\ln x + \exp(x)", log(x) + sympy.exp(x)),
    (r"e^{-x}", sympy.exp(-x)),
    (r"2x", 2 * x),
    (r"t \cdot n^2 \cdot L", t * n**2 * L),
    (r"\left( x + 1 \right)^{2}", (x + 1) ** 2),
    (r"\Big( x \Big) \times 3", 3 * x),
    (r"\sum_{i=1}^{m} v_i \alpha_i", sympy.Sum(sympy.Indexed("v", Symbol("i")) * sympy.Indexed("alpha", Symbol("i")),
                                                (Symbol("i"), 1, Symbol("m")))),
    (r"q_{t+1}", Symbol("q_{t + 1}")),
    (r"0.25 x", x / 4),
    (r"f(p, q)", Function("f")(Symbol("p"), Symbol("q"))),
    (r"L(q)", Function("L")(Symbol("q"))),
    (r"\frac{\partial f}{\partial x}", sympy.Derivative(Symbol("f"), x)),
]

ASYMPTOTICS = [
    (r"O(t \cdot n^2 \cdot L)", BigO(t * n**2 * L)),
    (r"\Theta(t^2 n)", Theta(t**2 * n)),
    (r"O(t/n)", BigO(t / n)),
]


@pytest.mark.parametrize("text, expected", PROBABILITY + ALGEBRA + ASYMPTOTICS)
def test_formula_builds_the_expected_object(text, expected):
    assert parse_latex_expr(text) == expected


def test_a_bar_makes_a_density_whatever_the_name():
    assert isinstance(parse_latex_expr(r"r(a|b)"), Density)


def test_a_name_applied_with_a_space_is_a_product():
    assert parse_latex_expr(r"x (y+1)") == x * (Symbol("y") + 1)


def test_a_comma_inside_makes_an_application_across_a_space():
    """OCR spacing ``p ( x , z )``: a product with a list means nothing, so the name is applied."""
    assert parse_latex_expr(r"p ( x , z )") == parse_latex_expr(r"p(x, z)")
    assert parse_latex_expr(r"f (x, y) + 1") == parse_latex_expr(r"f(x, y) + 1")


@pytest.mark.parametrize("spaced, tight", [(r"q_{\phi} (z)", r"q_{\phi}(z)"), (r"p_\theta (z_{1})", r"p_\theta(z_{1})"),
                                           (r"p (\mathbf{x})", r"p(\mathbf{x})")])
def test_a_density_letter_before_a_spaced_name_in_brackets_is_the_density_there(spaced, tight):
    assert parse_latex_expr(spaced) == parse_latex_expr(tight)


@pytest.mark.parametrize("text, product", [(r"p (1 - p)", "p*(1 - p)"), (r"q (x + y)", "q*(x + y)"), (r"a (x)", "a*x")])
def test_a_spaced_bracket_holding_more_than_a_name_stays_a_product(text, product):
    assert str(parse_latex_expr(text)) == product


def test_chain_with_several_relations():
    statement = parse(r"a = b \le c")
    assert statement.relations == ("=", "<=") and len(statement.exprs) == 3


def test_leading_relation_is_a_continuation():
    statement = parse(r"= \log p(x)")
    assert statement.lead == "=" and statement.exprs == (log(density("p", [x])),)


def test_approx_is_read_as_its_own_relation():
    assert parse(r"a \approx b").relations == ("~=",)


def test_pm_gives_both_values():
    assert parse_latex_expr(r"1 \pm \eta") == sympy.FiniteSet(1 + Symbol("eta"), 1 - Symbol("eta"))


def test_bmatrix_is_a_matrix():
    assert parse_latex_expr(r"\begin{bmatrix} 1 & -\eta \\ \eta & 1 \end{bmatrix}").shape == (2, 2)


def test_softmax_of_matrices_follows_the_linalg_convention():
    expr = parse_latex_expr(r"\operatorname{softmax}\left(\frac{Q K^T}{\sqrt{d_k}}\right) V")
    assert expr.shape[1] == Symbol("d_v", positive=True, integer=True)


@pytest.mark.parametrize("text, label", [
    (r"\foo x", r"unknown macro \foo"),
    (r"\left( x + 1", r"unclosed \left("),
    (r"x + ", "unexpected the end of the formula"),
    (r"\int x", "integral without its differential"),
])
def test_errors_have_a_readable_label(text, label):
    with pytest.raises(ParseError) as info:
        parse_latex_expr(text)
    assert label in info.value.message


def test_error_shows_line_column_and_caret():
    with pytest.raises(ParseError) as info:
        parse(r"a + \foo", origin=(7, 3))
    error = info.value
    assert (error.line, error.column) == (7, 7)
    shown, caret = error.context.split("\n")
    assert caret.index("^") == shown.index("\\foo")


def test_a_derivative_operator_applies_to_the_whole_product_that_follows():
    w, x, y = sympy.symbols("w x y")
    parsed = parse_latex_expr(r"\frac{\partial}{\partial w} \frac{1}{2}(w x - y)^2")
    assert parsed == sympy.Derivative(sympy.Rational(1, 2) * (w * x - y) ** 2, w)


def test_a_derivative_operator_stops_at_the_next_plus():
    x = sympy.Symbol("x")
    assert parse_latex_expr(r"\frac{d}{dx} 3 x^2 + x") == sympy.Derivative(3 * x ** 2, x) + x


def test_nabla_with_a_scalar_variable_in_the_body_is_a_derivative():
    p, q = sympy.symbols("p q")
    assert parse_latex_expr(r"\nabla_p (p q)") == sympy.Derivative(p * q, p)


def test_nabla_of_a_function_at_another_point_stays_undefined():
    parsed = parse_latex_expr(r"\nabla_x f(x_i, y_i)")
    assert not parsed.has(sympy.Derivative) and parsed.func.__name__ == "nabla_x"


def test_a_side_by_side_product_is_multiplied_as_written():
    x, y, a = sympy.symbols("x y a")
    assert parse_latex_expr(r"2 (x + y) a") == sympy.Mul(2, x + y, a)
