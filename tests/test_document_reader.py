"""Finding chains in documents: continuation rules, struck-out text, labels, environments, fences."""
from pathlib import Path

import pytest
from sympy import Symbol

from verify.model import Relation
from verify.parsing import read_document

SAMPLES = Path(__file__).parent / "samples"
SUBMISSION = Path(__file__).parents[2] / "shared" / "examples" / "assignment5_submission.md"


def test_blocks_starting_with_a_relation_continue_the_chain():
    document = read_document("$$a + a = 2a$$\ntext\n$$= a \\cdot 2$$\n$$\\le 3a$$")
    assert len(document.chains) == 1
    assert [s.relation for s in document.chains[0].steps] == [Relation.EQ, Relation.EQ, Relation.LE]


def test_a_block_without_a_relation_starts_a_new_chain():
    document = read_document("$$a + a = 2a$$\n$$c + c = 2c$$")
    assert len(document.chains) == 2


def test_struck_out_text_is_ignored():
    document = read_document("$$a + b = b + a$$\n~~$$= c$$~~\n<del>$$= e$$</del>\n$$= d$$")
    assert [str(s.expr) for s in document.chains[0].steps] == ["a + b", "d"]


def test_labels_are_stripped_and_sources_kept():
    document = read_document("$$c3 \\quad y = x + x$$\n$$(4) \\quad = 2x$$")
    chain = document.chains[0]
    assert chain.start == Symbol("x", real=True) * 2 and chain.steps[0].source.startswith("= 2x")


def test_a_bare_name_on_the_left_is_a_definition_not_a_step():
    document = read_document("$$y = a + a = 2a$$")
    assert len(document.chains[0].steps) == 1 and document.definitions[0][0] == Symbol("y", real=True)


def test_restating_the_left_side_continues_and_defines():
    document = read_document("$$L(q) = a + a$$\nApplying Bayes' rule\n$$L(q) = 2a$$")
    chain = document.chains[0]
    assert len(chain.steps) == 1 and chain.steps[0].justification is not None


def test_align_environment_rows_are_steps():
    document = read_document((SAMPLES / "algebra_aligned.tex").read_text())
    assert [len(c.steps) for c in document.chains] == [3, 1]


def test_fenced_derivation_blocks_in_both_notations():
    document = read_document((SAMPLES / "gda_fenced.md").read_text())
    assert [len(c.steps) for c in document.chains] == [2, 2]


def test_sizes_in_big_o_and_a_step_size_stated_positive_are_positive():
    document = read_document("Let $\\eta > 0$.\n\n$$O(t n^2 L) = O(L t n^2)$$\n$$\\eta^2 = \\eta \\eta$$")
    symbols = {s.name: s for s in document.context.symbols}
    assert symbols["t"].is_positive and symbols["eta"].is_positive


def test_densities_give_the_latent_variable_context():
    document = read_document((SAMPLES / "elbo_correct.md").read_text())
    assert document.context.integration_variables == (Symbol("z", real=True),)
    assert "probability" in document.context.theories


def _submission_text() -> str:
    if not SUBMISSION.exists():
        pytest.skip("../shared is absent")
    return SUBMISSION.read_text(encoding="utf-8")


def test_every_formula_of_the_submission_parses():
    document = read_document(_submission_text())
    assert len(document.formulas) > 40
    assert [f.text for f in document.formulas if f.error is not None] == []


def test_the_submission_elbo_chain_is_found():
    document = read_document(_submission_text())
    assert len(document.chains) == 1 and len(document.chains[0].steps) == 7


def test_a_display_formula_without_a_relation_is_reported_as_not_checked():
    document = read_document("$$a + b$$\n\ntext\n\n$$c = c$$")
    assert document.skipped == (("a + b", "no relation: nothing to check"),)


def test_a_continuation_of_no_chain_is_reported_as_not_checked():
    document = read_document("$$= c$$")
    assert document.skipped and "continues no chain" in document.skipped[0][1]
