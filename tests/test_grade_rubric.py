"""Rubric files and locating answers."""
import pytest
from hypothesis import given, settings, strategies as st

from derivations import BUILTIN
from verify.errors import UsageError
from verify.grading.locate import Located, NotFound, leading_label, locate
from verify.grading.rubric import Locator, builtin_names, load_rubric, parse_rubric

ITEM = """
[[items]]
id = "q1"
title = "t"
points = 1
kind = "{kind}"
{extra}
"""


def test_builtin_rubric_loads_by_name():
    assert "assignment5" in builtin_names() and load_rubric("assignment5", BUILTIN).total > 0


def test_near_miss_name_suggests_the_builtin():
    with pytest.raises(UsageError, match="Did you mean 'assignment5'"):
        load_rubric("assignmnt5")


def test_rubric_loads_from_a_path(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text(ITEM.format(kind="manual", extra=""))
    assert load_rubric(path).items[0].id == "q1"


@pytest.mark.parametrize("kind, extra, message", [
    ("essay", "", "unknown kind 'essay'"),
    ("manual", 'locate = { lable = "Q1" }', "unknown key"),
    ("manual", "points = [", "not valid TOML"),
])
def test_bad_rubrics_say_what_is_wrong(kind, extra, message):
    with pytest.raises(UsageError, match=message):
        parse_rubric(ITEM.format(kind=kind, extra=extra))


@pytest.mark.parametrize("line, label", [("(1) (a) Let", "1a"), ("2a) text", "2a"), ("<6>", "6"),
                                         ("Q3: answer", "3"), ("1c) Self", "1c"), ("plain text", "")])
def test_leading_labels(line, label):
    assert leading_label(line) == label


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 9), st.sampled_from("abcd"), st.sampled_from(["({}{})", "{}{})", "Q{}{}"]))
def test_label_written_any_way_finds_its_answer(number, letter, shape):
    text = f"intro\n\n{shape.format(number, letter)} the answer is $x^{number}$\n\n(z) other $y$"
    found = locate(text, Locator(label=f"({number}{letter})"))
    assert isinstance(found, Located) and found.maths[0] == f"x^{number}"


def test_struck_out_text_is_never_the_answer():
    found = locate("Q1 ~~$O(n)$~~ $O(n^2)$", Locator(label="Q1"))
    assert found.maths == ("O(n^2)",)


def test_missing_label_is_reported_with_the_reason():
    assert locate("(1) $x$", Locator(label="(2b)")) == NotFound("no part labelled '(2b)'")


def test_fenced_block_by_id():
    found = locate("```{#q2}\n$a + b$\n```\n", Locator(block="q2"))
    assert found.maths == ("a + b",)


COMPLEXITY = ITEM.format(kind="complexity", extra='{extra}\nlocate = {{ label = "Q1" }}\ncontext = {{ positive = ["t", "n", "L", "h"] }}')


def _complexity_item(extra: str, answer: str):
    from verify.grading import grade_text

    return grade_text(f"Q1: ${answer}$", parse_rubric(COMPLEXITY.format(extra=extra), BUILTIN)).items[0]


def test_a_reference_takes_the_class_the_derivation_states():
    from derivations.complexity import quantities

    stated = {q.name: q.total_class for q in quantities()}["transformer train space"]
    item = _complexity_item('reference = "complexity: transformer train space"', f"\\Theta({stated})".replace("**", "^"))
    assert (item.points, item.mistake) == (1.0, None)


def test_assumptions_between_sizes_reach_the_comparison():
    reference = 'reference = "complexity: transformer train space"'
    loose = r"O(t^2 \cdot n^2 \cdot L)"
    assert _complexity_item(reference, loose).mistake == "incomparable"
    assert _complexity_item(reference + '\nassumptions = ["h <= n"]', loose).mistake == "too loose"


def test_an_unknown_reference_is_a_rubric_error_naming_the_known_quantities():
    with pytest.raises(UsageError, match="rnn train time"):
        parse_rubric(COMPLEXITY.format(extra='reference = "complexity: gpu hours"'), BUILTIN)


def test_a_reference_needs_the_derivations_it_names():
    with pytest.raises(UsageError, match="derivations"):
        parse_rubric(COMPLEXITY.format(extra='reference = "complexity: rnn train time"'))
