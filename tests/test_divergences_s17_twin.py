"""The numeric twin of laws known by name: on random laws of a few points, the drawn values obey the
identities the symbolic rules prove (KL = CE - H = E_P[log P - log Q], CE = H + KL, JSD symmetric and at most log 2,
KL >= 0), so the two tiers agree; and a swapped KL differs from the KL on some law."""
from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Function, Symbol, log

from verify.evaluation import Evaluator
from verify.theories.base import Instance
from verify.theories.probability.divergences import instantiate
from verify.vocabulary import KL

P, Q = Symbol("P"), Symbol("Q")
H, CE, JSD = Function("H"), Function("CE"), Function("JSD")
E_P = Function("E_P")
EXPR = KL(P, Q) + KL(Q, P) + H(P) + H(P, Q) + CE(P, Q) + JSD(P, Q) + JSD(Q, P) + E_P(log(P) - log(Q))


def values(seed: int) -> dict[str, float]:
    instance = Instance()
    assert instantiate(EXPR, np.random.default_rng(seed), instance) is None
    evaluate = Evaluator(instance.values, instance.hooks)
    named = {"kl": KL(P, Q), "lk": KL(Q, P), "h": H(P), "hpq": H(P, Q), "ce": CE(P, Q),
             "jsd": JSD(P, Q), "dsj": JSD(Q, P), "average": E_P(log(P) - log(Q))}
    return {k: float(evaluate(v)) for k, v in named.items()}


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_drawn_laws_obey_the_identities_the_rules_prove(seed):
    v = values(seed)
    assert math.isclose(v["kl"], v["hpq"] - v["h"], abs_tol=1e-12)
    assert math.isclose(v["kl"], v["average"], abs_tol=1e-12)
    assert math.isclose(v["ce"], v["h"] + v["kl"], abs_tol=1e-12)
    assert math.isclose(v["jsd"], v["dsj"], abs_tol=1e-12)
    assert v["kl"] >= 0 and 0 <= v["jsd"] <= math.log(2)


def test_some_drawn_law_tells_kl_from_its_swap():
    assert any(not math.isclose(values(seed)["kl"], values(seed)["lk"]) for seed in range(5))
