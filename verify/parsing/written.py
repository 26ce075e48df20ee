"""Each formula as its author wrote it: an unevaluated expression beside the one the checker reads.

The transformer builds SymPy expressions, and SymPy evaluates while it builds: ``x \\cdot \\frac{q}{q}``
is read as ``x`` (and q may be 0), ``\\frac{1}{(\\sqrt{d_k})^2} d_k`` as ``1``. The checker needs
the evaluated form; the reports, the grader and the ``identical`` decider need to know what was
written. So the same tree is transformed a second time with SymPy's evaluation switched off.

That second reading is kept only where it is faithful: rebuilt with evaluation on, it must give
the expression the checker reads. A construct that fails unevaluated, or reads differently, is
kept as None (never a failed read): the caller then knows nothing of how it was written.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Sequence

from lark import Tree
from sympy import Basic, Expr, Mul, S
from sympy.concrete.expr_with_limits import AddWithLimits
from sympy.core.parameters import evaluate

from ..model import Chain
from .transform import Statement, ToSympy


@dataclass(frozen=True)
class WrittenStatement(Statement):
    """A parsed statement that can be read again as written (``tree`` and the transformer's ``setup``)."""

    tree: Tree | None = field(default=None, compare=False, repr=False)
    setup: tuple = field(default=(), compare=False, repr=False)  # ToSympy's arguments, as parse used them


def keeping_tree(statement: Statement, tree: Tree, setup: tuple) -> Statement:
    """``statement`` with what it takes to read it again as written (from ``parse``)."""
    if not isinstance(statement, Statement):
        return statement
    return WrittenStatement(statement.exprs, statement.relations, statement.lead, statement.indexed,
                            tree=tree, setup=setup)


class _AsWritten(ToSympy):
    """The transformer, for a reading with evaluation off; its limit on a power's size still evaluates
    (the number of digits of ``10000^{10}`` is computed with logarithms, which need evaluation)."""

    def _check_exponent(self, base, exponent) -> None:
        with evaluate(True):
            super()._check_exponent(base, exponent)


def _unevaluated(statement: Statement) -> tuple | None:
    """The statement's expressions transformed with evaluation off (call inside ``evaluate(False)``)."""
    if not isinstance(statement, WrittenStatement) or statement.tree is None:
        return None
    try:
        again = _AsWritten(*statement.setup).transform(statement.tree).children[0]
    except Exception:  # noqa: BLE001 -- a construct that needs evaluation: nothing is known as written
        return None
    if not isinstance(again, Statement) or len(again.exprs) != len(statement.exprs):
        return None
    try:
        return tuple(_without_orientation(e) for e in again.exprs)
    except Exception:  # noqa: BLE001 -- (RecursionError on a deep formula): nothing is known as written
        return None


def _without_orientation(expr):
    """``\\int f\\,dz`` as written: unevaluated, SymPy's integrals and sums multiply their body by
    their orientation (``1 \\cdot f``), a factor nobody wrote (call inside ``evaluate(False)``)."""
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    args = tuple(_without_orientation(a) for a in expr.args)
    if isinstance(expr, AddWithLimits):
        body = args[0]
        while isinstance(body, Mul) and len(body.args) == 2 and body.args[0] is S.One:
            body = body.args[1]
        tidy = Basic.__new__(type(expr), body, *args[1:])
        tidy.is_commutative = body.is_commutative  # as SymPy's own constructor sets it
        return tidy
    return expr.func(*args) if args != expr.args else expr


def evaluated(expr: Basic) -> Basic:
    """``expr`` rebuilt bottom-up with evaluation on (call outside ``evaluate(False)``)."""
    if not isinstance(expr, Basic) or not expr.args:
        return expr
    return expr.func(*(evaluated(a) for a in expr.args))


def _faithful(written, read) -> Expr | None:
    """``written`` when it evaluates to ``read`` (what the checker reads), else None."""
    if not isinstance(written, Basic):
        return None
    try:
        return written if evaluated(written) == read else None
    except Exception:  # noqa: BLE001 -- (RecursionError, a class that does not rebuild): not known
        return None


def written_forms(statements: Sequence[Statement | None]) -> list[tuple[Expr | None, ...]]:
    """For each statement, its expressions as written (None where not known faithfully).

    All statements are read in one ``evaluate(False)`` block: switching evaluation clears
    SymPy's cache, so once per document rather than once per formula. SymPy's cache is shared
    by threads, so no other thread of the process may compute with SymPy meanwhile (the grader
    reads submissions in forked workers; ``verify check`` reads before it checks).
    """
    with evaluate(False):
        again = [_unevaluated(s) if s is not None else None for s in statements]
    forms = []
    for statement, exprs in zip(statements, again):
        if statement is None:
            forms.append(())
        elif exprs is None:
            forms.append((None,) * len(statement.exprs))
        else:
            forms.append(tuple(_faithful(w, e) for w, e in zip(exprs, statement.exprs)))
    return forms


def _same_reading(expr, step_expr) -> bool:
    """The formula's expression is the one the chain holds (renamed since only in its symbols' assumptions)."""
    return str(expr) == str(step_expr)


def _with_written(chain: Chain, positions: Sequence[tuple[int, int]], by_place: dict,
                  start_place: tuple[int, int] | None) -> Chain:
    """The chain with its start and each step's written form, from the formulas they were read from.

    The steps read from one formula are its last expressions, in order (``a = b \\le c``: b and c);
    the chain's start is the expression before them in its first formula (``start_place``).
    """
    if len(positions) != len(chain.steps):
        return chain
    runs: dict[tuple[int, int], list[int]] = {}
    for n, place in enumerate(positions):
        runs.setdefault(place, []).append(n)
    steps = list(chain.steps)
    for place, members in runs.items():
        exprs, forms = by_place.get(place, ((), ()))
        for j, n in enumerate(members):
            at = len(exprs) - len(members) + j
            if 0 <= at < len(exprs) and forms[at] is not None and _same_reading(exprs[at], steps[n].expr):
                steps[n] = replace(steps[n], written=forms[at])
    start = None
    exprs, forms = by_place.get(start_place, ((), ()))
    at = len(exprs) - 1 - len(runs.get(start_place, ()))
    if 0 <= at < len(exprs) and forms[at] is not None and _same_reading(exprs[at], chain.start):
        start = forms[at]
    return replace(chain, steps=tuple(steps), written=start)


def _start_place(chain: Chain, positions: Sequence[tuple[int, int]], formulas: list) -> tuple[int, int] | None:
    """Where the chain's first formula is: the last formula up to its first step whose text begins the
    chain's source (the chain may start in a formula that gives no step: a definition, ``L = a``)."""
    if not positions or not chain.source:
        return None
    found = [(f.line, f.column) for f in formulas
             if (f.line, f.column) <= tuple(positions[0]) and chain.source.startswith(f.text)]
    return found[-1] if found else None


def attach(chains: Iterable[Chain], step_positions: Sequence[Sequence[tuple[int, int]]],
           formulas: Iterable) -> tuple[Chain, ...]:
    """Each chain with its start and steps as written; ``formulas`` have ``line``, ``column``, ``statement``,
    ``text`` (the document's, in order); ``step_positions`` the (line, column) of each chain's steps."""
    chains = tuple(chains)
    formulas = [f for f in formulas if getattr(f, "statement", None) is not None]
    starts = [_start_place(chain, step_positions[c], formulas) if c < len(step_positions) else None
              for c, chain in enumerate(chains)]
    places = {place for positions in step_positions for place in positions} | set(starts)
    formulas = [f for f in formulas if (f.line, f.column) in places]
    forms = written_forms([f.statement for f in formulas])
    by_place = {(f.line, f.column): (f.statement.exprs, form) for f, form in zip(formulas, forms)}
    return tuple(_with_written(chain, step_positions[c], by_place, starts[c]) if c < len(step_positions) else chain
                 for c, chain in enumerate(chains))
