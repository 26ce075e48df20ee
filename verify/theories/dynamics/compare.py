"""Reading claim encodings and comparing expression lists entry by entry, exactly.

Every comparison ends in a verdict with its reason: ``proved`` when every entry's
difference has canonical form 0; ``refuted`` when an entry differs at an exact rational
point of the region (the point is the counterexample); ``unknown`` otherwise.
"""
from __future__ import annotations

from functools import wraps
from typing import Callable, Sequence

import numpy as np
import sympy
from sympy import Expr, ImmutableMatrix, Tuple
from sympy.matrices import MatrixBase

from ...config import CheckConfig
from ...errors import UsageError
from ...model import Claim, Context
from ...verdict import Counterexample, Status, Verdict, proved, unknown
from ..base import claim_handler
from .region import Region, is_zero, show_point, witness
from .rules import DYNAMICS


_UNDEFINED = (sympy.zoo, sympy.nan, sympy.oo, -sympy.oo)


def undefined_in(value) -> bool:
    """zoo, nan or an infinity anywhere in ``value``: SymPy can compare these equal to
    themselves, so no exact comparison involving them proves anything."""
    if isinstance(value, (list, tuple)):
        return any(undefined_in(v) for v in value)
    return isinstance(value, (sympy.Basic, MatrixBase)) and value.has(*_UNDEFINED)


def dynamics_claim(kind: str) -> Callable:
    """Register a claim handler that first leaves claims with undefined values unknown."""

    def register(handler: Callable[[Claim, Context, CheckConfig], Verdict]):
        @wraps(handler)
        def checked(claim: Claim, context: Context, config: CheckConfig) -> Verdict:
            if undefined_in(claim.subject) or undefined_in(claim.value):
                return unknown(f"the {kind} claim contains zoo, nan or an infinity: not a finite value to check")
            return handler(claim, context, config)

        return claim_handler(kind)(checked)

    return register


def as_vector(value) -> list[Expr]:
    """A Tuple, list, tuple or Matrix read as a flat list of expressions (row-major)."""
    if isinstance(value, MatrixBase):
        return list(value)
    if isinstance(value, (Tuple, list, tuple)):
        return [sympy.sympify(v) for v in value]
    raise UsageError(f"expected a Tuple or Matrix of expressions, got {value!r}")


def as_matrix(value) -> ImmutableMatrix:
    """A Matrix, or a Tuple of rows, read as an immutable matrix."""
    if isinstance(value, MatrixBase):
        return ImmutableMatrix(value)
    if isinstance(value, (Tuple, list, tuple)):
        return ImmutableMatrix([as_vector(row) for row in value])
    raise UsageError(f"expected a Matrix (or a Tuple of rows), got {value!r}")


def as_rows(value) -> list[list[Expr]]:
    """Iterates as rows: a Tuple of vectors, or a Matrix whose rows are the iterates."""
    if isinstance(value, MatrixBase):
        return [list(value.row(i)) for i in range(value.rows)]
    return [as_vector(row) for row in value]


def config_rng(config: CheckConfig) -> np.random.Generator:
    return np.random.default_rng(config.seed)


def mismatch(residual: Expr, region: Region, config: CheckConfig, what: str,
             claimed: Expr, actual: Expr) -> Verdict:
    """The verdict for an entry whose difference is not canonically 0."""
    residual = sympy.expand(residual)
    if not residual.free_symbols:
        if residual.is_zero is False:
            return Verdict(Status.REFUTED, f"{what}: claimed {claimed}, but it is {actual}", residual=str(residual),
                           counterexample=Counterexample((), str(claimed), str(actual)))
        return unknown(f"{what}: cannot decide whether {claimed} equals {actual}", residual=str(residual))
    point = witness(residual, Region(tuple(sorted(residual.free_symbols, key=str)), region.constraints),
                    config_rng(config))
    if point is None:
        return unknown(f"{what}: canonical forms differ by {residual}, and no sampled point of the region "
                       f"separates them", residual=str(residual))
    example = Counterexample(show_point(point), str(claimed.xreplace(point)),
                             str(actual.xreplace(point)))
    return Verdict(Status.REFUTED, f"{what}: claimed {claimed}, but it is {actual}", residual=str(residual),
                   counterexample=example)


def compare(claimed: Sequence[Expr], actual: Sequence[Expr], names: Sequence[str], region: Region,
            config: CheckConfig, how: str) -> Verdict:
    """Entry-wise exact comparison; ``how`` says how ``actual`` was computed (for the reason)."""
    if len(claimed) != len(actual):
        return Verdict(Status.REFUTED, f"{len(claimed)} entries claimed, but there are {len(actual)}: "
                       f"{tuple(actual)}")
    for name, mine, true in zip(names, claimed, actual):
        if not is_zero(mine - true):
            return mismatch(mine - true, region, config, f"{name} ({how})", mine, true)
    shown = ", ".join(f"{n} = {a}" for n, a in zip(names, actual))
    return proved(f"{how}: {shown}; every claimed entry has the same canonical form", (DYNAMICS,))
