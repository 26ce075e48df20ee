"""ASCII input goes through the same grammar and gives the same objects as LaTeX."""
import pytest

from verify.parsing import parse_ascii_expr, parse_latex_expr

SAME = [
    ("log(p(x|z)*p(z)/q(z|x))", r"\log\left(\frac{p(x|z) p(z)}{q(z|x)}\right)"),
    ("sqrt(1+eta^2)", r"\sqrt{1+\eta^2}"),
    ("O(t*n^2*L)", r"O(t \cdot n^2 \cdot L)"),
    ("KL(q(z|x) || p(z))", r"D_{KL}(q(z|x) \| p(z))"),
    ("d_k^(-1/2)", r"d_k^{-\frac{1}{2}}"),
    ("exp(-x**2)", r"e^{-x^2}"),
    ("q_phi(z|x)", r"q_\phi(z|x)"),
]


@pytest.mark.parametrize("ascii_text, latex_text", SAME)
def test_ascii_and_latex_agree(ascii_text, latex_text):
    assert parse_ascii_expr(ascii_text) == parse_latex_expr(latex_text)


def test_multi_letter_names_are_one_symbol():
    assert str(parse_ascii_expr("lr*grad")) == "grad*lr"
