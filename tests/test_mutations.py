"""Breaking any single built-in step must never leave it proved.

For every step of every chain of every built-in derivation, each mutant of the step
(a sign flipped, a term dropped, an exponent or factor changed, a conditional
swapped) is checked against the unchanged previous expression. A mutant may only be
``proved`` if it is in fact equivalent (then the numeric tier agrees as well); every
step must have at least one mutant that is refuted outright.
"""
from __future__ import annotations

import importlib

import pytest

import derivations
from verify.config import CheckConfig
from verify.engine.checker import check_step
from verify.engine.numeric import numeric_check
from verify.verdict import Status

from .mutations import mutants

CONFIG = CheckConfig(seed=1, samples=4, budget=None)


def _available(name: str) -> bool:
    try:
        importlib.import_module(derivations.BUILTIN[name])
    except ModuleNotFoundError:
        return False
    return True


def _steps():
    for name in derivations.names():
        if not _available(name):
            continue
        derivation = derivations.load(name)
        for c, chain in enumerate(derivation.chains):
            for i, (previous, step) in enumerate(chain.links(), 1):
                yield pytest.param(derivation.context, previous, step, id=f"{name}-chain{c + 1}-step{i}")


@pytest.mark.slow
@pytest.mark.parametrize("context, previous, step", list(_steps()))
def test_a_broken_step_is_never_proved_unless_equivalent(context, previous, step):
    refuted = 0
    for kind, mutant in mutants(step.expr):
        verdict = check_step(previous, step.relation, mutant, context, CONFIG, step.justification)
        if verdict.status is Status.PROVED:
            witness = numeric_check(previous, step.relation, mutant, context, CONFIG)
            assert witness.status is Status.CONSISTENT, f"{kind}: {mutant} proved but {witness.reason}"
        refuted += verdict.status is Status.REFUTED
    assert refuted >= 1, f"no mutant of {step.expr} was refuted"


def test_every_builtin_derivation_is_available():
    missing = [name for name in derivations.names() if not _available(name)]
    assert not missing
