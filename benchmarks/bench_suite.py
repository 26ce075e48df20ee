"""Speed of `verify run`: prints figures, asserts nothing (targets are for people to read).

- cold run: wall time of `python -m verify run` as a ratio to a bare
  `python -c "import sympy, numpy"` on the same machine in the same run (target <= 2.0);
- one step check: median and 99th percentile over every built-in step and claim,
  checked inline (no worker), several rounds (targets 5 ms and 100 ms).

Run: python benchmarks/bench_suite.py [--rounds N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_ratio(rounds: int) -> tuple[float, float, float]:
    bare, full = [], []
    for _ in range(rounds):  # interleaved, so drift in machine load hits both alike
        bare.append(wall([sys.executable, "-c", "import sympy, numpy"]))
        full.append(wall([sys.executable, "-m", "verify", "run"]))
    return statistics.median(bare), statistics.median(full), statistics.median(full) / statistics.median(bare)


def step_times(rounds: int) -> list[float]:
    import derivations
    from verify.config import CheckConfig
    from verify.engine.checker import check_claim, check_step

    config = CheckConfig(budget=None)
    loaded = [derivations.load(name) for name in derivations.names()]
    times = []
    for _ in range(rounds):
        for derivation in loaded:
            for chain in derivation.chains:
                for previous, step in chain.links():
                    start = time.perf_counter()
                    check_step(previous, step.relation, step.expr, derivation.context, config, step.justification)
                    times.append((time.perf_counter() - start) * 1000)
            for claim in derivation.claims:
                start = time.perf_counter()
                check_claim(claim, derivation.context, config)
                times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def compile_sources() -> None:
    """Byte-compile the project, as ``pip install`` does, so a checkout is timed like an install.

    Without it, PYTHONDONTWRITEBYTECODE (set on some machines) makes every run recompile
    our modules, while SymPy and numpy load their compiled files.
    """
    import compileall

    root = Path(__file__).resolve().parents[1]
    for package in ("verify", "derivations"):
        compileall.compile_dir(str(root / package), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    compile_sources()
    bare, full, ratio = cold_ratio(args.rounds)
    print(f"cold `verify run`: {full:.3f} s; bare import sympy, numpy: {bare:.3f} s; ratio {ratio:.2f} (target <= 2.0)")
    times = step_times(args.rounds)
    print(f"single step check over {len(times)} checks: median {statistics.median(times):.2f} ms "
          f"(target 5), p99 {percentile(times, 0.99):.2f} ms (target 100), max {max(times):.2f} ms")


if __name__ == "__main__":
    main()
