"""A check finds once what all its draws share (``numeric.Plan``: the symbols an expression needs, the
stated sums it must meet, each indexed derivative unfolded and differentiated; the probability model's
reading of the densities): a draw with the shared plan is the draw without it, value for value, so
sharing saves time and changes no sample, hence no verdict."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Derivative, IndexedBase, Integer, KroneckerDelta, Sum, Symbol, Tuple, exp, log

from verify.engine.numeric import Plan, instantiate
from verify.engine.sampling import Draw, Scale
from verify.evaluation import Evaluator
from verify.model import Context, Fact
from verify.theories.linalg.ranges import unstated_size
from verify.theories.probability import latent_variable_context
from verify.vocabulary import Density, Expectation

x, t = Symbol("x", real=True), Symbol("t", positive=True)
u, v = Symbol("u", real=True), Symbol("v", real=True)
n = Symbol("n", positive=True, integer=True)
i, j, k, m = (Symbol(name, positive=True, integer=True) for name in "ijkm")
z, p, y = IndexedBase("z", real=True), IndexedBase("p"), IndexedBase("y", real=True)
size = unstated_size("z")
SOFTMAX = Fact("definition of softmax", p[j], exp(z[j]) / Sum(exp(z[k]), (k, 1, size)))
ONE_HOT = Fact("one-hot", Sum(y[m], (m, 1, n)), Integer(1))
LATENT = latent_variable_context()
X, Z = LATENT.symbols[:2]

CASES = {
    "a definition and plain symbols": (Context(facts=(Fact("definition", u, x**2 + t),)), Tuple(u * x, log(t) + v)),
    "a stated sum": (Context(theories=("linalg", "algebra"), facts=(ONE_HOT,)),
                     Tuple(Sum(y[k], (k, 1, n)) ** 2, Integer(1))),
    "an indexed derivative": (Context(theories=("linalg", "algebra"), facts=(SOFTMAX,)),
                              Tuple(Derivative(p[j], z[i]), p[j] * (KroneckerDelta(i, j) - p[i]))),
    "densities of the model": (LATENT, Tuple(log(Density("p", (X,))), Expectation(
        log(Density("p", (X, Z))) - log(Density("q", (Z,), (X,))), Density("q", (Z,), (X,)), Z))),
    "a density the model does not know": (LATENT, Tuple(Density("r", (Z,)), Integer(1))),
}
DRAWS = [Draw(Scale.MODERATE, 0), Draw(Scale.MODERATE, 1), Draw(Scale.WIDE, 2)]


def draws(context, expr, seed, plan):
    """Values, descriptions and both sides' values of a few draws from one pair of streams."""
    theories, plain = np.random.default_rng(seed), np.random.default_rng(seed + 1)
    shown = []
    for draw in DRAWS:
        instance = instantiate(context, expr, theories, draw, plain, plan)
        if isinstance(instance, str):
            shown.append(instance)
            continue
        evaluate = Evaluator(instance.values, instance.hooks)
        with np.errstate(all="ignore"):
            sides = [complex(np.asarray(evaluate(side)).item()) for side in expr.args]
        shown.append((sorted((str(s), repr(a)) for s, a in instance.values.items()), instance.described,
                      sides))
    return shown


@pytest.mark.parametrize("case", CASES)
@given(seed=st.integers(0, 2**16))
@settings(max_examples=8, deadline=None)
def test_a_draw_with_the_shared_plan_is_the_draw_without_it(case, seed):
    context, expr = CASES[case]
    shared = Plan.of(context, expr)
    assert draws(context, expr, seed, shared) == draws(context, expr, seed, None)


def test_a_shared_plan_gives_each_draw_its_own_values():
    """Sharing the plan is not sharing the sample: the derivative differentiated once is evaluated afresh."""
    context, expr = CASES["an indexed derivative"]
    first, second, _ = draws(context, expr, 7, Plan.of(context, expr))
    assert first[2] != second[2]

