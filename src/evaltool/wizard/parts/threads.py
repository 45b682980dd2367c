"""Follow-ups across meetings: the earlier step, and who owns a follow-up that continues one.

A decision about an open follow-up of an earlier meeting (done, kept open, dropped) is a
follow-up of this session that `continues` it. So is a new question that continues one
in its own words, picked in the follow-up step; it takes the place of a copy carried
over as it was, so that a thread has one record per meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.i18n import t
from evaltool.wizard.data import CONTINUES, Entry, container, mine, model_at, next_id
from evaltool.wizard.parts.base import AnswerTurns, PartKind, Turn
from evaltool.wizard.prompter import visible

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.state import EarlierFollowUp
    from evaltool.wizard.template import Part, Step


def owned_here(part: Part, work: dict[str, Any], earlier: dict[str, str]) -> list[Entry]:
    """A list's own entries. A follow-up list that may continue earlier follow-ups also
    owns those that do so in their own words (a copy carried over as it was belongs to
    the earlier step)."""
    found = container(work, part.target)
    if isinstance(found, list):
        return [(None, item) for item in found]
    if not isinstance(found, dict):
        return []
    threads = continues_earlier(part)
    return [(ident, item) for ident, item in found.items()
            if mine(part, item) or (threads and _own_words(part, item, earlier))]


def continues_earlier(part: Part) -> bool:
    """A list whose entries may continue an open follow-up of an earlier session."""
    return any(question.type == "earlier" for question in part.questions)


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


class EarlierFollowUps(PartKind):
    """Each open follow-up of an earlier session of the learning route: done, kept open or
    dropped; the step shows only when there are some. An answers file gives the decisions
    by the follow-up's reference (`2021-01-28-casus#fu-1: done`)."""

    only_with_earlier = True

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        """A decision is recorded as a follow-up of this session that continues the earlier
        one; what else that record holds (its own wording, an owner) stays as it is, and so
        does its place."""
        follow_ups: dict[str, Any] = work.get(part.target) or {}
        before = {str(data[CONTINUES]): ident for ident, data in follow_ups.items()
                  if data.get(CONTINUES)}
        result = dict(follow_ups)
        for item in wizard.route.open_for(work):
            ident = before.get(item.ref)
            entry = _decided(wizard, part, item, follow_ups[ident] if ident else {})
            if "status" not in entry:
                continue  # not decided: it stays open where it is
            ident = ident or next_id("fu-", set(result))
            result[ident] = {**entry, CONTINUES: item.ref}
        if result:
            work[part.target] = result
        else:
            work.pop(part.target, None)

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        return [turn for item in (data.get(part.target) or {}).values() if item.get(CONTINUES)
                for question in part.questions for turn in answer(question, item, None)]

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        status = part.questions[0]
        return [f"• {visible(item.get('question', ''), one_line=True, limit=80)} → "
                f"{wizard.grammar.show(status, item.get('status', 'open'))}"
                for item in (data.get(part.target) or {}).values() if item.get(CONTINUES)]


def _decided(wizard: Wizard, part: Part, item: EarlierFollowUp,
             old: dict[str, Any]) -> dict[str, Any]:
    """The follow-up of this session about an earlier one, with the part's answers."""
    wizard.asker.say("")
    wizard.asker.say(t("wizard.earlier_item", session=item.session_id,
                       question=item.question), "bold")
    model = model_at(part.target)
    entry = dict(old) or {"question": item.question,
                          **({"owner": item.owner} if item.owner else {})}
    for question in part.questions:
        # Editing a file, Enter leaves an undecided one undecided: a run that only accepts
        # what is shown changes nothing.
        value = wizard.asker.question((part.name, item.ref, question.name), question,
                                      entry=entry, model=model, current=old.get(question.name),
                                      part=part, defaults=bool(old) or not wizard.editing)
        if value is None:
            entry.pop(question.name, None)
        else:
            entry[question.name] = value
    wizard.ask_about_names((part.name, item.ref), model,
                   {q.name: entry.get(q.name) for q in part.questions}, old.values())
    return entry
