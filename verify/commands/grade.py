"""``verify grade PATH... --rubric R``: grade submissions, write gradebook files.

``--format terminal|json|csv|gradescope``, ``-o`` a file (or a folder, for one file per
student); ``--format latex|pdf -o DIR`` writes one annotated feedback document per
submission into DIR.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from .options import add_check_options, check_config, positive_int

FORMATS = ("terminal", "json", "csv", "gradescope", "latex", "pdf")


def register(commands) -> None:
    parser = commands.add_parser("grade", help="grade submissions against a rubric")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="submission files or folders")
    parser.add_argument("--rubric", required=True, help="a built-in rubric name or a TOML file")
    parser.add_argument("--format", choices=FORMATS, default="terminal",
                        help="terminal (default; per-item detail for up to 5 submissions, one line each beyond), "
                             "json, csv (a gradebook), gradescope (results.json), latex or pdf "
                             "(annotated feedback, one document per submission)")
    parser.add_argument("-o", "--output", help="write here: a file; a folder for gradescope with several "
                                               "submissions and for latex/pdf")
    parser.add_argument("--jobs", type=positive_int, default=1, help="worker processes (default 1)")
    add_check_options(parser, json=False)
    parser.set_defaults(handler=handle)


def _executor(jobs: int):
    if jobs == 1:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork" if "fork" in methods else None))


def _write(text: str, output: str | None) -> None:
    if output is None:
        print(text)
    else:
        from ..grading.files import write_atomic

        write_atomic(output, text + ("" if text.endswith("\n") else "\n"))


def handle(args) -> int:
    import derivations
    from ..grading.batch import grade_batch, stderr_progress
    from ..grading.submissions import collect
    from ..grading.rubric import load_rubric

    rubric = load_rubric(args.rubric, derivations.BUILTIN)
    if args.format in ("latex", "pdf") and args.output is None:
        raise UsageError(f"--format {args.format} writes one document per submission: give -o FOLDER")
    config = check_config(args)
    count = len(collect(args.paths))
    executor = _executor(args.jobs)
    try:
        results = grade_batch(args.paths, rubric, config, executor, args.jobs, stderr_progress(count))
    finally:
        if executor is not None:
            executor.shutdown()
    if args.format in ("latex", "pdf"):
        return _feedback(results, rubric, args)
    _emit(results, rubric, args)
    return 1 if needs_person(results) else 0


def needs_person(results) -> bool:
    """Exit code 1: a submission could not be read, or an item waits in ``review``."""
    return any(r.error or any(i.status in ("review", "error") for i in r.items) for r in results)


def _feedback(results, rubric, args) -> int:
    """One annotated document per submission; without TeX, the .tex files and exit 2."""
    import sys

    from ..export import TexMissing
    from ..grading.annotate import write_feedback

    try:
        failed = write_feedback(results, rubric, Path(args.output), pdf=args.format == "pdf")
    except TexMissing as error:
        print(f"verify grade: {error}; the .tex files are in {args.output}", file=sys.stderr)
        return 2
    for student, message in failed.items():
        print(f"verify grade: the feedback of {student} did not compile: {message}", file=sys.stderr)
    print(f"{len(results)} feedback documents written to {args.output}")
    return 0 if not failed and not needs_person(results) else 1


def _emit(results, rubric, args) -> None:
    from ..grading import writers

    if args.format == "terminal":
        _write(writers.terminal(results, rubric, detail=len(results) <= 5), args.output)
    elif args.format == "json":
        _write(writers.to_json(results, rubric), args.output)
    elif args.format == "csv":
        _write(writers.to_csv(results, rubric), args.output)
    else:
        _gradescope(results, args.output)


def _gradescope(results, output: str | None) -> None:
    from ..grading.writers import gradescope

    if len(results) == 1:
        _write(json.dumps(gradescope(results[0]), indent=2), output)
        return
    if output is None or Path(output).suffix:
        raise UsageError("--format gradescope for several submissions needs -o FOLDER (one results.json each), "
                         f"got {output!r}")
    from ..grading.annotate import file_stem
    from ..grading.files import distinct_stems, write_atomic

    folder = Path(output)
    stems = distinct_stems([r.student for r in results], file_stem)
    for result in results:
        write_atomic(folder / f"{stems[result.student]}.results.json", json.dumps(gradescope(result), indent=2))
