"""Rows of the probability rules: densities of a latent-variable model, divergences, Jensen, Gibbs."""
from __future__ import annotations

from sympy import Function, Integer, Integral, Rational, Symbol, log, oo, pi

from verify.model import Context
from verify.parsing import parse_latex_expr as read
from verify.theories.probability import X as x
from verify.theories.probability import Z as z
from verify.theories.probability import latent_variable_context
from verify.vocabulary import KL, Expectation, Normal, density

from .cases import Document, Row, Step

MODEL = latent_variable_context()
q, joint, posterior = density("q", [z], [x]), density("p", [x, z]), density("p", [z], [x])
likelihood, prior, evidence = density("p", [x], [z]), density("p", [z]), density("p", [x])
mu, sigma = Symbol("mu", real=True), Symbol("sigma", positive=True)
H, CE = Function("H"), Function("CE")
P, Q = Symbol("P"), Symbol("Q")
LAWS = Context(symbols=(P, Q), theories=("probability", "algebra"))
NORMALS = Context(symbols=(mu, sigma), theories=("probability", "algebra"))
N_Q = Normal(mu, sigma**2)
FIXED_LAW = "Assume:\n\n- $p$ does not depend on $\\theta$."


def integral(body):
    return Integral(body, (z, -oo, oo))


def step(lhs, rhs, why=None, relation="=", context=MODEL):
    return Step(lhs, rhs, context, relation, why)


BAYES = step(log(evidence), integral(q * log(joint / posterior)), "Bayes' rule")
PRODUCT = step(Expectation(log(joint), q), Expectation(log(likelihood) + log(prior), q), "product rule")
NORMALISATION = step(log(evidence), integral(q * log(evidence)), "normalisation")
MARGINALISATION = step(log(evidence), log(integral(likelihood * prior)), "marginalisation")
LINEARITY = step(integral(q * (log(likelihood) + log(prior))),
                 integral(q * log(likelihood)) + integral(q * log(prior)), "linearity")
EXPECTATION = step(integral(q * log(likelihood)), Expectation(log(likelihood), q), "expectation definition")
KL_DEF = step(integral(q * log(q / prior)), KL(q, prior), "KL definition")
LOG_RULES = step(integral(q * log(likelihood * prior / q)),
                 integral(q * (log(likelihood) + log(prior) - log(q))), "log rules")
GAUSSIAN = step(KL(N_Q, Normal(0, 1)), (sigma**2 + mu**2 - 1) / 2 - log(sigma), "Gaussian moments", context=NORMALS)
ENTROPY = step(H(N_Q), log(2 * pi * sigma**2) / 2 + Rational(1, 2), "entropy definition", context=NORMALS)
CROSS = step(read(r"\mathrm{CE}(P, Q)"), read(r"H(P) + D_{KL}(P \| Q)"), "cross entropy definition", context=LAWS)
JSD_HALF = r"\frac{1}{2} D_{KL}(P \| \frac{1}{2}(P + Q)) + \frac{1}{2} D_{KL}(Q \| \frac{1}{2}(P + Q))"
JSD = step(read(r"\mathrm{JSD}(P \| Q)"), read(JSD_HALF), "Jensen-Shannon divergence definition", context=LAWS)
GIBBS = step(integral(q * log(q)), integral(q * log(prior)), "Gibbs' inequality", ">=")
JENSEN = step(log(Expectation(joint / q, q)), Expectation(log(joint / q), q), "jensen", ">=")
GRADIENT = Document(FIXED_LAW, r"\nabla_\theta \mathbb{E}_{x \sim p}[f_\theta(x)]",
                    r"\mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]")

LEMMA = "Assume: $\\int q(z) \\log q(z) dz = -\\frac{1}{2} \\log(2 \\pi e s^2)$."
STATED = Document(LEMMA, r"2 \int q(z) \log q(z) dz", r"-\log(2 \pi e s^2)")

ROWS = [
    Row("stated premise", STATED, (
        STATED.broken("sign", r"\log(2 \pi e s^2)"),
        STATED.broken("factor", r"-2\log(2 \pi e s^2)"),
        STATED.broken("swapped argument", lhs=r"2 \int q(z) \log p(z) dz"))),
    Row("Bayes' rule", BAYES, (
        BAYES.broken("swapped argument", integral(q * log(joint / likelihood))),
        BAYES.broken("sign", -integral(q * log(joint / posterior))),
        BAYES.broken("exponent", integral(q * log(joint / posterior**2))))),
    Row("product rule", PRODUCT, (
        PRODUCT.broken("sign", Expectation(log(likelihood) - log(prior), q)),
        PRODUCT.broken("swapped argument", Expectation(log(posterior) + log(prior), q)),
        PRODUCT.broken("factor", Expectation(log(likelihood) + 2 * log(prior), q)))),
    Row("normalisation", NORMALISATION, (
        NORMALISATION.broken("factor", 2 * integral(q * log(evidence))),
        NORMALISATION.broken("exponent", integral(q**2 * log(evidence))),
        NORMALISATION.broken("swapped argument", integral(q * log(prior))))),
    Row("marginalisation", MARGINALISATION, (
        MARGINALISATION.broken("swapped argument", log(integral(posterior * prior))),
        MARGINALISATION.broken("exponent", log(integral(likelihood * prior**2))),
        MARGINALISATION.broken("factor", log(2 * integral(likelihood * prior))))),
    Row("linearity", LINEARITY, (
        LINEARITY.broken("sign", integral(q * log(likelihood)) - integral(q * log(prior))),
        LINEARITY.broken("factor", integral(q * log(likelihood)) + 2 * integral(q * log(prior))),
        LINEARITY.broken("dropped term", integral(q * log(likelihood))))),
    Row("expectation definition", EXPECTATION, (
        EXPECTATION.broken("swapped argument", Expectation(log(q), likelihood)),
        EXPECTATION.broken("sign", -Expectation(log(likelihood), q)),
        EXPECTATION.broken("exponent", Expectation(log(likelihood) ** 2, q)))),
    Row("KL definition", KL_DEF, (
        KL_DEF.broken("swapped argument", KL(prior, q)),
        KL_DEF.broken("sign", -KL(q, prior)),
        KL_DEF.broken("factor", 2 * KL(q, prior)))),
    Row("log rules", LOG_RULES, (
        LOG_RULES.broken("sign", integral(q * (log(likelihood) + log(prior) + log(q)))),
        LOG_RULES.broken("factor", integral(q * (log(likelihood) + 2 * log(prior) - log(q)))),
        LOG_RULES.broken("exponent", integral(q * (log(likelihood) * log(prior) - log(q)))))),
    Row("Gaussian moments", GAUSSIAN, (
        GAUSSIAN.broken("sign", (sigma**2 + mu**2 - 1) / 2 + log(sigma)),
        GAUSSIAN.broken("exponent", (sigma + mu**2 - 1) / 2 - log(sigma)),
        GAUSSIAN.broken("swapped argument", lhs=KL(Normal(0, 1), N_Q)))),
    Row("entropy definition", ENTROPY, (
        ENTROPY.broken("factor", log(2 * pi * sigma**2) + Rational(1, 2)),
        ENTROPY.broken("exponent", log(2 * pi * sigma) / 2 + Rational(1, 2)),
        ENTROPY.broken("sign", log(2 * pi * sigma**2) / 2 - Rational(1, 2)))),
    Row("cross entropy definition", CROSS, (
        CROSS.broken("swapped argument", read(r"H(P) + D_{KL}(Q \| P)")),
        CROSS.broken("sign", read(r"H(P) - D_{KL}(P \| Q)")),
        CROSS.broken("swapped argument", read(r"H(Q) + D_{KL}(P \| Q)")))),
    Row("Jensen-Shannon divergence definition", JSD, (
        JSD.broken("factor", read(r"D_{KL}(P \| \frac{1}{2}(P + Q)) + D_{KL}(Q \| \frac{1}{2}(P + Q))")),
        JSD.broken("sign", read(r"\frac{1}{2} D_{KL}(P \| \frac{1}{2}(P + Q)) - \frac{1}{2} D_{KL}(Q \| \frac{1}{2}(P + Q))")),
        JSD.broken("swapped argument", read(r"\frac{1}{2} D_{KL}(P \| Q) + \frac{1}{2} D_{KL}(Q \| P)")))),
    Row("Gibbs' inequality", GIBBS, (
        GIBBS.broken("sign", relation="<="),
        GIBBS.broken("swapped argument", lhs=integral(prior * log(q))),
        GIBBS.broken("factor", 2 * integral(q * log(prior))))),
    Row("jensen", JENSEN, (
        JENSEN.broken("sign", relation="<="),
        JENSEN.broken("swapped argument", Expectation(log(joint / q), prior)),
        JENSEN.broken("factor", 2 * Expectation(log(joint / q), q)))),
    Row("differentiation under the expectation", GRADIENT, (
        GRADIENT.broken("sign", r"-\mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]"),
        GRADIENT.broken("factor", r"2\mathbb{E}_{x\sim p}[\nabla_\theta f_\theta(x)]"),
        GRADIENT.broken("dropped gradient", r"\mathbb{E}_{x\sim p}[f_\theta(x)]"))),
]
