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

import bisect
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaltool.errors import FileProblemError
from evaltool.session.models import validate_session
from evaltool.session.store import (
    comments,
    maybe_comments,
    parse_session_text,
    session_from_document,
    updated_text,
)
from evaltool.session.threeway import Conflict, count_conflicts, has_conflict, merge3, resolve
from evaltool.session.vocabulary import load_vocabulary
from evaltool.session.yamlreader import layout, read_document

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
    try:
        parse_session_text(text, path)
    except FileProblemError:
        return False
    return True


def merge_session_files(base: Path, ours: Path, theirs: Path, *,
                        marker_size: int = 7) -> MergeOutcome:
    """The merged text of three versions of a session file, and how many conflicts are left."""
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
    ours_layout = layout(documents[1].text)  # the merged file is written with our comments
    texts = []
    try:
        for side in sides:
            data = resolve(merged, side)
            vocabulary = load_vocabulary(str(data.get("vocabulary") or "delft"))
            session = validate_session(data, vocabulary)
            texts.append(updated_text(documents[1].text, session, ours, ours_layout))
    except Exception:  # noqa: BLE001 - any failure means: leave it to the person merging
        return MergeOutcome(text, conflicts, "text-fallback", "reason_result")
    # The writer keeps every comment of ours; a comment that only their side added would
    # be lost. Only when their text holds something new that may be a comment, look closer.
    if Counter(maybe_comments(documents[2].text)) - Counter(maybe_comments(documents[1].text)):
        kept = Counter(ours_layout.comments())
        base_comments, theirs_comments = (Counter(comments(documents[index].text))
                                          for index in (0, 2))
        wanted = (kept | theirs_comments) - (base_comments - kept) \
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
    position = 0
    for i1, i2, j1, j2 in _changes(a, b):
        out += a[position:i1]
        out += ["<" * marker_size + " ours\n", *a[i1:i2], "=" * marker_size + "\n",
                *b[j1:j2], ">" * marker_size + " theirs\n"]
        position = i2
    out += a[position:]
    return "".join(out)


def _changes(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The regions (a[i1:i2] against b[j1:j2]) where two texts differ, in order.

    A patience diff: lines that occur once in both are the anchors, kept in order, and the
    stretches between them are compared the same way. Both texts are canonical renderings
    of almost the same session, full of repeated lines (`kind: wish`) but with a unique
    id line per entry, so this stays near linear where difflib's matcher took a minute on
    a file of 10,000 findings.
    """
    found: list[tuple[int, int, int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        alo, ahi, blo, bhi = stack.pop()
        while alo < ahi and blo < bhi and a[alo] == b[blo]:
            alo, blo = alo + 1, blo + 1
        while alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
            ahi, bhi = ahi - 1, bhi - 1
        if alo == ahi and blo == bhi:
            continue
        anchors = _anchors(a, alo, ahi, b, blo, bhi)
        if not anchors:
            found.append((alo, ahi, blo, bhi))
            continue
        edges = [(alo - 1, blo - 1), *anchors, (ahi, bhi)]
        # Pushed from the end, so that the regions come off the stack in text order.
        for (i, j), (k, m) in reversed(list(zip(edges, edges[1:], strict=False))):
            stack.append((i + 1, k, j + 1, m))
    return found


def _anchors(a: list[str], alo: int, ahi: int, b: list[str], blo: int, bhi: int
             ) -> list[tuple[int, int]]:
    """Lines unique in both ranges, as (i, j), the longest run increasing in both."""
    counts: dict[str, list[int]] = {}
    for i in range(alo, ahi):
        counts.setdefault(a[i], [0, 0, i, -1])[0] += 1
    for j in range(blo, bhi):
        entry = counts.get(b[j])
        if entry is not None:
            entry[1] += 1
            entry[3] = j
    pairs = sorted((entry[2], entry[3]) for entry in counts.values()
                   if entry[0] == 1 and entry[1] == 1)
    # Longest increasing subsequence of the j's (patience sorting).
    tops: list[int] = []  # the smallest last j of a run of each length
    ends: list[int] = []  # which pair ends that run
    back: list[int] = []  # for each pair, the pair before it in its run
    for index, (_, j) in enumerate(pairs):
        length = bisect.bisect_left(tops, j)
        if length == len(tops):
            tops.append(j)
            ends.append(index)
        else:
            tops[length], ends[length] = j, index
        back.append(ends[length - 1] if length else -1)
    chain: list[tuple[int, int]] = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = back[index]
    return chain[::-1]
