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


def test_a_lower_bound_without_an_upper_runs_through_the_family():
    """``\\sum_{j=1} \\exp(x_j)`` (d2l writes it so): j from 1 through the |x| components of x, as ``\\sum_j``."""
    parsed = parse_latex_expr("\\sum_{j=1} \\exp(x_j)")
    unstated = parse_latex_expr("\\sum_{j} \\exp(x_j)")
    assert isinstance(parsed, Sum) and parsed.limits == unstated.limits


def test_a_lower_bound_of_zero_ends_one_before_the_size():
    parsed = parse_latex_expr("\\sum_{j=0} x_j")
    _, low, high = parsed.limits[0]
    assert low == 0 and str(high) == "|x| - 1"


def test_a_lower_bound_over_no_family_is_no_sum_over_a_guessed_range():
    parsed = parse_latex_expr("\\sum_{j=1} f(j)")
    assert not parsed.has(Sum)
    assert parsed != parse_latex_expr("\\sum_{j=1}^{n} f(j)")
