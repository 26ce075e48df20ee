"""Feedback a student can act on: their line quoted, which side is theirs, mathematics not code."""
import re
from pathlib import Path

import pytest

from derivations import BUILTIN
from tests.classes.make_homework6 import render
from verify.grading import grade_batch, grade_text, load_rubric
from verify.report import authored_plain

RUBRIC = load_rubric("homework6", BUILTIN)
CODE = re.compile(r"Integral\(|Expectation\(|\*\*|\boo\b|Traceback|Error\b|FiniteSet|Symbol\(")


def _item(choice: dict, item: str, style: str = "headings"):
    return {i.id: i for i in grade_text(render(style, choice)[0], RUBRIC).items}[item]


def test_a_sign_flip_is_called_a_sign_flip():
    item = _item({"q2": "sign flip"}, "q2-softmax-gradient")
    assert item.mistake == "sign flipped" and "sign flip" in item.feedback[0]


def test_a_wrong_answer_says_which_value_is_the_students():
    sentence = authored_plain(_item({"q2": "sign flip"}, "q2-softmax-gradient").feedback[0], unicode=False)
    assert re.search(r"the expected answer, [^,]+, is -?[\d.]+, your answer, [^,]+, is -?[\d.]+", sentence)


def test_a_wrong_step_is_quoted_with_its_line_and_both_sides_values():
    item = _item({"q1": "sign flipped at the end"}, "q1-elbo")
    step = item.steps[item.first_wrong - 1]
    sentence = next(s for s in item.feedback if s.startswith("Your line"))
    assert f"Your line {step.line} (${step.written}$)" in sentence
    assert f"your line {step.line}" in sentence.split(":")[-1] and "the line before it" in sentence


def test_the_residual_is_shown_as_mathematics():
    item = _item({"q1": "sign flipped at the end"}, "q1-elbo")
    sentence = authored_plain(next(s for s in item.feedback if s.startswith("Your line")), unicode=True)
    assert "log(q(z | x))" in sentence and "$" not in sentence


@pytest.fixture(scope="module")
def class_results():
    return grade_batch([Path(__file__).parent / "classes" / "homework6"], RUBRIC)


def test_no_feedback_in_the_class_shows_sympy_code_or_python_text(class_results):
    for result in class_results:
        for item in result.items:
            for text in (*item.feedback, *(d.reason for d in item.deductions)):
                assert not CODE.search(text), (result.student, item.id, text)
