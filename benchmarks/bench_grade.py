"""Grade a generated class of 200 submissions with 2 worker processes; print throughput and memory.

Run: python benchmarks/bench_grade.py [--size 200] [--jobs 2]
Identical steps across the class are checked once (see verify.grading.checks).
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from derivations import BUILTIN  # noqa: E402
from tests.class_generator import generated_class  # noqa: E402
from verify.config import CheckConfig  # noqa: E402
from verify.grading import grade_batch, load_rubric  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    rubric = load_rubric("assignment5", BUILTIN)
    with tempfile.TemporaryDirectory() as folder:
        for name, text in generated_class(args.size):
            Path(folder, f"{name}.md").write_text(text)
        start = time.perf_counter()
        with ProcessPoolExecutor(args.jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = grade_batch([folder], rubric, CheckConfig(), executor=pool, workers=args.jobs)
        elapsed = time.perf_counter() - start
    errors = sum(1 for r in results if r.error)
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(results)} submissions, {errors} errors, {elapsed:.2f} s, "
          f"{len(results) / elapsed:.1f} submissions/s with --jobs {args.jobs}")
    print(f"peak memory: parent {own:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
