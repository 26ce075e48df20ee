"""The named identities of softmax calculus, each recognised in the step it decides.

The softmax theory proves these by differentiating exactly and collapsing deltas (``canonical``);
what this module adds is their names, so a proof says which identity it is and a step that cites
one ("by the softmax Jacobian") is matched by the proof. Each recogniser looks at the step
as written (``lhs - rhs``) with the definitions unfolded, and says whether the identity's
left side occurs in it; it never decides anything itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sympy import Add, Derivative, Expr, Indexed, Pow, Sum, exp, log

from ...model import Context
from ..base import Rule, register_rule

SOFTMAX_JACOBIAN = register_rule(Rule(
    "softmax Jacobian", "d p_j / d z_i = p_j (delta_ij - p_i) for p_j = exp(z_j) / sum_k exp(z_k)",
    aliases=("derivative of the softmax", "jacobian of the softmax", "softmax derivative")))
CROSS_ENTROPY_GRADIENT = register_rule(Rule(
    "cross-entropy gradient", "d/dz_i (-sum_j y_j log p_j) = p_i - y_i for p = softmax(z) and sum_j y_j = 1",
    aliases=("gradient of the cross entropy", "cross entropy gradient", "softmax cross entropy gradient")))
SIGMOID_DERIVATIVE = register_rule(Rule(
    "sigmoid derivative", "sigma'(x) = sigma(x) (1 - sigma(x)) for sigma(x) = 1 / (1 + exp(-x))",
    aliases=("derivative of the sigmoid", "logistic derivative")))
LOG_SUM_EXP_DERIVATIVE = register_rule(Rule(
    "log-sum-exp derivative", "d/dz_i log sum_k exp(z_k) = exp(z_i) / sum_k exp(z_k), the softmax",
    aliases=("derivative of log sum exp", "gradient of the log-sum-exp")))
LOG_SUM_EXP_SHIFT = register_rule(Rule(
    "log-sum-exp shift", "log sum_k exp(z_k - c) = log sum_k exp(z_k) - c for c free of k",
    aliases=("log sum exp trick", "log-sum-exp shift invariance")))


@dataclass(frozen=True)
class Identity:
    rule: Rule
    occurs: Callable[[Expr], bool]


def _exp_sum(e) -> bool:
    """``sum_k exp(f(z_k))``: a sum whose body is one exponential of an entry."""
    return isinstance(e, Sum) and isinstance(e.function, exp) and e.function.has(Indexed)


def _softmax_entry(e) -> bool:
    """``exp(z_j) / sum_k exp(z_k)``: an exponential of an entry over a sum of exponentials."""
    if not e.is_Mul:
        return False
    factors = e.args
    over = [f for f in factors if isinstance(f, Pow) and f.exp == -1 and _exp_sum(f.base)]
    return bool(over) and any(isinstance(f, exp) and f.has(Indexed) for f in factors)


def _differentiated(body: Callable[[Expr], bool]) -> Callable[[Expr], bool]:
    return lambda expr: any(body(d.expr) and any(isinstance(v, Indexed) for v in d.variables)
                            for d in expr.atoms(Derivative))


def _sigmoid(e) -> bool:
    """``1 / (1 + exp(-x))`` in any arrangement SymPy gives it."""
    return isinstance(e, Pow) and e.exp == -1 and isinstance(e.base, Add) and 1 in e.base.args \
        and any(isinstance(a, exp) for a in e.base.args) and len(e.base.args) == 2


def _cross_entropy(e) -> bool:
    """``-sum_j y_j log p_j`` with the softmax entry written out under the log."""
    return any(_softmax_entry(node.args[0]) for s in e.atoms(Sum) for node in s.function.atoms(log))


def _shifted(e) -> bool:
    """``log sum_k exp(z_k - c)``: the exponent an entry plus terms free of the summation index."""
    for node in e.atoms(log):
        inner = node.args[0]
        if _exp_sum(inner):
            k = inner.limits[0][0]
            terms = Add.make_args(inner.function.args[0])
            if len(terms) > 1 and any(not t.has(k) for t in terms):
                return True
    return False


IDENTITIES = (
    Identity(SOFTMAX_JACOBIAN, _differentiated(_softmax_entry)),
    Identity(CROSS_ENTROPY_GRADIENT, _differentiated(_cross_entropy)),
    Identity(SIGMOID_DERIVATIVE, lambda expr: any(_sigmoid(a) for d in expr.atoms(Derivative)
                                                  for a in d.expr.atoms(Pow))),
    Identity(LOG_SUM_EXP_DERIVATIVE, _differentiated(lambda body: any(_exp_sum(a.args[0]) for a in body.atoms(log)))),
    Identity(LOG_SUM_EXP_SHIFT, _shifted),
)


def named(written: Expr, context: Context) -> tuple[Rule, ...]:
    """The identities whose left side occurs in ``written`` (the definitions already unfolded)."""
    return tuple(identity.rule for identity in IDENTITIES if identity.occurs(written))
