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
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaltool.errors import FileProblemError
from evaltool.threeway import Conflict, count_conflicts, has_conflict, merge3, resolve

__all__ = ["Conflict", "MergeOutcome", "count_conflicts", "merge3", "merge_session_files",
           "resolve", "text_merge", "with_markers"]


@dataclass
class MergeOutcome:
    text: str
    conflicts: int
    """How many conflicts the text holds, each between conflict markers."""
    how: str  # "text", "semantic", "markers", "text-fallback"
    reason: str | None = None

    @property
    def clean(self) -> bool:
        """Whether the result needs no one: no markers, and not git's text merge of a file
        that evaltool could not merge by id."""
        return self.conflicts == 0 and self.how != "text-fallback"


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
    from evaltool.store import comments, session_from_document, updated_text
    from evaltool.vocabulary import load_vocabulary
    from evaltool.yamlsafe import read_document

    text, conflicts = text_merge(base, ours, theirs, marker_size)
    if conflicts == 0 and _valid(text, ours):
        return MergeOutcome(text, 0, "text")
    try:
        documents = [read_document(path) for path in (base, ours, theirs)]
        for document in documents[1:]:
            session_from_document(document)  # both sides must be valid sessions
    except FileProblemError:
        return MergeOutcome(text, conflicts, "text-fallback", "reason_invalid")
    base_data, ours_data, theirs_data = (document.data for document in documents)
    merged = merge3(base_data, ours_data, theirs_data)
    sides = ["ours"] if not has_conflict(merged) else ["ours", "theirs"]
    texts = []
    try:
        for side in sides:
            data = resolve(merged, side)
            vocabulary = load_vocabulary(str(data.get("vocabulary") or "delft"))
            session = validate_session(data, vocabulary)
            texts.append(updated_text(documents[1].text, session, ours))
    except Exception:  # noqa: BLE001 - any failure means: leave it to the person merging
        return MergeOutcome(text, conflicts, "text-fallback", "reason_result")
    kept = Counter(comments(texts[0]))
    base_comments, ours_comments, theirs_comments = (
        Counter(comments(document.text)) for document in documents)
    wanted = (ours_comments | theirs_comments) - (base_comments - ours_comments) \
        - (base_comments - theirs_comments)
    if wanted - kept:
        return MergeOutcome(text, conflicts, "text-fallback", "reason_comments")
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
