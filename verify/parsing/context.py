"""Infer a derivation's context from its notation, never from a letter's name alone.

* densities' variables and integrated variables are real; the variable integrated
  (``dz``) or averaged over (``E_{q(z|x)}``) is the latent variable, integrated out;
* a symbol is a size only where the notation says so: inside O/Theta/Omega it is
  positive; as the upper bound of a sum or product (``n``, ``T - 1``) it is a positive
  integer; in a subscript of a family's entry (``g_t`` where g is summed) an integer >= 0; in a
  matrix formula the parser already built the sizes of the linear-algebra
  convention (``linalg.SIZE_NAMES``) as positive integers;
* a name is positive where the document states it (``premises``: ``\\eta > 0``, the
  standard deviation of a normal), never by its letter;
* every other plain symbol is real.
A name is one symbol throughout the document: the strongest evidence wins. The
symbols are replaced without evaluating, so ``\\sin(\\pi t)`` stays what the student
wrote instead of becoming 0 before it is checked. ``assumed_note`` says what was assumed.
"""
from __future__ import annotations

from dataclasses import replace

import sympy
from sympy import Expr, Indexed, MatrixSymbol, Symbol

from ..model import Context
from ..theories.probability import latent_variable_context
from ..theories.probability.divergences import divergence_named
from ..vocabulary.linalg import FIELD_OPERATORS
from ..vocabulary import KL, Density, Expectation
from ..vocabulary.asymptotics import _Asymptotic
from ..vocabulary.linalg import SIZE_NAMES
from .kinds import nodes

INTEGER, INDEX, POSITIVE, NONNEGATIVE = "positive integer", "nonnegative integer", "positive", "nonnegative"
ANY_INTEGER = "integer"  # of either sign: "for an integer n", ``n \in \mathbb{Z}``
_RANK = {INTEGER: 3, INDEX: 2, ANY_INTEGER: 1, POSITIVE: 1, NONNEGATIVE: 0}
_BOTH = {frozenset({ANY_INTEGER, POSITIVE}): INTEGER, frozenset({ANY_INTEGER, NONNEGATIVE}): INDEX,
         frozenset({INDEX, POSITIVE}): INTEGER}


def merged(old: tuple[str, str] | None, new: tuple[str, str]) -> tuple[str, str]:
    """The stronger of two pieces of evidence about one name; an integer that is also stated positive
    (or nonnegative) is a positive (nonnegative) integer, both reasons kept."""
    if old is None:
        return new
    both = _BOTH.get(frozenset({old[0], new[0]}))
    if both is not None:
        return both, f"{old[1]}; {new[1]}"
    return new if _RANK[new[0]] > _RANK[old[0]] else old


def _atoms(exprs, kind) -> list:
    found = []
    for expr in exprs:
        found.extend(sorted(expr.atoms(kind), key=str))
    return found


def integrated_variables(exprs) -> list[Symbol]:
    """Variables of integrals and expectations, in order of first appearance."""
    names: list[Symbol] = []
    for integral in _atoms(exprs, sympy.Integral):
        names.extend(v for v in integral.variables if v not in names)
    for expectation in _atoms(exprs, Expectation):
        if expectation.var not in names:
            names.append(expectation.var)
    return names


def loose_names(groups) -> set[str]:
    """Names written outside O/Theta/Omega in a formula that is no complexity statement (none of
    its sides is an O-term): ``x`` of ``e^x = 1 + x + O(x^2)`` is a real number, not a size."""
    names: set[str] = set()
    for group in groups:
        if any(isinstance(side, _Asymptotic) for side in group):
            continue
        stack = list(group)
        while stack:
            node = stack.pop()
            if isinstance(node, Symbol):
                names.add(node.name)
            elif not isinstance(node, (_Asymptotic, MatrixSymbol)):
                stack.extend(node.args)
    return names


def _node_evidence(node, sizes: set[str]) -> list[tuple[Symbol, str, str]]:
    """(symbol, kind, why) that one node of a formula gives. A matrix's shape is evidence only for
    the sizes written in a declaration (``sizes``), never for a default shape's ``t`` or ``n``."""
    if isinstance(node, _Asymptotic):
        return [(s, POSITIVE, "sizes in O/Theta/Omega") for s in node.free_symbols if isinstance(s, Symbol)]
    if isinstance(node, (sympy.Sum, sympy.Product)):
        return [(s, INTEGER, "upper bounds of sums") for _, _, b in node.limits for s in _bound_symbol(b)]
    if isinstance(node, Indexed):
        return [(s, INDEX, "indices of families") for i in node.indices for s in i.free_symbols
                if isinstance(s, Symbol) and not isinstance(s, sympy.Dummy)]
    if isinstance(node, sympy.KroneckerDelta):
        return [(s, INDEX, "indices of a Kronecker delta") for i in node.args for s in i.free_symbols
                if isinstance(s, Symbol) and not isinstance(s, sympy.Dummy)]
    if isinstance(node, MatrixSymbol):
        return [(s, INTEGER, "matrix sizes") for s in node.shape[0].free_symbols | node.shape[1].free_symbols
                if s.name in sizes]
    if isinstance(node, Symbol) and node.name in SIZE_NAMES and node.is_integer and node.is_positive:
        return [(node, INTEGER, "matrix sizes")]
    return []


def _bound_symbol(bound) -> list[Symbol]:
    """``n`` or ``T - 1`` (a symbol shifted by an integer) -> [n] / [T]; anything else -> []."""
    symbols = [s for s in getattr(bound, "free_symbols", ()) if isinstance(s, Symbol)]
    if len(symbols) == 1 and (bound - symbols[0]).is_Integer:
        return symbols
    return []


def evidence(exprs, sizes: set[str] = frozenset(), loose: set[str] = frozenset(),
             stated: dict[str, tuple[str, str]] | None = None) -> dict[str, tuple[str, str]]:
    """Name -> (kind, why) for every symbol the notation marks as positive or a positive integer;
    ``sizes``: the matrix sizes written in a declaration of the document; ``loose``: names an O-term
    says nothing about (see ``loose_names``); ``stated``: what the document's premises say."""
    found: dict[str, tuple[str, str]] = dict(stated or {})
    allows_zero = {name for name, (kind, _) in found.items() if kind in (NONNEGATIVE, INDEX)}
    for expr in exprs:
        for node in nodes(expr):
            for symbol, kind, why in _node_evidence(node, sizes):
                if symbol.name in loose and isinstance(node, _Asymptotic):
                    continue
                if symbol.name in allows_zero and kind in (INTEGER, POSITIVE):
                    kind = INDEX if kind == INTEGER else NONNEGATIVE  # the notation never overrides n >= 0
                found[symbol.name] = merged(found.get(symbol.name), (kind, why))
    return found


def _assumptions(kind: str | None) -> dict:
    return {INTEGER: {"positive": True, "integer": True}, INDEX: {"nonnegative": True, "integer": True},
            ANY_INTEGER: {"integer": True}, POSITIVE: {"positive": True},
            NONNEGATIVE: {"nonnegative": True, "real": True}}.get(kind, {"real": True})


def symbol_map(exprs, sizes: set[str] = frozenset(), loose: set[str] = frozenset(),
               stated: dict[str, tuple[str, str]] | None = None) -> dict[Symbol, Symbol]:
    """Plain parsed symbols -> the same names with the inferred assumptions."""
    found = evidence(exprs, sizes, loose, stated)
    plain = {s for e in exprs for s in _written_symbols(e)
             if isinstance(s, Symbol) and s.is_commutative and set(s.assumptions0) <= {"commutative"}}
    return {s: Symbol(s.name, **_assumptions(found.get(s.name, (None,))[0])) for s in plain}


def _written_symbols(expr: Expr) -> set:
    """The free symbols, and those of the variables a derivative is taken by: the j of ``d s_i / d x_j``
    is the index written elsewhere, though SymPy counts a derivative's variables as bound."""
    found = set(expr.free_symbols)
    for derivative in expr.atoms(sympy.Derivative):
        found.update(*(v.free_symbols for v in derivative.variables))
    return found


_UNEVALUATED = (sympy.Add, sympy.Mul, sympy.Pow, sympy.Function)


def rewrite(expr: Expr, mapping: dict[Symbol, Symbol]) -> Expr:
    """``expr`` with the mapped symbols, its arithmetic and functions rebuilt without evaluating.

    SymPy would otherwise simplify with the new assumptions (``\\sin(\\pi t)`` -> 0 for an
    integer t) and the step checked would not be the step written. Other nodes (integrals,
    densities) are rebuilt as they are: their constructors do not simplify their arguments.
    """
    if expr in mapping:
        return mapping[expr]
    if isinstance(expr, sympy.MatrixBase):
        return expr.applyfunc(lambda entry: rewrite(entry, mapping))
    args = tuple(rewrite(a, mapping) for a in expr.args)
    if all(a is b for a, b in zip(args, expr.args)):  # by identity: a Subs equals one at a differently typed point
        return expr
    if isinstance(expr, _UNEVALUATED):
        return expr.func(*args, evaluate=False)
    return expr.func(*args)


def written_names(exprs) -> set[str]:
    """Names of the symbols written in ``exprs``: not the sizes a matrix got by convention."""
    names, stack = set(), list(exprs)
    while stack:
        node = stack.pop()
        if isinstance(node, Symbol):
            names.add(node.name)
        elif not isinstance(node, MatrixSymbol):
            stack.extend(node.args)
    return names


def assumed_note(exprs, sizes: set[str] = frozenset(), loose: set[str] = frozenset(),
                 kinds: dict[str, tuple[str, str]] | None = None,
                 stated: dict[str, tuple[str, str]] | None = None) -> str:
    """``assumed: m positive integer (upper bounds of sums); eta positive (a step size); others real``.

    Only names written in the file are listed (``exprs``, or ``sizes`` written in a declaration);
    ``kinds``: name -> (what it was read as, why): ``("a matrix", '"weights" in the prose')``."""
    groups: dict[tuple[str, str], list[str]] = {}
    written = written_names(exprs) | set(sizes)
    for name, (kind, why) in sorted(evidence(exprs, sizes, loose, stated).items()):
        if name in written:
            groups.setdefault((kind, why), []).append(name)
    for name, (what, why) in sorted((kinds or {}).items()):
        groups.setdefault((what, why), []).append(name)
    parts = [f"{', '.join(names)} {_plural(kind) if len(names) > 1 else kind} ({why})"
             for (kind, why), names in sorted(groups.items())]
    return "assumed: " + "; ".join(parts + ["every other symbol real" if parts else "every symbol real"])


def _plural(kind: str) -> str:
    return {INTEGER: INTEGER + "s", INDEX: INDEX + "s", ANY_INTEGER: "integers", "a matrix": "matrices", "a vector": "vectors",
            "a density": "densities"}.get(kind, kind)


def _model_name(exprs, latent: Symbol) -> str:
    names = [d.name for d in _atoms(exprs, Density) if latent in d.given or (latent in d.variables and not d.given)]
    generative = [n for n in names if n.startswith("p")]
    return generative[0] if generative else "p"


def infer_context(exprs: list[Expr], mapping: dict[Symbol, Symbol], assumed: str | None = None) -> Context:
    """The context for expressions already rewritten with ``mapping``; its last note says what was
    assumed (``assumed``, by default ``assumed_note(exprs)``)."""
    symbols = tuple(sorted({s for s in mapping.values() if isinstance(s, Symbol)}, key=str))
    latent_candidates = integrated_variables(exprs)
    densities = _atoms(exprs, Density)
    assumed = assumed or assumed_note(exprs)
    if densities and latent_candidates:
        context = _latent_context(exprs, latent_candidates[0], symbols, assumed)
    else:
        laws = densities or any(e.has(KL) or divergence_named(e) for e in exprs)  # KL(P || Q) of bare laws
        theories = ("probability", "algebra") if laws else ("algebra",)
        context = Context(symbols=symbols, theories=theories, notes=("context inferred from the notation", assumed))
    if any(e.has(*FIELD_OPERATORS) for e in exprs):  # a curl or cross product: evaluated through the field
        context = replace(context, theories=context.theories[:-1] + ("dynamics", "algebra"))
    if _has_linalg(exprs):
        return replace(context, theories=context.theories[:-1] + ("linalg", "algebra"))
    return context


def _has_linalg(exprs) -> bool:
    """A matrix or an indexed family (``s_j`` under a sum) needs the linear-algebra theory."""
    return any(e.has(MatrixSymbol, Indexed) or getattr(e, "is_Matrix", False) for e in exprs)


def _latent_context(exprs, latent: Symbol, symbols, assumed: str) -> Context:
    observed = [v for d in _atoms(exprs, Density) for v in (*d.variables, *d.given) if v != latent]
    observed_symbol = observed[0] if observed else Symbol("x", real=True)
    notes = (f"context inferred from the notation: {latent} is integrated out, {observed_symbol} is observed",
             assumed)
    others = tuple(s for s in symbols if s not in (observed_symbol, latent))
    return latent_variable_context(observed_symbol, latent, _model_name(exprs, latent), others, notes)
