"""What a formula is for: premises enter the context, claims are checked and never assumed (issue 10, section 2)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import check_statuses
from verify.parsing import read_document
from verify.parsing.roles import Role, introduced, prose_only
from verify.verdict import Status

STEP = "$$\\sqrt{\\lambda^2} = \\lambda$$"  # proved exactly when lambda is known to be nonnegative


def _role(text: str) -> Role:
    """The role of the last inline formula of ``text``."""
    at = text.rfind("$", 0, text.rfind("$"))
    return introduced(prose_only(text), at + 1).role


CLAIM_WORDS = ["hence", "so", "Then", "thus", "therefore", "which gives", "we get", "it follows that"]
PREMISE_WORDS = ["Let", "Assume", "Suppose", "Given", "where", "with", "for", "such that"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CLAIM_WORDS))
def test_an_inline_conclusion_is_never_an_assumption(word):
    assert Status.PROVED not in check_statuses(f"Let $\\lambda$ be real, {word} $\\lambda > 0$.\n\n{STEP}")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PREMISE_WORDS))
def test_a_formula_introduced_as_a_premise_enters_the_context(word):
    assert check_statuses(f"{word} $\\lambda > 0$.\n\n{STEP}") == [Status.PROVED]


@pytest.mark.parametrize("word", CLAIM_WORDS)
def test_a_claim_word_gives_the_claim_role(word):
    assert _role(f"Let $x$ be real; {word} $x > 0$") is Role.CLAIM


def test_the_last_word_before_the_formula_decides():
    assert _role("Hence, for $x > 0$") is Role.PREMISE


def test_an_unmarked_formula_is_no_premise():
    assert Status.PROVED not in check_statuses(f"The value is $\\lambda > 0$.\n\n{STEP}")


def test_an_unmarked_bound_is_named_in_the_notes():
    notes = read_document(f"The value is $\\lambda > 0$.\n\n{STEP}").context.notes
    assert any(note.startswith("not taken as premises: \\lambda > 0") for note in notes)


def test_list_items_under_assume_are_premises():
    text = f"Assume:\n\n- $\\lambda > 0$\n\nThen:\n\n{STEP}"
    assert check_statuses(text) == [Status.PROVED]


def test_a_premise_heading_makes_its_formulas_premises():
    text = f"## Assumptions\n\nThe rate $\\lambda > 0$ is fixed.\n\n## Result\n\n{STEP}"
    assert check_statuses(text) == [Status.PROVED]


def test_a_displayed_premise_under_assume_is_not_checked_as_a_claim():
    document = read_document("Assume:\n\n$$d_k > 0$$\n\nThen:\n\n$$\\sqrt{d_k^2} = d_k$$")
    assert [c.source for c in document.chains] == ["\\sqrt{d_k^2} = d_k"]
    assert check_statuses("Assume:\n\n$$d_k > 0$$\n\nThen:\n\n$$\\sqrt{d_k^2} = d_k$$") == [Status.PROVED]


def test_a_displayed_premise_is_reported_as_skipped_with_its_role():
    document = read_document("Assume:\n\n$$d_k > 0$$\n\nThen:\n\n$$\\sqrt{d_k^2} = d_k$$")
    assert document.skipped == (("d_k > 0", 'a premise: introduced by "Assume"'),)


def test_a_displayed_inequality_after_a_sentence_with_with_is_checked():
    text = "For real $a$ and $b$ with $a < b$ (both nonzero):\n\n$$\\frac{1}{b} < \\frac{1}{a}$$"
    assert Status.PROVED not in check_statuses(text) and check_statuses(text)


def test_a_displayed_inequality_with_no_premise_word_is_a_claim():
    assert check_statuses("$$d_k > 0$$") == [Status.REFUTED]


def test_a_negated_sentence_states_nothing():
    text = ("Let $\\sigma$ be any real number (it is a shift, not a standard deviation).\n\n"
            "$$\\sqrt{\\sigma^2} = \\sigma$$")
    assert Status.PROVED not in check_statuses(text)


def test_the_same_sentence_without_the_negation_states_the_scale():
    text = "Let $\\sigma$ be the standard deviation of the noise.\n\n$$\\sqrt{\\sigma^2} = \\sigma$$"
    assert check_statuses(text) == [Status.PROVED]


def test_a_then_sentence_defines_nothing():
    document = read_document("Let $x$ be real; then $y = x^2 + 1$.\n\n$$y - 1 = x^2$$")
    assert document.context.facts == ()


def test_an_interval_stated_as_a_conclusion_is_no_premise():
    assert Status.PROVED not in check_statuses(f"Hence $\\lambda \\in (0, 1)$.\n\n{STEP}")


@pytest.mark.parametrize("lead", ["Assume:", "Let:", "- Given:", "Notation:"])
def test_a_lead_in_ending_in_a_colon_on_the_same_line_makes_a_premise(lead):
    assert _role(f"{lead} $x > 0$") is Role.PREMISE


@pytest.mark.parametrize("lead", ["Then:", "Hence:", "Result:"])
def test_a_lead_in_on_the_same_line_that_is_no_premise_word_gives_no_premise(lead):
    assert _role(f"{lead} $x > 0$") is not Role.PREMISE


@pytest.mark.parametrize("joined", ["$a = 80$, $x > 0$", "$a = 80$ and $x > 0$", "$a = 80$, $b = 2$, and $x > 0$"])
def test_a_lead_in_introduces_each_formula_of_a_list_after_it(joined):
    assert _role(f"Assume: {joined}.") is Role.PREMISE


@pytest.mark.parametrize("lead", ["Then:", "Result:"])
def test_a_list_after_a_lead_in_that_is_no_premise_word_gives_no_premise(lead):
    assert _role(f"{lead} $a = 80$, $x > 0$.") is not Role.PREMISE


def test_words_between_the_formulas_end_the_lead_in():
    assert _role("Assume: $a = 80$, hence $x > 0$.") is Role.CLAIM


def test_every_definition_of_a_listed_premise_is_used():
    """``Assume: $s = 80$, $H = 3$.``: the second definition was dropped, and a right step refuted."""
    assert check_statuses("Assume: $s = 80$, $H = 3$.\n\n$$s \\times H$$\n$$= 240$$") == [Status.PROVED]
    assert check_statuses("Assume: $s = 80$, $H = 3$.\n\n$$s \\times H$$\n$$= 241$$") == [Status.REFUTED]
