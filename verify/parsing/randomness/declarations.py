"""Declarations of random variables, read from ``\\sim`` premises, stated moments and prose.

Each reader adds to one accumulator per name (``Declared``): whether it is a family, its law
or stated moments, whether its components are i.i.d., its length. See the package docstring
for the forms each one reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Expr, Indexed, IndexedBase, Integer, MatMul, MatrixSymbol, Mul, Sum, Symbol, Tuple
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...model import Law, RandomVariable
from ...vocabulary import Normal
from ...vocabulary.random import moments, normal
from ..expressions import parse
from .rewriting import OPERATORS, vector_pair
from .sentences import component, enumerated, top_level

@dataclass
class Declared:
    """One random variable as the reading finds out about it (a family or a scalar)."""

    key: str
    family: bool
    law: Law = Law()
    iid: bool = False
    length: Expr | None = None
    stated_law: bool = False  # by ``\sim`` or "standard normal": the prose moments do not override it

    def variable(self, bases: dict) -> RandomVariable:
        name = bases.get(self.key, IndexedBase(self.key)) if self.family else Symbol(self.key, real=True)
        if self.law.mean is not None or self.law.variance is not None:  # N(mu_i, ...): the document's mu
            self.law = Law(self.law.family, *(p if p is None else p.replace(
                lambda e: isinstance(e, IndexedBase), lambda e: bases.get(str(e.label), e))
                for p in (self.law.mean, self.law.variance)))
        return RandomVariable(name, self.law, iid=self.iid and self.family, length=self.length)


def _varies(law: Law, entry: Indexed, components: dict) -> bool:
    """The law's parameters mention the index or the family (``x_t \\sim N(a_t x_{t-1}, ...)``)."""
    index, family = entry.indices[0], str(entry.base.label)
    components = {getattr(k, "name", str(k)): v for k, v in components.items()}
    for parameter in (p for p in (law.mean, law.variance) if p is not None):
        for symbol in parameter.free_symbols:
            inner = components.get(getattr(symbol, "name", None))
            if getattr(symbol, "name", None) == str(index) or str(symbol).startswith(family + "_"):
                return True
            if inner is not None and (str(inner.base.label) == family or inner.has(index)):
                return True
    return False


def law_of(expr: Expr, names: dict) -> Law | None:
    """A normal written ``\\mathcal{N}(m, v)`` or ``N(m, v)`` with a scalar variance, else None."""
    if isinstance(expr, Normal):
        mean, variance = expr.mean, expr.variance
    elif isinstance(expr, AppliedUndef) and expr.func.__name__ == "N" and len(expr.args) == 2:
        mean, variance = expr.args
    else:
        return None
    if any(isinstance(p, (MatrixSymbol, MatMul)) or p.has(MatrixSymbol) for p in (mean, variance)):
        return None  # N(0, I): a vector law, whose components are not read here
    if any(getattr(s, "name", None) == "I" for p in (mean, variance) for s in p.free_symbols):
        return None  # N(0, I) with I read as a plain name: still the identity, a vector law
    return normal(in_document(mean, names), in_document(variance, names))


def vector_mean(expr: Expr, names: dict) -> Law:
    """A normal law whose covariance is a matrix (``N(0, I)``, ``N(\\mu, \\Sigma)``) of a name the
    chains hold as one symbol: only a zero mean is carried over (the zero vector has zero entries);
    no variance is read, and no prose moment replaces the law."""
    mean = expr.args[0]
    return moments(Integer(0), None) if mean == 0 else Law()


def _is_normal(expr: Expr) -> bool:
    return isinstance(expr, Normal) or (isinstance(expr, AppliedUndef) and expr.func.__name__ == "N")


def in_document(expr: Expr, names: dict) -> Expr:
    """``expr`` with each symbol replaced by the document's symbol of that name (its assumptions)."""
    return expr.xreplace({s: names[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in names})


_IID_SIM = re.compile(r"\\(?:overset|stackrel)\s*\{\s*(?:\\(?:text|mathrm|textrm)\s*\{)?\s*"
                      r"(?:i\.?\s?i\.?\s?d\.?|iid)\s*\}?\s*\}\s*\{\s*\\sim\s*\}", re.I)


def iid_sim(text: str) -> tuple[str, bool]:
    """``q_i \\overset{\\text{iid}}{\\sim} N(0, 1)`` as ``q_i \\sim N(0, 1)`` and whether "iid" was written over it."""
    written = _IID_SIM.sub(r"\\sim ", text)
    return written, written != text


def _sim_statements(formulas):
    """(left sides, law, enumerated family, i.i.d.) of every ``\\sim`` premise; a list on the left the
    grammar does not read (``q_i, k_i \\sim N(0, 1)``) is read one name at a time; "iid" written over
    the ``\\sim`` makes the names i.i.d."""
    for formula in formulas:
        statement = formula.statement
        text, iid = iid_sim(formula.text)
        if statement is None and iid:
            try:
                statement = parse(text)
            except (ParseError, ValueError):
                statement = None
        if statement is not None and statement.relations == ("~",):
            left, law = statement.exprs
            sides = tuple(left.args) if isinstance(left, Tuple) else (left,)
            yield [(side, dict(statement.indexed)) for side in sides], law, None, iid
        elif statement is None and "\\sim" in text:
            left, _, right = text.partition("\\sim")
            parts = top_level(left, ",")
            listed = enumerated(parts)
            if listed is not None:  # ``u_1, \\dots, u_d \\sim N(0, 1)``
                try:
                    law = parse(f"{parts[0].strip()} \\sim {right.strip()}").exprs[-1]
                except (ParseError, ValueError):
                    continue
                yield [], law, listed, iid
                continue
            if len(parts) < 2:
                continue
            sides, law = [], None
            for part in parts:
                try:
                    single = parse(f"{part.strip()} \\sim {right.strip()}")
                except (ParseError, ValueError):
                    break
                if single.relations != ("~",):
                    break
                sides.append((single.exprs[0], dict(single.indexed)))
                law = single.exprs[1]
            else:
                yield sides, law, None, iid


def diagonal(formulas, covariance: MatrixSymbol) -> Expr | None:
    """The variance of component i of a law with covariance S, from a premise ``\\sigma_i^2 = S_{ii}``:
    ``\\sigma^2`` with sigma an IndexedBase (read component-wise), else None."""
    for formula in formulas:
        statement = formula.statement
        if statement is None or statement.relations != ("=",):
            continue
        indexed = dict(statement.indexed)
        sides = [e.xreplace(indexed) for e in statement.exprs]
        for at, side in enumerate(sides):
            if isinstance(side, Indexed) and str(side.base.label) == covariance.name and len(side.indices) == 2 \
                    and side.indices[0] == side.indices[1] and isinstance(side.indices[0], Symbol):
                index, other = side.indices[0], sides[1 - at]
                entries = other.atoms(Indexed)
                if entries and all(e.indices == (index,) for e in entries) and index not in other.free_symbols - {
                        i for e in entries for i in e.indices}:
                    return other.xreplace({e: e.base for e in entries})
    return None


def vector_law(side: Expr, written: Expr, formulas) -> tuple[Law, Expr] | None:
    """``Z \\sim \\mathcal{N}(\\mu, \\Sigma)`` with Sigma an n x n matrix whose diagonal a premise states
    (``\\sigma_i^2 = \\Sigma_{ii}``): component i of Z is N(mu_i, sigma_i^2), read component-wise; and n."""
    if not (isinstance(side, (MatrixSymbol, Symbol)) and isinstance(written, Normal)):
        return None
    mean, covariance = written.mean, written.variance
    if not (isinstance(mean, (MatrixSymbol, Symbol)) and isinstance(covariance, MatrixSymbol)
            and covariance.shape[0] == covariance.shape[1]):
        return None
    variance = diagonal(formulas, covariance)
    if variance is None:
        return None
    return normal(IndexedBase(mean.name), variance), covariance.shape[0]


def from_sim(formulas, names: dict, found: dict[str, Declared]) -> list[tuple[str, ...]]:
    """One declaration per name on the left of a ``\\sim`` premise; the names written i.i.d. over the
    ``\\sim`` (``q_i, k_i \\overset{iid}{\\sim} N(0, 1)``), mutually independent, are returned."""
    independent: list[tuple[str, ...]] = []
    for sides, written, listed, iid in _sim_statements(formulas):
        keys: list[str] = []
        stated = law_of(written, names)
        if len(sides) == 1 and (vector := vector_law(sides[0][0], written, formulas)) is not None:
            key = sides[0][0].name
            declared = found.setdefault(key, Declared(key, True))
            declared.law, declared.stated_law = vector[0], True
            declared.length = declared.length or in_document(vector[1], names)
            continue
        if listed is not None:
            declared = found.setdefault(listed.key, Declared(listed.key, True))
            declared.length = declared.length or in_document(listed.length, names)
            declared.iid = declared.iid or iid
            if stated is not None and not declared.stated_law:
                declared.law, declared.stated_law = stated, True
        for side, components in sides:
            entry = component(side, components)
            if entry is not None and stated is not None and _varies(stated, entry, components):
                continue  # ``x_t \sim N(a_t x_0, ...)``: a law for each index is no family's one law
            if entry is not None:
                key, family = str(entry.base.label), True
            elif isinstance(side, Symbol):
                key, family = side.name, False
            else:
                continue
            declared = found.setdefault(key, Declared(key, family))
            declared.iid = declared.iid or iid
            keys.append(key)
            if stated is not None and not declared.stated_law:
                declared.law, declared.stated_law = stated, True
            elif stated is None and _is_normal(written) and not declared.stated_law:
                declared.law, declared.stated_law = vector_mean(written, names), True
        if iid and len(set(keys)) >= 2:
            independent.append(tuple(dict.fromkeys(keys)))
    return independent


def from_stated(formulas, names: dict, found: dict[str, Declared]) -> None:
    """Premises ``\\mathbb{E}[u_i] = 0`` and ``\\mathrm{Var}(u_i) = 1`` of a plain name or a component:
    it is random, with that moment (a law ``\\sim`` gave stays as given). A chain of equal moments
    ending in a value (``\\mathbb{E}[q_i] = \\mathbb{E}[k_i] = 0``) states that value of each."""
    defined = {f.statement.exprs[0].name for f in formulas if not f.statement.lead
               and f.statement.relations[:1] == ("=",) and isinstance(f.statement.exprs[0], Symbol)}
    for formula in formulas:
        statement = formula.statement
        if statement.lead or not statement.relations or set(statement.relations) != {"="}:
            continue
        right = statement.exprs[-1]
        for left in statement.exprs[:-1]:
            _stated_moment(left, right, statement, names, found, defined)


def _product_of_names(expr: Expr) -> bool:
    """``q k`` (``q \\cdot k`` of plain names): a product of two or more distinct plain real names."""
    return (isinstance(expr, Mul) and len(expr.args) >= 2 and len(set(expr.args)) == len(expr.args)
            and all(isinstance(a, Symbol) and not a.is_integer for a in expr.args))


def _one_entry(argument: Symbol, indexed: dict) -> bool:
    """``u_1`` (an entry at numbers) is one entry of a family; ``s_{ij}`` (at symbolic indices,
    more than one) is one variable the document writes by that name, and may be declared as such."""
    entry = indexed.get(argument)
    if entry is None:
        return False
    return not (len(entry.indices) > 1 and all(isinstance(i, Symbol) for i in entry.indices))


def _stated_moment(left: Expr, right: Expr, statement, names: dict, found: dict[str, Declared],
                   defined: set[str]) -> None:
    """``E[X] = v`` or ``Var(X) = v`` of a plain name or a component, into its declaration. An entry
    ``s_{ij}`` the premises define (``s_{ij} = q_i \\cdot k_j``) has the moments of its definition: a
    stated one is not made its law."""
    if not (isinstance(left, AppliedUndef) and left.func.__name__ in ("E", "Var") and len(left.args) == 1):
        return
    (argument,) = left.args
    if right.has(AppliedUndef):
        return
    if _product_of_names(argument) and not any(a in dict(statement.indexed) for a in argument.args):
        for factor in argument.args:  # ``Var(q \\cdot k) = d``: only random variables have a variance
            found.setdefault(factor.name, Declared(factor.name, False))
        return
    if not isinstance(argument, Symbol) or mentions(right, argument.name):
        return
    entry = component(argument, dict(statement.indexed))
    if entry is None and argument in dict(statement.indexed) and (
            _one_entry(argument, dict(statement.indexed)) or argument.name in defined):
        return  # ``E[u_1] = 0``: one component's moment, not the family's
    key = str(entry.base.label) if entry is not None else argument.name
    indexed = dict(statement.indexed)
    if entry is not None and any(s == entry.indices[0] or (s in indexed and indexed[s].has(entry.indices[0]))
                                 for s in right.free_symbols):
        return  # ``E[u_i] = m_i``: a moment for each index is no family's one law
    declared = found.setdefault(key, Declared(key, entry is not None))
    if declared.stated_law:
        return
    value = in_document(right, names)
    mean, variance = declared.law.mean, declared.law.variance
    if left.func.__name__ == "E":
        mean = value if mean is None else mean
    else:
        variance = value if variance is None else variance
    declared.law = moments(mean, variance)


_MOMENT_NOTATION = re.compile(r"\\mathbb\s*\{?\s*E\b|\bVar\b|\bCov\b|\\operatorname\{E\}")
_AVERAGES = re.compile(r"\\mathbb\s*\{?\s*E\b|\\operatorname\{E\}|\\mathrm\{E\}|\bE\s*\[|\bE_\{[^{}]*\}\s*\[|"
                       r"\bE_\w\s*\[|\bVar\b|\bCov\b")
_RANDOM_WORDS = re.compile(r"\brandom\s+(?:variables?|vectors?|variates?)\b|\bi\.\s?i\.\s?d\b|\bexpectations?\b|"
                           r"\bexpected\s+values?\b|\bmeans?\s+(?:0|zero)\b|\bzero[\s-]+mean\b|\bvariances?\b", re.I)


def writes_averages(formula_texts: list[str], prose: str) -> bool:
    """Whether a document shows that its ``E`` averages: it writes ``\\mathbb{E}``, ``E[...]``, Var or Cov,
    or its prose speaks of random variables, expectations, means or variances. There ``E(X) = X`` is a
    claim about an expectation, never the definition of a function E (an energy ``E(x)`` elsewhere)."""
    return bool(_RANDOM_WORDS.search(prose)) or any(_AVERAGES.search(t) for t in formula_texts)


def implicit(document, constants: set[str], found: dict[str, Declared]) -> None:
    """With constants named and nothing declared, the other plain names averaged by E, Var or Cov
    in the chains are random variables with no law stated; only where the document writes moments
    unmistakably (``\\mathbb{E}``, Var, Cov somewhere): a bare ``E(x)`` may be an energy."""
    if found or not constants or not any(_MOMENT_NOTATION.search(f.text) for f in document.formulas):
        return
    for chain in document.chains:
        for expr in (chain.start, *(s.expr for s in chain.steps)):
            for node in expr.atoms(AppliedUndef):
                if node.func.__name__ not in OPERATORS:
                    continue
                for symbol in node.free_symbols:
                    if isinstance(symbol, Symbol) and not symbol.is_integer and symbol.name not in constants:
                        found.setdefault(symbol.name, Declared(symbol.name, False))


def shifts_and_scales(document, keys: set[str], components: dict) -> set[str]:
    """The other names of a definition that builds a random variable from declared ones
    (``z = \\mu + \\sigma \\epsilon`` with epsilon random): the parameters of its law, as the
    parameters of a stated law are; a name the document defines itself is not among them."""
    defined = {f.lhs.name for f in document.context.facts if isinstance(f.lhs, Symbol)}
    found: set[str] = set()
    for fact in document.context.facts:
        if isinstance(fact.lhs, Symbol) and mentions_random(fact.rhs, keys, components):
            found |= {s.name for s in fact.rhs.free_symbols if isinstance(s, Symbol)} - keys - defined
    return found


def _plain_names(expr: Expr, kept: set[str]) -> list[Symbol]:
    """The names of ``expr`` that may be random: plain, not integers (indices, sizes), none of ``kept``."""
    return [s for s in sorted(expr.free_symbols, key=str)
            if isinstance(s, Symbol) and not s.is_integer and s.name not in kept]


def averaged_alone(document, constants: set[str], found: dict[str, Declared], components: dict) -> None:
    """With some names declared random, an E, Var or Cov in the chains whose argument holds none of them
    still averages something: every other plain name in that argument is random, with no law stated.
    Read as a constant, ``E[\\psi^2] = \\psi^2`` and ``Var[a X] = 7 a Var[X]`` would be proved of names
    the author averages. Names the prose calls constant, integers, the parameters of stated laws and
    of definitions built from declared variables (``z = \\mu + \\sigma \\epsilon``) stay constants."""
    if not found:
        return
    parameters = {s.name for d in found.values() for value in (d.law.mean, d.law.variance)
                  if value is not None for s in value.free_symbols}
    kept = constants | parameters | shifts_and_scales(document, set(found), components)
    for fact in document.context.facts:  # g = \\psi_i^2, g random and nothing random on the right: psi is
        if isinstance(fact.lhs, Symbol) and fact.lhs.name in found \
                and not mentions_random(fact.rhs, set(found), components):
            for symbol in _plain_names(fact.rhs, kept):
                if symbol.name in components:  # an entry psi_i: its family is random
                    family = str(components[symbol.name].base.label)
                    found.setdefault(family, Declared(family, True))
                else:
                    found.setdefault(symbol.name, Declared(symbol.name, False))
    for chain in document.chains:
        for expr in (chain.start, *(s.expr for s in chain.steps)):
            for node in expr.atoms(AppliedUndef):
                if node.func.__name__ not in OPERATORS or mentions_random(node, set(found), components):
                    continue
                for symbol in _plain_names(node, kept):
                    if symbol.name not in components and not written_entry(symbol.name, found):
                        found.setdefault(symbol.name, Declared(symbol.name, False))


def written_entry(name: str, found) -> bool:
    """``Q_{1, i}`` of a declared random matrix Q, held as a name of its own: an entry of a random object
    whose law and independence the premises state for Q, not for it. Declared apart, with no law, a
    draw would correlate two entries the premises call independent; held constant, ``E[Q_{1,i}^2]`` would
    equal its square. It is neither: steps about it stay undecided."""
    family = name.split("_", 1)[0]
    return "_" in name and family != name and family in found and name not in found


def lengths(document, found: dict[str, Declared], names: dict) -> None:
    """A family's length from its vector shape (n x 1) or from a premise ``q . k = sum_{i=1}^n q_i k_i``."""
    families = {k for k, d in found.items() if d.family}
    statements = [f.statement for f in document.formulas if f.statement is not None]
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    for expr in written + [f.rhs for f in document.context.facts] + [e for s in statements for e in s.exprs]:
        for symbol in expr.atoms(MatrixSymbol):
            if symbol.name in families and symbol.shape[1] == 1 and found[symbol.name].length is None:
                found[symbol.name].length = in_document(symbol.shape[0], names)
    for statement in statements:
        if "=" not in statement.relations:
            continue
        for left, right in zip(statement.exprs, statement.exprs[1:]):
            if not (isinstance(right, Sum) and len(right.limits) == 1 and len(right.limits[0]) == 3):
                continue
            keys = {str(a.base.label) for a in right.function.atoms(Indexed)}
            pair = vector_pair(left, families)
            if pair is not None and set(pair) == keys and right.limits[0][1] == 1:
                for key in pair:
                    found[key].length = found[key].length or in_document(right.limits[0][2], names)


def counts(found: dict[str, Declared]) -> dict:
    """A length the document writes as a plain name not known to be an integer (``q \\in \\mathbb{R}^d``
    with d only real) is the number of components: that name as a positive integer, everywhere."""
    sizes = {}
    for declared in found.values():
        length = declared.length
        if isinstance(length, Symbol) and not (length.is_integer and length.is_positive):
            sizes[length] = Symbol(length.name, integer=True, positive=True)
            declared.length = sizes[length]
    return sizes


def mentions(expr: Expr, name: str) -> bool:
    return any(getattr(s, "name", None) == name for s in expr.free_symbols)


def mentions_random(expr: Expr, keys: set[str], components: dict) -> bool:
    names = {s.name for s in expr.free_symbols if isinstance(s, Symbol)}
    names |= {m.name for m in expr.atoms(MatrixSymbol)} | {str(b.label) for b in expr.atoms(IndexedBase)}
    names |= {str(components[s.name].base.label) for s in expr.free_symbols if getattr(s, "name", None) in components}
    return bool(names & keys)
