"""Grade a class: files and folders, in parallel, each distinct step checked once.

Three phases: (1) every submission is read and its items located and parsed, in
chunks on the executor, each submission under the time budget in a forked worker
(so an unreadable, hostile or slow one becomes an error row and the batch goes on);
(2) the distinct step checks of the whole class are checked once, in chunks on the
executor; (3) points and feedback are put together here. Results come back in the
order of the sorted paths and depend only on the inputs and the seed.

The executor is anything shaped like ``concurrent.futures.Executor`` (``map``); the
CLI uses a ``ProcessPoolExecutor``. To grade on a cluster, hand over its executor,
e.g. with Dask distributed (not a dependency of this package)::

    from dask.distributed import Client
    client = Client("scheduler:8786")
    results = grade_batch(paths, rubric, executor=client.get_executor())
"""
from __future__ import annotations

import functools
import os
import sys
import time
from concurrent.futures import Executor
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..config import CheckConfig
from ..engine.budget import Ending, Outcome, run_budgeted
from ..errors import UnreadableInput
from .checks import run_checks
from .guard import LOG
from .grader import finish, prepare, warm_up
from .results import Failure, SubmissionResult
from .rubric import Rubric
from .submissions import SUFFIXES, Submission, collect

MAX_BYTES = 2_000_000
# Each chunk is read in one forked worker whose caches (parsed lines, chains, class
# comparisons) die with it: few chunks share most work; more than one per worker
# keeps the progress bar moving and the workers balanced.
CHUNKS_PER_WORKER = 2


class SerialExecutor(Executor):
    """Runs everything here, in order: ``--jobs 1`` and the tests."""

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        return map(fn, *iterables)


def submission_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Every file of every submission under ``paths``, in order (see ``submissions.collect``)."""
    return [f for s in collect(paths) for f in s.files]


def _read(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableInput(f"the file has {size} bytes, more than the {MAX_BYTES} a submission may have")
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableInput(f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}") from None


def read_submission(submission: Submission) -> str:
    """The submission's text: its files in order, one after the other."""
    if not submission.files:
        raise UnreadableInput(f"the folder holds no {'/'.join(SUFFIXES)} file to grade")
    return "\n\n".join(_read(path) for path in submission.files)


def _prepare_submission(submission: Submission, rubric: Rubric):
    try:
        return prepare(read_submission(submission), rubric)
    except OSError:
        raise UnreadableInput("the file could not be opened; check that it exists and is readable") from None
    # any other exception is the grader's fault: the budgeted runner ends the task ``CRASH`` and keeps
    # the exception's text for the log, and ``_error_row`` says so (it is not the student's file)


def _prepare_chunk(submissions: Sequence[Submission], rubric: Rubric, budget: float | None) -> list[Outcome]:
    tasks = [functools.partial(_prepare_submission, s, rubric) for s in submissions]
    return run_budgeted(tasks, budget)


def _check_chunk(keys, config: CheckConfig) -> dict:
    return run_checks(list(keys), config)


def _chunks(items: Sequence, count: int) -> list[Sequence]:
    size = max(1, -(-len(items) // max(1, count)))
    return [items[i:i + size] for i in range(0, len(items), size)]


GRADER_FAULT = ("the grader failed on this submission (a fault of the grader, not of the file; "
                "it is logged for the developers); mark it by hand")


def _error_row(submission: Submission, outcome: Outcome) -> SubmissionResult:
    """A submission that was not graded at all, with the reason for the TA and its typed kind."""
    if outcome.ending is Ending.TIMEOUT:
        failure, reason = Failure.TIMEOUT, "reading it took longer than the time budget; mark it by hand"
    elif outcome.ending is Ending.CRASH:
        LOG.warning("grading %s failed: %s", submission.path, outcome.detail)
        failure, reason = Failure.GRADER_FAULT, GRADER_FAULT
    else:
        failure = Failure.UNREADABLE
        reason = str(outcome.value or "the submission could not be read automatically; mark it by hand")
    return SubmissionResult(submission.student, submission.path, error=reason, failure=failure,
                            extra=_extra(submission))


def _extra(submission: Submission) -> dict:
    return {"submitters": [{"name": n, "id": i} for n, i in submission.submitters]} if submission.submitters else {}


def _finished(submission: Submission, drafts, outcomes: dict, seconds: float) -> SubmissionResult:
    try:
        items = finish(drafts, outcomes)
    except Exception:  # noqa: BLE001 - finish guards each item; this is the last line of defence
        LOG.warning("finishing %s failed", submission.path, exc_info=True)
        return SubmissionResult(submission.student, submission.path, extra=_extra(submission),
                                error=GRADER_FAULT, failure=Failure.GRADER_FAULT)
    return SubmissionResult(submission.student, submission.path, items, seconds=seconds, extra=_extra(submission))


def _map(executor: Executor, fn, chunks: Sequence, *shared):
    """``fn(chunk, *shared)`` for every chunk, in order, on the executor; if the executor breaks
    (a worker killed, a cluster gone), the chunks it did not return are done here, in order."""
    done = 0
    try:
        for value in executor.map(fn, chunks, *([item] * len(chunks) for item in shared)):
            done += 1
            yield value
    except Exception:  # noqa: BLE001 - BrokenProcessPool, a lost cluster: the class must still be graded
        LOG.warning("the executor failed after %d of %d chunks; grading the rest in this process", done, len(chunks))
        for chunk in chunks[done:]:
            yield fn(chunk, *shared)


def grade_batch(paths: Iterable[str | Path], rubric: Rubric, config: CheckConfig = CheckConfig(),
                executor: Executor | None = None, workers: int = 1,
                progress: Callable[[int], None] | None = None) -> list[SubmissionResult]:
    """Grade every submission under ``paths`` (files or class folders); one result per student."""
    files = collect(paths)
    executor = executor or SerialExecutor()
    start = time.perf_counter()
    warm_up(rubric)
    prepared = []
    chunks = _chunks(files, CHUNKS_PER_WORKER * workers)
    for chunk, outcomes in zip(chunks, _map(executor, _prepare_chunk, chunks, rubric, config.budget)):
        prepared.extend(zip(chunk, outcomes))
        if progress:
            progress(len(chunk))
    keys = list(dict.fromkeys(k for _, outcome in prepared if outcome.ok for d in outcome.value for k in d.keys))
    outcomes: dict = {}
    for part in _map(executor, _check_chunk, _chunks(keys, 2 * workers), config):
        outcomes.update(part)
    elapsed = (time.perf_counter() - start) / max(1, len(files))
    return [_finished(s, outcome.value, outcomes, elapsed) if outcome.ok else _error_row(s, outcome)
            for s, outcome in prepared]


def grade_single(paths: Sequence[str | Path], rubric: Rubric, config: CheckConfig = CheckConfig(),
                 student: str | None = None) -> SubmissionResult:
    """All files under ``paths`` as one student's submission (Gradescope's ``/autograder/submission``)."""
    files = tuple(dict.fromkeys(f for s in collect(paths) for f in s.files))
    first = Path(paths[0])
    submission = Submission(student or first.stem or "submission", files, first if first.is_dir() else None)
    prepared = _prepare_chunk([submission], rubric, config.budget)[0]
    if not prepared.ok:
        return _error_row(submission, prepared)
    keys = list(dict.fromkeys(k for d in prepared.value for k in d.keys))
    return _finished(submission, prepared.value, run_checks(keys, config), prepared.millis / 1000)


def stderr_progress(total: int) -> Callable[[int], None] | None:
    """A tqdm bar on standard error when it is a terminal, else nothing."""
    if not sys.stderr.isatty() or os.environ.get("VERIFY_NO_PROGRESS"):
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, file=sys.stderr, unit="submission", leave=False)
    return bar.update
