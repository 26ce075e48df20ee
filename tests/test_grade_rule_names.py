"""Naming a rule is recognised however it is written, and wherever the sentence stands."""
import pytest

from derivations import BUILTIN
from tests.classes.make_homework6 import E
from verify.grading import grade_text, load_rubric

RUBRIC = load_rubric("homework6", BUILTIN)
BREAK = "\\\\"
ROWS = [r"\log p(x) &= \log \int p(x, z) dz \\", r"&= \log \int q(z|x) \frac{p(x, z)}{q(z|x)} dz \\",
        r"&\geq \int q(z|x) \log \frac{p(x, z)}{q(z|x)} dz \\", "&= " + E]


def _elbo(sentence: str, before_display: bool = True) -> float:
    rows = list(ROWS)
    if before_display:
        body = sentence + "\n\\begin{align*}\n" + "\n".join(rows) + "\n\\end{align*}"
    else:  # the sentence right before the inequality, each line its own display
        lines = ["$$" + r.replace("&", "").removesuffix(" " + BREAK) + "$$" for r in rows]
        body = "\n".join(lines[:2] + [sentence] + lines[2:])
    item = grade_text(f"## Q1\n{body}\n", RUBRIC).items[0]
    return item.points


@pytest.mark.parametrize("sentence", ["Jensen:", "(Jensen)", "by Jensen's inequality.", "Using Jensen’s inequality:",
                                      "We now apply JENSEN'S INEQUALITY, as log is concave."])
@pytest.mark.parametrize("before_display", [True, False])
def test_jensen_named_any_way_earns_every_point(sentence, before_display):
    assert _elbo(sentence, before_display) == 4


def test_a_chain_that_never_names_jensen_waits_for_a_person():
    item = grade_text("## Q1\n\\begin{align*}\n" + "\n".join(ROWS) + "\n\\end{align*}\n", RUBRIC).items[0]
    inequality = item.steps[2]
    assert item.status == "review" and inequality.status.value == "consistent" and inequality.tier.value == "numeric"
