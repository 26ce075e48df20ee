"""Run sequences of checks under a per-check time budget, enforced from outside.

The checks run in worker processes. Inside ``worker_pool()`` (a command's whole run) they go,
pickled, to long-lived workers (``pool``); elsewhere, or when they cannot be pickled, each task
list gets a worker forked from this one (so it starts with SymPy already imported and the tasks
already in memory: nothing is pickled but the results). The parent waits for each result at
most ``budget`` seconds; past it the worker is killed, the check ends ``Ending.TIMEOUT``, and a
fresh worker takes the remaining checks. This holds in any thread, unlike ``signal.alarm``.

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
from . import transport
from .pool import READY, UNREADABLE
from .pool import current as current_pool
from .pool import worker_pool as _worker_pool

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
    """A forked worker's work: the tasks from ``first`` on, each outcome sent as it ends."""
    _limit_memory()
    gc.disable()  # a short-lived worker: collecting would only copy the parent's pages
    for task in tasks[first:]:
        conn.send(_timed(task))
    conn.close()


def run_inline(tasks: Sequence[Callable[[], T]]) -> list[Outcome]:
    """Run every task here, with no time limit (no fork available, or no budget asked)."""
    return [_timed(task) for task in tasks]


class _Forked:
    """A worker forked for one lane's remaining tasks, which it finds in its copy of our memory."""

    def __init__(self, tasks: Sequence[Callable], first: int):
        """Fork it (os.fork: daemon processes, e.g. a Dask worker's, may not start multiprocessing
        children, but may fork)."""
        from multiprocessing.connection import Connection

        gc.freeze()  # the parent's objects are shared with the worker, not copied by its collector
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: serve, then leave without running the parent's exit handlers
            code = 1
            try:
                os.close(read_end)
                _serve(tasks, first, Connection(write_end, readable=False))
                code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        self.pid, self.receiver = pid, Connection(read_end, writable=False)

    def end(self) -> int:
        """End the worker (killing it if it still runs); its exit status."""
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        _, status = os.waitpid(self.pid, 0)
        self.receiver.close()
        return os.waitstatus_to_exitcode(status)


@dataclass
class _Lane:
    """One task list being worked through by one worker at a time: a long-lived worker of the open
    ``worker_pool`` when the tasks could be pickled (``payload``), else a worker forked for it."""

    tasks: Sequence[Callable]
    outcomes: list = field(default_factory=list)
    pool: object = None  # the open pool.Pool, when the tasks go to its workers
    payload: bytes | None = None  # the tasks, pickled once for every worker that takes them
    worker: object = None  # a pool.Worker or a _Forked
    deadline: float = 0.0

    @property
    def done(self) -> bool:
        return len(self.outcomes) >= len(self.tasks)

    @property
    def receiver(self):
        return self.worker.receiver

    @property
    def pooled(self) -> bool:
        return self.payload is not None

    def start(self, budget: float) -> None:
        """Hand the remaining tasks to a worker; the first one's budget starts now."""
        first = len(self.outcomes)
        if self.pooled:
            self.worker = self.pool.take()
            self.worker.send(self.payload, first)
        else:
            self.worker = _Forked(self.tasks, first)
        self.deadline = time.monotonic() + budget

    def stop(self) -> int:
        """End the worker (killing it if it still runs); its exit status."""
        return self.pool.discard(self.worker) if self.pooled else self.worker.end()

    def receive(self, budget: float) -> None:
        """Take one message; on a dead worker, record the error and start a fresh one."""
        try:
            message = self.receiver.recv()
        except EOFError:
            self._restart(budget, lambda code: Outcome(Ending.ERROR, f"worker died (exit code {code})", 0.0))
            return
        self.deadline = time.monotonic() + budget
        if self.pooled:
            message = self._pooled_outcome(message, budget)
            if message is None:
                return
        self.outcomes.append(message)
        if self.done:
            self.pool.give_back(self.worker) if self.pooled else self.worker.end()

    def _pooled_outcome(self, message: tuple, budget: float) -> Outcome | None:
        """The outcome a pooled worker sent, or None for its word that it starts (or could not read the tasks:
        they are then forked for, as outside a pool)."""
        head, detail = message
        if head == UNREADABLE:
            self.pool.give_back(self.worker)
            self.payload = None
            self.start(budget)
            return None
        if head == READY:
            return None
        self.worker.served += 1
        self.worker.peak = detail
        return head

    def overrun(self, budget: float) -> None:
        self._restart(budget, lambda code: Outcome(Ending.TIMEOUT, None, budget * 1000))

    def _restart(self, budget: float, outcome: Callable[[int], Outcome]) -> None:
        """Stop the worker, record ``outcome(exit code)`` for the current task, go on with a new one."""
        self.outcomes.append(outcome(self.stop()))
        if not self.done:
            self.start(budget)


def _lane(tasks: Sequence[Callable]) -> _Lane:
    """A lane for ``tasks``: for the open pool's workers when they can be pickled, else forked for."""
    pool = current_pool()
    if pool is None or not tasks:
        return _Lane(tasks)
    try:
        return _Lane(tasks, pool=pool, payload=transport.dumps(list(tasks)))
    except Exception:  # noqa: BLE001 - a lambda, a local function, an expression too deep: fork for it
        return _Lane(tasks)


def worker_pool():
    """Keep long-lived workers for every budgeted run until this closes (``with worker_pool(): ...``):
    for a command's or a benchmark's whole run (see ``pool``)."""
    return _worker_pool(_timed, _limit_memory)


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
    try:
        while True:
            while not exhausted and sum(not lane.done for lane in lanes) < max(1, jobs):
                tasks = next(pending, None)
                if tasks is None:
                    exhausted = True
                    break
                lanes.append(_lane(tasks))
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
    finally:  # abandoned (the caller stopped reading, or an interrupt): no worker is left mid-lane
        for lane in lanes:
            if not lane.done and lane.worker is not None:
                lane.stop()


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
