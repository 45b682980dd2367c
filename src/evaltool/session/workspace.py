"""A folder for a learning route, as `evaltool init` prepares it, and how to tell a folder
where nothing has been recorded yet.

The folder gets `sessions/` for the session files, the JSON Schema that the first line of
every session file points editors to, a short README for the team in the user's
language, and, in a git repository (or with `git=True`, after `git init`), what
`evaltool git-setup` writes. Preparing is idempotent and never overwrites: what is there
already stays as it is, and the report says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from evaltool.errors import EvaltoolError, WriteError

SESSIONS = "sessions"
README = "README.md"


@dataclass
class InitReport:
    """What was done, as (message key, parameters) pairs for the command to print."""

    steps: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def add(self, key: str, **params: str) -> None:
        self.steps.append((key, params))


def prepare(folder: Path, *, git: bool, readme: str) -> InitReport:
    """Make `folder` ready for a learning route; `readme` is the team's README text."""
    from evaltool.git import setup as gitsetup

    report = InitReport()
    sessions = folder / SESSIONS
    for path, made, kept in ((folder, "start.made_folder", None),
                             (sessions, "start.made_sessions", "start.kept_sessions")):
        if path.exists() and not path.is_dir():
            raise WriteError.at("start.not_a_folder", path=path, hint="start.not_a_folder_hint")
        if path.is_dir():
            if kept:
                report.add(kept, path=str(path))
            continue
        try:
            path.mkdir(parents=True)
        except OSError as error:
            raise WriteError.at("store.cannot_write", path=path, hint="store.cannot_write_hint",
                                reason=error.strerror or str(error)) from None
        report.add(made, path=str(path))
    _write_readme(folder / README, readme, report)
    in_git = _in_repository(folder)
    if not in_git and git:
        gitsetup.run_git(["init", "--quiet"], folder)
        report.add("start.git_init", path=str(folder))
        in_git = True
    if in_git:
        done = gitsetup.set_up(folder, sessions.resolve())
        report.steps += done.steps
        report.add("git.setup_done", pattern=done.pattern)
    else:
        key, params = gitsetup.write_schema(folder, sessions.resolve())
        report.steps.append((key, params))
        report.add("start.no_git")
    return report


def _write_readme(path: Path, text: str, report: InitReport) -> None:
    from evaltool.session.store import atomic_write

    if not path.exists():
        try:
            atomic_write(path, (text.rstrip("\n") + "\n").encode("utf-8"), exclusive=True)
        except WriteError as error:
            if error.problems[0].key != "store.exists":
                raise
        else:
            report.add("start.wrote_readme", path=str(path))
            return
    report.add("start.kept_readme", path=str(path))


def _in_repository(folder: Path) -> bool:
    from evaltool.git import setup as gitsetup

    try:
        gitsetup.repository_root(folder)
    except EvaltoolError as error:  # no repository, or no git to ask
        if error.problems[0].key in ("git.not_a_repository", "git.git_missing"):
            return False
        raise
    return True


def has_sessions(folder: Path) -> bool:
    """Whether there is any session file (*.yaml) under `folder`, hidden folders aside;
    stops at the first one it finds."""
    for _root, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        if any(name.endswith(".yaml") and not name.startswith(".") for name in files):
            return True
    return False
