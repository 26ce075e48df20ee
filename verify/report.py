"""Reports of checked derivations: a terminal table and a JSON document."""
from __future__ import annotations

from dataclasses import asdict
from typing import Iterable

from .verdict import CheckResult, DerivationReport, Status


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, cut with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def result_row(result: CheckResult) -> str:
    where = f"{result.kind} {result.chain + 1}.{result.index}" if result.kind == "step" else f"{result.kind} {result.index}"
    why = result.justification or ""
    return (f"  {where:<10} {shorten(result.latex, 46):<46} {shorten(why, 22):<22} "
            f"{result.verdict.label:<24} {result.millis:8.1f} ms")


def failure_detail(result: CheckResult) -> list[str]:
    verdict = result.verdict
    lines = [f"      why: {verdict.reason}"]
    if verdict.residual not in (None, "0"):
        lines.append(f"      residual (left - right): {verdict.residual}")
    if verdict.counterexample is not None:
        lines.append(f"      counterexample: {verdict.counterexample.describe()}")
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


def table(report: DerivationReport) -> str:
    lines = [f"{report.name}: {report.title}"]
    for result in report.results + report.twin:
        lines.append(result_row(result))
        if not result.verdict.status.holds:
            lines.extend(failure_detail(result))
    return "\n".join(lines)


def result_json(result: CheckResult) -> dict:
    """One check as plain data; the typed fields (status, tier, rules) by their value or name."""
    example = result.verdict.counterexample
    return {
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


def report_json(reports: Iterable[DerivationReport]) -> dict:
    reports = list(reports)
    counts = summary_counts(reports)
    return {
        "derivations": [
            {"name": r.name, "title": r.title, "ok": r.ok,
             "checks": [result_json(x) for x in r.results], "cross_checks": [result_json(x) for x in r.twin]}
            for r in reports
        ],
        "summary": {s.value: n for s, n in counts.items()},
        "ok": all(r.ok for r in reports),
    }
