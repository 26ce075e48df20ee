"""Run a sequence of checks under a per-check time budget, enforced from outside.

The checks run in a worker process forked from this one (so it starts with SymPy
already imported and the tasks already in memory: nothing is pickled but the
results). The parent waits for each result at most ``budget`` seconds; past it the
worker is killed, the check is reported by ``on_timeout``, and a fresh worker is
forked for the remaining checks. This holds in any thread, unlike ``signal.alarm``.
"""
from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

MEMORY_LIMIT_BYTES = 8 * 1024**3


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _timed(task: Callable[[], T]) -> tuple[str, object, float]:
    start = time.perf_counter()
    try:
        outcome: tuple[str, object] = ("ok", task())
    except MemoryError:
        outcome = ("error", "out of memory")
    except RecursionError:
        outcome = ("error", "expression nested too deeply")
    except Exception as exc:  # reported as a verdict, never swallowed
        outcome = ("error", f"{type(exc).__name__}: {exc}".strip())
        if os.environ.get("VERIFY_DEBUG"):
            traceback.print_exc()
    return outcome[0], outcome[1], (time.perf_counter() - start) * 1000


def _limit_memory() -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ImportError, ValueError, OSError):
        pass


def _serve(tasks: Sequence[Callable[[], T]], first: int, conn) -> None:
    _limit_memory()
    for task in tasks[first:]:
        conn.send(_timed(task))
    conn.close()


def run_inline(tasks: Sequence[Callable[[], T]]) -> list[tuple[str, object, float]]:
    """Run every task here, with no time limit (no fork available, or no budget asked)."""
    return [_timed(task) for task in tasks]


def run_budgeted(tasks: Sequence[Callable[[], T]], budget: float | None) -> list[tuple[str, object, float]]:
    """Run ``tasks`` in order; each outcome is ``(status, value, millis)``.

    ``status`` is ``"ok"`` (value is the task's result), ``"error"`` (value is a message)
    or ``"timeout"`` (value is None).
    """
    if budget is None or not _can_fork() or not tasks:
        return run_inline(tasks)
    context = multiprocessing.get_context("fork")
    outcomes: list[tuple[str, object, float]] = []
    while len(outcomes) < len(tasks):
        receiver, sender = context.Pipe(duplex=False)
        worker = context.Process(target=_serve, args=(tasks, len(outcomes), sender), daemon=True)
        worker.start()
        sender.close()
        _collect(receiver, worker, budget, outcomes, len(tasks))
        receiver.close()
    return outcomes


def _collect(receiver, worker, budget: float, outcomes: list, total: int) -> None:
    """Read results until the worker finishes, dies or overruns; then stop it."""
    try:
        while len(outcomes) < total:
            if not receiver.poll(budget):
                outcomes.append(("timeout", None, budget * 1000))
                return
            try:
                outcomes.append(receiver.recv())
            except EOFError:
                outcomes.append(("error", f"worker died (exit code {worker.exitcode})", 0.0))
                return
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
