"""Reading random variables from a document: ``\\sim`` premises declare them, a sentence makes them
independent, and E, Var, Cov reach the moments theory, which decides the steps."""
from __future__ import annotations

from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.model import Family
from verify.parsing.document import read_document
from verify.verdict import Status

CONFIG = CheckConfig(seed=1, samples=5, budget=None)
INDEPENDENT = r"""
Let $X \sim \mathcal{N}(\mu, \sigma^2)$ and $Y \sim \mathcal{N}(0, 1)$ be independent.

$$\mathrm{Var}(2X + 3) = 4 \mathrm{Var}(X) = 4\sigma^2$$

$$\mathbb{E}[X Y] = \mathbb{E}[X]\mathbb{E}[Y] = 0$$

$$\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y) = \sigma^2 + 1$$
"""
DEPENDENT = INDEPENDENT.replace("be independent", "be two variables")
WRONG = r"""
Let $X \sim \mathcal{N}(\mu, \sigma^2)$.

$$\mathrm{Var}(2X) = 4\mathrm{Var}(X) = 4\sigma^4$$
"""


def statuses(text: str) -> list[Status]:
    report = check_derivation(read_document(text).derivation(), CONFIG)
    return [r.verdict.status for r in report.results]


def test_a_sim_premise_declares_a_random_variable_with_its_law():
    context = read_document(INDEPENDENT).context
    laws = {v.key: v.law for v in context.random_variables}
    assert laws["X"].family is Family.NORMAL and str(laws["X"].variance) == "sigma**2" and "moments" in context.theories


def test_a_sentence_calling_them_independent_declares_independence():
    (statement,) = read_document(INDEPENDENT).context.independence
    assert statement.keys == {"X", "Y"}


def test_every_step_of_the_independent_document_is_proved():
    assert set(statuses(INDEPENDENT)) == {Status.PROVED}


def test_without_the_sentence_the_independent_steps_are_not_proved():
    found = statuses(DEPENDENT)
    assert Status.PROVED in found and found.count(Status.PROVED) < len(found)


def test_a_wrong_variance_in_a_document_is_refuted():
    assert statuses(WRONG) == [Status.PROVED, Status.REFUTED]


def test_a_variance_at_the_head_of_a_display_is_checked_not_taken_as_a_definition():
    swapped = r"\mathrm{Var}(X) = \mathbb{E}[X]^2 - \mathbb{E}[X^2]"
    text = WRONG.replace(r"\mathrm{Var}(2X) = 4\mathrm{Var}(X) = 4\sigma^4", swapped)
    assert statuses(text) == [Status.REFUTED]


def test_a_document_with_no_declaration_is_read_as_before():
    context = read_document(r"$$\mathrm{Var}(X) = 1$$").context
    assert context.random_variables == () and "moments" not in context.theories
