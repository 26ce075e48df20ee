"""The time budget is enforced from outside the computation, in any thread."""
from __future__ import annotations

import threading
import time

from verify.engine.budget import Ending, Outcome, run_budgeted
from verify.errors import VerifyError


def _sleep_long():
    time.sleep(30)


def _fail():
    raise ValueError("bad input")


def _refuse():
    raise VerifyError("too big to check")


def test_results_come_back_in_order():
    assert [outcome.value for outcome in run_budgeted([lambda: 1, lambda: 2, lambda: 3], 5.0)] == [1, 2, 3]


def test_an_overrun_is_reported_and_the_rest_still_run():
    start = time.perf_counter()
    outcomes = run_budgeted([lambda: "a", _sleep_long, lambda: "c"], 0.5)
    assert [outcome.ending for outcome in outcomes] == [Ending.OK, Ending.TIMEOUT, Ending.OK]
    assert outcomes[2].value == "c"
    assert time.perf_counter() - start < 10


def test_an_unexpected_exception_is_a_crash_whose_message_is_no_python_text():
    outcome = run_budgeted([_fail], 5.0)[0]
    assert outcome.ending is Ending.CRASH and "Error" not in outcome.value and "bad input" not in outcome.value


def test_a_crash_keeps_the_exception_for_debugging():
    outcome = run_budgeted([_fail], 5.0)[0]
    assert outcome.detail == "ValueError: bad input"


def test_our_own_refusal_is_an_error_outcome_with_its_words():
    outcome = run_budgeted([_refuse], 5.0)[0]
    assert outcome.ending is Ending.ERROR and outcome.value == "too big to check"


def test_the_budget_holds_off_the_main_thread():
    outcomes = []
    thread = threading.Thread(target=lambda: outcomes.extend(run_budgeted([_sleep_long], 0.3)))
    thread.start()
    thread.join(timeout=15)
    assert not thread.is_alive() and outcomes[0].ending is Ending.TIMEOUT


def test_no_budget_runs_inline():
    assert run_budgeted([lambda: threading.get_ident()], None)[0].value == threading.get_ident()


def _die():
    import os

    os._exit(3)


def test_a_worker_that_dies_is_reported_and_replaced():
    outcomes = run_budgeted([_die, lambda: "after"], 5.0)
    assert (outcomes[0].ending, outcomes[0].value) == (Ending.ERROR, "worker died (exit code 3)")
    assert (outcomes[1].ending, outcomes[1].value) == (Ending.OK, "after")


def test_a_daemon_process_can_still_run_budgeted_checks():
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    daemon = context.Process(target=lambda: sender.send(run_budgeted([lambda: 7], 5.0)[0].value), daemon=True)
    daemon.start()
    assert receiver.poll(30) and receiver.recv() == 7
    daemon.join()


def test_a_timed_out_outcome_carries_the_budget_as_its_time():
    outcome = run_budgeted([_sleep_long], 0.3)[0]
    assert outcome == Outcome(Ending.TIMEOUT, None, 300.0) and not outcome.ok
