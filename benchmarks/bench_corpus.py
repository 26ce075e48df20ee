"""How well `verify check` reads and decides derivations other people wrote (tests/corpus).

Each corpus chain, and each of its one-error mutants, is written as a user would
write it -- the premises under "Assume:", then the chain as `$$...$$` blocks whose
later blocks start with their relation -- and checked by the real `verify check`
(the function the command calls, or the command itself with --subprocess). The
reported steps are mapped back to corpus steps by the block each was read from;
a step the reader lost or could not read counts as neither accepted nor caught.

Figures, per topic and in total (targets from issue 10 in brackets):
  right steps accepted -- proved / consistent / unknown / refuted / lost [>= 90%, proved >= 75%]
  wrong steps caught   -- refuted [100%]; WRONG STEPS PROVED must be 0, each is listed
  first-wrong-step F1  -- ProcessBench: a chain's prediction is its first refuted step or
                          "none"; F1 of the accuracies on erroneous and on correct chains [>= 90]
  step time            -- median and p99 of the reported per-check milliseconds [5 ms, 100 ms]
  reader               -- documents refused outright, formulas unreadable, steps split or lost

Right steps are counted on the original chains only; wrong steps are the sources'
own mistakes plus each mutant's altered step. Asserts nothing.

Run: python benchmarks/bench_corpus.py [--topic T] [--chains FILE] [--json OUT] [--list-failures] [--subprocess]

--chains FILE keeps only the chain ids listed in FILE (one a line; blank lines and `#` comments
skipped), each with its mutants: tests/corpus/heldout.txt lists the held-out chains, so their
figures can be measured before and after a change nobody tuned on them.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from tests.corpus.load import TOPICS, Chain, load_corpus, premise_markdown  # noqa: E402

VERDICTS = ("proved", "consistent", "unknown", "refuted", "lost")


@dataclass(frozen=True)
class StepOutcome:
    """What the reader and checker made of one corpus step."""

    verdict: str  # one of VERDICTS; "lost" when no check was made of the step
    pieces: int  # how many checks the reader made of it (more than one: it split the step)
    reason: str
    millis: tuple[float, ...] = ()


@dataclass(frozen=True)
class DocumentOutcome:
    chain: Chain
    steps: tuple[StepOutcome, ...]
    refused: str = ""  # why the whole document was refused (or crashed), else empty
    crashed: bool = False
    unreadable: tuple[str, ...] = ()  # display formulas the reader could not read
    unmatched: int = 0  # reported steps that map to no block of the document

    @property
    def predicted_first_wrong(self) -> int | None:
        return next((i for i, s in enumerate(self.steps, 1) if s.verdict == "refuted"), None)


# --- writing the document -------------------------------------------------------------

def step_blocks(chain: Chain) -> list[str]:
    """The chain as display formulas: `start rel tex`, then `rel tex` for each later step."""
    first, *rest = chain.steps
    return [f"{chain.start} {first.rel} {first.tex}"] + [f"{s.rel} {s.tex}" for s in rest]


def document_text(chain: Chain) -> str:
    lines = [f"# {chain.source.title}", ""]
    if chain.premises:
        lines += ["Assume:", ""] + [f"- {premise_markdown(p)}" for p in chain.premises] + ["", "Then:", ""]
    for block in step_blocks(chain):
        lines += [f"$${block}$$", ""]
    return "\n".join(lines)


# --- running the checker --------------------------------------------------------------

def check_in_process(path: Path, budget: float) -> tuple[dict | None, str, bool]:
    """(report, refusal, crashed) from the functions `verify check --json` calls."""
    from verify.commands.check import document_json, load_document
    from verify.config import CheckConfig
    from verify.engine.checker import check_derivation
    from verify.errors import UsageError

    try:
        document = load_document(str(path))
    except UsageError as error:
        return {"parse_errors": _unreadable(path)}, str(error), False
    except Exception as error:  # reading crashed: counted as a crash, and the run goes on
        return None, f"{type(error).__name__}: {error}", True
    try:
        report = check_derivation(document.derivation(str(path)), CheckConfig(budget=budget))
        return document_json(document, report), "", False
    except Exception as error:  # a crash is a finding to report, not a reason to stop the run
        return None, f"{type(error).__name__}: {error}", True


def _unreadable(path: Path) -> list[dict]:
    """The display formulas of a refused document that could not be read, as `--json` lists them."""
    from verify.parsing import read_document

    document = read_document(path.read_text(encoding="utf-8"), filename=str(path))
    return [{"line": f.error.line, "column": f.error.column, "message": f.error.message}
            for f in document.formulas if f.error is not None and f.display]


def check_subprocess(path: Path, budget: float) -> tuple[dict | None, str, bool]:
    """(report, refusal, crashed) from `python -m verify check FILE --json` itself."""
    run = subprocess.run([sys.executable, "-m", "verify", "check", str(path), "--json", "--budget", str(budget)],
                         cwd=ROOT, capture_output=True, text=True, timeout=900)
    if run.returncode in (0, 1):
        try:
            return json.loads(run.stdout), "", False
        except json.JSONDecodeError:
            return None, f"exit {run.returncode} with no JSON report: {run.stderr.strip()[-300:]}", True
    if run.returncode == 2:
        return None, run.stderr.strip(), False
    return None, f"exit {run.returncode}: {run.stderr.strip()[-300:]}", True


# --- mapping reported steps back to corpus steps --------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.split())


def _block_of(source: str, blocks: list[str], after: int) -> int | None:
    """The block a reported step was read from: equal text first, else containment; searched from `after` on.

    Searching from the last matched block keeps repeated texts in order; containment covers a
    reader that keeps only part of a block (or joins two) as a step's source.
    """
    order = list(range(after, len(blocks))) + list(range(after))
    equal = [i for i in order if blocks[i] == source]
    if equal:
        return equal[0]
    return next((i for i in order if source in blocks[i] or blocks[i] in source), None)


def combine(pieces: list[dict]) -> str:
    verdicts = {p["verdict"] for p in pieces}
    if not verdicts:
        return "lost"
    if "refuted" in verdicts:
        return "refuted"
    if verdicts == {"proved"}:
        return "proved"
    return "consistent" if verdicts <= {"proved", "consistent"} else "unknown"


def _unreadable_of(report: dict | None) -> tuple[str, ...]:
    errors = (report or {}).get("parse_errors", [])
    return tuple(f"{e.get('line')}:{e.get('column')}: {e.get('message')}" for e in errors)


def outcome_of(chain: Chain, report: dict | None, refusal: str, crashed: bool) -> DocumentOutcome:
    if refusal or report is None:
        lost = tuple(StepOutcome("lost", 0, "document refused") for _ in chain.steps)
        return DocumentOutcome(chain, lost, refusal or "no report", crashed, _unreadable_of(report))
    blocks = [_norm(b) for b in step_blocks(chain)]
    sources = {c["index"]: c["steps"] for c in report.get("chains", [])}
    pieces: dict[int, list[dict]] = defaultdict(list)
    unmatched, at = 0, 0
    for derivation in report.get("derivations", []):
        for check in derivation.get("checks", []):
            steps = sources.get(check.get("chain"), [])
            index = check.get("index", 0)
            block = _block_of(_norm(steps[index - 1]), blocks, at) \
                if check.get("kind") == "step" and 0 < index <= len(steps) else None
            if block is None:
                unmatched += 1
                continue
            pieces[block].append(check)
            at = block
    steps = tuple(StepOutcome(combine(pieces[i]), len(pieces[i]),
                              "; ".join(str(p.get("reason", "")) for p in pieces[i])[:400] or "not read as a step",
                              tuple(float(p.get("milliseconds") or 0.0) for p in pieces[i]))
                  for i in range(len(chain.steps)))
    return DocumentOutcome(chain, steps, unreadable=_unreadable_of(report), unmatched=unmatched)


def run_document(chain: Chain, directory: Path, budget: float, use_subprocess: bool) -> DocumentOutcome:
    path = directory / (re.sub(r"[^A-Za-z0-9]+", "_", chain.id).strip("_") + ".md")
    path.write_text(document_text(chain), encoding="utf-8")
    check = check_subprocess if use_subprocess else check_in_process
    report, refusal, crashed = check(path, budget)
    return outcome_of(chain, report, refusal.replace(f"{directory}/", ""), crashed)  # stable across runs


# --- figures --------------------------------------------------------------------------

@dataclass
class Figures:
    """Counts for one topic (or the total)."""

    chains: int = 0
    mutants: int = 0
    right: dict = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    wrong: dict = field(default_factory=lambda: dict.fromkeys(VERDICTS, 0))
    wrong_proved: list = field(default_factory=list)
    wrong_consistent: list = field(default_factory=list)
    erroneous_chains: int = 0
    erroneous_hit: int = 0
    correct_chains: int = 0
    correct_hit: int = 0
    refused: list = field(default_factory=list)
    crashed: list = field(default_factory=list)
    unreadable: int = 0
    split: int = 0
    unmatched: int = 0
    millis: list = field(default_factory=list)

    def add(self, outcome: DocumentOutcome) -> None:
        chain, mutant = outcome.chain, outcome.chain.mutation
        self.mutants += mutant is not None
        self.chains += mutant is None
        for index, (step, result) in enumerate(zip(chain.steps, outcome.steps), 1):
            counted = index == mutant.step if mutant else True
            if not counted:
                continue
            tally = self.wrong if step.is_wrong else self.right
            tally[result.verdict] += 1
            if step.is_wrong and result.verdict in ("proved", "consistent"):
                record = {"chain": chain.id, "step": index, "rel": step.rel, "tex": step.tex, "reason": result.reason}
                (self.wrong_proved if result.verdict == "proved" else self.wrong_consistent).append(record)
        if chain.first_wrong is None:
            self.correct_chains += 1
            self.correct_hit += outcome.predicted_first_wrong is None
        else:
            self.erroneous_chains += 1
            self.erroneous_hit += outcome.predicted_first_wrong == chain.first_wrong
        if outcome.refused:
            (self.crashed if outcome.crashed else self.refused).append({"chain": chain.id, "why": outcome.refused[:300]})
        self.unreadable += len(outcome.unreadable)
        self.split += sum(r.pieces > 1 for r in outcome.steps)
        self.unmatched += outcome.unmatched
        self.millis.extend(m for r in outcome.steps for m in r.millis)

    def f1(self) -> tuple[float, float, float]:
        err = self.erroneous_hit / self.erroneous_chains if self.erroneous_chains else 0.0
        cor = self.correct_hit / self.correct_chains if self.correct_chains else 0.0
        return err, cor, (2 * err * cor / (err + cor) if err + cor else 0.0)

    def times(self) -> tuple[float, float]:
        if not self.millis:
            return 0.0, 0.0
        ordered = sorted(self.millis)
        p99 = statistics.quantiles(ordered, n=100)[98] if len(ordered) > 1 else ordered[0]
        return statistics.median(ordered), p99

    def summary(self) -> dict:
        err, cor, f1 = self.f1()
        median, p99 = self.times()
        n_right, n_wrong = sum(self.right.values()), sum(self.wrong.values())
        return {"chains": self.chains, "mutants": self.mutants,
                "right_steps": n_right, "right": self.right,
                "right_accepted_pct": _pct(self.right["proved"] + self.right["consistent"], n_right),
                "right_proved_pct": _pct(self.right["proved"], n_right),
                "wrong_steps": n_wrong, "wrong": self.wrong, "wrong_caught_pct": _pct(self.wrong["refuted"], n_wrong),
                "wrong_proved": self.wrong_proved, "wrong_consistent": self.wrong_consistent,
                "erroneous_chains": self.erroneous_chains, "erroneous_accuracy_pct": 100 * err,
                "correct_chains": self.correct_chains, "correct_accuracy_pct": 100 * cor, "f1": 100 * f1,
                "documents_refused": self.refused, "documents_crashed": self.crashed,
                "formulas_unreadable": self.unreadable, "steps_split": self.split,
                "reported_steps_unmatched": self.unmatched,
                "checks_timed": len(self.millis), "step_ms_median": median, "step_ms_p99": p99}


def _pct(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _counts(tally: dict, whole: int) -> str:
    return "  ".join(f"{v} {tally[v]} ({_pct(tally[v], whole):.1f}%)" for v in VERDICTS)


def report_lines(name: str, figures: Figures) -> list[str]:
    s = figures.summary()
    n_right, n_wrong = s["right_steps"], s["wrong_steps"]
    accepted = s["right"]["proved"] + s["right"]["consistent"]
    return [
        f"{name}: {s['chains']} chains + {s['mutants']} mutants; {n_right} right steps, {n_wrong} wrong steps",
        f"  right steps accepted: {accepted}/{n_right} ({s['right_accepted_pct']:.1f}%), "
        f"proved {s['right_proved_pct']:.1f}%   [{_counts(s['right'], n_right)}]",
        f"  wrong steps caught (refuted): {s['wrong']['refuted']}/{n_wrong} ({s['wrong_caught_pct']:.1f}%)   "
        f"[{_counts(s['wrong'], n_wrong)}]",
        f"  WRONG STEPS PROVED: {len(s['wrong_proved'])}   (wrong steps passed as consistent: {len(s['wrong_consistent'])})",
        f"  first wrong step: erroneous chains {s['erroneous_accuracy_pct']:.1f}% of {s['erroneous_chains']}, "
        f"correct chains {s['correct_accuracy_pct']:.1f}% of {s['correct_chains']}, F1 {s['f1']:.1f}",
        f"  step time: median {s['step_ms_median']:.1f} ms, p99 {s['step_ms_p99']:.1f} ms ({s['checks_timed']} checks)",
        f"  reader: {len(s['documents_refused'])} documents refused outright, {len(s['documents_crashed'])} crashed, "
        f"{s['formulas_unreadable']} display formulas unreadable, {s['steps_split']} steps split, "
        f"{s['right']['lost'] + s['wrong']['lost']} counted steps lost, "
        f"{s['reported_steps_unmatched']} reported steps matched no block",
    ]


def failure_lines(outcomes: list[DocumentOutcome]) -> list[str]:
    lines = ["", "failures (right steps not accepted, wrong steps not refuted):"]
    for outcome in outcomes:
        chain, mutant = outcome.chain, outcome.chain.mutation
        if outcome.refused:
            lines.append(f"  {chain.id}: document {'crashed' if outcome.crashed else 'refused'}: "
                         f"{' '.join(outcome.refused.split())[:200]}")
            continue
        for index, (step, result) in enumerate(zip(chain.steps, outcome.steps), 1):
            if mutant and index != mutant.step:
                continue
            bad = result.verdict != "refuted" if step.is_wrong else result.verdict not in ("proved", "consistent")
            if bad:
                lines.append(f"  {chain.id} step {index} ({step.label}) -> {result.verdict}: "
                             f"{' '.join(result.reason.split())[:200]}")
    return lines


def proved_wrong_lines(figures: Figures) -> list[str]:
    lines = ["", f"WRONG STEPS PROVED ({len(figures.wrong_proved)}):"]
    lines += [f"  {r['chain']} step {r['step']}: {r['rel']} {r['tex']}\n      reason: {r['reason']}"
              for r in figures.wrong_proved] or ["  none"]
    lines += ["", f"wrong steps passed as consistent ({len(figures.wrong_consistent)}):"]
    lines += [f"  {r['chain']} step {r['step']}: {r['rel']} {r['tex']}\n      reason: {r['reason']}"
              for r in figures.wrong_consistent] or ["  none"]
    return lines


def read_chain_ids(path: Path) -> tuple[str, ...]:
    """The chain ids a --chains file lists, one a line, in order; blank lines and `#` comments skipped."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


def select_chains(chains: tuple[Chain, ...], ids: tuple[str, ...]) -> list[Chain]:
    """The chains whose id is listed, in corpus order; an id that names no chain is an error, not a silent skip."""
    known = {chain.id for chain in chains}
    missing = [i for i in ids if i not in known]
    if missing:
        raise SystemExit(f"--chains: no corpus chain has the id(s): {', '.join(missing)}")
    wanted = set(ids)
    return [chain for chain in chains if chain.id in wanted]


def _workers(fork: bool):
    """The long-lived workers `verify` keeps for one command's run (``verify.engine.pool``), unless ``fork``."""
    import contextlib

    from verify.engine.budget import worker_pool

    return contextlib.nullcontext() if fork else worker_pool()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", choices=TOPICS, help="only this topic")
    parser.add_argument("--chains", metavar="FILE", type=Path, help="only the chain ids listed in FILE, with their mutants")
    parser.add_argument("--json", metavar="OUT", help="write the figures and every step's outcome as JSON")
    parser.add_argument("--list-failures", action="store_true", help="list every step not accepted / not caught")
    parser.add_argument("--subprocess", action="store_true", help="run `python -m verify check` per document")
    parser.add_argument("--fork", action="store_true",
                        help="fork a worker per document, as outside a command (default: long-lived workers, as in one)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per check (verify's default 5)")
    args = parser.parse_args(argv)

    corpus = load_corpus()
    if args.chains is not None:
        corpus = tuple(select_chains(corpus, read_chain_ids(args.chains)))
    chains = [c for c in corpus if args.topic in (None, c.topic)]
    documents = [c for chain in chains for c in (chain, *(chain.mutated(m) for m in chain.mutants))]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench_corpus_") as tmp, _workers(args.fork):
        outcomes = [run_document(c, Path(tmp), args.budget, args.subprocess) for c in documents]
    elapsed = time.perf_counter() - started

    per_topic: dict[str, Figures] = {t: Figures() for t in TOPICS if args.topic in (None, t)}
    total = Figures()
    for outcome in outcomes:
        per_topic[outcome.chain.topic].add(outcome)
        total.add(outcome)
    sources = len({c.source.url for c in chains})
    lines = [f"bench_corpus: {len(chains)} chains from {sources} sources, {len(documents)} documents, "
             f"{'subprocess' if args.subprocess else 'in-process'} `verify check`, budget {args.budget:g} s, "
             f"{elapsed:.0f} s", ""]
    for topic, figures in per_topic.items():
        lines += report_lines(f"topic {topic}", figures) + [""]
    lines += report_lines("TOTAL", total)
    lines += proved_wrong_lines(total)
    if args.list_failures:
        lines += failure_lines(outcomes)
    print("\n".join(lines))
    if args.json:
        data = {"total": total.summary(), "topics": {t: f.summary() for t, f in per_topic.items()},
                "documents": [{"chain": o.chain.id, "topic": o.chain.topic, "refused": o.refused,
                               "crashed": o.crashed, "unreadable": list(o.unreadable),
                               "steps": [asdict(s) | {"label": c.label} for s, c in zip(o.steps, o.chain.steps)]}
                              for o in outcomes]}
        Path(args.json).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
