"""Claims stated from their objects, arguments composed from verdicts' typed fields."""
from __future__ import annotations

import pytest
from sympy import ImmutableMatrix, Symbol, Tuple

import derivations
from verify.model import Claim, Relation
from verify.printing import Math, claim_sketch, claim_statement, counterexample_prose, prose_plain, verdict_argument
from verify.rules import Rule
from verify.verdict import Counterexample, Status, Tier, Verdict

ETA = Symbol("eta", positive=True)
A = ImmutableMatrix([[1, -ETA], [ETA, 1]])
BUILTIN_CLAIMS = [c for name in derivations.names() for c in derivations.load(name).claims]


def words(prose) -> str:
    return "".join(p for p in prose if isinstance(p, str))


def test_an_eigenvalue_claim_is_stated_with_its_matrix_and_values_as_formulas():
    statement = claim_statement(Claim("its eigenvalues are 1 +- i eta", "eigenvalues", A, Tuple(1 + 1j, 1)))
    assert Math(A) in statement and words(statement).startswith("The eigenvalues of ")


def test_the_eigenvalue_sketch_gives_the_characteristic_polynomial_from_the_matrix():
    sketch = prose_plain(claim_sketch(Claim("", "eigenvalues", A, Tuple(1, 1)), None), unicode=True)
    assert "η² + λ² − 2λ + 1" in sketch


@pytest.mark.parametrize("claim", BUILTIN_CLAIMS, ids=lambda c: f"{c.kind}: {c.statement[:30]}")
def test_every_builtin_claim_is_stated_without_the_authors_code(claim):
    statement = claim_statement(claim)
    assert any(isinstance(p, Math) for p in statement) and claim.statement not in words(statement)


def test_a_claim_of_a_kind_without_a_writer_keeps_the_authors_words():
    assert "A fact" in words(claim_statement(Claim("a fact", "no-such-kind", Symbol("x"))))


def test_the_sketch_says_numeric_evidence_is_only_numeric():
    verdict = Verdict(Status.CONSISTENT, "sampled", samples=9, tier=Tier.CLAIM)
    assert "numerically only, on 9 samples" in words(claim_sketch(BUILTIN_CLAIMS[0], verdict))


@pytest.mark.parametrize("tier, status, relation, expected", [
    (Tier.IDENTICAL, Status.PROVED, Relation.EQ, "restatement"),
    (Tier.CANONICAL, Status.PROVED, Relation.EQ, "canonical forms of the two sides agree"),
    (Tier.CANONICAL, Status.PROVED, Relation.GE, "required sign"),
    (Tier.NUMERIC, Status.CONSISTENT, Relation.EQ, "not proved symbolically"),
    (Tier.STRUCTURAL, Status.UNKNOWN, Relation.APPROX, "never proved"),
    (Tier.BUDGET, Status.UNKNOWN, Relation.EQ, "time budget"),
    (Tier.STEP_HANDLER, Status.PROVED, Relation.EQ, "decided by the theory's test"),
    (Tier.STEP_HANDLER, Status.UNKNOWN, Relation.EQ, "could not decide it"),
    (Tier.RULE, Status.UNKNOWN, Relation.EQ, "could not decide it"),
])
def test_the_argument_is_read_from_the_tier_and_status_not_the_reason(tier, status, relation, expected):
    verdict = Verdict(status, "reason text that must not be shown", tier=tier, samples=5)
    argument = words(verdict_argument(verdict, relation))
    assert expected in argument and "reason text" not in argument


def test_an_undecided_step_is_never_said_to_be_decided():
    verdict = Verdict(Status.UNKNOWN, "", tier=Tier.STEP_HANDLER)
    assert "decided by" not in words(verdict_argument(verdict))


def test_the_argument_names_the_rules_used():
    verdict = Verdict(Status.PROVED, "", used=(Rule("Bayes' rule", ""),), tier=Tier.CANONICAL)
    assert "Bayes' rule" in words(verdict_argument(verdict))


def test_a_counterexample_names_each_side_and_typesets_its_numbers():
    x = Symbol("x")
    example = Counterexample((("x", "0.5"),), "0.25", "1.5-2i")
    prose = counterexample_prose(example, x**2, x + 1, "the line before", "this line")
    assert Math(x) in prose and "the line before" in words(prose) and "this line" in words(prose)
    assert prose_plain(prose, unicode=False) == ("at x = 0.5: the line before, x^2, is 0.25, "
                                                 "this line, x + 1, is 1.5 - 2 i")


def test_a_counterexample_value_that_is_not_a_number_or_a_law_stays_words():
    example = Counterexample((("q(z)", "uniform on three points"),), "1", "2")
    assert "uniform on three points" in words(counterexample_prose(example))


def test_a_sampled_density_in_a_counterexample_is_a_typeset_normal_law_of_the_density():
    from verify.vocabulary.probability import Normal, density

    x, z = Symbol("x"), Symbol("z")
    likelihood = density("p", [x], [z])
    example = Counterexample((("p(x | z)", "N(0.77 z -0.92, 0.6561)"), ("p(z)", "N(0, 1)")), "1", "2")
    prose = counterexample_prose(example, likelihood * density("p", [z]), x)
    assert Math(likelihood) in prose and any(isinstance(p, Math) and isinstance(p.value, Normal) for p in prose)
    assert prose_plain(prose, unicode=False).startswith("at p(x | z) = N(0.77 z - 0.92, 0.6561), p(z) = N(0, 1):")


def test_a_law_over_a_variable_the_sides_do_not_hold_stays_words():
    example = Counterexample((("p(x | z)", "N(0.77 w -0.92, 0.6561)"),), "1", "2")
    assert "N(0.77 w -0.92, 0.6561)" in words(counterexample_prose(example, Symbol("z"), Symbol("x")))


@pytest.mark.parametrize("claim", BUILTIN_CLAIMS, ids=lambda c: f"{c.kind}: {c.statement[:30]}")
def test_a_proved_claims_sketch_is_an_argument_not_a_log_of_rules(claim):
    verdict = Verdict(Status.PROVED, "", used=(Rule("dynamics", ""),), tier=Tier.CLAIM)
    sketch = words(claim_sketch(claim, verdict))
    assert "rules used" not in sketch and "cited" not in sketch and "holds exactly" not in sketch
    assert sketch[:1].isupper() and sketch.endswith(".")


def test_a_refuted_claims_sketch_says_it_fails():
    verdict = Verdict(Status.REFUTED, "", tier=Tier.CLAIM)
    assert words(claim_sketch(BUILTIN_CLAIMS[0], verdict)).endswith("This fails.")


def test_the_eigenvalue_sketch_names_the_characteristic_polynomial_once():
    sketch = words(claim_sketch(Claim("", "eigenvalues", A, Tuple(1, 1)), None))
    assert sketch.count("characteristic polynomial") == 1


def test_a_claim_of_an_unknown_kind_is_sketched_by_the_rules_that_decided_it():
    verdict = Verdict(Status.PROVED, "", used=(Rule("Bayes' rule", ""),), tier=Tier.CLAIM)
    assert words(claim_sketch(Claim("a fact", "no-such-kind", Symbol("x")), verdict)) == "Decided by Bayes' rule."


def test_a_joint_density_described_as_a_product_of_laws_is_their_typeset_product():
    from verify.vocabulary.probability import Normal

    z = Symbol("z")
    example = Counterexample((("p(x, z)", "p(x|z) p(z) = N(0.77 z -0.92, 0.6561) N(0, 1)"),), "1", "2")
    value = counterexample_prose(example, z, z)[3]
    assert isinstance(value, Math) and {type(a) for a in value.value.args} == {Normal}


def test_a_sketch_does_not_repeat_the_justification_that_names_the_proof():
    n = Symbol("n", positive=True)
    from verify.vocabulary import Theta

    named = Claim("n is Theta(n)", "theta", n, Theta(n), justification="monomial dominance")
    unnamed = Claim("n is Theta(n)", "theta", n, Theta(n))
    assert not words(claim_sketch(named, None)).lower().startswith("monomial dominance")
    assert words(claim_sketch(unnamed, None)).startswith("Monomial dominance: ")
