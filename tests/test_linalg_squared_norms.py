r"""The squared Euclidean norm of a vector is the sum of its squared components: ``-\frac12\|q - k\|^2``
expands into ``q^T k - \frac12\|k\|^2 - \frac12\|q\|^2``; every broken expansion is refuted with drawn
vectors (the norm of a drawn vector is its Euclidean length)."""
import pytest

from tests.documents import check_statuses
from verify.verdict import Status

VECTORS = "Assume $\\mathbf{q} \\in \\mathbb{R}^d$ and $\\mathbf{k} \\in \\mathbb{R}^d$.\n\n"
EXPANSION = "$$-\\frac{1}{2} \\|\\mathbf{q} - \\mathbf{k}\\|^2 = {}$$\n"
RIGHT = "\\mathbf{q}^\\top \\mathbf{k} - \\frac{1}{2} \\|\\mathbf{k}\\|^2 - \\frac{1}{2} \\|\\mathbf{q}\\|^2"


def test_the_expansion_of_a_squared_distance_is_proved():
    assert check_statuses(VECTORS + EXPANSION.replace("{}", RIGHT)) == [Status.PROVED]


@pytest.mark.parametrize("broken", [
    RIGHT.replace("\\mathbf{q}^\\top", "-\\mathbf{q}^\\top"),                       # sign
    "\\mathbf{q}^\\top \\mathbf{k} - \\frac{1}{2} \\|\\mathbf{q}\\|^2",               # dropped term
    RIGHT.replace("\\mathbf{q}^\\top", "2\\mathbf{q}^\\top"),                       # factor
    RIGHT.replace("\\|\\mathbf{k}\\|^2", "\\|\\mathbf{k}\\|"),                        # exponent
])
def test_a_broken_expansion_is_refuted_with_drawn_vectors(broken):
    assert check_statuses(VECTORS + EXPANSION.replace("{}", broken)) == [Status.REFUTED]


def test_a_norm_that_is_not_squared_stays_undefined():
    assert check_statuses(VECTORS + "$$\\|\\mathbf{q}\\| = \\sqrt{\\mathbf{q}^\\top \\mathbf{q}}$$\n") != [Status.REFUTED]
