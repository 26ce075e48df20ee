"""The evidence lower bound (ELBO) of a latent-variable model, and the Gaussian KL of a VAE.

Four chains: log p(x) = ELBO + KL(q || posterior); the ELBO as reconstruction minus
regularisation; the ELBO as a lower bound by Jensen; the closed form of
KL(N(mu, sigma^2) || N(0, 1)) per latent dimension. Everything is built inside
``derivation()`` so that importing this module costs nothing.
"""
from __future__ import annotations

TITLE = "Evidence lower bound (ELBO) and the Gaussian KL term of a VAE"

CONVENTIONS = (
    "$x$ is observed and fixed; $z$ is the latent variable, integrated over the real line",
    "$p$ is one generative model: $p(x, z) = p(x|z) p(z)$, $p(z|x)$ its posterior, $p(x)$ its evidence",
    "$q(z|x)$ is any density over $z$ that is positive everywhere (the approximate posterior)",
    r"$\mathrm{ELBO} = \mathbb{E}_q[\log p(x, z) - \log q(z|x)]$",
    r"the Gaussian KL is per latent dimension: $\mu$ real, $\sigma > 0$; sum over dimensions for a diagonal $q$",
)


def _model():
    """The symbols and densities of the latent-variable model."""
    from verify.theories.probability import X, Z
    from verify.vocabulary import density

    return {
        "x": X, "z": Z,
        "q": density("q", [Z], [X]),
        "joint": density("p", [X, Z]),
        "posterior": density("p", [Z], [X]),
        "likelihood": density("p", [X], [Z]),
        "prior": density("p", [Z]),
        "evidence": density("p", [X]),
    }


def _integral(body, m):
    from sympy import Integral, oo

    return Integral(body, (m["z"], -oo, oo))


def _elbo(m):
    from sympy import log

    from verify.vocabulary import Expectation

    return Expectation(log(m["joint"]) - log(m["q"]), m["q"])


def evidence_decomposition(m):
    """Chain 1: log p(x) = ELBO + KL(q(z|x) || p(z|x))."""
    from sympy import Mul, log

    from verify.model import Chain, Step
    from verify.vocabulary import KL

    q, joint, posterior = m["q"], m["joint"], m["posterior"]
    gap = _integral(q * log(q / posterior), m)
    steps = (
        Step(_integral(q * log(m["evidence"]), m), justification="normalisation"),
        Step(_integral(q * log(joint / posterior), m), justification="Bayes' rule"),
        Step(_integral(q * log(Mul(joint / q, q / posterior, evaluate=False)), m), justification="algebra"),
        Step(_integral(q * log(joint / q), m) + gap, justification="log rules"),
        Step(_elbo(m) + gap, justification="expectation definition"),
        Step(_elbo(m) + KL(q, posterior), justification="KL definition"),
    )
    return Chain(log(m["evidence"]), steps, title=r"$\log p(x) = \mathrm{ELBO} + \mathrm{KL}(q(z|x) \| p(z|x))$")


def reconstruction_and_regularisation(m):
    """Chain 2: ELBO = E_q[log p(x|z)] - KL(q(z|x) || p(z))."""
    from sympy import log

    from verify.model import Chain, Step
    from verify.vocabulary import KL, Expectation

    q, likelihood, prior = m["q"], m["likelihood"], m["prior"]
    reconstruction = Expectation(log(likelihood), q)
    steps = (
        Step(Expectation(log(likelihood) + log(prior) - log(q), q), justification="product rule"),
        Step(reconstruction + Expectation(log(prior) - log(q), q), justification="linearity"),
        Step(reconstruction - KL(q, prior), justification="KL definition"),
    )
    return Chain(_elbo(m), steps, title=r"$\mathrm{ELBO}$ = reconstruction $- \mathrm{KL}(q(z|x) \| p(z))$")


def jensen_bound(m):
    """Chain 3: log p(x) >= ELBO, by Jensen's inequality for the concave log."""
    from sympy import Mul, log

    from verify.model import Chain, Relation, Step
    from verify.vocabulary import Expectation

    q, joint = m["q"], m["likelihood"] * m["prior"]
    steps = (
        Step(log(_integral(joint, m)), justification="marginalisation"),
        Step(log(_integral(Mul(q, joint / q, evaluate=False), m)), justification="algebra"),
        Step(log(Expectation(joint / q, q)), justification="expectation definition"),
        Step(Expectation(log(joint / q), q), Relation.GE, justification="jensen"),
        Step(_elbo(m), justification="product rule"),
    )
    return Chain(log(m["evidence"]), steps, title=r"$\log p(x) \ge \mathrm{ELBO}$ (Jensen)")


def gaussian_kl(m):
    """Chain 4: KL(N(mu, sigma^2) || N(0, 1)) = (mu^2 + sigma^2 - 1 - log sigma^2) / 2."""
    from sympy import Add, Integer, Symbol, log

    from verify.model import Chain, Step
    from verify.theories.probability.gaussian import normal_pdf
    from verify.vocabulary import KL, Expectation, Normal

    z = m["z"]
    mu, sigma = Symbol("mu", real=True), Symbol("sigma", positive=True)
    q_law, prior_law = Normal(mu, sigma**2), Normal(Integer(0), Integer(1))
    moment = lambda k: Expectation(z**k, q_law, z)  # noqa: E731
    second = Add(mu**2, sigma**2, evaluate=False)  # E[z^2], kept unevaluated to show the substitution
    steps = (
        Step(Expectation(log(normal_pdf(z, mu, sigma**2)) - log(normal_pdf(z, 0, 1)), q_law, z),
             justification="KL definition"),
        Step(Expectation(-log(sigma) - (z - mu) ** 2 / (2 * sigma**2) + z**2 / 2, q_law, z),
             justification="log rules"),
        Step(-log(sigma) - (moment(2) - 2 * mu * moment(1) + mu**2) / (2 * sigma**2) + moment(2) / 2,
             justification="linearity"),
        Step(-log(sigma) - Add(second, -2 * mu * mu, mu**2, evaluate=False) / (2 * sigma**2) + second / 2,
             justification="Gaussian moments"),
        Step((mu**2 + sigma**2 - 1 - log(sigma**2)) / 2, justification="algebra"),
    )
    return Chain(KL(q_law, prior_law), steps, title=r"$\mathrm{KL}(N(\mu, \sigma^2) \| N(0, 1))$ in closed form")


def derivation():
    from verify.model import Derivation
    from verify.theories.probability import latent_variable_context

    from .vae_twin import twins

    m = _model()
    chains = (evidence_decomposition(m), reconstruction_and_regularisation(m), jensen_bound(m), gaussian_kl(m))
    return Derivation("elbo", TITLE, latent_variable_context(m["x"], m["z"]), chains,
                      conventions=CONVENTIONS, twins=twins())
