r"""What a document declares about its random variables, for the moments theory.

Declarations come from the premises, never from a letter's name:

* ``X \sim \mathcal{N}(\mu, \sigma^2)`` (or ``N(\mu, \sigma^2)``) declares X random with that law;
  ``X \sim p`` for a law not given in closed form declares X random with no law stated; a list
  ``q_i, k_i \sim N(0, 1)`` declares each name; a subscripted name ``q_i`` declares the *family*
  q, whose components ``q_1, q_2, ...`` share the law;
* a sentence that calls inline names "random variables" (or "random vectors"), or says they are
  "sampled from", "drawn from" or "distributed as" a law, declares them;
  "the components (elements, entries) of $q$ ..." declares q a family;
* an enumerated family ``u_1, \dots, u_d`` is the family u of d components (called independent,
  its components are i.i.d.); premises ``\mathbb{E}[u_i] = 0``, ``\mathrm{Var}(u_i) = 1`` declare
  the family with those moments (a premise joined to another by "and" is a premise too);
* in such sentences, "standard normal", "zero mean", "unit variance", "with mean $m$ and
  variance $v$", "$0$ mean", "a mean of 0", "drawn from $\mathcal{N}(0, 1)$" state the law or its
  moments; "i.i.d." alone, "randomly distributed" and "has (independent entries with) mean ..."
  declare too; a sentence calling some names random and others constant is read clause by clause;
  names in ``\mathbb{R}^d`` or held as vectors are families of their components, and a formula
  giving a size ("$d_k$-dimensional") names no variable;
* ``\sim`` with "iid" written over it makes the listed names i.i.d.; ``\mathcal{N}(0, I)`` is a
  vector law (only its zero mean is read); a premise ``\mathrm{Var}(q \cdot k) = d`` declares q, k;
  ``E[q_i] = E[k_i] = 0`` states the value of each;
* a sentence that calls two or more declared variables "independent" (and does not deny it)
  makes them mutually independent; one that calls a family's components independent ("the
  components of $q$ are independent", "for different indices", "i.i.d.", "independent and
  identically distributed") makes the family i.i.d.;
* "drawn independently" makes the drawn families' components i.i.d.; the other names of a
  definition built from declared variables (``z = \mu + \sigma \epsilon``) stay constants;
* "$a$ is a constant": when nothing is declared random, the other plain names inside E, Var, Cov
  are then random variables with no law stated (the document said which names are constant);
* the length of a family comes from its vector shape (``q \in \mathbb{R}^d``) or from a premise
  ``q \cdot k = \sum_{i=1}^{n} q_i k_i``.

``\mathbb{E}[X]``, ``\mathrm{Var}(X)``, ``\mathrm{Cov}(X, Y)`` (read as undefined functions E, Var,
Cov) become the moments vocabulary; a declared scalar becomes a commuting real symbol, a
component ``q_i`` of a declared family the entry ``q[i]``, and ``q \cdot k`` or ``q^\top k`` of two
declared families their dot product; ``E_{p}[f]`` for a density p of the document the expectation
under ``p(x)``. Premises that give values are used: ``s = q \cdot k = ...`` defines s by its first
right side, ``\mathrm{Var}(q \cdot k) = d \sigma^4`` states that moment. A name the document
otherwise gives a random value is neither random nor constant: it is left out of the listed
constants, so a step about it stays undecided. A document with no declaration is left as read.

Laws and densities as sources write them:

* normal laws stated in prose ("$P$ and $Q$ are univariate normal distributions with means ...
  and standard deviations ...", ``randomness.prose_laws``), written ``p(x) = \mathcal{N}(m, v)`` or
  ``P(x) \sim \mathcal{N}(m, v)`` (``randomness.written_laws``: the second parameter is the
  variance; a bare one the document also squares is refused with a note), or given by a density
  formula (``randomness.laws``) decide ``E_p``, ``\int p(x) f dx`` and ``KL(P, Q)``; diagonal normals
  of a vector of stated dimension are written component by component (``randomness.vector_normals``);
* "writes $Q(z)$ and $Q(z|X)$ for the same distribution" makes them one form, and ``E_{z \sim Q}``
  the expectation under it; "writes $H(P)$ for $H(X)$" writes H(P) out (as a premise's value of
  H(X) when there is one); a function a premise defines as the KL divergence is KL;
* densities the chains write by bare name (``E_{p_g}[\log p_g / m]``) are the densities the
  document writes at one variable (``p_g(x)``).
"""
from __future__ import annotations

from dataclasses import replace

from sympy import IndexedBase, MatrixSymbol, Symbol
from sympy.core.function import AppliedUndef

from ...model import Context, Fact, Independence, Law
from ...vocabulary import Density
from ...vocabulary.random import Expect, moments
from ..objects import is_vector_name
from .declarations import (Declared, averaged_alone, counts, from_sim, from_stated, implicit, lengths,
                           writes_averages, written_entry)
from .prose_declarations import from_prose
from ..premises import scales_in_prose
from .laws import stated_laws
from .finite_laws import finite_laws, moment_facts
from .prose_laws import conflicts, prose_laws
from .written_laws import written_laws
from .vector_normals import stated_dimensions, with_vector_normals
from .named import as_divergences, divergence_names, named_densities
from .shorthand import applied_shorthands, same_forms, shorthands
from .given import defined_from_random, premise_formulas, stated_facts
from .rewriting import (all_components, operators, rewrite_chain, with_densities, with_named_densities,
                        with_bare_densities, with_premised_functions, with_same_forms,
                        with_shorthands)
from .sentences import sentences
from .gradients import with_gradients
from .discrete_sums import with_discrete_sums
from .variance_letter import as_variance, reads_variance

__all__ = ["NEVER_DEFINED", "sentences", "with_randomness", "writes_averages"]

NEVER_DEFINED = ("Var", "Cov")  # ``Var(X) = ...`` heads a claim; ``E(x) = ...`` may define an energy


def univariate(law) -> bool:
    r"""A stated normal of one real variable: no bold (vector) name as its variable or a parameter
    (``p(\mathbf{z}) = N(\mathbf{0}, \mathbf{I})`` is a law of a vector, not of a number)."""
    names = {law.variable.name} | {s.name for s in law.law.free_symbols if isinstance(s, Symbol)}
    return not any(is_vector_name(n) for n in names) and "I" not in names


def with_diagonal_normals(document, sizes: dict):
    """The chains with each integral against a diagonal normal of a vector of stated dimension
    written component by component (``randomness.vector_normals``)."""
    if not sizes:
        return document
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    bases = {str(b.label): b for e in written for b in e.atoms(IndexedBase)}
    symbols = {s.name: s for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    sizes = {name: symbols.get(size.name, size) for name, size in sizes.items()}
    chains = tuple(rewrite_chain(c, lambda e: with_vector_normals(e, sizes, bases)) for c in document.chains)
    return _with_chains(document, chains)


def _with_chains(document, chains):
    """The document with ``chains`` rewritten for the probability theory, which it then holds (the
    document itself when nothing was rewritten)."""
    if chains == document.chains:
        return document
    context = document.context
    if "probability" not in context.theories:
        context = replace(context, theories=("probability",) + tuple(context.theories))
    return replace(document, chains=chains, context=context)


def through_premises(applied: dict, statements) -> dict:
    """``H(P)`` written for ``H(X)``, and a premise ``H(X) = v``: H(P) is v (both are premises; a
    target the premises give two values, or none, stays the target)."""
    values: dict[str, list] = {}
    for statement in statements:
        if not statement.lead and list(statement.relations) == ["="] and len(statement.exprs) == 2:
            values.setdefault(str(statement.exprs[0]), []).append(statement.exprs[1])
    return {name: (values[str(form)][0] if len(values.get(str(form), ())) == 1 else form)
            for name, form in applied.items()}


def with_law_densities(document, densities: dict):
    """The chains with ``P(x)`` read as a density of x where a premise says ``P(x) \\sim N(...)`` but
    its parameters are in doubt (``randomness.written_laws``): a density whatever its law."""
    if not densities:
        return document

    def as_density(node):
        variable = densities.get(node.func.__name__)
        if variable is None or len(node.args) != 1 or getattr(node.args[0], "name", None) != variable.name:
            return None
        return Density(node.func.__name__, (node.args[0],))

    def rewrite(expr):
        return expr.replace(lambda e: isinstance(e, AppliedUndef) and as_density(e) is not None, as_density)

    chains = tuple(rewrite_chain(c, rewrite) for c in document.chains)
    return _with_chains(document, chains)


def with_variance_letter(document, premised, keys: set[str]):
    """The chains with the letter V read as the variance where that is its only reading
    (``randomness.variance_letter``), and a note saying so."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    if not reads_variance(written, premised, keys):
        return document
    context = document.context
    notes = context.notes + ("V read as the variance (the document writes Var, and V only of random variables)",)
    return replace(document, chains=tuple(rewrite_chain(c, as_variance) for c in document.chains),
                   context=replace(context, notes=notes))


def with_randomness(document, text: str):
    """The document with its random variables declared in the context and its operators read."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    names = {s.name: s for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    names.update({s.name: s for s in document.context.symbols if isinstance(s, Symbol)})
    premised = premise_formulas(document, text)
    document = with_gradients(with_discrete_sums(document), text)
    symbols = {s.name: s for s in document.context.symbols if isinstance(s, Symbol)}
    applied = through_premises(applied_shorthands(text), [f.statement for f in premised])
    document = with_shorthands(document, shorthands(text), symbols, applied)
    document = with_same_forms(document, same_forms(text), symbols)
    document = with_bare_densities(with_premised_functions(document, premised), premised, symbols)
    stated = stated_laws([f.statement for f in premised], symbols, scales_in_prose(text))
    every = written + [e for f in premised for e in f.statement.exprs]
    clashing = conflicts(text, stated, symbols)
    laws = {name: law for name, law in stated.items() if name not in clashing}
    written_as_laws = written_laws([f.statement for f in premised], every, symbols, scales_in_prose(text))
    laws.update({name: law for name, law in written_as_laws.laws.items() if name not in laws})
    laws.update({name: law for name, law in prose_laws(text, every, stated, symbols).items() if name not in laws})
    laws = {name: law for name, law in laws.items() if univariate(law)}
    document = with_densities(document, laws)
    document = with_law_densities(document, {n: v for n, v in written_as_laws.densities.items() if n not in laws})
    document = with_diagonal_normals(document, stated_dimensions(text))
    if written_as_laws.notes:
        document = replace(document, context=replace(document.context,
                                                     notes=document.context.notes + written_as_laws.notes,
                                                     readings=document.context.readings + written_as_laws.readings))
    document = with_named_densities(document, named_densities([f.statement for f in premised]))
    divergences = divergence_names([f.statement for f in premised])
    if divergences:
        document = replace(document, chains=tuple(rewrite_chain(c, lambda e: as_divergences(e, divergences))
                                                  for c in document.chains))
    found: dict[str, Declared] = {}
    drawn_independent = from_sim(document.formulas, names, found)
    from_stated(premised, names, found)
    vectors = frozenset(m.name for e in written for m in e.atoms(MatrixSymbol) if m.shape[1] == 1)
    independent, constants = from_prose(text, names, found, vectors)
    independent = list({frozenset(k): k for k in drawn_independent + list(independent)}.values())
    finite = {name: law for name, law in finite_laws(text, names).items()
              if name in names and (name not in found or found[name].law == Law())}
    for name, law in finite.items():
        found[name] = Declared(name, False, moments(law.mean, law.variance), stated_law=True)
    implicit(document, constants, found)
    if not found:
        return document
    document = with_variance_letter(document, premised, set(found))
    lengths(document, found, names)
    sizes = counts(found)
    names = {name: sizes.get(symbol, symbol) for name, symbol in names.items()}
    components = all_components(document.formulas)
    averaged_alone(document, constants, found, components)
    bases = {str(e.base.label): e.base for e in components.values()}
    bases.update({str(b.label): b for e in written for b in e.atoms(IndexedBase)})  # as the chains hold them
    declared = tuple(d.variable(bases) for d in found.values())
    scalars = {d.key: d.name for d in declared if not d.is_family}
    families = {d.key: d.name for d in declared if d.is_family}
    by_key = {d.key: d.name for d in declared}
    statements = tuple(Independence(tuple(by_key[k] for k in keys)) for keys in independent)

    def rewrite(expr):
        return operators(expr.xreplace(sizes), scalars, components, families)

    context: Context = document.context
    random_names = set(by_key)
    facts = tuple(Fact(f.name, f.lhs, rewrite(f.rhs)) for f in context.facts
                  if not (isinstance(f.lhs, Symbol) and f.lhs.name in finite))  # its law, not its definition
    facts += tuple(Fact(f"the stated law of {name}", Expect(power), value)
                   for name, law in finite.items() for power, value in moment_facts(law, scalars[name]))
    facts += stated_facts(premised, facts, names, rewrite, random_names, components)
    undetermined = defined_from_random(document, random_names, components) - {str(f.lhs) for f in facts}
    theories = ("moments",) + tuple(t for t in context.theories if t != "moments")
    entries = {name for name, entry in components.items() if str(entry.base.label) in families}
    entries |= {s.name for s in context.symbols if isinstance(s, Symbol) and written_entry(s.name, by_key)}
    kept = tuple(sizes.get(s, s) for s in context.symbols
                 if getattr(s, "name", None) not in random_names | undetermined | entries)
    context = replace(context, random_variables=declared, independence=statements, theories=theories, facts=facts,
                      symbols=kept + tuple(scalars.values()),
                      notes=context.notes + (f"random: {', '.join(sorted(by_key))} (declared by the premises)",))
    return replace(document, chains=tuple(rewrite_chain(c, rewrite) for c in document.chains), context=context)
