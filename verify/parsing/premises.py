"""What the document states about signs and densities: premises, never a letter's name.

* A name is positive when a premise says so (``\\eta > 0``, ``0 < \\eta < 1``, inline or
  in a display of its own), when it is the standard deviation of a normal
  (``\\mathcal{N}(\\mu, \\sigma^2)``) or its variance (``\\mathcal{N}(0, v)``), or when a
  sentence calls it a standard deviation or a variance.
* A name applied to plain variables (``p(t)``) is a density only when the document gives
  evidence of one: a conditioning bar (``p(x|z)``), an integral against it (``\\int p(z) ... dz``),
  an expectation under it (``E_{q}``), a KL divergence of it, ``x \\sim p``, a normal as its value,
  or a sentence calling it a density, distribution, prior, posterior or likelihood (a name other
  than p or q only where the word is said of it: "the distribution $Q(z)$", "$P$ is the prior").
Each name comes with its evidence, for the "assumed" line.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from ..vocabulary import KL, Density, Expectation, Normal
from .expressions import parse_latex_expr
from .objects import is_density_name

POSITIVE, NONNEGATIVE = "positive", "nonnegative"
_ORDER = ("<", "<=", ">", ">=", "<<", ">>")  # n \\gg k states at least n > k
_DENSITY_WORD = re.compile(r"\b(?:densit(?:y|ies)|distributions?|priors?|posteriors?|likelihoods?)\b", re.I)
_SCALE_WORD = re.compile(r"\b(?:standard deviations?|variances?)\b", re.I)
_COUNT_WORD = re.compile(r"\bnumber of\b", re.I)  # "the number of layers $L$"
_SENTENCE = re.compile(r"[^.!?\n]*(?:\n(?!\s*\n)[^.!?\n]*)*")
_DISPLAY = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")


def _lower_bound(statement) -> tuple[Symbol, Expr, bool] | None:
    """``x > c`` / ``c < x < d``: (x, c, strict) for the single symbol bounded below by a number."""
    exprs, relations = statement.exprs, statement.relations
    names = [e for e in exprs if not e.is_Number]
    if statement.lead or not relations or any(r not in _ORDER for r in relations) or len(names) != 1:
        return None
    name = names[0]
    if not isinstance(name, Symbol):
        return None
    at = exprs.index(name)
    pairs = [(exprs[at - 1], relations[at - 1], True)] if at > 0 else []  # c rel x
    pairs += [(exprs[at + 1], relations[at], False)] if at < len(relations) else []  # x rel c
    for bound, relation, before in pairs:
        below = relation in ("<", "<=", "<<") if before else relation in (">", ">=", ">>")
        if below:
            return name, bound, relation in ("<", ">", "<<", ">>")
    return None


def is_premise(statement) -> bool:
    """A formula that only bounds one name by numbers (``\\eta > 0``, ``0 < \\eta < 1``): a premise
    the document states, not a step to check."""
    exprs, relations = statement.exprs, statement.relations
    names = [e for e in exprs if not e.is_Number]
    return (not statement.lead and bool(relations) and all(r in _ORDER for r in relations)
            and len(names) == 1 and isinstance(names[0], Symbol) and len(exprs) - 1 <= 2)


def is_bound(statement) -> bool:
    """A formula that only orders names and numbers (``\\eta > 0``, ``0 < \\eta < 2``, ``d_k \\ge 1``) or
    tells them apart (``\\eta \\ne 0``, ``i \\neq k``)."""
    return not statement.lead and bool(statement.relations) and all(r in _ORDER or r == "!="
                                                                    for r in statement.relations)


def stated_bounds(statements) -> dict[str, tuple[str, str]]:
    """name -> (POSITIVE or NONNEGATIVE, why), for the premises ``x > c`` (c >= 0), ``x >= c`` (c > 0)
    and ``x >= 0`` among ``statements``."""
    found: dict[str, tuple[str, str]] = {}
    for statement, source in statements:
        bound = _lower_bound(statement)
        if bound is None:
            continue
        name, value, strict = bound
        why = f"stated: {' '.join(source.split())}"
        if value.is_Number and (value > 0 or (strict and value == 0)):
            found.setdefault(name.name, (POSITIVE, why))
        elif value.is_Number and value == 0:
            found.setdefault(name.name, (NONNEGATIVE, why))
    return found


def normal_scales(exprs) -> dict[str, str]:
    """``\\mathcal{N}(\\mu, \\sigma^2)``: sigma positive; ``\\mathcal{N}(0, v)``: v positive."""
    found: dict[str, str] = {}
    for expr in exprs:
        for normal in expr.atoms(Normal):
            variance = normal.args[1]
            base = variance.base if isinstance(variance, sympy.Pow) and variance.exp == 2 else variance
            if isinstance(base, Symbol):
                found.setdefault(base.name, "the variance of a normal" if base == variance
                                 else "the standard deviation of a normal")
    return found


_NEGATION = re.compile(r"\b(?:not|no|never|nor|neither|non|isn't|aren't|is not|are not)\b(?:\s+\w+){0,3}\s*$", re.I)


def _sentences(text: str, word: re.Pattern):
    """Sentences that call something ``word``; a negated mention ("not a standard deviation",
    "no density") states nothing."""
    prose = _DISPLAY.sub(" ", text)
    for sentence in _SENTENCE.findall(prose):
        found = next((m for m in word.finditer(sentence) if not _NEGATION.search(sentence[:m.start()])), None)
        if found:
            yield sentence, found.group(0).lower()


def _inline_names(sentence: str) -> list[str]:
    """The names of a sentence's inline formulas: ``$\\sigma$`` -> sigma, ``$p(x)$`` -> p."""
    names = []
    for inline in _INLINE.findall(sentence):
        for part in inline.split(","):
            try:
                expr = parse_latex_expr(part.strip())
            except (ParseError, ValueError):
                continue
            if isinstance(expr, Symbol):
                names.append(expr.name)
            elif isinstance(expr, Density):
                names.append(expr.name)
            elif isinstance(expr, AppliedUndef):
                names.append(expr.func.__name__)
    return names


_NEAR_BEFORE = re.compile(r"\s*(?:(?:is|are|be|as|denotes?)\s+)?(?:(?:the|a|an|its|their)\s+)?", re.I)


_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def _named_by(sentence: str, word: re.Pattern) -> list[str]:
    """The names ``word`` is said of: the inline formula right after it ("standard deviations
    $\\sigma_p, \\sigma_q$"), else the one right before it ("$\\sigma$ is the standard deviation"),
    else the sentence's only inline formula. "means $\\mu$ and standard deviations $\\sigma$" makes
    sigma a scale, never mu."""
    spans = [m.span() for m in _INLINE.finditer(sentence)]
    names: list[str] = []
    for found in word.finditer(sentence):
        if _NEGATION.search(sentence[:found.start()]):
            continue
        after = next((s for s in spans if s[0] >= found.end()), None)
        before = next((s for s in reversed(spans) if s[1] <= found.start()), None)
        if after is not None and not sentence[found.end():after[0]].strip():
            chosen = after
        elif before is not None and _NEAR_BEFORE.fullmatch(sentence[before[1]:found.start()]):
            chosen = before
            edge = before[0]
            for span in reversed(spans[:spans.index(before)]):  # "$a$ and $b$ are standard deviations"
                if not _JOINED.fullmatch(sentence[span[1]:edge]):
                    break
                names += _inline_names(sentence[span[0]:span[1]])
                edge = span[0]
        elif len(spans) == 1:
            chosen = spans[0]
        else:
            continue
        names += _inline_names(sentence[chosen[0]:chosen[1]])
    return names


_SUMS_TO_ONE = re.compile(r"\b(?:one[- ]hot|sums?\s+to\s+(?:one|1|unity)|adds?\s+up\s+to\s+(?:one|1)"
                          r"|exactly\s+one\s+of(?:\s+the)?\s*(?=\$[^$]+\$\s+(?:is|equals)\s+(?:1|one)\b))", re.I)
_PART_OF = re.compile(r"\b(?:rows?|columns?|each|every|blocks?)\b", re.I)  # "each row of $P$ sums to one"


def summing_to_one_in_prose(text: str, premise_at) -> list[str]:
    """Names a premise sentence says sum to one: one-hot ("where $y$ is one-hot", "the one-hot label $y$",
    "exactly one of the $t_i$ is 1"), "the targets $y_k$ sum to one", "add up to 1": their entries sum to 1. A claim ("then $y$ is one-hot"),
    a negation ("does not sum to one") and a part ("each row of $P$ sums to one": not all the entries)
    state nothing."""
    prose = _DISPLAY.sub(lambda m: " " * len(m.group()), text)
    found: list[str] = []
    for sentence in _SENTENCE.finditer(prose):
        for word in _SUMS_TO_ONE.finditer(sentence.group()):
            before = sentence.group()[:word.start()]
            if _NEGATION.search(before) or _PART_OF.search(before) or not premise_at(sentence.start() + word.start()):
                continue
            found += [n for n in _named_by(sentence.group(), _SUMS_TO_ONE) if n not in found]
            break
    return found


def scales_in_prose(text: str) -> dict[str, str]:
    """Names a sentence calls a standard deviation or a variance (``_named_by``)."""
    return {name: f'"{word}" in the prose' for sentence, word in _sentences(text, _SCALE_WORD)
            for name in _named_by(sentence, _SCALE_WORD)}


_CONSTANT_WORD = re.compile(r"\b(?:a |an )?(?:small |fixed |positive |large )?constants?\b", re.I)


def constants_in_prose(text: str) -> list[str]:
    """Names a sentence calls constants ("$k$ is a small constant", "for constant $k$"): in O, Theta and
    Omega they are fixed positive numbers, never sizes that grow."""
    return [name for sentence, _ in _sentences(text, _CONSTANT_WORD) for name in _named_by(sentence, _CONSTANT_WORD)]


def counts_in_prose(text: str) -> dict[str, str]:
    """Names a sentence calls a number of something (``the number of layers $L$``): positive integers,
    sizes rather than matrices."""
    return {name: '"number of" in the prose' for sentence, _ in _sentences(text, _COUNT_WORD)
            for name in _inline_names(sentence)}


def density_names(text: str, exprs, statements) -> dict[str, str]:
    """name -> why, for every name the document gives evidence of being a density (module docstring)."""
    found: dict[str, str] = {}
    for expr in exprs:
        for density in expr.atoms(Density):
            if density.given:
                found.setdefault(density.name, "a conditioning bar")
        for integral in expr.atoms(sympy.Integral):
            for density in integral.function.atoms(Density):
                if set(density.variables) & set(integral.variables):
                    found.setdefault(density.name, "integrated against")
        for expectation in expr.atoms(Expectation):
            for density in expectation.atoms(Density):
                found.setdefault(density.name, "an expectation under it")
        for kl in expr.atoms(KL):
            for density in kl.atoms(Density):
                found.setdefault(density.name, "a KL divergence")
    for statement, _ in statements:
        if "~" in statement.relations or any(isinstance(e, Normal) for e in statement.exprs):
            for e in statement.exprs:
                name = e.name if isinstance(e, (Density, Symbol)) else None
                if name is not None and is_density_name(name):
                    found.setdefault(name, "\\sim or a normal as its value")
    for sentence, word in _sentences(text, _DENSITY_WORD):  # p, q anywhere in it; another name only
        named = set(_named_by(sentence, _DENSITY_WORD))      # where the word is said of it
        for name in _inline_names(sentence):
            if is_density_name(name) or name in named:
                found.setdefault(name, f'"{word}" in the prose')
    return found


_NAMED_AS = re.compile(r"(?<![\\$])\$(?P<formula>[^$\n]+?)\$\s*(?:is|denotes|is called)\s+(?:the|an?)\s+"
                       r"(?P<word>[A-Za-z][A-Za-z-]*)\s*$", re.I)


def named_in_prose(text: str, premise_at, words: set[str]) -> list[tuple[str, str]]:
    """(word, formula text) for each premise sentence that ends by naming an inline formula with a word the
    formulas write as a name (``\\text{evidence}``): "The log marginal likelihood $\\log p_\\theta(x)$ is the
    evidence." makes evidence that formula. Only a word that ends its sentence counts ("$\\eta$ is the step
    size of the method" names no ``step``), and a negation or a claim ("then $x$ is the evidence") states nothing."""
    prose = _DISPLAY.sub(lambda m: " " * len(m.group()), text)
    found: list[tuple[str, str]] = []
    for sentence in _SENTENCE.finditer(prose):
        named = _NAMED_AS.search(sentence.group().rstrip(" .;:"))
        if named is None or named.group("word") not in words:
            continue
        if _NEGATION.search(sentence.group()[:named.start("word")]) or not premise_at(sentence.start() + named.start()):
            continue
        found.append((named.group("word"), named.group("formula")))
    return found


_NOT_A_VALUE = (r"densit|distribution|mass|measure|function|space|model|law|vector|matri|ratio|odds|logit|score|"
                r"amplitude|current|flux|of\s+(?:the\s+)?(?:data|evidence)")
_PROBABILITY_WORD = re.compile(rf"\bprobabilit(?:y|ies)\b(?!\s+(?:{_NOT_A_VALUE}))", re.I)
_NOT_ITSELF = re.compile(r"\b(?:log|logarithm(?:ic)?|un-?normali[sz]ed|negative|minus)[\s-]*$", re.I)  # log p is no p
_PROBABILITY_IS = re.compile(r"\bprobabilit(?:y|ies)\b((?:\s+(?:[\w-]+|\$[^$\n]+\$)){0,8}?)\s+"
                             r"(?:is|are|equals?|denoted(?:\s+by)?|written)\s+\$([^$\n]+)\$", re.I)
_NOT_A_PROBABILITY = re.compile(r"\b(?:densit\w*|distributions?|mass|measures?|functions?|vectors?|log)\b", re.I)


def _probability_name(formula: str) -> Symbol | None:
    """The name a formula gives a probability: ``\\pi_i`` in ``\\pi_i = p(y_i = 1 | x_i)`` or alone;
    None for a number, a function (a density's value is no probability), or a formula of several names."""
    left = formula.split("=", 1)[0].strip()
    try:
        expr = parse_latex_expr(left)
    except (ParseError, ValueError):
        return None
    return expr if isinstance(expr, Symbol) else None


def probabilities_in_prose(text: str, premise_at) -> list[Expr]:
    """``0 <= \\pi_i <= 1`` for a name a premise sentence calls a probability ("the probability to be
    classified as positive is $\\pi_i = \\ldots$", "$p$ is the probability of heads", "with probability
    $p$"); a probability density, distribution or vector states no bound on its value (a density may
    exceed 1), nor does a log or unnormalised probability or a probability ratio, and "not a probability"
    states nothing. Closed bounds: a probability may be 0 or 1."""
    prose = _DISPLAY.sub(lambda m: " " * len(m.group()), text)
    names: list[Symbol] = []
    for sentence in _SENTENCE.finditer(prose):
        words = sentence.group()
        for found in _PROBABILITY_WORD.finditer(words):
            if (_NEGATION.search(words[:found.start()]) or _NOT_ITSELF.search(words[:found.start()])
                    or not premise_at(sentence.start() + found.start())):
                continue
            said = _PROBABILITY_IS.match(words, found.start())
            if said is not None and not _NOT_A_PROBABILITY.search(said.group(1)):
                candidates = [_probability_name(said.group(2))]
            else:
                candidates = [_probability_name(n) for n in _named_by_formulas(words, found)]
            names += [n for n in candidates if n is not None and n not in names]
    zero, one = sympy.Integer(0), sympy.Integer(1)
    return [r for n in names for r in (sympy.LessThan(zero, n, evaluate=False), sympy.LessThan(n, one, evaluate=False))]


def _named_by_formulas(sentence: str, found: re.Match) -> list[str]:
    """The inline formula right after the word ("probability $p$"), else the one right before it
    ("$p$ is the probability"): as written, for ``_probability_name``."""
    spans = [m for m in _INLINE.finditer(sentence)]
    after = next((m for m in spans if m.start() >= found.end()), None)
    if after is not None and not sentence[found.end():after.start()].strip():
        return [after.group(1)]
    before = next((m for m in reversed(spans) if m.end() <= found.start()), None)
    if before is not None and _NEAR_BEFORE.fullmatch(sentence[before.end():found.start()]):
        return [before.group(1)]
    return []
