"""Which names a sentence calls standard deviations: the ones the word is said of, not its neighbours."""
from verify.parsing import read_document
from verify.verdict import Status
from tests.documents import check_statuses


def _positive(text: str) -> set[str]:
    document = read_document(text + "\n\n$$\\mu_p + \\sigma_p + \\mu_q + \\sigma_q = \\sigma_q + \\mu_q + \\sigma_p + \\mu_p$$")
    return {s.name for s in document.context.symbols if s.is_positive}


def test_means_listed_before_the_standard_deviations_are_not_scales():
    text = "$P$ and $Q$ are normal with means $\\mu_p, \\mu_q$ and standard deviations $\\sigma_p, \\sigma_q$."
    assert _positive(text) >= {"sigma_p", "sigma_q"}
    assert not _positive(text) & {"mu_p", "mu_q"}


def test_a_mean_is_never_proved_to_equal_its_absolute_value_from_a_scale_sentence():
    text = ("Let the means be $\\mu_p, \\mu_q$ and the standard deviations $\\sigma_p, \\sigma_q$.\n\n"
            "$$\\sqrt{\\mu_p^2} = \\mu_p$$")
    assert Status.PROVED not in check_statuses(text)


def test_the_scale_named_right_after_the_word_is_positive():
    text = ("Let the means be $\\mu_p, \\mu_q$ and the standard deviations $\\sigma_p, \\sigma_q$.\n\n"
            "$$\\sqrt{\\sigma_q^2} = \\sigma_q$$")
    assert check_statuses(text) == [Status.PROVED]


def test_every_name_of_a_list_before_the_word_is_a_scale():
    text = "Here $\\sigma_p$ and $\\sigma_q$ are standard deviations, and $\\mu_p$, $\\mu_q$ are means."
    assert _positive(text) >= {"sigma_p", "sigma_q"}
    assert not _positive(text) & {"mu_p", "mu_q"}


def test_a_name_before_the_list_but_not_joined_to_it_is_no_scale():
    text = "Let $\\mu_p$ be given; then $\\sigma_p$ and $\\sigma_q$ are standard deviations."
    assert not _positive(text) & {"mu_p"}
