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
from ...model import Independence, Law, RandomVariable
from ...vocabulary import Normal
from ...vocabulary.random import moments, normal
from ..expressions import parse
from .rewriting import OPERATORS, vector_pair
from .sentences import (INLINE, Named, clauses, component, enumerated, mentioned_keys, named, sentence_names,
                        sentences, stated, top_level)

_RANDOM = re.compile(r"\brandom\s+(?:variables?|vectors?|variates?)\b|\brandomly\s+distributed\b|"
                     r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+|independently\s+)?"
                     r"(?:from|as|according\s+to)\b", re.I)


_DRAWN_FROM = re.compile(r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+|independently\s+)?"
                         r"(?:from|as|according\s+to)\s+(?:an?\s+|the\s+)?\$([^$\n]+)\$", re.I)


_HAS_MOMENTS = re.compile(r"\b(?:has|have|having)\s+(?:[\w.-]+\s+){0,4}?(?:mean|variance|expectation)\b", re.I)


_SAID_IID = re.compile(r"\bi\.\s?i\.\s?d\b|\biid\b|\bidentically\s+distributed\b", re.I)


_INDEPENDENT = re.compile(r"\bindependent(?:ly)?\b|\bi\.\s?i\.\s?d\b|\biid\b", re.I)


_IID = re.compile(r"\bi\.\s?i\.\s?d\b|\biid\b|identically\s+distributed|different\s+indices|"
                  r"\b(?:drawn|sampled|generated|chosen)\s+independently\b|"
                  r"\bindependently\s+(?:drawn|sampled|generated|chosen)\b|"
                  r"\b(?:components?|elements?|entries|entry|coordinates?)\b", re.I)


_COMPONENTS = re.compile(r"\b(?:components?|elements?|entries|entry|coordinates?)\s+of\b|"
                         r"\b(?:whose|each|every|all|its|their|with)\s+(?:\w+\s+){0,2}"
                         r"(?:components?|elements?|entries|entry|coordinates?)\b", re.I)


_DENIED = re.compile(r"\b(?:not|dependent|correlated|without|non-?independent)\b", re.I)


_CONSTANT = re.compile(r"\bconstants?\b", re.I)


_STANDARD_NORMAL = re.compile(r"\bstandard\s+(?:normal|gaussian)\b", re.I)


_ZERO = r"(?:zero|0(?![.,]?\d))"


_ONE = r"(?:one|1(?![.,]?\d))"


_ZERO_MEAN = re.compile(rf"\b{_ZERO}[\s-]+mean\b|\bmean\s+(?:of\s+)?{_ZERO}|\bcentred\b|\bcentered\b", re.I)


_UNIT_VARIANCE = re.compile(rf"\bunit\s+variance\b|\b{_ONE}\s+variance\b|\bvariance\s+(?:of\s+)?{_ONE}", re.I)


def _moment_is(word: str, sentence: str) -> str | None:
    """The inline formula giving the moment ``word``: "mean $m$", "a mean of $m$" or "$m$ mean"."""
    before = re.compile(rf"\b{word}s?\s+(?:of\s+)?$", re.I)
    after = re.compile(rf"^\s+{word}\b", re.I)
    for match in INLINE.finditer(sentence):
        if before.search(sentence[:match.start()]) or after.search(sentence[match.end():]):
            return match.group(1)
    return None


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
    if mean is None and (formula := _moment_is("mean", words)) is not None:
        mean = _value(formula, names)
    if variance is None and (formula := _moment_is("variance", words)) is not None:
        variance = _value(formula, names)
    if any(v is not None and v.has(AppliedUndef) for v in (mean, variance)):
        return None, False  # "whose mean $\\mathbb{E}[X]$": names the moment, states no value
    if mean is None and variance is None:
        return None, False
    return moments(mean, variance), False


_MOMENT_WORD = r"(?:means?|variances?|standard\s+deviations?|expectations?|expected\s+values?)"


def moment_values(sentence: str) -> list[Named]:
    """The names a sentence gives as the value of a moment ("with mean $\\mu$", "$\\mu$ mean"): the
    parameters of the law, not variables of it."""
    before = re.compile(rf"\b{_MOMENT_WORD}\s+(?:of\s+|equal\s+to\s+|=\s*)?$", re.I)
    after = re.compile(rf"^\s+{_MOMENT_WORD}\b", re.I)
    found: list[Named] = []
    for match in INLINE.finditer(sentence):
        if before.search(sentence[:match.start()]) or after.search(sentence[match.end():]):
            found.extend(named(match.group(1)))
    return found


def random_and_constant(sentence: str, mentioned: list[Named]) -> tuple[list[Named], list[Named]]:
    """The names a sentence calls random and those it calls constant. A sentence saying both
    ("$X$ is a random variable and $a$ is a constant") is read clause by clause; a name is random
    where its clause says so ("random variables", "drawn from", "has mean ... and variance ...",
    "i.i.d.": only random variables are identically distributed)."""
    def random(words: str) -> bool:
        return any(stated(p, words) for p in (_RANDOM, _HAS_MOMENTS, _SAID_IID))

    if not (random(sentence) and stated(_CONSTANT, sentence)):
        if random(sentence):
            return mentioned, []
        return [], (mentioned if stated(_CONSTANT, sentence) else [])
    randoms: list[Named] = []
    constants: list[Named] = []
    for clause in clauses(sentence):
        names = sentence_names(clause)
        if random(clause):
            randoms.extend(names)
        elif stated(_CONSTANT, clause):
            constants.extend(names)
    return randoms, [n for n in constants if n not in randoms]


def drawn_from(sentence: str, names: dict) -> Law | None:
    """The normal law a sentence draws its names from ("drawn i.i.d. from $\\mathcal{N}(0, 1)$")."""
    match = _DRAWN_FROM.search(sentence)
    if match is None or not stated(_RANDOM, sentence):
        return None
    try:
        statement = parse(match.group(1))
    except (ParseError, ValueError):
        return None
    if len(statement.exprs) != 1 or statement.relations:
        return None
    return law_of(statement.exprs[0], names)


def from_prose(text: str, names: dict, found: dict[str, Declared],
               vectors: frozenset[str] = frozenset()) -> tuple[list[Independence], set[str]]:
    """Declarations, laws, i.i.d. families, independence and constants the sentences state. A name
    the document holds as a vector (``q \\in \\mathbb{R}^d``, ``q^\\top k``) is declared as the family
    of its components: its moments are its components' ones."""
    statements: list[tuple[str, ...]] = []
    constants: set[str] = set()
    for sentence in sentences(text):
        mentioned = sentence_names(sentence)
        components = bool(_COMPONENTS.search(INLINE.sub(" ", sentence)))
        randoms, constant = random_and_constant(sentence, mentioned)
        values = moment_values(sentence)
        randoms = [n for n in randoms if n not in values]
        listing = stated(_INDEPENDENT, sentence)  # ``u_1, \\dots, u_n`` independent: a family of variables
        for name in (n for n in mentioned if n in randoms or (listing and n.length is not None)):
            family = name.family or components or name.key in vectors
            declared = found.setdefault(name.key, Declared(name.key, family))
            declared.length = declared.length or name.length
        constants.update(n.key for n in constant if n.key not in found)
        here = [found[n.key] for n in mentioned if n.key in found]
        law, fixed = stated_moments(sentence, names) if here else (None, False)
        drawn = drawn_from(sentence, names) if here else None
        if drawn is not None:
            law, fixed = drawn, True
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
