r"""What a document declares about its random variables, for the moments theory.

* ``X \sim \mathcal{N}(\mu, \sigma^2)`` declares X random with that law; ``X \sim p`` for a law
  the document does not give in closed form declares X random with no law stated;
* a sentence that calls two or more declared variables "independent" (and does not deny
  it: "not independent", "dependent") makes them mutually independent;
* ``\mathbb{E}[X]``, ``\mathrm{Var}(X)``, ``\mathrm{Cov}(X, Y)`` (read as undefined functions E,
  Var, Cov) become the moments vocabulary, and a declared variable a commuting real symbol.
Nothing is declared random by its letter; a document with no declaration is left as read.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sympy import Expr, Symbol
from sympy.core.function import AppliedUndef

from ..model import Chain, Context, Independence, RandomVariable, Step
from ..vocabulary import Normal
from ..vocabulary.random import Cov, Expect, Law, Var, normal

_SENTENCE = re.compile(r"[^.!?\n]*(?:\n(?!\s*\n)[^.!?\n]*)*")
_INDEPENDENT = re.compile(r"\bindependent(?:ly)?\b", re.I)
_DENIED = re.compile(r"\b(?:not|dependent|correlated)\b", re.I)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")
_NAME = re.compile(r"(?<![\\A-Za-z])([A-Za-z])(?![A-Za-z])")
OPERATORS = {"E": Expect, "Var": Var, "Cov": Cov}
NEVER_DEFINED = ("Var", "Cov")  # ``Var(X) = ...`` heads a claim; ``E(x) = ...`` may define an energy


def declarations(formulas, names: dict) -> tuple[RandomVariable, ...]:
    """One declaration per ``x \\sim law`` premise, its parameters in the document's symbols."""
    found: dict[str, RandomVariable] = {}
    for formula in formulas:
        statement = formula.statement
        if statement is None or statement.relations != ("~",) or not isinstance(statement.exprs[0], Symbol):
            continue
        variable, law = statement.exprs
        if isinstance(law, Normal):
            mean, variance = (in_document(p, names) for p in (law.mean, law.variance))
            declared = normal(mean, variance)
        else:
            declared = Law()
        found.setdefault(variable.name, RandomVariable(Symbol(variable.name, real=True), declared))
    return tuple(found.values())


def in_document(expr: Expr, names: dict) -> Expr:
    """``expr`` with each symbol replaced by the document's symbol of that name (its assumptions)."""
    return expr.xreplace({s: names[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in names})


def independence(text: str, declared: tuple[RandomVariable, ...]) -> tuple[Independence, ...]:
    """The declared variables named in math of a sentence that calls them independent."""
    by_name = {d.key: d.name for d in declared}
    found = []
    for sentence in _SENTENCE.findall(text):
        if not _INDEPENDENT.search(sentence) or _DENIED.search(_INLINE.sub(" ", sentence)):
            continue
        named = [n for math in _INLINE.findall(sentence) for n in _NAME.findall(math) if n in by_name]
        members = tuple(by_name[n] for n in dict.fromkeys(named))
        if len(members) >= 2:
            found.append(Independence(members))
    return tuple(found)


def operators(expr: Expr, declared: dict) -> Expr:
    """E, Var, Cov as the moments vocabulary; each declared variable as its declared symbol."""
    renamed = {s: declared[s.name] for s in expr.free_symbols if isinstance(s, Symbol) and s.name in declared}
    expr = expr.xreplace(renamed)
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in OPERATORS,
                        lambda e: OPERATORS[e.func.__name__](*e.args))


def _chain(chain: Chain, declared: dict) -> Chain:
    steps = tuple(Step(operators(s.expr, declared), s.relation, s.justification, s.source) for s in chain.steps)
    return Chain(operators(chain.start, declared), steps, chain.title, chain.source)


def with_randomness(document, text: str):
    """The document with its random variables declared in the context and its operators read."""
    written = [e for c in document.chains for e in (c.start, *(s.expr for s in c.steps))]
    names = {s.name: s for e in written for s in e.free_symbols if isinstance(s, Symbol)}
    names.update({s.name: s for s in document.context.symbols})
    declared = declarations(document.formulas, names)
    if not declared:
        return document
    symbols = {d.key: d.name for d in declared}
    context: Context = document.context
    theories = ("moments",) + tuple(t for t in context.theories if t != "moments")
    context = replace(context, random_variables=declared, independence=independence(text, declared),
                      theories=theories,
                      symbols=tuple(s for s in context.symbols if s.name not in symbols) + tuple(symbols.values()),
                      notes=context.notes + (f"random: {', '.join(sorted(symbols))} (declared with ~)",))
    return replace(document, chains=tuple(_chain(c, symbols) for c in document.chains), context=context)
