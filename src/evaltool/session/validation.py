"""Checking session files one by one and together: each valid, named after its id, no id
used twice, and every `continues` pointing back at a follow-up that exists.

A session's `id` is its file's stem: that is how later sessions refer to it
(`continues: <id>#fu-1`) and how the overview tells sessions apart. A follow-up that
continues another names one of an earlier session (an earlier date), never its own
session or a later one, so that no chain of follow-ups can loop. The session named is
looked for among the files checked and, by its id, next to the file that names it.
Files are read one at a time; per session only its id, date and follow-up ids are kept.

`SessionIds` is the one place where a second session with the same id is found: here,
and for the overview of a learning route.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evaltool.errors import FileProblemError, Problem
from evaltool.session.models import Session
from evaltool.session.store import session_from_document
from evaltool.session.workspace import DRAFTS_FOLDER, iter_session_files, session_path
from evaltool.session.yamlreader import Document, read_document


@dataclass
class SessionIds:
    """Which file each session id was found in first."""

    files: dict[str, Path] = field(default_factory=dict)

    def claim(self, session_id: str, path: Path) -> Path | None:
        """None, when `session_id` is new (it is now the id of `path`); else the file
        that has it already."""
        if session_id in self.files:
            return self.files[session_id]
        self.files[session_id] = path
        return None


@dataclass(frozen=True)
class _Known:
    """What a `continues` needs to know of the session it names."""

    path: Path
    date: dt.date
    follow_ups: frozenset[str]


def check_files(paths: Iterable[Path], *, read_draft: Callable[[Path], object] | None = None
                ) -> Iterator[tuple[Path, FileProblemError | None]]:
    """Each file found under `paths`, with what is wrong with it (None when it is valid);
    with `read_draft` (the wizard's), the drafts in `.drafts` folders too, each read by it.

    A file whose `continues` names a session not found yet is reported at the end, when
    every file has been read."""
    known: dict[str, _Known] = {}
    ids = SessionIds()
    waiting: list[tuple[Path, Session]] = []
    for path in iter_session_files(paths, drafts=read_draft is not None):
        try:
            if read_draft is not None and path.parent.name == DRAFTS_FOLDER:
                read_draft(path)  # a draft holds the answers so far, not a session
                yield path, None
                continue
            document = read_document(path)
            session = _check_session(document, known, ids)
        except FileProblemError as error:
            yield path, error
            continue
        if any(_target(ref, path, known) is None for ref in _references(session)):
            waiting.append((path, session))
            continue
        yield path, _continues(session, path, known)
    for path, session in waiting:
        yield path, _continues(session, path, known)


def _check_session(document: Document, known: dict[str, _Known], ids: SessionIds) -> Session:
    session = session_from_document(document)
    path = document.path
    if session.id != path.stem:
        raise _problem("files.id_not_stem", document, ("id",), "files.id_not_stem_hint",
                       id=session.id, stem=path.stem)
    if (other := ids.claim(session.id, path)) is not None:
        raise _problem("files.duplicate_id", document, ("id",), "files.duplicate_id_hint",
                       id=session.id, other=other)
    known[session.id] = _Known(path, session.casus.date, frozenset(session.follow_ups))
    return session


def _references(session: Session) -> list[str]:
    return [fu.continues for fu in session.follow_ups.values() if fu.continues]


def _target(ref: str, path: Path, known: dict[str, _Known]) -> _Known | None:
    """The session a reference names: checked already, or its file next to `path`."""
    session_id = ref.partition("#")[0]
    if session_id in known:
        return known[session_id]
    beside = session_path(path.parent, session_id)
    try:
        found = session_from_document(read_document(beside))
    except FileProblemError:
        return None  # not there, or not valid (then it is reported as itself)
    return _Known(beside, found.casus.date, frozenset(found.follow_ups))


def _continues(session: Session, path: Path, known: dict[str, _Known]
               ) -> FileProblemError | None:
    """Every `continues` of the session: of an earlier session, and an existing follow-up."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    for fu_id, follow_up in session.follow_ups.items():
        ref = follow_up.continues
        if not ref:
            continue
        session_id, _, target_fu = ref.partition("#")
        target = None if session_id == session.id else _target(ref, path, known)
        params: dict[str, object]
        if session_id == session.id:
            key, params = "files.continues_itself", {}
        elif target is None:
            key, params = "files.continues_no_session", {
                "file": session_path(path.parent, session_id)}
        elif target.date >= session.casus.date:
            key, params = "files.continues_not_earlier", {
                "date": target.date.isoformat(), "own": session.casus.date.isoformat()}
        elif target_fu not in target.follow_ups:
            key, params = "files.continues_no_follow_up", {"session": session_id,
                                                          "follow_up": target_fu}
        else:
            continue
        problems.append((fu_id, key, {"ref": ref, **params}))
    if not problems:
        return None
    document = read_document(path)  # only now: where each reference stands
    return FileProblemError(*[
        _problem(key, document, ("follow_ups", fu_id, "continues"), f"{key}_hint",
                 **params).problems[0] for fu_id, key, params in problems])


def _problem(key: str, document: Document, loc: tuple[str, ...], hint: str,
             **params: object) -> FileProblemError:
    line, column = document.locate(loc) or (None, None)  # parses again: only when wrong
    return FileProblemError(Problem(key, params, document.path, line, column, hint))
