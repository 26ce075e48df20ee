"""The named rules of the probability theory, one constant each.

The canonical form (``probability.canonical``) emits these objects as it applies them,
so a verdict's ``used`` holds the rule itself; Jensen's inequality, a rule with its own
check, lives in ``probability.jensen``. Expectation's linearity and independence are
owned here and shared with the linear-algebra theory's moments.
"""
from __future__ import annotations

from ..base import Rule, register_rule

BAYES = register_rule(Rule(
    "Bayes' rule", "p(z|x) = p(x|z) p(z) / p(x)",
    aliases=("bayes", "Bayes's theorem", "bayes theorem", "bayes rule")))
PRODUCT_RULE = register_rule(Rule(
    "product rule", "p(x, z) = p(x|z) p(z) (the chain rule of probability)",
    aliases=("chain rule of probability", "joint factorisation", "joint factorization")))
NORMALISATION = register_rule(Rule(
    "normalisation", "a density integrates to one: int q(z|x) dz = 1",
    aliases=("normalization", "densities integrate to one")))
MARGINALISATION = register_rule(Rule(
    "marginalisation", "int p(x, z) dz = p(x), and int p(x|z) p(z) dz = p(x)",
    aliases=("marginalization", "sum rule", "law of total probability")))
LINEARITY = register_rule(Rule(
    "linearity", "int (a f + b g) dz = a int f dz + b int g dz for z-free a, b",
    aliases=("linearity of the integral", "linearity of expectation")))
EXPECTATION_DEFINITION = register_rule(Rule(
    "expectation definition", "E_q[f] = int q(z) f(z) dz",
    aliases=("definition of expectation", "expectation as integral", "definitions")))
KL_DEFINITION = register_rule(Rule(
    "KL definition", "KL(q || p) = int q(z) log(q(z) / p(z)) dz",
    aliases=("definition of KL", "KL divergence", "definition of the KL divergence")))
LOG_RULES = register_rule(Rule(
    "log rules", "log(a b) = log a + log b and log(a / b) = log a - log b for positive a, b",
    aliases=("log rule", "logarithm rules", "properties of log", "log properties")))
GAUSSIAN_MOMENTS = register_rule(Rule(
    "Gaussian moments", "under N(m, v): E[1] = 1, E[z] = m, E[z^2] = m^2 + v (and higher by recursion)",
    aliases=("moments of the normal", "gaussian kl", "normal moments")))
INDEPENDENCE = register_rule(Rule("independence", "E[XY] = E[X] E[Y] for independent X, Y"))
DIFFERENTIATION_UNDER_EXPECTATION = register_rule(Rule(
    "differentiation under the expectation",
    "nabla_theta E_{x ~ p}[f_theta(x)] = E_{x ~ p}[nabla_theta f_theta(x)] when the law p does not depend on theta "
    "(the integral's limits and its density are theta-free; the chain rule inside)",
    aliases=("gradient of an expectation", "differentiation under the integral sign", "Leibniz integral rule",
             "interchange of gradient and expectation")))
ENTROPY_DEFINITION = register_rule(Rule(
    "entropy definition", "H(p) = -E_p[log p] = -int p(z) log p(z) dz",
    aliases=("definition of entropy", "entropy", "differential entropy")))
CROSS_ENTROPY_DEFINITION = register_rule(Rule(
    "cross entropy definition", "H(p, q) = CE(p, q) = -E_p[log q] = -int p(z) log q(z) dz",
    aliases=("definition of cross entropy", "cross entropy", "cross-entropy")))
JSD_DEFINITION = register_rule(Rule(
    "Jensen-Shannon divergence definition", "JSD(P, Q) = (KL(P || M) + KL(Q || M)) / 2 with M = (P + Q) / 2",
    aliases=("definition of JSD", "Jensen-Shannon divergence", "JS divergence")))
