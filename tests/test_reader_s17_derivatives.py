r"""Derivatives as papers and notes write them (issue 10 section 3): higher and mixed partials,
operator forms, Hessian blocks, Lagrange's primes and evaluation bars; LaTeX in, the expression it
means out. A mixed partial is the iterated derivative; a form whose order does not add up is refused
with the reason, never read as a product or a first derivative."""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings, strategies as st
from sympy import Derivative, Function, Subs, Symbol

from verify.errors import ParseError
from verify.parsing import parse_latex_expr
from verify.parsing.transform import PRIME_VARIABLE
from verify.verdict import Status
from tests.documents import check_statuses

x, y, z, t, f, L, theta = (Symbol(n) for n in ("x", "y", "z", "t", "f", "L", "theta"))
g, sigma = Function("g"), Function("sigma")

PARTIALS = [
    (r"\frac{\partial^2 f}{\partial x^2}", Derivative(f, (x, 2))),
    (r"\frac{\partial^{2} f}{\partial x^{2}}", Derivative(f, (x, 2))),
    (r"\frac{\partial^2 f}{\partial x \partial y}", Derivative(f, y, x)),
    (r"\frac{\partial^2 f}{\partial x\, \partial y}", Derivative(f, y, x)),
    (r"\frac{\partial^3 f}{\partial x^2 \partial y}", Derivative(f, y, (x, 2))),
    (r"\frac{\partial^2 (x^3 y)}{\partial x \partial y}", Derivative(x**3 * y, y, x)),
    (r"\frac{\partial^2 g(x, y)}{\partial x^2}", Derivative(g(x, y), (x, 2))),
    (r"\frac{\partial f(x,y)}{\partial x}", Derivative(Function("f")(x, y), x)),
    (r"\frac{\partial x^2}{\partial x}", Derivative(x**2, x)),  # of x^2, never (d x)^2 nor d x / d x
    (r"\frac{\partial^2 x^3}{\partial x^2}", Derivative(x**3, (x, 2))),
]

OPERATORS = [
    (r"\frac{\partial}{\partial x}(x y)", Derivative(x * y, x)),
    (r"\frac{\partial}{\partial x} g(x)", Derivative(g(x), x)),
    (r"\frac{d}{dx}\left[ x^3 + x \right]", Derivative(x**3 + x, x)),
    (r"\frac{\partial^2}{\partial x^2} (x^3 y)", Derivative(x**3 * y, (x, 2))),
    (r"\frac{\partial^2}{\partial x \partial y} (x^3 y)", Derivative(x**3 * y, y, x)),
    (r"\frac{\mathrm d}{\mathrm d x} x^2", Derivative(x**2, x)),
]

SUBSCRIPTED = [
    (r"\nabla_x g(x,y)", Derivative(g(x, y), x)),
    (r"\nabla^2_{xx} f", Derivative(f, (x, 2))),
    (r"\nabla_{xx}^2 f", Derivative(f, (x, 2))),
    (r"\nabla_{xy}^2 f", Derivative(f, y, x)),
    (r"\nabla^2_{xy} (x^3 y)", Derivative(x**3 * y, y, x)),
    (r"\nabla^2_{\theta\theta} L", Derivative(L, (theta, 2))),
    (r"\nabla^2_{x} (x^3)", Derivative(x**3, (x, 2))),
    (r"\partial_x f", Derivative(f, x)),  # as \frac{\partial f}{\partial x}
    (r"\partial_{x} g(x, y)", Derivative(g(x, y), x)),
    (r"\nabla_x f", Derivative(f, x)),
]

PRIMES = [
    (r"g'(x)", Derivative(g(x), x)),
    (r"g''(x)", Derivative(g(x), (x, 2))),
    (r"g'''(t)", Derivative(g(t), (t, 3))),
    (r"\sigma'(z)", Derivative(sigma(z), z)),
    (r"g'(2)", Subs(Derivative(g(PRIME_VARIABLE), PRIME_VARIABLE), PRIME_VARIABLE, 2)),
    (r"g'(x^2)", Subs(Derivative(g(PRIME_VARIABLE), PRIME_VARIABLE), PRIME_VARIABLE, x**2)),
]

BARS = [
    (r"\left. x^2 \right|_{x=2}", 4),
    (r"\left. x^3 \right|_{x=0}^{1}", 1),
    (r"\left. x^3 \right|^{1}_{x=0}", 1),
    (r"\left.\frac{d}{dx} x^3 \right|_{x=2}", 12),
    (r"\left. |x| + 1 \right|_{x=-1}", 2),
    (r"\left. x y \right|_{x=1}", Subs(x * y, x, 1)),  # y may be defined later: the substitution is kept
    (r"\left.\frac{\partial f}{\partial x}\right|_{x=0}", Subs(Derivative(f, x), x, 0)),
    (r"x^2 \Big|_{x=2}", 4),  # a bar with no \left.: of its whole side
    (r"\frac{d}{dx} x^3 \bigg|_{x=1}", 3),
    (r"x^3 \Big|^{1}_{x=0}", 1),
    (r"y + (x^2 \big|_{x=2})", y + 4),  # of its bracket only
    (r"|x| \Big|_{x=-1}", 1),
    (r"\frac{\partial f}{\partial x}\Big|_{x=0}", Subs(Derivative(f, x), x, 0)),
]


@pytest.mark.parametrize("latex, meaning", PARTIALS + OPERATORS + SUBSCRIPTED + PRIMES + BARS)
def test_a_derivative_reads_as_the_derivative_it_means(latex, meaning):
    assert parse_latex_expr(latex) == sympy.sympify(meaning)


@pytest.mark.parametrize("latex, reason", [
    (r"\frac{\partial^2 f}{\partial x}", "above but 1"),
    (r"\frac{\partial f}{\partial x \partial y}", "above but 2"),
    (r"\frac{\partial^3 f}{\partial x \partial y}", "above but 2"),
    (r"\frac{\partial^2 f}{\partial x \partial x}", "written twice"),
    (r"\partial x \partial y", "below a fraction bar"),
    (r"\nabla^2 f", "Laplacian"),
    (r"\nabla^3_x f", "only the Hessian"),
    (r"\nabla^2_{xyz} f", "two variables"),
    (r"\left. x^2 \right|_{0}^{1}", "name its variable"),
    (r"\left. x^2 \right|", "without the point"),
])
def test_a_derivative_whose_order_does_not_add_up_is_refused_with_its_reason(latex, reason):
    with pytest.raises(ParseError, match=reason):
        parse_latex_expr(latex)


d, k, n = Symbol("d"), Symbol("k"), Symbol("n")


@pytest.mark.parametrize("latex, meaning", [
    (r"\frac{k \cdot n \cdot d^2}{n \cdot d^2}", k),  # d a model dimension: d^2 after a factor, below the bar
    (r"\frac{k n d^2}{n d^2}", k),
    (r"\frac{n^2 d}{n d^2}", n / d),
    (r"\frac{d^2 y}{dx^2}", Derivative(y, (x, 2))),  # Leibniz notation writes d x^n below, never d^n
])
def test_a_size_d_squared_below_the_bar_is_no_differential(latex, meaning):
    assert parse_latex_expr(latex) == meaning


@pytest.mark.parametrize("latex", [r"\frac{d^2 y}{d^2 x}", r"\frac{d^2 y}{dx\,dt}"])
def test_a_derivative_with_d_squared_below_is_still_refused(latex):
    with pytest.raises(ParseError, match="mixed differentials"):
        parse_latex_expr(latex)


@pytest.mark.parametrize("wrong", [r"\frac{k n d^2}{n d^2} = k^2", r"\frac{k n d^2}{n d^2} = k d",
                                   r"\frac{k n d^2}{n d} = k"])
def test_a_wrong_ratio_of_sizes_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong)


def test_a_ratio_of_sizes_written_right_is_proved():
    assert statuses(r"\frac{k n d^2}{n d^2} = k") == [Status.PROVED]


def test_a_primed_name_of_several_arguments_stays_an_undefined_function():
    assert not parse_latex_expr(r"g'(x, y)").has(Derivative)  # which partial? not guessed


def test_a_primed_name_not_applied_stays_a_name():
    assert parse_latex_expr(r"x' + 1") == Symbol("x'") + 1


def test_a_bar_that_may_close_an_absolute_value_is_not_read_as_an_evaluation():
    with pytest.raises(ParseError):
        parse_latex_expr(r"|x|_{x=1}")


def test_a_gradient_at_another_point_stays_undefined():
    assert not parse_latex_expr(r"\nabla^2_{xx} g(x_i)").has(Derivative)


POLYNOMIAL = st.lists(st.tuples(st.integers(-5, 5), st.integers(0, 3), st.integers(0, 3)), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None)
@given(POLYNOMIAL)
def test_a_mixed_partial_is_the_iterated_derivative(terms):
    """By the variable written last first: the same as SymPy's order, so SymPy's LaTeX reads back."""
    polynomial = sum(c * x**i * y**j for c, i, j in terms)
    body = sympy.latex(polynomial)
    mixed = parse_latex_expr(rf"\frac{{\partial^2}}{{\partial x \partial y}} \left({body}\right)")
    iterated = parse_latex_expr(rf"\frac{{\partial}}{{\partial x}} \left(\frac{{\partial}}{{\partial y}} \left({body}\right)\right)")
    assert sympy.expand(mixed.doit() - iterated.doit()) == 0
    if polynomial.free_symbols == {x, y}:  # (of a constant SymPy writes d, not \partial: a form refused)
        assert parse_latex_expr(sympy.latex(mixed)) == mixed


def statuses(claim: str) -> list[Status]:
    return check_statuses(f"Then:\n\n$${claim}$$\n")


MUTATIONS = [  # (correct claim, broken variants: wrong order, wrong variable, sign, exponent)
    (r"\frac{\partial^2 (x^3 y^2)}{\partial x \partial y} = 6 x^2 y",
     [r"\frac{\partial^2 (x^3 y^2)}{\partial x \partial y} = -6 x^2 y",
      r"\frac{\partial^2 (x^3 y^2)}{\partial x^2} = 6 x^2 y",
      r"\frac{\partial^2 (x^3 y^2)}{\partial x \partial y} = 6 x y^2"]),
    (r"\frac{\partial^2}{\partial x^2} (x^3 y) = 6 x y",
     [r"\frac{\partial^2}{\partial x^2} (x^3 y) = 3 x^2 y", r"\frac{\partial^2}{\partial y^2} (x^3 y) = 6 x y",
      r"\frac{\partial^2}{\partial x^2} (x^3 y) = -6 x y"]),
    (r"\nabla^2_{xy} (x^2 y^3) = 6 x y^2",
     [r"\nabla^2_{xx} (x^2 y^3) = 6 x y^2", r"\nabla^2_{xy} (x^2 y^3) = 6 x^2 y", r"\nabla^2_{yy} (x^2 y^3) = 6 x y^2"]),
    (r"\partial_x (x^2 y) = 2 x y", [r"\partial_y (x^2 y) = 2 x y", r"\partial_x (x^2 y) = -2 x y"]),
    (r"\frac{\partial x^2}{\partial x} = 2 x", [r"\frac{\partial x^2}{\partial x} = 1", r"\frac{\partial x^2}{\partial x} = x"]),
    (r"\frac{d}{dx}\left[ x^3 + x \right] = 3 x^2 + 1",
     [r"\frac{d}{dx}\left[ x^3 + x \right] = 3 x^2", r"\frac{d}{dx}\left[ x^3 - x \right] = 3 x^2 + 1"]),
    (r"\left.\frac{d}{dx} x^3 \right|_{x=1} = 3",
     [r"\left.\frac{d}{dx} x^3 \right|_{x=1} = 4", r"\left.\frac{d}{dx} x^3 \right|_{x=2} = 3",
      r"\left.\frac{d^2}{dx^2} x^3 \right|_{x=1} = 3"]),
    (r"\left. x^3 \right|_{x=0}^{2} = 8", [r"\left. x^3 \right|_{x=0}^{2} = -8", r"\left. x^3 \right|_{x=2}^{0} = 8"]),
    (r"\frac{d}{dx} x^3 \Big|_{x=1} = 3", [r"\frac{d}{dx} x^3 \Big|_{x=1} = -3", r"\frac{d}{dx} x^2 \Big|_{x=1} = 3"]),
]


@pytest.mark.parametrize("correct, broken", MUTATIONS)
def test_a_derivative_written_right_is_proved(correct, broken):
    assert statuses(correct) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [w for _, variants in MUTATIONS for w in variants])
def test_a_broken_derivative_is_never_proved(wrong):
    assert Status.PROVED not in statuses(wrong) and Status.CONSISTENT not in statuses(wrong)


def defined(claim: str) -> str:
    return f"Let $g(x) = x^3$.\n\nThen:\n\n$${claim}$$\n"


@pytest.mark.parametrize("claim", [r"g'(x) = 3 x^2", r"g''(x) = 6 x"])
def test_a_primed_defined_function_is_its_derivative(claim):
    assert check_statuses(defined(claim)) == [Status.PROVED]


@pytest.mark.parametrize("wrong", [r"g'(x) = 3 x", r"g'(x) = -3 x^2", r"g''(x) = 3 x^2", r"g'(x) = 6 x"])
def test_a_wrong_primed_derivative_is_never_proved(wrong):
    assert Status.PROVED not in check_statuses(defined(wrong))


@pytest.mark.parametrize("claim", [r"\frac{\partial^2 f}{\partial x \partial y} = 0", r"\partial_x f = 0",
                                   r"\left.\frac{\partial f}{\partial x}\right|_{x=0} = 0", r"\nabla^2_{xx} f = 0"])
def test_the_derivative_of_a_name_nothing_is_known_of_is_never_proved_zero(claim):
    assert Status.PROVED not in statuses(claim)
