"""The three-way merge of plain data: by key, by list item, and field by field.

What both sides changed the same way, or only one side changed, is taken; where both
changed one thing differently, a `Conflict` holds the two. Used by git's merge driver
for session files (`evaltool.git.merge`) and by a save that finds the file changed on disk
since it was read (`evaltool.session.store.save_session`).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any

MISSING: Any = object()
"""What a side has where it has nothing: a key it does not hold."""


@dataclass
class Conflict:
    ours: Any
    theirs: Any


def merge3(base: Any, ours: Any, theirs: Any) -> Any:
    """The 3-way merge of plain data; `Conflict` where both sides differ; `MISSING` = absent."""
    if _same(ours, theirs):
        return ours
    if _same(ours, base):
        return theirs
    if _same(theirs, base):
        return ours
    if isinstance(ours, dict) and isinstance(theirs, dict):
        if base is MISSING:
            # Both added a record under the same new key, and not the same one (two people
            # both given the id `wethouder`): one record made of two would be neither.
            return Conflict(ours, theirs)
        return _merge_mappings(base if isinstance(base, dict) else {}, ours, theirs)
    if isinstance(ours, list) and isinstance(theirs, list):
        return _merge_lists(base if isinstance(base, list) else [], ours, theirs)
    return Conflict(ours, theirs)


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not MISSING and b is not MISSING and a == b)


def _merge_mappings(base: dict[str, Any], ours: dict[str, Any],
                    theirs: dict[str, Any]) -> dict[str, Any]:
    keys = list(ours) + [key for key in theirs if key not in ours]
    merged: dict[str, Any] = {}
    for key in keys:
        value = merge3(base.get(key, MISSING), ours.get(key, MISSING),
                       theirs.get(key, MISSING))
        if value is not MISSING:
            merged[key] = value
    return merged


def _edits(base: list[Any], other: list[Any]) -> list[tuple[int, int, list[Any]]]:
    keys_a = [json.dumps(item, sort_keys=True) for item in base]
    keys_b = [json.dumps(item, sort_keys=True) for item in other]
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    return [(i1, i2, other[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()
            if op != "equal"]


def _merge_lists(base: list[Any], ours: list[Any], theirs: list[Any]) -> Any:
    """Edits of both sides applied to the base when they touch different items.

    Two insertions at the same place are both kept (ours first): two people who each
    add a role or an SDG mean both. One item changed on both sides is merged itself.
    """
    edits = sorted([(*e, 0) for e in _edits(base, ours)] + [(*e, 1) for e in _edits(base, theirs)],
                   key=lambda e: (e[0], e[1], e[3]))
    result: list[Any] = []
    position = index = 0
    while index < len(edits):
        start, end, items, _ = edits[index]
        if start < position:
            return Conflict(ours, theirs)
        result += base[position:start]
        following = edits[index + 1] if index + 1 < len(edits) else None
        same_place = following is not None and following[:2] == (start, end)
        inside = following is not None and following[0] < end
        if not (same_place or inside):
            result += items
            position, index = end, index + 1
            continue
        assert following is not None
        other = following[2]
        if not same_place:
            return Conflict(ours, theirs)
        if items == other:
            result += items
        elif start == end:  # both insert here: keep both
            result += items + [item for item in other if item not in items]
        elif end - start == 1 == len(items) == len(other):
            value = merge3(base[start], items[0], other[0])
            if has_conflict(value):
                return Conflict(ours, theirs)
            result.append(value)
        else:
            return Conflict(ours, theirs)
        position, index = end, index + 2
    return result + base[position:]


def has_conflict(value: Any) -> bool:
    if isinstance(value, Conflict):
        return True
    if isinstance(value, dict):
        return any(has_conflict(item) for item in value.values())
    if isinstance(value, list):
        return any(has_conflict(item) for item in value)
    return False


def resolve(value: Any, side: str) -> Any:
    """The merged data with every conflict decided for one side ("ours" or "theirs")."""
    if isinstance(value, Conflict):
        return getattr(value, side)
    if isinstance(value, dict):
        resolved = {key: resolve(item, side) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not MISSING}
    if isinstance(value, list):
        return [resolve(item, side) for item in value]
    return value


def count_conflicts(value: Any) -> int:
    if isinstance(value, Conflict):
        return 1
    if isinstance(value, dict):
        return sum(count_conflicts(item) for item in value.values())
    if isinstance(value, list):
        return sum(count_conflicts(item) for item in value)
    return 0
