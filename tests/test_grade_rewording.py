"""Grades come from a verdict's status, tier and rules, never from its wording.

Every verdict the engine builds goes through ``Verdict.__init__`` (the ``proved`` and
``unknown`` constructors, the tiers' own verdicts, ``dataclasses.replace``); the fixture
rewrites the reason there, so every message the engine can emit is reworded.
"""
from __future__ import annotations

import inspect

import pytest

from derivations import BUILTIN
from tests.class_generator import ELBO_LINES, elbo_block, generated_class, reference, render
from verify.config import CheckConfig
from verify.engine.checker import check_derivations
from verify.grading import grade_text, load_rubric
from verify.verdict import Status, Verdict

RUBRIC = load_rubric("assignment5", BUILTIN)
CONFIG = CheckConfig(budget=None, samples=4)
GOAL = r"E_{q(z|x)} [\log p(x, z) - \log q(z|x)]"
_RESTATED = elbo_block((ELBO_LINES[0], ELBO_LINES[1], f"= {GOAL}", f"= {GOAL}"), {1: "Applying Bayes' theorem"})
# the reference answers, each variant, each mutant, and a chain that restates a line (no credit for it)
CLASS = generated_class(25) + [("restated", render({**reference(), "elbo": _RESTATED}))]


def _reworded(reason: str) -> str:
    return f"[{len(reason)}] " + " ".join(reversed(reason.split()))


@pytest.fixture
def reworded(monkeypatch):
    original = Verdict.__init__
    signature = inspect.signature(original)

    def init(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        bound.arguments["reason"] = _reworded(bound.arguments["reason"])
        original(*bound.args, **bound.kwargs)

    monkeypatch.setattr(Verdict, "__init__", init)


def _grades(text: str) -> list:
    """Everything a grade is: points, status, mistakes, and each step's status, tier and rules."""
    result = grade_text(text, RUBRIC, CONFIG)
    return [(item.id, item.points, item.status, item.mistake, item.first_wrong,
             tuple(d.points for d in item.deductions),
             tuple((s.status, s.tier, s.mistake, s.used) for s in item.steps)) for item in result.items]


@pytest.fixture(scope="module")
def plain_grades() -> dict:
    return {name: _grades(text) for name, text in CLASS}


def test_the_fixture_rewords_every_reason(reworded):
    assert Verdict(Status.PROVED, "both sides are identical").reason != "both sides are identical"


@pytest.mark.parametrize("name, text", CLASS, ids=[name for name, _ in CLASS])
def test_rewording_every_reason_changes_no_grade(plain_grades, reworded, name, text):
    assert _grades(text) == plain_grades[name]


def _verdicts() -> list:
    """Status, tier and rules of every check of every built-in derivation, and whether its reason is reworded."""
    import derivations

    reports = check_derivations((derivations.load(name) for name in derivations.names()), CONFIG)
    return [(r.verdict.status, r.verdict.tier, r.verdict.used, r.verdict.reason.startswith("["))
            for report in reports for r in report.results + report.twin]


@pytest.fixture(scope="module")
def plain_verdicts() -> list:
    return _verdicts()


def test_rewording_every_reason_changes_no_verdict_of_the_built_in_derivations(plain_verdicts, reworded):
    verdicts = _verdicts()
    assert [v[:3] for v in verdicts] == [v[:3] for v in plain_verdicts]
    assert all(v[3] for v in verdicts) and not any(v[3] for v in plain_verdicts)
