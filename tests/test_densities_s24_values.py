"""A density of a stated normal used as a number (session 24): ``p(x) = \\mathcal{N}(3, 2)`` makes p(x) its
formula wherever it stands as a value, in the chain and in premises; under a divergence it stays the law.
Left a density, the numbers drew p as an arbitrary law and refuted the correct formula."""
from __future__ import annotations

import pytest

from verify.verdict import Status
from tests.documents import check_statuses

NORMAL = "Assume:\n\n- $p(x) = \\mathcal{N}(3, 2)$\n\nThen:\n\n"
TWO = ("Assume:\n\n- $D(x) = \\frac{p(x)}{p(x) + q(x)}$\n- $p(x) = \\mathcal{N}(3, 2)$\n- $q(x) = \\mathcal{N}(4, 1)$"
       "\n\nThen:\n\n")
FORMULA = ("\\frac{\\frac{1}{\\sqrt{4\\pi}} e^{-\\frac{(x-3)^2}{4}}}{\\frac{1}{\\sqrt{4\\pi}} e^{-\\frac{(x-3)^2}{4}} "
           "+ \\frac{1}{\\sqrt{2\\pi}} e^{-\\frac{(x-4)^2}{2}}}")


def test_the_density_of_a_stated_normal_is_its_formula():
    assert check_statuses(NORMAL + "$$p(x) = \\frac{1}{\\sqrt{4\\pi}} e^{-\\frac{(x-3)^2}{4}}$$\n") == [Status.PROVED]


@pytest.mark.parametrize("wrong", ["\\frac{1}{\\sqrt{4\\pi}} e^{-\\frac{(x-3)^2}{2}}",
                                   "\\frac{1}{\\sqrt{2\\pi}} e^{-\\frac{(x-3)^2}{4}}",
                                   "\\frac{1}{\\sqrt{4\\pi}} e^{-\\frac{(x+3)^2}{4}}"])
def test_a_wrong_formula_for_the_density_is_refuted(wrong):
    assert check_statuses(NORMAL + f"$$p(x) = {wrong}$$\n") == [Status.REFUTED]


def test_a_premise_built_of_stated_densities_takes_their_formulas():
    assert check_statuses(TWO + f"$$D(x) = {FORMULA}$$\n") == [Status.PROVED]


def test_a_premise_built_of_stated_densities_refutes_a_swapped_formula():
    swapped = FORMULA.replace("(x-4)^2}{2}", "(x-3)^2}{2}")
    assert check_statuses(TWO + f"$$D(x) = {swapped}$$\n") == [Status.REFUTED]


def test_a_divergence_of_stated_normals_still_takes_the_closed_form():
    text = ("Assume:\n\n- $q(z) = \\mathcal{N}(\\mu, \\sigma^2)$\n- $p(z) = \\mathcal{N}(0, 1)$\n\nThen:\n\n"
            "$$D_{KL}(q \\| p) = \\frac{1}{2}(\\mu^2 + \\sigma^2 - 1 - \\log \\sigma^2)$$\n")
    assert check_statuses(text) == [Status.PROVED]
