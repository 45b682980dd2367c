"""The semantic difference between two sessions: what a reviewer needs to know, by id.

Pure: two sessions in, a list of `Change`s out. Participants, findings and follow-ups
are matched by their id, SDGs by goal, a participant's roles by role (the first
financier with the first financier, ...), tags and NSOB quadrants as sets; so moving
things around is not a change. Rendering is in `evaltool.git.diffrender`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from evaltool.session.fields import shapes
from evaltool.session.models import (
    Casus,
    Finding,
    FollowUp,
    Participant,
    Person,
    Position,
    RoleInstance,
    Sdg,
    Session,
)
from evaltool.session.values import Kind

MODELS: dict[str, type[BaseModel]] = {
    "session": Session, "casus": Casus, "sdg": Sdg, "participant": Participant,
    "position": Position, "role": RoleInstance, "finding": Finding, "follow_up": FollowUp,
    "person": Person,
}
"""The model of each section of a diff, whose fields say what they hold (`models.Kind`)."""

LONG_TEXT = 60
"""Texts longer than this (or of several lines) get a word-level diff instead of old → new."""

_SESSION_FIELDS = ("id", "vocabulary", "status", "schema_version")
_SESSION_TEXTS = ("reflection", "next_session", "notes")
_CASUS_FIELDS = ("title", "date", "organisation", "learning_route", "session_number",
                 "description", "plan", "realised", "judgement", "judgement_note")
_LONG_FIELDS = {"description", "plan", "realised", "judgement_note", "note", "text", "question",
                "reflection", "next_session", "notes"}


@dataclass(frozen=True)
class Change:
    """One thing that differs between the old and the new session.

    `section` is what kind of thing changed (session, casus, sdg, participant, position,
    role, finding, follow_up); `id` the participant, finding or follow-up (or SDG goal);
    `item` the role within a participant; `field` the field that changed, if any;
    `action` is added, removed or changed; `old`/`new` are plain JSON values.
    """

    section: str
    action: str
    id: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    item: str | None = None
    context: str | None = None  # a finding's kind, for "success factor `x`: ..."
    confidential: bool = False  # about something that never leaves the file

    @property
    def long(self) -> bool:
        """Whether old and new are texts best shown as a word-level diff."""
        if self.action != "changed" or self.field not in _LONG_FIELDS:
            return False
        texts = [v for v in (self.old, self.new) if isinstance(v, str)]
        return len(texts) == 2 and any(len(t) > LONG_TEXT or "\n" in t for t in texts)

    def as_json(self) -> dict[str, Any]:
        return {"section": self.section, "action": self.action, "id": self.id,
                "item": self.item, "field": self.field, "old": self.old, "new": self.new,
                "confidential": self.confidential}


def diff_sessions(old: Session | None, new: Session | None) -> list[Change]:
    """Every change from `old` to `new`; `None` stands for a file that does not exist."""
    before = _plain(old)
    after = _plain(new)
    changes: list[Change] = []
    changes += _fields("session", None, before, after, _SESSION_FIELDS)
    casus_before, casus_after = before.get("casus", {}), after.get("casus", {})
    changes += _fields("casus", None, casus_before, casus_after, _CASUS_FIELDS)
    changes += _sdgs(casus_before.get("sdgs", []), casus_after.get("sdgs", []))
    changes += _keyed("participant", before.get("participants", {}),
                      after.get("participants", {}), _participant)
    changes += _keyed("finding", before.get("findings", {}), after.get("findings", {}),
                      _finding)
    changes += _keyed("follow_up", before.get("follow_ups", {}), after.get("follow_ups", {}),
                      _follow_up)
    changes += _keyed("person", before.get("people", {}), after.get("people", {}), _person)
    changes += _fields("session", None, before, after, _SESSION_TEXTS)
    if before.get("not_people") != after.get("not_people"):
        changes.append(Change("session", "changed", None, "not_people",
                              before.get("not_people"), after.get("not_people")))
    return [_marked(change, before, after) for change in changes]


_ENTRIES = {"finding": "findings", "follow_up": "follow_ups"}


def _marked(change: Change, before: dict[str, Any], after: dict[str, Any]) -> Change:
    """The change, marked confidential when its field is internal text (`Kind.CONFIDENTIAL`)
    or its entry is, or was, marked confidential (`Kind.SECRET`)."""
    shape = shapes(MODELS[change.section]).get(change.field or "")
    secret = shape is not None and shape.kind is Kind.CONFIDENTIAL
    container = _ENTRIES.get(change.section)
    if container and change.id:
        secret_fields = [name for name, s in shapes(MODELS[change.section]).items()
                         if s.kind is Kind.SECRET]
        for side in (before, after):
            entry = side.get(container, {}).get(change.id) or {}
            secret = secret or any(entry.get(name) is True for name in secret_fields)
    if not secret:
        return change
    return Change(change.section, change.action, change.id, change.field, change.old,
                  change.new, change.item, change.context, confidential=True)


def _plain(session: Session | None) -> dict[str, Any]:
    if session is None:
        return {}
    data: dict[str, Any] = session.model_dump(mode="json")
    return data


def _fields(section: str, ident: str | None, before: dict[str, Any], after: dict[str, Any],
            names: Iterable[str], *, item: str | None = None,
            context: str | None = None) -> list[Change]:
    changes = []
    for name in names:
        old, new = before.get(name), after.get(name)
        if old != new:
            changes.append(Change(section, "changed", ident, name, old, new, item, context))
    return changes


def _sdgs(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    old = {sdg["goal"]: sdg for sdg in before}
    new = {sdg["goal"]: sdg for sdg in after}
    changes = []
    for goal in sorted(old.keys() | new.keys()):
        if goal not in old:
            changes.append(Change("sdg", "added", str(goal), new=new[goal]))
        elif goal not in new:
            changes.append(Change("sdg", "removed", str(goal), old=old[goal]))
        else:
            changes += _fields("sdg", str(goal), old[goal], new[goal], ("note",))
    return changes


def _keyed(section: str, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]],
           compare: Any) -> list[Change]:
    """Entries matched by id: the new file's order, then the ones that were removed."""
    changes = []
    for ident, entry in after.items():
        if ident not in before:
            changes.append(Change(section, "added", ident, new=entry,
                                  context=entry.get("kind")))
        else:
            changes += compare(ident, before[ident], entry)
    for ident, entry in before.items():
        if ident not in after:
            changes.append(Change(section, "removed", ident, old=entry,
                                  context=entry.get("kind")))
    return changes


_PARTICIPANT_FIELDS = ("name", "function", "department", "organisation", "affiliation",
                       "attendance", "session_role")
_ROLE_FIELDS = ("label", "orientation", "usual", "played", "phase", "note")


def _participant(ident: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    changes = _fields("participant", ident, before, after, _PARTICIPANT_FIELDS)
    old_position = before.get("position") or {}
    new_position = after.get("position") or {}
    old_quadrants = old_position.get("quadrants") or []
    new_quadrants = new_position.get("quadrants") or []
    if set(old_quadrants) != set(new_quadrants):
        changes.append(Change("position", "changed", ident, "quadrants",
                              old_quadrants or None, new_quadrants or None))
    if old_position.get("note") != new_position.get("note"):
        changes.append(Change("position", "changed", ident, "note",
                              old_position.get("note"), new_position.get("note")))
    changes += _roles(ident, before.get("roles", []), after.get("roles", []))
    return changes


def _roles(ident: str, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[Change]:
    """Roles matched by role key, in order: the n-th financier before with the n-th after."""
    remaining: dict[str, list[dict[str, Any]]] = {}
    for role in before:
        remaining.setdefault(role["role"], []).append(role)
    changes = []
    for role in after:
        candidates = remaining.get(role["role"])
        if candidates:
            old = candidates.pop(0)
            changes += _fields("role", ident, old, role, _ROLE_FIELDS, item=role["role"])
        else:
            changes.append(Change("role", "added", ident, new=role, item=role["role"]))
    for key, left in remaining.items():
        changes += [Change("role", "removed", ident, old=role, item=key) for role in left]
    return changes


_FINDING_FIELDS = ("kind", "text", "by", "confidential")


def _finding(ident: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    kind = after.get("kind")
    changes = _fields("finding", ident, before, after, _FINDING_FIELDS, context=kind)
    old_tags, new_tags = before.get("tags", []), after.get("tags", [])
    added = [tag for tag in new_tags if tag not in old_tags]
    removed = [tag for tag in old_tags if tag not in new_tags]
    if added:
        changes.append(Change("finding", "added", ident, "tags", new=added, context=kind))
    if removed:
        changes.append(Change("finding", "removed", ident, "tags", old=removed, context=kind))
    return changes


_FOLLOW_UP_FIELDS = ("question", "owner", "due", "status", "continues", "note", "confidential")


def _follow_up(ident: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    return _fields("follow_up", ident, before, after, _FOLLOW_UP_FIELDS)


def _person(ident: str, before: dict[str, Any], after: dict[str, Any]) -> list[Change]:
    return _fields("person", ident, before, after, ("name", "label"))


_WORD = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
CONTEXT_WORDS = 8
"""Unchanged words kept on each side of a change in a word diff; longer runs become '…'."""


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The two texts as runs of ("equal" | "delete" | "insert" | "skip", text), word by word."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    codes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(codes):
        if op == "equal":
            runs += _context(a[i1:i2], first=index == 0, last=index == len(codes) - 1)
            continue
        if op in ("delete", "replace"):
            runs.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


def _context(tokens: list[str], *, first: bool, last: bool) -> list[tuple[str, str]]:
    words = [i for i, token in enumerate(tokens) if not token.isspace()]
    keep_before = 0 if first else CONTEXT_WORDS
    keep_after = 0 if last else CONTEXT_WORDS
    if len(words) <= keep_before + keep_after + 2:
        return [("equal", "".join(tokens))]
    runs = []
    if keep_before:
        runs.append(("equal", "".join(tokens[: words[keep_before - 1] + 1])))
    runs.append(("skip", " … "))
    if keep_after:
        runs.append(("equal", "".join(tokens[words[-keep_after]:])))
    return runs
