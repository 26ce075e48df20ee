"""The probability theory: densities, expectations, KL divergence, Bayes, Jensen.

Canonical forms live in ``probability.canonical``, normals in ``probability.gaussian``,
the numeric linear-Gaussian model in ``probability.model`` (densities outside its pattern, or two
names of one letter, are drawn as random gridded laws by ``probability.discrete``), the named rules in
``probability.rules`` and Jensen's check in ``probability.jensen``; this module
assembles and registers them.

>>> ctx = latent_variable_context()
>>> [fact.name for fact in ctx.facts]
["Bayes' rule", 'product rule']
"""
from __future__ import annotations

from sympy import Symbol
from sympy.core.function import AppliedUndef

from ...model import Context, Fact
from ...vocabulary import Density, density
from . import gibbs, jensen, rules  # noqa: F401  (register the rules)
from ..base import Theory, register_theory
from .canonical import canonical
from .gradient import unresolved
from ...vocabulary.probability import Gradient

X = Symbol("x", real=True)
Z = Symbol("z", real=True)


def latent_variable_facts(observed: Symbol, latent: Symbol, model: str = "p") -> tuple[Fact, ...]:
    """Bayes' rule p(z|x) = p(x|z) p(z) / p(x) and the product rule p(x, z) = p(x|z) p(z)."""
    likelihood, prior = density(model, [observed], [latent]), density(model, [latent])
    return (
        Fact("Bayes' rule", density(model, [latent], [observed]),
             likelihood * prior / density(model, [observed])),
        Fact("product rule", density(model, [observed, latent]), likelihood * prior),
    )


def latent_variable_context(observed: Symbol = X, latent: Symbol = Z, model: str = "p",
                            symbols: tuple[Symbol, ...] = (), notes: tuple[str, ...] = ()) -> Context:
    """The standard context of a latent-variable model: x observed, z integrated out.

    ``model`` names the generative density (``"p"`` or e.g. ``"p_theta"``); extra ``symbols``
    (means, variances) join x and z.
    """
    return Context(
        symbols=(observed, latent, *symbols),
        facts=latent_variable_facts(observed, latent, model),
        theories=("probability", "algebra"),
        integration_variables=(latent,),
        notes=notes,
    )


def instantiate(context: Context, expr, rng, instance) -> str | None:
    """Numbers for ``expr`` (``probability.model``), imported on first use: proved steps never need them."""
    from .model import instantiate as numbers

    for node in sorted(expr.atoms(AppliedUndef), key=str):  # E[f(x)] beside densities: which law averages?
        # (in the order of their text, not of the set: the reason must not change with the hash seed)
        if node.func.__name__ == "E" and len(node.args) == 1 and node.args[0].has(Density):
            laws = ", ".join(sorted({d.name for d in node.args[0].atoms(Density)}))
            return (f"{node} does not name its law, and the densities in it ({laws}) leave it open which one "
                    f"averages (write E_{{x \\sim p}}[...] or the integral)")
    for gradient in sorted(expr.atoms(Gradient), key=str):  # a gradient left as written has no numbers: say why
        reason = unresolved(gradient)
        if reason is not None:
            return f"the gradient in {gradient.parameter} is not moved inside: {reason}"
    from .divergences import bare_divergences, instantiate as laws_by_name, law_names

    if bare_divergences(expr) and not expr.has(Density):  # KL(P || Q), H(P, Q) of laws known by name
        declared = {v.name for v in context.random_variables} & law_names(expr)
        if declared:  # the canonical form reads no random variable as a law; nor may the numbers
            return f"{', '.join(sorted(map(str, declared)))} are declared random variables, not laws"
        defined = {f.lhs: f.rhs for f in context.facts if isinstance(f.lhs, Symbol)}
        return laws_by_name(expr, rng, instance, defined)
    return numbers(context, expr, rng, instance)


register_theory(Theory("probability", canonical, instantiate))

__all__ = ["X", "Z", "canonical", "instantiate", "latent_variable_context", "latent_variable_facts"]
