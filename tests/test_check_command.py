"""``verify check FILE``: verdicts per step, first failure, residual, counterexample, exit codes."""
import io
import json
import sys
from pathlib import Path

import pytest

from verify.cli import main

SAMPLES = Path(__file__).parent / "samples"
SUBMISSION = Path(__file__).parents[2] / "shared" / "examples" / "assignment5_submission.md"


def run_json(path, capsys):
    code = main(["check", str(path), "--json", "--samples", "3"])
    return code, json.loads(capsys.readouterr().out)


def test_correct_derivation_passes(capsys):
    code, report = run_json(SAMPLES / "elbo_correct.md", capsys)
    assert code == 0 and report["ok"] and report["summary"]["refuted"] == 0


def test_broken_derivation_names_the_first_failing_step(capsys):
    code, report = run_json(SAMPLES / "elbo_broken.md", capsys)
    assert code == 1 and report["chains"][0]["first_failure"] == 3


def test_refuted_step_has_residual_and_counterexample(capsys):
    _, report = run_json(SAMPLES / "algebra_aligned.tex", capsys)
    refuted = [c for c in report["derivations"][0]["checks"] if c["verdict"] == "refuted"]
    assert refuted and refuted[0]["residual"] not in (None, "0") and refuted[0]["counterexample"]["assignment"]


def test_text_output_shows_the_first_failure(capsys):
    assert main(["check", str(SAMPLES / "gda_fenced.md")]) == 1
    assert "first failing step: 2 (refuted)" in capsys.readouterr().out


def test_standard_input_is_read(capsys, monkeypatch):
    text = "$$(x+1)^2 = x^2 + 2x + 1$$\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["check", "-"]) == 0


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe not utf-8 \x80", "not UTF-8"),
    (b"   \n", "is empty"),
    (b"# Notes\nNo mathematics here, only $x$ inline.\n", "holds no derivation"),
])
def test_unreadable_files_exit_2_with_a_clear_message(tmp_path, capsys, content, message):
    path = tmp_path / "answer.md"
    path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.md")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_submission_elbo_chain_sign_error_and_dropped_term_are_refuted(capsys):
    if not SUBMISSION.exists():
        pytest.skip("../shared is absent")
    code, report = run_json(SUBMISSION, capsys)
    checks = report["derivations"][0]["checks"]
    verdicts = {c["index"]: c for c in checks}
    assert code == 1 and len(checks) == 7
    assert verdicts[3]["verdict"] == "refuted" and "log(p(x))" in verdicts[3]["residual"]
    assert verdicts[5]["verdict"] == "refuted" and verdicts[5]["counterexample"] is not None
    assert all(verdicts[i]["verdict"] == "proved" for i in (1, 2, 4, 6, 7))


def test_a_false_restated_step_is_refuted_as_written(tmp_path, capsys):
    path = tmp_path / "answer.md"
    path.write_text("$$x \\le x + 1$$\n\n$$x = x + 1$$\n\n$$x \\ge x + 1$$\n")
    code, report = run_json(path, capsys)
    assert code == 1 and [c["first_failure"] for c in report["chains"]] == [None, 1, 1]


def test_the_header_says_what_was_assumed(tmp_path, capsys):
    path = tmp_path / "answer.md"
    path.write_text("$$\\sum_{i=1}^{m} 1 = m$$\n")
    main(["check", str(path)])
    assert "assumed: m positive integer (upper bounds of sums)" in capsys.readouterr().out.splitlines()[1]


def test_a_lone_definition_is_reported_as_a_definition(tmp_path, capsys):
    path = tmp_path / "definition.md"
    path.write_text("Let $$y = x^2 + 1$$ Then $$y - 1 = x^2$$\n", encoding="utf-8")
    main(["check", str(path)])
    assert "definition: y = x^2 + 1" in capsys.readouterr().out


def _text_output(tmp_path, capsys, text: str) -> str:
    path = tmp_path / "doc.md"
    path.write_text(text, encoding="utf-8")
    main(["check", str(path)])
    return capsys.readouterr().out


def test_each_step_is_shown_as_the_student_wrote_it(tmp_path, capsys):
    out = _text_output(tmp_path, capsys, "$$\\frac{a}{2} + \\frac{a}{2} = a \\cdot 1$$\n")
    assert "= a \\cdot 1" in out


def test_the_chain_start_is_shown_as_written(tmp_path, capsys):
    out = _text_output(tmp_path, capsys, "$$\\log \\int p(x|z) p(z) dz = \\log p(x)$$\n")
    assert "starting \\log \\int p(x|z) p(z) dz" in out and "Integral(" not in out


def test_counts_of_one_are_singular(tmp_path, capsys):
    out = _text_output(tmp_path, capsys, "$$a + a = 2a$$\n")
    assert ": 1 chain;" in out and "(1 step)" in out


def test_every_step_check_in_the_json_says_where_it_was_read(capsys):
    _, report = run_json(SAMPLES / "elbo_broken.md", capsys)
    lines = (SAMPLES / "elbo_broken.md").read_text().splitlines()
    for check in (c for d in report["derivations"] for c in d["checks"] if c["kind"] == "step"):
        source = check["source"]
        assert source["line"] >= 1 and source["column"] >= 1
        assert source["text"].split()[-1].rstrip("$") in lines[source["line"] - 1]


def test_a_step_source_is_added_beside_the_existing_fields(capsys):
    _, report = run_json(SAMPLES / "elbo_broken.md", capsys)
    check = report["derivations"][0]["checks"][0]
    assert {"index", "chain", "kind", "latex", "verdict", "reason", "source"} <= set(check)


def test_a_document_whose_every_formula_is_unreadable_reports_each_and_exits_1(tmp_path, capsys):
    path = tmp_path / "answer.md"
    path.write_text("Notes.\n\n$$\\expect[x] = 1$$\n\n$$= 2 +$$\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "line 3, column 3" in out and "line 5, column 8" in out
    assert "nothing checked: 2 display formulas could not be read" in out


def test_json_of_an_unreadable_document_is_not_ok_and_positions_each_error(tmp_path, capsys):
    path = tmp_path / "answer.md"
    path.write_text("$$\\expect[x] = 1$$\n")
    code, report = run_json(path, capsys)
    assert code == 1 and report["ok"] is False and report["chains"] == []
    assert [(e["line"], e["column"]) for e in report["parse_errors"]] == [(1, 3)]


def test_a_document_whose_only_display_is_an_implication_is_checked(tmp_path, capsys):
    path = tmp_path / "implication.md"
    path.write_text("Assume:\n\n- $\\eta > 0$\n\nThen:\n\n$$\\eta^2 > 0 \\Rightarrow 1 + \\eta^2 > 1$$\n")
    assert main(["check", str(path)]) == 0
    assert "all 1 checks hold" in capsys.readouterr().out
