"""git's merge driver for session files: a 3-way merge by id, conflict markers only when
both sides changed the same thing differently.

git's own line merge conflicts whenever two branches insert lines at the same place,
which is exactly what happens when two people each add a participant, finding or
follow-up at the end of its section. Here participants, findings and follow-ups are
merged by id and every field on its own, so those merges are clean. The driver is
careful never to lose anything: when the text merge is already clean and valid it is
kept as is; when a file does not validate, or the semantic merge would drop a comment,
git's text merge (with its markers) is used instead. A true conflict is written with
conflict markers around just the lines that differ, which `evaltool validate` reports.
"""

from __future__ import annotations

import difflib
import json
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaltool.errors import FileProblemError

_MISSING: Any = object()


@dataclass
class Conflict:
    ours: Any
    theirs: Any


@dataclass
class MergeOutcome:
    text: str
    conflicts: int
    how: str  # "text", "semantic", "markers", "text-fallback"
    reason: str | None = None


def merge3(base: Any, ours: Any, theirs: Any) -> Any:
    """The 3-way merge of plain data; `Conflict` where both sides differ; `_MISSING` = absent."""
    if _same(ours, theirs):
        return ours
    if _same(ours, base):
        return theirs
    if _same(theirs, base):
        return ours
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return _merge_mappings(base if isinstance(base, dict) else {}, ours, theirs)
    if isinstance(ours, list) and isinstance(theirs, list):
        return _merge_lists(base if isinstance(base, list) else [], ours, theirs)
    return Conflict(ours, theirs)


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def _merge_mappings(base: dict[str, Any], ours: dict[str, Any],
                    theirs: dict[str, Any]) -> dict[str, Any]:
    keys = list(ours) + [key for key in theirs if key not in ours]
    merged: dict[str, Any] = {}
    for key in keys:
        value = merge3(base.get(key, _MISSING), ours.get(key, _MISSING),
                       theirs.get(key, _MISSING))
        if value is not _MISSING:
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
            if _has_conflict(value):
                return Conflict(ours, theirs)
            result.append(value)
        else:
            return Conflict(ours, theirs)
        position, index = end, index + 2
    return result + base[position:]


def _has_conflict(value: Any) -> bool:
    if isinstance(value, Conflict):
        return True
    if isinstance(value, dict):
        return any(_has_conflict(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_conflict(item) for item in value)
    return False


def resolve(value: Any, side: str) -> Any:
    """The merged data with every conflict decided for one side ("ours" or "theirs")."""
    if isinstance(value, Conflict):
        return getattr(value, side)
    if isinstance(value, dict):
        resolved = {key: resolve(item, side) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not _MISSING}
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


# --- the driver --------------------------------------------------------------------------


def text_merge(base: Path, ours: Path, theirs: Path, marker_size: int) -> tuple[str, int]:
    """git's own line merge of the three files: (text, number of conflicts)."""
    result = subprocess.run(
        ["git", "merge-file", "-p", f"--marker-size={marker_size}", "-L", "ours", "-L", "base",
         "-L", "theirs", str(ours), str(base), str(theirs)],
        capture_output=True, check=False)
    if result.returncode < 0 or result.returncode > 127:
        raise OSError(result.stderr.decode("utf-8", "replace"))
    return result.stdout.decode("utf-8", "surrogateescape"), result.returncode


def _valid(text: str, path: Path) -> bool:
    from evaltool.store import parse_session_text

    try:
        parse_session_text(text, path)
    except FileProblemError:
        return False
    return True


def merge_session_files(base: Path, ours: Path, theirs: Path, *,
                        marker_size: int = 7) -> MergeOutcome:
    """The merged text of three versions of a session file, and how many conflicts are left."""
    from evaltool.models import validate_session
    from evaltool.store import comment_lines, open_for_edit, render_update
    from evaltool.vocabulary import load_vocabulary
    from evaltool.yamlsafe import read_document

    text, conflicts = text_merge(base, ours, theirs, marker_size)
    if conflicts == 0 and _valid(text, ours):
        return MergeOutcome(text, 0, "text")
    try:
        documents = [read_document(path) for path in (base, ours, theirs)]
        for document in documents[1:]:
            open_for_edit(document.path)  # both sides must be valid sessions
    except FileProblemError:
        return MergeOutcome(text, max(conflicts, 1), "text-fallback", "reason_invalid")
    base_data, ours_data, theirs_data = (document.data for document in documents)
    merged = merge3(base_data, ours_data, theirs_data)
    sides = ["ours"] if not _has_conflict(merged) else ["ours", "theirs"]
    texts = []
    try:
        for side in sides:
            data = resolve(merged, side)
            vocabulary = load_vocabulary(str(data.get("vocabulary") or "delft"))
            session = validate_session(data, vocabulary)
            texts.append(render_update(open_for_edit(ours).tree, session))
    except Exception:  # noqa: BLE001 - any failure means: leave it to the person merging
        return MergeOutcome(text, max(conflicts, 1), "text-fallback", "reason_result")
    kept = Counter(comment_lines(texts[0]))
    base_comments = Counter(comment_lines(documents[0].text))
    ours_comments = Counter(comment_lines(documents[1].text))
    theirs_comments = Counter(comment_lines(documents[2].text))
    wanted = (ours_comments | theirs_comments) - (base_comments - ours_comments) \
        - (base_comments - theirs_comments)
    if wanted - kept:
        return MergeOutcome(text, max(conflicts, 1), "text-fallback", "reason_comments")
    if len(texts) == 1:
        return MergeOutcome(texts[0], 0, "semantic")
    return MergeOutcome(with_markers(texts[0], texts[1], marker_size),
                        count_conflicts(merged), "markers")


def with_markers(ours: str, theirs: str, marker_size: int = 7) -> str:
    """One text with git-style conflict markers around the lines where the two differ."""
    a, b = ours.splitlines(keepends=True), theirs.splitlines(keepends=True)
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        out.append("<" * marker_size + " ours\n")
        out += a[i1:i2]
        out.append("=" * marker_size + "\n")
        out += b[j1:j2]
        out.append(">" * marker_size + " theirs\n")
    return "".join(out)
