"""Checking session files one by one and together: each valid, and no id used twice.

A session's `id` is how later sessions refer to it (`continues: <id>#fu-1`) and how the
overview tells sessions apart, so `validate` also checks that no two files share one
(a copied file is the usual cause). Files are read one at a time; only ids are kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from evaltool.errors import FileProblemError, Problem
from evaltool.store import iter_session_files, session_from_document
from evaltool.wizard import drafts
from evaltool.yamlsafe import read_document


def check_files(paths: Iterable[Path], *, with_drafts: bool = False
                ) -> Iterator[tuple[Path, FileProblemError | None]]:
    """Each file found under `paths`, with what is wrong with it (None when it is valid)."""
    seen: dict[str, Path] = {}
    for path in iter_session_files(paths, drafts=with_drafts):
        try:
            if path.parent.name == drafts.FOLDER:
                drafts.load(path)  # a draft holds the answers so far, not a session
            else:
                _check_session(path, seen)
        except FileProblemError as error:
            yield path, error
        else:
            yield path, None


def _check_session(path: Path, seen: dict[str, Path]) -> None:
    document = read_document(path)
    session = session_from_document(document)
    if session.id in seen:
        line, column = document.locate(("id",)) or (None, None)  # parses again: only now
        raise FileProblemError(Problem("files.duplicate_id",
                                       {"id": session.id, "other": seen[session.id]},
                                       path, line, column, "files.duplicate_id_hint"))
    seen[session.id] = path
