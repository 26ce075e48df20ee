r"""``\lim_{n \to \infty} f(n)``: read as the limit and taken exactly where SymPy finds it; a limit that does
not exist, or depends on a parameter's sign, stays undecided, never proved."""
import pytest
import sympy

from tests.documents import check_statuses
from verify.parsing.expressions import parse
from verify.verdict import Status

n, x = sympy.symbols("n x")


def test_the_limit_is_read_with_its_variable_and_point():
    assert parse(r"\lim_{n \to \infty} \frac{1}{n}").exprs[0] == sympy.Limit(1 / n, n, sympy.oo, dir="-")


@pytest.mark.parametrize("limit, value, wrong", [(r"\lim_{n \to \infty} \frac{1}{n}", "0", "1"),
                                                 (r"\lim_{x \to 0} \frac{\sin x}{x}", "1", "0"),
                                                 (r"\lim_{t \rightarrow \infty} (1 + \frac{1}{t})^t", "e", "2")])
def test_a_limit_is_proved_and_a_wrong_value_refuted(limit, value, wrong):
    assert check_statuses(f"$${limit} = {value}$$\n") == [Status.PROVED]
    assert check_statuses(f"$${limit} = {wrong}$$\n") == [Status.REFUTED]


@pytest.mark.parametrize("claim", [r"\lim_{x \to 0} \frac{1}{x} = \infty", r"\lim_{x \to \infty} e^{a x} = \infty",
                                   r"\lim_{x \to \infty} \sin x = 0"])
def test_a_limit_that_does_not_exist_or_depends_on_a_sign_is_never_proved(claim):
    assert Status.PROVED not in check_statuses(f"$${claim}$$\n")
