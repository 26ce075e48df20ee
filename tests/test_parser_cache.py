"""The grammar's tables are cached in the user's cache directory, and never needed."""
from verify.parsing import expressions
from verify.parsing.expressions import parse_latex_expr


def test_the_parser_builds_when_the_cache_directory_cannot_be_made(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    expressions._parser.cache_clear()
    try:
        assert str(parse_latex_expr("a + b")) == "a + b"
    finally:
        expressions._parser.cache_clear()


def test_the_cache_lives_in_the_users_cache_directory_named_by_the_grammar(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    expressions._parser.cache_clear()
    try:
        parse_latex_expr("a + b")
        assert [p.name.startswith("grammar-") for p in (tmp_path / "verify").iterdir()] == [True]
    finally:
        expressions._parser.cache_clear()
