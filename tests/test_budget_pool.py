"""Inside ``worker_pool()`` the checks go to long-lived workers, under the same budget as forked ones."""
from __future__ import annotations

import functools
import os
import threading
import time

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import atoms
from verify.engine import pool, transport
from verify.engine.budget import Ending, Outcome, run_budgeted, run_lanes, worker_pool
from verify.errors import VerifyError


def _sleep_long():
    time.sleep(30)


def _pid():
    return os.getpid()


def _value(x):
    return x


def _fail():
    raise ValueError("bad input")


def _refuse():
    raise VerifyError("too big to check")


def _die():
    os._exit(3)


def _srepr(expr):
    return sympy.srepr(expr)


def test_results_come_back_in_order():
    with worker_pool():
        outcomes = run_budgeted([functools.partial(_value, k) for k in (1, 2, 3)], 5.0)
    assert [outcome.value for outcome in outcomes] == [1, 2, 3]


def test_one_worker_serves_several_runs():
    with worker_pool():
        first = run_budgeted([_pid], 5.0)[0].value
        second = run_budgeted([_pid], 5.0)[0].value
    assert first == second != os.getpid()


def test_an_overrun_is_reported_and_the_rest_still_run():
    with worker_pool():
        outcomes = run_budgeted([functools.partial(_value, "a"), _sleep_long, functools.partial(_value, "c")], 0.5)
    assert [outcome.ending for outcome in outcomes] == [Ending.OK, Ending.TIMEOUT, Ending.OK]
    assert outcomes[2].value == "c"


def test_a_timed_out_outcome_carries_the_budget_as_its_time():
    with worker_pool():
        assert run_budgeted([_sleep_long], 0.3)[0] == Outcome(Ending.TIMEOUT, None, 300.0)


def test_a_worker_killed_at_its_budget_is_replaced_for_the_next_run():
    with worker_pool():
        before = run_budgeted([_pid], 5.0)[0].value
        run_budgeted([_sleep_long], 0.3)
        run_budgeted([_pid], 5.0)
    assert before != os.getpid()


def test_errors_and_crashes_keep_their_kinds():
    with worker_pool():
        crash, refusal = run_budgeted([_fail, _refuse], 5.0)
    assert (crash.ending, crash.detail) == (Ending.CRASH, "ValueError: bad input")
    assert (refusal.ending, refusal.value) == (Ending.ERROR, "too big to check")


def test_a_worker_that_dies_is_reported_and_replaced():
    with worker_pool():
        outcomes = run_budgeted([_die, functools.partial(_value, "after")], 5.0)
    assert (outcomes[0].ending, outcomes[0].value) == (Ending.ERROR, "worker died (exit code 3)")
    assert (outcomes[1].ending, outcomes[1].value) == (Ending.OK, "after")


def test_tasks_that_cannot_be_pickled_run_in_a_forked_worker():
    with worker_pool():
        assert run_budgeted([lambda: "from a lambda"], 5.0)[0].value == "from a lambda"


def test_lanes_run_side_by_side_in_order():
    with worker_pool():
        lanes = list(run_lanes([[functools.partial(_value, (i, j)) for j in range(3)] for i in range(4)], 5.0, jobs=2))
    assert [[o.value for o in lane] for lane in lanes] == [[(i, j) for j in range(3)] for i in range(4)]


def test_closing_the_pool_ends_its_workers():
    with worker_pool():
        worker = run_budgeted([_pid], 5.0)[0].value
    assert pool.current() is None and _exited(worker)


def test_nested_pools_share_their_workers():
    with worker_pool():
        with worker_pool():
            inner = run_budgeted([_pid], 5.0)[0].value
        outer = run_budgeted([_pid], 5.0)[0].value
    assert inner == outer


def test_a_worker_past_its_task_limit_is_retired(monkeypatch):
    monkeypatch.setattr(pool, "RETIRE_TASKS", 1)
    with worker_pool():
        first = run_budgeted([_pid], 5.0)[0].value
        second = run_budgeted([_pid], 5.0)[0].value
    assert first != second


def test_the_budget_holds_off_the_main_thread():
    outcomes = []
    with worker_pool():
        thread = threading.Thread(target=lambda: outcomes.extend(run_budgeted([_sleep_long], 0.3)))
        thread.start()
        thread.join(timeout=15)
    assert not thread.is_alive() and outcomes[0].ending is Ending.TIMEOUT


def test_an_unevaluated_expression_reaches_the_worker_as_built():
    x = sympy.Symbol("x", positive=True)
    written = sympy.Add(x, sympy.Mul(2, sympy.Pow(x, 1, evaluate=False), evaluate=False), x, evaluate=False)
    with worker_pool():
        assert run_budgeted([functools.partial(_srepr, written)], 5.0)[0].value == sympy.srepr(written)


def _built(children):
    """Sums, products and powers, evaluated or left as written."""
    flag = st.booleans()
    pair = st.tuples(children, children, flag)
    return (pair.map(lambda abe: sympy.Add(abe[0], abe[1], evaluate=abe[2]))
            | pair.map(lambda abe: sympy.Mul(abe[0], abe[1], evaluate=abe[2]))
            | st.tuples(children, st.integers(-2, 3), flag).map(lambda be: sympy.Pow(be[0], be[1], evaluate=be[2]))
            | children.map(lambda a: sympy.log(a, evaluate=False)))


@settings(max_examples=80, deadline=None)
@given(st.recursive(atoms, _built, max_leaves=8))
def test_transport_keeps_every_expression_exactly(expr):
    back = transport.loads(transport.dumps(expr))
    assert sympy.srepr(back) == sympy.srepr(expr) and back == expr and hash(back) == hash(expr)


def _exited(pid: int) -> bool:
    """No such process, or one that has exited and waits to be reaped (a zombie: no init reaps it in
    some containers)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


def _gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _exited(pid):
            return True
        time.sleep(0.05)
    return False


def test_a_worker_whose_parent_died_leaves():
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def parent():
        with worker_pool():
            sender.send(run_budgeted([_pid], 5.0)[0].value)
            os._exit(0)  # dies with its pool open: no clean-up runs

    process = context.Process(target=parent)
    process.start()
    assert receiver.poll(30)
    worker = receiver.recv()
    process.join()
    assert _gone(worker, 10)  # its task pipe closed with the parent


def test_a_run_abandoned_midway_leaves_no_worker_busy():
    with worker_pool() as open_pool:
        lanes = run_lanes([[_pid], [_sleep_long]], 30.0, jobs=2)
        next(lanes)
        lanes.close()
        assert open_pool._all == open_pool._idle  # the sleeping worker was ended, the other is idle
