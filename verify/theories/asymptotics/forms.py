"""Expressions that mix functions and O / Theta / Omega terms, read as sets of functions.

``n \\cdot O(d^2) + n^2`` denotes the set ``{n^2 + h : h in O(n d^2)}``: every written class
is an anonymous function of that class (Knuth; Concrete Mathematics section 9). The
class arithmetic below turns such an expression into one ``ClassForm``
``offset + kind(bound)``, each step by a registered rule. Where a rule only gives a
superset (``Theta(f) - Theta(g)`` is inside ``O(f + g)`` but is not that class), the
form says so (``exact`` is False), so an inclusion can be proved only into exact sets.

The tree is read as written: SymPy would cancel ``Theta(n) - Theta(n)`` to 0 if the
expression were rebuilt, so rewrites (facts, closed sums) are applied to the leaves only.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from typing import Callable, Sequence

import sympy
from sympy import Expr

from ...rules import Rule, register_rule
from ...undecided import Undecided
from ...vocabulary import BigO, BigOmega, Theta
from ...vocabulary.asymptotics import _Asymptotic
from .classes import theta_class
from .sums import close_sum


class Kind(str, Enum):
    O = "O"
    THETA = "Theta"
    OMEGA = "Omega"


KIND_OF_CLASS = {BigO: Kind.O, Theta: Kind.THETA, BigOmega: Kind.OMEGA}

CONSTANT_IN_CLASS = register_rule(Rule(
    "constant factor in a class", "c O(f) = O(f) for a constant c != 0; c Theta(f) = Theta(f) and "
    "c Omega(f) = Omega(f) for a constant c > 0", aliases=("c O(f) = O(f)",)))
STATED_CONSTANTS = register_rule(Rule(
    "stated constant", "a name the premises call a constant is a fixed positive number: inside O, Theta or "
    "Omega it is a constant factor, not a size that grows", aliases=("k is a constant",)))
FACTOR_INTO_CLASS = register_rule(Rule(
    "factor into a class", "f O(g) = O(f g) for a positive function f (also Theta and Omega)",
    aliases=("f O(g) = O(fg)",)))
PRODUCT_OF_CLASSES = register_rule(Rule(
    "product of classes", "O(f) O(g) = O(f g), Theta(f) Theta(g) = Theta(f g), Omega(f) Omega(g) = "
    "Omega(f g), O(f) Theta(g) = O(f g), Omega(f) Theta(g) = Omega(f g); O(f) Omega(g) is no class",
    aliases=("O(f) O(g) = O(fg)",)))
SUM_OF_CLASSES = register_rule(Rule(
    "sum of classes", "O(f) + O(g) = O(f + g) = O(max(f, g)) for positive f, g; the same for Theta "
    "and Omega; O(f) + Theta(g) is inside O(f + g) and Omega(f) + Theta(g) inside Omega(f + g); "
    "O(f) + Omega(g) is no class", aliases=("O(f) + O(g) = O(f + g)",)))
SUM_OVER_A_RANGE = register_rule(Rule(
    "sum of a class over a range", "sum_{l=a}^{b} O(f(l)) = O(sum_{l=a}^{b} f(l)), so sum_{l=1}^{L} O(f) "
    "= O(L f), with the constant of O uniform in l (the textbook reading); also Theta and Omega over a "
    "non-empty range", aliases=("sum over layers",)))
DIFFERENCE_OF_CLASSES = register_rule(Rule(
    "difference of classes", "-O(f) = O(f), so O(f) - O(g) = O(f + g); Theta(f) - Theta(g) is only "
    "inside O(f + g) (the two are different functions and need not cancel: it is neither 0 nor a Theta "
    "class); Omega(f) - ... has no bound at all"))
ABSORBED_FUNCTION = register_rule(Rule(
    "function absorbed into a class", "f + O(g) is inside O(|f| + g); for a positive f, f + Theta(g) is "
    "inside Theta(f + g) and f + Omega(g) inside Omega(f + g)"))
MAX_AS_SUM = register_rule(Rule(
    "max as a sum", "for non-negative f and g, max(f, g) <= f + g <= 2 max(f, g): O(max(f, g)) = O(f + g), "
    "and the same for Theta and Omega", aliases=("O(max(f, g)) = O(f + g)",)))


@dataclass(frozen=True)
class ClassForm:
    """The set ``{offset + h : h in kind(bound)}``; with ``kind`` None, the single function ``offset``.

    ``exact`` is False when the expression denotes only a subset of this set (a rule gave an
    upper estimate): such a form may be shown to lie inside a class, never to contain one.
    ``member`` is one function the expression does denote (each written class replaced by its
    bound), so that even an estimate can be refuted by it; None means ``offset + bound``.
    ``rules`` are the class-arithmetic rules that built it.
    """

    offset: Expr
    kind: Kind | None = None
    bound: Expr = sympy.S.Zero
    exact: bool = True
    rules: tuple[Rule, ...] = ()
    member: Expr | None = None

    @property
    def a_member(self) -> Expr:
        """A function of the set the expression denotes."""
        return self.member if self.member is not None else self.offset + self.bound

    @property
    def is_function(self) -> bool:
        return self.kind is None

    def text(self) -> str:
        if self.is_function:
            return str(self.offset)
        cls = f"{self.kind.value}({self.bound})"
        return cls if self.offset == 0 else f"{self.offset} + {cls}"


Leaf = Callable[[Expr], Expr]  # rewrites a piece without classes (facts, closed sums)


def _with(form: ClassForm, *rules: Rule, **changes) -> ClassForm:
    merged = tuple(dict.fromkeys(form.rules + tuple(rules) + tuple(changes.pop("more", ()))))
    return replace(form, rules=merged, **changes)


def positive_cost(f: Expr, assumptions: Sequence[Expr] = ()) -> bool:
    """``f`` is eventually positive as the sizes grow: a cost (its Theta-class exists)."""
    return _positive_cost(f, tuple(assumptions))


@lru_cache(maxsize=4096)
def _positive_cost(f: Expr, assumptions: tuple[Expr, ...]) -> bool:
    try:
        theta_class(without_max(f), assumptions)
    except Undecided:
        return False
    return True


def absolute_terms(f: Expr) -> Expr:
    """The sum of the absolute values of ``f``'s expanded terms: at least ``|f|`` for positive sizes."""
    terms = sympy.Add.make_args(sympy.expand(f))
    return sympy.Add(*(-t if t.as_coeff_Mul()[0].is_negative else t for t in terms))


def _require_positive(f: Expr, why: str) -> None:
    if not positive_cost(f):
        raise Undecided(f"{why}: {f} is not known to be a positive cost")


def without_max(expr: Expr) -> Expr:
    """``max(f, g, ...)`` as ``f + g + ...``: the same growth class for non-negative arguments, and
    kept so through sums, products and powers with positive coefficients only (``max(n, d) - d`` is
    not ``n``), so an expression with a max and a minus sign is refused."""
    if not expr.has(sympy.Max):
        return expr
    return _max_as_sum(expr)


def _max_as_sum(node: Expr) -> Expr:
    if not node.as_coeff_Mul()[0].is_positive:
        raise Undecided(f"a max is read as a sum only among positive terms, and {node} is not positive")
    if not node.has(sympy.Max):
        return node
    if isinstance(node, sympy.Max):
        for arg in node.args:
            if not positive_cost(arg):
                raise Undecided(f"max({', '.join(map(str, node.args))}) is read as a sum only when its "
                                f"arguments are positive costs, and {arg} is not known to be one")
        return sympy.Add(*(_max_as_sum(arg) if arg.has(sympy.Max) else arg for arg in node.args))
    if isinstance(node, (sympy.Add, sympy.Mul)):
        return node.func(*(_max_as_sum(arg) for arg in node.args))
    if isinstance(node, sympy.Pow) and node.exp.is_Rational and not node.exp.has(sympy.Max):
        return sympy.Pow(_max_as_sum(node.base), node.exp)
    raise Undecided(f"a max inside {node} is not read as a sum (only sums, products and powers of maxima are)")


def _bound_rules(bound: Expr) -> tuple[Rule, ...]:
    return (MAX_AS_SUM,) if bound.has(sympy.Max) else ()


def form_of(expr: Expr, leaf: Leaf = lambda e: e) -> ClassForm:
    """The class form of ``expr`` as written; raises ``Undecided`` for what no rule covers."""
    if not expr.has(_Asymptotic):
        rewritten = leaf(expr)
        if rewritten.has(_Asymptotic):  # a named cost defined as a class: T_1 = O(n^2 d)
            return form_of(rewritten, leaf)
        return ClassForm(rewritten)
    if isinstance(expr, _Asymptotic):
        if expr.expr.has(_Asymptotic):
            raise Undecided(f"{expr} has a class inside a class")
        bound = leaf(expr.expr)
        return ClassForm(sympy.S.Zero, KIND_OF_CLASS[type(expr)], bound, rules=_bound_rules(bound))
    if isinstance(expr, sympy.Add):
        return _sum([form_of(arg, leaf) for arg in expr.args])
    if isinstance(expr, sympy.Mul):
        return _product(expr.args, leaf)
    if isinstance(expr, sympy.Pow):
        exponent = expr.exp
        if not (exponent.is_Integer and exponent > 0):
            raise Undecided(f"{expr}: a class raised to a power other than a positive integer is not a class")
        power = _product((expr.base,) * int(exponent), leaf)  # O(n)^2 is one function squared: only inside O(n^2)
        return replace(power, exact=False) if int(exponent) > 1 else power
    if isinstance(expr, sympy.Sum):
        return _range_sum(expr, leaf)
    raise Undecided(f"{type(expr).__name__} of an O/Theta/Omega term ({expr}) is not class arithmetic")


def negated(form: ClassForm) -> ClassForm:
    """``-(offset + K(g))``: exact for O; for Theta only inside O(g); refused for Omega."""
    if form.is_function:
        return replace(form, offset=-form.offset)
    if form.kind is Kind.OMEGA:
        raise Undecided(f"-Omega({form.bound}) has no upper bound, so a sum with it is no class "
                        "(Omega(f) - Omega(g) can be any function)")
    if form.kind is Kind.THETA:
        return _with(form, DIFFERENCE_OF_CLASSES, offset=-form.offset, kind=Kind.O, exact=False,
                     member=-form.a_member)
    return _with(form, DIFFERENCE_OF_CLASSES, offset=-form.offset, member=-form.a_member)


def absorbed(form: ClassForm) -> ClassForm:
    """``offset + K(g)`` as a pure class containing it (exact only when the offset is 0)."""
    if form.is_function or form.offset == 0:
        return form
    f = form.offset
    if form.kind is Kind.O:
        size = f if positive_cost(f) else -f if positive_cost(-f) else absolute_terms(f)
        _require_positive(size, f"{f} + O({form.bound}) is put inside a single class")
    else:
        size = f
        _require_positive(f, f"{f} + {form.kind.value}({form.bound}) is put inside a single class")
    return _with(form, ABSORBED_FUNCTION, offset=sympy.S.Zero, bound=size + form.bound, exact=False,
                 member=form.a_member)


_SUMMED_KIND = {
    frozenset({Kind.O}): (Kind.O, True),
    frozenset({Kind.THETA}): (Kind.THETA, True),
    frozenset({Kind.OMEGA}): (Kind.OMEGA, True),
    frozenset({Kind.O, Kind.THETA}): (Kind.O, False),
    frozenset({Kind.OMEGA, Kind.THETA}): (Kind.OMEGA, False),
}


def _sum(forms: Sequence[ClassForm]) -> ClassForm:
    """Offsets add; the classes add by SUM_OF_CLASSES (positive bounds for Theta and Omega)."""
    offset = sympy.Add(*(f.offset for f in forms))
    classes = [f for f in forms if not f.is_function]
    rules = tuple(r for f in forms for r in f.rules)
    exact = all(f.exact for f in forms)
    if not classes:
        return ClassForm(offset, exact=exact, rules=tuple(dict.fromkeys(rules)))
    kinds = frozenset(f.kind for f in classes)
    if kinds not in _SUMMED_KIND:
        raise Undecided("O(f) + Omega(g) is no class: an upper and a lower bound together bound nothing")
    kind, stays_exact = _SUMMED_KIND[kinds]
    if len(classes) > 1:
        for f in classes:
            _require_positive(f.bound, f"{f.kind.value}({f.bound}) is added to another class")
    bound = sympy.Add(*(f.bound for f in classes))
    summed = (SUM_OF_CLASSES,) if len(classes) > 1 else ()
    return ClassForm(offset, kind, bound, exact and stays_exact, tuple(dict.fromkeys(rules + summed)),
                     sympy.Add(*(f.a_member for f in forms)))


_PRODUCT_KIND = {
    frozenset({Kind.O}): Kind.O,
    frozenset({Kind.THETA}): Kind.THETA,
    frozenset({Kind.OMEGA}): Kind.OMEGA,
    frozenset({Kind.O, Kind.THETA}): Kind.O,
    frozenset({Kind.OMEGA, Kind.THETA}): Kind.OMEGA,
}


def _product(factors: Sequence[Expr], leaf: Leaf) -> ClassForm:
    """Plain factors multiply the offset and the bound; class factors multiply by PRODUCT_OF_CLASSES."""
    plain = [f for f in factors if not f.has(_Asymptotic)]
    forms = [form_of(f, leaf) for f in factors if f.has(_Asymptotic)]
    coefficient = sympy.Mul(*(f for f in plain if f.is_Number))
    function = leaf(sympy.Mul(*(f for f in plain if not f.is_Number)))
    if len(forms) == 1:
        form = forms[0]
    else:
        forms = [absorbed(f) for f in forms]
        kinds = frozenset(f.kind for f in forms)
        if kinds not in _PRODUCT_KIND:
            raise Undecided("O(f) Omega(g) is no class: the product of an upper and a lower bound bounds nothing")
        for f in forms:
            _require_positive(f.bound, f"{f.kind.value}({f.bound}) is multiplied by another class")
        form = ClassForm(sympy.S.Zero, _PRODUCT_KIND[kinds], sympy.Mul(*(f.bound for f in forms)),
                         all(f.exact for f in forms), tuple(dict.fromkeys(r for f in forms for r in f.rules))
                         + (PRODUCT_OF_CLASSES,), sympy.Mul(*(f.a_member for f in forms)))
    return _scaled(form, coefficient, function)


def _scaled(form: ClassForm, coefficient: Expr, function: Expr) -> ClassForm:
    """``coefficient * function * (offset + K(g))`` = ``c f offset + K(f g)`` (CONSTANT_IN_CLASS, FACTOR_INTO_CLASS)."""
    rules: list[Rule] = []
    if coefficient == 0:
        raise Undecided("0 times a class is read as no class")
    if coefficient != 1:
        if coefficient.is_negative:
            return negated(_scaled(form, -coefficient, function))
        rules.append(CONSTANT_IN_CLASS)
    bound, exact = form.bound, form.exact
    if function != 1:
        if form.kind is Kind.O and not positive_cost(function):
            size = absolute_terms(function)  # |p| O(g) is inside O(p+ g), p+ the terms' absolute values
            _require_positive(size, f"{function} multiplies {form.text()}")
            bound, exact = size * bound, False
            rules.append(ABSORBED_FUNCTION)
        else:
            _require_positive(function, f"{function} multiplies {form.text()}")
            bound = function * bound
        rules.append(FACTOR_INTO_CLASS)
    return _with(form, *rules, offset=coefficient * function * form.offset, bound=bound, exact=exact,
                 member=coefficient * function * form.a_member)


def _range_sum(node: sympy.Sum, leaf: Leaf) -> ClassForm:
    """``sum_l (offset(l) + K(g(l)))`` = ``sum offset + K(sum g)`` with closed-form sums (SUM_OVER_A_RANGE)."""
    form = form_of(node.function, leaf)
    if form.is_function:
        raise Undecided(f"{node}: a class in the limits of a sum is not class arithmetic")
    _require_positive(form.bound, f"the class {form.kind.value}({form.bound}) is summed over {node.limits}")
    offset, bound, member = form.offset, form.bound, form.a_member
    for index, low, high in node.limits:
        count = high - low + 1
        if not count.is_positive:
            raise Undecided(f"the range {index} = {low}..{high} is not known to be non-empty, so the sum of a "
                            "class over it is not decided")
        offset, bound = _summed(offset, index, low, high), _summed(bound, index, low, high)
        member = _summed(member, index, low, high)
        if offset is None or bound is None or member is None:
            raise Undecided(f"the sum over {index} of {form.text()} has no closed form here (only polynomial "
                            "summands are summed)")
    return _with(form, SUM_OVER_A_RANGE, offset=offset, bound=bound, member=member)


def _summed(expr: Expr, index: sympy.Symbol, low: Expr, high: Expr) -> Expr | None:
    return sympy.S.Zero if expr == 0 else close_sum(expr, index, low, high)
