"""The steps of an evaluation as data: `templates/NAME.yaml`, checked when it is loaded.

A template is a list of steps; a step has one or more parts, each of a kind that
`evaltool.wizard.parts.KINDS` knows:

- `fields`: single questions, each stored at `target.name` in the session
  (`target: casus`, or empty for the session's own fields);
- `list`: entries added one after another (findings, SDGs, participants, follow-ups),
  each answer of the first question starting a new entry, an empty one ending the list;
- `per_participant`: participants picked by number, then asked the part's questions
  (their place in the NSOB model) or, with `repeat`, an ordered list (their roles);
- `earlier_follow_ups`: the open follow-ups of earlier sessions, each marked done,
  kept open or dropped.

A question has a type that `evaltool.wizard.questions.TYPES` knows (`line`, `date`,
`choice`, ...).

A municipality adds, removes or reorders steps by editing YAML, not Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from evaltool.errors import EvaltoolError, TemplateError
from evaltool.fs import resources
from evaltool.i18n.labels import Labels
from evaltool.session.loading import load_model
from evaltool.session.values import Version
from evaltool.session.yamlreader import read_document
from evaltool.wizard.parts import KINDS, kind_of
from evaltool.wizard.questions import TYPES

DEFAULT_TEMPLATE = "casus-evaluatie"

Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Target = Annotated[str, Field(pattern=r"^([a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*)?$")]



def _one_of(names: Mapping[str, object]) -> AfterValidator:
    """A name that must be a key of `names` (a registry: what is registered later counts
    too), refused as pydantic refuses a value of a Literal."""

    def check(name: str) -> str:
        if name not in names:
            quoted = [repr(known) for known in names]
            expected = f"{', '.join(quoted[:-1])} or {quoted[-1]}" if len(quoted) > 1 \
                else "".join(quoted)
            raise PydanticCustomError("literal_error", "Input should be {expected}",
                                      {"expected": expected})
        return name

    return AfterValidator(check)


Mark = Literal[";", "#", "!", "@", "^", ":"]
_MARK_TYPES = {"#": ("tags",), "!": ("flag",), "^": ("earlier",)}


class Question(BaseModel):
    """One answer: where it goes, how it is typed, what it defaults to."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Name
    type: Annotated[str, _one_of(TYPES)]
    label: Labels
    help: Labels | None = None
    vocabulary: Name | None = None
    required: bool = False
    final: bool = False
    """Needed before `evaltool finalize` accepts the session (may be added later)."""
    default: Annotated[str, Field(max_length=300)] | None = None
    """A literal, or `{today}`, `{slug:QUESTION}`, `{next:PREFIX}`, `@SESSION_ROLE`,
    `{next_meeting}` (the next number in the learning route), `{casus:FIELD}` (what the
    casus says), `{side:QUESTION:KEY}` (the side others from that organisation are on;
    KEY for the casus' own organisation)."""
    ask: bool = True
    """False: not asked in a terminal (the default is used), but read from answer files."""
    when: dict[Name, str] = {}
    """Asked only when the entry's other answers have these values."""
    max: Annotated[int, Field(ge=1, le=20)] | None = None
    mark: Mark | None = None
    """How this answer is given on the entry's first line (see `evaltool.wizard.grammar`):
    `;` the next part, `#` tags at the end, `!` a flag at the start, ` @` / ` ^` the rest
    of the line, `:` a note after the first colon."""

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if TYPES[self.type].needs_vocabulary and not self.vocabulary:
            raise ValueError(f"question {self.name}: a choice needs 'vocabulary: CATEGORY'")
        if self.mark in _MARK_TYPES and self.type not in _MARK_TYPES[self.mark]:
            raise ValueError(f"question {self.name}: the mark {self.mark} is for "
                             f"{', '.join(_MARK_TYPES[self.mark])} questions")
        if not self.ask and self.required and self.default is None:
            raise ValueError(f"question {self.name}: not asked and required needs a default")
        return self


class Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: Annotated[str, _one_of(KINDS)]
    name: Name
    target: Target = ""
    label: Labels | None = None
    plural: Labels | None = None
    """The list's name for several entries (`Aandachtspunten`): in questions and the review."""
    example: Labels | None = None
    """An entry typed on one line, shown by `?`."""
    notation: Literal["roles"] | None = None
    """`roles`: a participant's roles are typed on one line (see `evaltool.wizard.grammar`)."""
    fixed: dict[Name, str] = {}
    """Values every entry of a list gets (`kind: success_factor`): also how the part
    recognises its own entries among the others in the same place."""
    repeat: bool = False
    min_final: Annotated[int, Field(ge=0, le=100)] = 0
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Part:
        names = [q.name for q in self.questions]
        if len(names) != len(set(names)):
            raise ValueError(f"part {self.name}: two questions with the same name")
        if KINDS[self.kind].needs_label and self.label is None:
            raise ValueError(f"part {self.name}: a {self.kind} part needs a label")
        marks = [q.mark for q in self.questions[1:] if q.mark and q.mark != ";"]
        if self.questions[0].mark or len(marks) != len(set(marks)):
            raise ValueError(f"part {self.name}: a mark is for one of the questions after "
                             "the first, each mark once")
        return self

    def plural_label(self) -> str:
        return str(self.plural or self.label or "")


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Name
    title: Labels
    help: Labels | None = None
    skippable: bool = False
    parts: list[Part] = Field(min_length=1)


class Masthead(BaseModel):
    """The line above a report's title ("Excellent faciliteren! · Leerroute · Publiek
    Ondernemen"), for the sessions of `learning_routes` (of every session when empty)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    lines: list[Labels] = Field(min_length=1, max_length=8)
    learning_routes: list[Annotated[str, Field(min_length=1, max_length=300)]] = []


class Template(BaseModel):
    """A guided evaluation: which steps, in which order, asking what."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Version
    name: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=60)]
    label: Labels
    description: Labels | None = None
    vocabulary: Name = "delft"
    final_session_roles: list[Name] = []
    """Session roles someone must have before the session can be final."""
    masthead: Masthead | None = None
    """What reports of these sessions print above their title."""
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Template:
        steps = [step.name for step in self.steps]
        if len(steps) != len(set(steps)):
            raise ValueError("two steps with the same name")
        # Answer files are flat: every field question and every part needs its own name.
        keys: list[str] = []
        for step in self.steps:
            for part in step.parts:
                keys += kind_of(part).answer_names(part)
        doubles = sorted({key for key in keys if keys.count(key) > 1})
        if doubles:
            raise ValueError(f"answer names used twice: {', '.join(doubles)}")
        return self

    def always_shown(self) -> int:
        """How many steps every session shows; the others only show when earlier sessions
        left follow-ups open."""
        return sum(1 for step in self.steps if not only_earlier(step))

    def step(self, name: str) -> Step | None:
        return next((step for step in self.steps if step.name == name), None)

    def answer_keys(self) -> dict[str, str]:
        """Each top-level key of an answers file, and the step that asks it (none for the
        template's name and the people a session mentions, `evaltool.wizard.mentions`)."""
        keys = {"template": "", "people": "", "not_people": ""}
        for step in self.steps:
            for part in step.parts:
                keys.update(dict.fromkeys(kind_of(part).answer_names(part), step.name))
        return keys


def only_earlier(step: Step) -> bool:
    """A step about earlier follow-ups only: shown only when there are some."""
    return all(kind_of(part).only_with_earlier for part in step.parts)


# Hints written for session files, which would send someone fixing a template astray.
_SESSION_HINTS = {"problems.missing_hint", "yaml.empty_hint", "yaml.several_documents_hint",
                  "yaml.too_large_hint", "yaml.too_deep_hint", "yaml.not_a_file_hint"}


def load_template(name: str = DEFAULT_TEMPLATE) -> Template:
    """The template called `name`, from ./templates or the bundled templates."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,59}", name):  # never a path
        raise TemplateError.at("core.template_missing", kind="template", name=name[:60],
                               hint="wizard.templates_hint")
    return _template_at(resources.find_template(f"{name}.yaml", kind="template", name=name))


@cache
def _template_at(path: Path) -> Template:
    """A template file, read once per process: a command may ask for it per session."""
    return read_template(path)


def read_template(path: Path) -> Template:
    """A template file, checked; its problems come with hints about templates."""
    try:
        return load_model(path, Template)
    except EvaltoolError as error:
        error.problems[:] = [replace(problem, hint="wizard.template_fix_hint")
                             if problem.hint in _SESSION_HINTS else problem
                             for problem in error.problems]
        raise


def available_templates() -> list[Path]:
    """Every wizard template file (a YAML file with steps) in the template folders."""
    found = []
    for path in resources.list_templates(".", "*.yaml"):
        try:
            if "steps" in read_document(path).data:
                found.append(path)
        except EvaltoolError:
            found.append(path)  # listed, so that `evaltool templates` reports the problem
    return found
