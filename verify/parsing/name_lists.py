"""``a, b \\geq 0``: one bound written after a list of names, as papers state ranges, read as that
bound on each name. Only a plain list qualifies (names, then one name with an order relation and its
bound, ``premises.is_bound``); anything else is left unread, as before."""
from __future__ import annotations

from dataclasses import replace

import sympy

from ..errors import LimitExceeded, ParseError
from . import bounds, premises
from .expressions import parse, parse_latex_expr
from .transform import Statement


def each_bounded(text: str) -> tuple[Statement, ...]:
    """The bound on each name of ``text`` (``a, b \\geq 0`` gives ``a \\geq 0`` and ``b \\geq 0``), or
    ``()`` when ``text`` is not a list of names sharing one bound."""
    parts = bounds.listed_names(text)
    if len(parts) < 2:
        return ()
    try:
        last = parse(parts[-1])
        names = [parse_latex_expr(part) for part in parts[:-1]]
    except (ParseError, LimitExceeded):
        return ()
    if not premises.is_bound(last) or len(last.relations) != 1 or not _a_name(last.exprs[0]) \
            or not all(_a_name(name) for name in names):
        return ()
    return tuple(replace(last, exprs=(name,) + tuple(last.exprs[1:])) for name in names) + (last,)


def _a_name(expr) -> bool:
    return isinstance(expr, (sympy.Symbol, sympy.Indexed))
