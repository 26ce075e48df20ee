"""``\\int_{z_i} p(x_i, z_i | \\theta)``: an integral whose variable is written under the sign and whose
differential is left out, as machine-learning notes write it. The variable under the sign names what is
integrated over, so the differential is supplied where the integrand ends: at the end of its bracket or
of the formula, or at a relation. Only when the integrand writes the variable; a set under the sign
(``\\int_\\Omega f(x)``) names no variable. An integrand that runs into ``+`` or ``-`` has no one end
(does the integral take the sum?), so it is refused, as is an integral with bounds but no differential."""
from __future__ import annotations

from lark import Token

from .diagnostics import parse_error
from .lexicon import RELATION_TOKENS
from .tokens import CLOSERS, OPENERS, script_unit_end

_VARIABLE_TOKENS = frozenset({"NAME", "UNDERSCORE", "LBRACE", "RBRACE", "NUMBER"})
_ENDS = frozenset(RELATION_TOKENS) | {"COMMA", "SEMI", "AMP", "ROWSEP"}


def supply_differentials(tokens: list, text: str, origin: tuple[int, int]) -> list:
    """The tokens with a DIFF (and the variable's subscript) after each integrand whose variable stands
    only under the integral sign (see the module docstring)."""
    out = list(tokens)
    for k in reversed([i for i, t in enumerate(out) if t.type == "INT"]):
        out = _supplied(out, k, text, origin)
    return out


def _variable(tokens: list, k: int) -> tuple[list, int] | None:
    """The tokens of the variable written under the integral at ``k`` (braces dropped), and where the
    integrand starts; None when there is no subscript, it is a bound (a superscript follows) or no name."""
    if k + 1 >= len(tokens) or tokens[k + 1].type != "UNDERSCORE":
        return None
    end = script_unit_end(tokens, k + 2)
    if end < len(tokens) and tokens[end].type == "CARET":
        return None
    script = tokens[k + 2:end]
    if script and script[0].type == "LBRACE" and script[-1].type == "RBRACE":
        script = script[1:-1]
    if not script or script[0].type != "NAME" or not all(t.type in _VARIABLE_TOKENS for t in script):
        return None
    return script, end


def _supplied(tokens: list, k: int, text: str, origin: tuple[int, int]) -> list:
    found = _variable(tokens, k)
    if found is None:
        return tokens
    variable, start = found
    depth, i, signed = 0, start, None
    while i < len(tokens):
        kind = tokens[i].type
        if kind in OPENERS:
            depth += 1
        elif kind in CLOSERS:
            depth -= 1
            if depth < 0:
                break
        elif depth == 0 and kind in ("DIFF", "INT"):
            return tokens  # its own differential (after a sum, too), or another integral inside: as written
        elif depth == 0 and kind in _ENDS:
            break
        elif depth == 0 and kind in ("PLUS", "MINUS", "PM", "MP") and i > start and signed is None:
            signed = i
        i += 1
    if not _writes(tokens[start:i], variable):
        return tokens
    if signed is not None:
        raise parse_error("an integral with its variable under the sign and no differential runs into a "
                          "+ or -: write the differential (d" + str(variable[0].value) + ") where it ends",
                          text, tokens[k].start_pos, origin)
    at = tokens[i - 1].end_pos if i > start and tokens[i - 1].end_pos is not None else tokens[k].start_pos
    supplied = [Token("DIFF", str(variable[0].value), start_pos=at, end_pos=at)]
    supplied += [Token(t.type, t.value, start_pos=at, end_pos=at) for t in variable[1:]]
    return tokens[:i] + supplied + tokens[i:]


def _writes(integrand: list, variable: list) -> bool:
    """Whether the integrand writes the variable: its name, followed by the same subscript where it has one."""
    kinds = [(t.type, str(t.value)) for t in variable]
    width = len(kinds)
    return any([(t.type, str(t.value)) for t in integrand[j:j + width]] == kinds for j in range(len(integrand)))
