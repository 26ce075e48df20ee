"""``verify check`` and ``verify run`` on a terminal: maths as a person writes it; JSON with both forms."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from verify.cli import main

SQUARE = "$$(a - b)^2 = a^2 - b^2$$\n"


@pytest.fixture
def square(tmp_path) -> Path:
    path = tmp_path / "square.md"
    path.write_text(SQUARE, encoding="utf-8")
    return path


def test_the_residual_is_printed_as_maths_in_unicode(square, capsys, monkeypatch):
    monkeypatch.delenv("VERIFY_ASCII", raising=False)
    monkeypatch.setattr("verify.report.unicode_wanted", lambda stream=None: True)
    main(["check", str(square)])
    out = capsys.readouterr().out
    assert "residual (left − right): −2ab + 2b²" in out and "**" not in out


def test_ascii_is_asked_for_with_a_flag(square, capsys):
    main(["check", str(square), "--ascii"])
    out = capsys.readouterr().out
    assert "residual (left - right): -2 a b + 2 b^2" in out and out.isascii()


def test_the_counterexample_says_which_side_is_which(square, capsys):
    main(["check", str(square), "--ascii"])
    out = capsys.readouterr().out
    assert "the line before, (a - b)^2, is" in out and "this line, a^2 - b^2, is" in out


def test_a_step_is_shown_as_written(square, capsys):
    main(["check", str(square), "--ascii"])
    assert "= a^2 - b^2" in capsys.readouterr().out


def test_json_gives_the_written_and_the_canonical_form_of_each_step(square, capsys):
    main(["check", str(square), "--json"])
    step = json.loads(capsys.readouterr().out)["derivations"][0]["checks"][0]
    assert step["written"] == "= a^2 - b^2"
    assert step["canonical"] == {"latex": "a^{2} - b^{2}", "text": "a^2 - b^2", "relation": "="}
    assert step["residual_form"]["text"] == "-2 a b + 2 b^2" and "this line" in step["counterexample_text"]


def test_run_prints_builtin_claims_as_statements_in_maths(capsys):
    main(["run", "bilinear-game", "--ascii"])
    out = capsys.readouterr().out
    assert "The eigenvalues of [[0, 1], [1, 0]]" in out and "**" not in out



@pytest.mark.parametrize("text, shown", [
    (r"ratios $= \sqrt{1 + \eta^2}$", "ratios = sqrt(eta^2 + 1)"),
    (r"from $(1, 1)$, $\eta = 1$", "from (1, 1), eta = 1"),
    (r"$a \le b$", "a <= b"),
])
def test_an_authors_formulas_in_prose_are_plain_maths_relations_included(text, shown):
    from verify.report import authored_plain

    assert authored_plain(text, unicode=False) == shown
