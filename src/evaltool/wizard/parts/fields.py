"""Single answers of a step, each stored at `target.name` (the casus' title, its date...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.wizard.data import container, model_at
from evaltool.wizard.parts.base import AnswerTurns, PartKind, Turn
from evaltool.wizard.prompter import visible

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part, Step


class Fields(PartKind):
    """Questions asked one after another, each answer stored under its question's name;
    an answers file gives each at the top level, by that name."""

    def answer_names(self, part: Part) -> list[str]:
        return [question.name for question in part.questions]

    def ask(self, wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
        target = container(work, part.target, create=True)
        model = model_at(part.target)
        for question in part.questions:
            before = target.get(question.name)
            value = wizard.asker.question((question.name,), question, entry=target,
                                          model=model, current=before, part=part)
            if value is None:
                target.pop(question.name, None)
            else:
                target[question.name] = value
            wizard.ask_about_names((), model, {question.name: value}, (before,))

    def turns(self, part: Part, data: dict[str, Any], answer: AnswerTurns) -> list[Turn]:
        target = container(data, part.target) or {}
        return [turn for question in part.questions for turn in answer(question, target, None)]

    def review(self, wizard: Wizard, step: Step, part: Part, data: dict[str, Any]) -> list[str]:
        target = container(data, part.target) or {}
        return [f"{q.label}: {visible(wizard.grammar.show(q, target[q.name]))}"
                for q in part.questions if q.name in target]

    def missing(self, part: Part, data: dict[str, Any]) -> list[str]:
        target = container(data, part.target) or {}
        return [str(q.label) for q in part.questions if q.final and q.name not in target]
