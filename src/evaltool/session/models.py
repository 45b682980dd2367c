"""The session file's schema: what one evaluation meeting records, and its rules.

Values that come from the vocabulary (quadrants, roles, ...) are checked against the
vocabulary passed in the validation context (`{"vocabulary": Vocabulary}`); without
one the default vocabulary is used. Files store vocabulary keys; the wizard turns
labels and aliases into keys before they get here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from evaltool.session.values import (
    MAX_LINE,
    MAX_TEXT,
    Date,
    Flag,
    Goal,
    Id,
    Kind,
    Line,
    MaybeCount,
    MaybeDate,
    SessionVersion,
    Tag,
    Text,
)
from evaltool.session.vocabulary import Vocabulary, load_vocabulary

# Where tests and older code have found them: the value types sessions are made of.
__all__ = ["MAX_LINE", "MAX_TEXT", "Id", "Kind", "Text"]

SCHEMA_VERSION = 2
"""2: `people` (who is mentioned but did not take part) and `not_people` were added."""


def _vocabulary(info: ValidationInfo) -> Vocabulary:
    context = info.context or {}
    if "vocabulary" not in context:
        context_vocabulary = load_vocabulary()
        if isinstance(info.context, dict):
            info.context["vocabulary"] = context_vocabulary
        return context_vocabulary
    found: Vocabulary = context["vocabulary"]
    return found


def _in_vocabulary(category: str, value: str, info: ValidationInfo) -> str:
    vocabulary = _vocabulary(info)
    if value in vocabulary.entries(category):
        return value
    suggestion = vocabulary.suggest(category, value)
    choices = ", ".join(vocabulary.entries(category))
    if suggestion:
        raise PydanticCustomError(
            "unknown_word_suggest", "unknown {category} {value}",
            {"category": category, "value": value[:60], "suggestion": suggestion,
             "choices": choices},
        )
    raise PydanticCustomError(
        "unknown_word", "unknown {category} {value}",
        {"category": category, "value": value[:60], "choices": choices},
    )


class Record(BaseModel):
    """Every part of a session: unknown keys are errors, assignments are validated."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=False)


def _word(category: str) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        # Runs for every vocabulary value of every file: the common case first, directly.
        context = info.context
        if context and (vocabulary := context.get("vocabulary")) is not None and (
                value in getattr(vocabulary, category)):
            return value
        return _in_vocabulary(category, value, info)

    return AfterValidator(check)


def _schema(category: str) -> Any:
    """Marks a field for `evaltool.session.schema`, which lists the vocabulary's keys there, and for
    `evaltool.session.fields`, which names the category of a vocabulary field."""
    return Field(json_schema_extra={"x-vocabulary": category})


Quadrant = Annotated[str, _schema("quadrants"), _word("quadrants"), Kind.VOCABULARY]
Orientation = Annotated[str, _schema("orientations"), _word("orientations"), Kind.VOCABULARY]
Role = Annotated[str, _schema("roles"), _word("roles"), Kind.VOCABULARY]
SessionRole = Annotated[str, _schema("session_roles"), _word("session_roles"), Kind.VOCABULARY]
Attendance = Annotated[str, _schema("attendance"), _word("attendance"), Kind.VOCABULARY]
Affiliation = Annotated[str, _schema("affiliations"), _word("affiliations"), Kind.VOCABULARY]
FindingKind = Annotated[str, _schema("finding_kinds"), _word("finding_kinds"), Kind.VOCABULARY]
Judgement = Annotated[str, _schema("judgements"), _word("judgements"), Kind.VOCABULARY]
Status = Annotated[str, _schema("follow_up_statuses"), _word("follow_up_statuses"),
                   Kind.VOCABULARY]
Secret = Annotated[Flag, Kind.SECRET]


class Sdg(Record):
    goal: Goal
    note: Text | None = None


class Casus(Record):
    title: Line
    date: Date
    organisation: Line | None = None
    learning_route: Line | None = None
    session_number: MaybeCount = None
    description: Text | None = None
    plan: Text | None = None
    realised: Text | None = None
    judgement: Judgement | None = None
    judgement_note: Text | None = None
    sdgs: list[Sdg] = []

    @field_validator("sdgs")
    @classmethod
    def _unique_goals(cls, sdgs: list[Sdg]) -> list[Sdg]:
        goals = [sdg.goal for sdg in sdgs]
        if len(goals) != len(set(goals)):
            raise PydanticCustomError("duplicate_sdg", "an SDG is listed twice")
        return sdgs


class Position(Record):
    """Where someone sits in the NSOB model: one quadrant, or two on their border."""

    quadrants: Annotated[list[Quadrant], Field(min_length=1, max_length=2)]
    note: Text | None = None

    @field_validator("quadrants")
    @classmethod
    def _border(cls, quadrants: list[str], info: ValidationInfo) -> list[str]:
        if len(quadrants) == 2:
            if quadrants[0] == quadrants[1]:
                raise PydanticCustomError("same_quadrant", "the same quadrant twice")
            if not _vocabulary(info).adjacent(*quadrants):
                raise PydanticCustomError(
                    "not_adjacent", "no border", {"first": quadrants[0], "second": quadrants[1]})
        return quadrants


class RoleInstance(Record):
    """A role someone had: the usual one, or one actually played in this casus."""

    role: Role
    label: Line | None = None
    orientation: Orientation
    usual: Flag = False
    played: Flag = True
    phase: Line | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> RoleInstance:
        if self.role == "other" and not self.label:
            raise PydanticCustomError("other_needs_label", "a role 'other' needs a label")
        if not (self.usual or self.played):
            raise PydanticCustomError("role_neither", "neither usual nor played")
        return self


class Participant(Record):
    name: Annotated[Line | None, Kind.NAME] = None
    function: Line
    department: Line | None = None
    organisation: Line | None = None
    affiliation: Affiliation | None = None
    attendance: Attendance = "present"
    session_role: SessionRole = "participant"
    position: Position | None = None
    roles: list[RoleInstance] = []


class Finding(Record):
    kind: FindingKind
    text: Text
    by: Annotated[Id | None, Kind.REFERENCE] = None
    tags: list[Tag] = []
    confidential: Secret = False


class FollowUp(Record):
    question: Text
    owner: Annotated[Line | None, Kind.OWNER] = None
    due: MaybeDate = None
    status: Status = "open"
    continues: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,120}#[a-z0-9][a-z0-9-]{0,62}$"),
                         Kind.REFERENCE] | None = None
    note: Text | None = None
    confidential: Secret = False


class Person(Record):
    """Someone the session mentions who did not take part (a wethouder, a school's
    director): in a published report `label` stands where their name was written, as a
    participant's function does."""

    name: Annotated[Line, Kind.NAME]
    label: Line


class Session(Record):
    """One evaluation meeting about one casus."""

    schema_version: SessionVersion
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,120}$"), Kind.ID]
    vocabulary: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$"), Kind.VALUE] = "delft"
    status: Annotated[Literal["draft", "final"], Kind.VALUE]
    casus: Casus
    participants: dict[Id, Participant] = {}
    people: dict[Id, Person] = {}
    not_people: list[Annotated[Line, Kind.NOT_A_PERSON]] = []
    findings: dict[Id, Finding] = {}
    follow_ups: dict[Id, FollowUp] = {}
    reflection: Text | None = None
    next_session: Text | None = None
    notes: Annotated[Text | None, Kind.CONFIDENTIAL] = None

    @model_validator(mode="after")
    def _references(self) -> Session:
        for person_id in self.people:
            if person_id in self.participants:
                raise PydanticCustomError(
                    "person_is_participant", "{ref} is both a participant and a person",
                    {"ref": person_id, "where": f"people.{person_id}",
                     "at": ("people", person_id)},
                )
        for finding_id, finding in self.findings.items():
            if finding.by is not None and finding.by not in self.participants:
                raise PydanticCustomError(
                    "unknown_participant", "no participant {ref}",
                    {"ref": finding.by, "where": f"findings.{finding_id}.by",
                     "at": ("findings", finding_id, "by")},
                )
        return self


def validate_session(data: Any, vocabulary: Any = None) -> Session:
    """Data (from a file, answers or the wizard) to a session, checked against a vocabulary."""
    context = {"vocabulary": vocabulary} if vocabulary is not None else {}
    return Session.model_validate(data, context=context)


def session_data(session: Session, *, defaults: bool = False) -> dict[str, Any]:
    """The session as plain data in canonical key order, without empty or (unless asked
    for) default values."""
    data = session.model_dump(mode="python", exclude_defaults=not defaults, exclude_none=True)
    # These are always written, even when they hold their default, so a file says what it is.
    data = {
        "schema_version": session.schema_version,
        "id": session.id,
        "vocabulary": session.vocabulary,
        "status": session.status,
        **data,
    }
    return data
