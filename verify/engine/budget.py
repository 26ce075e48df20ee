"""Run sequences of checks under a per-check time budget, enforced from outside.

The checks run in worker processes forked from this one (so they start with SymPy
already imported and the tasks already in memory: nothing is pickled but the
results). The parent waits for each result at most ``budget`` seconds; past it the
worker is killed, the check is reported as ``timeout``, and a fresh worker is
forked for the remaining checks. This holds in any thread, unlike ``signal.alarm``.

Several task lists ("lanes", e.g. one per derivation) run side by side on up to
``jobs`` workers; the next lane is only pulled from its iterator when a worker is
free, so building the next derivation overlaps with checking the current ones.
"""
from __future__ import annotations

import gc
import os
import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")
Outcome = tuple[str, object, float]  # ("ok" | "error" | "timeout", value or message, milliseconds)

MEMORY_LIMIT_BYTES = 8 * 1024**3


def _can_fork() -> bool:
    import multiprocessing  # only once a worker may be needed: it costs ~20 ms to import

    return "fork" in multiprocessing.get_all_start_methods()


def _timed(task: Callable[[], T]) -> Outcome:
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
    gc.disable()  # a short-lived worker: collecting would only copy the parent's pages
    for task in tasks[first:]:
        conn.send(_timed(task))
    conn.close()


def run_inline(tasks: Sequence[Callable[[], T]]) -> list[Outcome]:
    """Run every task here, with no time limit (no fork available, or no budget asked)."""
    return [_timed(task) for task in tasks]


@dataclass
class _Lane:
    """One task list being worked through by one worker at a time."""

    tasks: Sequence[Callable]
    outcomes: list = field(default_factory=list)
    worker: object = None
    receiver: object = None
    deadline: float = 0.0

    @property
    def done(self) -> bool:
        return len(self.outcomes) >= len(self.tasks)

    def start(self, budget: float) -> None:
        import multiprocessing

        gc.freeze()  # the parent's objects are shared with the worker, not copied by its collector
        context = multiprocessing.get_context("fork")
        self.receiver, sender = context.Pipe(duplex=False)
        self.worker = context.Process(target=_serve, args=(self.tasks, len(self.outcomes), sender), daemon=True)
        self.worker.start()
        sender.close()
        self.deadline = time.monotonic() + budget

    def stop(self) -> None:
        if self.worker.is_alive():
            self.worker.kill()
        self.worker.join()
        self.receiver.close()

    def receive(self, budget: float) -> None:
        """Take one result; on a dead worker, record the error and fork a fresh one."""
        try:
            self.outcomes.append(self.receiver.recv())
            self.deadline = time.monotonic() + budget
            if self.done:
                self.stop()
            return
        except EOFError:
            self.outcomes.append(("error", f"worker died (exit code {self.worker.exitcode})", 0.0))
        self._restart(budget)

    def overrun(self, budget: float) -> None:
        self.outcomes.append(("timeout", None, budget * 1000))
        self._restart(budget)

    def _restart(self, budget: float) -> None:
        self.stop()
        if not self.done:
            self.start(budget)


def run_lanes(task_lists: Iterable[Sequence[Callable[[], T]]], budget: float | None,
              jobs: int = 2) -> Iterator[list[Outcome]]:
    """Outcomes of each task list, in order, computed by up to ``jobs`` workers at once."""
    if budget is None or not _can_fork():
        for tasks in task_lists:
            yield run_inline(tasks)
        return
    pending = iter(task_lists)
    lanes: list[_Lane] = []
    exhausted = False
    while True:
        while not exhausted and sum(not lane.done for lane in lanes) < max(1, jobs):
            tasks = next(pending, None)
            if tasks is None:
                exhausted = True
                break
            lanes.append(_Lane(tasks))
            if tasks:
                lanes[-1].start(budget)
        while lanes and lanes[0].done:
            yield lanes.pop(0).outcomes
        active = [lane for lane in lanes if not lane.done]
        if not active:
            if exhausted:
                return
            continue
        _step(active, budget)


def _step(active: list[_Lane], budget: float) -> None:
    """Wait for the next result of any active lane, or for the first deadline to pass."""
    from multiprocessing.connection import wait

    timeout = max(0.0, min(lane.deadline for lane in active) - time.monotonic())
    ready = wait([lane.receiver for lane in active], timeout)
    for lane in active:
        if lane.receiver in ready:
            lane.receive(budget)
        elif time.monotonic() >= lane.deadline:
            lane.overrun(budget)


def run_budgeted(tasks: Sequence[Callable[[], T]], budget: float | None) -> list[Outcome]:
    """Run ``tasks`` in order, each under ``budget`` seconds; outcomes as in ``run_lanes``."""
    return next(run_lanes([tasks], budget, jobs=1))
