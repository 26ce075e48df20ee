"""Answers that look right but are not must not earn the points (found by a review)."""
from derivations import BUILTIN
from tests.class_generator import ELBO_LINES, elbo_block, reference, render, tab_table, ITERATES
from verify.grading import grade_text, load_rubric
from verify.grading.kinds.derivation import composed_relation

RUBRIC = load_rubric("assignment5", BUILTIN)
GOAL = r"E_{q(z|x)} [\log p(x, z) - \log q(z|x)]"


def _item(item_id: str, **slots):
    return {i.id: i for i in grade_text(render({**reference(), **slots}), RUBRIC).items}[item_id]


def test_restating_the_goal_earns_nothing():
    restated = elbo_block((f"L(q) = {GOAL}",) + (f"= {GOAL}",) * 4, {1: "Applying Bayes' theorem"})
    item = _item("3-elbo", elbo=restated)
    assert item.points == 0
    assert any("starts at the expected result" in d.reason for d in item.deductions)


def test_a_required_rule_counts_only_where_the_step_uses_it():
    lines = (ELBO_LINES[0], ELBO_LINES[1], f"= {GOAL}", f"= {GOAL}")
    item = _item("3-elbo", elbo=elbo_block(lines, {2: "Applying Bayes' theorem"}))
    assert any("never named at a step that uses it" in d.reason for d in item.deductions)


def test_a_chain_mixing_le_and_ge_establishes_no_equality():
    lines = (r"L(q) = \log p(x)", r"\le 0", rf"\ge {GOAL}", f"= {GOAL}")
    item = _item("3-elbo", elbo=elbo_block(lines, {1: "Applying Bayes' theorem"}))
    assert item.points < item.max_points / 2


def test_relations_compose_only_in_one_direction():
    assert composed_relation(["=", "<=", "<"]) == "<"
    assert composed_relation(["=", ">="]) == ">="
    assert composed_relation(["<=", ">="]) is None


def test_an_iterate_written_as_an_unevaluated_product_is_not_read_as_its_first_number():
    values = {n: list(r) for n, r in ITERATES.items()}
    table = tab_table({"q": values["q"]}) + "\n\n" + ", ".join(
        f"$p_{k} = {v}$" if k != 3 else r"$p_3 = -4 \cdot 2$" for k, v in enumerate(values["p"]))
    item = _item("4a-gda-iterates", table=table)
    assert item.points < item.max_points


def test_two_different_values_for_one_iterate_go_to_a_person():
    item = _item("4a-gda-iterates", table=tab_table(ITERATES) + "\n\n$p_3 = 7$")
    assert (item.status, item.points) == ("review", 0)


def test_a_hedged_complexity_answer_goes_to_a_person():
    item = _item("1a-rnn-train-time", rnn_train_time=r"O(t n^2 L)$ or $O(t^3)")
    assert (item.status, item.points) == ("review", 0)
