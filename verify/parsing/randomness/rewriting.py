"""The chains rewritten once the declarations are known.

E, Var, Cov (read as undefined functions) become the moments vocabulary; a declared scalar
its declared symbol, a component ``q_i`` of a declared family the entry ``q[i]``; a product of
two declared families (``q \\cdot k``, ``q^\\top k``) their dot product; ``E_{p}[f]`` for a
density p of the document the expectation under ``p(x)``.
"""
from __future__ import annotations

from dataclasses import replace

import sympy
from sympy import Expr, IndexedBase, Integer, Integral, MatMul, MatrixSymbol, Mul, Symbol, Transpose, oo
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.core.function import AppliedUndef

from ...model import Chain
from ...vocabulary import KL, Density, Expectation, Normal
from ...vocabulary.linalg import Dot
from ...vocabulary.random import Cov, Expect, Var

OPERATORS = {"E": Expect, "Var": Var, "Cov": Cov}


def vector_pair(expr: Expr, families: set[str]) -> tuple[str, str] | None:
    """``q k`` (``q \\cdot k`` of scalars), ``q^T k`` or ``q k`` of column vectors: the two families."""
    if isinstance(expr, MatMul) and len(expr.args) == 2:
        first, second = expr.args
        if isinstance(first, Transpose):
            first = first.arg
        if all(isinstance(a, MatrixSymbol) and a.name in families for a in (first, second)):
            return first.name, second.name
    if isinstance(expr, Mul) and len(expr.args) == 2:
        if all(isinstance(a, Symbol) and a.name in families for a in expr.args):
            return tuple(sorted(a.name for a in expr.args))
    return None


def dot_products(expr: Expr, families: dict) -> Expr:
    """Every product of two declared families (``families``: key -> IndexedBase) as their dot product."""
    def pair(node):
        return vector_pair(node, set(families)) is not None

    def dot(node):
        first, second = vector_pair(node, set(families))
        return Dot(families[first], families[second])

    expr = expr.replace(lambda e: isinstance(e, MatMul) and pair(e), dot)

    def split(node):
        inside = [a for a in node.args if isinstance(a, Symbol) and a.name in families]
        if len(inside) != 2 or inside[0] == inside[1]:
            return node
        rest = [a for a in node.args if a not in inside]
        return Mul(*rest) * Dot(*(families[a.name] for a in sorted(inside, key=str)))

    return expr.replace(lambda e: isinstance(e, Mul), split)


def as_components(expr: Expr, families: dict) -> Expr:
    """Each entry ``q[j, 0]`` of a column vector q declared as a family (``q^\\top k`` written out as a
    sum over its entries) as the component ``q[j]`` of the family: the same random variable."""
    def entry(node) -> bool:
        parent = node.parent
        return (isinstance(parent, MatrixSymbol) and parent.name in families and parent.shape[1] == 1
                and node.j == 0)

    return expr.replace(lambda e: isinstance(e, MatrixElement) and entry(e),
                        lambda e: families[e.parent.name][e.i])


def operators(expr: Expr, declared: dict, components: dict | None = None, families: dict | None = None) -> Expr:
    """E, Var, Cov as the moments vocabulary; each declared variable as its declared symbol, each
    component ``q_i`` of a declared family as ``q[i]``, each product of two families a dot product."""
    renamed = {s: declared[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in declared}
    families, components = families or {}, components or {}
    for symbol in expr.free_symbols:
        entry = components.get(getattr(symbol, "name", None))
        if entry is not None and str(entry.base.label) in families:
            renamed[symbol] = entry
    expr = expr.xreplace(renamed)
    if families:
        expr = as_components(dot_products(expr, families), families)
    expr = expr.replace(lambda e: _over_one(e, set(declared) | set(families)), lambda e: Expect(e.args[0]))
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in OPERATORS,
                        lambda e: OPERATORS[e.func.__name__](*e.args))


def _over_one(node, keys: set[str]) -> bool:
    """``E_Z[f]`` (an undefined ``E_Z``) over a declared Z, where f holds no other declared variable:
    the expectation over Z is E[f]; with other variables in f it is conditional, and stays."""
    if not (isinstance(node, AppliedUndef) and node.func.__name__.startswith("E_") and len(node.args) == 1):
        return False
    key = node.func.__name__[2:]
    if key not in keys:
        return False
    body = node.args[0]
    mentioned = {getattr(s, "name", None) for s in body.free_symbols}
    mentioned |= {str(b.label) for b in body.atoms(IndexedBase)} | {m.name for m in body.atoms(MatrixSymbol)}
    return not (mentioned & keys) - {key}


def rewrite_chain(chain: Chain, rewrite) -> Chain:
    steps = tuple(replace(s, expr=rewrite(s.expr)) for s in chain.steps)
    return replace(chain, start=rewrite(chain.start), steps=steps)  # as written, the start is kept


def densities_of(exprs) -> dict:
    """name -> the density ``p(x)`` the document writes of one variable; a name written of different
    variables is ambiguous and left out. A name the document writes in one form only, a conditional
    ``q_phi(z | x)`` of one variable, is that law (``E_{q_phi}`` averages z under q_phi(z | x))."""
    found: dict = {}
    every: dict = {}
    for expr in exprs:
        for density in expr.atoms(Density):
            every.setdefault(density.name, set()).add(density)
            if not density.given and len(density.variables) == 1:
                found.setdefault(density.name, set()).add(density)
    for name, forms in every.items():
        only = next(iter(forms))
        if name not in found and len(forms) == 1 and len(only.variables) == 1:
            found[name] = forms
    return {name: next(iter(forms)) for name, forms in found.items() if len(forms) == 1}


def under_densities(expr: Expr, densities: dict) -> Expr:
    """``E_{p}[f]`` (read as an undefined ``E_p``) for a density p of the document: ``E_{p(x)}[f]``,
    the integral of p(x) f over x."""
    def is_named(node) -> bool:
        name = node.func.__name__
        return name.startswith("E_") and len(node.args) == 1 and name[2:] in densities

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and is_named(e),
                        lambda e: Expectation(e.args[0], densities[e.func.__name__[2:]]))


def under_laws(expr: Expr, laws: dict) -> Expr:
    """``E_{p}[g]`` for a name p the premises give as a normal density (``randomness.laws``): the
    expectation of g under that normal, with ``p(v)`` inside g the stated formula."""
    def is_named(node) -> bool:
        name = node.func.__name__
        return name.startswith("E_") and len(node.args) == 1 and name[2:] in laws

    def expectation(node) -> Expr:
        stated = laws[node.func.__name__[2:]]
        return Expectation(written_out_laws(node.args[0], laws), stated.law, stated.variable)

    expr = expr.replace(lambda e: isinstance(e, AppliedUndef) and is_named(e), expectation)
    return values_written_out(laws_in_place(expr, laws), laws)


def values_written_out(expr: Expr, laws: dict) -> Expr:
    """``D^*(x) = p(x) / (p(x) + q(x))`` under ``p(x) = N(3, 2)``: a density of a stated law used as a number
    is its formula there (left a density, the numbers drew it as an arbitrary law and refuted the formula);
    under a divergence or an average, where a law is meant, it stays as ``laws_in_place`` left it."""
    if not isinstance(expr, Expr) or not expr.has(Density):
        return expr
    if isinstance(expr, Density):
        return written_out_laws(expr, laws)
    if not _arithmetic(expr):  # KL, JS, an average, H(p), D(p || q): a functional of laws, where a law is meant
        return expr
    args = tuple(values_written_out(a, laws) for a in expr.args)
    return expr.func(*args) if args != expr.args else expr


def _arithmetic(expr: Expr) -> bool:
    """Sums, products, powers and SymPy's own functions (log, exp): where a density stands for its value."""
    return isinstance(expr, (sympy.Add, sympy.Mul, sympy.Pow)) or (
        isinstance(expr, sympy.Function) and not isinstance(expr, AppliedUndef)
        and type(expr).__module__.startswith("sympy."))


def written_out_laws(expr: Expr, laws: dict) -> Expr:
    """Each density ``p(v)`` of a law the document states, at the law's variable, as its formula."""
    def at(node):
        name = node.name if isinstance(node, Density) else node.func.__name__
        args = node.variables if isinstance(node, Density) else node.args
        stated = laws.get(name)
        if stated is None or len(args) != 1 or getattr(args[0], "name", None) != stated.variable.name \
                or (isinstance(node, Density) and node.given):
            return None
        return stated.formula.xreplace({stated.variable: args[0]})

    return expr.replace(lambda e: isinstance(e, (Density, AppliedUndef)) and at(e) is not None, at)


def laws_in_place(expr: Expr, laws: dict) -> Expr:
    """``KL(P, Q)`` of two stated laws as the KL of their normals, ``E_{v ~ p}[f]`` and ``int p(v) f dv``
    over the line (or without limits, the support) for a stated law p as the expectation of f under it."""
    def law_of(node) -> Normal | None:
        if isinstance(node, Symbol) and node.name in laws:
            return laws[node.name].law
        if isinstance(node, Density) and node.name in laws and not node.given and len(node.variables) == 1 \
                and node.variables[0].name == laws[node.name].variable.name:
            return laws[node.name].law
        return None

    def kl(node):
        first, second = (law_of(a) for a in node.args)
        return KL(first, second) if first is not None and second is not None else node

    def integral(node):
        if len(node.limits) != 1 or not (len(node.limits[0]) == 1 or tuple(node.limits[0][1:]) == (-oo, oo)):
            return node
        variable = node.limits[0][0]
        weights = [f for f in Mul.make_args(node.function) if isinstance(f, Density) and law_of(f) is not None
                   and f.variables == (variable,)]
        if len(weights) != 1:
            return node
        rest = Mul(*[f for f in Mul.make_args(node.function) if f != weights[0]])
        return Expectation(written_out_laws(rest, laws), law_of(weights[0]), variable)

    def average(node):  # E_{z ~ q}[f] under a density q the premises state as a normal: under that normal,
        law = law_of(node.dist)  # with q(z) inside f its formula too (left open, it would be drawn apart from the law)
        return Expectation(written_out_laws(node.body, laws), law, node.var) if law is not None else node

    expr = expr.replace(lambda e: isinstance(e, KL), kl)
    expr = expr.replace(lambda e: isinstance(e, Expectation) and isinstance(e.dist, Density), average)
    return expr.replace(lambda e: isinstance(e, Integral), integral)


def with_densities(document, laws: dict | None = None):
    """The document with each ``E_p`` of a density p as an expectation under p, and each ``E_p`` of a
    name the premises give as a normal density as the expectation under that normal."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    laws = laws or {}
    densities = {name: d for name, d in densities_of(written).items() if name not in laws}
    expectations = any(a.func.__name__.startswith("E_") for e in written for a in e.atoms(AppliedUndef))
    if not (laws or (densities and expectations)):
        return document
    chains = tuple(rewrite_chain(c, lambda e: under_laws(under_densities(e, densities), laws))
                   for c in document.chains)
    context = document.context
    if laws:  # a premise D^*(x) = p(x) / (p(x) + q(x)): its densities of stated laws are numbers there too
        context = replace(context, facts=tuple(replace(f, rhs=values_written_out(f.rhs, laws)) for f in context.facts))
    if laws and "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    return replace(document, chains=chains, context=context)


def all_components(formulas) -> dict:
    """``q_i -> q[i]`` (by name) for every subscripted name a formula reads as a component (one index)."""
    found = {}
    for formula in formulas:
        if formula.statement is not None:
            for symbol, entry in formula.statement.indexed:
                if len(entry.indices) == 1:
                    found.setdefault(symbol.name, entry)
    return found


def with_named_densities(document, named: dict):
    """The document with each bare law the premises tie to a density (``randomness.named``) read as it."""
    if not named:
        return document
    from .named import by_densities

    context = document.context
    symbols = {s.name: s for s in (*context.symbols, *context.integration_variables) if isinstance(s, Symbol)}
    symbols.update({s.name: s for s in context.integration_variables if isinstance(s, Symbol)})
    named = {law: d.xreplace({v: symbols.get(v.name, v) for v in d.variables}) for law, d in named.items()}
    chains = tuple(rewrite_chain(c, lambda e: by_densities(e, named)) for c in document.chains)
    facts = tuple(replace(f, rhs=by_densities(f.rhs, named)) for f in context.facts)  # CE(P, Q) = -E_{x ~ P}[...]
    context = replace(context, facts=facts)
    if "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    notes = context.notes + (", ".join(f"{law} read as {d}" for law, d in named.items())
                             + " (a premise defines their divergence by these densities)",)
    return replace(document, chains=chains, context=replace(context, notes=notes))


def _key(node) -> tuple:
    return (node.func.__name__, tuple(getattr(a, "name", a) for a in node.args))


def applied_written_out(expr: Expr, applied: dict, symbols: dict) -> Expr:
    """Each application ``H(P)`` the prose says is written for a formula, as that formula (by name and
    arguments, in the context's symbols)."""
    by_key = {_key(name): form.xreplace({v: symbols[v.name] for v in form.free_symbols
                                         if isinstance(v, Symbol) and v.name in symbols})
              for name, form in applied.items()}
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and _key(e) in by_key, lambda e: by_key[_key(e)])


def with_shorthands(document, forms: dict, symbols: dict, applied: dict | None = None):
    """The document with each name the prose declares a shorthand (``randomness.shorthand``) written out,
    and each function application it declares one (``H(P)`` for ``H(X)``)."""
    from .shorthand import written_out

    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    used = {name: form for name, form in forms.items()
            if any(name in {getattr(s, "name", None) for s in e.free_symbols} for e in written)}
    keys = {_key(a) for e in written for a in e.atoms(AppliedUndef)}
    applied = {name: form for name, form in (applied or {}).items() if _key(name) in keys}
    if not (used or applied):
        return document
    notes = tuple(f"{name} written out as {form}" for name, form in applied.items())
    chains = tuple(rewrite_chain(c, lambda e: applied_written_out(written_out(e, used, symbols), applied, symbols))
                   for c in document.chains)
    context = document.context
    if any(f.has(Density) for f in used.values()) and "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    notes = context.notes + ("; ".join([f"{name} written out as {form}" for name, form in used.items()] + list(notes))
                             + " (the prose declares the shorthand)",)
    return replace(document, chains=chains, context=replace(context, notes=notes))


def with_same_forms(document, same: dict, symbols: dict):
    """The document with each density the prose says is another's form of one law (``Q(z)`` and
    ``Q(z | X)``, "for the same distribution") written as that form, and each expectation under a law
    named by a bare letter (``E_{z \\sim Q}``) under its one written density of that variable."""
    def in_context(d: Density) -> Density:
        return d.xreplace({v: symbols[v.name] for v in d.variables + d.given if v.name in symbols})

    def rewrite(expr: Expr) -> Expr:
        expr = expr.replace(lambda e: isinstance(e, Density) and str(e) in same, lambda e: in_context(same[str(e)]))
        return under_named_forms(expr)

    chains = tuple(rewrite_chain(c, rewrite) for c in document.chains)
    context = document.context  # a stated result (``\\mathcal{D}[Q \\| P] = ... E_{z \\sim Q}[...]``) reads as the chains do
    relations = tuple(r for r in (rewrite(r) for r in context.relations) if isinstance(r, sympy.Rel))
    if chains == document.chains and relations == context.relations:
        return document
    return replace(document, chains=chains, context=replace(context, relations=relations))


def under_named_forms(expr: Expr) -> Expr:
    """``E_{z \\sim Q}[f]`` (a law named by a bare symbol) as the expectation under ``Q(z | ...)`` when the
    expression writes Q as a density of z in exactly one form; otherwise it stays a law known by name."""
    def form(node):
        forms = {d for d in expr.atoms(Density) if d.name == node.dist.name and d.variables == (node.var,)}
        return Expectation(node.body, next(iter(forms))) if len(forms) == 1 else node

    return expr.replace(lambda e: isinstance(e, Expectation) and isinstance(e.dist, Symbol), form)


def applied_forms(exprs) -> dict[str, set[str]]:
    """name -> the names of the variables at which the formulas apply it (``p_g(x)``: p_g -> {x})."""
    found: dict[str, set[str]] = {}
    for expr in exprs:
        for node in expr.atoms(Density, AppliedUndef):
            if isinstance(node, Density):
                if not node.given and len(node.variables) == 1:
                    found.setdefault(node.name, set()).add(node.variables[0].name)
            elif len(node.args) == 1 and isinstance(node.args[0], Symbol):
                found.setdefault(node.func.__name__, set()).add(node.args[0].name)
    return found


def with_bare_densities(document, premised, symbols: dict):
    """Densities written by their bare names in the chains (``E_{p_g}[\\log p_g / m]``, ``KL(p_g \\| m)``)
    where the document writes each of them, and nothing else, at one variable (``p_g(x)``, ``m(x)``):
    a name that is the law of an expectation or an argument of a KL is the density ``p_g(x)``; a
    name a premise defines as a function of that variable (``m(x) = ...``) is that premise's value.
    With two variables, or a bare name the premises give no form, nothing is rewritten."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    every = written + [e for f in premised for e in f.statement.exprs]
    bare_names = {s.name for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    forms = {name: vs for name, vs in applied_forms(every).items() if name in bare_names}
    variables = set().union(*forms.values()) if forms else set()
    if len(variables) != 1:
        return document
    (name_of_variable,) = variables
    variable = next((s for e in written for s in e.free_symbols if getattr(s, "name", None) == name_of_variable),
                    symbols.get(name_of_variable, Symbol(name_of_variable, real=True)))
    laws = {a.func.__name__[2:] for e in written for a in e.atoms(AppliedUndef) if a.func.__name__.startswith("E_")}
    laws |= {getattr(a, "name", None) for e in written for k in e.atoms(KL) for a in k.args}
    values = {}
    for f in premised:
        statement = f.statement
        if not statement.lead and list(statement.relations) == ["="] and len(statement.exprs) == 2:
            left, right = statement.exprs
            if isinstance(left, AppliedUndef) and len(left.args) == 1 and getattr(left.args[0], "name", None) == name_of_variable:
                values.setdefault(left.func.__name__, []).append(right.xreplace({left.args[0]: variable}))
    bare = {s.name for e in written for s in e.free_symbols if isinstance(s, Symbol) and s.name in forms}
    replaced = {}
    for name in bare:
        if name in laws:
            replaced[name] = Density(name, (variable,))
        elif len(values.get(name, ())) == 1:
            replaced[name] = values[name][0]
    if not replaced or not (bare & laws):
        return document
    as_densities = {name: Density(name, (variable,)) for name in forms if name in laws}

    def rewrite(expr):
        expr = expr.xreplace({s: replaced[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in replaced})
        return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in as_densities
                            and e.args == (variable,), lambda e: as_densities[e.func.__name__])

    chains = tuple(rewrite_chain(c, rewrite) for c in document.chains)
    context = document.context
    notes = context.notes + (", ".join(sorted(f"{n} read as {v}" for n, v in replaced.items()))
                             + f" (the document writes these names at {variable})",)
    if "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    return replace(document, chains=chains, context=replace(context, notes=notes))


def premised_functions(premised) -> dict:
    """function name -> (parameters, value) for premises ``F(a, b) = v`` (distinct plain parameters) whose
    value is made of divergences with the parameters as their arguments only (``D_{JS}(p \\| q) =
    \\frac12 D_{KL}(p \\| m) + ...``): the document defines a functional of laws by them. A name defined
    twice, a value that mentions the function, or an operator the moments theory decides (``Var(X) =
    ...`` is a claim) gives none."""
    found: dict[str, list] = {}
    for formula in premised:
        statement = formula.statement
        if statement.lead or list(statement.relations) != ["="] or len(statement.exprs) != 2:
            continue
        left, right = statement.exprs
        if not (isinstance(left, AppliedUndef) and left.args and all(isinstance(a, Symbol) for a in left.args)
                and len(set(left.args)) == len(left.args)) or left.func.__name__ in OPERATORS:
            continue
        if right.has(left.func) or not right.has(KL):
            continue
        outside = right.replace(lambda e: isinstance(e, KL), lambda e: Integer(0))
        inside = {a for k in right.atoms(KL) for a in k.args}
        if outside.has(*left.args) or not set(left.args) <= inside:
            continue  # a parameter used otherwise than as a divergence's argument: not read as one
        found.setdefault(left.func.__name__, []).append((left.args, right))
    return {name: forms[0] for name, forms in found.items() if len(forms) == 1}


def with_premised_functions(document, premised):
    """The chains with each application of a premised probability functional written out."""
    defined = premised_functions(premised)
    if not defined:
        return document

    def unfold(expr):
        return expr.replace(
            lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in defined
            and len(e.args) == len(defined[e.func.__name__][0]),
            lambda e: defined[e.func.__name__][1].xreplace(dict(zip(defined[e.func.__name__][0], e.args))))

    chains = tuple(rewrite_chain(c, unfold) for c in document.chains)
    if chains == document.chains:
        return document
    context = document.context
    notes = context.notes + (", ".join(sorted(defined)) + " written out by the premises that define them",)
    return replace(document, chains=chains, context=replace(context, notes=notes))
