"""The values a session file holds, field by field: what kind of thing each is (`Kind`),
and the strict checks of text, identifiers, dates, numbers, flags and versions.

A leaf of the session package: the models of sessions (`models`) and of evaltool's other
files (vocabularies, templates, the name rules) build their fields from these.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError


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
Goal = Annotated[int, Field(ge=1, le=17), BeforeValidator(_strict_int), Kind.VALUE]
"""A sustainable development goal, by its number."""
