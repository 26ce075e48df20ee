"""`verify list` and `verify run`: names, tables, JSON, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

import derivations
from verify.cli import main


def test_list_names_every_builtin_derivation(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in derivations.names())


def test_an_unknown_name_is_a_usage_error_listing_the_known_ones(capsys):
    assert main(["run", "elbow"]) == 2
    err = capsys.readouterr().err
    assert "Did you mean 'elbo'" in err and "bilinear-game" in err


def test_a_bad_option_value_exits_2():
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--budget", "-1"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("name", derivations.names())
def test_run_json_reports_every_check_with_its_fields(name, capsys):
    code = main(["run", name, "--json"])
    report = json.loads(capsys.readouterr().out)
    checks = report["derivations"][0]["checks"]
    assert checks, f"{name} has no checks"
    expected = {"index", "latex", "justification", "verdict", "reason", "counterexample", "milliseconds"}
    assert all(expected <= set(check) for check in checks)
    assert code == (0 if report["ok"] else 1)


def test_every_builtin_check_is_proved(capsys):
    assert main(["run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    not_proved = [(d["name"], c["index"], c["label"], c["reason"])
                  for d in report["derivations"] for c in d["checks"] if c["verdict"] != "proved"]
    assert not not_proved


def test_cross_checks_against_the_numpy_twins_are_consistent(capsys):
    main(["run", "--json"])
    report = json.loads(capsys.readouterr().out)
    for derivation in report["derivations"]:
        assert derivation["cross_checks"], f"{derivation['name']} has no numpy cross-check"
        assert all(c["verdict"] == "consistent" for c in derivation["cross_checks"])


def test_the_table_ends_with_a_summary_line(capsys):
    main(["run", "complexity"])
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("all ") and "proved" in last


def test_python_dash_m_verify_is_the_same_command():
    done = subprocess.run([sys.executable, "-m", "verify", "list"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "elbo" in done.stdout


def test_a_closed_pipe_is_not_a_traceback():
    command = f"{sys.executable} -m verify run | head -1"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and done.stdout.startswith("elbo")
