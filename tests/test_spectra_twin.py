"""The numpy twin of the spectra theory: exact eigenvalues and radii against ``numpy.linalg.eigvals``.

The symbolic matrices are the update maps of a bilinear game (simultaneous, alternating and
extragradient gradient descent-ascent, step ``eta``), a plane rotation and random integer
matrices; for random instances the exact spectrum, evaluated, must match numpy's as a multiset
(within 1e-9 relative, 1e-4 for a repeated eigenvalue), and the exact spectral radius numpy's largest modulus.
"""
from __future__ import annotations

import numpy as np
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import ImmutableMatrix, Symbol, cos, sin

from verify.theories.dynamics.written import eigenvalues, spectral_radius

ETA = Symbol("eta", real=True)
THETA = Symbol("theta", real=True)
SYMBOLIC = {
    "simultaneous GDA": ImmutableMatrix([[1, -ETA], [ETA, 1]]),
    "alternating GDA": ImmutableMatrix([[1, -ETA], [ETA, 1 - ETA**2]]),
    "extragradient": ImmutableMatrix([[1 - ETA**2, -ETA], [ETA, 1 - ETA**2]]),
    "scaled rotation": ImmutableMatrix([[ETA * cos(THETA), -ETA * sin(THETA)], [ETA * sin(THETA), ETA * cos(THETA)]]),
}
TOLERANCE = 1e-9
SETTINGS = settings(max_examples=30, deadline=None)
steps = st.fractions(min_value=-3, max_value=3, max_denominator=20).map(lambda f: sympy.Rational(f.numerator, f.denominator))


def as_complex(values) -> np.ndarray:
    return np.array([complex(sympy.N(v, 30)) for v in values])


def tolerance(value: complex, mine: np.ndarray) -> float:
    """1e-9 (relative) for a simple eigenvalue; numpy finds an m-fold defective one only to about
    eps^(1/m), so a repeated value gets 1e-4."""
    repeated = sum(abs(value - other) < 1e-12 for other in mine) > 1
    return (1e-4 if repeated else TOLERANCE) * max(1.0, abs(value))


def same_multiset(mine: np.ndarray, theirs: np.ndarray) -> bool:
    """Greedy matching: each exact eigenvalue pairs with one numpy eigenvalue within the tolerance."""
    left = list(theirs)
    for value in mine:
        distances = [abs(value - other) for other in left]
        best = int(np.argmin(distances))
        if distances[best] > tolerance(value, mine):
            return False
        left.pop(best)
    return not left


def at(matrix: ImmutableMatrix, eta, theta=sympy.Rational(1, 3)) -> ImmutableMatrix:
    return matrix.xreplace({ETA: eta, THETA: theta})


def numpy_eigenvalues(matrix: ImmutableMatrix) -> np.ndarray:
    return np.linalg.eigvals(np.array(matrix.evalf(30).tolist(), dtype=complex))


@SETTINGS
@given(st.sampled_from(sorted(SYMBOLIC)), steps, steps)
def test_exact_eigenvalues_match_numpy_at_random_parameters(name, eta, theta):
    symbolic = eigenvalues(SYMBOLIC[name])
    instance = as_complex([v.xreplace({ETA: eta, THETA: theta}) for v in symbolic])
    assert same_multiset(instance, numpy_eigenvalues(at(SYMBOLIC[name], eta, theta)))


@SETTINGS
@given(st.sampled_from(sorted(SYMBOLIC)), steps)
def test_exact_spectral_radius_matches_numpy_at_random_parameters(name, eta):
    instance = at(SYMBOLIC[name], eta)
    radius = float(sympy.N(spectral_radius(instance), 30))
    assert abs(radius - np.max(np.abs(numpy_eigenvalues(instance)))) <= TOLERANCE * max(1.0, radius)


@SETTINGS
@given(st.lists(st.integers(-4, 4), min_size=9, max_size=9))
def test_exact_eigenvalues_of_integer_matrices_match_numpy(entries):
    matrix = ImmutableMatrix(3, 3, entries)
    assert same_multiset(as_complex(eigenvalues(matrix)), numpy_eigenvalues(matrix))


def test_a_perturbed_spectrum_does_not_match_numpy():
    """The comparison can fail: shifting one exact eigenvalue breaks the match."""
    matrix = at(SYMBOLIC["alternating GDA"], sympy.Rational(1, 2))
    values = as_complex(eigenvalues(matrix))
    values[0] += 1e-6
    assert not same_multiset(values, numpy_eigenvalues(matrix))


SIZE = 3
BLOCKS = [sympy.MatrixSymbol(name, SIZE, SIZE) for name in "PQRS"]
IDENTITY_POSITIONS = st.integers(0, 3)


@settings(max_examples=20, deadline=None)
@given(IDENTITY_POSITIONS, st.lists(st.integers(-3, 3), min_size=4 * SIZE * SIZE, max_size=4 * SIZE * SIZE),
       st.integers(-3, 3))
def test_the_block_determinant_formula_matches_numpy_for_random_blocks(position, entries, scale):
    """One block a multiple of the identity (so a commuting pair exists); the rest random integers."""
    from verify.theories.dynamics.blocks import block_determinant

    blocks = list(BLOCKS)
    blocks[position] = scale * sympy.Identity(SIZE)
    formula = block_determinant(sympy.BlockMatrix([[blocks[0], blocks[1]], [blocks[2], blocks[3]]]))
    values = {b: ImmutableMatrix(SIZE, SIZE, entries[k * SIZE * SIZE:(k + 1) * SIZE * SIZE])
              for k, b in enumerate(BLOCKS)}
    exact = formula.xreplace(values).doit()
    numeric = [np.array(values[b].tolist(), dtype=float) if b in values and k != position
               else scale * np.eye(SIZE) for k, b in enumerate(BLOCKS)]
    full = np.block([[numeric[0], numeric[1]], [numeric[2], numeric[3]]])
    assert abs(float(exact) - np.linalg.det(full)) <= 1e-6 * max(1.0, abs(np.linalg.det(full)))


def test_a_defective_repeated_eigenvalue_matches_numpy_within_its_looser_tolerance():
    matrix = ImmutableMatrix([[0, 0, 0], [0, 0, -4], [0, 1, 4]])  # 2 twice, with a single eigenvector
    assert sorted(eigenvalues(matrix)) == [0, 2, 2]
    assert same_multiset(as_complex(eigenvalues(matrix)), numpy_eigenvalues(matrix))
