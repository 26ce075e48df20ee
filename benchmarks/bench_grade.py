"""Grade generated classes with worker processes; print throughput and peak memory.

Run: python benchmarks/bench_grade.py [--size 200] [--jobs 2] [--class repeated|varied|both]

``repeated``: the assignment5 class, a few dozen answers cycled (identical steps across the
class are checked once, see verify.grading.checks). ``varied``: the homework6 rubric on
submissions of random styles and answers, each with steps of its own (a constant in the
first ELBO step and in a cost), closer to a real class.
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
from tests.classes.make_homework6 import varied_class  # noqa: E402
from verify.config import CheckConfig  # noqa: E402
from verify.grading import grade_batch, load_rubric  # noqa: E402


def _files(kind: str, size: int) -> tuple[str, list[tuple[str, str]]]:
    if kind == "varied":
        return "homework6", varied_class(size)
    return "assignment5", [(f"{name}.md", text) for name, text in generated_class(size)]


def bench(kind: str, size: int, jobs: int) -> None:
    rubric_name, files = _files(kind, size)
    rubric = load_rubric(rubric_name, BUILTIN)
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files:
            Path(folder, name).write_text(text)
        start = time.perf_counter()
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = grade_batch([folder], rubric, CheckConfig(), executor=pool, workers=jobs)
        elapsed = time.perf_counter() - start
    errors = sum(1 for r in results if r.error)
    review = sum(1 for r in results for i in r.items if i.status == "review" and i.kind != "manual")
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{kind} ({rubric_name}): {len(results)} submissions, {errors} errors, {review} automatic items in "
          f"review, {elapsed:.2f} s, {len(results) / elapsed:.1f} submissions/s with --jobs {jobs}")
    print(f"  peak memory so far: parent {own:.0f} MB, largest worker {children:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--class", dest="kind", choices=("repeated", "varied", "both"), default="both")
    args = parser.parse_args()
    for kind in ("repeated", "varied") if args.kind == "both" else (args.kind,):
        bench(kind, args.size, args.jobs)


if __name__ == "__main__":
    main()
