"""Read the mathematics of a located answer with the project parser (``verify.parsing``).

The parser reads names as they are written; the rubric says what they mean. So every
symbol the item's context names (``positive``, ``real``) is renamed to the symbol with
that assumption, and a chain is the first chain the document reader finds in the
excerpt (its steps keep their source text and the rule named in the prose before them).
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from sympy import Expr, Symbol

from ..errors import ParseError, unknown_name
from ..model import Chain, Context, Relation
from ..rules import find_rule
from ..parsing import parse_latex_expr, read_document
from ..parsing.context import rewrite
from .locate import Located
from .rubric import ContextSpec


@functools.lru_cache(maxsize=64)
def symbols(spec: ContextSpec) -> dict[str, Symbol]:
    """The item's named symbols with their assumptions, by name."""
    named = {name: Symbol(name, positive=True) for name in spec.positive}
    named.update({name: Symbol(name, real=True) for name in spec.real})
    return named


def rename(expr: Expr, named: dict[str, Symbol]) -> Expr:
    """Symbols (bound ones too: the ``z`` of ``dz``) replaced by the context's, by name."""
    mapping = {s: named[s.name] for s in expr.atoms(Symbol) if s.name in named and s != named[s.name]}
    return rewrite(expr, mapping) if mapping else expr  # not xreplace: that would simplify the step


def _latent_variable(spec: ContextSpec, others: tuple) -> Context:
    from ..theories.probability import latent_variable_context

    named = symbols(spec)
    observed, latent = named.get("x", Symbol("x", real=True)), named.get("z", Symbol("z", real=True))
    return latent_variable_context(observed, latent, symbols=tuple(s for s in others if s.name not in "xz"))


PRESETS = {"latent_variable": _latent_variable}


@functools.lru_cache(maxsize=64)
def context(spec: ContextSpec) -> Context:
    """The engine's context for an item: symbols with assumptions, theories, integrated variables.

    A ``preset`` starts from a theory's standard context (its facts, e.g. Bayes' rule).
    """
    named = symbols(spec)
    integrated = tuple(named.get(v, Symbol(v)) for v in spec.integration)
    theories = spec.theories + (("linalg",) if spec.matrices and "linalg" not in spec.theories else ())
    if spec.preset is None:
        return Context(symbols=tuple(named.values()), theories=theories, integration_variables=integrated)
    if spec.preset not in PRESETS:
        raise unknown_name("context preset", spec.preset, sorted(PRESETS))
    return PRESETS[spec.preset](spec, tuple(s for s in named.values() if s not in integrated))


@functools.lru_cache(maxsize=4096)
def parse_in(text: str, spec: ContextSpec) -> Expr:
    """One LaTeX expression in the item's notation, remembered: students write the same lines."""
    return rename(parse_latex_expr(text), symbols(spec))


def _rename_chain(chain: Chain, named: dict[str, Symbol], title: str) -> Chain:
    steps = tuple(replace(s, expr=rename(s.expr, named)) for s in chain.steps)  # each keeps its written form
    return replace(chain, start=rename(chain.start, named), steps=steps, title=title)


_MATH = re.compile(r"\$\$.+?\$\$|\$.+?\$", re.S)
_PROSE_MARKS = str.maketrans({c: " " for c in "():;,.!?[]*_"})


def plain_prose(excerpt: str) -> str:
    """Prose punctuation made spaces, so ``(Jensen)``, ``Jensen:`` and ``by Jensen's inequality.``
    name the rule as plainly as ``Jensen``; the maths is kept as written."""
    out, previous = [], 0
    for match in _MATH.finditer(excerpt):
        out.append(excerpt[previous:match.start()].translate(_PROSE_MARKS))
        out.append(match.group(0))
        previous = match.end()
    out.append(excerpt[previous:].translate(_PROSE_MARKS))
    return "".join(out)


def _rule_with_own_check(name: str | None):
    rule = find_rule(name)
    return rule if rule is not None and rule.check is not None else None


def attach_rules(chain: Chain) -> Chain:
    """A rule with its own check (Jensen) named before a display lands on the display's first line;
    it belongs to the first later step of the kind it licenses (an inequality) that names nothing."""
    steps = list(chain.steps)
    for index, step in enumerate(steps):
        rule = _rule_with_own_check(step.justification)
        if rule is None or step.relation is not Relation.EQ:
            continue
        later = next((j for j in range(index + 1, len(steps))
                      if steps[j].relation is not Relation.EQ and not steps[j].justification), None)
        if later is not None:
            steps[later] = replace(steps[later], justification=step.justification)
            steps[index] = replace(step, justification=None)
    return replace(chain, steps=tuple(steps))


@functools.lru_cache(maxsize=1024)
def read_chain_text(excerpt: str, spec: ContextSpec, title: str = "") -> Chain:
    """The first derivation chain of the excerpt; raises ParseError (the first formula's) if none."""
    document = read_document(plain_prose(excerpt))
    if not document.chains:
        errors = document.errors
        if errors:
            raise errors[0]
        raise ParseError("no chain of display formulas (a line, then lines starting with '=') was found")
    return attach_rules(_rename_chain(document.chains[0], symbols(spec), title))


def read_chain(found: Located, spec: ContextSpec, title: str = "") -> Chain:
    return read_chain_text(found.excerpt, spec, title)
