r"""First-order expansions of vector fields (``dynamics.linearised``): the extragradient step
``x_{k+1} = x_k - \alpha F(x_k - \alpha F(x_k))`` is ``x_k - \alpha (I - \alpha J(F(x_k))) F(x_k) + O(\alpha^3)``.
A field's values do not commute; each moving field is expanded as ``G(a) + DG(a) d + O(d^2)``,
``J(G(y))`` read as the Jacobian of G at y and a lone ``I`` beside field values as the identity."""
from __future__ import annotations

import pytest
from sympy import Function, Integer, Symbol

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.theories.dynamics.linearised import jacobian, linearise
from verify.theories.dynamics.rules import LOCAL_EXPANSION
from verify.verdict import Status

PREMISES = (r"- $F$ is smooth with Jacobian $J(F(x))$." "\n"
            r"- $\hat{x}_{k+1} = x_k - \alpha F(x_k)$" "\n"
            r"- $x_{k+1} = x_k - \alpha F(\hat{x}_{k+1})$" "\n")


def verdicts(*blocks: str) -> list:
    text = "Assume:\n\n" + PREMISES + "\nThen:\n\n" + "\n\n".join(f"$${b}$$" for b in blocks) + "\n"
    document = read_document(text)
    return [r.verdict for r in check_derivation(document.derivation(), CheckConfig(budget=None)).results]


def test_the_extragradient_step_to_second_order_is_proved():
    found = verdicts(r"x_{k+1} = x_k - \alpha (F(x_k) - \alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^3)")
    assert [v.status for v in found] == [Status.PROVED] and LOCAL_EXPANSION in found[0].used
    assert "Jacobian of F" in found[0].reason


def test_factoring_the_identity_out_of_an_expansion_is_proved():
    found = verdicts(r"x_k - \alpha (F(x_k) - \alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^3) "
                     r"= x_k - \alpha (I - \alpha J(F(x_k))) F(x_k) + \mathcal{O}(\alpha^3)")
    assert [v.status for v in found] == [Status.PROVED]
    assert "identity" in found[0].reason


@pytest.mark.parametrize("wrong", [
    r"x_{k+1} = x_k - \alpha (F(x_k) + \alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^3)",  # sign
    r"x_{k+1} = x_k - \alpha (F(x_k) - 2\alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^3)",  # factor
    r"x_{k+1} = x_k + \alpha F(x_k) + \mathcal{O}(\alpha^2)",  # sign of the first-order term
    r"x_{k+1} = x_k - \alpha^2 F(x_k) + \mathcal{O}(\alpha^3)",  # exponent
])
def test_a_broken_field_expansion_is_refuted(wrong):
    assert [v.status for v in verdicts(wrong)] == [Status.REFUTED]


def test_a_broken_identity_factor_is_refuted():
    found = verdicts(r"x_k - \alpha (F(x_k) - \alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^3) "
                     r"= x_k - \alpha (I + \alpha J(F(x_k))) F(x_k) + \mathcal{O}(\alpha^3)")
    assert [v.status for v in found] == [Status.REFUTED]


def test_the_jacobian_on_the_wrong_side_is_never_proved():
    """J F and F J differ for a field (a matrix times a vector): the swapped order is not the expansion."""
    found = verdicts(r"x_{k+1} = x_k - \alpha (F(x_k) - \alpha F(x_k) J(F(x_k))) + \mathcal{O}(\alpha^3)")
    assert Status.PROVED not in [v.status for v in found]


def test_an_expansion_claimed_beyond_first_order_terms_is_unknown():
    """Up to alpha^4 the second derivatives of F enter: a first-order expansion cannot decide it."""
    found = verdicts(r"x_{k+1} = x_k - \alpha (F(x_k) - \alpha J(F(x_k)) F(x_k)) + \mathcal{O}(\alpha^4)")
    assert [v.status for v in found] == [Status.UNKNOWN] and "second derivatives" in found[0].reason


def test_a_coarser_left_remainder_is_not_contained_in_a_finer_one():
    found = verdicts(r"x_k - \alpha F(x_k) + \mathcal{O}(\alpha^2) = x_k - \alpha F(x_k) + \mathcal{O}(\alpha^3)")
    assert Status.PROVED not in [v.status for v in found]


def test_linearise_keeps_the_jacobian_before_the_shift():
    alpha, x = Symbol("alpha", real=True), Symbol("x", real=True)
    field = Function("F", commutative=False)
    expanded = linearise(field(x - alpha * field(x)), alpha)
    assert expanded.terms[0] == field(x)
    assert expanded.terms[1] == -jacobian(field(x), x) * field(x)
    assert expanded.exact_below == 2


def test_linearise_refuses_a_parameter_inside_a_denominator():
    alpha, x = Symbol("alpha", real=True), Symbol("x", real=True)
    field = Function("F", commutative=False)
    assert linearise(field(x) / alpha + Integer(0), alpha) is None
