"""Reports of checked derivations: a terminal table and a JSON document.

The terminal shows mathematics as a person writes it (``η² + λ² − 2λ + 1``, or
``eta^2 + lambda^2 - 2 lambda + 1`` with ``--ascii`` or ``VERIFY_ASCII=1``), printed
from the objects: the steps of the derivation, the residual recomputed from the step's
sides, the counterexample with each side named. The verdict's own ``residual`` and
``reason`` texts are SymPy code; JSON keeps them for programs, beside the printed forms.
"""
from __future__ import annotations

import functools
import re
from dataclasses import asdict, dataclass, field
from typing import Iterable, Mapping

from sympy import Expr

from .model import Derivation, Relation
from .printing import (claim_statement, counterexample_prose, plain_math, prose_plain, unicode_wanted,
                       verdict_argument)
from .verdict import CheckResult, DerivationReport, Status, Tier

_INLINE_MATH = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def authored_plain(text: str, unicode: bool | None = None) -> str:
    """An author's prose with its ``$...$`` formulas read by the LaTeX reader and printed as plain maths:
    an expression, a relation (``$\\eta = 1$``) or a continued one (``$= \\sqrt{1 + \\eta^2}$``); a
    formula the reader cannot read is left as the author wrote it."""
    from .errors import VerifyError
    from .parsing import parse

    def shown(match: re.Match) -> str:
        try:
            statement = parse(match.group(1))
            relations = [Relation(r) for r in ((statement.lead,) if statement.lead else ()) + statement.relations]
        except (VerifyError, ValueError, TypeError):
            return match.group(1)
        exprs = [plain_math(e, unicode) for e in statement.exprs]
        pieces = [_relation(relations.pop(0), unicode)] if statement.lead else []
        pieces.append(exprs[0])
        for relation, expr in zip(relations, exprs[1:]):
            pieces += [_relation(relation, unicode), expr]
        return " ".join(pieces)

    return _INLINE_MATH.sub(shown, text)


@dataclass(frozen=True)
class Sides:
    """What the terminal knows of one checked step besides its result: its two sides as objects
    (as read), and as written (unevaluated; None where not known)."""

    lhs: object
    rhs: object
    relation: Relation = Relation.EQ
    written: tuple = (None, None)
    symbols: tuple = ()  # the context's symbols, with their assumptions

    @property
    def conditions(self) -> tuple:
        """The factors the reading cancelled in a step written differently on its two sides
        (``q`` of ``x q/q = x``): the step holds where each is nonzero."""
        from .engine.as_read import cancelled

        return cancelled(self.lhs, self.rhs, self.written, self.symbols)


@dataclass
class Printed:
    """The objects behind a report, so that it can be printed as maths rather than as code.

    ``sides`` maps (chain, step index from 1) to the step's sides; ``residuals`` the same
    keys to canonical residuals; ``written`` the same keys to the step as its author wrote it.
    """

    derivation: Derivation | None = None
    residuals: Mapping[tuple[int, int], Expr] = field(default_factory=dict)
    written: Mapping[tuple[int, int], str] = field(default_factory=dict)
    unicode: bool | None = None

    def __post_init__(self):
        if self.unicode is None:
            self.unicode = unicode_wanted()

    @functools.cached_property
    def sides(self) -> dict[tuple[int, int], Sides]:
        if self.derivation is None:
            return {}
        symbols = self.derivation.context.symbols
        return {(c, i): Sides(previous, step.expr, step.relation, (before, step.written), symbols)
                for c, chain in enumerate(self.derivation.chains)
                for i, ((previous, step), (before, _)) in enumerate(zip(chain.links(), chain.written_links()), 1)}

    def what(self, result: CheckResult) -> str:
        """The step, claim or cross-check as it is shown in its row."""
        key = (result.chain, result.index)
        if result.kind == "step" and key in self.written:
            return self.written[key]
        if result.kind == "step" and self.derivation is not None and key in self.sides:
            side = self.sides[key]
            return f"{_relation(side.relation, self.unicode)} {plain_math(side.rhs, self.unicode)}"
        if result.kind == "claim" and self.derivation is not None and 0 < result.index <= len(self.derivation.claims):
            return prose_plain(claim_statement(self.derivation.claims[result.index - 1]), self.unicode)
        if result.kind in ("claim", "twin"):
            return authored_plain(result.latex, self.unicode)
        return result.latex


_RELATION_SIGNS = {Relation.LE: ("≤", "<="), Relation.GE: ("≥", ">="), Relation.APPROX: ("≈", "~=")}


def _relation(relation: Relation, unicode: bool) -> str:
    return _RELATION_SIGNS.get(relation, (relation.value, relation.value))[0 if unicode else 1]


def result_row(result: CheckResult, printed: Printed | None = None) -> str:
    where = f"{result.kind} {result.chain + 1}.{result.index}" if result.kind == "step" else f"{result.kind} {result.index}"
    why = authored_plain(result.justification or "", printed.unicode if printed else None)
    what = printed.what(result) if printed is not None else result.latex
    label = result.verdict.label + (" (identical)" if result.verdict.tier is Tier.IDENTICAL else "")
    return (f"  {where:<10} {shorten(what, 46):<46} {shorten(why, 22):<22} "
            f"{label:<24} {result.millis:8.1f} ms")


def condition_detail(result: CheckResult, printed: Printed | None = None) -> list[str]:
    """Where a step that holds only once its written factors cancel holds: ``where q ≠ 0``."""
    side = printed.sides.get((result.chain, result.index)) if printed is not None and result.kind == "step" else None
    if side is None or not result.verdict.status.holds or not side.conditions:
        return []
    ne = " ≠ " if printed.unicode else " != "
    factors = side.conditions
    return [f"      where: {', '.join(plain_math(d, printed.unicode) + ne + '0' for d in factors)}"
            f" (the step cancels {'this factor' if len(factors) == 1 else 'these factors'})"]


def failure_detail(result: CheckResult, printed: Printed | None = None) -> list[str]:
    """Why a check does not hold: the argument, the residual and the counterexample, as plain maths."""
    printed = printed or Printed()
    verdict, key = result.verdict, (result.chain, result.index)
    side = printed.sides.get(key) if result.kind == "step" else None
    relation = side.relation if side is not None else Relation.EQ
    lines = [f"      why: {prose_plain(verdict_argument(verdict, relation), printed.unicode)}"]
    if verdict.status is Status.UNKNOWN or result.kind != "step":
        lines.append(f"      detail: {verdict.reason}")
    residual = printed.residuals.get(key) if result.kind == "step" else None
    minus = "−" if printed.unicode else "-"
    if residual is not None and residual != 0:
        lines.append(f"      residual (left {minus} right): {plain_math(residual, printed.unicode)}")
    elif verdict.residual not in (None, "0") and side is None:
        lines.append(f"      residual (left {minus} right): {verdict.residual}")
    if verdict.counterexample is not None:
        lhs, rhs = (side.lhs, side.rhs) if side is not None else (None, None)
        words = ("the line before", "this line") if side is not None else ("left", "right")
        example = counterexample_prose(verdict.counterexample, lhs, rhs, *words)
        lines.append(f"      counterexample: {prose_plain(example, printed.unicode)}")
    return lines


def summary_counts(reports: Iterable[DerivationReport]) -> dict[Status, int]:
    reports = list(reports)
    return {status: sum(r.count(status) for r in reports) for status in Status}


def summary_line(reports: Iterable[DerivationReport]) -> str:
    counts = summary_counts(reports)
    total = sum(counts.values())
    bad = counts[Status.REFUTED] + counts[Status.UNKNOWN]
    head = f"all {total} checks hold" if not bad else f"{bad} of {total} checks do not hold"
    inner = ", ".join(f"{counts[s]} {s.value}" for s in Status)
    return f"{head} ({inner})"


def table(report: DerivationReport, printed: Printed | None = None) -> str:
    printed = printed or Printed()
    lines = [f"{report.name}: {authored_plain(report.title, printed.unicode)}"]
    for result in report.results + report.twin:
        lines.append(result_row(result, printed))
        lines.extend(condition_detail(result, printed))
        if not result.verdict.status.holds:
            lines.extend(failure_detail(result, printed))
    return "\n".join(lines)


def printed_forms(expr, latex: str | None = None, as_written: bool = False) -> dict:
    """An expression for programs and people: its LaTeX and its plain ASCII maths (``as_written``: an
    unevaluated form as written, printed in the author's order)."""
    from .printing import latex_math

    return {"latex": latex if latex is not None else latex_math(expr, as_written),
            "text": plain_math(expr, unicode=False, as_written=as_written)}


def result_json(result: CheckResult, printed: Printed | None = None) -> dict:
    """One check as plain data; the typed fields (status, tier, rules) by their value or name.

    With ``printed``, a step also gives its ``written`` text (as its author wrote it, when known),
    its ``written_form`` (that expression as written, unevaluated, when known), its ``canonical`` form
    (the expression the checker read), the factors it holds only where ``nonzero`` (cancelled
    between its sides: ``q`` of ``x q/q = x``), and a failing step its ``residual_form`` and ``counterexample_text``,
    printed from the objects.
    """
    example = result.verdict.counterexample
    data = {
        "index": result.index,
        "chain": result.chain + 1,
        "kind": result.kind,
        "latex": result.latex,
        "justification": result.justification,
        "verdict": result.verdict.status.value,
        "tier": result.verdict.tier.value if result.verdict.tier is not None else None,
        "label": result.verdict.label,
        "reason": result.verdict.reason,
        "residual": result.verdict.residual,
        "counterexample": asdict(example) if example is not None else None,
        "samples": result.verdict.samples,
        "used": [rule.name for rule in result.verdict.used],
        "milliseconds": round(result.millis, 3),
    }
    if printed is not None and result.kind == "step":
        key = (result.chain, result.index)
        side = printed.sides.get(key)
        data["written"] = printed.written.get(key)
        data["canonical"] = printed_forms(side.rhs) | {"relation": side.relation.value} if side is not None else None
        as_written = side.written[1] if side is not None else None
        data["written_form"] = printed_forms(as_written, as_written=True) if as_written is not None else None
        data["nonzero"] = [printed_forms(d) for d in side.conditions] if side is not None else []
        residual = printed.residuals.get(key)
        data["residual_form"] = printed_forms(residual) if residual is not None else None
        if example is not None and side is not None:
            data["counterexample_text"] = prose_plain(
                counterexample_prose(example, side.lhs, side.rhs, "the line before", "this line"), unicode=False)
    return data


def report_json(reports: Iterable[DerivationReport], printed: Mapping[str, Printed] | None = None) -> dict:
    """``printed`` maps a derivation's name to the objects behind its report (optional)."""
    reports = list(reports)
    counts = summary_counts(reports)
    printed = printed or {}
    return {
        "derivations": [
            {"name": r.name, "title": r.title, "ok": r.ok,
             "checks": [result_json(x, printed.get(r.name)) for x in r.results],
             "cross_checks": [result_json(x) for x in r.twin]}
            for r in reports
        ],
        "summary": {s.value: n for s, n in counts.items()},
        "ok": all(r.ok for r in reports),
    }

