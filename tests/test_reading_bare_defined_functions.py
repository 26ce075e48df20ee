"""A function defined at its variables and then written bare (``\\mathcal{L}(\\theta; x) = ...``, then
``\\mathcal{L}``) abbreviates the function at those variables, and the report says so; a bare name
the document gives a meaning of its own is left alone."""
from __future__ import annotations

from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses

_DEFINED = ("Let $q(z)$ be a density of $z$ and define\n\n"
            "$$\\mathcal{L}(\\theta; x) = \\int q(z) \\log \\frac{p(x, z)}{q(z)} \\, dz$$\n\nThen\n\n")


def _chain(step: str, before: str = _DEFINED) -> str:
    return f"{before}$${step}$$\n"


def test_the_bare_name_is_the_function_at_its_variables():
    step = r"\log p(x) - \mathcal{L} = \int q(z) \log \frac{q(z) p(x)}{p(x, z)} \, dz"
    assert check_statuses(_chain(step)) == [Status.PROVED]


def test_a_wrong_step_about_the_bare_name_is_refuted():
    step = r"\log p(x) + \mathcal{L} = \int q(z) \log \frac{q(z) p(x)}{p(x, z)} \, dz"
    assert check_statuses(_chain(step)) == [Status.REFUTED]


def test_the_report_says_how_the_bare_name_was_read():
    step = r"\log p(x) - \mathcal{L} = \int q(z) \log \frac{q(z) p(x)}{p(x, z)} \, dz"
    notes = " ".join(read_document(_chain(step)).context.notes)
    assert "read bare as the function defined" in notes


def test_a_bare_name_defined_as_itself_keeps_its_own_value():
    document = "Let $L = 5$.\n\nDefine\n\n$$L(x) = x^2$$\n\nThen\n\n$$L + 1 = 6$$\n"
    assert check_statuses(document)[-1] is Status.PROVED  # L + 1 = 6, with L = 5


def test_a_bare_name_that_is_a_size_is_not_the_function():
    document = "Let $W \\in \\mathbb{R}^{L \\times d}$. Define\n\n$$L(x) = x^2$$\n\nThen\n\n$$L d = d L$$\n"
    assert "read bare" not in " ".join(read_document(document).context.notes)


def test_without_a_definition_the_bare_name_stays_unknown():
    step = r"\log p(x) - \mathcal{L} = \int q(z) \log \frac{q(z) p(x)}{p(x, z)} \, dz"
    assert Status.PROVED not in check_statuses(_chain(step, "Let $q(z)$ be a density of $z$.\n\nThen\n\n"))


INLINE = ("Assume $L(\\theta, \\phi) = -\\log p(x) + D_{KL}(q(z|x) \\| p(z|x))$.\n\n"
          "Then\n\n$$-L = {rhs}$$\n")


def test_a_function_a_premise_states_inline_is_read_bare_too():
    assert check_statuses(INLINE.replace("{rhs}", "\\log p(x) - D_{KL}(q(z|x) \\| p(z|x))")) == [Status.PROVED]


def test_a_wrong_sign_about_a_function_stated_inline_is_refuted():
    assert check_statuses(INLINE.replace("{rhs}", "\\log p(x) + D_{KL}(q(z|x) \\| p(z|x))")) == [Status.REFUTED]
