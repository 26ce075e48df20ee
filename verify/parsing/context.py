"""Infer a derivation's context from its notation.

* densities' variables and integrated variables are real; the variable integrated
  (``dz``) or averaged over (``E_{q(z|x)}``) is the latent variable, integrated out;
* sizes are positive integers: the symbols inside O/Theta/Omega, upper bounds of
  sums, and the usual size names (t, n, L, d, d_k, d_v, h, r, m, k) where they occur;
* a step size ``eta`` and a standard deviation ``sigma`` are positive;
* every other plain symbol is real.
With densities, the probability theory's latent-variable context supplies Bayes'
rule and the product rule.
"""
from __future__ import annotations

import sympy
from sympy import Expr, Symbol

from ..model import Context
from ..vocabulary import Density, Expectation
from ..vocabulary.asymptotics import _Asymptotic

SIZE_NAMES = frozenset("t n L d d_k d_v d_model h r m k".split())
POSITIVE_NAMES = frozenset("eta sigma".split())


def _atoms(exprs, kind) -> list:
    found = []
    for expr in exprs:
        found.extend(sorted(expr.atoms(kind), key=str))
    return found


def integrated_variables(exprs) -> list[Symbol]:
    """Variables of integrals and expectations, in order of first appearance."""
    names: list[Symbol] = []
    for integral in _atoms(exprs, sympy.Integral):
        names.extend(v for v in integral.variables if v not in names)
    for expectation in _atoms(exprs, Expectation):
        if expectation.var not in names:
            names.append(expectation.var)
    return names


def size_symbols(exprs) -> set[Symbol]:
    sizes = set()
    for expr in exprs:
        for node in sympy.preorder_traversal(expr):
            if isinstance(node, _Asymptotic):
                sizes |= {s for s in node.free_symbols if isinstance(s, Symbol)}
            elif isinstance(node, (sympy.Sum, sympy.Product)):
                sizes |= {b for _, _, b in node.limits if isinstance(b, Symbol)}
            elif isinstance(node, Symbol) and node.name in SIZE_NAMES:
                sizes.add(node)
    return sizes


def assumptions_for(symbol: Symbol, sizes: set, densities: bool) -> dict:
    if symbol in sizes:
        return {"positive": True, "integer": True}
    if symbol.name in POSITIVE_NAMES:
        return {"positive": True}
    return {"real": True}


def symbol_map(exprs) -> dict[Symbol, Symbol]:
    """Plain parsed symbols -> the same names with the inferred assumptions."""
    sizes = size_symbols(exprs)
    densities = bool(_atoms(exprs, Density))
    plain = {s for e in exprs for s in e.free_symbols if isinstance(s, Symbol) and set(s.assumptions0) <= {"commutative"}}
    return {s: Symbol(s.name, **assumptions_for(s, sizes, densities)) for s in plain}


def _model_name(exprs, latent: Symbol) -> str:
    names = [d.name for d in _atoms(exprs, Density) if latent in d.given or (latent in d.variables and not d.given)]
    generative = [n for n in names if n.startswith("p")]
    return generative[0] if generative else "p"


def infer_context(exprs: list[Expr], mapping: dict[Symbol, Symbol]) -> Context:
    """The context for expressions already rewritten with ``mapping``."""
    symbols = tuple(sorted(set(mapping.values()), key=str))
    latent_candidates = integrated_variables(exprs)
    densities = _atoms(exprs, Density)
    if densities and latent_candidates:
        return _latent_context(exprs, latent_candidates[0], symbols)
    theories = ("probability", "algebra") if densities else ("algebra",)
    return Context(symbols=symbols, theories=_available(theories), notes=("context inferred from the notation",))


def _available(theories: tuple[str, ...]) -> tuple[str, ...]:
    from ..theories import THEORIES

    return tuple(t for t in theories if t in THEORIES) or ("algebra",)


def _latent_context(exprs, latent: Symbol, symbols) -> Context:
    observed = [v for d in _atoms(exprs, Density) for v in (*d.variables, *d.given) if v != latent]
    observed_symbol = observed[0] if observed else Symbol("x", real=True)
    note = (f"context inferred from the notation: {latent} is integrated out, {observed_symbol} is observed",)
    try:
        from ..theories.probability import latent_variable_context
    except ImportError:
        return _fallback_context(observed_symbol, latent, symbols, note)
    others = tuple(s for s in symbols if s not in (observed_symbol, latent))
    return latent_variable_context(observed_symbol, latent, _model_name(exprs, latent), others, note)


def _fallback_context(observed, latent, symbols, note) -> Context:
    from ..model import Fact
    from ..vocabulary import density

    facts = (Fact("Bayes' rule", density("p", [latent], [observed]),
                  density("p", [observed], [latent]) * density("p", [latent]) / density("p", [observed])),
             Fact("product rule", density("p", [observed, latent]),
                  density("p", [observed], [latent]) * density("p", [latent])))
    return Context(symbols=symbols, facts=facts, theories=_available(("probability", "algebra")),
                   integration_variables=(latent,), notes=note)
