"""Soundness on the adversarial cases of issue 9 (tests/adversarial/): prints figures, asserts nothing.

Runs the real ``python -m verify check FILE --json`` on every case and prints the confusion
table (label wrong/correct x verdict), the wrong steps accepted (proved, or not checked at
all), and the correct steps refuted. Steps are located as the manifest writes them.

Run: python benchmarks/bench_adversarial.py [--jobs N] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from tests.adversarial.manifest import (  # noqa: E402
    VERDICTS, Case, CaseOutcome, confusion, confusion_text, load_cases, match, steps_where, written_steps)


def check_with_cli(case: Case) -> CaseOutcome:
    """The CLI's JSON verdicts, each step located through the document as verify reads it."""
    from verify.parsing import read_document

    run = subprocess.run([sys.executable, "-m", "verify", "check", str(case.path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    document = read_document(case.path.read_text(encoding="utf-8"), filename=str(case.path))
    refusals = tuple(f.text for f in document.formulas if f.error is not None)
    if run.returncode == 2:  # verify found no derivation to check: labelled steps are refused or unchecked
        return match(case, [], refusals)
    report = json.loads(run.stdout)
    where = written_steps(document)
    reported = [(where[(c["chain"], c["index"])], c["verdict"])
                for d in report["derivations"] for c in d["checks"] if c["kind"] == "step"]
    return match(case, reported, refusals)


def listing(title: str, steps) -> list[str]:
    lines = [f"{title}: {len(steps)}"]
    lines += [f"  {s.cls:12} {s.case:42} {s.verdict:10} {s.at}" for s in steps]
    return lines


def figures(outcomes: list[CaseOutcome]) -> dict:
    table = confusion(outcomes)
    return {
        "cases": len(outcomes),
        "cases_with_a_wrong_step": sum(o.case.has_wrong_step for o in outcomes),
        "confusion": {label: {v: table[label][v] for v in VERDICTS} for label in table},
        "wrong_steps_proved": [vars(s) for s in steps_where(outcomes, "wrong", ("proved",))],
        "wrong_steps_unchecked": [vars(s) for s in steps_where(outcomes, "wrong", ("unchecked",))],
        "correct_steps_refuted": [vars(s) for s in steps_where(outcomes, "correct", ("refuted",))],
        "unlabelled_steps": [{"case": o.case.id, "at": at} for o in outcomes for at in o.unlabelled],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=4, help="cases checked at once (default 4)")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON to OUT")
    args = parser.parse_args()
    cases = load_cases()
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(check_with_cli, cases))
    data = figures(outcomes)
    wrong = sum(data["confusion"]["wrong"].values())
    correct = sum(data["confusion"]["correct"].values())
    lines = [f"adversarial cases: {data['cases']} documents, {data['cases_with_a_wrong_step']} with one wrong step; "
             f"{wrong} wrong steps, {correct} correct steps", "", confusion_text(outcomes), ""]
    lines += listing("WRONG STEPS PROVED", steps_where(outcomes, "wrong", ("proved",)))
    lines += listing("wrong steps not checked at all (read as definitions or unreadable)",
                     steps_where(outcomes, "wrong", ("unchecked",)))
    lines += listing("wrong steps consistent (the numeric tier let them pass)",
                     steps_where(outcomes, "wrong", ("consistent",)))
    lines += listing("correct steps refuted", steps_where(outcomes, "correct", ("refuted",)))
    refuted = len(data["correct_steps_refuted"])
    share = 100 * refuted / max(correct, 1)
    lines.append(f"share of correct steps refuted: {refuted} of {correct} ({share:.1f}%; target <= 1%)")
    if data["unlabelled_steps"]:
        lines += ["", "STEPS VERIFY REPORTS THAT NO LABEL MATCHES (update cases.toml):"]
        lines += [f"  {u['case']}: {u['at']}" for u in data["unlabelled_steps"]]
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps(data, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
