"""Drafts of sessions being entered: `<sessions>/.drafts/NAME.yaml`, private, whole, one each.

A draft is written after every answer, atomically (a crash leaves the old draft or the
new one, never half of one), readable by its owner only (mode 0600: session notes are
private), in a folder with a `.gitignore` of `*`, so a team's repository never takes it
in. It holds the template, the step reached, the data of the steps done, the
answers of the current step and of steps left with `<`: all `evaltool new-session
--resume` needs.

Every wizard gets a draft of its own, made exclusively (two started in the same second
get two), and holds a lock on it while it runs (`.NAME.lock`, released by the system
when the process ends in any way), so that no other wizard resumes or removes it.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evaltool.errors import FileProblemError, WriteError
from evaltool.fs.atomic import atomic_write
from evaltool.session.loading import load_model
from evaltool.session.store import dump_data
from evaltool.session.workspace import DRAFTS_FOLDER
from evaltool.session.yamlreader import read_document
from evaltool.wizard.state import WizardState

if sys.platform != "win32":  # no locks on Windows: drafts are still one per wizard there
    import fcntl

FOLDER = DRAFTS_FOLDER
MODE = 0o600


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    answer: str = ""


class DraftFile(BaseModel):
    """What a draft file holds."""

    model_config = ConfigDict(extra="forbid")
    evaltool_draft: Literal["1", "2"]
    """2: a line ended by a backslash is kept as typed (`\\` and a line break); in 1 it
    was a bare line break, which now stands for a pasted line."""
    template: Annotated[str, Field(max_length=60)]
    started: str = ""
    position: Annotated[int, Field(ge=0, le=1000)] = 0
    reviewing: bool = False
    data: dict[str, Any] = {}
    answers: list[_Answer] = []
    held: dict[str, list[_Answer]] = {}
    """Answers of steps left with `<` before they were done."""
    left: list[str] = []
    """Names asked about and left as they are (`WizardState.left`)."""


def folder(sessions_dir: Path) -> Path:
    return sessions_dir / FOLDER


def prepare(sessions_dir: Path) -> Path:
    """Make sure sessions and drafts can be written there, before anything is asked."""
    drafts = folder(sessions_dir)
    try:
        drafts.mkdir(parents=True, exist_ok=True, mode=0o700)
        # A real write in both folders: permissions alone do not tell (root, read-only mounts).
        for place in (sessions_dir, drafts):
            fd, probe = tempfile.mkstemp(dir=place, prefix=".evaltool-probe-")
            os.close(fd)
            os.unlink(probe)
    except OSError as error:
        raise WriteError.at("wizard.cannot_write_sessions", path=sessions_dir,
                            reason=error.strerror or str(error),
                            hint="wizard.cannot_write_sessions_hint") from None
    ignore = drafts / ".gitignore"
    if not ignore.exists():
        atomic_write(ignore, b"# Drafts of evaltool new-session: private, never committed.\n*\n")
    return drafts


def create(sessions_dir: Path, state: WizardState, started: str,
           now: dt.datetime | None = None) -> Path:
    """A new draft of its own: `new-20210128-143000.yaml` (`-2`... when that name is taken,
    even a moment ago by a wizard started in the same second), made exclusively."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    drafts = folder(sessions_dir)
    number = 1
    while True:
        path = drafts / (f"new-{stamp}.yaml" if number == 1 else f"new-{stamp}-{number}.yaml")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, MODE)
        except FileExistsError:
            number += 1
            continue
        except OSError as error:
            raise WriteError.at("store.cannot_write", path=path,
                                reason=error.strerror or str(error),
                                hint="store.cannot_write_hint") from None
        with os.fdopen(fd, "wb") as stream:
            stream.write(_text(state, started))
        return path


def save(path: Path, state: WizardState, started: str) -> None:
    """Write the draft whole, readable by its owner only."""
    atomic_write(path, _text(state, started), mode=MODE)
    if (os.stat(path).st_mode & 0o077) and os.name == "posix":
        os.chmod(path, MODE)  # a draft is private even if an older one was not


def _text(state: WizardState, started: str) -> bytes:
    data: dict[str, Any] = {
        "evaltool_draft": "2",
        "template": state.template,
        "started": started,
        "position": state.position,
        "reviewing": state.reviewing,
        "data": state.data,
        "answers": _answers(state.answers),
    }
    if state.held:
        data["held"] = {step: _answers(answers) for step, answers in state.held.items()}
    if state.left:
        data["left"] = list(state.left)
    text = "# A draft of evaltool new-session; continue with: evaltool new-session --resume\n"
    return (text + dump_data(data)).encode("utf-8")


def load(path: Path) -> tuple[WizardState, str]:
    """The wizard's state as the draft left it, and when it was started."""
    if "evaltool_draft" not in read_document(path).data:
        raise FileProblemError.at("wizard.not_a_draft", path=path, line=1, column=1,
                                  hint="wizard.not_a_draft_hint")
    draft = load_model(path, DraftFile)

    def given(answers: list[_Answer]) -> list[tuple[str, str]]:
        if draft.evaltool_draft == "1":
            return [(item.key, item.answer.replace("\n", "\\\n")) for item in answers]
        return [(item.key, item.answer) for item in answers]

    state = WizardState(template=draft.template, position=draft.position,
                        data=draft.data, reviewing=draft.reviewing,
                        answers=given(draft.answers),
                        held={step: given(answers) for step, answers in draft.held.items()},
                        left=list(draft.left))
    return state, draft.started


def _answers(answers: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"key": key, "answer": answer} for key, answer in answers]


@dataclass(frozen=True)
class Draft:
    """A draft as `new-session` offers it and `evaltool drafts` lists it."""

    path: Path
    template: str
    title: str | None
    date: str | None
    position: int
    reviewing: bool
    changed: dt.datetime
    answers: int
    in_use: bool
    empty: bool
    """Nothing typed in it (a wizard that has just started): nothing to continue."""

    @property
    def edit(self) -> bool:
        """A draft of `evaltool edit` (one step of an existing file), not of a new session."""
        return self.path.name.startswith("edit-")


def listing(sessions_dir: Path) -> list[Draft]:
    """The drafts in the sessions folder, the one changed last first; files that are no
    draft (or not yet a whole one) are left out."""
    found = []
    for path in folder(sessions_dir).glob("*.yaml"):
        try:
            state, _ = load(path)
            changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
        except (FileProblemError, OSError):
            continue
        casus = state.data.get("casus") or {}
        given = dict(state.answers)
        found.append(Draft(path, state.template, casus.get("title") or given.get("title"),
                           str(casus.get("date") or given.get("date") or "") or None,
                           state.position, state.reviewing, changed,
                           len(state.answers) + sum(len(a) for a in state.held.values()),
                           in_use(path), state.is_empty()))
    return sorted(found, key=lambda d: (d.changed, d.path.name), reverse=True)


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


# --- one wizard per draft ---------------------------------------------------------------


def _lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class Lock:
    """The hold of one running wizard on its draft; gone when the process ends."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            _lock_path(self.path).unlink()
        except FileNotFoundError:
            pass
        os.close(self.fd)
        self.fd = None


def hold(path: Path) -> Lock | None:
    """A lock on the draft at `path`; None when another wizard holds it."""
    if sys.platform == "win32":  # pragma: no cover
        return Lock(path, None)
    lock = _lock_path(path)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        try:
            same = os.fstat(fd).st_ino == os.stat(lock).st_ino
        except FileNotFoundError:
            same = False  # released and removed between our open and our lock
        if same:
            return Lock(path, fd)
        os.close(fd)


def in_use(path: Path) -> bool:
    """Whether a running wizard holds this draft."""
    if sys.platform == "win32":  # pragma: no cover
        return False
    try:
        fd = os.open(_lock_path(path), os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False
