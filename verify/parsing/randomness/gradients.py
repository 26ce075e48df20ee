r"""Gradients in a parameter as papers write them: ``\nabla_{\theta_D} V``, ``\nabla_\theta E_{x \sim p}[f_\theta(x)]``.

The reader gives ``\nabla_{\theta} f`` as an undefined ``nabla_theta(f)``; here it becomes the
probability vocabulary's ``Gradient`` of f in the symbol theta, and the document's statements
say what depends on theta:

* "$D$ is parameterized by $\theta_D$" (parametrized, parametrised, parameterised): every
  application ``D(x)`` takes theta_D as a further argument, so differentiation sees it; a
  function named with the parameter as its subscript (``f_\theta``) is parameterized by it;
* "$p_g$ does not depend on $\theta_D$" (or "is independent of"): the law p_g is free of theta_D;
* a name the chains write bare (``\nabla_{\theta_D} V``) that a premise defines as a function of
  plain names (``V(D, G) = ...``) is that premise's value;
* ``E_{p}[f]`` for a density p the document writes at one variable is the expectation under it.

Nothing else is assumed: a law or function no statement ties to theta is left open, and the
probability theory then keeps the gradient as written (``probability.gradient``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sympy import Derivative, Expr, Function, Integral, Symbol
from sympy.core.function import AppliedUndef

from ...vocabulary import Density, Expectation
from ...vocabulary.probability import Gradient
from .rewriting import rewrite_chain

PREFIX = "nabla_"
_INLINE = r"\$([^$]+)\$"
_LIST = rf"{_INLINE}(?:\s*(?:,|and|,\s*and)\s*{_INLINE})*"
_PARAMETERIZED = re.compile(
    rf"(?P<subjects>{_LIST})\s*(?:is|are)\s+(?:parameteri[sz]ed|parametri[sz]ed)\s+by\s+{_INLINE}", re.I)
_FREE = re.compile(
    rf"(?P<subjects>{_LIST})\s*(?:does not|doesn't|do not|don't)\s+depend\s+on\s+{_INLINE}"
    rf"|(?P<subjects2>{_LIST})\s*(?:is|are)\s+independent\s+of\s+{_INLINE}", re.I)


@dataclass(frozen=True)
class Dependence:
    """What the document says depends on each parameter (by the reader's names)."""

    parameterized: dict[str, frozenset[str]]  # function name -> the parameters it takes
    free: dict[str, frozenset[str]]  # parameter name -> the laws said not to depend on it


def _names_in(latex: str, by_text: dict[str, Expr]) -> set[str]:
    expr = by_text.get(latex.strip())
    if expr is None:
        return set()
    return {s.name for s in expr.free_symbols if isinstance(s, Symbol)} if isinstance(expr, Symbol) else set()


def _subjects(match: re.Match, group: str) -> list[str]:
    return re.findall(_INLINE, match.group(group) or "")


def dependence(text: str, formulas) -> Dependence:
    """The statements of dependence in ``text``; ``formulas`` map each inline formula to its reading."""
    by_text = {f.text.strip(): f.statement.exprs[0] for f in formulas
               if f.statement is not None and len(f.statement.exprs) == 1}
    parameterized: dict[str, set[str]] = {}
    free: dict[str, set[str]] = {}
    for match in _PARAMETERIZED.finditer(text):
        parameters = _names_in(match.groups()[-1], by_text)
        for subject in _subjects(match, "subjects"):
            for name in _names_in(subject, by_text):
                parameterized.setdefault(name, set()).update(parameters)
    for match in _FREE.finditer(text):
        group = "subjects" if match.group("subjects") else "subjects2"
        parameters = _names_in([g for g in match.groups() if g][-1], by_text)
        for subject in _subjects(match, group):
            for name in _names_in(subject, by_text):
                for parameter in parameters:
                    free.setdefault(parameter, set()).add(name)
    return Dependence({k: frozenset(v) for k, v in parameterized.items()},
                      {k: frozenset(v) for k, v in free.items()})


def _gradients(expr: Expr) -> list:
    return [a for a in expr.atoms(AppliedUndef) if a.func.__name__.startswith(PREFIX) and len(a.args) == 1]


def _at_plain_names(context) -> list:
    """The premises ``V(a, b) = ...`` that give a function's value at plain names."""
    return [f for f in context.facts if isinstance(f.lhs, AppliedUndef) and f.lhs.args
            and all(isinstance(a, Symbol) for a in f.lhs.args)]


def mixed_names(expr: Expr) -> set[str]:
    """Names ``expr`` holds both as a function and as a plain factor (``D(x)`` beside ``D \\cdot G(z)``, as
    ``\\log(1 - D(G(z)))`` may be read): one name read two ways, so the value is no reading to rely on."""
    return {s.name for s in expr.free_symbols if isinstance(s, Symbol)} & \
        {a.func.__name__ for a in expr.atoms(AppliedUndef)}


def _premised_values(context, written) -> dict[str, Expr]:
    """Bare name -> the value of a premise ``V(a, b) = ...`` (plain arguments) when the chains never apply V,
    and the value reads each name one way (``mixed_names``)."""
    applied = {a.func.__name__ for e in written for a in e.atoms(AppliedUndef)}
    values: dict[str, list] = {}
    for fact in _at_plain_names(context):
        values.setdefault(fact.lhs.func.__name__, []).append(fact.rhs)
    return {name: forms[0] for name, forms in values.items()
            if len(forms) == 1 and name not in applied and not mixed_names(forms[0])}


def _averages(body: Expr, values: dict) -> bool:
    """True when ``body`` (with the premised values of its bare names) holds an expectation or an integral."""
    body = body.xreplace({s: values[s.name] for s in body.free_symbols if isinstance(s, Symbol) and s.name in values})
    return body.has(Expectation, Integral) or any(
        a.func.__name__ == "E" or a.func.__name__.startswith("E_") for a in body.atoms(AppliedUndef))


def _densities(exprs) -> dict[str, Density]:
    """name -> the one density of one plain variable the formulas write by that name."""
    found: dict[str, set] = {}
    for expr in exprs:
        for d in expr.atoms(Density):
            if not d.given and len(d.variables) == 1:
                found.setdefault(d.name, set()).add(d)
    return {name: next(iter(forms)) for name, forms in found.items() if len(forms) == 1}


def _bare_gradients(document):
    """``\\nabla_{\\theta_D} V`` the reader gave as ``d V(theta_D) / d theta_D`` (a bare name moving with the
    variable it is differentiated by), where a premise gives V at plain names (``V(D, G) = ...``): the
    gradient of that premise's value, ``nabla_theta_D(V)``, as written before V was made to move."""
    premised = {f.lhs.func.__name__: f.lhs.args for f in _at_plain_names(document.context) if _averages(f.rhs, {})}

    def bare(node):
        inner, (variable, order) = node.expr, node.variable_count[0]
        if not (len(node.variable_count) == 1 and order == 1 and isinstance(inner, AppliedUndef)
                and inner.args == (variable,) and premised.get(inner.func.__name__, inner.args) != inner.args):
            return node
        return Function(PREFIX + str(variable))(Symbol(inner.func.__name__))

    def rewrite(expr: Expr) -> Expr:
        return expr.replace(lambda e: isinstance(e, Derivative), bare) if expr.has(Derivative) else expr

    return replace(document, chains=tuple(rewrite_chain(c, rewrite) for c in document.chains))


def _misread_note(document, written):
    """The context with a note naming each premise value left unused for reading a name two ways."""
    applied = {a.func.__name__ for e in written for a in e.atoms(AppliedUndef)}
    mixed = [(f.lhs, sorted(mixed_names(f.rhs))) for f in _at_plain_names(document.context)
             if f.lhs.func.__name__ not in applied and mixed_names(f.rhs)]
    if not mixed:
        return document
    said = "; ".join(f"the premise {lhs} reads {', '.join(names)} both as a function and as a factor, so its value "
                     "is not used inside a gradient" for lhs, names in mixed)
    return replace(document, context=replace(document.context, notes=document.context.notes + ("gradients: " + said,)))


def with_gradients(document, text: str):
    """The chains with each ``nabla_theta(f)`` a ``Gradient`` whose body states its dependence on theta."""
    document = _bare_gradients(document)
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    if not any(_gradients(e) for e in written):
        return document
    document = _misread_note(document, written)
    said = dependence(text, document.formulas)
    symbols = {s.name: s for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    symbols.update({s.name: s for s in document.context.symbols if isinstance(s, Symbol)})
    values = _premised_values(document.context, written)
    if not any(_averages(g.args[0], values) for e in written for g in _gradients(e)):
        return document  # no gradient of an expectation: \nabla_x f(x_k) stays the function it was read as
    densities = _densities(written + [f.rhs for f in document.context.facts])
    parameter_names = {a.func.__name__[len(PREFIX):] for e in written for a in _gradients(e)}
    parameterized = dict(said.parameterized)
    for e in written + list(values.values()):
        for a in e.atoms(AppliedUndef):
            name = a.func.__name__
            for parameter in parameter_names:
                if name.endswith("_" + parameter) and not name.startswith(PREFIX):  # f_theta: subscript names it
                    parameterized[name] = parameterized.get(name, frozenset()) | {parameter}

    def parameter(name: str) -> Symbol:
        return symbols.get(name, Symbol(name, real=True))

    def with_parameters(expr: Expr) -> Expr:
        def extended(node):
            extra = tuple(parameter(p) for p in sorted(parameterized[node.func.__name__]))
            if node.args[-len(extra):] == extra:
                return node  # already given its parameters
            return Function(node.func.__name__)(*node.args, *extra)

        return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in parameterized
                            and not e.func.__name__.startswith(PREFIX), extended)

    def under_densities(expr: Expr) -> Expr:
        expr = expr.replace(lambda e: isinstance(e, Expectation) and isinstance(e.dist, Symbol),
                            lambda e: Expectation(e.body, Density(e.dist.name, (e.var,))))  # x ~ p: p(x)
        return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__.startswith("E_")
                            and len(e.args) == 1 and e.func.__name__[2:] in densities,
                            lambda e: Expectation(e.args[0], densities[e.func.__name__[2:]]))

    def gradient(node):
        name = node.func.__name__[len(PREFIX):]
        body = node.args[0].xreplace({s: values[s.name] for s in node.args[0].free_symbols
                                      if isinstance(s, Symbol) and s.name in values})
        known = set(parameterized) | set(said.free.get(name, ()))
        return Gradient(with_parameters(under_densities(body)), parameter(name), known)

    def rewrite(expr: Expr) -> Expr:
        expr = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__.startswith(PREFIX)
                            and len(e.args) == 1, gradient)
        return with_parameters(under_densities(expr))

    chains = tuple(rewrite_chain(c, rewrite) for c in document.chains)
    context = document.context
    if "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    stated = [f"{name} depends on {', '.join(sorted(ps))}" for name, ps in sorted(parameterized.items())]
    stated += [f"{', '.join(sorted(laws))} free of {p}" for p, laws in sorted(said.free.items())]
    notes = context.notes + ("gradients: " + ("; ".join(stated) if stated else "no dependence stated")
                             + " (anything else inside a gradient may depend on its parameter)",)
    return replace(document, chains=chains, context=replace(context, notes=notes))
