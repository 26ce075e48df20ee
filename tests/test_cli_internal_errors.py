"""A fault of the tool is reported in one line with its own exit code (3), never as a traceback and
never as exit 1, which means a check that does not hold."""
from __future__ import annotations

from verify import cli


def test_an_internal_failure_exits_three_with_one_line(monkeypatch, tmp_path, capsys):
    document = tmp_path / "d.md"
    document.write_text("$$x + x = 2x$$\n", encoding="utf-8")

    def broken(text, filename=None, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.delenv("VERIFY_DEBUG", raising=False)
    monkeypatch.setattr("verify.parsing.read_document", broken)
    code = cli.main(["check", str(document)])
    err = capsys.readouterr().err
    assert code == 3
    assert "Traceback" not in err and "IndexError" in err and len(err.strip().splitlines()) == 1
