"""Where session files are: a learning route's folder, their one suffix, and finding them.

A session file is `<id>.yaml`: the suffix evaltool writes, finds in a folder, completes
in a shell and names in git's attributes (a `.yml` file is read when it is named, but
never taken from a folder). Drafts of the wizard wait in the hidden `.drafts` folder
beside them. Nothing here reads a file: `evaltool --help` and shell completion use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SESSIONS = "sessions"
"""The sessions folder of a learning route, unless `--sessions-dir` names another."""
SUFFIX = ".yaml"
DRAFTS_FOLDER = ".drafts"


def session_path(folder: Path, session_id: str) -> Path:
    """Where the session with this id is kept in `folder`."""
    return folder / f"{session_id}{SUFFIX}"


def is_session_file(name: str) -> bool:
    """Whether a file of this name in a sessions folder is a session file."""
    return name.endswith(SUFFIX) and not name.startswith(".")


def _found(folder: Path, drafts: bool) -> Iterator[str]:
    """The session files below `folder`, in no order: not in hidden folders, and in
    `.drafts` only with `drafts`."""
    # os.walk tells folders from the rest without a stat per file (pipes and dangling
    # links are listed with the files: they are reported, not skipped).
    for root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders
                      if not name.startswith(".") or (drafts and name == DRAFTS_FOLDER)]
        yield from (os.path.join(root, name) for name in files if is_session_file(name))


def _path_order(name: str) -> str:
    """A key that sorts path names as `Path` objects sort: part by part (and on Windows
    without case), because the separator becomes the lowest character."""
    return os.path.normcase(name).replace(os.sep, "\0")


def iter_session_files(paths: Iterable[Path], *, drafts: bool = False) -> Iterator[Path]:
    """Files named on the command line, and every session file below the folders named:
    not in hidden folders, and in `.drafts` only with `drafts`."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        # Sorted as paths sort (part by part), but kept as text: 10,000 Path objects
        # would take 7 MB for the whole run.
        for name in sorted(_found(path, drafts), key=_path_order):
            yield Path(name)


def has_sessions(folder: Path) -> bool:
    """Whether there is any session file under `folder`; stops at the first one it finds."""
    return next(_found(folder, drafts=False), None) is not None
