"""Premises stated at a general index, used at the indices a derivation writes.

``s_i(x) = e^{x_i} / \\sum_j e^{x_j}`` defines every component function, so ``s_j(x)`` has the value with j
for i; ``h_{i+1} = h_i - \\alpha R'(h_i)`` holds at every i from the first index the document gives, so
``h_1`` has the value at i = 0. Each instance is a fact of its own, named by the premise and the index, so
the checker unfolds it like any definition. Only an index the premise's value uses as one is general:
``f_1(x) = x^2`` says nothing of f_2, and a recurrence is never taken below its stated start.
"""
from __future__ import annotations

import re

import sympy
from sympy import Expr, Indexed, Symbol
from sympy.core.function import AppliedUndef

from ..errors import ParseError
from ..model import Fact
from .expressions import parse_latex_expr

MOST_INSTANCES = 64  # iterates unrolled from recurrence premises, per document


def component_functions(statements: list, premised: list[bool]) -> dict:
    """``Let $s(\\mathbf x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$``: a premise giving the i-th entry of a function's
    value defines the component functions, so ``s(x)_k`` everywhere is ``s_k(x)``, as ``s_k(x)`` itself is read.
    Only for a function no formula gives whole (``g(x) = [x^2; 3x]`` keeps its entries: g(x)_2 is 3x, no fresh
    name). The mapping from each entry written to its component (``statements``: each formula's, or None)."""
    components, whole = set(), set()
    for statement, premise in zip(statements, premised):
        if statement is None or not statement.exprs:
            continue
        first = statement.exprs[0]
        if isinstance(first, AppliedUndef) and first.func.__name__ != "entry":
            whole.add(first.func.__name__)
        call = _entry_of_a_call(first)
        if premise and call is not None and set(statement.relations) <= {"=", ":="}:
            components.add(call.func.__name__)
    names = components - whole
    found = {}
    for statement in statements:
        for expr in (statement.exprs if statement is not None else ()):
            for node in expr.atoms(AppliedUndef) if isinstance(expr, Expr) else ():
                call = _entry_of_a_call(node)
                if call is not None and call.func.__name__ in names:
                    name = f"{call.func.__name__}_{node.args[1]}"
                    function = sympy.Function(name) if call.is_commutative else sympy.Function(name, commutative=False)
                    found[node] = function(*call.args)
    return found


def _freed(body: Expr, name) -> Expr:
    """``body`` with each sum or product over a variable named like ``name`` taken over a fresh one instead, so
    that putting ``name`` in for the index captures nothing (``\\sum_j W_{ij} x_j`` at i = j)."""
    if not isinstance(name, Symbol):
        return body

    def fresh(node):
        (variable, *bounds), *rest = node.limits
        if rest or variable.name != name.name:
            return node
        other = sympy.Dummy(variable.name, **variable.assumptions0)
        return type(node)(node.function.xreplace({variable: other}), (other, *bounds))

    return body.replace(lambda e: isinstance(e, (sympy.Sum, sympy.Product)), fresh)


def _entry_of_a_call(node) -> AppliedUndef | None:
    """The application of ``entry(s(x), i)`` (i one name or a whole number), else None."""
    if not (isinstance(node, AppliedUndef) and node.func.__name__ == "entry" and len(node.args) == 2):
        return None
    value, index = node.args
    if isinstance(value, AppliedUndef) and value.func.__name__ != "entry" and (
            isinstance(index, Symbol) or (isinstance(index, sympy.Integer) and index >= 0)):
        return value
    return None


def at_other_indices(facts: tuple, written: list[Expr], symbols: dict) -> tuple:
    """A premise on a component function at an index its value uses as one (``s_i(x) = e^{x_i} / \\sum_j
    e^{x_j}``) holds at every index: for each ``s_k(x)`` written at the premise's own variables, the premise
    with k for i (``symbols``: the document's symbols by name)."""
    families = _function_families({f.lhs.func: (f.lhs.args, f.rhs) for f in facts if _at_variables(f.lhs)})
    found, known = [], {f.lhs for f in facts}
    for call in sorted({c for e in written for c in e.atoms(AppliedUndef)}, key=str):
        component = _component_name(call.func.__name__)
        if call in known or component is None or (component[0], len(call.args)) not in families:
            continue
        variables, body, index = families[(component[0], len(call.args))]
        at = sympy.Integer(component[1]) if component[1].isdigit() else symbols.get(component[1])
        if at is None or tuple(a.name if isinstance(a, Symbol) else a for a in call.args) != tuple(
                v.name for v in variables):
            continue  # s_i at another argument (\sigma_i(1 - \sigma_j)) is no instance: its value there is not given
        value = _freed(body, at).xreplace({index: at})  # f_j of f_i(x) = \sum_j W_{ij} x_j: the sum's j renamed
        found.append(Fact(f"the premise on {component[0]}_{index} at {at}", call, value))
    return tuple(found)


def recurrences_at(facts: tuple, written: list[Expr], relations: tuple = ()) -> tuple:
    """``h_{i+1} = h_i - \\alpha g(h_i)`` and ``h_1`` written: the premise at i = 0, ``h_1 = h_0 - \\alpha g(h_0)``,
    for each entry of the family written with a whole-number index that no fact gives. The index must be at
    least the first one the premises give the family (h_0 here), else at least 0."""
    given = {f.lhs for f in facts if isinstance(f.lhs, Symbol)}
    steps = [(f, entry) for f in facts if isinstance(f.lhs, Symbol)
             and (entry := _entry(f.lhs.name)) is not None and _shift(entry[1]) is not None
             and _at_every_index(f.rhs, entry[0], _shift(entry[1])[0])]
    if not steps:
        return ()
    starts: dict[str, int] = {}
    for name in (s.name for s in given):
        entry = _entry(name)
        if entry is not None and isinstance(entry[1], sympy.Integer):
            starts[entry[0]] = min(starts.get(entry[0], int(entry[1])), int(entry[1]))
    found, done = [], set(given)
    waiting = sorted({s for e in written for s in e.free_symbols if isinstance(s, Symbol)} - done, key=str)
    while waiting and len(found) < MOST_INSTANCES:  # an instance's value may hold earlier iterates: those too
        symbol = waiting.pop()
        done.add(symbol)
        entry = _entry(symbol.name)
        if entry is None or not isinstance(entry[1], sympy.Integer):
            continue
        for fact, (base, index) in steps:
            letter, offset = _shift(index)
            at = int(entry[1]) - offset
            if base != entry[0] or at < max(starts.get(base, 0), _lowest(letter, relations)):
                continue
            value = _renamed(fact.rhs, letter, sympy.Integer(at))
            found.append(Fact(f"{fact.name} at {letter} = {at}", symbol, value))
            waiting.extend(s for s in value.free_symbols if isinstance(s, Symbol) and s not in done and s not in waiting)
            break
    defined = given | {f.lhs for f in found}
    bases = {base for _, (base, _) in steps}
    loose = {s for f in found for s in f.rhs.free_symbols if isinstance(s, Symbol) and s not in defined
             and (entry := _entry(s.name)) is not None and entry[0] in bases}
    return () if waiting or loose else tuple(found)  # an iterate left free would be drawn at random: none


def _at_every_index(value: Expr, base: str, letter: Symbol) -> bool:
    """A premise at a general index holds at every index when its value uses that index: an earlier entry of
    its own family (``h_i`` in ``h_{i+1} = h_i - ...``) or the letter itself (``\\eta_t = 1/(t + 2)``). A
    subscripted fact whose value does neither (``y_c = 1`` for the correct class c) holds at its index only."""
    return any(isinstance(s, Symbol) and (s.name == letter.name or (entry := _entry(s.name)) is not None
                                          and entry[0] == base) for s in value.free_symbols)


def _lowest(letter: Symbol, relations) -> int:
    """The least index the relations allow the letter (``t >= 3``, ``0 < t``: 3, 1), else 0."""
    lowest = 0
    for relation in relations:
        if not getattr(relation, "is_Relational", False) or relation.rel_op not in (">=", ">", "<=", "<"):
            continue
        small, large = (relation.rhs, relation.lhs) if relation.rel_op in (">=", ">") else (relation.lhs, relation.rhs)
        if isinstance(large, Symbol) and large.name == letter.name and small.is_number and small.is_real:
            bound = sympy.floor(small) + 1 if relation.rel_op in (">", "<") else sympy.ceiling(small)
            lowest = max(lowest, int(bound))
    return lowest


def _entry(name: str) -> tuple[str, Expr] | None:
    """``h_{i + 1}`` -> ("h", i + 1), ``h_0`` -> ("h", 0): a name with one subscript, read as an index."""
    match = re.fullmatch(r"([A-Za-z\\]+?)_(?:\{([^{},]+)\}|([A-Za-z]|\d+))", name)
    if match is None:
        return None
    try:
        return match.group(1), parse_latex_expr(match.group(2) or match.group(3))
    except ParseError:
        return None


def _shift(index: Expr) -> tuple[Symbol, int] | None:
    """``i + 1`` -> (i, 1), ``t`` -> (t, 0): one letter plus a whole number; None for anything else."""
    letters = [s for s in index.free_symbols if isinstance(s, Symbol)]
    if len(letters) != 1 or not (index - letters[0]).is_Integer:
        return None
    return letters[0], int(index - letters[0])


def _renamed(value: Expr, letter: Symbol, at: sympy.Integer) -> Expr:
    """``value`` with the letter taken at ``at``: every entry ``h_{i - 1}`` named at its index there, and the
    letter standing bare (``\\eta_i = 1/i``) the number."""
    names = {}
    for symbol in value.free_symbols:
        if not isinstance(symbol, Symbol):
            continue
        if symbol.name == letter.name:
            names[symbol] = at
            continue
        entry = _entry(symbol.name)
        if entry is None or letter.name not in {s.name for s in entry[1].free_symbols}:
            continue
        index = entry[1].xreplace({s: at for s in entry[1].free_symbols if s.name == letter.name})
        names[symbol] = Symbol(f"{entry[0]}_{index}" if index.is_Integer and index >= 0 else
                               f"{entry[0]}_{{{index}}}", **symbol.assumptions0)  # h_{10} is read as h_10
    return value.xreplace(names)


def _at_variables(lhs: Expr) -> bool:
    """A function at distinct plain symbols (``s_i(x)``), as a definable application is."""
    return isinstance(lhs, AppliedUndef) and all(isinstance(a, Symbol) for a in lhs.args) \
        and len(set(lhs.args)) == len(lhs.args)


def _component_name(name: str) -> tuple[str, str] | None:
    """``s_i`` -> ("s", "i"), ``f_2`` -> ("f", "2"): a name with one plain index (a letter or a number)."""
    match = re.fullmatch(r"(.+?)_\{?([A-Za-z]|\d+)\}?", name)
    return (match.group(1), match.group(2)) if match else None


def _function_families(defined: dict) -> dict:
    """(base, arity) -> (variables, value, index symbol) for each defined component function whose index
    is a letter its value uses as an index of a family (``x_i`` in ``s_i(x)``'s value): only then is the
    definition one for every index. ``f_1(x) = x^2`` defines f_1 alone."""
    found = {}
    for func, (variables, body) in defined.items():
        component = _component_name(func.__name__)
        if component is None or not component[1].isalpha():
            continue
        used = {s for e in body.atoms(Indexed) for i in e.indices for s in i.free_symbols}
        written = next((s for s in used if isinstance(s, Symbol) and s.name == component[1]), None)
        if written is not None and written not in variables:
            found.setdefault((component[0], len(variables)), (variables, body, written))
    return found
