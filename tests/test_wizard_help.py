"""The right error at the right prompt, in the user's words; `?` helps at every question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import Script, TypeIn, Typing
from evaltool.i18n import set_language
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard.engine import Wizard
from evaltool.wizard.grammar import Grammar
from evaltool.wizard.guide import Guide
from evaltool.wizard.state import WizardState
from evaltool.wizard.template import load_template

VOCABULARY = load_vocabulary()
TEMPLATE = load_template()
PEOPLE = {"participants": {"a": {"function": "Adviseur"}}}


QUADRANT = {"en": "Quadrant, or two on a border", "nl": "Kwadrant, of twee op een grensvlak"}
NOTE = {"en": "Note", "nl": "Toelichting"}


def positions(*answers: str, note: str | None = None, language: str = "en") -> Script:
    """The NSOB step for one participant: these answers at the quadrant question, then
    `note` at the note question (when it is asked)."""
    set_language(language)
    turns = [(QUADRANT[language], answer) for answer in answers]
    script = Script(Typing(*turns, *[(NOTE[language], note)] * (note is not None)),
                    refusals=True)
    Wizard(TEMPLATE, VOCABULARY, script, editing=True,
           state=WizardState(TEMPLATE.name, data=dict(PEOPLE))).run_single("positions")
    assert script.unread == []
    return script


@pytest.mark.parametrize(("language", "message"), [
    ("en", "✗ Quadrant, or two on a border (a comma between them): lawful and networking do not "
           "share a border — a person on a border sits between two neighbouring quadrants; "
           "choose one"),
    ("nl", "✗ Kwadrant, of twee op een grensvlak (met een komma ertussen): rechtmatig en "
           "samenwerkend grenzen niet aan elkaar — iemand op een grensvlak zit tussen twee "
           "naburige kwadranten; kies er één"),
])
def test_quadrants_that_are_no_neighbours_are_refused_before_the_note(
        language: str, message: str) -> None:
    script = positions("rechtmatig, samenwerkend", "rechtmatig, presterend", note="",
                       language=language)
    assert message in script.shown  # by their labels, not their keys
    labels = [ask.label for ask in script.asked]
    assert labels[0] == labels[1]  # asked again at once: the note was not asked yet
    assert script.asked[1].prefill == "rechtmatig, samenwerkend"  # to correct, not retype
    assert "Note" in labels[2] or "Toelichting" in labels[2]


def test_on_one_line_the_same_rule_refuses_the_line() -> None:
    script = positions("presterend, responsief: Een toelichting die blijft.",
                       "presterend, samenwerkend: Een toelichting die blijft.")
    assert any("performing and responsive do not share a border" in line
               for line in script.shown)
    assert script.asked[1].prefill == "presterend, responsief: Een toelichting die blijft."


def test_question_mark_at_the_nsob_question_shows_the_model_and_its_neighbours() -> None:
    shown = "\n".join(positions("?", "", language="nl").shown)  # help, then Enter
    assert "van binnen naar buiten" in shown and "van buiten naar binnen" in shown
    assert "resultaatgericht  2 Presterende overheid" in shown.replace("   ", "  ")
    assert "waardegericht" in shown and "1 Rechtmatige overheid" in shown
    assert ("Buren (samen te kiezen, voor wie op het grensvlak zit): rechtmatig–presterend, "
            "rechtmatig–responsief, presterend–samenwerkend, samenwerkend–responsief. "
            "Niet samen (diagonaal): rechtmatig–samenwerkend, presterend–responsief.") in shown


def every_question() -> list[Any]:
    return [pytest.param(step, part, question, position == 0,
                         id=f"{step.name}.{part.name}.{question.name}")
            for step in TEMPLATE.steps for part in step.parts
            for position, question in enumerate(part.questions) if question.ask]


@pytest.mark.parametrize(("step", "part", "question", "lead"), every_question())
def test_question_mark_gives_more_than_the_step_text_at_every_question(
        step: Any, part: Any, question: Any, lead: bool) -> None:
    lines = Guide(Grammar(VOCABULARY)).help_lines(question, part, lead=lead and part.kind == "list")
    assert lines and all(line.strip() for line in lines)
    assert str(step.help or "") not in lines


def test_question_mark_in_a_terminal_at_a_list_menu_and_in_the_review(
        type_in: TypeIn, example_copy: Path) -> None:
    menu = "Number to change, -number to remove, + to add"
    # `?`, then Enter at the yields, the wishes and the discussion topics (the step's lists).
    result = type_in([(menu, "?"), (menu, ""), (menu, ""), (menu, "")],
                     "edit", example_copy, "--step", "yields", "--interactive")
    said = " ".join(result.stdout.split())
    assert "The yields above stay as they are with Enter. A number opens that one" in said
    assert result.exit_code == 0


def test_the_help_of_a_list_says_how_an_entry_fits_on_one_line() -> None:
    setup = next(step for step in TEMPLATE.steps if step.name == "setup")
    people = next(part for part in setup.parts if part.name == "participants")
    guide = Guide(Grammar(VOCABULARY))
    lines = guide.help_lines(people.questions[0], people, lead=True)
    assert lines[2] == ("All on one line: Function; Department or team; Organisation; Which "
                        "side; Attendance; Role in this session; Name (leave a part empty to "
                        "keep its default; end with ; to be asked nothing more).")
    assert not any("may stay empty" in line for line in lines)  # the function is needed
    name = next(q for q in people.questions if q.name == "name")
    assert "It may stay empty; - empties what is in brackets." in guide.help_lines(name, people)
