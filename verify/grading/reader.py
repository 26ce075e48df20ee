"""Read the mathematics of a located answer: one expression, or a chain of steps.

Uses the project parser (``verify.parsing``) when it is installed and falls back to
the small reader in ``mathtext``. Both build SymPy objects with constructors only.
"""
from __future__ import annotations

import functools
import re

from sympy import Expr, Symbol

from ..errors import ParseError
from ..model import Chain, Context, Relation, Step
from .locate import Located
from .mathtext import Namespace, read_math
from .rubric import ContextSpec

_RELATIONS = {"=": Relation.EQ, r"\le": Relation.LE, r"\leq": Relation.LE, r"\ge": Relation.GE,
              r"\geq": Relation.GE, "<": Relation.LT, ">": Relation.GT, r"\approx": Relation.APPROX}
_SPLIT = re.compile(r"(\\leq?\b|\\geq?\b|\\approx\b|=|<|>)")
_LABEL = re.compile(r"^\s*(?:\(?[a-z]?\d+[a-z]?\)?)\s*\\q?quad\s*")
_NAME = re.compile(r"^\s*[A-Za-z](?:_\{?\w+\}?)?\s*(?:\([^()]*\))?\s*$")


def namespace(spec: ContextSpec) -> Namespace:
    symbols = {name: Symbol(name, positive=True) for name in spec.positive}
    symbols.update({name: Symbol(name, real=True) for name in spec.real})
    return Namespace(symbols=symbols, densities=frozenset(spec.densities), matrices=frozenset(spec.matrices))


def _latent_variable(spec: ContextSpec, symbols: tuple) -> Context:
    from ..theories.probability import latent_variable_context

    observed, latent = Symbol("x", real=True), Symbol("z", real=True)
    return latent_variable_context(observed, latent, symbols=tuple(s for s in symbols if s.name not in "xz"))


PRESETS = {"latent_variable": _latent_variable}


def context(spec: ContextSpec) -> Context:
    """The engine's context for an item: symbols with assumptions, theories, integrated variables.

    A ``preset`` starts from a theory's standard context (its facts, e.g. Bayes' rule).
    """
    names = namespace(spec)
    integrated = tuple(names.symbols.get(v, Symbol(v)) for v in spec.integration)
    if spec.preset is None:
        return Context(symbols=tuple(names.symbols.values()), theories=spec.theories,
                       integration_variables=integrated)
    if spec.preset not in PRESETS:
        from ..commands.options import unknown_name

        raise unknown_name("context preset", spec.preset, sorted(PRESETS))
    base = PRESETS[spec.preset](spec, tuple(s for s in names.symbols.values() if s not in integrated))
    return base


@functools.lru_cache(maxsize=4096)
def parse_in(text: str, spec: ContextSpec) -> Expr:
    """``parse`` with the item's notation, remembered: students write the same lines."""
    return parse(text, namespace(spec))


def parse(text: str, names: Namespace) -> Expr:
    """One expression; raises ParseError with the reason."""
    return read_math(_LABEL.sub("", text), names)


def _pieces(text: str) -> list[str]:
    """Split at top-level relations, keeping them: ``a = b \\le c`` gives [a, =, b, \\le, c]."""
    depth, pieces, current = 0, [], ""
    for part in _SPLIT.split(text):
        if depth == 0 and part in _RELATIONS:
            pieces.extend([current, part])
            current = ""
            continue
        depth += part.count("{") + part.count("(") - part.count("}") - part.count(")")
        current += part
    pieces.append(current)
    return pieces


def _justification(note: str) -> str | None:
    note = note.strip(" :.-")
    return note or None


def read_chain(found: Located, spec: ContextSpec, title: str = "") -> Chain:
    """The chain of the display maths found: a line starting with a relation continues it.

    A leading ``NAME =`` (``L(q) =``) names the chain and is not a step; repeating
    the name later continues from the last expression.
    """
    start, steps, defined = None, [], set()
    for math, note in zip(found.maths, found.notes):
        pieces = _pieces(_LABEL.sub("", math))
        head = pieces[0].strip()
        if head and (_NAME.match(head) and len(pieces) > 1):
            defined.add(" ".join(head.split()))
            head = ""
        if head:
            if start is not None:
                break  # a new chain begins: the answer is the first one
            start = parse_in(head, spec)
        why = _justification(note)
        for relation, text in zip(pieces[1::2], pieces[2::2]):
            expr = parse_in(text, spec)
            if start is None:
                start = expr
                continue
            steps.append(Step(expr, _RELATIONS[relation], why, source=text.strip()))
            why = None
    if start is None:
        raise ParseError("no expression found in the answer")
    return Chain(start, tuple(steps), title=title)
