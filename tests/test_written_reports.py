"""``verify check`` shows each step as written, beside its canonical form, and where a cancelling step holds."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.cli import main

CANCEL = "$$x \\cdot \\frac{q}{q} = x$$\n"


@pytest.fixture
def cancel(tmp_path) -> Path:
    path = tmp_path / "cancel.md"
    path.write_text(CANCEL, encoding="utf-8")
    return path


def _json(path: Path, capsys) -> dict:
    main(["check", "--json", str(path)])
    return json.loads(capsys.readouterr().out)


def test_the_json_of_a_step_gives_its_written_and_its_canonical_form(cancel, capsys):
    step = _json(cancel, capsys)["derivations"][0]["checks"][0]
    assert step["written"] == "= x" and step["written_form"]["text"] == "x"
    assert step["canonical"] == {"latex": "x", "text": "x", "relation": "="}


def test_the_json_of_a_chain_gives_its_start_as_written_and_as_read(cancel, capsys):
    start = _json(cancel, capsys)["chains"][0]["start"]
    assert start["written"] == "x \\cdot \\frac{q}{q}"
    assert start["written_form"]["latex"] == "x \\frac{q}{q}" and start["canonical"]["text"] == "x"


def test_the_json_names_the_factor_a_cancelling_step_needs_nonzero(cancel, capsys):
    step = _json(cancel, capsys)["derivations"][0]["checks"][0]
    assert step["tier"] == "canonical" and step["nonzero"] == [{"latex": "q", "text": "q"}]


def test_a_restatement_needs_no_factor_nonzero(tmp_path, capsys):
    path = tmp_path / "same.md"
    path.write_text("$$a + b = a + b$$\n", encoding="utf-8")
    step = _json(path, capsys)["derivations"][0]["checks"][0]
    assert step["tier"] == "identical" and step["nonzero"] == []


def test_the_terminal_says_where_a_cancelling_step_holds(cancel, capsys):
    main(["check", "--ascii", str(cancel)])
    out = capsys.readouterr().out
    assert "where: q != 0" in out and "(identical)" not in out


def test_the_terminal_marks_a_restatement_identical(tmp_path, capsys):
    path = tmp_path / "same.md"
    path.write_text("$$a + b = a + b$$\n", encoding="utf-8")
    main(["check", "--ascii", str(path)])
    out = capsys.readouterr().out
    assert "proved (identical)" in out and "where:" not in out
