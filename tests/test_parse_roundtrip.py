"""Round trip: the LaTeX SymPy prints for a parsed expression parses back to the same expression."""
import sympy
from hypothesis import given, settings, strategies as st
from sympy import Integral, Rational, Symbol, log, oo

from verify.parsing import parse_latex_expr
from verify.parsing.limits import DEFAULT_LIMITS
from verify.vocabulary import KL, BigO, Expectation, Normal, Theta, density

x, z = Symbol("x"), Symbol("z")
NAMES = ["x", "y", "a", "b", "alpha", "eta", "d_k", "v_i", "q_phi", "W^O", "sigma"]
DENSITIES = [density("p", [x], [z]), density("p", [z]), density("q", [z], [x]), density("p_theta", [x, z])]

leaves = st.one_of(
    st.sampled_from(NAMES).map(Symbol),
    st.integers(-20, 20).map(sympy.Integer),
    st.tuples(st.integers(1, 9), st.integers(2, 9)).map(lambda t: Rational(*t)),
    st.sampled_from(DENSITIES),
)


def _extend(children):
    pairs = st.tuples(children, children)
    return st.one_of(
        pairs.map(lambda t: t[0] + t[1]),
        pairs.map(lambda t: t[0] * t[1]),
        pairs.map(lambda t: t[0] - t[1]),
        st.tuples(children, st.integers(-3, 4)).map(lambda t: t[0] ** t[1]),
        children.map(lambda e: log(e)),
        children.map(lambda e: sympy.exp(e)),
        children.map(lambda e: sympy.sqrt(e)),
        children.map(lambda e: Integral(e * DENSITIES[2], (z, -oo, oo))),
        children.map(lambda e: Expectation(e, DENSITIES[2])),
    )


# SymPy evaluates log(-2) to log(2) + i*pi; we read ``i`` as a name (an index), not the imaginary
# unit, so expressions holding I (and zoo, nan from 1/0) are outside the grammar's round trip; so are
# numbers past the parser's exponent limit (``exp(1296)`` prints as ``e^{1296}``, which it refuses).
expressions = st.recursive(leaves, _extend, max_leaves=8).filter(
    lambda e: not e.has(sympy.I, sympy.zoo, sympy.nan, sympy.oo * sympy.I)
    and all(abs(n) <= DEFAULT_LIMITS.max_exponent for n in e.atoms(sympy.Number) if n.is_finite))
outer = st.one_of(
    expressions,
    expressions.map(BigO),
    expressions.map(Theta),
    st.just(KL(DENSITIES[2], DENSITIES[1])),
    st.tuples(expressions, expressions).map(lambda t: Normal(*t)),
)


@settings(max_examples=50, deadline=None)
@given(outer)
def test_printed_latex_parses_back_to_the_same_expression(expr):
    assert parse_latex_expr(sympy.latex(expr)) == _rebuilt(expr)


def _rebuilt(expr):
    """The expression as SymPy builds it from its parts: a generated ``(3 \\sqrt{2}) 3^{3/4} / 9`` whose
    numbers were never combined is the same expression as the ``\\sqrt{2} \\cdot 3^{3/4} / 3`` it prints."""
    if not expr.args or isinstance(expr, sympy.Number):
        return expr
    return expr.func(*(_rebuilt(a) for a in expr.args))


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


def test_named_formulas_round_trip():
    for text in ROUND_TRIPS:
        expr = parse_latex_expr(text)
        assert parse_latex_expr(sympy.latex(expr)) == expr, text
