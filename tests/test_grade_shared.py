"""The real submission that started the project (skipped where /work/shared is absent)."""
from pathlib import Path

import pytest

from derivations import BUILTIN
from verify.grading import grade_text, load_rubric

SUBMISSION = Path("/work/shared/examples/assignment5_submission.md")
pytestmark = pytest.mark.skipif(not SUBMISSION.is_file(), reason="the shared example is not on this machine")


@pytest.fixture(scope="module")
def items():
    result = grade_text(SUBMISSION.read_text("utf-8"), load_rubric("assignment5", BUILTIN))
    return {item.id: item for item in result.items}


def test_every_item_is_found(items):
    assert [i for i, item in items.items() if item.status == "not found"] == []


def test_elbo_first_wrong_step_is_the_flipped_log_evidence(items):
    elbo = items["3-elbo"]
    assert (elbo.first_wrong, elbo.mistake) == (3, "sign flipped")
    assert [s.mistake for s in elbo.steps if s.status == "refuted"] == ["sign flipped", "term dropped"]


def test_regularisation_term_drops_the_prior(items):
    assert items["3-regularisation"].mistake == "term dropped" and items["3-regularisation"].points == 0


def test_gda_table_is_right(items):
    assert items["4a-gda-iterates"].points == items["4a-gda-iterates"].max_points
