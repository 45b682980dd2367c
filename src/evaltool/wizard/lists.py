"""The parts of a step: fields, lists of entries, participants one by one, earlier follow-ups.

A list shows what it holds (change, remove, add), then takes new entries until an empty
first answer; an empty first answer on an empty list asks once whether there really are
none. An entry may be typed on one line, its other answers given by the marks of the
template's questions, and several pasted lines become several entries. Whatever an entry
holds beyond the part's questions (a participant's NSOB place and roles, a follow-up's
status) stays with it; a participant renamed takes the references to them along, and
one removed while others refer to them is only removed after a yes.

Parts that go through the participants (the NSOB place, the roles) take them in turn:
Enter keeps what someone has, `-` removes it. Roles are typed on one line, with one
question for their notes (`1: ...`), or with `+` question by question.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from evaltool.i18n import t
from evaltool.wizard.data import (
    CONTINUES,
    Entry,
    container,
    explain,
    mine,
    model_at,
    needs_id,
    next_id,
    taken_by_others,
    unique,
)
from evaltool.wizard.grammar import Invalid, in_sentence, pasted, person_label
from evaltool.wizard.prompter import Ask, Key, visible
from evaltool.wizard.slug import short_id
from evaltool.wizard.template import Part

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard

REMOVE = "-"


def run_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    """Ask one part of a step on `work`, the step's copy of the session data."""
    if part.kind == "fields":
        fields_part(wizard, part, work)
    elif part.kind == "list":
        list_part(wizard, part, work)
    elif part.kind == "per_participant":
        per_participant(wizard, part, work)
    else:
        earlier_part(wizard, part, work)


def fields_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    """Single answers, each stored at `target.name`."""
    target = container(work, part.target, create=True)
    model = model_at(part.target)
    for question in part.questions:
        value = wizard.question((question.name,), question, entry=target, model=model,
                                current=target.get(question.name), part=part)
        if value is None:
            target.pop(question.name, None)
        else:
            target[question.name] = value


# --- lists ------------------------------------------------------------------------------------


@dataclass
class Place:
    """A list being edited: its part, the step's data, the model of one entry, the ids
    other entries at the same place hold."""

    part: Part
    work: dict[str, Any]
    model: type[BaseModel]
    taken: set[str] = field(default_factory=set)
    participants: bool = False


@dataclass
class Read:
    """What the first answer of an entry gave: one entry, or one per pasted line."""

    entries: list[Typed]


@dataclass
class Typed:
    """One entry as its first line gave it: the answers by question name (None: left
    empty on purpose) and whether the line said all there is to say."""

    values: dict[str, Any]
    complete: bool = False


def list_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    earlier = {item.ref: item.question for item in wizard.earlier_for(work)}
    owned = owned_here(part, work, earlier)
    found = container(work, part.target)
    taken = {ident for ident in found if ident not in dict(owned)} \
        if isinstance(found, dict) else set()
    place = Place(part, work, model_at(part.target), taken,
                  participants=part.target == "participants")
    if wizard.prompter.interactive and any(q.type == "earlier" for q in part.questions) \
            and earlier:
        wizard.say(t("wizard.earlier_open", mark="^"), "bold")
        wizard.lines(wizard.grammar.earlier_lines())
    entries = edit_list(wizard, place, (part.name,), owned)
    store(part, work, entries, {ident for ident, _ in owned if ident})


def owned_here(part: Part, work: dict[str, Any], earlier: dict[str, str]) -> list[Entry]:
    """A list's own entries. A follow-up list that may continue earlier follow-ups also
    owns those that do so in their own words (a copy carried over as it was belongs to
    the earlier step)."""
    found = container(work, part.target)
    if isinstance(found, list):
        return [(None, item) for item in found]
    if not isinstance(found, dict):
        return []
    threads = any(q.type == "earlier" for q in part.questions)
    return [(ident, item) for ident, item in found.items()
            if mine(part, item) or (threads and _own_words(part, item, earlier))]


def _own_words(part: Part, item: dict[str, Any], earlier: dict[str, str]) -> bool:
    ref = item.get(CONTINUES)
    return bool(ref) and all(str(item.get(k)) == v for k, v in part.fixed.items()) and \
        earlier.get(str(ref)) != item.get("question")


def edit_list(wizard: Wizard, place: Place, prefix: Key, owned: list[Entry]) -> list[Entry]:
    """The entries of a list: the ones there (kept, changed or removed), plus new ones.

    An answers file adds its entries to the ones there (`edit --step yields --answers
    FILE` adds yields); changing or removing entries is done in a terminal."""
    entries = list(owned)
    if not wizard.prompter.interactive:
        count = wizard.prompter.entries(prefix, lead=place.part.questions[0].name)
        for index in range(count or 0):
            wizard.siblings = entries
            entries += ask_entry(wizard, place, (*prefix, index), None,
                                 place.taken | taken_by_others(entries), new=False) or []
        return entries
    if entries:
        entries, add = menu(wizard, place, prefix, entries)
        if not add:
            return entries
    while True:
        wizard.siblings = entries
        wizard.offered = set()
        added = ask_entry(wizard, place, (*prefix, len(entries)), None,
                          place.taken | taken_by_others(entries), new=True)
        if added is None:
            if entries or wizard.confirm((*prefix, "none"), t(
                    "wizard.none_ask", label=in_sentence(place.part.plural_label()))):
                return entries
            continue
        entries += added


def menu(wizard: Wizard, place: Place, prefix: Key, entries: list[Entry]
         ) -> tuple[list[Entry], bool]:
    """What is there already: keep it, change or remove an entry, or add more."""
    part = place.part
    round_ = 0
    while True:
        wizard.say(t("wizard.list_now", label=part.plural_label()), "bold")
        wizard.lines([f"{n}. {summary(wizard, part, data)}"
                      for n, (_, data) in enumerate(entries, 1)])
        ask = Ask((*prefix, "menu", round_), t("wizard.menu_ask"), kind="menu",
                  help=t("wizard.help_menu", label=in_sentence(part.plural_label())))
        raw = wizard.input(ask)
        round_ += 1
        if raw in (None, "", "+"):
            if raw is not None:
                wizard.record(ask.key, raw)
            return entries, raw == "+"
        remove = raw.startswith("-")
        number = raw[1:].strip() if remove else raw
        if not (number.isdigit() and 1 <= int(number) <= len(entries)):
            wizard.prompter.reject(ask, t("wizard.menu_bad", count=len(entries)))
            continue
        wizard.record(ask.key, raw)
        index = int(number) - 1
        ident, data = entries[index]
        if remove:
            if not place.participants or remove_participant(wizard, place, (*prefix, "remove",
                                                                           round_), ident, data):
                del entries[index]
            continue
        wizard.siblings = entries[:index] + entries[index + 1:]
        wizard.offered = set()
        others = place.taken | taken_by_others(wizard.siblings)
        changed = ask_entry(wizard, place, (*prefix, "change", round_), (ident, data), others,
                            new=False)
        if changed:
            new_ident = changed[0][0]
            if place.participants and ident and new_ident and new_ident != ident:
                rename_participant(wizard, place.work, ident, new_ident)
            entries[index] = changed[0]


def ask_entry(wizard: Wizard, place: Place, prefix: Key, existing: Entry | None,
              taken: set[str], *, new: bool) -> list[Entry] | None:
    """One entry (or, from a paste, several): its first answer, then the questions that
    answer did not cover, then the whole checked by the model. None: an empty first answer
    ended the list."""
    part = place.part
    lead = part.questions[0]
    old_id, old = existing if existing else (None, {})
    while True:
        current = old_id if lead.type == "id" else old.get(lead.name)
        parse = _line_reader(wizard, place, taken, paste=new) \
            if wizard.prompter.interactive else None
        answer = wizard.question((*prefix, lead.name), lead, entry={}, model=place.model,
                                 current=current, taken=taken, may_end=new, part=part,
                                 parse=parse)
        if answer is None:
            return None
        typed = answer.entries if isinstance(answer, Read) else [Typed({lead.name: answer})]
        results: list[Entry] = []
        siblings = list(wizard.siblings)
        for index, line in enumerate(typed):
            where = prefix if index == 0 else (*prefix[:-1], _shifted(prefix[-1], index))
            wizard.siblings = siblings + results
            result = finish_entry(wizard, place, where, line, (old_id, old) if index == 0
                                  else (None, {}), taken | taken_by_others(results))
            if result is None:
                return results or None
            if line.complete:
                wizard.say(f"→ {summary(wizard, part, result[1])}", "dim")
            results.append(result)
        return results


def _shifted(last: str | int, by: int) -> str | int:
    return last + by if isinstance(last, int) else last


def _line_reader(wizard: Wizard, place: Place, taken: set[str], *,
                 paste: bool) -> Callable[[str], Read]:
    """Reads the first answer of an entry with its marks; a paste gives one entry a line.
    Every answer on the line is checked here, so a wrong one is refused with the line."""
    part = place.part

    def read(raw: str) -> Read:
        lines = pasted(raw) if paste else [raw]
        found = []
        seen = set(taken)
        for text in lines:
            line = wizard.grammar.split_line(part, text)
            values: dict[str, Any] = {}
            if not line.lead:
                raise Invalid(t("wizard.required", label=str(part.questions[0].label)))
            for question in part.questions:
                given = line.lead if question is part.questions[0] else line.given.get(
                    question.name)
                if given is None:
                    continue
                values[question.name] = wizard.grammar.convert(
                    question, given, model=place.model, taken=seen) if given else None
            if part.questions[0].type == "sdg":
                seen.add(str(values[part.questions[0].name]))
            found.append(Typed(values, line.complete or len(lines) > 1))
        return Read(found)

    return read


def finish_entry(wizard: Wizard, place: Place, prefix: Key, typed: Typed, existing: Entry,
                 taken: set[str]) -> Entry | None:
    """The questions of an entry the first line did not answer, then the whole entry
    checked by the model; refused, it is asked again with what was typed kept."""
    part = place.part
    old_id, old = existing
    values = dict(typed.values)
    while True:
        entry: dict[str, Any] = {}
        ident = old_id
        asked = set()
        for question in part.questions:
            if any(str(entry.get(name)) != value for name, value in question.when.items()):
                continue
            if question.type == "earlier" and not wizard.grammar.earlier():
                continue
            asked.add(question.name)
            current = old_id if question.type == "id" else old.get(question.name)
            if question.name in values:
                value = values.pop(question.name)
            elif typed.complete and current is not None:
                value = current
            elif typed.complete:
                shown = wizard.default(question, entry, taken)
                value = wizard.grammar.convert(question, shown, model=place.model,
                                               taken=taken) if shown else None
            else:
                value = wizard.question((*prefix, question.name), question, entry=entry,
                                        model=place.model, current=current, taken=taken,
                                        part=part)
            if question.type == "id":
                ident = value
            elif value is not None:
                entry[question.name] = value
        # What the part does not ask about stays: a participant's place and roles, a
        # follow-up's status. Only the answers of this part are replaced.
        kept = {k: v for k, v in old.items() if k not in asked and k not in part.fixed}
        data = {**part.fixed, **kept, **entry}
        try:
            place.model.model_validate(data, context={"vocabulary": wizard.vocabulary})
        except ValidationError as error:
            message = explain(error, _labels(part), vocabulary=wizard.vocabulary)
            if wizard.prompter.reject(Ask(prefix, str(part.label)), message):
                old_id, old = ident, data  # asked again, each answer as it was typed
                typed = Typed({})
                continue
            return None
        if needs_id(part) and not ident:
            ident = unique(short_id(str(entry.get("text") or entry.get("function") or
                                        part.name)) or part.name, taken)
        return ident, data


def store(part: Part, work: dict[str, Any], entries: list[Entry], owned: set[str]) -> None:
    """Put a list's entries back in place, among the entries of other parts there."""
    *parents, name = part.target.split(".")
    holder = container(work, ".".join(parents), create=True)
    if not needs_id(part):
        holder[name] = [data for _, data in entries]
        return
    new = {ident: data for ident, data in entries if ident}
    _carry_over(holder.get(name) or {}, new)
    result: dict[str, Any] = {}
    placed = False
    for ident, item in (holder.get(name) or {}).items():
        if ident in owned:
            if not placed:
                result.update(new)
                placed = True
            continue
        if ident not in new:
            result[ident] = item
    if not placed:
        result.update(new)
    holder[name] = result


def _carry_over(found: dict[str, Any], new: dict[str, Any]) -> None:
    """A new question that continues an earlier one takes the place of the copy the
    earlier step carried over (one thread per earlier question), keeping its status."""
    for ident, data in list(new.items()):
        ref = data.get(CONTINUES)
        if not ref:
            continue
        carried = next((i for i, item in found.items()
                        if i != ident and i not in new and item.get(CONTINUES) == ref), None)
        if carried is not None:
            new[carried] = {**{k: v for k, v in found[carried].items()
                               if k in ("status", "note")}, **new.pop(ident)}


def _labels(part: Part) -> dict[tuple[Any, ...], str]:
    labels: dict[tuple[Any, ...], str] = {(q.name,): str(q.label) for q in part.questions}
    labels[()] = str(part.label or "")
    return labels


def summary(wizard: Wizard, part: Part, data: dict[str, Any]) -> str:
    """One entry on one line: its first answer and its choices."""
    questions = [q for q in part.questions if q.ask and q.type != "id"]
    lead = questions[0]
    text = wizard.grammar.show(lead, data.get(lead.name, ""))
    if lead.type == "sdg" and text.isdigit():
        text = f"SDG {text} {wizard.vocabulary.sdg_label(int(text))}"
    extra = [wizard.grammar.show(q, data[q.name]) for q in questions[1:]
             if q.name in data and q.type in ("choice", "choices", "line", "tags")
             and data[q.name] not in ([], "")]
    if data.get("confidential") in ("true", True):
        extra.append(t("wizard.confidential"))
    shown = visible(text, one_line=True)
    return f"{shown} ({', '.join(visible(e, one_line=True) for e in extra)})" \
        if extra else shown


# --- participants: renamed and removed with what refers to them -------------------------------


def references(work: dict[str, Any], pid: str) -> list[str]:
    """What names this participant besides their own entry, in words."""
    found = []
    by = [f for f in (work.get("findings") or {}).values() if f.get("by") == pid]
    if by:
        found.append(t("wizard.refs_by", count=len(by)))
    owner = [f for f in (work.get("follow_ups") or {}).values() if f.get("owner") == pid]
    if owner:
        found.append(t("wizard.refs_owner", count=len(owner)))
    return found


def rename_participant(wizard: Wizard, work: dict[str, Any], old: str, new: str) -> None:
    """A new id for a participant: every reference to the old one follows."""
    found = references(work, old)
    for finding in (work.get("findings") or {}).values():
        if finding.get("by") == old:
            finding["by"] = new
    for follow_up in (work.get("follow_ups") or {}).values():
        if follow_up.get("owner") == old:
            follow_up["owner"] = new
    if found:
        wizard.say(t("wizard.renamed", old=old, new=new, what=", ".join(found)), "yellow")


def remove_participant(wizard: Wizard, place: Place, key: Key, pid: str | None,
                       person: dict[str, Any]) -> bool:
    """Removed at once when nothing goes with them; else only after a yes, having said
    what goes: their NSOB place, their roles, and what refers to them."""
    goes = []
    if person.get("position"):
        goes.append(t("wizard.goes_position"))
    if person.get("roles"):
        goes.append(t("wizard.goes_roles", count=len(person["roles"])))
    refs = references(place.work, pid) if pid else []
    if not goes and not refs:
        return True
    what = " ".join(([t("wizard.goes", what=", ".join(goes))] if goes else []) +
                    ([t("wizard.goes_refs", what=", ".join(refs))] if refs else []))
    if not wizard.confirm(key, t("wizard.remove_ask", person=person_label(pid or "", person),
                                 what=what)):
        return False
    for finding in (place.work.get("findings") or {}).values():
        if finding.get("by") == pid:
            del finding["by"]
    for follow_up in (place.work.get("follow_ups") or {}).values():
        if follow_up.get("owner") == pid:
            del follow_up["owner"]
    return True


# --- parts that go through the participants ----------------------------------------------


def per_participant(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    people: dict[str, Any] = work.get("participants") or {}
    if not people:
        wizard.say(t("wizard.no_participants"), "yellow")
        return
    model = model_at(f"participants.{part.target}")
    place = Place(part, work, model)
    if not wizard.prompter.interactive:
        _picked(wizard, place, people)
        return
    for number, (pid, person) in enumerate(people.items(), 1):
        wizard.offered = set()
        wizard.say(f"{number}/{len(people)} {person_label(pid, person)}", "bold")
        if part.notation == "roles":
            _roles(wizard, place, pid, person)
        elif part.repeat:
            _repeated(wizard, place, (part.name, pid), person)
        else:
            _single(wizard, place, pid, person)


def _single(wizard: Wizard, place: Place, pid: str, person: dict[str, Any]) -> None:
    """Someone's one entry (their NSOB place) on one line: Enter keeps it, `-` removes it;
    a line without marks goes on question by question."""
    part = place.part
    lead = part.questions[0]
    current = person.get(part.target)
    shown = wizard.grammar.show_line(part, current) if current else None
    ask = Ask((part.name, pid, lead.name), str(lead.label), shown,
              prefill=shown if shown and len(shown) > 40 else None)
    reader = _line_reader(wizard, place, set(), paste=False)
    outcome, read = _line_answer(wizard, ask, lambda: wizard.grammar.help_lines(
        lead, part, lead=True), reader)
    if outcome == REMOVE:
        person.pop(part.target, None)
    elif isinstance(read, Read):
        wizard.offered = set()
        result = finish_entry(wizard, place, (part.name, pid), read.entries[0],
                              (None, current or {}), set())
        if result is not None:
            if read.entries[0].complete:
                wizard.say(f"→ {summary(wizard, part, result[1])}", "dim")
            person[part.target] = result[1]


def _line_answer(wizard: Wizard, ask: Ask, help: Callable[[], list[str]],
                 parse: Callable[[str], Any], *, more: bool = False) -> tuple[str, Any]:
    """An answer that stands for a whole entry: ("keep", None) for Enter (or the line
    left as it was), (REMOVE, None) for `-`, ("+", None) for `+` when `more`, else
    ("new", what `parse` made of it). A refused line comes back to be corrected."""
    while True:
        raw = wizard.input(ask, help)
        if raw is None:
            return "keep", None
        if raw in ("", ask.default) or raw == REMOVE or (more and raw == "+"):
            wizard.record(ask.key, raw)
            return ("keep" if raw in ("", ask.default) else raw), None
        try:
            value = parse(raw)
        except Invalid as problem:
            wizard.prompter.reject(ask, str(problem))
        except ValidationError as error:
            wizard.prompter.reject(ask, explain(error, {(): ask.label},
                                                vocabulary=wizard.vocabulary))
        else:
            wizard.record(ask.key, raw)
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
    shown = wizard.grammar.show_roles(roles, orientation) if roles else None
    ask = Ask((part.name, pid), t("wizard.roles_ask"), shown,
              prefill=shown if shown and len(shown) > 40 else None)
    wizard.lines([t("wizard.roles_choices", choices=wizard.grammar.numbered("roles"))], "cyan")

    def parse(raw: str) -> list[dict[str, Any]]:
        new = _carried_notes(roles, wizard.grammar.roles(raw, orientation))
        for role in new:
            place.model.model_validate(role, context={"vocabulary": wizard.vocabulary})
        return new

    outcome, new = _line_answer(wizard, ask, wizard.grammar.roles_help, parse, more=True)
    if outcome == REMOVE:
        person.pop(part.target, None)
    elif outcome == "+":
        _repeated(wizard, place, (part.name, pid, "+"), person)
    elif outcome == "new" or roles:
        person[part.target] = _role_notes(wizard, place, pid, new or roles, orientation)


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
    wizard.lines([" · ".join(f"{n} {grammar.show_roles([role], orientation) or role['role']}"
                             for n, role in enumerate(roles, 1))], "dim")
    shown = grammar.show_role_notes(roles) or None
    ask = Ask((place.part.name, pid, "note"), t("wizard.role_notes_ask"), shown,
              multiline=True, prefill=shown if shown and (len(shown) > 40 or "\\" in shown)
              else None)

    def parse(raw: str) -> dict[int, str]:
        notes = grammar.role_notes(raw, len(roles))
        for note in notes.values():
            grammar.check(place.model, "note", note, t("wizard.role_notes_ask"))
        return notes

    outcome, notes = _line_answer(wizard, ask, lambda: [t("wizard.help_role_notes")], parse)
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
    from evaltool.wizard.grammar import participant

    part = place.part
    round_ = 0
    while True:
        ask = Ask((part.name, round_), t("wizard.pick", label=str(part.label)), kind="pick")
        raw = wizard.input(ask)
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


# --- earlier follow-ups ----------------------------------------------------------------------


def earlier_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    """Each open follow-up of an earlier session: done, kept open or dropped. A decision
    is recorded as a follow-up of this session that continues the earlier one; what else
    that record holds (its own wording, an owner) stays as it is, and so does its place."""
    follow_ups: dict[str, Any] = work.get(part.target) or {}
    before = {str(data[CONTINUES]): ident for ident, data in follow_ups.items()
              if data.get(CONTINUES)}
    model = model_at(part.target)
    result = dict(follow_ups)
    for item in wizard.earlier_for(work):
        wizard.say("")
        wizard.say(t("wizard.earlier_item", session=item.session_id, question=item.question),
                   "bold")
        ident = before.get(item.ref)
        old = follow_ups[ident] if ident else {}
        entry = dict(old) or {"question": item.question,
                              **({"owner": item.owner} if item.owner else {})}
        for question in part.questions:
            # Editing a file, Enter leaves an undecided one undecided: a run that only
            # accepts what is shown changes nothing.
            value = wizard.question((part.name, item.ref, question.name), question,
                                    entry=entry, model=model, current=old.get(question.name),
                                    part=part, defaults=bool(old) or not wizard.editing)
            if value is None:
                entry.pop(question.name, None)
            else:
                entry[question.name] = value
        if "status" not in entry:
            continue  # not decided: it stays open where it is
        ident = ident or next_id("fu-", set(result))
        result[ident] = {**entry, CONTINUES: item.ref}
    if result:
        work[part.target] = result
    else:
        work.pop(part.target, None)
