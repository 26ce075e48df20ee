"""The base theory: ordinary algebra over the context's symbols.

Canonical form: known facts substituted, logarithms of positive things expanded,
products expanded, rational functions cancelled. Every rewrite is an identity under
the symbols' assumptions, so a zero residual is a proof.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import sympy
from sympy import Basic, Expr
from sympy.core.function import AppliedUndef

from ..differentiation import carried
from ..evaluation import Evaluator
from ..model import Context, Fact
from ..undecided import Undecided
from .base import Instance, Rule, Theory, find_rule, register_rule, register_theory
from .closed import holding_closed

ALGEBRA = register_rule(Rule(
    "algebra", "rearranging terms, expanding products and logarithms of positive quantities",
    aliases=("simplify", "simplification", "rearrange", "expand", "definition", "substitution"),
    demands_citation=False))
LIMIT = register_rule(Rule(
    "limit", "lim_{x -> a} f(x) taken exactly (SymPy's limit: series and L'Hopital-type rules)",
    aliases=("taking the limit", "L'Hopital"), demands_citation=False))
DIFFERENTIATION = register_rule(Rule(
    "differentiation", "every derivative of an explicit expression carried out exactly: "
    "d/dt g(z(t)) = grad g(z) . dz/dt (chain rule) and the product rule",
    aliases=("chain rule", "differentiate", "product rule of differentiation")))

POLYNOMIAL_INTEGRAL = register_rule(Rule(
    "polynomial integral", "the integral of a polynomial in x from a to b is F(b) - F(a), F its "
    "antiderivative term by term (the fundamental theorem of calculus)",
    aliases=("fundamental theorem of calculus", "integrate", "integration")))


def fact_rule(fact: Fact) -> Rule:
    """The rule that using ``fact`` counts as: the registered rule it is named after
    (a fact called "Bayes' rule"), else algebra, whose substitution of a stated
    definition licenses any name (a fact named "definition of y" is no rule of its own).
    """
    return find_rule(fact.name) or ALGEBRA


def evaluated(expr: Basic) -> Basic:
    """``expr`` rebuilt bottom-up with evaluation.

    The parser builds steps with ``evaluate=False`` so the step checked is the step
    written; rebuilding at check time lets the context's assumptions act
    (``sqrt(eta**2)`` becomes ``eta`` for a positive eta) before canonical forms.
    """
    if not expr.args or isinstance(expr, (sympy.MatrixBase, sympy.Derivative)):
        return expr  # a derivative's body stays as written: d/dn sin(pi n) is not d/dn 0 for an integer n
    args = tuple(evaluated(a) for a in expr.args)
    return expr.func(*args)


def apply_facts(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """Rewrite every occurrence of a fact's left side by its right side.

    Repeated until nothing changes (at most once per fact), so a definition that uses
    another definition is unfolded completely.
    """
    used: list[Rule] = []
    facts = usable_facts(context)
    expr = as_premised(expr, facts)
    for _ in range(len(facts)):
        before = expr
        for fact in facts:
            if expr.has(fact.lhs) and fact.lhs not in bound_symbols(expr):  # a bound k is not the defined k
                expr = expr.xreplace({fact.lhs: fact.rhs})
                used.append(fact_rule(fact)) if fact_rule(fact) not in used else None
        if expr == before:
            break
    return expr, tuple(used)


def _application_key(applied: AppliedUndef) -> tuple:
    return applied.func.__name__, applied.args


def as_premised(expr: Expr, facts: tuple) -> Expr:
    """Each application written as a fact's left side is that left side: ``h(D)`` read as a real
    function moving with D (so ``dh/dD`` is Derivative(h(D), D)) is the ``h(D)`` a premise gives a value,
    though the reader made two function objects (one with assumptions). Same name and same arguments
    only: the premise holds for that application, never for h at another argument."""
    premised = {_application_key(f.lhs): f.lhs for f in facts if isinstance(f.lhs, AppliedUndef)}
    if not premised or not expr.has(AppliedUndef):
        return expr
    mapping = {a: premised[_application_key(a)] for a in expr.atoms(AppliedUndef)
               if _application_key(a) in premised and a != premised[_application_key(a)]}
    return expr.xreplace(mapping) if mapping else expr


def bound_symbols(expr: Basic) -> set:
    """Symbols bound inside ``expr``: summation and integration variables, differentiation variables."""
    bound = set()
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, (sympy.Sum, sympy.Integral, sympy.Product)):
            bound.update(limit[0] for limit in node.limits)
        elif isinstance(node, sympy.Derivative):
            bound.update(node.variables)
    return bound


def _reaches(start: Expr, target, defined: dict) -> bool:
    """Does unfolding ``start`` through the definitions ever meet ``target``?"""
    seen, frontier = set(), [start]
    while frontier:
        expr = frontier.pop()
        for name, value in defined.items():
            if name not in seen and expr.has(name):
                if name == target:
                    return True
                seen.add(name)
                frontier.append(value)
    return False


@functools.lru_cache(maxsize=256)
def usable_facts(context: Context) -> tuple:
    """The facts minus circular definitions (``a = b + 1``, ``b = a - 2``; also subscripted
    names): unfolding those would prove anything from a contradiction, so they are not used;
    plus the other entries of a family a fact defines at a free index (``family_instances``)."""
    defined = {f.lhs: f.rhs for f in context.facts if isinstance(f.lhs, (sympy.Symbol, sympy.Indexed))}
    circular = {name for name, value in defined.items() if _reaches(value, name, defined)}
    usable = tuple(f for f in context.facts if f.lhs not in circular)
    return usable + family_instances(usable, context)


def _subscript(symbol) -> tuple[str, str] | None:
    """``p_i`` / ``p_{i}`` -> ("p", "i"): a name subscripted by one plain index name, else None."""
    base, _, index = symbol.name.partition("_")
    index = index[1:-1] if index.startswith("{") and index.endswith("}") else index
    return (base, index) if base and index.isidentifier() else None


def _names_index(symbol, index, family: str) -> bool:
    """Does ``symbol`` carry ``index`` in its name (``x_t``, ``theta_{t-1}``) or belong to the defined
    family itself (a recurrence)? Renaming the index symbol would not reach it."""
    if not isinstance(symbol, sympy.Symbol) or "_" not in symbol.name:
        return False
    base, _, subscript = symbol.name.partition("_")
    return base == family or index.name in re.findall(r"[A-Za-z]\w*", subscript)


def family_instances(facts: tuple, context: Context) -> tuple:
    """``p_k = v[i := k]`` for a fact ``p_i = v`` whose value holds the integer index i itself
    (``exp(o_i) / sum_j exp(o_j)`` with ``o_i`` an entry of o): ``p_i`` at a free index defines p at
    every index, and ``p_k`` is written elsewhere (the context's names). Not when the value names a
    symbol whose subscript mentions i (``g_t = grad f(x_t)``, ``theta_t = theta_{t-1} - eta t``) or a
    member of the family (a recurrence): renaming the index would not reach those."""
    found = []
    names = {s.name: s for s in context.symbols if isinstance(s, sympy.Symbol)}
    taken = {f.lhs for f in facts}
    for fact in facts:
        written = _subscript(fact.lhs) if isinstance(fact.lhs, sympy.Symbol) else None
        index = next((s for s in fact.rhs.free_symbols if written and s.name == written[1] and s.is_integer), None)
        if index is None or any(_names_index(s, index, written[0]) for s in fact.rhs.free_symbols):
            continue
        for symbol in context.symbols:
            other = _subscript(symbol) if isinstance(symbol, sympy.Symbol) else None
            target = names.get(other[1]) if other and other[0] == written[0] else None
            if target is not None and target != index and target.is_integer and symbol not in taken:
                found.append(Fact(f"{fact.name}, at {target}", symbol, fact.rhs.xreplace({index: target})))
    return tuple(found)


def _unshown_variable(derivative: sympy.Derivative):
    """A variable the derivative is taken by that its body does not show, while the body holds an
    undefined function (``d L(z_j) / d yhat_i``), or None. Carried out, it is 0; but the function
    written at other arguments says only where the reader saw it, not that it is constant in that
    variable (the document differentiates by it), so the weakest reading leaves it undecided."""
    if not derivative.expr.atoms(AppliedUndef):
        return None
    return next((v for v in derivative.variables if not _shows(derivative.expr, v)), None)


def _shows(expr: Expr, variable) -> bool:
    """Does ``expr`` show ``variable``: itself, or for an entry ``z_j`` any entry of ``z`` (``d z_i/d z_j`` is a delta)."""
    if isinstance(variable, sympy.Indexed):
        return any(e.base == variable.base for e in expr.atoms(sympy.Indexed))
    return expr.has(variable)


def carried_out(derivative: sympy.Derivative) -> Expr:
    """One derivative done exactly, or ``Undecided`` where that would drop an unshown dependence."""
    variable = _unshown_variable(derivative)
    if variable is not None:
        raise Undecided(f"the derivative by {variable} of {derivative.expr}: the document does not show "
                        f"whether it depends on {variable}")
    return carried(derivative)



def differentiated_families(expr: Expr) -> set:
    """The families ``expr`` differentiates by (``yhat`` of ``dL / d yhat_i``): read as variables
    there, so their definitions are not substituted in it."""
    return {v.base for d in expr.atoms(sympy.Derivative) for v in d.variables if isinstance(v, sympy.Indexed)}


def hidden_derivatives(expr: Expr) -> dict:
    """derivative -> the families it would treat as constants: entries in its body of a family the same
    expression differentiates by (``d/dz_j`` of ``sum_i y_i log yhat_i`` beside ``dL/dyhat_i``). That
    family is a variable there, its definition (``yhat_i = softmax(z)_i``) is left out, and carried
    out as it stands the derivative would be 0, hiding how yhat depends on z."""
    families = differentiated_families(expr)
    found = {}
    for derivative in expr.atoms(sympy.Derivative) if families else ():
        own = {v.base for v in derivative.variables if isinstance(v, sympy.Indexed)}
        hidden = {e.base for e in derivative.expr.atoms(sympy.Indexed) if e.base in families - own}
        if hidden:
            found[derivative] = hidden
    return found


def hide_no_dependence(expr: Expr) -> None:
    """``Undecided`` where a derivative would hide a dependence (``hidden_derivatives``)."""
    for derivative, families in hidden_derivatives(expr).items():
        raise Undecided(f"the derivative by {', '.join(map(str, derivative.variables))} of {derivative.expr}: "
                        f"{', '.join(sorted(map(str, families)))} is differentiated by in the same step, so its "
                        "definition is not substituted, and how it depends on the variable is not shown")


def unfold_hidden(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    """The chain rule through a defined family: inside each derivative that would hide a dependence,
    the family's definition is substituted (there it is a function of the variable, ``p_i(o)``),
    while ``d log p_i / d p_i`` keeps p a variable; outside derivatives the definition comes back
    once they are carried out (``canonical``). A family with no definition stays hidden (undecided)."""
    hidden = hidden_derivatives(expr)
    if not hidden:
        return expr, ()
    from .linalg import apply_definitions  # linalg builds on algebra: imported on use
    from .linalg.sums import freshen

    used: list = []
    mapping = {}
    for derivative in hidden:
        unfolded, rules = apply_definitions(freshen(derivative), context)
        mapping[derivative] = unfolded
        used.extend(r for r in rules if r not in used)
    return expr.xreplace(mapping), tuple(used)


def differentiate(expr: Expr) -> Expr:
    """Every derivative carried out exactly (chain and product rules); undefined functions stay;
    never where that hides a dependence (``hide_no_dependence``)."""
    if not expr.has(sympy.Derivative):
        return expr
    hide_no_dependence(expr)
    return expr.replace(lambda e: isinstance(e, sympy.Derivative), carried_out)


def carry_out(expr: Expr) -> tuple[Expr, tuple[Rule, ...]]:
    """Derivatives of explicit expressions, limits and polynomial sums, done exactly."""
    used = []
    if expr.has(sympy.Derivative):
        expr = differentiate(expr)
        used.append(DIFFERENTIATION)
    if expr.has(sympy.Subs):  # a derivative at a point, once carried out: its value there
        expr = expr.replace(lambda e: isinstance(e, sympy.Subs) and not e.expr.has(sympy.Derivative),
                            lambda e: e.doit())
    if expr.has(sympy.Limit):
        expr, found = _limits_taken(expr)
        used.extend([LIMIT] if found else [])
    if expr.has(sympy.Integral):
        expr, found = _polynomial_integrals(expr)
        used.extend([POLYNOMIAL_INTEGRAL] if found else [])
    if expr.has(sympy.Sum):
        from .asymptotics.sums import CLOSED_FORM_SUMS, close_sums  # Faulhaber's formulas

        expr, closed = close_sums(expr)
        used.extend([CLOSED_FORM_SUMS] if closed else [])
    return expr, tuple(used)


def _polynomial_integrals(expr: Expr) -> tuple[Expr, bool]:
    """Each integral of a polynomial in its one variable over finite bounds free of it, done exactly
    term by term (``Poly.integrate``: no search for an antiderivative, so no time is at risk); the
    others (densities, infinite ranges, anything not a polynomial) stay as written."""
    found = False

    def done(node):
        nonlocal found
        if len(node.limits) != 1 or len(node.limits[0]) != 3:
            return node
        variable, low, high = node.limits[0]
        body = node.function
        if not (isinstance(variable, sympy.Symbol) and body.is_commutative and body.is_polynomial(variable)):
            return node
        if any(b.has(variable) or b.has(sympy.oo, -sympy.oo, sympy.zoo) for b in (low, high)):
            return node
        antiderivative = sympy.Poly(body, variable).integrate().as_expr()
        found = True
        return antiderivative.subs(variable, high) - antiderivative.subs(variable, low)

    return expr.replace(lambda e: isinstance(e, sympy.Integral), done), found


def _limits_taken(expr: Expr) -> tuple[Expr, bool]:
    """Each limit SymPy finds exactly (a number or an expression, never an interval of accumulation
    points, an undefined value or a limit it leaves as it was); the others stay as written."""
    found = False

    def taken(node):
        nonlocal found
        try:
            value = node.doit()
        except (ValueError, NotImplementedError, TypeError):  # "the result depends on the sign of a"
            return node
        if value.has(sympy.Limit, sympy.AccumBounds, sympy.zoo) or value is sympy.nan or (
                value.has(sympy.oo, -sympy.oo) and value.free_symbols):  # oo**a, oo*sign(a): undecided
            return node
        found = True
        return value

    return expr.replace(lambda e: isinstance(e, sympy.Limit), taken), found


def _odd_sign(e) -> bool:
    return isinstance(e, sympy.sign) and e.args[0].is_Pow and e.args[0].exp.is_odd is True \
        and e.args[0].base.is_extended_real is True


def _magnitude_times_sign(product: Expr) -> Expr:
    factors = list(product.args)
    for factor in [f for f in product.args if isinstance(f, sympy.sign)]:
        if factor in factors and sympy.Abs(factor.args[0]) in factors:
            factors.remove(factor), factors.remove(sympy.Abs(factor.args[0]))
            factors.append(factor.args[0])
    return sympy.Mul(*factors)


def signed_magnitudes(expr: Expr) -> Expr:
    """The form of real odd roots (``real_root(u, 3) = |u|^(1/3) sign(u)``) brought back:
    ``sign(u^k) = sign(u)`` for a real u and odd k, and ``|u| sign(u) = u``; both identities."""
    if not expr.has(sympy.sign):
        return expr
    expr = expr.replace(_odd_sign, lambda e: sympy.sign(e.args[0].base))
    return expr.replace(lambda e: e.is_Mul and e.has(sympy.sign) and e.has(sympy.Abs), _magnitude_times_sign)


def normalise(expr: Expr) -> Expr:
    """Expand logs (only where the arguments are known positive), powers and products."""
    expr = sympy.expand(expr, log=True, power_exp=True, power_base=True, mul=True, multinomial=True)
    expr = signed_magnitudes(expr)
    if expr != 0 and any(term.is_Pow and term.exp.is_negative for term in sympy.preorder_traversal(expr)):
        expr = sympy.expand(holding_closed(lambda e: sympy.cancel(sympy.together(e)), expr))
    return expr


def _softmax_entries(expr: Expr) -> tuple[Expr, tuple[Rule, ...]]:
    """``softmax(\\mathbf{o})_j`` as ``exp(o_j) / sum_k exp(o_k)`` when the step sums the o_k over one
    range (``softmax.canonical.softmax_entries``); imported on use, since softmax builds on algebra."""
    from .softmax.canonical import SOFTMAX_DEFINITION, softmax_entries

    expr, done = softmax_entries(expr, expr)
    return expr, (SOFTMAX_DEFINITION,) if done else ()


def canonical(expr: Expr, context: Context) -> tuple[Expr, tuple[Rule, ...]]:
    expr, entries = _softmax_entries(expr)
    expr, used = apply_facts(expr, context)
    if used and expr.has(sympy.Sum):  # a definition's sums beside sums another theory renamed: one naming
        from .linalg.sums import rename_dummies

        expr = rename_dummies(expr)
    used = entries + used
    if isinstance(expr, sympy.sets.Set) or expr.atoms(sympy.sets.Set):  # \pm as a set of values, in a fact
        raise Undecided("a set of values (a \\pm read as both branches) has no canonical form: each branch "
                        "is decided on its own, and this one was reached through a fact the split did not see")
    expr, chained = unfold_hidden(expr, context)
    expr, done = carry_out(expr)
    expr, after = apply_facts(expr, context) if done else (expr, ())  # stated dynamics: \dot p = -q
    if chained:  # the family a derivative was taken by is a function again: its definition everywhere
        from .linalg import apply_definitions
        from .linalg.ranges import collapse_deltas
        from .linalg.sums import rename_dummies

        expr, rules = apply_definitions(expr, context)
        collapsed: set = set()
        expr = rename_dummies(collapse_deltas(rename_dummies(expr), collapsed))
        after = after + tuple(rules) + chained + tuple(collapsed)
    if expr.has(sympy.KroneckerDelta):  # last, once definitions and sums have written every index out
        from .linalg.ranges import at_apart_indices, at_equal_indices, collapse_unstated

        equal: set = set()
        expr = collapse_unstated(expr, equal)  # a delta under an unstated sum the derivative made
        expr = at_equal_indices(at_apart_indices(expr, context.relations, equal), equal)
        after = after + tuple(equal)
    return normalise(expr), used + tuple(u for u in after if u not in used) + done + (ALGEBRA,)


def sample_value(symbol, rng: np.random.Generator) -> float:
    """A value that satisfies the symbol's assumptions, away from edge cases."""
    if symbol.is_integer:
        low = 1 if symbol.is_positive else (0 if symbol.is_nonnegative else -4)
        return float(rng.integers(low, 7))
    if symbol.is_positive:
        return float(np.round(rng.uniform(0.3, 2.5), 3))
    if symbol.is_nonnegative:
        return float(np.round(rng.uniform(0.0, 2.5), 3))
    if symbol.is_negative:
        return float(np.round(rng.uniform(-2.5, -0.3), 3))
    return float(np.round(rng.uniform(-2.0, 2.0), 3))


def definitions(context: Context) -> dict:
    """The facts that define a symbol (``y = x^2 + 1``): its value follows from the others'."""
    return {fact.lhs: fact.rhs for fact in usable_facts(context) if isinstance(fact.lhs, sympy.Symbol)}


def _needed(expr: Expr, defined: dict) -> set:
    """The free symbols of ``expr`` and of every definition it reaches."""
    needed, frontier = set(), set(expr.free_symbols)
    while frontier:
        symbol = frontier.pop()
        needed.add(symbol)
        frontier |= (defined[symbol].free_symbols if symbol in defined else set()) - needed
    return needed


def _family(symbol) -> str:
    return symbol.name.split("_")[0] if "_" in symbol.name else ""


@dataclass(frozen=True)
class Recurrence:
    """The families a definition names (p of ``p_{t+1} = ...``) and the symbols the definitions use
    (their state): found once per check, since no drawn value changes them."""

    families: frozenset
    state: frozenset

    @classmethod
    def of(cls, defined: dict) -> "Recurrence":
        families = {_family(s) for s in defined if isinstance(s, sympy.Symbol)} - {""}
        state = set().union(*(value.free_symbols for value in defined.values())) if defined else set()
        return cls(frozenset(families), frozenset(state))

    def members(self, free: set) -> set:
        """Free symbols named like a defined one (p_T beside p_{t+1} = p_t - eta g_t) that are not
        the recurrence's own state: sampling them freely would refute true unrolled steps."""
        return {s for s in free if isinstance(s, sympy.Symbol) and _family(s) in self.families
                and s not in self.state}


def _premised_derivatives(expr: Expr, context: Context) -> bool:
    """Does ``expr`` differentiate an application a fact gives a value (``dh/dD`` after ``h(D) = ...``)?"""
    keys = {_application_key(f.lhs) for f in usable_facts(context) if isinstance(f.lhs, AppliedUndef)}
    return bool(keys) and any(_application_key(a) in keys for d in expr.atoms(sympy.Derivative)
                              for a in d.expr.atoms(AppliedUndef))


def _premised_derivative(context: Context):
    """A derivative evaluated after the facts are put in under it (``as_premised``): carried out exactly
    on the value, numbers only for the result; a derivative left over is undecided."""
    def value(node: sympy.Derivative, evaluate: Evaluator):
        done = carried_out(apply_facts(node, context)[0])
        if done.has(sympy.Derivative):
            raise Undecided(f"cannot differentiate {node.expr} symbolically")
        return evaluate(done)
    return value


@dataclass(frozen=True, eq=False)
class Drawing:
    """What every draw of ``expr`` under ``context`` shares, since no drawn value changes it: the
    definitions, the symbols they and ``expr`` need, the recurrence they form, and whether ``expr``
    differentiates a premised application. A check draws up to a few hundred instances of one
    expression; finding these walked every fact at each draw (a fifth of a draw's time)."""

    context: Context
    expr: Expr
    defined: dict
    needed: set  # as ``_needed`` builds it (never changed): the draws iterate it as they did
    recurrence: Recurrence
    premised_derivatives: bool

    @classmethod
    def of(cls, context: Context, expr: Expr) -> "Drawing":
        """The drawing of the last (context, expr) asked again, else a new one: the draws of one check
        ask with the very same context and an equal expression (each draw builds its pair of sides
        afresh); the slot keeps the context alive, so its identity cannot be another's."""
        last = _LAST_DRAWING[0]
        if last is not None and last.context is context and (last.expr is expr or last.expr == expr):
            return last
        defined = definitions(context)
        made = cls(context, expr, defined, _needed(expr, defined), Recurrence.of(defined),
                   not expr.has(sympy.Indexed) and _premised_derivatives(expr, context))
        _LAST_DRAWING[0] = made
        return made


_LAST_DRAWING: list = [None]


def instantiate(context: Context, expr: Expr, rng: np.random.Generator, instance: Instance) -> str | None:
    """Sample every free symbol by its assumptions; defined symbols take their definition's value.
    A derivative of a premised application is evaluated on the premise's value (the indexed families'
    derivatives are the engine's)."""
    drawing = Drawing.of(context, expr)
    if drawing.premised_derivatives:
        instance.hooks.setdefault(sympy.Derivative, _premised_derivative(context))
    defined, needed = drawing.defined, drawing.needed
    bound = set(instance.values) | set(context.integration_variables)
    unrolled = drawing.recurrence.members(needed - bound - set(defined))
    if unrolled:
        return (f"{', '.join(sorted(map(str, unrolled)))} belong to a recurrence defined for "
                f"other indices, which is not unrolled; a free value for them proves nothing")
    for symbol in sorted(needed - bound - set(defined), key=str):
        value = sample_value(symbol, rng)
        instance.values[symbol] = value
        instance.described.append((str(symbol), f"{value:g}"))
    pending = [s for s in sorted(needed & set(defined), key=str) if s not in instance.values]
    for _ in range(len(pending)):
        for symbol in [s for s in pending if defined[s].free_symbols <= set(instance.values)]:
            try:
                value = Evaluator(instance.values, instance.hooks)(defined[symbol])
            except Undecided as why:
                return f"the definition of {symbol} cannot be evaluated: {why}"
            instance.values[symbol] = value
            shown = f"{complex(value).real:g}" if np.ndim(value) == 0 and not np.iscomplexobj(value) else str(value)
            instance.described.append((str(symbol), f"{shown} (by its definition)"))
            pending.remove(symbol)
    return f"circular definitions of {', '.join(map(str, pending))}" if pending else None


register_theory(Theory("algebra", canonical, instantiate))
