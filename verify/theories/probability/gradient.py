r"""The gradient of an expectation: ``\nabla_\theta E_{x \sim p}[f_\theta(x)] = E_{x \sim p}[\nabla_\theta f_\theta(x)]``.

By the time a ``Gradient`` is rewritten its expectations are integrals of densities over fixed
limits, so moving the gradient inside is the Leibniz rule, and what remains is ordinary
differentiation (the chain rule through ``log``, ``D(G(z, \theta))``). It is valid only when every
function and law inside states how it depends on the parameter (``Gradient.known``): a function
parameterized by theta carries it as an argument, a law said not to depend on it is free of it.
A law or function the document leaves open, or an expectation under an unnamed law, may depend
on theta unseen: the gradient then stays as written and ``unresolved`` says why.
"""
from __future__ import annotations

from sympy import Expr, Integral
from sympy.core.function import AppliedUndef

from ...vocabulary import Density, Expectation
from ...vocabulary.probability import Gradient
from .rules import DIFFERENTIATION_UNDER_EXPECTATION


def unresolved(gradient: Gradient) -> str | None:
    """Why the gradient cannot be moved inside, or None when it can."""
    body, theta, known = gradient.body, gradient.parameter, gradient.known
    for law in sorted(body.atoms(Density), key=str):
        if law.name.endswith(f"_{theta}"):
            return (f"the law {law.name} depends on {theta} (its subscript): moving the gradient inside drops "
                    f"the term from the law's own dependence (score function or reparametrisation)")
        if law.name not in known:
            return f"the law {law.name} may depend on {theta}: the premises do not say it does not"
    for node in sorted(body.atoms(Expectation), key=str):
        return f"the expectation under {node.dist} is not written out, so its dependence on {theta} is unknown"
    undefined = sorted(body.atoms(AppliedUndef), key=str)
    for node in undefined:
        name = node.func.__name__
        if name == "E" or name.startswith("E_"):
            return (f"{node} averages under a law the document does not name, which may depend on {theta} "
                    f"(write E_{{x \\sim p}} with p stated not to depend on {theta})")
    for node in undefined:
        name = node.func.__name__
        if name not in known:
            return f"{name} may depend on {theta}: the premises do not say what it is parameterized by"
    for integral in body.atoms(Integral):
        if any(theta in bound.free_symbols for limit in integral.limits for bound in limit[1:]):
            return f"the limits of {integral} depend on {theta}"
    if body.has(Gradient):
        return "a gradient inside is itself undecided"
    return None


def gradient_rule(node: Expr, used: list) -> Expr:
    """``Gradient(body)`` as the derivative of body, moved inside its integrals, when ``unresolved``
    finds nothing open; otherwise the node unchanged."""
    if not isinstance(node, Gradient) or unresolved(node) is not None:
        return node
    if node.body.has(Integral) and DIFFERENTIATION_UNDER_EXPECTATION not in used:
        used.append(DIFFERENTIATION_UNDER_EXPECTATION)
    return node.body.diff(node.parameter)
