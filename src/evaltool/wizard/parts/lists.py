"""A list of entries (findings, SDGs, participants, follow-ups): shown, changed, removed
and added to (see `evaltool.wizard.parts.entries`), and put back among the entries of
other parts in the same place."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.i18n import t
from evaltool.wizard.data import Entry, container, model_at, needs_id
from evaltool.wizard.parts.entries import Place, edit_list
from evaltool.wizard.parts.threads import carry_over, owned_here
from evaltool.wizard.template import Part

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard


def list_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    earlier = {item.ref: item.question for item in wizard.earlier_for(work)}
    owned = owned_here(part, work, earlier)
    found = container(work, part.target)
    taken = {ident for ident in found if ident not in dict(owned)} \
        if isinstance(found, dict) else set()
    if part.target == "participants":  # a participant's id is no mentioned person's
        taken |= set(work.get("people") or {})
    place = Place(part, work, model_at(part.target), taken,
                  participants=part.target == "participants")
    if wizard.prompter.interactive and any(q.type == "earlier" for q in part.questions) \
            and earlier:
        wizard.say(t("wizard.earlier_open", mark="^"), "bold")
        wizard.lines(wizard.guide.earlier_lines())
    entries = edit_list(wizard, place, (part.name,), owned)
    store(part, work, entries, {ident for ident, _ in owned if ident})


def store(part: Part, work: dict[str, Any], entries: list[Entry], owned: set[str]) -> None:
    """Put a list's entries back in place, among the entries of other parts there."""
    *parents, name = part.target.split(".")
    holder = container(work, ".".join(parents), create=True)
    if not needs_id(part):
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
