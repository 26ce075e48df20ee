"""Order premises reach Context.relations whole: upper bounds and relations between names (issue 9)."""
import sympy
from hypothesis import given, strategies as st

from verify.parsing import read_document


def _relations(text: str) -> set[str]:
    return {str(r) for r in read_document(text).context.relations}


def test_an_upper_bound_in_a_premise_is_kept():
    assert "theta < 1" in _relations("Let $0 < \\theta < 1$. Then\n\n$$\\theta^2 = \\theta \\theta$$\n")


def test_a_relation_between_two_sizes_is_kept():
    assert "n < d" in _relations("Assume $n < d$.\n\n$$n d = d n$$\n")


def test_an_open_interval_gives_its_strict_upper_bound():
    assert "eta < 2" in _relations("Let $\\eta \\in (0, 2)$.\n\n$$\\eta + \\eta = 2 \\eta$$\n")


def test_a_closed_interval_gives_its_weak_upper_bound():
    assert "p <= 1" in _relations("Let $p \\in [0, 1]$.\n\n$$p + p = 2 p$$\n")


def test_an_interval_between_two_names_gives_both_bounds():
    assert {"a < x", "x < b"} <= _relations("Let $x \\in (a, b)$.\n\n$$x + a + b = b + a + x$$\n")


def test_a_bound_that_is_no_premise_is_not_kept():
    assert "theta < 1" not in _relations("Then $0 < \\theta < 1$.\n\n$$\\theta^2 = \\theta \\theta$$\n")


def test_a_bound_the_symbol_assumptions_already_hold_is_not_repeated():
    relations = read_document("Assume $d_k > 0$.\n\n$$d_k + d_k = 2 d_k$$\n").context.relations
    assert all(isinstance(r, sympy.Rel) for r in relations) and not relations


@given(st.integers(-5, 5), st.integers(6, 20))
def test_every_stated_interval_bound_is_a_relation(low, high):
    relations = _relations(f"Let ${low} < x < {high}$.\n\n$$x + x = 2 x$$\n")
    assert f"x < {high}" in relations
