"""The log of a finite product is the sum of the logs: ``log prod_i a_i = sum_i log a_i``.

An identity only for positive factors (for real ones of mixed sign the left side is the log
of a number whose sign the factors decide, and ``log(ab) = log a + log b`` fails for the
principal branch), so it is applied only where SymPy knows each factor is positive; a
likelihood written with names of unknown sign stays a product, undecided.
"""
from __future__ import annotations

from sympy import Expr, Mul, Product, Sum, log

from ..base import Rule, register_rule

LOG_OF_PRODUCT = register_rule(Rule(
    "log of a product", "log prod_i a_i = sum_i log a_i for positive factors a_i",
    aliases=("logarithm of a product", "log of the likelihood")))


def _positive_factors(body: Expr) -> bool:
    return all(f.is_positive is True for f in Mul.make_args(body))


def logs_of_products(expr: Expr, used: set) -> Expr:
    """Every ``log(Product(f, limits))`` with positive factors as ``Sum(log f, limits)``."""
    if not expr.has(Product):
        return expr

    def opened(node: log) -> Expr:
        product = node.args[0]
        used.add(LOG_OF_PRODUCT)
        return Sum(log(product.function), *product.limits)

    return expr.replace(lambda e: isinstance(e, log) and isinstance(e.args[0], Product)
                        and _positive_factors(e.args[0].function), opened)


__all__ = ["logs_of_products"]
