"""``verify rubric check`` reports every problem at its line; ``verify rubric references`` lists quantities."""
import pytest

from verify.cli import main

BROKEN = '''[assignment]
titel = "oops"

[[items]]
id = "a"
title = "A"
points = -1
kind = "expression"
expected = '\\frac{1}{'
locate = { lable = "Q1" }

[[items]]
id = "a"
title = "B"
kind = "expresion"

[[items]]
id = "c"
title = "C"
points = 1
kind = "expression"
expected = '\\frac{1}{'
locate = { label = "Q3" }
'''


@pytest.fixture
def report(tmp_path, capsys):
    path = tmp_path / "r.toml"
    path.write_text(BROKEN)
    code = main(["rubric", "check", str(path)])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("line, words", [
    (2, "unknown key 'titel' (did you mean 'title'?)"),
    (10, "unknown key 'lable' (did you mean 'label'?)"),
    (7, "points must be a number >= 0"),
    (13, "duplicate id"),
    (13, "missing 'points'"),
    (15, "unknown kind 'expresion' (did you mean 'expression'?)"),
    (22, "expected cannot be read"),
])
def test_each_problem_is_reported_at_its_line(report, line, words):
    code, out = report
    assert code == 1 and any(f"r.toml:{line}:" in row and words in row for row in out.splitlines()), out


@pytest.mark.parametrize("name", ["assignment5", "homework6"])
def test_the_builtin_rubrics_pass(name, capsys):
    assert main(["rubric", "check", name]) == 0 and "ok" in capsys.readouterr().out


def test_references_lists_the_quantities_a_reference_may_name(capsys):
    from derivations.complexity import quantities

    assert main(["rubric", "references"]) == 0
    out = capsys.readouterr().out
    assert all(f"complexity: {q.name}" in out for q in quantities())
