"""The grader checks a student's steps as written: multiplying and dividing by q(z|x) is a step, not a restatement."""
from __future__ import annotations

from derivations import BUILTIN
from tests.class_generator import ELBO_LINES, elbo_block, reference, render
from verify.grading import grade_text, load_rubric
from verify.verdict import Status, Tier

RUBRIC = load_rubric("assignment5", BUILTIN)
TIMES_Q_OVER_Q = r"= \int q(z|x) \frac{q(z|x)}{q(z|x)} \log\left(\frac{p(x|z)p(z)}{q(z|x)}\right) dz"


def _elbo_steps(lines: tuple) -> list:
    items = {i.id: i for i in grade_text(render({**reference(), "elbo": elbo_block(lines)}), RUBRIC).items}
    return items["3-elbo"].steps


def test_multiplying_and_dividing_by_q_is_graded_as_a_step():
    steps = _elbo_steps(ELBO_LINES[:2] + (TIMES_Q_OVER_Q,) + ELBO_LINES[2:])
    assert (steps[1].status, steps[1].tier) == (Status.PROVED, Tier.CANONICAL)


def test_a_line_written_again_is_graded_as_a_restatement():
    steps = _elbo_steps(ELBO_LINES[:2] + ("= " + ELBO_LINES[1].removeprefix("= "),) + ELBO_LINES[2:])
    assert steps[1].tier is Tier.IDENTICAL


def test_multiplying_by_a_ratio_that_is_not_one_is_never_proved():
    broken = TIMES_Q_OVER_Q.replace(r"\frac{q(z|x)}{q(z|x)}", r"\frac{q(z|x)}{p(z)}")
    steps = _elbo_steps(ELBO_LINES[:2] + (broken,) + ELBO_LINES[2:])
    assert steps[1].status is not Status.PROVED


def test_a_class_graded_in_workers_still_credits_the_step(tmp_path):
    from verify.grading import grade_batch

    (tmp_path / "alice.md").write_text(
        render({**reference(), "elbo": elbo_block(ELBO_LINES[:2] + (TIMES_Q_OVER_Q,) + ELBO_LINES[2:])}), encoding="utf-8")
    (result,) = grade_batch([tmp_path], RUBRIC)  # each submission is read in a forked worker
    item = {i.id: i for i in result.items}["3-elbo"]
    assert item.steps[1].tier is Tier.CANONICAL
