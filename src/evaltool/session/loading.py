"""Any YAML file of evaltool's own as a checked model, and pydantic's complaints as problems.

A leaf of the session package: the vocabularies, the name rules, the templates, the report
layout and the wizard's drafts are all read with `load_model`, and the store reads
sessions with the same `problems_from`. So every file evaltool reads reports its problems
the same way: each on its line, with a hint, in file order.

What one of pydantic's errors says in evaltool's words (`complaint`) is decided here
only; the store places it in a file, the wizard names the question it is about.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from evaltool.errors import FileProblemError, Problem
from evaltool.i18n import has_text
from evaltool.session.yamlreader import Document, read_document

MAX_PROBLEMS = 50

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Any YAML file of evaltool's own (vocabulary, template, answers) as a checked model."""
    return model_from_document(read_document(path), model, context)


def model_from_document(document: Document, model: type[M],
                        context: dict[str, Any] | None = None) -> M:
    try:
        return model.model_validate(document.data, context=context)
    except ValidationError as error:
        raise FileProblemError(*problems_from(error, document, model)) from None


@dataclass(frozen=True)
class Complaint:
    """One of pydantic's errors in evaltool's words: the message's key, its hint's key (if
    the catalog has one) and the values they name."""

    key: str | None
    """`problems.<kind>`, or None when the catalog has no words for this kind."""
    hint: str | None
    params: dict[str, Any]
    kind: str


def complaint(item: ErrorDetails) -> Complaint:
    kind = item["type"]
    if item.get("input", "") is None and kind.endswith("_type"):
        kind = "blank"  # `key:` with nothing after it; the input itself is never shown
    params: dict[str, Any] = dict(item.get("ctx") or {})
    if "min_length" in params:  # "at least 1 item": the plural form follows the number
        params["count"] = params["min_length"]
    if not has_text(f"problems.{kind}"):
        return Complaint(None, None, params, kind)
    hint = f"problems.{kind}_hint"
    return Complaint(f"problems.{kind}", hint if has_text(hint) else None, params, kind)


def problems_from(error: ValidationError, document: Document,
                  model: type[BaseModel]) -> list[Problem]:
    """Every problem pydantic found, in file order, each with its line and a hint; past
    `MAX_PROBLEMS`, one last line says how many more there are."""
    problems = []
    found = error.errors(include_url=False)
    for item in found[:MAX_PROBLEMS]:
        said = complaint(item)
        params = said.params
        # A check across fields names the place it is about itself.
        loc = tuple(params.pop("at", None) or item["loc"])
        params.setdefault("field", ".".join(str(part) for part in loc) or "(top)")
        where = document.locate(loc, key=said.kind == "extra_forbidden")
        key, hint = _explain(said, loc, model)
        line, column = where if where else (None, None)
        problems.append(Problem(key, params, document.path, line, column, hint))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    if len(found) > MAX_PROBLEMS:
        problems.append(Problem("problems.more", {"count": len(found) - MAX_PROBLEMS,
                                                  "shown": MAX_PROBLEMS},
                                document.path, hint="problems.more_hint"))
    return problems


def _explain(said: Complaint, loc: tuple[Any, ...],
             model: type[BaseModel]) -> tuple[str, str | None]:
    params = said.params
    if said.kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.5)
        params["name"] = str(loc[-1])[:40]
        params["allowed"] = ", ".join(allowed)
        if close:
            params["suggestion"] = close[0]
            return "problems.extra_forbidden", "problems.did_you_mean"
        return "problems.extra_forbidden", "problems.allowed_keys"
    if said.key is not None:
        return said.key, said.hint
    params["detail"] = said.kind.replace("_", " ")
    return "problems.other", None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `loc` in `model`, for a 'did you mean' hint."""
    current: type[BaseModel] | None = model
    keyed = False  # the next part is an id in a mapping of models (participants, ...)
    for part in loc:
        if current is None:
            return []
        if keyed or isinstance(part, int):  # an id, or an item of a list: the same model
            keyed = False
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = inner_model(field.annotation)
        keyed = _is_mapping(field.annotation)
    return list(current.model_fields) if current is not None and not keyed else []


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, also inside a list, a mapping or an optional value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = inner_model(argument)
        if found is not None:
            return found
    return None


def _is_mapping(annotation: Any) -> bool:
    return getattr(annotation, "__origin__", None) is dict
