"""The kinds of part a step of a template has, one module each, registered in `KINDS`.

`fields` (single answers), `list` (entries added one after another), `per_participant`
(everyone in turn: their place in the NSOB model, their roles) and `earlier_follow_ups`
(the open follow-ups of earlier sessions). A kind (`base.PartKind`) owns how its part is
asked, typed again and reviewed; `parts/entries.py` is the machinery of a list's entries
that `list` and `per_participant` share. A new kind is a new module here, registered in
`KINDS`: a template may name it from then on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evaltool.errors import TemplateError
from evaltool.wizard.data import model_at
from evaltool.wizard.parts.base import PartKind
from evaltool.wizard.parts.fields import Fields
from evaltool.wizard.parts.lists import List
from evaltool.wizard.parts.people import PerParticipant
from evaltool.wizard.parts.threads import EarlierFollowUps
from evaltool.wizard.questions import answer_type

if TYPE_CHECKING:
    from evaltool.wizard.template import Part, Template

KINDS: dict[str, PartKind] = {
    "fields": Fields(),
    "list": List(),
    "per_participant": PerParticipant(),
    "earlier_follow_ups": EarlierFollowUps(),
}
"""Each kind of part a template may name, and what it is."""


def kind_of(part: Part) -> PartKind:
    """What the kind of `part` is."""
    return KINDS[part.kind]


def check_template(template: Template) -> None:
    """Every question must name a field of the place its part writes to."""
    for step in template.steps:
        for part in step.parts:
            target = kind_of(part).target(part)
            try:
                model = model_at(target)
            except KeyError:
                raise TemplateError.at("wizard.template_target", step=step.name,
                                       part=part.name, target=target) from None
            for question in part.questions:
                if not answer_type(question).names_entry and \
                        question.name not in model.model_fields:
                    raise TemplateError.at("wizard.template_field", step=step.name,
                                           question=question.name, model=model.__name__)
