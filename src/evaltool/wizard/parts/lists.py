"""A list of entries (findings, SDGs, participants, follow-ups): shown, changed, removed
and added to (see `evaltool.wizard.parts.entries`), and put back among the entries of
other parts in the same place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.i18n import t
from evaltool.wizard.data import Entry, container, model_at, owned_entries
from evaltool.wizard.parts.base import AnswerTurns, PartKind, Turn
from evaltool.wizard.parts.entries import Place, edit_list, list_end, summary
from evaltool.wizard.parts.threads import carry_over, continues_earlier, owned_here

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part, Step


class List(PartKind):
    """Entries added one after another, each answer of the first question starting a new
    one, an empty one ending the list; those there already can be changed or removed. An
    answers file gives a list of them under the part's name (adding to those there)."""

    needs_label = True

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        earlier = {item.ref: item.question for item in wizard.route.open_for(work)}
        owned = owned_here(part, work, earlier)
        found = container(work, part.target)
        taken = {ident for ident in found if ident not in dict(owned)} \
            if isinstance(found, dict) else set()
        if part.target == "participants":  # a participant's id is no mentioned person's
            taken |= set(work.get("people") or {})
        place = Place(part, work, model_at(part.target), taken, keyed=keyed(part),
                      participants=part.target == "participants")
        if wizard.prompter.interactive and continues_earlier(part) and earlier:
            wizard.asker.say(t("wizard.earlier_open", mark="^"), "bold")
            wizard.asker.lines(wizard.guide.earlier_lines())
        entries = edit_list(wizard, place, (part.name,), owned)
        store(part, work, entries, {ident for ident, _ in owned if ident})

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        entries = owned_entries(part, data)
        turns = [turn for ident, item in entries for question in part.questions
                 for turn in answer(question, item, ident)]
        return [*turns, *list_end(part, bool(entries))]

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        earlier = {item.ref: item.question for item in wizard.route.open_for(data)}
        items = [f"• {summary(wizard, part, item)}"
                 for _, item in owned_here(part, data, earlier)]
        if items and len(step.parts) > 1:  # which kind of list: yields, wishes, topics
            return [f"{part.plural_label()} ({len(items)}):", *items]
        return items

    def missing(self, part: Part, data: dict[str, Any]) -> list[str]:
        if part.min_final and len(owned_entries(part, data)) < part.min_final:
            return [t("wizard.at_least", count=part.min_final, label=str(part.label))]
        return []

    def count(self, part: Part, data: dict[str, Any]) -> int | None:
        return len(owned_entries(part, data))


def keyed(part: Part) -> bool:
    """A list kept as a mapping (findings, participants): each entry needs an id."""
    *parents, name = part.target.split(".")
    annotation = model_at(".".join(parents)).model_fields[name].annotation
    return getattr(annotation, "__origin__", None) is dict


def store(part: Part, work: dict[str, Any], entries: list[Entry], owned: set[str]) -> None:
    """Put a list's entries back in place, among the entries of other parts there."""
    *parents, name = part.target.split(".")
    holder = container(work, ".".join(parents), create=True)
    if not keyed(part):
        holder[name] = [data for _, data in entries]
        return
    new = {ident: data for ident, data in entries if ident}
    carry_over(holder.get(name) or {}, new)
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
