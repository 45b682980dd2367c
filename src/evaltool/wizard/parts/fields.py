"""Single answers of a step, each stored at `target.name` (the casus' title, its date...)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaltool.wizard import mentions
from evaltool.wizard.data import container, model_at
from evaltool.wizard.template import Part

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard


def fields_part(wizard: Wizard, part: Part, work: dict[str, Any]) -> None:
    """Single answers, each stored at `target.name`."""
    target = container(work, part.target, create=True)
    model = model_at(part.target)
    for question in part.questions:
        before = target.get(question.name)
        value = wizard.question((question.name,), question, entry=target, model=model,
                                current=before, part=part)
        if value is None:
            target.pop(question.name, None)
        else:
            target[question.name] = value
        mentions.check(wizard, (), model, {question.name: value}, (before,))
