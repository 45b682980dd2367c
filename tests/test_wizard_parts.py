"""A new kind of part is one class registered in one table, a new type of question one
class: the template accepts it, the wizard asks it, the review shows it, an answers file
knows its keys, and what it holds is typed in again; an unknown one is refused by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import Script
from evaltool.errors import FileProblemError
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard.data import container, model_at
from evaltool.wizard.engine import Wizard
from evaltool.wizard.parts import KINDS, kind_of
from evaltool.wizard.parts.base import AnswerTurns, PartKind, Turn
from evaltool.wizard.questions import TYPES
from evaltool.wizard.template import Part, Question, Step, Template, read_template

VOCABULARY = load_vocabulary()

TEMPLATE = """\
schema_version: 1
name: luid
label: {nl: Luid, en: Loud}
steps:
  - name: casus
    title: {nl: Casus, en: Casus}
    parts:
      - kind: shouted
        name: loud
        target: casus
        questions:
          - {name: title, type: line, required: true, label: {nl: Titel, en: Title}}
          - {name: organisation, type: line, label: {nl: Organisatie, en: Organisation}}
      - kind: fields
        name: when
        target: casus
        questions:
          - {name: date, type: date, required: true, label: {nl: Datum, en: Date}}
"""


class Shouted(PartKind):
    """Single answers kept in capitals: a kind that only this test knows."""

    def answer_names(self, part: Part) -> list[str]:
        return [question.name for question in part.questions]

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        target = container(work, part.target, create=True)
        for question in part.questions:
            value = wizard.asker.question((question.name,), question, entry=target,
                                          model=model_at(part.target))
            if value:
                target[question.name] = value.upper()

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        target = container(data, part.target) or {}
        return [turn for question in part.questions for turn in answer(question, target, None)]

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        target = container(data, part.target) or {}
        return [f"{question.label}!! {target[question.name]}" for question in part.questions
                if question.name in target]


@pytest.fixture
def shouted(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Template:
    monkeypatch.setitem(KINDS, "shouted", Shouted())
    path = tmp_path / "luid.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    return read_template(path)


def _run(template: Template, *turns: Turn) -> tuple[dict[str, Any], Script]:
    """The wizard run with these answers, each checked to be read at its prompt."""
    script = Script(lambda ask, n: turns[n - 1][1] if n <= len(turns) else "")
    wizard = Wizard(template, VOCABULARY, script, today=dt.date(2021, 5, 1))
    data = wizard.run()
    assert [prompt in ask.label for (prompt, _), ask in zip(turns, script.asked, strict=True)] \
        == [True] * len(turns), [ask.label for ask in script.asked]
    return data, script


def test_a_kind_registered_in_the_table_is_asked_reviewed_and_known_to_answer_files(
        shouted: Template) -> None:
    data, script = _run(shouted, ("Title", "Samen leren"), ("Organisation", "Gemeente Delft"),
                        ("Date", "1-5-2021"), ("Enter to save", ""))
    assert data["casus"] == {"title": "SAMEN LEREN", "organisation": "GEMEENTE DELFT",
                             "date": "2021-05-01"}
    assert "   Title!! SAMEN LEREN" in script.shown  # the review, as the kind shows it
    assert shouted.answer_keys()["organisation"] == "casus"


def test_what_a_kind_holds_is_typed_in_again_by_the_kind(shouted: Template) -> None:
    data, _ = _run(shouted, ("Title", "Samen leren"), ("Organisation", ""), ("Date", "1-5-2021"),
                   ("Enter to save", ""))

    def typed(question: Question, entry: dict[str, Any], ident: str | None) -> list[Turn]:
        return [(str(question.label), str(entry.get(question.name, "")))]

    turns = [turn for step in shouted.steps for part in step.parts
             for turn in kind_of(part).turns(part, data, typed)]
    assert turns == [("Title", "SAMEN LEREN"), ("Organisation", ""), ("Date", "2021-05-01")]
    again, _ = _run(shouted, *turns, ("Enter to save", ""))
    assert again == data


def test_a_template_naming_an_unknown_kind_or_type_is_told_those_there_are(
        tmp_path: Path) -> None:
    path = tmp_path / "stuk.yaml"
    path.write_text(TEMPLATE.replace("type: date", "type: datum"), encoding="utf-8")
    with pytest.raises(FileProblemError) as refused:
        read_template(path)
    shown = [problem.render() for problem in refused.value.problems]
    assert shown == [
        f"{path}:8:15: steps.0.parts.0.kind must be one of 'fields', 'list', "
        "'per_participant' or 'earlier_follow_ups'",
        f"{path}:18:32: steps.0.parts.1.questions.0.type must be one of 'line', 'text', "
        "'date', 'count', 'choice', 'choices', 'sdg', 'flag', 'tags', 'id', 'participant' "
        "or 'earlier'",
    ]


@pytest.mark.parametrize("name", sorted(TYPES))
def test_every_type_of_question_says_how_it_is_typed(name: str) -> None:
    """`?` at any question says more than its label: how its type is typed, or its choices."""
    from evaltool.wizard.grammar import Grammar
    from evaltool.wizard.guide import Guide
    from evaltool.wizard.state import EarlierFollowUp

    earlier = [EarlierFollowUp("2021-01-28-casus#fu-1", "2021-01-28-casus", "2021-01-28",
                               None, "Hoe verder?", None)]
    question = Question.model_validate({
        "name": "x", "type": name, "label": {"nl": "X", "en": "X"}, "required": True,
        **({"vocabulary": "roles"} if TYPES[name].needs_vocabulary else {})})
    lines = Guide(Grammar(VOCABULARY, earlier=lambda: earlier)).help_lines(question)
    assert lines and all(line.strip() for line in lines)
