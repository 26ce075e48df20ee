"""A moment of names no premise declares random but a declared variable is defined by alone
(``\\mathbb E[\\psi^4]`` beside ``g = \\psi_i^2``, g random) is read by the moments theory as that of a
constant (E[c] = c); a numeric disagreement drawn from that reading refutes nothing the author wrote (g's
randomness can only be psi's): unknown, with the reason. A step about declared variables, or about the
moment of a constant beside them (``E[\\mu]``), is refuted as before."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

PREMISES = ("Assume:\n\n- $g = \\psi_i^2$\n- $\\mathbb E[g] = p(1-p)$\n"
            "- $\\mathbb E[\\psi^4] = p(1-p)\\big[1 - 3p(1-p)\\big]$\n\nThen:\n\n")


def _step(right: str) -> str:
    return PREMISES + f"$$\\mathbb E[\\psi^4] - p^2(1-p)^2 = {right}$$\n"


def test_a_step_from_a_stated_moment_of_an_undeclared_name_is_not_refuted():
    assert check_statuses(_step("p(1-p)[1 - 4p(1-p)]")) != [Status.REFUTED]


@pytest.mark.parametrize("wrong", ["p(1-p)[1 + 4p(1-p)]", "p(1-p)[1 - 3p(1-p)]", "2p(1-p)[1 - 4p(1-p)]",
                                   "p(1-p)^2[1 - 4p(1-p)]"])
def test_a_broken_step_from_an_undeclared_moment_is_never_proved(wrong):
    assert check_statuses(_step(wrong)) != [Status.PROVED]


DECLARED = "Assume $X \\sim \\mathcal{N}(0, 1)$ and $\\mathbb E[g] = 0$.\n\n"


def test_a_wrong_moment_of_a_declared_variable_is_still_refuted():
    assert check_statuses(DECLARED + "$$\\mathbb E[X^2 + c] = 2 + c$$\n") == [Status.REFUTED]


def test_a_right_moment_of_a_declared_variable_is_still_accepted():
    assert check_statuses(DECLARED + "$$\\mathbb E[X^2 + c] = 1 + c$$\n")[0] in (Status.PROVED, Status.CONSISTENT)


def test_a_wrong_moment_of_a_constant_beside_a_random_variable_is_still_refuted():
    text = ("Assume $z = \\mu + \\sigma \\epsilon$ and $\\epsilon \\sim \\mathcal{N}(0, 1)$.\n\n"
            "$$E[z] = E[\\mu] + \\sigma E[\\epsilon]$$\n\n$$= 0$$\n")
    assert check_statuses(text)[-1] is Status.REFUTED


@pytest.mark.parametrize("step", ["\\mathrm{Var}(g) = 0", "\\mathbb E[\\psi_i^2] = \\psi_i^2", "\\mathbb E[g] = g"])
def test_a_moment_read_as_a_constant_s_is_never_proved(step):
    """g is random (a stated moment) and g = psi_i^2: Var(g) = Var(psi_i^2) is no constant's variance."""
    text = "Assume:\n\n- $g = \\psi_i^2$\n- $\\mathbb E[g] = p(1-p)$\n\nThen:\n\n" + f"$${step}$$\n"
    assert Status.PROVED not in check_statuses(text)  # psi is random too: a concrete law may refute it


def test_an_entry_of_a_random_letter_is_never_read_as_a_constant():
    """``s_{ij} = q_i \\cdot k_j`` beside random ``q_{il}, k_{jl}``: q_i, k_j may be the vectors of those
    entries, so Var(s_{ij}) = E[s_{ij}^2] (true: the mean is 0) is not refuted by reading them as numbers."""
    text = ("Assume:\n\n- $q_{il}, k_{jl} \\sim \\mathcal{N}(0, 1) \\quad \\text{i.i.d.}$\n"
            "- $s_{ij} = q_i \\cdot k_j = \\sum_{l=1}^{d_k} q_{il} k_{jl}$\n\n"
            "$$\\text{Var}(s_{ij}) = \\mathbb{E}[s_{ij}^2]$$\n")
    assert check_statuses(text) != [Status.REFUTED]


def test_entries_of_a_law_declared_for_a_subscripted_name_are_not_refuted_by_other_laws():
    """``q_{il}, k_{jl} \\sim N(0, 1)`` is declared for the names as written, while the steps read
    ``q_{il}`` as an entry ``q[i, l]``: a draw of another law for those entries is no instance of the
    document, so sum_l E[q_il^2] E[k_jl^2] = d_k (true) is not refuted."""
    text = ("Assume:\n\n- $q_{il}, k_{jl} \\sim \\mathcal{N}(0, 1) \\quad \\text{i.i.d.}$\n"
            "- $s_{ij} = q_i \\cdot k_j = \\sum_{l=1}^{d_k} q_{il} k_{jl}$\n\n"
            "$$\\sum_{l=1}^{d_k} \\mathbb{E}[q_{il}^2] \\mathbb{E}[k_{jl}^2] = d_k$$\n")
    assert check_statuses(text) != [Status.REFUTED]
