"""Follow-ups across meetings: the earlier step, and who owns a follow-up that continues one.

A decision about an open follow-up of an earlier meeting (done, kept open, dropped) is a
follow-up of this session that `continues` it. So is a new question that continues one
in its own words, picked in the follow-up step; it takes the place of a copy carried
over as it was, so that a thread has one record per meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.i18n import t
from evaltool.wizard import mentions
from evaltool.wizard.data import CONTINUES, Entry, container, mine, model_at, next_id
from evaltool.wizard.template import Part

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard


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


def carry_over(found: dict[str, Any], new: dict[str, Any]) -> None:
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
        mentions.check(wizard, (part.name, item.ref), model,
                       {q.name: entry.get(q.name) for q in part.questions}, old.values())
        if "status" not in entry:
            continue  # not decided: it stays open where it is
        ident = ident or next_id("fu-", set(result))
        result[ident] = {**entry, CONTINUES: item.ref}
    if result:
        work[part.target] = result
    else:
        work.pop(part.target, None)
