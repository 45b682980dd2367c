"""What git runs for session files once `evaltool git-setup` is done: textconv, diff, merge.

git calls these with temporary files and /dev/null for a side that does not exist;
they must always exit 0 (diff, textconv) or with the merge's outcome, never with a
traceback, and must show something useful for old revisions that no longer validate.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from evaltool.errors import FileProblemError, Problem
from evaltool.fs.atomic import atomic_write
from evaltool.git.diffrender import render_changes, render_facts, safe
from evaltool.git.merge import merge_session_files
from evaltool.git.semdiff import diff_sessions
from evaltool.i18n import t
from evaltool.i18n.textsafe import inline
from evaltool.session.models import Session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary

NULL = "/dev/null"


def _problem_without_path(error: FileProblemError) -> str:
    """The first problem, without git's temporary file name: "12:1: what"."""
    first = error.problems[0]
    return safe(Problem(first.key, first.params, None, first.line, first.column).render())


def _read_text(path: Path) -> str:
    return safe(path.read_bytes().decode("utf-8", "replace"))


def textconv(path: Path) -> str:
    """One line per fact (see `diffrender.render_facts`); the raw text with a note if invalid."""
    try:
        session = load_session(path)
        return render_facts(session, load_vocabulary(session.vocabulary))
    except FileProblemError as error:
        note = t("git.textconv_invalid", problem=_problem_without_path(error))
        try:
            return f"# {note}\n{_read_text(path)}"
        except OSError:
            return f"# {note}\n"


def external_diff(arguments: list[str], *, color: bool) -> str:
    """git's external diff: `path old-file old-hex old-mode new-file new-hex new-mode [...]`."""
    if len(arguments) < 7:  # git passes seven (nine for a rename); anything else is not git
        return ""
    name, old_file, new_file = arguments[0], arguments[1], arguments[4]
    new_name = arguments[7] if len(arguments) >= 9 else name
    bold, reset = ("\x1b[1m", "\x1b[0m") if color else ("", "")
    out = [f"{bold}diff --evaltool a/{safe(name)} b/{safe(new_name)}{reset}\n"]
    sessions: list[Session | None] = []
    for side, file in (("old", old_file), ("new", new_file)):
        if file == NULL:
            sessions.append(None)
            continue
        try:
            sessions.append(load_session(Path(file)))
        except FileProblemError as error:
            out.append(t("git.invalid_side", side=t("git." + f"side_{side}"),
                         problem=_problem_without_path(error)) + "\n")
            out += _raw_diff(old_file, new_file, name, new_name)
            return "".join(out)
    before, after = sessions
    if before is None:
        out.append(t("git.new_file", path=safe(new_name)) + "\n")
    if after is None:
        out.append(t("git.deleted_file", path=safe(name)) + "\n")
    reference = after or before
    assert reference is not None
    changes = diff_sessions(before, after)
    if before is None or after is None:  # a new or deleted file: what it holds, one line each
        changes = [change for change in changes
                   if change.section in ("participant", "finding", "follow_up", "sdg")
                   or change.field == "title"]
    out.append(render_changes(changes, load_vocabulary(reference.vocabulary), old=name,
                              new=new_name, color=color))
    return "".join(out)


def _raw_diff(old_file: str, new_file: str, name: str, new_name: str) -> list[str]:
    def lines(file: str) -> list[str]:
        if file == NULL:
            return []
        try:
            return _read_text(Path(file)).splitlines(keepends=True)
        except OSError:
            return []

    diff = difflib.unified_diff(lines(old_file), lines(new_file), f"a/{name}", f"b/{new_name}")
    return [line if line.endswith("\n") else line + "\n" for line in diff]


def merge_driver(base: Path, ours: Path, theirs: Path, marker_size: int, name: str) -> int:
    """git's merge driver: the result goes into `ours`; exit 0 when clean, 1 with conflicts."""
    try:
        outcome = merge_session_files(base, ours, theirs, marker_size=marker_size)
    except OSError as error:  # git merge-file could not run: let git do its own merge
        print(f"evaltool: {inline(error)}", file=sys.stderr)
        return 1
    atomic_write(ours, outcome.text.encode("utf-8", "surrogateescape"))
    shown = inline(name or ours)
    if outcome.how == "text-fallback":
        # Say what is really in the file: git's markers, or none but a file that does not
        # validate.
        key = "git.merge_text_markers" if outcome.conflicts else "git.merge_text_invalid"
        print(t(key, path=shown, count=outcome.conflicts,
                reason=t("git." + f"{outcome.reason}")), file=sys.stderr)
    elif outcome.conflicts:
        print(t("git.merge_conflict", count=outcome.conflicts, path=shown), file=sys.stderr)
    return 0 if outcome.clean else 1
