"""The SymPy objects for notation SymPy lacks, shared by parser, theories, derivations and export.

Every class is an inert SymPy ``Expr``: nothing here evaluates or simplifies by
itself; the theories decide which rewrites are valid.
"""
from .asymptotics import BigO, BigOmega, Theta
from .probability import KL, Density, Expectation, Normal, density

__all__ = ["BigO", "BigOmega", "Theta", "KL", "Density", "Expectation", "Normal", "density"]
