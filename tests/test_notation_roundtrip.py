"""Round trip through both printers (issue 10, section 3): every expression of our vocabulary, printed as
LaTeX by ``verify.printing.latex_math`` and by SymPy's ``latex()``, reads back to the same expression."""
from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings, strategies as st
from sympy import Abs, Integral, Rational, Sum, Symbol, log, oo

from verify.parsing import parse_latex_expr
from verify.parsing.limits import DEFAULT_LIMITS
from verify.printing import latex_math
from verify.vocabulary import KL, BigO, Expectation, Normal, Theta, density

x, z, k, n = Symbol("x"), Symbol("z"), Symbol("j"), Symbol("n")  # j: no name of NAMES has it as index
NAMES = ["x", "y", "a", "b", "alpha", "eta", "theta", "sigma", "mu", "d_k", "v_i", "q_phi", "W^O", "x_1"]
DENSITIES = [density("p", [x], [z]), density("p", [z]), density("q", [z], [x]), density("p_theta", [x, z])]

leaves = st.one_of(
    st.sampled_from(NAMES).map(Symbol),
    st.integers(-20, 20).map(sympy.Integer),
    st.tuples(st.integers(1, 9), st.integers(2, 9)).map(lambda t: Rational(*t)),
    st.sampled_from(DENSITIES),
)


def _built(build):
    """SymPy asks an integral with no free name whether it is zero by quadrature, which fails on an
    undefined density (TypeError, KeyError inside evalf): such a draw is no expression and is dropped."""
    def safely(parts):
        try:
            return build(parts)
        except (TypeError, KeyError, ValueError, ZeroDivisionError):
            return None
    return safely


def _extend(children):
    pairs = st.tuples(children, children)
    built = st.one_of(
        pairs.map(_built(lambda t: t[0] + t[1])),
        pairs.map(_built(lambda t: t[0] * t[1])),
        pairs.map(_built(lambda t: t[0] - t[1])),
        pairs.map(_built(lambda t: t[0] / t[1])),
        st.tuples(children, st.integers(-3, 4)).map(_built(lambda t: t[0] ** t[1])),
        children.map(_built(log)),
        children.map(_built(sympy.exp)),
        children.map(_built(sympy.sqrt)),
        children.map(_built(Abs)),
        children.map(_built(sympy.sin)),
        children.map(_built(sympy.tanh)),
        children.map(_built(lambda e: Integral(e * DENSITIES[2], (z, -oo, oo)))),
        children.map(_built(lambda e: Expectation(e, DENSITIES[2]))),
        children.map(_built(lambda e: Sum(e * x**k, (k, 1, n)))),
    )
    return built.filter(lambda e: e is not None)


def _in_grammar(expr) -> bool:
    """SymPy evaluates log(-2) to log(2) + i*pi and we read ``i`` as a name, 1/0 is zoo, |e^x| is
    e^{re(x)} and the square root of an expression that may be negative is rewritten through atan2 (re,
    im, arg, atan2 are no notation of ours), and numbers past the exponent limit are refused:
    those leave the grammar's round trip."""
    try:
        return _holds_no_escape(expr)
    except (TypeError, KeyError, ValueError):
        return False


def _holds_no_escape(expr) -> bool:
    return not expr.has(sympy.I, sympy.zoo, sympy.nan, sympy.re, sympy.im, sympy.arg, sympy.atan2) and all(
        abs(number) <= DEFAULT_LIMITS.max_exponent for number in expr.atoms(sympy.Number) if number.is_finite)


expressions = st.recursive(leaves, _extend, max_leaves=8).filter(_in_grammar)
outer = st.one_of(
    expressions,
    expressions.map(BigO),
    expressions.map(Theta),
    st.just(KL(DENSITIES[2], DENSITIES[1])),
    st.tuples(expressions, expressions).map(lambda t: Normal(*t)),
)
PRINTERS = {"verify.printing": latex_math, "sympy": sympy.latex}


def _rebuilt(expr):
    """The expression as SymPy builds it from its parts (numbers never combined print combined)."""
    if not expr.args or isinstance(expr, sympy.Number):
        return expr
    return expr.func(*(_rebuilt(a) for a in expr.args))


@pytest.mark.parametrize("printer", PRINTERS)
@settings(max_examples=60, deadline=None)
@given(expr=outer)
def test_printed_latex_reads_back_to_the_same_expression(printer, expr):
    assert _same(parse_latex_expr(PRINTERS[printer](expr)), _rebuilt(expr))


def _same(read, built) -> bool:
    """Equal as built, or once expanded: ``2 (x + y) / x`` is read as the product written, which SymPy
    distributes (2x + 2y)/x, where the printed Mul(2, x + y, 1/x) kept the bracket."""
    return read == built or sympy.expand(read) == sympy.expand(built)


ROUND_TRIPS = [
    r"\log p(x|z) + \log p(z) - \log q(z|x)",
    r"\mathbb{E}_{q(z|x)}\left[\log p(x, z) - \log q(z|x)\right]",
    r"\int q(z|x) \log\frac{p(x|z) p(z)}{q(z|x)} dz",
    r"D_{KL}(q(z|x) \| p(z))",
    r"O(t \cdot n^2 \cdot L)",
    r"\sum_{i=1}^{m} v_i \alpha_i",
    r"\sqrt{1 + \eta^2}",
    r"\mathcal{N}(\mu, \sigma^2)",
]


@pytest.mark.parametrize("printer", PRINTERS)
@pytest.mark.parametrize("text", ROUND_TRIPS)
def test_a_named_formula_reads_back_through_each_printer(printer, text):
    expr = parse_latex_expr(text)
    assert parse_latex_expr(PRINTERS[printer](expr)) == expr
