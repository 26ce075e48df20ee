"""Several statements in one display are each checked (issue 10, section 2); brackets are never cut."""
import pytest

from verify.engine.checker import check_derivation
from verify.parsing import read_document
from verify.parsing.markdown import statements
from verify.verdict import Status


def _checked(text: str) -> list[tuple[str, Status]]:
    return [(r.latex, r.verdict.status) for r in check_derivation(read_document(text).derivation()).results]


@pytest.mark.parametrize("separator", [", \\quad ", ",\\qquad ", " \\text{ and } ", " \\quad\\text{and}\\quad ", "; "])
def test_each_statement_of_a_row_is_checked(separator):
    assert _checked(f"$$a + a = 2 a{separator}b b = b^2$$") == [("= 2 a", Status.PROVED), ("= b^{2}", Status.PROVED)]


@pytest.mark.parametrize("separator", [", \\quad ", " \\text{ and } ", "; "])
def test_a_wrong_second_statement_is_refuted_on_its_own(separator):
    assert _checked(f"$$a + a = 2 a{separator}b b = b^3$$")[1] == ("= b^{3}", Status.REFUTED)


@pytest.mark.parametrize("row", ["\\mathcal{N}(x; \\mu, \\sigma^2)", "f(a, b)", "\\{1, 2\\}", "\\left\\{ a; b \\right\\}",
                                 "g\\left(a; b\\right)"])
def test_separators_inside_brackets_do_not_cut(row):
    assert statements(row) == [(row, 0)]


def test_each_part_keeps_its_offset_in_the_row():
    row = "a = b, \\quad c = d"
    assert [row[at:at + len(part)] for part, at in statements(row)] == ["a = b", "c = d"]


def test_a_bound_trailing_a_statement_is_a_condition_not_a_claim():
    document = read_document("$$y = y + 0, \\quad t \\ge 0$$")
    assert len(check_derivation(document.derivation()).results) == 1
    assert document.skipped[-1][0] == "t \\ge 0"


def test_rows_of_aligned_and_their_parts_are_all_checked():
    text = "$$\\begin{aligned} a + a &= 2a \\\\ b + b &= 2 b; \\quad c c = c^3 \\end{aligned}$$"
    assert [s for _, s in _checked(text)] == [Status.PROVED, Status.PROVED, Status.REFUTED]


def test_one_unreadable_formula_never_hides_the_steps_after_it():
    text = "$$\\frob{x} = a + a$$\n\n$$= 2 a$$\n\n$$= a + a + 0$$\n\n$$= 3 a$$"
    assert [s for _, s in _checked(text)] == [Status.PROVED, Status.REFUTED]


def test_the_unreadable_formula_is_kept_with_its_position():
    (error,) = read_document("Intro.\n\n$$\\frob{x} = a + a$$\n\n$$= 2 a$$\n\n$$= 3 a$$").errors
    assert (error.line, error.column) == (3, 3)


def test_the_step_out_of_an_unreadable_side_is_never_checked_against_another_side():
    text = "$$y = a + a$$\n\n$$= \\frob{x}$$\n\n$$= 2 a$$\n\n$$= 3 a$$"
    assert [latex for latex, _ in _checked(text)] == ["= 3 a"]


@pytest.mark.parametrize("tail", ["\\text{ for } 0 < \\eta < 1", "\\quad \\text{(Jensen)}", "\\text{ if } n < d",
                                  "\\quad \\because \\text{the log is concave}", "\\text{ real}"])
def test_prose_trailing_a_statement_is_never_a_parse_error(tail):
    assert _checked(f"$$a + a = 2 a {tail}$$") == [("= 2 a", Status.PROVED)]


def test_a_wrong_statement_with_a_trailing_qualifier_is_still_refuted():
    assert _checked("$$a + a = 3 a \\text{ for all } a$$")[0][1] is Status.REFUTED


def test_a_single_word_in_text_stays_a_name():
    assert statements("\\text{softmax}(x) = y") == [("\\text{softmax}(x) = y", 0)]


def test_every_step_knows_the_line_and_column_of_its_formula():
    document = read_document("Intro.\n\n$$a + a = 2 a$$\n\n  $$= a + a + 0$$\n\n$$b b = b^2, \\quad c = c$$")
    assert document.step_positions == (((3, 3), (5, 5)), ((7, 3),), ((7, 20),))


def test_a_chain_has_one_position_per_step():
    document = read_document("$$x = 1$$\n\n$$y + y = 2 y = y + y$$")
    assert [len(p) for p in document.step_positions] == [len(c.steps) for c in document.chains]


@pytest.mark.parametrize("name", ["\\text{log }", "\\text{ log}", "\\textrm{exp }"])
def test_a_one_word_text_with_spaces_inside_is_a_name_not_prose(name):
    row = f"{name}x = y"
    assert statements(row) == [(row, 0)]


def test_a_qualifier_with_spaces_inside_still_ends_the_statement():
    assert statements("a = b \\text{ for } x > 0") == [("a = b", 0)]
