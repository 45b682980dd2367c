"""The defaults a template gives its questions: a literal, or one that follows what is known.

`{today}`; `{next_meeting}`, the number after the last meeting of the learning route;
`@SESSION_ROLE`, the participant with that session role; `{slug:QUESTION}`, an id made
from another answer of the entry; `{next:PREFIX}`, the first free `PREFIX1`, `PREFIX2`...;
`{casus:FIELD}`, what the casus says; `{side:QUESTION:KEY}`, the side people from the
organisation that QUESTION names are on (KEY for the casus' own organisation). Each
`{...}` default is one function in `RULES`; a default given as it is typed is shown as
its question shows values.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from evaltool.wizard.data import folded_equal, next_id, unique
from evaltool.wizard.slug import short_id

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Question

Rule = Callable[["Wizard", "Question", dict[str, Any], set[str], str], "str | None"]
"""(wizard, question, the entry so far, the ids taken, the argument) → the default."""


def default(wizard: Wizard, question: Question, entry: dict[str, Any],
            taken: set[str] | None) -> str | None:
    """The default of `question` in `entry`, as it would be typed; None when it has none."""
    text = question.default
    if text is None:
        return None
    if text.startswith("@"):
        people = wizard.data.get("participants") or {}
        return next((pid for pid, person in people.items()
                     if person.get("session_role") == text[1:]), None)
    name, _, argument = text[1:-1].partition(":")
    rule = RULES.get(name) if text.startswith("{") and text.endswith("}") else None
    if rule is None:
        return wizard.grammar.show(question, text)
    return rule(wizard, question, entry, taken or set(), argument)


def _today(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
           argument: str) -> str | None:
    return wizard.today.isoformat()


def _next_meeting(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
                  argument: str) -> str | None:
    return wizard.route.next_meeting(wizard.data)


def _slug(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
          argument: str) -> str | None:
    source = entry.get(argument)
    return unique(short_id(str(source)), taken) if source else None


def _next(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
          argument: str) -> str | None:
    return next_id(argument, taken)


def _casus(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
           argument: str) -> str | None:
    value = (wizard.data.get("casus") or {}).get(argument)
    return str(value) if value else None


def _side(wizard: Wizard, question: Question, entry: dict[str, Any], taken: set[str],
          argument: str) -> str | None:
    name, _, own = argument.partition(":")
    side = side_of(wizard, entry.get(name), own or None)
    return wizard.grammar.show(question, side) if side else None


RULES: dict[str, Rule] = {"today": _today, "next_meeting": _next_meeting, "slug": _slug,
                          "next": _next, "casus": _casus, "side": _side}
"""Each `{NAME}` or `{NAME:ARGUMENT}` default, and what gives its value."""


def side_of(wizard: Wizard, organisation: Any, own: str | None) -> str | None:
    """The side people from this organisation are on: as in this session's entries so
    far, or in earlier sessions; `own` for the casus' own organisation."""
    if not organisation:
        return None
    people = [data for _, data in wizard.siblings]
    people += list((wizard.data.get("participants") or {}).values())
    for person in people:
        if folded_equal(person.get("organisation"), str(organisation)) and \
                person.get("affiliation"):
            return str(person["affiliation"])
    for session in reversed(wizard.route.sessions):
        for name, side in session.sides:
            if folded_equal(name, str(organisation)):
                return side
    casus = wizard.data.get("casus") or {}
    return own if folded_equal(casus.get("organisation"), str(organisation)) else None
