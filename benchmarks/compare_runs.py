"""Compare `bench_corpus.py --json` runs of two versions: are the verdicts identical, and how fast is each?

A speed change must leave every step's verdict as it was. This lists each corpus step whose verdict,
reason or number of checks differs between the first run of each side (a timeout that now finishes is
the only allowed change: read the list). The machine may be shared, so the times are fair only as
minima: give each side several runs, made alternately (old, new, old, new, ...), and each check's time
is its least over that side's runs. Prints median, p99 and total of those minima (in all and per topic,
the topic being a chain id's first part), and the slowest checks.

Run: python benchmarks/compare_runs.py --old A1.json A2.json --new B1.json B2.json [--slowest 20]
"""
from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path


def _runs(paths: list[Path]) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in paths]


def _documents(run: dict):
    """(chain, document) of one run, the chain id made unique by its place among equal ids: two
    mutants of one chain may share an id (two "sign" mutants), and one must not hide the other."""
    seen: dict = {}
    for d in run["documents"]:
        seen[d["chain"]] = seen.get(d["chain"], 0) + 1
        yield (d["chain"] if seen[d["chain"]] == 1 else f"{d['chain']} ({seen[d['chain']]})"), d


def verdicts(run: dict) -> dict:
    """(chain, step) -> (verdict, reason, checks) of one run."""
    return {(chain, i): (s["verdict"], s["reason"], s["pieces"])
            for chain, d in _documents(run) for i, s in enumerate(d["steps"], 1)}


def least_times(runs: list[dict]) -> dict:
    """(chain, step, check) -> the least milliseconds over the runs."""
    least: dict = {}
    for run in runs:
        for chain, d in _documents(run):
            for i, s in enumerate(d["steps"], 1):
                for j, ms in enumerate(s["millis"]):
                    key = (chain, i, j)
                    least[key] = min(least.get(key, ms), ms)
    return least


def summary(times: dict) -> str:
    ordered = sorted(times.values())
    if len(ordered) < 2:
        return f"{len(ordered)} checks"
    p99 = statistics.quantiles(ordered, n=100)[98]
    return (f"median {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms, total {sum(ordered) / 1000:.1f} s "
            f"({len(ordered)} checks)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", nargs="+", type=Path, required=True, help="runs of the old version")
    parser.add_argument("--new", nargs="+", type=Path, required=True, help="runs of the new version")
    parser.add_argument("--slowest", type=int, default=20, help="how many of the old version's slowest checks to list")
    args = parser.parse_args(argv)
    old, new = _runs(args.old), _runs(args.new)
    before, after = verdicts(old[0]), verdicts(new[0])
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    print(f"steps {len(before)}; verdict, reason or checks changed: {len(changed)}")
    for key in changed:
        print(f"  {key[0]} step {key[1]}\n    old: {before.get(key)}\n    new: {after.get(key)}")
    slow, fast = least_times(old), least_times(new)
    print(f"old ({len(old)} runs): {summary(slow)}\nnew ({len(new)} runs): {summary(fast)}")
    for topic in sorted({chain.split("/")[0] for chain, _, _ in slow}):
        old_topic = {k: v for k, v in slow.items() if k[0].split("/")[0] == topic}
        new_topic = {k: v for k, v in fast.items() if k[0].split("/")[0] == topic}
        print(f"  {topic}: old {summary(old_topic)}\n  {' ' * len(topic)}  new {summary(new_topic)}")
    for key in sorted(slow, key=lambda k: -slow[k])[:args.slowest]:
        print(f"  {slow[key]:8.0f} -> {fast.get(key, float('nan')):8.0f} ms  {key[0]} step {key[1]}")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
