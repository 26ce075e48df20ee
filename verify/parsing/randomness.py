r"""What a document declares about its random variables, for the moments theory.

Declarations come from the premises, never from a letter's name:

* ``X \sim \mathcal{N}(\mu, \sigma^2)`` (or ``N(\mu, \sigma^2)``) declares X random with that law;
  ``X \sim p`` for a law not given in closed form declares X random with no law stated; a list
  ``q_i, k_i \sim N(0, 1)`` declares each name; a subscripted name ``q_i`` declares the *family*
  q, whose components ``q_1, q_2, ...`` share the law;
* a sentence that calls inline names "random variables" (or "random vectors"), or says they are
  "sampled from", "drawn from" or "distributed as" a law, declares them;
  "the components (elements, entries) of $q$ ..." declares q a family;
* in such sentences, "standard normal", "zero mean", "unit variance", "with mean $m$ and
  variance $v$" state the law or its moments;
* a sentence that calls two or more declared variables "independent" (and does not deny it)
  makes them mutually independent; one that calls a family's components independent ("the
  components of $q$ are independent", "for different indices", "i.i.d.", "independent and
  identically distributed") makes the family i.i.d.;
* "$a$ is a constant": when nothing is declared random, the other plain names inside E, Var, Cov
  are then random variables with no law stated (the document said which names are constant);
* the length of a family comes from its vector shape (``q \in \mathbb{R}^d``) or from a premise
  ``q \cdot k = \sum_{i=1}^{n} q_i k_i``.

``\mathbb{E}[X]``, ``\mathrm{Var}(X)``, ``\mathrm{Cov}(X, Y)`` (read as undefined functions E, Var,
Cov) become the moments vocabulary; a declared scalar becomes a commuting real symbol, a
component ``q_i`` of a declared family the entry ``q[i]``, and ``q \cdot k`` or ``q^\top k`` of two
declared families their dot product. A name the document defines from random variables by an
equation that is no fact is neither random nor constant: it is left out of the listed constants,
so a step about it stays undecided. A document with no declaration is left as read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sympy import Expr, Indexed, IndexedBase, Integer, MatMul, MatrixSymbol, Mul, Sum, Symbol, Transpose, Tuple
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from ..model import Chain, Context, Fact, Family, Independence, Law, RandomVariable, Step
from ..vocabulary import Density, Expectation, Normal
from ..vocabulary.linalg import Dot
from ..vocabulary.random import Cov, Expect, Var, moments, normal
from .expressions import parse
from .roles import Role, introduced, prose_only

OPERATORS = {"E": Expect, "Var": Var, "Cov": Cov}
NEVER_DEFINED = ("Var", "Cov")  # ``Var(X) = ...`` heads a claim; ``E(x) = ...`` may define an energy

_DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")
_BREAK = re.compile(r"\n\s*\n|\n\s*(?:[-*+]|\d+[.)])\s+")  # paragraphs and list items
_ABBREVIATION = re.compile(r"\b(?:i\.\s?i\.\s?d|i\.\s?e|e\.\s?g|cf|resp|etc|vs)\.", re.I)
_END = re.compile(r"[.!?](?=\s|$)")
_RANDOM = re.compile(r"\brandom\s+(?:variables?|vectors?|variates?)\b|"
                     r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+)?(?:from|as|according\s+to)\b", re.I)
_INDEPENDENT = re.compile(r"\bindependent(?:ly)?\b|\bi\.\s?i\.\s?d\b|\biid\b", re.I)
_IID = re.compile(r"\bi\.\s?i\.\s?d\b|\biid\b|identically\s+distributed|different\s+indices|"
                  r"\b(?:components?|elements?|entries|coordinates?)\b", re.I)
_COMPONENTS = re.compile(r"\b(?:components?|elements?|entries|coordinates?)\s+of\b", re.I)
_DENIED = re.compile(r"\b(?:not|dependent|correlated|without|non-?independent)\b", re.I)
_CONSTANT = re.compile(r"\bconstants?\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|non)\b(?:\s+\w+){0,2}\s*$", re.I)
_STANDARD_NORMAL = re.compile(r"\bstandard\s+(?:normal|gaussian)\b", re.I)
_ZERO_MEAN = re.compile(r"\bzero[\s-]+mean\b|\bmean\s+(?:of\s+)?zero\b|\bcentred\b|\bcentered\b", re.I)
_UNIT_VARIANCE = re.compile(r"\bunit\s+variance\b|\bvariance\s+(?:of\s+)?one\b", re.I)
_MEAN_IS = re.compile(r"\bmeans?\s+(?:of\s+)?\$([^$\n]+)\$", re.I)
_VARIANCE_IS = re.compile(r"\bvariances?\s+(?:of\s+)?\$([^$\n]+)\$", re.I)


@dataclass
class _Declared:
    """One random variable as the reading finds out about it (a family or a scalar)."""

    key: str
    family: bool
    law: Law = Law()
    iid: bool = False
    length: Expr | None = None
    stated_law: bool = False  # by ``\sim`` or "standard normal": the prose moments do not override it

    def variable(self, bases: dict) -> RandomVariable:
        name = bases.get(self.key, IndexedBase(self.key)) if self.family else Symbol(self.key, real=True)
        return RandomVariable(name, self.law, iid=self.iid and self.family, length=self.length)


# --- sentences and their names -----------------------------------------------------------

def sentences(text: str) -> list[str]:
    """The prose as sentences: split at paragraphs, list items and full stops, never inside
    inline mathematics or an abbreviation (``i.e.``, ``i.i.d.``)."""
    prose = _DISPLAY.sub(" ", text)
    found = []
    for part in _BREAK.split("\n" + prose):
        maths: list[str] = []

        def hide(match):
            maths.append(match.group(0))
            return f"\x00{len(maths) - 1}\x00"

        hidden = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "\x01"), _INLINE.sub(hide, part))
        for piece in _END.split(hidden):
            restored = re.sub("\x00(\\d+)\x00", lambda m: maths[int(m.group(1))], piece).replace("\x01", ".")
            if restored.strip():
                found.append(" ".join(restored.split()))
    return found


@dataclass(frozen=True)
class Named:
    """A name an inline formula gives: a scalar ``X``, or the family of a component ``q_i``."""

    key: str
    family: bool
    length: Expr | None = None  # ``u_1, \\dots, u_d``: the family of d components


_DOTS = {"\\dots", "\\ldots", "\\cdots"}


def enumerated(parts: list[str]) -> Named | None:
    """``u_1, u_2, \\dots, u_d``: the family u of components 1..d, else None."""
    if not any(p.strip() in _DOTS for p in parts):
        return None
    entries = []
    for part in (p.strip() for p in parts if p.strip() not in _DOTS):
        try:
            statement = parse(part)
        except (ParseError, ValueError):
            return None
        indexed = dict(statement.indexed)
        if len(statement.exprs) != 1 or statement.relations or statement.exprs[0] not in indexed:
            return None
        entries.append(indexed[statement.exprs[0]])
    if len(entries) < 2 or len({str(e.base.label) for e in entries}) != 1 or any(len(e.indices) != 1 for e in entries):
        return None
    if entries[0].indices[0] != 1 or isinstance(entries[-1].indices[0], Indexed):
        return None
    return Named(str(entries[0].base.label), True, entries[-1].indices[0])


def named(formula: str) -> list[Named]:
    """The plain names of one inline formula, a comma list of them allowed (``q_i, k_i``), or an
    enumerated family (``u_1, \\dots, u_d``)."""
    found = []
    parts = _top_level(formula, ",")
    listed = enumerated(parts)
    if listed is not None:
        return [listed]
    for part in parts:
        try:
            statement = parse(part.strip())
        except (ParseError, ValueError):
            continue
        components = dict(statement.indexed)
        if statement.relations == ("~",) and not statement.lead:  # ``X \sim p``: the name declared
            left = statement.exprs[0]
            sides = left.args if isinstance(left, Tuple) else (left,)
            found.extend(n for side in sides for n in _plain(side, components))
            continue
        if len(statement.exprs) != 1 or statement.relations:
            continue
        found.extend(_plain(statement.exprs[0], components))
    return found


def _plain(expr: Expr, components: dict) -> list[Named]:
    """A plain name as a Named (a family for a component ``q_i``), else nothing."""
    if _component(expr, components) is not None:
        return [Named(str(components[expr].base.label), True)]
    if isinstance(expr, (Symbol, MatrixSymbol)):
        return [Named(expr.name, False)]
    return []


def _component(expr: Expr, components: dict) -> Indexed | None:
    """``q_i`` read as the component q[i] at a symbolic index: it names the family q. A numeric
    subscript (``x_0``) names one variable, not its family."""
    entry = components.get(expr) if isinstance(expr, Symbol) else None
    if entry is None or len(entry.indices) != 1 or not isinstance(entry.indices[0], Symbol):
        return None
    return entry


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


def _top_level(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` outside brackets and braces."""
    parts, depth, start = [], 0, 0
    for at, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == separator and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return parts + [text[start:]]


def sentence_names(sentence: str) -> list[Named]:
    """Every plain name the inline formulas of ``sentence`` give, in order, once each."""
    return list(dict.fromkeys(n for math in _INLINE.findall(sentence) for n in named(math)))


def mentioned_keys(sentence: str, keys: set[str]) -> list[str]:
    """The declared variables (by key) any inline formula of ``sentence`` mentions, components
    ``q_i`` as their family q, in order of appearance."""
    found = []
    for math in _INLINE.findall(sentence):
        for part in _top_level(math, ","):
            try:
                statement = parse(part.strip())
            except (ParseError, ValueError):
                continue
            components = {s.name: str(e.base.label) for s, e in statement.indexed}
            for expr in statement.exprs:
                for symbol in sorted(expr.free_symbols, key=str):
                    found.append(components.get(symbol.name, symbol.name) if isinstance(symbol, Symbol) else "")
                found.extend(str(b.label) for b in expr.atoms(IndexedBase))
    return [k for k in dict.fromkeys(found) if k in keys]


def _stated(pattern: re.Pattern, sentence: str) -> bool:
    """``pattern`` occurs in the words (mathematics blanked) and is not negated just before."""
    words = _INLINE.sub(" ", sentence)
    return any(not _NEGATED.search(words[:m.start()]) for m in pattern.finditer(words))


# --- declarations --------------------------------------------------------------------------

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
            parts = _top_level(left, ",")
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


def from_sim(formulas, names: dict, found: dict[str, _Declared]) -> None:
    """One declaration per name on the left of a ``\\sim`` premise."""
    for sides, written, listed in _sim_statements(formulas):
        stated = law_of(written, names)
        if listed is not None:
            declared = found.setdefault(listed.key, _Declared(listed.key, True))
            declared.length = declared.length or in_document(listed.length, names)
            if stated is not None and not declared.stated_law:
                declared.law, declared.stated_law = stated, True
        for side, components in sides:
            entry = _component(side, components)
            if entry is not None and stated is not None and _varies(stated, entry, components):
                continue  # ``x_t \sim N(a_t x_0, ...)``: a law for each index is no family's one law
            if entry is not None:
                key, family = str(entry.base.label), True
            elif isinstance(side, Symbol):
                key, family = side.name, False
            else:
                continue
            declared = found.setdefault(key, _Declared(key, family))
            if stated is not None and not declared.stated_law:
                declared.law, declared.stated_law = stated, True


def from_stated(formulas, names: dict, found: dict[str, _Declared]) -> None:
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
        if not isinstance(argument, Symbol) or right.has(AppliedUndef) or _mentions(right, argument.name):
            continue
        entry = _component(argument, dict(statement.indexed))
        if entry is None and argument in dict(statement.indexed):
            continue  # ``E[u_1] = 0``: one component's moment, not the family's
        key = str(entry.base.label) if entry is not None else argument.name
        indexed = dict(statement.indexed)
        if entry is not None and any(s == entry.indices[0] or (s in indexed and indexed[s].has(entry.indices[0]))
                                     for s in right.free_symbols):
            continue  # ``E[u_i] = m_i``: a moment for each index is no family's one law
        declared = found.setdefault(key, _Declared(key, entry is not None))
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
    if _stated(_STANDARD_NORMAL, sentence):
        return normal(0, 1), True
    mean = Integer(0) if _stated(_ZERO_MEAN, sentence) else None
    variance = Integer(1) if _stated(_UNIT_VARIANCE, sentence) else None
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


def from_prose(text: str, names: dict, found: dict[str, _Declared]) -> tuple[list[Independence], set[str]]:
    """Declarations, laws, i.i.d. families, independence and constants the sentences state."""
    statements: list[tuple[str, ...]] = []
    constants: set[str] = set()
    for sentence in sentences(text):
        mentioned = sentence_names(sentence)
        components = bool(_COMPONENTS.search(_INLINE.sub(" ", sentence)))
        random = _stated(_RANDOM, sentence)
        listing = _stated(_INDEPENDENT, sentence)  # ``u_1, \\dots, u_n`` independent: a family of variables
        if random or listing:
            for name in (n for n in mentioned if random or n.length is not None):
                declared = found.setdefault(name.key, _Declared(name.key, name.family or components))
                declared.length = declared.length or name.length
        if _stated(_CONSTANT, sentence) and not _stated(_RANDOM, sentence):
            constants.update(n.key for n in mentioned if n.key not in found)
        here = [found[n.key] for n in mentioned if n.key in found]
        law, fixed = stated_moments(sentence, names) if here else (None, False)
        if law is not None:
            for declared in here:
                if not declared.stated_law and declared.law == Law():
                    declared.law, declared.stated_law = law, fixed
        words = _INLINE.sub(" ", sentence)
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


def implicit(document, constants: set[str], found: dict[str, _Declared]) -> None:
    """With constants named and nothing declared, the other plain names averaged by E, Var or Cov
    in the chains are random variables with no law stated."""
    if found or not constants:
        return
    for chain in document.chains:
        for expr in (chain.start, *(s.expr for s in chain.steps)):
            for node in expr.atoms(AppliedUndef):
                if node.func.__name__ not in OPERATORS:
                    continue
                for symbol in node.free_symbols:
                    if isinstance(symbol, Symbol) and not symbol.is_integer and symbol.name not in constants:
                        found.setdefault(symbol.name, _Declared(symbol.name, False))


def lengths(document, found: dict[str, _Declared], names: dict) -> None:
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
            pair = _vector_pair(left, families)
            if pair is not None and set(pair) == keys and right.limits[0][1] == 1:
                for key in pair:
                    found[key].length = found[key].length or in_document(right.limits[0][2], names)


def counts(found: dict[str, _Declared]) -> dict:
    """A length the document writes as a plain name not known to be an integer (``q \\in \\mathbb{R}^d``
    with d only real) is the number of components: that name as a positive integer, everywhere."""
    sizes = {}
    for declared in found.values():
        length = declared.length
        if isinstance(length, Symbol) and not (length.is_integer and length.is_positive):
            sizes[length] = Symbol(length.name, integer=True, positive=True)
            declared.length = sizes[length]
    return sizes


# --- rewriting the chains ------------------------------------------------------------------

def _vector_pair(expr: Expr, families: set[str]) -> tuple[str, str] | None:
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
        return _vector_pair(node, set(families)) is not None

    def dot(node):
        first, second = _vector_pair(node, set(families))
        return Dot(families[first], families[second])

    expr = expr.replace(lambda e: isinstance(e, MatMul) and pair(e), dot)

    def split(node):
        inside = [a for a in node.args if isinstance(a, Symbol) and a.name in families]
        if len(inside) != 2 or inside[0] == inside[1]:
            return node
        rest = [a for a in node.args if a not in inside]
        return Mul(*rest) * Dot(*(families[a.name] for a in sorted(inside, key=str)))

    return expr.replace(lambda e: isinstance(e, Mul), split)


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
        expr = dot_products(expr, families)
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in OPERATORS,
                        lambda e: OPERATORS[e.func.__name__](*e.args))


def _chain(chain: Chain, rewrite) -> Chain:
    steps = tuple(Step(rewrite(s.expr), s.relation, s.justification, s.source) for s in chain.steps)
    return Chain(rewrite(chain.start), steps, chain.title, chain.source)


def densities_of(exprs) -> dict:
    """name -> the density ``p(x)`` the document writes of one variable (never ``p(x | z)``); a name
    written of different variables is ambiguous and left out."""
    found: dict = {}
    for expr in exprs:
        for density in expr.atoms(Density):
            if not density.given and len(density.variables) == 1:
                found.setdefault(density.name, set()).add(density)
    return {name: next(iter(forms)) for name, forms in found.items() if len(forms) == 1}


def under_densities(expr: Expr, densities: dict) -> Expr:
    """``E_{p}[f]`` (read as an undefined ``E_p``) for a density p of the document: ``E_{p(x)}[f]``,
    the integral of p(x) f over x."""
    def is_named(node) -> bool:
        name = node.func.__name__
        return name.startswith("E_") and len(node.args) == 1 and name[2:] in densities

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and is_named(e),
                        lambda e: Expectation(e.args[0], densities[e.func.__name__[2:]]))


def with_densities(document):
    """The document with each ``E_p`` of a density p as an expectation under p."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    densities = densities_of(written)
    if not densities or not any(a.func.__name__.startswith("E_") for e in written for a in e.atoms(AppliedUndef)):
        return document
    chains = tuple(_chain(c, lambda e: under_densities(e, densities)) for c in document.chains)
    return replace(document, chains=chains)


def all_components(formulas) -> dict:
    """``q_i -> q[i]`` (by name) for every subscripted name a formula reads as a component (one index)."""
    found = {}
    for formula in formulas:
        if formula.statement is not None:
            for symbol, entry in formula.statement.indexed:
                if len(entry.indices) == 1:
                    found.setdefault(symbol.name, entry)
    return found


def with_randomness(document, text: str):
    """The document with its random variables declared in the context and its operators read."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    names = {s.name: s for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    names.update({s.name: s for s in document.context.symbols})
    document = with_densities(document)
    found: dict[str, _Declared] = {}
    from_sim(document.formulas, names, found)
    premised = premise_formulas(document, text)
    from_stated(premised, names, found)
    independent, constants = from_prose(text, names, found)
    implicit(document, constants, found)
    if not found:
        return document
    lengths(document, found, names)
    sizes = counts(found)
    names = {name: sizes.get(symbol, symbol) for name, symbol in names.items()}
    components = all_components(document.formulas)
    bases = {str(e.base.label): e.base for e in components.values()}
    declared = tuple(d.variable(bases) for d in found.values())
    scalars = {d.key: d.name for d in declared if not d.is_family}
    families = {d.key: d.name for d in declared if d.is_family}
    by_key = {d.key: d.name for d in declared}
    statements = tuple(Independence(tuple(by_key[k] for k in keys)) for keys in independent)

    def rewrite(expr):
        return operators(expr.xreplace(sizes), scalars, components, families)

    context: Context = document.context
    random_names = set(by_key)
    facts = tuple(Fact(f.name, f.lhs, rewrite(f.rhs)) for f in context.facts)
    facts += stated_facts(premised, facts, names, rewrite, random_names, components)
    undetermined = defined_from_random(document, random_names, components) - {str(f.lhs) for f in facts}
    theories = ("moments",) + tuple(t for t in context.theories if t != "moments")
    entries = {name for name, entry in components.items() if str(entry.base.label) in families}
    kept = tuple(sizes.get(s, s) for s in context.symbols if s.name not in random_names | undetermined | entries)
    context = replace(context, random_variables=declared, independence=statements, theories=theories, facts=facts,
                      symbols=kept + tuple(scalars.values()),
                      notes=context.notes + (f"random: {', '.join(sorted(by_key))} (declared by the premises)",))
    return replace(document, chains=tuple(_chain(c, rewrite) for c in document.chains), context=context)


def premise_formulas(document, text: str) -> list:
    """The inline formulas the prose introduces as premises (``Assume ... $s = q \\cdot k$``)."""
    prose = prose_only(text)
    starts = [0] + [at + 1 for at, char in enumerate(text) if char == "\n"]
    found = []
    for formula in document.formulas:
        if formula.display or formula.statement is None or formula.line > len(starts):
            continue
        offset = starts[formula.line - 1] + formula.column - 1
        if introduced(prose, offset).role is Role.PREMISE:
            found.append(formula)
    return found


def stated_facts(formulas, facts, names: dict, rewrite, keys: set[str], components: dict) -> tuple[Fact, ...]:
    """Premises the moments theory substitutes: a name given a random value (``s = q \\cdot k = ...``:
    s is its first right side) and a stated moment (``\\mathrm{Var}(q \\cdot k) = d \\sigma^4``, whose right
    side is not random, of declared variables: ``Var(XY) = ...`` for placeholders X, Y is a rule, not a
    premise), each unless a fact already gives its left side."""
    given = {f.lhs for f in facts}
    found: list[Fact] = []
    for formula in formulas:
        statement = formula.statement
        if statement.lead or not statement.relations or set(statement.relations) != {"="}:
            continue
        left, right = statement.exprs[0], statement.exprs[1]
        if isinstance(left, Symbol) and _mentions_random(right, keys, components):
            name = names.get(left.name, left)
            if name not in given and left.name not in keys and not _mentions(right, left.name):
                found.append(Fact(f"definition of {name}", name, rewrite(in_document(right, names))))
                given.add(name)
        elif (isinstance(left, AppliedUndef) and left.func.__name__ in OPERATORS and len(statement.exprs) == 2
              and _mentions_random(left, keys, components) and not _mentions_random(right, keys, components)):
            moment = rewrite(in_document(left, names))
            if moment not in given:
                found.append(Fact(f"stated moment {moment}", moment, rewrite(in_document(right, names))))
                given.add(moment)
    return tuple(found)


def _mentions(expr: Expr, name: str) -> bool:
    return any(getattr(s, "name", None) == name for s in expr.free_symbols)


def defined_from_random(document, keys: set[str], components: dict) -> set[str]:
    """Names given a value in terms of random variables (``s = q \\cdot k = ...``), by a definition
    or by any formula of ``=`` that starts with the bare name."""
    pairs = list(document.definitions)
    for formula in document.formulas:
        statement = formula.statement
        if statement is not None and not statement.lead and statement.relations \
                and set(statement.relations) == {"="} and isinstance(statement.exprs[0], Symbol):
            pairs.extend((statement.exprs[0], rhs) for rhs in statement.exprs[1:])
    return {lhs.name for lhs, rhs in pairs if isinstance(lhs, Symbol) and lhs.name not in keys
            and _mentions_random(rhs, keys, components)}


def _mentions_random(expr: Expr, keys: set[str], components: dict) -> bool:
    names = {s.name for s in expr.free_symbols if isinstance(s, Symbol)}
    names |= {m.name for m in expr.atoms(MatrixSymbol)} | {str(b.label) for b in expr.atoms(IndexedBase)}
    names |= {str(components[s.name].base.label) for s in expr.free_symbols if getattr(s, "name", None) in components}
    return bool(names & keys)
