"""Run sequences of checks under a per-check time budget, enforced from outside.

The checks run in worker processes forked from this one (so they start with SymPy
already imported and the tasks already in memory: nothing is pickled but the
results). The parent waits for each result at most ``budget`` seconds; past it the
worker is killed, the check ends ``Ending.TIMEOUT``, and a fresh worker is
forked for the remaining checks. This holds in any thread, unlike ``signal.alarm``.

Several task lists ("lanes", e.g. one per derivation) run side by side on up to
``jobs`` workers; the next lane is only pulled from its iterator when a worker is
free, so building the next derivation overlaps with checking the current ones.
"""
from __future__ import annotations

import gc
import os
import signal
import time
import traceback
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from ..errors import VerifyError

try:  # imported here, in the parent: a module first imported in a worker is imported again by every worker
    import resource
except ImportError:  # no such module off POSIX: workers run without a memory limit
    resource = None

T = TypeVar("T")


class Ending(Enum):
    """How a task ended: with its result, with an error, or killed at the budget."""

    OK = "ok"
    ERROR = "error"  # the task refused with a reason of our own (a VerifyError, a limit, memory)
    CRASH = "crash"  # the task raised an unexpected exception: a bug of ours, never the user's words
    TIMEOUT = "timeout"


@dataclass(frozen=True)
class Outcome:
    """One task's ending: ``value`` is the task's result when ``OK``, a message a person can read
    when ``ERROR`` or ``CRASH``, None on ``TIMEOUT``; ``millis`` is how long it ran; ``detail`` keeps
    a crash's exception text for debugging (never shown as a verdict's reason)."""

    ending: Ending
    value: object
    millis: float
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.ending is Ending.OK


MEMORY_LIMIT_BYTES = 8 * 1024**3
CRASH_MESSAGE = ("the checker met a construct it does not handle here and could not decide this step "
                 "(an internal error; run with VERIFY_DEBUG=1 to see it)")


def _can_fork() -> bool:
    return hasattr(os, "fork")


def _millis_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _timed(task: Callable[[], T]) -> Outcome:
    start = time.perf_counter()
    try:
        return Outcome(Ending.OK, task(), _millis_since(start))
    except MemoryError:
        message = "out of memory"
    except RecursionError:
        message = "expression nested too deeply"
    except VerifyError as exc:  # our own errors speak for themselves
        message = str(exc)
    except Exception as exc:  # reported as a verdict, never swallowed, never as Python's words
        if os.environ.get("VERIFY_DEBUG"):
            traceback.print_exc()
        return Outcome(Ending.CRASH, CRASH_MESSAGE, _millis_since(start), f"{type(exc).__name__}: {exc}".strip())
    return Outcome(Ending.ERROR, message, _millis_since(start))


def _limit_memory() -> None:
    if resource is None:
        return
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    except (ValueError, OSError):
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
    worker: int = 0  # the worker's process id
    receiver: object = None
    deadline: float = 0.0

    @property
    def done(self) -> bool:
        return len(self.outcomes) >= len(self.tasks)

    def start(self, budget: float) -> None:
        """Fork a worker for the remaining tasks (os.fork: daemon processes, e.g. a Dask
        worker's, may not start multiprocessing children, but may fork)."""
        from multiprocessing.connection import Connection

        gc.freeze()  # the parent's objects are shared with the worker, not copied by its collector
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: serve, then leave without running the parent's exit handlers
            code = 1
            try:
                os.close(read_end)
                _serve(self.tasks, len(self.outcomes), Connection(write_end, readable=False))
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.worker, self.receiver = pid, Connection(read_end, writable=False)
        self.deadline = time.monotonic() + budget

    def stop(self) -> int:
        """End the worker (killing it if it still runs); its exit status."""
        try:
            os.kill(self.worker, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(self.worker, 0)
        self.receiver.close()
        return os.waitstatus_to_exitcode(status)

    def receive(self, budget: float) -> None:
        """Take one result; on a dead worker, record the error and fork a fresh one."""
        try:
            self.outcomes.append(self.receiver.recv())
        except EOFError:
            self._restart(budget, lambda code: Outcome(Ending.ERROR, f"worker died (exit code {code})", 0.0))
            return
        self.deadline = time.monotonic() + budget
        if self.done:
            self.stop()

    def overrun(self, budget: float) -> None:
        self._restart(budget, lambda code: Outcome(Ending.TIMEOUT, None, budget * 1000))

    def _restart(self, budget: float, outcome: Callable[[int], Outcome]) -> None:
        """Stop the worker, record ``outcome(exit code)`` for the current task, go on with a new one."""
        self.outcomes.append(outcome(self.stop()))
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
