"""Random sequences of edits through the wizard change only what they edit.

Each edit is run as a person would type it (through a scripted prompter, on the engine
itself): change one field, change one field of one entry, go back a question and accept
again, remove an entry and type it in again, type a text that names someone and say who
they are (a person with a label, no one, or leave it). `semdiff` is the oracle: after each edit
it may show only the changes that edit meant.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, Script
from evaltool.git.semdiff import Change, diff_sessions
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard.data import build_session, session_answers
from evaltool.wizard.engine import Wizard
from evaltool.wizard.parts.threads import owned_here
from evaltool.wizard.prompter import Ask
from evaltool.wizard.state import WizardState
from evaltool.wizard.template import Part, load_template
from inputs import ROUTE_FILES

SOURCES = [EXAMPLE, *ROUTE_FILES]
TEMPLATE = load_template()
VOCABULARY = load_vocabulary()

# Text as people type it, without the marks of a one-line entry (# ! @ ^ : ;).
WORDS = st.text(alphabet=string.ascii_letters + "éöü .,'()-", min_size=2, max_size=30).map(
    str.strip).filter(lambda text: len(text) > 1 and text not in ("<", ">", "?", "+", "-"))

FIELDS = {"setup": ["title", "organisation", "learning_route", "description"],
          "plan": ["plan"], "realised": ["realised", "judgement_note"],
          "follow_ups": ["next_session"], "afterwards": ["reflection"]}
ENTRY_FIELDS = {"participants": ["function", "department", "organisation", "name"],
                "success_factors": ["text"], "attention_points": ["text"],
                "yields": ["text"], "discussion_topics": ["text"], "follow_ups":
                    ["question", "owner"], "learning_points": ["text"]}
SECTIONS = {"participants": "participant", "follow_ups": "follow_up"}


def enter(ask: Ask) -> str:
    """Accept what is shown; yes to 'No ...? (y/n)'."""
    return "y" if ask.kind == "confirm" else ""


@dataclass
class Edit:
    step: str
    answer: Callable[[Ask, int], str]
    allowed: Callable[[Change], bool]
    """Which changes this edit may make."""


def part_named(name: str) -> tuple[str, Part]:
    return next((step.name, part) for step in TEMPLATE.steps for part in step.parts
                if part.name == name)


# Someone named in a text, and how the facilitator answers "Who is ...?".
NAMED = st.tuples(st.sampled_from(["wethouder", "mevrouw", "burgemeester"]),
                  st.sampled_from(["Jansen", "Dijkstra", "Yilmaz", "Hoekstra"]))
LABELS = ["de wethouder Onderwijs", "de schooldirecteur", "een buurtbewoner"]


def edits(draw: Any, data: dict[str, Any]) -> Edit:
    kind = draw(st.sampled_from(["field", "entry", "back", "again", "name"]))
    if kind == "name":  # the person declared, the words marked no one, or left as typed
        step = draw(st.sampled_from(sorted(FIELDS)))
        name = draw(st.sampled_from(FIELDS[step]))
        title, surname = draw(NAMED)
        choice, label = draw(st.sampled_from(["1", "2", ""])), draw(st.sampled_from(LABELS))
        text = f"Overleg met {title} {surname}"

        def naming(ask: Ask, n: int) -> str:
            if ask.key == (name,):
                return text
            if ask.key[0] == "mentioned":
                return label if ask.key[-1] == "label" else choice
            return enter(ask)

        return Edit(step, naming, lambda change: (change.field == name and change.id is None)
                    or (change.section, change.action) == ("person", "added")
                    or (change.section, change.field) == ("session", "not_people"))
    if kind == "field":
        step = draw(st.sampled_from(sorted(FIELDS)))
        name = draw(st.sampled_from(FIELDS[step]))
        value = draw(WORDS)
        return Edit(step, lambda ask, n: value if ask.key == (name,) else enter(ask),
                    lambda change: change.field == name and change.id is None)
    if kind == "back":
        step = draw(st.sampled_from([s.name for s in TEMPLATE.steps if s.name != "earlier"]))
        at = draw(st.integers(min_value=1, max_value=12))
        return Edit(step, lambda ask, n: "<" if n == at else enter(ask), lambda change: False)
    def entries_of(name: str) -> list[tuple[str | None, dict[str, Any]]]:
        return owned_here(part_named(name)[1], data, {})  # as the wizard lists them

    names = [name for name in ENTRY_FIELDS if entries_of(name)]
    if kind == "again":  # what a line can say again: not a person's roles, a due date
        names = [name for name in names if name != "participants" and any(
            set(entry) <= {"kind", "text", "tags", "confidential", "question", "owner"}
            for _, entry in entries_of(name))]
    name = draw(st.sampled_from(names))
    step, part = part_named(name)
    entries = entries_of(name)
    choices = [n for n, (_, entry) in enumerate(entries) if kind != "again" or set(entry) <= {
        "kind", "text", "tags", "confidential", "question", "owner"}]
    index = draw(st.sampled_from(choices))
    ident, entry = entries[index]
    section = SECTIONS.get(name, "finding")
    if kind == "entry":
        field = draw(st.sampled_from(ENTRY_FIELDS[name]))
        value = draw(WORDS)

        def change_one(ask: Ask, n: int) -> str:
            if ask.kind == "menu" and ask.key[0] == name:
                return str(index + 1) if ask.key[-1] == 0 else ""
            return value if ask.key[0] == name and "change" in ask.key and \
                ask.key[-1] == field else enter(ask)

        return Edit(step, change_one, lambda change: (change.section, change.id, change.field)
                    == (section, ident, field) or (change.field == "tags" and field == "text"))
    line = _as_line(part, entry)

    def again(ask: Ask, n: int) -> str:
        if ask.kind == "menu" and ask.key[0] == name:
            return {0: f"-{index + 1}", 1: "+"}.get(int(ask.key[-1]), "")
        if ask.key[0] == name and ask.key[-1] == part.questions[0].name and \
                ask.key[1] == len(entries) - 1:
            return line
        return enter(ask)

    def same_again(change: Change) -> bool:
        if change.action == "removed" and change.id == ident and change.field is None:
            return True
        if change.action == "added" and change.field is None:
            return {k: v for k, v in change.new.items() if k not in ("by",)} == {
                k: v for k, v in _plain(entry, change.new).items() if k not in ("by",)}
        return False

    return Edit(step, again, same_again)


def _as_line(part: Part, entry: dict[str, Any]) -> str:
    """The entry typed on one line, its tags and confidentiality by their marks."""
    from evaltool.wizard.grammar import Grammar

    line = Grammar(VOCABULARY).show_line(part, entry)
    assert line is not None
    lead = part.questions[0]
    return line if any(q.mark for q in part.questions[1:]) and (
        "#" in line or line.startswith("!") or " @" in line) else line + (
        " #" if lead.name == "text" else " @")


def _plain(entry: dict[str, Any], like: dict[str, Any]) -> dict[str, Any]:
    """An entry of the wizard's plain form as semdiff shows one (JSON values, defaults)."""
    shown = {k: like[k] for k in like}
    for key, value in entry.items():
        shown[key] = value if not isinstance(value, str) or key not in like or \
            isinstance(like[key], str) else like[key]
    return shown


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_change_only_what_they_edit(data: Any) -> None:
    source = data.draw(st.sampled_from(SOURCES))
    session = load_session(source)
    answers = session_answers(session)
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        edit = edits(data.draw, answers)
        wizard = Wizard(TEMPLATE, VOCABULARY, Script(edit.answer), editing=True,
                        state=WizardState(TEMPLATE.name, data=copy.deepcopy(answers)))
        answers = wizard.run_single(edit.step)
        after = build_session(answers, session_id=session.id, vocabulary=VOCABULARY,
                              status=session.status)
        unexpected = [c for c in diff_sessions(session, after) if not edit.allowed(c)]
        assert unexpected == [], edit.step
        session = after
