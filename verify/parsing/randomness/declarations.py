"""Declarations of random variables, read from ``\\sim`` premises, stated moments and prose.

Each reader adds to one accumulator per name (``Declared``): whether it is a family, its law
or stated moments, whether its components are i.i.d., its length. See the package docstring
for the forms each one reads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Expr, Indexed, IndexedBase, Integer, MatMul, MatrixSymbol, Sum, Symbol, Tuple
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...model import Independence, Law, RandomVariable
from ...vocabulary import Normal
from ...vocabulary.random import moments, normal
from ..expressions import parse
from .rewriting import OPERATORS, vector_pair
from .sentences import INLINE, component, enumerated, mentioned_keys, sentence_names, sentences, stated, top_level

_RANDOM = re.compile(r"\brandom\s+(?:variables?|vectors?|variates?)\b|"
                     r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+)?(?:from|as|according\s+to)\b", re.I)


_INDEPENDENT = re.compile(r"\bindependent(?:ly)?\b|\bi\.\s?i\.\s?d\b|\biid\b", re.I)


_IID = re.compile(r"\bi\.\s?i\.\s?d\b|\biid\b|identically\s+distributed|different\s+indices|"
                  r"\b(?:components?|elements?|entries|coordinates?)\b", re.I)


_COMPONENTS = re.compile(r"\b(?:components?|elements?|entries|coordinates?)\s+of\b", re.I)


_DENIED = re.compile(r"\b(?:not|dependent|correlated|without|non-?independent)\b", re.I)


_CONSTANT = re.compile(r"\bconstants?\b", re.I)


_STANDARD_NORMAL = re.compile(r"\bstandard\s+(?:normal|gaussian)\b", re.I)


_ZERO_MEAN = re.compile(r"\bzero[\s-]+mean\b|\bmean\s+(?:of\s+)?zero\b|\bcentred\b|\bcentered\b", re.I)


_UNIT_VARIANCE = re.compile(r"\bunit\s+variance\b|\bvariance\s+(?:of\s+)?one\b", re.I)


_MEAN_IS = re.compile(r"\bmeans?\s+(?:of\s+)?\$([^$\n]+)\$", re.I)


_VARIANCE_IS = re.compile(r"\bvariances?\s+(?:of\s+)?\$([^$\n]+)\$", re.I)


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
    return normal(in_document(mean, names), in_document(variance, names))


def in_document(expr: Expr, names: dict) -> Expr:
    """``expr`` with each symbol replaced by the document's symbol of that name (its assumptions)."""
    return expr.xreplace({s: names[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in names})


def _sim_statements(formulas):
    """(left sides, law) of every ``\\sim`` premise; a list on the left the grammar does not read
    (``q_i, k_i \\sim N(0, 1)``) is read one name at a time."""
    for formula in formulas:
        statement = formula.statement
        if statement is not None and statement.relations == ("~",):
            left, law = statement.exprs
            sides = tuple(left.args) if isinstance(left, Tuple) else (left,)
            yield [(side, dict(statement.indexed)) for side in sides], law, None
        elif statement is None and "\\sim" in formula.text:
            left, _, right = formula.text.partition("\\sim")
            parts = top_level(left, ",")
            listed = enumerated(parts)
            if listed is not None:  # ``u_1, \\dots, u_d \\sim N(0, 1)``
                try:
                    law = parse(f"{parts[0].strip()} \\sim {right.strip()}").exprs[-1]
                except (ParseError, ValueError):
                    continue
                yield [], law, listed
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
                yield sides, law, None


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


def from_sim(formulas, names: dict, found: dict[str, Declared]) -> None:
    """One declaration per name on the left of a ``\\sim`` premise."""
    for sides, written, listed in _sim_statements(formulas):
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
            if stated is not None and not declared.stated_law:
                declared.law, declared.stated_law = stated, True


def from_stated(formulas, names: dict, found: dict[str, Declared]) -> None:
    """Premises ``\\mathbb{E}[u_i] = 0`` and ``\\mathrm{Var}(u_i) = 1`` of a plain name or a component:
    it is random, with that moment (a law ``\\sim`` gave stays as given)."""
    for formula in formulas:
        statement = formula.statement
        if statement.lead or statement.relations != ("=",):
            continue
        left, right = statement.exprs
        if not (isinstance(left, AppliedUndef) and left.func.__name__ in ("E", "Var") and len(left.args) == 1):
            continue
        (argument,) = left.args
        if not isinstance(argument, Symbol) or right.has(AppliedUndef) or mentions(right, argument.name):
            continue
        entry = component(argument, dict(statement.indexed))
        if entry is None and argument in dict(statement.indexed):
            continue  # ``E[u_1] = 0``: one component's moment, not the family's
        key = str(entry.base.label) if entry is not None else argument.name
        indexed = dict(statement.indexed)
        if entry is not None and any(s == entry.indices[0] or (s in indexed and indexed[s].has(entry.indices[0]))
                                     for s in right.free_symbols):
            continue  # ``E[u_i] = m_i``: a moment for each index is no family's one law
        declared = found.setdefault(key, Declared(key, entry is not None))
        if declared.stated_law:
            continue
        value = in_document(right, names)
        mean, variance = declared.law.mean, declared.law.variance
        if left.func.__name__ == "E":
            mean = value if mean is None else mean
        else:
            variance = value if variance is None else variance
        declared.law = moments(mean, variance)


def _value(formula: str, names: dict) -> Expr | None:
    try:
        statement = parse(formula)
    except (ParseError, ValueError):
        return None
    if len(statement.exprs) != 1 or statement.relations:
        return None
    return in_document(statement.exprs[0], names)


def stated_moments(sentence: str, names: dict) -> tuple[Law | None, bool]:
    """The law or moments a sentence states ("standard normal", "zero mean and unit variance",
    "mean $0$ and variance $1$"), and whether it fixes the law (standard normal) or only moments."""
    if stated(_STANDARD_NORMAL, sentence):
        return normal(0, 1), True
    mean = Integer(0) if stated(_ZERO_MEAN, sentence) else None
    variance = Integer(1) if stated(_UNIT_VARIANCE, sentence) else None
    words = sentence
    if mean is None and (match := _MEAN_IS.search(words)):
        mean = _value(match.group(1), names)
    if variance is None and (match := _VARIANCE_IS.search(words)):
        variance = _value(match.group(1), names)
    if any(v is not None and v.has(AppliedUndef) for v in (mean, variance)):
        return None, False  # "whose mean $\\mathbb{E}[X]$": names the moment, states no value
    if mean is None and variance is None:
        return None, False
    return moments(mean, variance), False


def from_prose(text: str, names: dict, found: dict[str, Declared]) -> tuple[list[Independence], set[str]]:
    """Declarations, laws, i.i.d. families, independence and constants the sentences state."""
    statements: list[tuple[str, ...]] = []
    constants: set[str] = set()
    for sentence in sentences(text):
        mentioned = sentence_names(sentence)
        components = bool(_COMPONENTS.search(INLINE.sub(" ", sentence)))
        random = stated(_RANDOM, sentence)
        listing = stated(_INDEPENDENT, sentence)  # ``u_1, \\dots, u_n`` independent: a family of variables
        if random or listing:
            for name in (n for n in mentioned if random or n.length is not None):
                declared = found.setdefault(name.key, Declared(name.key, name.family or components))
                declared.length = declared.length or name.length
        if stated(_CONSTANT, sentence) and not stated(_RANDOM, sentence):
            constants.update(n.key for n in mentioned if n.key not in found)
        here = [found[n.key] for n in mentioned if n.key in found]
        law, fixed = stated_moments(sentence, names) if here else (None, False)
        if law is not None:
            for declared in here:
                if not declared.stated_law and declared.law == Law():
                    declared.law, declared.stated_law = law, fixed
        words = INLINE.sub(" ", sentence)
        if _INDEPENDENT.search(words) and not _DENIED.search(words):
            among = [found[k] for k in mentioned_keys(sentence, set(found))]  # ``$q_i k_i$`` names q, k
            listed = {n.key for n in mentioned if n.length is not None}  # ``u_1, \\dots, u_d`` are independent
            for declared in among:
                if declared.family and (_IID.search(words) or declared.key in listed):
                    declared.iid = True
            if len(among) >= 2:
                statements.append(tuple(d.key for d in among))
    unique = {frozenset(s): tuple(dict.fromkeys(s)) for s in statements}
    return list(unique.values()), constants


_MOMENT_NOTATION = re.compile(r"\\mathbb\s*\{?\s*E\b|\bVar\b|\bCov\b|\\operatorname\{E\}")


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


def averaged_alone(document, constants: set[str], found: dict[str, Declared], components: dict) -> None:
    """With some names declared random, an E, Var or Cov in the chains whose argument holds none of them
    still averages something: every other plain name in that argument is random, with no law stated.
    Read as a constant, ``E[\\psi^2] = \\psi^2`` and ``Var[a X] = 7 a Var[X]`` would be proved of names
    the author averages. Names the prose calls constant, integers and the parameters of stated laws
    stay constants."""
    if not found:
        return
    parameters = {s.name for d in found.values() for value in (d.law.mean, d.law.variance)
                  if value is not None for s in value.free_symbols}
    kept = constants | parameters
    for fact in document.context.facts:  # g = \\psi_i^2 with g random: what defines it is random too
        if isinstance(fact.lhs, Symbol) and fact.lhs.name in found:
            for symbol in sorted(fact.rhs.free_symbols, key=str):
                if not isinstance(symbol, Symbol) or symbol.is_integer or symbol.name in kept:
                    continue
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
                for symbol in sorted(node.free_symbols, key=str):
                    if isinstance(symbol, Symbol) and not symbol.is_integer and symbol.name not in kept \
                            and symbol.name not in components:
                        found.setdefault(symbol.name, Declared(symbol.name, False))


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
