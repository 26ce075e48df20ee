r"""A relation with a label set over it: ``\stackrel{\text{def}}{=}`` defines, as ``:=`` does; any other
label (``(a)``, ``\text{Jensen}``, ``\text{iid}``) annotates the relation below, which is the claim; a mark
over anything but a relation is refused. Framing marks say nothing more: ``\boxed{...}`` is its content,
and ``vmatrix`` the determinant of its matrix."""
import pytest

from tests.documents import check_statuses
from verify.errors import ParseError
from verify.parsing.expressions import parse
from verify.verdict import Status


@pytest.mark.parametrize("text", [r"a \stackrel{\text{def}}{=} b", r"a \overset{\mathrm{def}}{=} b",
                                  r"a \overset{\triangle}{=} b"])
def test_a_def_label_over_equals_is_a_definition(text):
    assert parse(text).relations == (":=",)


@pytest.mark.parametrize("text, relation", [(r"a \overset{(a)}{=} b", "="), (r"a \stackrel{\text{Jensen}}{\geq} b", ">="),
                                            (r"x \overset{\text{iid}}{\sim} y", "~")])
def test_another_label_annotates_the_relation_below(text, relation):
    assert parse(text).relations == (relation,)


def test_a_mark_over_a_name_is_refused():
    with pytest.raises(ParseError, match="only a relation"):
        parse(r"\overset{\rightarrow}{v}")


def test_a_labelled_step_is_checked_as_its_relation():
    assert check_statuses("$$(a + b)^2 \\overset{(1)}{=} a^2 + 2ab + b^2$$\n") == [Status.PROVED]
    assert check_statuses("$$(a + b)^2 \\overset{(1)}{=} a^2 + b^2$$\n") == [Status.REFUTED]


@pytest.mark.parametrize("boxed, plain", [(r"\boxed{x = 1}", r"x = 1"), (r"y = \boxed{2 x}", r"y = 2 x")])
def test_a_boxed_result_is_the_formula_inside(boxed, plain):
    assert parse(boxed) == parse(plain)


def test_a_vmatrix_is_the_determinant_and_nothing_after_it_joins_it():
    read = parse(r"\begin{vmatrix} a & b \\ c & d \end{vmatrix} x").exprs[0]
    assert read == parse(r"\det\left(\begin{bmatrix} a & b \\ c & d \end{bmatrix}\right) x").exprs[0]
    assert check_statuses("$$\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} = ad - bc$$\n") == [Status.PROVED]
    assert check_statuses("$$\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix} = ad + bc$$\n") == [Status.REFUTED]
