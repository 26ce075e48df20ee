"""A capital in a sum's bound is a size (a scalar), even where a transpose makes capitals matrices."""
from sympy import MatrixSymbol, Sum, Symbol

from verify.parsing import parse_latex_expr, read_document

UNROLLED = "$$p_{T} = p_0 - \\eta \\sum_{t=0}^{T-1} g_t$$"


def test_a_capital_upper_bound_shifted_by_one_is_a_scalar():
    parsed = parse_latex_expr("\\sum_{t=0}^{T-1} g_t")
    assert isinstance(parsed, Sum) and parsed.limits[0][2] == Symbol("T") - 1


def test_a_braced_upper_bound_starting_with_t_is_no_transpose():
    parsed = parse_latex_expr("\\sum_{t=0}^{T-1} g_t + A")
    assert not parsed.has(MatrixSymbol)


def test_a_braced_transpose_still_makes_capitals_matrices():
    assert parse_latex_expr("A^{T} B").has(MatrixSymbol)


def test_a_capital_bound_in_a_matrix_formula_is_a_positive_integer():
    parsed = parse_latex_expr("\\sum_{t=1}^{T} A^T A")
    bound = parsed.limits[0][2]
    assert not bound.is_Matrix and bound.is_integer and bound.is_positive


def test_a_shifted_upper_bound_makes_its_symbol_a_positive_integer():
    symbols = {s.name: s for s in read_document(UNROLLED).context.symbols}
    assert symbols["T"].is_integer and symbols["T"].is_positive


def test_a_free_subscript_of_a_summed_family_is_an_integer():
    document = read_document(f"$$g_t = 1$$\n\n{UNROLLED}")
    symbols = {s.name: s for s in document.context.symbols}
    assert symbols["t"].is_integer and symbols["t"].is_nonnegative


def test_the_index_of_a_sum_in_a_matrix_formula_is_not_made_a_size():
    parsed = parse_latex_expr("\\sum_{i=0}^{T} A^T A")
    assert parsed.limits[0][0] == Symbol("i")
