"""Answers found where students put them: labels of every kind, LaTeX displays, equations as answers."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.grading import grade_text, parse_rubric
from verify.grading.locate import Located, locate
from verify.grading.rubric import Locator

LABELS = ["Q2", "Q2.", "**Q2.**", "## Q2", "### Question 2", "Problem 2", "Exercise 2", "2.", "(2)", "2)",
          r"\section*{Q2}", r"\subsection{Problem 2}"]


@pytest.mark.parametrize("label", LABELS)
def test_every_label_shape_opens_its_part_and_the_next_one_ends_it(label):
    first, after = label.replace("2", "1"), label.replace("2", "3")
    text = f"{first}\n$a$\n\n{label}\nwe get\n$b$\n\n{after}\n$c$\n"
    found = locate(text, Locator(label="Q2", mode="chain"))
    assert isinstance(found, Located) and found.maths == ("b",)


@pytest.mark.parametrize("label, wanted", [("Exercise 2(b)", "2b"), ("(1a)", "(1a)"), ("1c)", "1c"),
                                           ("Question 3 (a):", "3a")])
def test_labels_with_a_part_letter(label, wanted):
    found = locate(f"intro $z$\n\n{label} $x$\n\n(d) other $y$\n", Locator(label=wanted))
    assert isinstance(found, Located) and found.maths == ("x",)


def test_a_numbered_list_inside_an_answer_does_not_end_it():
    text = "## Q1\nSteps:\n1. expand $u$\n2. simplify $v$\n3. done $w$\n\nSo $x$.\n## Q2\n$y$\n"
    found = locate(text, Locator(label="Q1", mode="chain"))
    assert found.maths == ("u", "v", "w", "x")


def test_a_list_inside_a_numbered_answer_does_not_end_it():
    text = "1. $a$\n\n2. Two steps:\n1. $u$\n2. $v$\n\nHence $x$.\n\n3. $c$\n"
    assert locate(text, Locator(label="2", mode="chain")).maths == ("u", "v", "x")


def test_enumerate_items_are_numbered_as_latex_numbers_them():
    text = "\\begin{enumerate}\n\\item $a$\n\\item $b$\n\\begin{enumerate}\n\\item $c$\n\\item $d$\n" \
           "\\end{enumerate}\n\\item $e$\n\\end{enumerate}\n"
    assert locate(text, Locator(label="2b")).maths == ("d",)
    assert locate(text, Locator(label="3")).maths == ("e",)


def test_a_ten_is_not_a_part_of_one():
    assert locate("Q10 $a$\n\nQ1 $b$\n", Locator(label="Q1")).maths == ("b",)


def test_a_sections_end_is_respected_by_a_line_search():
    text = "## Q1\nnothing here\n## Q2\nThe cost is $O(n)$\n"
    assert locate(text, Locator(label="Q1", line=("cost",))).reason.startswith("no line")


@pytest.mark.parametrize("display", [r"\[ x^2 \]", r"\( x^2 \)", "\\begin{equation}\n x^2 \\label{e}\n\\end{equation}",
                                     "\\begin{align*}\n x^2 & \\\\\n\\end{align*}", "$$x^2$$"])
def test_latex_displays_are_searched_like_dollars(display):
    found = locate(f"Q1\n{display}\n", Locator(label="Q1", mode="chain"))
    assert [m.replace(" ", "") for m in found.maths] == ["x^2"]


RUBRIC = parse_rubric(r'''
[[items]]
id = "grad"
title = "gradient"
points = 1
kind = "expression"
expected = 'p_i - y_i'
locate = { label = "Q1" }

[[items]]
id = "eig"
title = "eigenvalues"
points = 1
kind = "expression"
expected = '1 \pm i \eta'
context = { real = ["eta"] }
locate = { label = "Q2" }

[[items]]
id = "cost"
title = "cost"
points = 1
kind = "complexity"
expected = "n k d"
context = { positive = ["n", "k", "d"] }
locate = { label = "Q3" }

[[items]]
id = "bound"
title = "the bound"
points = 1
kind = "expression"
expected = '\log p(x) \geq L'
locate = { label = "Q4" }
''')


def _points(text: str) -> dict:
    return {i.id: i.points for i in grade_text(text, RUBRIC).items}


@pytest.mark.parametrize("answer", [r"\frac{\partial L}{\partial z_i} = p_i - y_i", "p_i - y_i",
                                    r"\nabla_{z_i} L = -y_i + p_i"])
def test_an_equation_is_graded_by_its_right_side(answer):
    assert _points(f"Q1: ${answer}$")["grad"] == 1


def test_a_sign_flip_loses_the_point_and_is_named():
    item = grade_text("Q1: $y_i - p_i$", RUBRIC).items[0]
    assert item.points == 0 and item.mistake == "sign flipped"


@pytest.mark.parametrize("answer", [r"\lambda = 1 \pm i\eta", r"\lambda_{1,2} = 1 \pm i \eta",
                                    r"\lambda \in \{1 - i\eta, 1 + i\eta\}", r"\lambda = 1 + i\eta, 1 - i\eta"])
def test_eigenvalues_as_a_set_however_written(answer):
    assert _points(f"Q2: ${answer}$")["eig"] == 1


@pytest.mark.parametrize("answer", [r"\lambda = 1 \pm \eta", r"\lambda = 1 + i\eta", r"\lambda = 2 \pm i\eta"])
def test_wrong_eigenvalue_sets_lose_the_point(answer):
    assert _points(f"Q2: ${answer}$")["eig"] == 0


@pytest.mark.parametrize("answer", [r"T = O(n k d)", r"O(dkn)", r"\Theta(n \cdot k \cdot d)"])
def test_a_cost_written_as_an_equation(answer):
    assert _points(f"Q3: ${answer}$")["cost"] == 1


def test_the_formula_whose_shape_fits_is_taken_not_the_first():
    assert _points(r"Q3: with $k \le n$ the cost is $T = O(n k d)$, not $n^2$")["cost"] == 1
    assert _points(r"Q1: with $p = \mathrm{softmax}(z)$ we get $p_i - y_i$")["grad"] == 1


@pytest.mark.parametrize("answer, points", [(r"\log p(x) \geq L", 1), (r"L \leq \log p(x)", 1),
                                            (r"\log p(x) \leq L", 0), (r"\log p(x) = L", 0)])
def test_an_expected_inequality_needs_the_same_relation(answer, points):
    assert _points(f"Q4: ${answer}$")["bound"] == points


EQUATION = parse_rubric(r'''
[[items]]
id = "char"
title = "characteristic polynomial"
points = 1
kind = "expression"
expected = '\lambda^2 - 2\lambda + 1 + \eta^2 = 0'
context = { real = ["eta", "lambda"] }
locate = { label = "Q1" }
''')


@pytest.mark.parametrize("answer, points", [(r"(\lambda - 1)^2 + \eta^2 = 0", 1), (r"(\lambda - 1)^2 = -\eta^2", 1),
                                            (r"2\lambda^2 - 4\lambda + 2 + 2\eta^2 = 0", 1),
                                            (r"\lambda^2 - 2\lambda + 1 - \eta^2 = 0", 0), (r"\lambda^2 + 1 = 0", 0)])
def test_an_expected_equation_is_matched_up_to_moving_sides_and_scaling(answer, points):
    assert grade_text(f"Q1: ${answer}$", EQUATION).items[0].points == points


SHAPES = ["Q{n}", "Q{n}.", "**Q{n}.**", "## Q{n}", "### Question {n}", "Problem {n}", "Exercise {n}", "{n}.",
          "({n})", "{n})", r"\section*{{Q{n}}}", r"\subsection{{Problem {n}}}"]


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 12), st.sampled_from(SHAPES), st.sampled_from("abc"))
def test_any_label_shape_and_number_finds_its_part_and_only_it(number, shape, letter):
    parts = [f"{shape.format(n=n)}\n({letter}) $v_{{{n}}}$\n" for n in range(1, 14)]
    found = locate("\n".join(parts), Locator(label=f"{number}{letter}"))
    assert isinstance(found, Located) and found.maths == (f"v_{{{number}}}",)


MULTISET = parse_rubric(r'''
[[items]]
id = "eig"
title = "eigenvalues with their multiplicity"
points = 1
kind = "expression"
expected = '1, 1, 2'
locate = { label = "Q1" }
''')


@pytest.mark.parametrize("answer, points", [(r"\lambda = 1, 1, 2", 1), (r"\lambda \in \{2, 1, 1\}", 1),
                                            (r"\lambda = 1, 2", 0), (r"\lambda = 1, 2, 2", 0)])
def test_a_multiset_counts_each_value_as_often_as_expected(answer, points):
    assert grade_text(f"Q1: ${answer}$", MULTISET).items[0].points == points


def test_a_plus_minus_inside_a_fraction_is_read_as_two_values():
    text = r"Q2: $\lambda = \frac{2 \pm 2 i\eta}{2}$"
    assert _points(text)["eig"] == 1


def test_a_declared_size_before_a_bracket_multiplies_it():
    assert _points("Q3: $O(n(k d))$")["cost"] == 1


def test_two_formulas_that_fit_equally_but_differ_are_a_hedge_for_a_person():
    item = grade_text(r"Q1: either $p_i - y_i$ or $y_i - p_i$", RUBRIC).items[0]
    assert item.status == "review" and item.points == 0
