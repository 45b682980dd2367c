"""Parts that go through the participants in turn: their place in the NSOB model, their roles.

Everyone is asked in the order of the participants: Enter keeps what someone has (or
leaves them without), `-` removes it. A place is one line (`presterend, samenwerkend:
note`), or question by question. Roles are typed on one line in the notation of
`evaltool.wizard.roles`, with one question for their notes (`1: ...`), or with `+`
question by question as any list. An answers file names the participants it answers for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from evaltool.i18n import t
from evaltool.wizard.data import Entry, explain, model_at
from evaltool.wizard.forms import Invalid, participant, person_label
from evaltool.wizard.parts.base import AnswerTurns, PartKind, Turn
from evaltool.wizard.parts.entries import (
    Place,
    Read,
    ask_entry,
    edit_list,
    finish_entry,
    line_reader,
    list_end,
    summary,
)
from evaltool.wizard.prompter import Ask, Key, visible

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part, Step

REMOVE = "-"


class PerParticipant(PartKind):
    """Everyone in turn, in the order of the participants; an answers file names the
    participants it answers for."""

    needs_label = True

    def target(self, part: Part) -> str:
        return f"participants.{part.target}"

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        people: dict[str, Any] = work.get("participants") or {}
        if not people:
            wizard.asker.say(t("wizard.no_participants"), "yellow")
            return
        place = Place(part, work, model_at(self.target(part)))
        if not wizard.prompter.interactive:
            _picked(wizard, place, people)
            return
        for number, (pid, person) in enumerate(people.items(), 1):
            wizard.asker.say(f"{number}/{len(people)} {person_label(pid, person)}", "bold")
            if part.notation == "roles":
                _roles(wizard, place, pid, person)
            elif part.repeat:
                _repeated(wizard, place, (part.name, pid), person)
            else:
                _single(wizard, place, pid, person)

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        # Someone's roles are asked on one line first: `+` goes question by question.
        lead = t("wizard.roles_ask") if part.notation == "roles" else \
            str(part.questions[0].label)
        turns: list[Turn] = []
        for person in (data.get("participants") or {}).values():
            value = person.get(part.target)
            entries: list[dict[str, Any]] = value if isinstance(value, list) else \
                [value] if value else []
            typed = [turn for entry in entries for question in part.questions
                     for turn in answer(question, entry, None)]
            if not part.repeat:  # one entry, or Enter to leave them without
                turns += typed or [(lead, "")]
            elif part.notation == "roles":
                turns += [(lead, "+"), *typed, *list_end(part, True)] if typed else [(lead, "")]
            else:
                turns += [*typed, *list_end(part, bool(typed))]
        return turns

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        """Each participant with their NSOB place, or their roles on one line and the notes."""
        grammar = wizard.grammar
        orientation = next((q.default for q in part.questions if q.name == "orientation"),
                           None)
        facing = grammar.choice("orientations", orientation) if orientation else ""
        lines = []
        for pid, person in (data.get("participants") or {}).items():
            value = person.get(part.target)
            if not value:
                continue
            entries: list[dict[str, Any]] = value if isinstance(value, list) else [value]
            notes: list[str] = []
            if part.notation == "roles":
                shown = wizard.roles.show(entries, facing) or "; ".join(
                    summary(wizard, part, item) for item in entries)
                notes = [f"  {n}: {visible(role['note'], one_line=True)}"
                         for n, role in enumerate(entries, 1) if role.get("note")]
            else:
                shown = "; ".join(grammar.show_line(part, item) or summary(wizard, part, item)
                                  for item in entries)
            lines.append(f"• {visible(person_label(pid, person), one_line=True)}: "
                         f"{visible(shown, one_line=True)}")
            lines += notes
        return lines


def _single(wizard: Wizard, place: Place, pid: str, person: dict[str, Any]) -> None:
    """Someone's one entry (their NSOB place) on one line: Enter keeps it, `-` removes it;
    a line without marks goes on question by question."""
    part = place.part
    lead = part.questions[0]
    current = person.get(part.target)
    shown = wizard.grammar.show_line(part, current) if current else None
    ask = Ask((part.name, pid, lead.name), str(lead.label), shown,
              prefill=shown if shown and len(shown) > 40 else None)
    reader = line_reader(wizard, place, set(), paste=False)
    wizard.asker.offer(lead)  # the choices, for everyone in turn
    outcome, read = line_answer(wizard, ask, lambda: wizard.guide.help_lines(
        lead, part, lead=True), reader)
    if outcome == REMOVE:
        person.pop(part.target, None)
    elif isinstance(read, Read):
        result = finish_entry(wizard, place, (part.name, pid), read.entries[0],
                              (None, current or {}), set())
        if result is not None:
            if read.entries[0].complete:
                wizard.asker.say(f"→ {summary(wizard, part, result[1], limit=50)}", "dim")
            person[part.target] = result[1]
            wizard.ask_about_names((part.name, pid), place.model, result[1],
                           (current or {}).values())


def line_answer(wizard: Wizard, ask: Ask, help: Callable[[], list[str]],
                 parse: Callable[[str], Any], *, more: bool = False) -> tuple[str, Any]:
    """An answer that stands for a whole entry: ("keep", None) for Enter (or the line
    left as it was), (REMOVE, None) for `-`, ("+", None) for `+` when `more`, else
    ("new", what `parse` made of it). A refused line comes back to be corrected."""
    while True:
        raw = wizard.asker.input(ask, help)
        if raw is None:
            return "keep", None
        if raw in ("", ask.default) or raw == REMOVE or (more and raw == "+"):
            wizard.asker.record(ask.key, raw)
            return ("keep" if raw in ("", ask.default) else raw), None
        try:
            value = parse(raw)
        except Invalid as problem:
            wizard.prompter.reject(ask, str(problem))
        except ValidationError as error:
            wizard.prompter.reject(ask, explain(error, {(): ask.label},
                                                vocabulary=wizard.vocabulary))
        else:
            wizard.asker.record(ask.key, raw)
            return "new", value
        ask = dataclasses.replace(ask, prefill=raw)


def _repeated(wizard: Wizard, place: Place, prefix: Key, person: dict[str, Any]) -> None:
    """Someone's entries question by question (roles with `+`), as any list."""
    target = place.part.target
    owned: list[Entry] = [(None, item) for item in person.get(target) or []]
    entries = edit_list(wizard, place, prefix, owned)
    if entries:
        person[target] = [data for _, data in entries]
    else:
        person.pop(target, None)


def _roles(wizard: Wizard, place: Place, pid: str, person: dict[str, Any]) -> None:
    """Someone's roles on one line, then one question for their notes."""
    part = place.part
    orientation = _default_key(wizard, part, "orientation")
    roles: list[dict[str, Any]] = list(person.get(part.target) or [])
    shown = wizard.roles.show(roles, orientation) if roles else None
    ask = Ask((part.name, pid), t("wizard.roles_ask"), shown,
              prefill=shown if shown and len(shown) > 40 else None)
    if "roles" not in wizard.asker.offered:  # once a step: `?` shows them again
        wizard.asker.offered.add("roles")
        wizard.asker.lines([t("wizard.roles_choices", choices=wizard.roles.numbered())], "cyan")

    def parse(raw: str) -> list[dict[str, Any]]:
        new = _carried_notes(roles, wizard.roles.read(raw, orientation))
        for role in new:
            place.model.model_validate(role, context={"vocabulary": wizard.vocabulary})
        return new

    outcome, new = line_answer(wizard, ask, wizard.roles.help, parse, more=True)
    if outcome == REMOVE:
        person.pop(part.target, None)
    elif outcome == "+":
        _repeated(wizard, place, (part.name, pid, "+"), person)
    elif outcome == "new" or roles:
        person[part.target] = _role_notes(wizard, place, pid, new or roles, orientation)
        before = [value for role in roles for value in role.values()]
        for number, role in enumerate(person[part.target]):
            wizard.ask_about_names((part.name, pid, number), place.model, role, before)


def _default_key(wizard: Wizard, part: Part, name: str) -> str:
    question = next(q for q in part.questions if q.name == name)
    return wizard.grammar.choice(question.vocabulary or "", question.default or "") \
        if question.default else next(iter(wizard.vocabulary.entries(question.vocabulary or "")))


def _carried_notes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Notes stay with their role when the line changes (the first financier's note with
    the first financier, as `evaltool diff` matches roles)."""
    left = [dict(role) for role in old if role.get("note")]
    for role in new:
        match = next((o for o in left if (o.get("role"), o.get("label")) ==
                      (role.get("role"), role.get("label"))), None)
        if match is not None:
            role["note"] = match["note"]
            left.remove(match)
    return new


def _role_notes(wizard: Wizard, place: Place, pid: str, roles: list[dict[str, Any]],
                orientation: str) -> list[dict[str, Any]]:
    """One question for the notes of all someone's roles: `1: ...` lines."""
    grammar = wizard.grammar
    wizard.asker.lines([" · ".join(f"{n} {wizard.roles.show([role], orientation) or role['role']}"
                             for n, role in enumerate(roles, 1))], "dim")
    shown = wizard.roles.show_notes(roles) or None
    ask = Ask((place.part.name, pid, "note"), t("wizard.role_notes_ask"), shown,
              multiline=True, prefill=shown if shown and (len(shown) > 40 or "\\" in shown)
              else None)

    def parse(raw: str) -> dict[int, str]:
        notes = wizard.roles.read_notes(raw, len(roles))
        for note in notes.values():
            grammar.check(place.model, "note", note, t("wizard.role_notes_ask"))
        return notes

    outcome, notes = line_answer(wizard, ask, lambda: [t("wizard.help_role_notes")], parse)
    if outcome == "keep":
        return roles
    result = []
    for number, role in enumerate(roles, 1):
        role = {k: v for k, v in role.items() if k != "note"}
        if outcome == "new" and number in notes:
            role["note"] = notes[number]
        result.append(role)
    return result


def _picked(wizard: Wizard, place: Place, people: dict[str, Any]) -> None:
    """An answers file names the participants it gives answers for (by id, function,
    name or number)."""
    part = place.part
    round_ = 0
    while True:
        ask = Ask((part.name, round_), t("wizard.pick", label=str(part.label)), kind="pick")
        raw = wizard.asker.input(ask)
        round_ += 1
        if not raw:
            return
        pid = participant(raw, people)
        if pid is None:
            wizard.prompter.reject(ask, t("wizard.no_such_participant",
                                          value=visible(raw, one_line=True, limit=40),
                                          count=len(people)))
            continue
        person = people[pid]
        if part.repeat:
            owned: list[Entry] = [(None, item) for item in person.get(part.target) or []]
            entries = edit_list(wizard, place, (part.name, raw), owned)
            if entries:
                person[part.target] = [data for _, data in entries]
            else:
                person.pop(part.target, None)
        else:
            current = person.get(part.target)
            entry = ask_entry(wizard, place, (part.name, raw), (None, current or {}), set(),
                              new=False)
            if entry:
                person[part.target] = entry[0][1]
