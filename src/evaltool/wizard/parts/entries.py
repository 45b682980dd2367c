"""Lists of entries: shown, changed, removed and added to, one line or one question at a time.

A list shows what it holds (change, remove, add), then takes new entries until an empty
first answer; an empty first answer on an empty list asks once whether there really are
none. An entry may be typed on one line, its other answers given by the marks of the
template's questions, and several pasted lines become several entries. Whatever an entry
holds beyond the part's questions (a participant's NSOB place and roles, a follow-up's
status) stays with it; a participant renamed takes the references to them along, and
one removed while others refer to them is only removed after a yes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from evaltool.i18n import t
from evaltool.wizard.data import (
    Entry,
    explain,
    taken_by_others,
    unique,
)
from evaltool.wizard.defaults import default
from evaltool.wizard.forms import Invalid, in_sentence, pasted, person_label
from evaltool.wizard.parts.base import Turn
from evaltool.wizard.prompter import Ask, Key, visible
from evaltool.wizard.questions import answer_type
from evaltool.wizard.slug import short_id

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part


@dataclass
class Place:
    """A list being edited: its part, the step's data, the model of one entry, the ids
    other entries at the same place hold."""

    part: Part
    work: dict[str, Any]
    model: type[BaseModel]
    taken: set[str] = field(default_factory=set)
    keyed: bool = False
    """Kept as a mapping (findings, participants): each entry needs an id."""
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
        added = ask_entry(wizard, place, (*prefix, len(entries)), None,
                          place.taken | taken_by_others(entries), new=True)
        if added is None:
            if entries or wizard.asker.confirm((*prefix, "none"), t(
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
        wizard.asker.say(t("wizard.list_now", label=part.plural_label()), "bold")
        wizard.asker.lines([f"{n}. {summary(wizard, part, data)}"
                      for n, (_, data) in enumerate(entries, 1)])
        ask = Ask((*prefix, "menu", round_), t("wizard.menu_ask"), kind="menu",
                  help=t("wizard.help_menu", label=in_sentence(part.plural_label())))
        raw = wizard.asker.input(ask)
        round_ += 1
        if raw in (None, "", "+"):
            if raw is not None:
                wizard.asker.record(ask.key, raw)
            return entries, raw == "+"
        remove = raw.startswith("-")
        number = raw[1:].strip() if remove else raw
        if not (number.isdigit() and 1 <= int(number) <= len(entries)):
            wizard.prompter.reject(ask, t("wizard.menu_bad", count=len(entries)))
            continue
        wizard.asker.record(ask.key, raw)
        index = int(number) - 1
        ident, data = entries[index]
        if remove:
            if not place.participants or remove_participant(wizard, place, (*prefix, "remove",
                                                                           round_), ident, data):
                del entries[index]
            continue
        wizard.siblings = entries[:index] + entries[index + 1:]
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
        current = old_id if answer_type(lead).names_entry else old.get(lead.name)
        parse = line_reader(wizard, place, taken, paste=new) \
            if wizard.prompter.interactive else None
        answer = wizard.asker.question((*prefix, lead.name), lead, entry={}, model=place.model,
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
            if line.complete:  # what the marks gave, not the whole text once more
                wizard.asker.say(f"→ {summary(wizard, part, result[1], limit=50)}", "dim")
            wizard.ask_about_names(where, place.model, result[1],
                           old.values() if index == 0 else ())
            results.append(result)
        return results


def list_end(part: Part, entries: bool) -> list[Turn]:
    """The turns that end a list typed in: Enter at its first question; for a list left
    empty, yes, there are none."""
    end = (str(part.questions[0].label), "")
    if entries:
        return [end]
    return [end, (t("wizard.none_ask", label=in_sentence(part.plural_label())), "y")]


def _shifted(last: str | int, by: int) -> str | int:
    return last + by if isinstance(last, int) else last


def line_reader(wizard: Wizard, place: Place, taken: set[str], *,
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
            if answer_type(part.questions[0]).once_per_list:
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
        defaulted = set()  # answers the line left empty, given by the template's default
        for question in part.questions:
            kind = answer_type(question)
            if any(str(entry.get(name)) != value for name, value in question.when.items()) \
                    or not kind.available(wizard.grammar):
                continue
            asked.add(question.name)
            current = old_id if kind.names_entry else old.get(question.name)
            if question.name in values:
                value = values.pop(question.name)
            elif typed.complete and current is not None:
                value = current
            elif typed.complete:
                shown = default(wizard, question, entry, taken)
                value = wizard.grammar.convert(question, shown, model=place.model,
                                               taken=taken) if shown else None
                defaulted.add(question.name)
            else:
                value = wizard.asker.question((*prefix, question.name), question, entry=entry,
                                        model=place.model, current=current, taken=taken,
                                        part=part)
            if kind.names_entry:
                ident = value
            elif value is not None:
                entry[question.name] = value
        _drop_contradicted(wizard, place, entry, defaulted, taken)
        # What the part does not ask about stays: a participant's place and roles, a
        # follow-up's status. Only the answers of this part are replaced.
        kept = {k: v for k, v in old.items() if k not in asked and k not in part.fixed}
        data = {**part.fixed, **kept, **entry}
        try:
            place.model.model_validate(data, context={"vocabulary": wizard.vocabulary})
        except ValidationError as error:
            message = explain(error, labels(part), vocabulary=wizard.vocabulary)
            if wizard.prompter.reject(Ask(prefix, str(part.label)), message):
                old_id, old = ident, data  # asked again, each answer as it was typed
                typed = Typed({})
                continue
            return None
        if place.keyed and not ident:
            ident = unique(short_id(str(entry.get("text") or entry.get("function") or
                                        part.name)) or part.name, taken)
        return ident, data


def _drop_contradicted(wizard: Wizard, place: Place, entry: dict[str, Any],
                       defaulted: set[str], taken: set[str]) -> None:
    """Leave out a default that what the line says later contradicts: `Bewoner; ; ;
    initiatiefnemer` takes no organisation from the casus (the municipality's), since the
    side typed is not the side people of that organisation are on."""
    for question in place.part.questions:
        if question.name in defaulted or question.name not in entry or question.default is None:
            continue
        for name in [name for name in defaulted if entry.get(name) is not None]:
            if _agrees(wizard, place, question, entry, taken):
                break
            without = {key: value for key, value in entry.items() if key != name}
            if _agrees(wizard, place, question, without, taken):
                del entry[name]


def _agrees(wizard: Wizard, place: Place, question: Any, entry: dict[str, Any],
            taken: set[str]) -> bool:
    """Whether the default `question` would have in `entry` is none, or what was typed."""
    shown = default(wizard, question, entry, taken)
    if not shown:
        return True
    try:
        expected = wizard.grammar.convert(question, shown, model=place.model, taken=taken)
    except Invalid:
        return True
    return bool(expected == entry[question.name])


def labels(part: Part) -> dict[tuple[Any, ...], str]:
    labels: dict[tuple[Any, ...], str] = {(q.name,): str(q.label) for q in part.questions}
    labels[()] = str(part.label or "")
    return labels


def summary(wizard: Wizard, part: Part, data: dict[str, Any], *,
            limit: int | None = None) -> str:
    """One entry on one line: its first answer (its start, with `limit`), its choices and
    short answers, and a note given after a colon (an SDG's)."""
    questions = [q for q in part.questions if q.ask and not answer_type(q).names_entry]
    lead = questions[0]
    text = answer_type(lead).headline(wizard.grammar, lead, data.get(lead.name, ""))
    extra = [wizard.grammar.show(q, data[q.name]) for q in questions[1:]
             if q.name in data and answer_type(q).summarised
             and data[q.name] not in ([], "")]
    if data.get("confidential") in ("true", True):
        extra.append(t("wizard.confidential"))
    shown = visible(text, one_line=True, limit=limit)
    if extra:
        shown += f" ({', '.join(visible(e, one_line=True) for e in extra)})"
    note = next((data[q.name] for q in questions[1:] if q.mark == ":" and data.get(q.name)),
                None)
    return f"{shown}: {visible(note, one_line=True, limit=limit)}" if note else shown


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
        wizard.asker.say(t("wizard.renamed", old=old, new=new, what=", ".join(found)), "yellow")


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
    if not wizard.asker.confirm(key, t("wizard.remove_ask", person=person_label(pid or "", person),
                                 what=what)):
        return False
    for finding in (place.work.get("findings") or {}).values():
        if finding.get("by") == pid:
            del finding["by"]
    for follow_up in (place.work.get("follow_ups") or {}).values():
        if follow_up.get("owner") == pid:
            del follow_up["owner"]
    return True
