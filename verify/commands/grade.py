"""``verify grade PATH... --rubric R``: grade submissions, write gradebook files.

``--format terminal|json|csv|gradescope``, ``-o`` a file (or a folder, for one file per
student); ``--format latex|pdf -o DIR`` writes one annotated feedback document per
submission into DIR. ``--marks FILE`` merges a person's marks and overrides (see
``verify.grading.marks``) before writing. ``--single`` grades every file named as one
student's submission (the Gradescope autograder's ``/autograder/submission``).

Exit codes: 0 when every item was graded automatically, 1 when anything needs a person
(an item in review, an unreadable submission), 2 for usage errors. Every output file is
written atomically: an interrupted run leaves the previous file intact.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from .options import add_check_options, check_config, positive_int

FORMATS = ("terminal", "json", "csv", "gradescope", "latex", "pdf")
VISIBILITIES = ("hidden", "after_due_date", "after_published", "visible")


def register(commands) -> None:
    parser = commands.add_parser("grade", help="grade submissions against a rubric")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="submission files or class folders")
    parser.add_argument("--rubric", required=True, help="a built-in rubric name or a TOML file")
    parser.add_argument("--format", choices=FORMATS, default="terminal",
                        help="terminal (default; per-item detail for up to 5 submissions, one line each beyond), "
                             "json, csv (a gradebook), gradescope (results.json), latex or pdf "
                             "(annotated feedback, one document per submission)")
    parser.add_argument("-o", "--output", help="write here: a file; a folder for gradescope with several "
                                               "submissions and for latex/pdf")
    parser.add_argument("--jobs", type=positive_int, default=1, help="worker processes (default 1)")
    parser.add_argument("--marks", metavar="CSV", help="merge a person's marks: a CSV of student,item,points"
                                                       "[,comment], or the gradebook CSV with cells filled in")
    parser.add_argument("--single", action="store_true", help="the files named are one student's submission")
    parser.add_argument("--student", help="the student's name with --single (default: the first path's name)")
    parser.add_argument("--visibility", choices=VISIBILITIES, default="visible",
                        help="gradescope: when students see the results and each test (default visible)")
    parser.add_argument("--stdout-visibility", choices=VISIBILITIES, default="hidden",
                        help="gradescope: when students see the autograder's output (default hidden)")
    parser.add_argument("--hide-solutions", action="store_true",
                        help="gradescope: keep model answers (expected results, review notes) out of what students see")
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


def needs_person(results) -> bool:
    """Exit code 1: a submission could not be read, or an item waits in ``review``."""
    return any(r.error or any(i.status in ("review", "error") and not i.marked for i in r.items) for r in results)


def _grade(args, rubric, config):
    from ..grading.batch import grade_batch, grade_single, stderr_progress
    from ..grading.submissions import collect

    if args.single:
        return [grade_single(args.paths, rubric, config, args.student)]
    executor = _executor(args.jobs)
    try:
        return grade_batch(args.paths, rubric, config, executor, args.jobs, stderr_progress(len(collect(args.paths))))
    finally:
        if executor is not None:
            executor.shutdown()


def handle(args) -> int:
    import derivations
    from ..grading.rubric import load_rubric

    rubric = load_rubric(args.rubric, derivations.BUILTIN)
    if args.format in ("latex", "pdf") and args.output is None:
        raise UsageError(f"--format {args.format} writes one document per submission: give -o FOLDER")
    results = _grade(args, rubric, check_config(args))
    if args.marks:
        from ..grading.marks import apply_marks, read_marks

        try:
            text = Path(args.marks).read_text("utf-8")
        except OSError as error:
            raise UsageError(f"cannot read the marks file {args.marks}: {error.strerror}") from None
        results = apply_marks(results, read_marks(text, rubric, results))
    if args.format in ("latex", "pdf"):
        return _feedback(results, rubric, args)
    _emit(results, rubric, args)
    return 1 if needs_person(results) else 0


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
        _gradescope(results, args)


def _gradescope(results, args) -> None:
    from ..grading.writers import gradescope

    def data(result) -> str:
        return json.dumps(gradescope(result, args.visibility, args.stdout_visibility, args.hide_solutions), indent=2)

    output = args.output
    if len(results) == 1:
        _write(data(results[0]), output)
        return
    if output is None or Path(output).suffix:
        raise UsageError("--format gradescope for several submissions needs -o FOLDER (one results.json each), "
                         f"got {output!r}")
    from ..grading.annotate import file_stem
    from ..grading.files import distinct_stems, write_atomic

    folder = Path(output)
    stems = distinct_stems([r.student for r in results], file_stem)
    for result in results:
        write_atomic(folder / f"{stems[result.student]}.results.json", data(result))
