"""The session file's schema: what one evaluation meeting records, and its rules.

Values that come from the vocabulary (quadrants, roles, ...) are checked against the
vocabulary passed in the validation context (`{"vocabulary": Vocabulary}`); without
one the default vocabulary is used. Files store vocabulary keys; the wizard turns
labels and aliases into keys before they get here.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

SCHEMA_VERSION = 2
"""2: `people` (who is mentioned but did not take part) and `not_people` were added."""


class Kind(StrEnum):
    """What a field holds. Every leaf field of a session carries one (as an `Annotated`
    mark), and whatever walks a session by its fields (publication mode, its checks, the
    diff) asks the field, never a list of field names: see `evaltool.session.fields`."""

    TEXT = "text"
    """Free text someone typed: names replaced, and checked, before publication."""
    NAME = "name"
    """A person's name: never published."""
    CONFIDENTIAL = "confidential"
    """Internal text (the session's notes): never leaves the file."""
    SECRET = "secret"
    """The `confidential` flag: when true, its whole entry never leaves the file."""
    VOCABULARY = "vocabulary"
    """A key of the vocabulary; shown by its label."""
    ID = "id"
    """An identifier (a session's, an entry's key): may be made of a name."""
    REFERENCE = "reference"
    """The id of another entry (a finding's `by`, a follow-up's `continues`)."""
    OWNER = "owner"
    """A participant's or a mentioned person's id, or free text."""
    TAG = "tag"
    """A keyword of a finding."""
    NOT_A_PERSON = "not_a_person"
    """Words the session declares not to be anyone's name (a school named after a person)."""
    VALUE = "value"
    """A date, number, flag, version or fixed choice: holds no text."""

# Control characters (but tab and newline), DEL, C1, the Unicode line and paragraph
# separators, and non-characters: none of them belongs in what someone said.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

MAX_TEXT = 20_000
MAX_LINE = 300


def _clean(value: str) -> str:
    if bad := _FORBIDDEN.search(value):
        raise PydanticCustomError(
            "control_character", "control character {codepoint}",
            {"codepoint": f"U+{ord(bad.group()):04X}", "position": bad.start() + 1},
        )
    if not value.strip():
        raise PydanticCustomError("blank", "empty text")
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise PydanticCustomError("multiline", "one line only")
    return value


def _nullish(value: Any) -> Any:
    """`~` and `null` mean "no value" in fields that are not text (dates, numbers)."""
    if isinstance(value, str) and value.strip() in ("~", "null", "Null", "NULL"):
        return None
    return value


def _strict_int(value: Any) -> Any:
    if isinstance(value, str):
        if not re.fullmatch(r"0|[1-9][0-9]{0,8}", value.strip()):
            raise PydanticCustomError("not_a_number", "a whole number")
        return int(value)
    if isinstance(value, bool):
        raise PydanticCustomError("not_a_number", "a whole number")
    return value


def _strict_bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise PydanticCustomError("not_a_flag", "true or false")


def _strict_date(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise PydanticCustomError("date_format", "a date as YYYY-MM-DD")
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("impossible_date", "no such date", {"date": value}) from None
    return value


Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT), AfterValidator(_clean),
                 Kind.TEXT]
"""Free text: any length up to a limit, newlines and tabs allowed."""

Line = Annotated[str, Field(min_length=1, max_length=MAX_LINE), AfterValidator(_clean),
                 AfterValidator(_one_line), Kind.TEXT]
"""A short single line: a title, a name, a function."""

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$"), Kind.ID]
"""A stable short identifier: lowercase letters, digits and '-'."""

Tag = Annotated[str, Field(pattern=r"^[^\s,#\[\]{}]{1,40}$"), AfterValidator(_clean), Kind.TAG]

Flag = Annotated[bool, BeforeValidator(_strict_bool), Kind.VALUE]
Version = Annotated[Literal[1], BeforeValidator(_strict_int), Kind.VALUE]
"""The version of evaltool's other files (vocabularies, templates)."""
SessionVersion = Annotated[Literal[2], BeforeValidator(_strict_int), Kind.VALUE]
Date = Annotated[dt.date, BeforeValidator(_strict_date), Kind.VALUE]
# Before-validators run last-listed first: `~`/`null` become None, then the rest is parsed.
MaybeDate = Annotated[dt.date | None, BeforeValidator(_strict_date), BeforeValidator(_nullish),
                      Kind.VALUE]
MaybeCount = Annotated[Annotated[int, Field(ge=1, le=10_000)] | None,
                       BeforeValidator(_strict_int), BeforeValidator(_nullish), Kind.VALUE]


def _vocabulary(info: ValidationInfo) -> Any:
    context = info.context or {}
    if "vocabulary" not in context:
        from evaltool.session.vocabulary import load_vocabulary

        context_vocabulary = load_vocabulary()
        if isinstance(info.context, dict):
            info.context["vocabulary"] = context_vocabulary
        return context_vocabulary
    return context["vocabulary"]


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
    goal: Annotated[int, Field(ge=1, le=17), BeforeValidator(_strict_int), Kind.VALUE]
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
