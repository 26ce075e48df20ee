"""The notation of papers and notes, group by group: LaTeX in, the expression it means out
(issue 10, section 3). Where a form is ambiguous it is refused with a reason, never guessed."""
from __future__ import annotations

import pytest
import sympy
from sympy import Derivative, FiniteSet, Function, Indexed, IndexedBase, Integral, Rational, Sum, Symbol, exp, log, oo

from verify.errors import ParseError
from verify.parsing import parse, parse_latex_expr
from verify.theories.linalg.ranges import unstated_size
from verify.vocabulary import KL

a, b, c, s, x, y, eta, k, j, i, l = (Symbol(n) for n in ("a", "b", "c", "s", "x", "y", "eta", "k", "j", "i", "l"))
o_i, o_k, p_i, a_j = (Symbol(n) for n in ("o_i", "o_k", "p_i", "a_j"))
P, Q = Symbol("P"), Symbol("Q")


def reads(text: str):
    return parse_latex_expr(text)


FRACTIONS = [  # TeX's one-token arguments: a digit or a letter is one argument
    (r"\frac12", Rational(1, 2)),
    (r"\tfrac16", Rational(1, 6)),
    (r"\tfrac1{18}", Rational(1, 18)),
    (r"\dfrac23", Rational(2, 3)),
    (r"\frac1n", 1 / Symbol("n")),
    (r"\tfrac13\big[\tfrac13(2) + \tfrac23(-1)\big]", 0),
]

BRACKETS = [
    (r"\left\{ a + b \right\} c", (a + b) * c),
    (r"\left \{ a + b \right \} c", (a + b) * c),
    (r"\big[ a + b \big] c", (a + b) * c),
    (r"\Big( a \Big)", a),
    (r"\bigl( a + b \bigr) c", (a + b) * c),
    (r"\big (a + b \big) c", (a + b) * c),
    (r"\underbrace{a + b}_{\text{Evidence lower bound (ELBO)}} - c", a + b - c),
    (r"\overbrace{a^2}^{n} + 1", a**2 + 1),
    (r"\underbrace{a}_x b", a * b),
]

UNICODE = [  # as people and OCR tools type it
    ("η + θ + μ + σ", eta + Symbol("theta") + Symbol("mu") + Symbol("sigma")),
    ("x² + x³", x**2 + x**3),
    ("x⁻¹", 1 / x),
    ("√x", sympy.sqrt(x)),
    ("a · b", a * b),
    ("a × b", a * b),
    ("1 − x", 1 - x),
    ("1 – x", 1 - x),
    ("∑_{k=1}^{3} k", 6),
    ("∏_{k=1}^{3} k", 6),
    ("∫_0^1 x dx", Rational(1, 2)),
    ("∞", oo),
    ("‖x‖", sympy.Abs(x)),
    ("a ± b", FiniteSet(a + b, a - b)),
]

UNICODE_RELATIONS = [("a ≤ b", "<="), ("a ≥ b", ">="), ("a ≠ b", "!="), ("a ≈ b", "~=")]

FONTS = [
    (r"\mathbb E[x]", Function("E")(x)),
    (r"\mathbb{E}[x]", Function("E")(x)),
    (r"{\bf z}", Symbol("zbold")),
    (r"\mathbf{z}", Symbol("zbold")),
    (r"\boldsymbol{\mu}", Symbol("mubold")),
    (r"\mathbf{\mu}", Symbol("mubold")),
    (r"\mathbf{0} + x", x),
    (r"\hat{\mathbf{y}}", Symbol("yboldhat")),
    (r"\hat{y}_j", Symbol("yhat_j")),
    (r"\tilde x", Symbol("xtilde")),
    (r"\bar{x}", Symbol("xbar")),
    (r"T_{\text{self-attn}}", Symbol("T_self_attn")),
    (r"C_{exp}", Symbol("C_{e x p}")),
    (r"\sigma^2_2", Symbol("sigma_2") ** 2),
    (r"W^O_1", Symbol("W^O_1")),  # a capital superscript names the matrix: the output projection of head 1
]

DIVERGENCES = [
    (r"D_{KL}(P\|Q)", KL(P, Q)),
    (r"D_{\text{KL}}(P || Q)", KL(P, Q)),
    (r"D_{\textrm{KL}}(P\|Q)", KL(P, Q)),
    (r"KL(P, Q)", KL(P, Q)),
    (r"D_{KL}(P,Q)", KL(P, Q)),
    (r"\mathrm{KL}[P \| Q]", KL(P, Q)),
    (r"D_{JS}(P \| Q)", Function("D_JS")(P, Q)),
    (r"\mathcal{D}[P \| Q]", Function("Dcal")(P, Q)),
]

SUMS = [
    (r"\sum_k^C x_k", Sum(Indexed(IndexedBase("x"), k), (k, Symbol("C") - unstated_size("x") + 1, Symbol("C")))),
    (r"\sum_{i \neq j} y_i", Sum(Indexed(IndexedBase("y"), i), (i, 1, unstated_size("y"))) - Indexed(IndexedBase("y"), j)),
    (r"\sum \limits_{k=0}^\infty x^k", Sum(x**k, (k, 0, oo))),
    (r"\sum_{l=1}^{2} v_{i, l}", Indexed(IndexedBase("v"), i, 1) + Indexed(IndexedBase("v"), i, 2)),
    (r"\sum_{k=1}^{3} -k", -6),
]

PRODUCTS = [
    (r"\langle 2, 3 \rangle", 6),
    (r"\langle a, b \rangle", Function("inner")(a, b)),
    (r"a \odot b", a * b),
    (r"\tfrac14(1 \pm s)^2", FiniteSet((1 + s) ** 2 / 4, (1 - s) ** 2 / 4)),
    (r"\tfrac{1 \pm s}{2}", FiniteSet((1 + s) / 2, (1 - s) / 2)),
    (r"|\lambda_\pm|", sympy.Abs(Symbol("lambda_pm"))),
]

DERIVATIVES = [
    (r"\frac{\partial \exp(o_i)}{\partial o_k}", Derivative(exp(o_i), o_k)),
    (r"\frac{\partial \log p_i}{\partial p_i}", Derivative(log(p_i), p_i)),
    (r"\frac{\partial}{\partial a_j} \exp(a_j)", Derivative(exp(a_j), a_j)),
    (r"\partial_{x} x^2", Derivative(x**2, x)),
    (r"\partial_{x} y", Derivative(y, x)),  # as \frac{\partial y}{\partial x}: the context makes y move with x
]

n_ = Symbol("n")
STANDARD = [  # standard LaTeX maths
    (r"\sin a \cos b", sympy.sin(a) * sympy.cos(b)),
    (r"\coth(a)", sympy.coth(a)),
    (r"\log 2\pi\sigma^2", log(2 * sympy.pi * Symbol("sigma") ** 2)),
    (r"\log \frac{1}{a} e^{x}", log(exp(x) / a)),  # a power of e is no function word: the argument goes on
    (r"\log \frac{1}{a} \exp(x)", log(exp(x) / a)),  # nor is \exp, the same power written as a word
    (r"\log x \exp(y)^2", log(x * exp(2 * y))),
    (r"\text{log } c \text{exp}[x] + a", log(c * exp(x)) + a),  # up to the next + or -
    (r"\log c \exp(x) \sin y", log(c * exp(x)) * sympy.sin(y)),  # another function word ends it, as ever
    (r"\exp(x) \log c", exp(x) * log(c)),
    (r"\binom{n}{k}", sympy.binomial(n_, k)),
    (r"\sin^2 x + \cos^2 x", sympy.sin(x) ** 2 + sympy.cos(x) ** 2),
    (r"\sin^2 a \cos b", sympy.sin(a) ** 2 * sympy.cos(b)),
    (r"\lfloor x \rfloor", sympy.floor(x)),
    (r"\left\lceil x \right\rceil", sympy.ceiling(x)),
    (r"\log_2 x", log(x) / log(2)),
    (r"\log_{10}(x)", log(x) / log(10)),
    (r"\max(a, b, c)", sympy.Max(a, b, c)),
    (r"\min(a, b)", sympy.Min(a, b)),
    (r"\|x\|_2^2", sympy.Abs(x) ** 2),
    (r"\int^b_a x dx", Integral(x, (x, a, b))),
    (r"\sum^{3}_{k=1} k", 6),
    (r"\mathrm{softmax}(o)_j", Function("entry")(Function("softmax")(Symbol("o")), j)),
]

DENSITIES = [
    (r"\mathcal{N}(x; 0, 1)", exp(-x**2 / 2) / sympy.sqrt(2 * sympy.pi)),
    (r"\mathcal{N}(\mathbf{z}; \mathbf{0}, \mathbf{I})", Function("N")(Symbol("zbold"), 0, Symbol("I"))),
]


@pytest.mark.parametrize("text, expected", FRACTIONS + BRACKETS + UNICODE + FONTS + DIVERGENCES + SUMS + PRODUCTS
                         + DERIVATIVES + DENSITIES + STANDARD)
def test_the_notation_reads_as_the_expression_it_means(text, expected):
    assert same(reads(text), sympy.sympify(expected))


def same(found, expected) -> bool:
    """Equal as written, or (numbers, sums of entries) equal once simplified."""
    if found == expected:
        return True
    if isinstance(found, FiniteSet) or isinstance(expected, FiniteSet):
        return False
    return sympy.simplify(found.doit() - expected.doit()) == 0


@pytest.mark.parametrize("text, relation", UNICODE_RELATIONS)
def test_a_unicode_relation_is_the_relation(text, relation):
    assert parse(text).relations == (relation,)


REFUSED = [
    (r"x^23", "first digit"),
    (r"x_12", "first digit"),
    (r"\langle x^2 \rangle", "average"),
    (r"\mathbf{1}", "one letter"),
    (r"\text{self-attn}", "single word"),
    (r"Var x", "applied"),
    (r"x [a + b]", "space"),
    (r"\lg x", "not standard"),
    (r"\sin^{-1} x", "inverse function"),
    (r"\tan^{-1}(x)", "inverse function"),
    (r"\log e^x \exp(x)", "add brackets"),
    (r"\log x \cdot \exp(y)", "logarithm takes the exponential"),  # one dot from log(x exp(y)): log(x) exp(y)?
    (r"\log x \cdot e^{y}", "logarithm takes the exponential"),
    (r"2 \ln x \cdot \exp(y)", "logarithm takes the exponential"),
    (r"\sin_2 x", "only \\\\log takes a base"),
]


@pytest.mark.parametrize("text, reason", REFUSED)
def test_an_ambiguous_form_is_refused_with_its_reason(text, reason):
    with pytest.raises(ParseError, match=reason):
        reads(text)


def test_jensen_shannon_is_never_read_as_kl():
    assert not reads(r"D_{JS}(P \| Q)").has(KL)


def test_an_unnamed_divergence_is_never_read_as_kl():
    assert not reads(r"\mathcal{D}[P \| Q]").has(KL)


def test_a_missing_lower_bound_is_never_guessed():
    assert reads(r"\sum_k^C x_k").limits[0][1] != 1  # the |x| indices up to C, not 1..C


def test_a_call_raised_to_a_power_is_a_product_when_the_name_stands_alone():
    assert reads(r"p(1-p)^4 + p") == Symbol("p") * (1 - Symbol("p")) ** 4 + Symbol("p")


@pytest.mark.parametrize("typed, written", [("η + θ", "eta + theta"), ("1 − x", "1 - x"), ("a · b", "a * b"),
                                             ("√(1+η^2)", "sqrt(1+eta^2)"), ("a ± b", "a +- b")])
def test_unicode_in_an_ascii_formula_reads_as_its_ascii_spelling(typed, written):
    assert parse(typed, "ascii").exprs == parse(written, "ascii").exprs


def test_bars_around_a_square_matrix_are_its_determinant():
    statement = parse(r"|A^T A| = |A|^2")
    assert all(side.has(sympy.Determinant) and not side.has(sympy.Abs) for side in statement.exprs)


def test_tr_of_a_matrix_is_the_trace_even_with_a_space_before_the_bracket():
    assert parse(r"\text{tr} \left(A^T A\right) = 1").exprs[0].has(sympy.Trace)


def test_tr_of_a_name_of_open_kind_stays_an_undefined_tr():
    assert reads(r"\text{tr} \left(x\right)") == Function("tr")(x)


def test_mathbb_v_not_applied_is_a_plain_name_not_the_variance():
    assert reads(r"x + \mathbb{V}") == x + Symbol("V")
