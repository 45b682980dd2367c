"""Walking a session by the kind of each field (`models.Kind`), instead of by lists of names.

Publication mode, its checks and the diff ask a field what it holds: a field added to the
models with its kind is scrubbed, checked and shown right without touching them, and a
field without a kind makes `leaf_kinds` fail (a test walks every model with it).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from evaltool.session.values import Kind

Place = tuple[str | int, ...]


class UnclassifiedFieldError(TypeError):
    """A model field whose kind is not marked (a programming error, caught by a test)."""


@dataclass(frozen=True)
class Shape:
    """What one field holds: a kind for its leaves (or a model), and how they are nested."""

    kind: Kind | None
    model: type[BaseModel] | None = None
    container: str | None = None  # None, "list" or "dict"
    key_kind: Kind | None = None
    category: str | None = None  # the vocabulary category of a vocabulary field


def _marks(metadata: Any) -> tuple[Kind | None, str | None]:
    kind = category = None
    for item in metadata:
        if isinstance(item, Kind):
            kind = item
        extra = getattr(item, "json_schema_extra", None)
        if isinstance(extra, dict) and isinstance(extra.get("x-vocabulary"), str):
            category = extra["x-vocabulary"]
    return kind, category


def _shape(annotation: Any, kind: Kind | None, category: str | None, where: str) -> Shape:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *metadata = get_args(annotation)
        own_kind, own_category = _marks(metadata)
        return _shape(inner, kind or own_kind, category or own_category, where)
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            raise UnclassifiedFieldError(f"{where}: a union of several types")
        return _shape(options[0], kind, category, where)
    if origin is list:
        item = _shape(get_args(annotation)[0], kind, category, where)
        return Shape(item.kind, item.model, "list", category=item.category)
    if origin is dict:
        key_type, value_type = get_args(annotation)
        key = _shape(key_type, None, None, where)
        value = _shape(value_type, kind, category, where)
        return Shape(value.kind, value.model, "dict", key.kind, value.category)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape(None, annotation)
    if kind is None:
        raise UnclassifiedFieldError(f"{where}: no kind marked (models.Kind)")
    return Shape(kind, category=category)


@functools.cache
def shapes(model: type[BaseModel]) -> dict[str, Shape]:
    """Each field of `model` with what it holds; raises `UnclassifiedFieldError`."""
    found = {}
    for name, info in model.model_fields.items():
        kind, category = _marks([*info.metadata, info])  # pydantic merges Field() into info
        found[name] = _shape(info.annotation, kind, category, f"{model.__name__}.{name}")
    return found


def leaf_kinds(model: type[BaseModel], prefix: Place = ()) -> Iterator[tuple[Place, Kind]]:
    """Every leaf field of `model` and the models inside it, with its kind."""
    for name, shape in shapes(model).items():
        if shape.container == "dict" and shape.key_kind is not None:
            yield (*prefix, name, "<key>"), shape.key_kind
        if shape.model is not None:
            yield from leaf_kinds(shape.model, (*prefix, name))
        elif shape.kind is not None:
            yield (*prefix, name), shape.kind


def vocabulary_category(model: type[BaseModel], name: str) -> str | None:
    """The vocabulary category of field `name` of `model`, if it holds vocabulary keys."""
    shape = shapes(model).get(name)
    return shape.category if shape is not None and shape.kind is Kind.VOCABULARY else None


def texts(value: BaseModel, place: Place = ()) -> Iterator[tuple[Place, Kind, str, bool]]:
    """Every string in a model with its place, its kind and whether it is a dict's key."""
    for name, shape in shapes(type(value)).items():
        item = getattr(value, name)
        if item is None:
            continue
        here = (*place, name)
        entries: list[tuple[Place, Any]]
        if shape.container == "dict":
            entries = []
            for key, entry in item.items():
                if isinstance(key, str) and shape.key_kind is not None:
                    yield (*here, key), shape.key_kind, key, True
                entries.append(((*here, key), entry))
        elif shape.container == "list":
            entries = [((*here, index), entry) for index, entry in enumerate(item)]
        else:
            entries = [(here, item)]
        for entry_place, entry in entries:
            if isinstance(entry, BaseModel):
                yield from texts(entry, entry_place)
            elif isinstance(entry, str) and shape.kind is not None:
                yield entry_place, shape.kind, entry, False


def id_parts(model: type[BaseModel], place: Place) -> list[bool]:
    """For each part of `place` (a place in a `model`), whether it is an entry's id (a
    dict's key): a text the session's writers chose, not a field name of the schema."""
    flags: list[bool] = []
    current: type[BaseModel] | None = model
    shape: Shape | None = None
    for part in place:
        if shape is not None and shape.container is not None:  # this part picks an entry
            flags.append(shape.container == "dict")
            current, shape = shape.model, None
            continue
        flags.append(False)
        shape = shapes(current).get(str(part)) if current is not None else None
        if shape is not None and shape.container is None:
            current, shape = shape.model, None
        elif shape is None:
            current = None
    return flags


Visit = Callable[[Kind, Any, Place], Any]
"""Given a leaf's kind, value and place, its new value (`DROP` to leave the entry out)."""

DROP = object()
"""Returned by a visitor: the entry (of a list or dict) or the field's value goes."""


def transform(value: BaseModel, visit: Visit, place: Place = ()) -> Any:
    """A copy of `value` with every leaf replaced by `visit(kind, leaf, place)`.

    An entry (a finding, a follow-up) whose `Kind.SECRET` field is true is left out of
    its list or dict, whatever `visit` says; a leaf for which `visit` returns `DROP`
    is left out of its list, or set to None. The copy is not validated again: it is
    what is published, not a session to save.
    """
    update: dict[str, Any] = {}
    for name, shape in shapes(type(value)).items():
        item = getattr(value, name)
        if item is None:
            continue
        here = (*place, name)
        if shape.container == "dict":
            update[name] = {
                key: new for key, entry in item.items()
                if (new := _one(shape, entry, visit, (*here, key))) is not DROP}
        elif shape.container == "list":
            update[name] = [
                new for index, entry in enumerate(item)
                if (new := _one(shape, entry, visit, (*here, index))) is not DROP]
        else:
            new = _one(shape, item, visit, here)
            update[name] = None if new is DROP else new
    return value.model_copy(update=update)


def _one(shape: Shape, entry: Any, visit: Visit, place: Place) -> Any:
    if isinstance(entry, BaseModel):
        if secret(entry):
            return DROP
        return transform(entry, visit, place)
    assert shape.kind is not None
    return visit(shape.kind, entry, place)


def secret(entry: BaseModel) -> bool:
    """Whether an entry is marked confidential (a true `Kind.SECRET` field)."""
    return any(shape.kind is Kind.SECRET and getattr(entry, name) is True
               for name, shape in shapes(type(entry)).items())
