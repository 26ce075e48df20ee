"""What is written is what is checked: matrix columns and the order of subscript letters."""
from verify.parsing import read_document
from verify.config import CheckConfig
from verify.engine.checker import check_derivation
from verify.verdict import Status

CONFIG = CheckConfig(budget=None)


def _statuses(text: str) -> list[Status]:
    document = read_document(text)
    return [r.verdict.status for r in check_derivation(document.derivation("t"), CONFIG).results]


def test_the_columns_of_a_matrix_are_kept():
    text = r"$$\begin{pmatrix} 1 & -\eta \\ \eta & 1 \end{pmatrix} = \begin{pmatrix} 1 - \eta \\ \eta \end{pmatrix}$$"
    assert _statuses(text) == [Status.REFUTED]


def test_a_matrix_in_an_aligned_chain_keeps_its_columns():
    text = ("\\begin{align*}\n\\begin{pmatrix} 1 & -\\eta \\\\ \\eta & 1 \\end{pmatrix} \\begin{pmatrix} p \\\\ q "
            "\\end{pmatrix} &= \\begin{pmatrix} p - \\eta q \\\\ q + \\eta p \\end{pmatrix}\n\\end{align*}")
    assert _statuses(text) == [Status.PROVED]


def test_subscript_letters_keep_their_order():
    assert _statuses(r"$$\alpha_{ij} = \alpha_{ji}$$") == [Status.REFUTED]


def test_a_symmetry_claim_is_checked_not_taken_as_a_definition():
    document = read_document(r"$$A_{ij} = A_{ji}$$")
    assert document.definitions == () and len(document.chains) == 1


def test_an_upright_i_is_the_imaginary_unit_and_a_plain_i_a_name():
    assert _statuses(r"$$(1 + \mathrm{i}\eta)(1 - \mathrm{i}\eta) = 1 + \eta^2$$") == [Status.PROVED]
    # a plain i is read as a name, so the step is not proved; it holds if i is the imaginary unit, so it is
    # not refuted either (the other reading names it: engine/checker.py, other_readings)
    assert _statuses(r"$$(1 + i\eta)(1 - i\eta) = 1 + \eta^2$$") == [Status.UNKNOWN]
    assert _statuses(r"$$(1 + i\eta)(1 - i\eta) = 1 - \eta^2$$") == [Status.REFUTED]


def test_a_fresh_name_given_a_value_is_computed_on_without_becoming_a_fact():
    document = read_document("$$p_1 = 1 - 1 \\cdot 1$$\n\n$$= 0$$\n\nand $$p_1^2 = 5$$")
    assert _statuses("$$p_1 = 1 - 1 \\cdot 1$$\n\n$$= 0$$") == [Status.PROVED]
    assert not any(f.name.startswith("definition of p_1") for f in document.context.facts)


def test_a_name_given_a_value_and_nothing_more_is_an_equation_to_check():
    assert read_document("$$y = 3$$").chains[0].steps[0].expr == 3
