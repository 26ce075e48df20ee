"""A stated bound that allows zero is never strengthened by notation (issue 9: meaning from what the document states)."""
from verify.parsing import read_document


def _assumptions(text: str, name: str) -> dict:
    symbol = next(s for s in read_document(text).context.symbols if s.name == name)
    return symbol.assumptions0


def test_an_upper_bound_of_a_sum_does_not_make_a_stated_nonnegative_integer_positive():
    found = _assumptions("For an integer $n \\ge 0$:\n\n$$\\sum_{k=1}^{n} k^0 = n$$\n", "n")
    assert found.get("integer") and found.get("nonnegative") and not found.get("positive")


def test_a_stated_nonnegative_name_stays_nonnegative_beside_a_sum_bound():
    found = _assumptions("Assume $m \\ge 0$.\n\n$$\\sum_{k=1}^{m} 2 = 2 m$$\n", "m")
    assert found.get("nonnegative") and not found.get("positive")


def test_without_a_stated_bound_a_sum_bound_is_still_a_positive_integer():
    found = _assumptions("$$\\sum_{k=1}^{n} 2 = 2 n$$\n", "n")
    assert found.get("positive") and found.get("integer")
