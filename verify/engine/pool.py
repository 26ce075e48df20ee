"""Long-lived workers for the length of one command: forked once, fed pickled task lists.

A freshly forked worker pays tens of milliseconds in page faults on its first check and
starts with cold caches; a worker kept for the whole command pays that once. Workers live
only inside ``worker_pool()`` (the CLI and the benchmarks open one around their run): a
worker is a copy of this process as it was when forked, so it cannot see what changes here
later (a test's monkeypatch, a module reloaded), and outside a pool every lane is forked
afresh, as before. The tasks travel pickled (``transport``), the results as ``Outcome``s.

The budget is enforced by the caller (``budget``): a worker that overruns is killed and
replaced. A worker is retired once it has grown past ``RETIRE_BYTES`` or served
``RETIRE_TASKS`` checks (caches only grow), and every worker is ended when the pool closes;
a worker whose parent died sees its task pipe close and exits.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterator

from . import transport

try:  # no such module off POSIX (and no fork there either)
    import resource
except ImportError:
    resource = None

RETIRE_BYTES = 1536 * 1024**2
RETIRE_TASKS = 2000
GRACE_SECONDS = 2.0  # how long a worker told to leave may take before it is killed
IDLE_WORKERS = 4  # at most this many kept between lanes (more are retired when released)

READY = "ready"  # the worker has read a task list and starts on it
UNREADABLE = "unreadable"  # the worker could not unpickle a task list (the caller runs it another way)


def _peak_bytes() -> int:
    if resource is None:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, kilobytes on Linux


@dataclass
class Worker:
    """One long-lived worker: its process id and its two pipe ends here."""

    pid: int
    sender: object  # Connection: task lists go out
    receiver: object  # Connection: readiness, outcomes come back
    served: int = 0
    peak: int = 0

    def send(self, payload: bytes, first: int) -> None:
        self.sender.send_bytes(first.to_bytes(8, "little") + payload)

    def end(self, kill: bool, grace: float = 0.0) -> int:
        """End the worker: killed, or told to leave by closing its pipe and killed if it has not
        left within ``grace`` seconds (a process forked from us may still hold that pipe open)."""
        self.sender.close()
        deadline = time.monotonic() + grace
        while not kill and time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.receiver.close()
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self.receiver.close()
        return os.waitstatus_to_exitcode(status)


def _serve(tasks_in, results_out, timed: Callable, prepare: Callable[[], None]) -> None:
    """The worker's loop: read a task list, run it from its first unfinished task, send each outcome."""
    prepare()
    while True:
        try:
            message = tasks_in.recv_bytes()
        except EOFError:
            return
        first = int.from_bytes(message[:8], "little")
        try:
            tasks = transport.loads(message[8:])
        except Exception as exc:  # noqa: BLE001 - a task list we sent but cannot read: run it another way
            results_out.send((UNREADABLE, f"{type(exc).__name__}: {exc}"))
            continue
        results_out.send((READY, None))
        for task in tasks[first:]:
            results_out.send((timed(task), _peak_bytes()))
        del tasks


class Pool:
    """The idle workers of this process (``owner``), shared by every caller under one lock."""

    def __init__(self, timed: Callable, prepare: Callable[[], None]):
        self.owner = os.getpid()
        self._timed, self._prepare = timed, prepare
        self._idle: list[Worker] = []
        self._all: list[Worker] = []
        self._lock = threading.Lock()

    def take(self) -> Worker:
        """An idle worker, or a new one forked now."""
        with self._lock:
            if self._idle:
                return self._idle.pop()
            worker = self._fork()
            self._all.append(worker)
            return worker

    def give_back(self, worker: Worker) -> None:
        """A worker done with its task list: kept for the next, or retired when it has grown."""
        with self._lock:
            keep = (worker.served < RETIRE_TASKS and worker.peak < RETIRE_BYTES
                    and len(self._idle) < IDLE_WORKERS)
            if keep:
                self._idle.append(worker)
                return
        self.discard(worker)

    def discard(self, worker: Worker, kill: bool = True) -> int:
        """End a worker (killed at its budget, dead, or retired); its exit status."""
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        return worker.end(kill)

    def close(self) -> None:
        """End every worker: idle ones are told to leave, busy ones (another thread's) are killed."""
        with self._lock:
            idle, busy = list(self._idle), [w for w in self._all if w not in self._idle]
            self._idle.clear()
            self._all.clear()
        for worker in idle:
            worker.end(kill=False, grace=GRACE_SECONDS)
        for worker in busy:
            worker.end(kill=True)

    def _fork(self) -> Worker:
        import gc
        from multiprocessing.connection import Connection

        gc.freeze()  # the parent's objects are shared with the worker, not copied by its collector
        tasks_read, tasks_write = os.pipe()
        results_read, results_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: close every other worker's pipes, serve, leave without exit handlers
            code = 1
            try:
                os.close(tasks_write), os.close(results_read)
                for other in self._all:
                    other.sender.close(), other.receiver.close()
                _serve(Connection(tasks_read, writable=False), Connection(results_write, readable=False),
                       self._timed, self._prepare)
                code = 0
            finally:
                os._exit(code)
        os.close(tasks_read), os.close(results_write)
        return Worker(pid, Connection(tasks_write, readable=False), Connection(results_read, writable=False))


_POOL: Pool | None = None
_DEPTH = 0
_GUARD = threading.Lock()


def current() -> Pool | None:
    """The pool open in this process, or None (none open, or one inherited from a parent by a fork)."""
    pool = _POOL
    return pool if pool is not None and pool.owner == os.getpid() else None


@contextlib.contextmanager
def worker_pool(timed: Callable, prepare: Callable[[], None]) -> Iterator[Pool]:
    """Keep workers alive until the outermost ``worker_pool`` closes (nested ones share it)."""
    global _POOL, _DEPTH
    with _GUARD:
        if current() is None:
            _POOL, _DEPTH = Pool(timed, prepare), 0
        _DEPTH += 1
        pool = _POOL
    try:
        yield pool
    finally:
        with _GUARD:
            _DEPTH -= 1
            last = _DEPTH == 0
            if last:
                _POOL = None
        if last:
            pool.close()
