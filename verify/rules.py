"""Named rules: the justifications a step may cite and the rewrites a verdict says it used.

A rule is one object, registered once under its name and aliases; theories emit the
object itself (never its name as a string), so every rule a verdict reports resolves.
The registry sits at the bottom layer so verdicts can hold rules without importing
the theories that define them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

_REGISTRY: dict[str, "Rule"] = {}


@dataclass(frozen=True)
class Rule:
    """A named justification; ``statement`` says what it licenses.

    ``check(lhs, relation, rhs, context)`` may decide a step on its own (e.g. Jensen);
    it returns None when the rule does not apply to the step. ``demands_citation`` is
    False for the background every step of a kind goes through (algebra, reading
    matrices entry by entry): a step that used only such rules licenses any cited name.
    """

    name: str
    statement: str
    check: Callable[..., object] | None = None
    aliases: tuple[str, ...] = ()
    demands_citation: bool = True

    def __str__(self) -> str:
        return self.name

    def __reduce__(self):
        """Pickled by name: a verdict crossing from a forked worker finds the same object."""
        return (rule_named, (self.name,))


def normalise_rule_name(name: str) -> str:
    """How a cited name is compared: case, possessives, dashes and underscores do not matter."""
    return " ".join(name.lower().replace("'s", "").replace("_", " ").replace("-", " ").split())


def register_rule(rule: Rule) -> Rule:
    """Register ``rule`` under its name and aliases; a name taken by another rule raises."""
    keys = [normalise_rule_name(key) for key in (rule.name, *rule.aliases)]
    for key in keys:
        taken = _REGISTRY.get(key)
        if taken is not None and taken is not rule:
            raise ValueError(f"rule name {key!r} is already registered (by {taken.name!r})")
    for key in keys:
        _REGISTRY[key] = rule
    return rule


def find_rule(name: str | None) -> Rule | None:
    """The rule a (cited) name refers to, or None."""
    return _REGISTRY.get(normalise_rule_name(name)) if name else None


def rule_named(name: str) -> Rule:
    """The registered rule of this exact name; an unknown name is a programming error."""
    rule = find_rule(name)
    if rule is None:
        raise KeyError(f"no rule named {name!r}")
    return rule


def rule_keys() -> Iterator[tuple[str, Rule]]:
    """Every (normalised name or alias, rule) pair, for readers that search prose for rule names."""
    return iter(list(_REGISTRY.items()))


def registered_rules() -> tuple[Rule, ...]:
    """Each registered rule once, in registration order."""
    return tuple(dict.fromkeys(_REGISTRY.values()))
