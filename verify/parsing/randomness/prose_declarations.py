"""Declarations the prose states: which names a sentence calls random or constant, the law or
moments it gives them ("standard normal", "with mean $0$ and variance $1$", "drawn from
$\\mathcal{N}(0, 1)$"), the families whose components it calls i.i.d., and independence.

See the package docstring for the phrasings; each reader adds to the ``Declared`` accumulators
of ``randomness.declarations``.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sympy import Expr, Integer
from sympy.core.function import AppliedUndef

from ...errors import ParseError
from ...model import Independence, Law
from ...vocabulary.random import moments, normal
from ..expressions import parse
from .declarations import Declared, in_document, law_of
from .sentences import INLINE, Named, clauses, mentioned_keys, named, sentence_names, sentences, stated

_RANDOM = re.compile(r"\brandom\s+(?:variables?|vectors?|variates?)\b|\brandomly\s+distributed\b|"
                     r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+|independently\s+)?"
                     r"(?:from|as|according\s+to)\b", re.I)


_DRAWN_FROM = re.compile(r"\b(?:sampled|drawn|distributed)\s+(?:i\.\s?i\.\s?d\.\s+|independently\s+)?"
                         r"(?:from|as|according\s+to)\s+(?:an?\s+|the\s+)?\$([^$\n]+)\$", re.I)


_HAS_MOMENTS = re.compile(r"\b(?:has|have|having|with)\s+(?:[\w.-]+\s+){0,4}?(?:mean|variance|expectation)\b", re.I)


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
                elif not declared.stated_law and not fixed and declared.law.family == law.family:
                    # "with zero mean" beside a premise giving the variance: each fills what the other leaves
                    declared.law = replace(declared.law,
                                           mean=declared.law.mean if declared.law.mean is not None else law.mean,
                                           variance=declared.law.variance if declared.law.variance is not None
                                           else law.variance)
        words = INLINE.sub(" ", sentence)
        if _INDEPENDENT.search(words) and not _DENIED.search(words):
            among = [found[k] for k in mentioned_keys(sentence, set(found))]  # ``$q_i k_i$`` names q, k
            listed = {n.key for n in mentioned if n.length is not None}  # ``u_1, \\dots, u_d`` are independent
            for declared in among:  # u_1, ..., u_n independent: identical only with common stated moments
                if declared.family and (_IID.search(words) or (declared.key in listed and declared.law != Law())):
                    declared.iid = True
            if len(among) >= 2:
                statements.append(tuple(d.key for d in among))
        statements.extend(_written_independence(sentence, found))
    unique = {frozenset(s): tuple(dict.fromkeys(s)) for s in statements}
    return list(unique.values()), constants


_PERP = re.compile(r"\$([^$]*\\(?:perp|independent|indep)\b[^$]*)\$")
_PERP_SIGN = re.compile(r"\\(?:perp(?:\s*\\!)*(?:\s*\\perp)?|independent|indep)\b")


def _written_independence(sentence: str, found: dict[str, Declared]) -> list[tuple[str, ...]]:
    """``$X \\perp Y$`` (or ``\\perp\\!\\!\\!\\perp``): X and Y are independent random variables. Only plain
    names on every side are read; anything else (a conditional ``X \\perp Y \\mid Z``) states nothing here."""
    statements = []
    for match in _PERP.finditer(sentence):
        keys = []
        for side in _PERP_SIGN.split(match.group(1)):
            try:
                exprs = parse(side.strip()).exprs if side.strip() else ()
            except ParseError:
                exprs = ()
            if len(exprs) != 1 or not exprs[0].is_Symbol:
                keys = []
                break
            keys.append(exprs[0].name)
        if len(keys) >= 2:
            for key in keys:
                found.setdefault(key, Declared(key, False))
            statements.append(tuple(keys))
    return statements
