"""Session data in the wizard's plain form: building and checking sessions, finding entries.

The wizard keeps session data as plain text values (`"2021-01-28"`, `"true"`, `"4"`),
exactly as they read back from a draft; `build_session` turns them into a `Session`
with every rule of the file applied once more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from evaltool.errors import EvaltoolError, Problem
from evaltool.i18n import t
from evaltool.i18n.folding import fold
from evaltool.session import models
from evaltool.session.loading import complaint, inner_model
from evaltool.session.store import load_session
from evaltool.session.vocabulary import CATEGORIES, Vocabulary
from evaltool.wizard.state import EarlierFollowUp, EarlierSession, Route

if TYPE_CHECKING:
    from evaltool.wizard.template import Part

Entry = tuple[str | None, dict[str, Any]]
"""One entry of a list part: its id (for a mapping such as findings) and its data."""

CONTINUES = "continues"


def build_session(data: dict[str, Any], *, session_id: str, vocabulary: Vocabulary,
                  status: str = "draft") -> models.Session:
    """The wizard's data as a session: every rule of the file applied once more."""
    full = {"schema_version": str(models.SCHEMA_VERSION), "id": session_id,
            "vocabulary": vocabulary.name, "status": status, **data}
    return models.validate_session(full, vocabulary)


def session_answers(session: models.Session) -> dict[str, Any]:
    """A session's data in the wizard's plain form (to edit one step of it)."""
    data: dict[str, Any] = plain(models.session_data(session))
    for key in ("schema_version", "id", "vocabulary", "status"):
        data.pop(key, None)
    return data


def read_route(paths: Iterable[Path]) -> tuple[Route, list[Problem]]:
    """The sessions in these files and their open follow-ups, and a problem for each
    unreadable file.

    A follow-up is open when its status is open and no other session continues it: a
    session that keeps one open records a continuation, which is then the open one.
    """
    sessions = []
    problems: list[Problem] = []
    for path in paths:
        try:
            sessions.append(load_session(path))
        except EvaltoolError as error:
            problems += error.problems[:1]
    continued = {fu.continues for s in sessions for fu in s.follow_ups.values() if fu.continues}
    found = []
    known = []
    for session in sorted(sessions, key=lambda s: (s.casus.date, s.id)):
        casus = session.casus
        known.append(EarlierSession(
            session.id, casus.date.isoformat(), casus.learning_route, casus.session_number,
            tuple((p.organisation, p.affiliation) for p in session.participants.values()
                  if p.organisation and p.affiliation)))
        for ident, follow_up in session.follow_ups.items():
            ref = f"{session.id}#{ident}"
            if follow_up.status == "open" and ref not in continued:
                found.append(EarlierFollowUp(ref, session.id, casus.date.isoformat(),
                                             casus.learning_route, follow_up.question,
                                             follow_up.owner, casus.session_number))
    return Route(tuple(known), tuple(found)), problems


# --- the session model, field by field ----------------------------------------------------


def model_at(target: str) -> type[BaseModel]:
    """`casus` → Casus, `participants` → Participant, `participants.roles` → RoleInstance."""
    current: type[BaseModel] = models.Session
    for name in filter(None, target.split(".")):
        info = current.model_fields[name]
        inner = inner_model(info.annotation)
        if inner is None:
            raise KeyError(name)
        current = inner
    return current


@cache
def field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, with the same rules as the whole file."""
    info = model.model_fields[name]
    annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata \
        else info.annotation
    return TypeAdapter(annotation)  # type: ignore[arg-type]


def explain(error: ValidationError | list[Any], labels: dict[tuple[Any, ...], str], *,
            vocabulary: Vocabulary | None = None, each: bool = False) -> str:
    """Pydantic's complaints (all of an error, or some of its `errors()`) in the user's
    language, naming the question, not the key, and vocabulary values by their label."""
    texts = []
    items = error if isinstance(error, list) else error.errors(include_url=False)
    for item in items:
        said = complaint(item)
        loc = tuple(item["loc"])
        label = labels.get(loc[:1]) or labels.get(()) or ".".join(str(p) for p in loc)
        params = said.params
        params["field"] = label
        params.setdefault("where", label)
        if vocabulary is not None:
            params = _labelled(params, vocabulary)
        text = f"{label}: {item['msg']}"
        if said.key is not None:
            try:
                text = t(said.key, **params)
                if said.hint is not None:
                    text += " — " + t(said.hint, **params)
            except (KeyError, IndexError):
                text = f"{label}: {item['msg']}"
        texts.append(text)
        if not each:
            break
    return "; ".join(texts)


def _labelled(params: dict[str, Any], vocabulary: Vocabulary) -> dict[str, Any]:
    """The keys in a problem's parameters (`performing_government`) as the user's labels."""
    category = params.get("category")
    shown = dict(params)
    if "first" in params and "second" in params:
        shown["first"] = vocabulary.short_label("quadrants", str(params["first"]))
        shown["second"] = vocabulary.short_label("quadrants", str(params["second"]))
    if isinstance(category, str) and category in CATEGORIES:
        if "choices" in params:
            shown["choices"] = ", ".join(vocabulary.label(category, key)
                                         for key in vocabulary.entries(category))
        if "suggestion" in params:
            shown["suggestion"] = vocabulary.label(category, str(params["suggestion"]))
    return shown


def plain(value: Any) -> Any:
    """Values as they read back from YAML: text, lists and mappings of text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


# --- where a part's entries are ------------------------------------------------------------


def container(data: dict[str, Any], target: str, *, create: bool = False) -> Any:
    """The mapping or list at a dotted `target` (`casus.sdgs`), made on the way if asked."""
    current: Any = data
    for name in filter(None, target.split(".")):
        if not isinstance(current, dict):
            return None
        if name not in current:
            if not create:
                return None
            current[name] = {}
        current = current[name]
    return current


def owned_entries(part: Part, data: dict[str, Any]) -> list[Entry]:
    """The entries of a list part among everything at its target."""
    found = container(data, part.target)
    if isinstance(found, list):
        return [(None, item) for item in found]
    if isinstance(found, dict):
        return [(ident, item) for ident, item in found.items() if mine(part, item)]
    return []


def mine(part: Part, item: dict[str, Any]) -> bool:
    """Whether a part owns an entry at its target: it has the part's fixed values, and it
    does not continue an earlier session's follow-up (the earlier step owns those)."""
    return not item.get(CONTINUES) and all(str(item.get(k)) == v for k, v in part.fixed.items())


def taken_by_others(entries: list[Entry]) -> set[str]:
    """What other entries hold already: their ids, and their SDG goals."""
    return {ident for ident, _ in entries if ident} | {
        str(data["goal"]) for _, data in entries if "goal" in data}


def unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... when it is taken."""
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def next_id(prefix: str, taken: set[str]) -> str:
    """`fu-1`, or the first `fu-N` not taken."""
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def pruned(data: Any) -> Any:
    """Without empty mappings and lists, which the file leaves out as well."""
    if isinstance(data, dict):
        kept = {k: pruned(v) for k, v in data.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [], None)}
    if isinstance(data, list):
        return [pruned(v) for v in data]
    return data


def folded_equal(first: str | None, second: str | None) -> bool:
    """Two answers that name the same thing (`gemeente delft` and `Gemeente Delft`)."""
    return bool(first) and bool(second) and fold(first or "") == fold(second or "")
