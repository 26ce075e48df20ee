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
from ..errors import UnreadableInput, UsageError
from .checks import run_checks
from .grader import finish, prepare, warm_up
from .results import SubmissionResult
from .rubric import Rubric

SUFFIXES = (".md", ".markdown", ".tex", ".txt")
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
    """The files named, and the submissions inside the folders named, sorted."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.exists():
            found.add(path)
        else:
            raise UsageError(f"no such file or folder: {path}")
    return sorted(found)


def _read(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableInput(f"the file has {size} bytes, more than the {MAX_BYTES} a submission may have")
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableInput(f"not UTF-8 text: byte 0x{data[error.start]:02x} at offset {error.start}") from None


def _prepare_file(path: Path, rubric: Rubric):
    return prepare(_read(path), rubric)


def _prepare_chunk(paths: Sequence[Path], rubric: Rubric, budget: float | None) -> list[Outcome]:
    tasks = [functools.partial(_prepare_file, p, rubric) for p in paths]
    return run_budgeted(tasks, budget)


def _check_chunk(keys, config: CheckConfig) -> dict:
    return run_checks(list(keys), config)


def _chunks(items: Sequence, count: int) -> list[Sequence]:
    size = max(1, -(-len(items) // max(1, count)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _error_row(path: Path, outcome: Outcome) -> SubmissionResult:
    reason = "took longer than the time budget" if outcome.ending is Ending.TIMEOUT else str(outcome.value)
    return SubmissionResult(path.stem, str(path), error=reason)


def grade_batch(paths: Iterable[str | Path], rubric: Rubric, config: CheckConfig = CheckConfig(),
                executor: Executor | None = None, workers: int = 1,
                progress: Callable[[int], None] | None = None) -> list[SubmissionResult]:
    """Grade every submission under ``paths`` (files or folders); one result per file."""
    files = submission_paths(paths)
    executor = executor or SerialExecutor()
    start = time.perf_counter()
    warm_up(rubric)
    prepared = []
    chunks = _chunks(files, CHUNKS_PER_WORKER * workers)
    for chunk, outcomes in zip(chunks, executor.map(_prepare_chunk, chunks, [rubric] * len(chunks),
                                                     [config.budget] * len(chunks))):
        prepared.extend(zip(chunk, outcomes))
        if progress:
            progress(len(chunk))
    keys = list(dict.fromkeys(k for _, outcome in prepared if outcome.ok for d in outcome.value for k in d.keys))
    outcomes: dict = {}
    key_chunks = _chunks(keys, 2 * workers)
    for part in executor.map(_check_chunk, key_chunks, [config] * len(key_chunks)):
        outcomes.update(part)
    elapsed = (time.perf_counter() - start) / max(1, len(files))
    return [SubmissionResult(p.stem, str(p), finish(outcome.value, outcomes), seconds=elapsed) if outcome.ok
            else _error_row(p, outcome) for p, outcome in prepared]


def stderr_progress(total: int) -> Callable[[int], None] | None:
    """A tqdm bar on standard error when it is a terminal, else nothing."""
    if not sys.stderr.isatty() or os.environ.get("VERIFY_NO_PROGRESS"):
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, file=sys.stderr, unit="submission", leave=False)
    return bar.update
