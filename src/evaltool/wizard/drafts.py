"""Drafts of sessions being entered: `<sessions>/.drafts/NAME.yaml`, private and whole.

A draft is written after every answer, atomically (a crash leaves the old draft or the
new one, never half of one), readable by its owner only (mode 0600: session notes are
private), in a folder with a `.gitignore` of `*`, so a team's repository never takes it
in. It holds the template, the step reached, the data of the steps done, the
answers of the current step and of steps left with `<`: all `evaltool new-session
--resume` needs.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from evaltool.errors import FileProblemError, WriteError
from evaltool.wizard.engine import WizardState

FOLDER = ".drafts"
MODE = 0o600


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    answer: str = ""


class DraftFile(BaseModel):
    """What a draft file holds."""

    model_config = ConfigDict(extra="forbid")
    evaltool_draft: Literal["1"]
    template: Annotated[str, Field(max_length=60)]
    started: str = ""
    position: Annotated[int, Field(ge=0, le=1000)] = 0
    reviewing: bool = False
    data: dict[str, Any] = {}
    answers: list[_Answer] = []
    held: dict[str, list[_Answer]] = {}
    """Answers of steps left with `<` before they were done."""


def folder(sessions_dir: Path) -> Path:
    return sessions_dir / FOLDER


def prepare(sessions_dir: Path) -> Path:
    """Make sure sessions and drafts can be written there, before anything is asked."""
    from evaltool.store import atomic_write

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


def new_path(sessions_dir: Path, now: dt.datetime | None = None) -> Path:
    """A fresh draft name: `new-20210128-143000.yaml` (with `-2`... when taken)."""
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    drafts = folder(sessions_dir)
    path = drafts / f"new-{stamp}.yaml"
    number = 2
    while path.exists():
        path = drafts / f"new-{stamp}-{number}.yaml"
        number += 1
    return path


def save(path: Path, state: WizardState, started: str) -> None:
    """Write the draft whole, readable by its owner only."""
    from evaltool.store import atomic_write, dump_data

    data: dict[str, Any] = {
        "evaltool_draft": "1",
        "template": state.template,
        "started": started,
        "position": state.position,
        "reviewing": state.reviewing,
        "data": state.data,
        "answers": _answers(state.answers),
    }
    if state.held:
        data["held"] = {step: _answers(answers) for step, answers in state.held.items()}
    text = "# A draft of evaltool new-session; continue with: evaltool new-session --resume\n"
    atomic_write(path, (text + dump_data(data)).encode("utf-8"), mode=MODE)
    if (os.stat(path).st_mode & 0o077) and os.name == "posix":
        os.chmod(path, MODE)  # a draft is private even if an older one was not


def load(path: Path) -> tuple[WizardState, str]:
    """The wizard's state as the draft left it, and when it was started."""
    from evaltool.store import load_model
    from evaltool.yamlsafe import read_document

    if "evaltool_draft" not in read_document(path).data:
        raise FileProblemError.at("wizard.not_a_draft", path=path, line=1, column=1,
                                  hint="wizard.not_a_draft_hint")
    draft = load_model(path, DraftFile)
    state = WizardState(template=draft.template, position=draft.position,
                        data=draft.data, reviewing=draft.reviewing,
                        answers=[(item.key, item.answer) for item in draft.answers],
                        held={step: [(item.key, item.answer) for item in answers]
                              for step, answers in draft.held.items()})
    return state, draft.started


def _answers(answers: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"key": key, "answer": answer} for key, answer in answers]


def latest(sessions_dir: Path) -> Path | None:
    """The draft of a new session changed last, if there is one (edits have their own)."""
    drafts = [p for p in folder(sessions_dir).glob("new-*.yaml") if p.is_file()]
    return max(drafts, key=lambda p: (p.stat().st_mtime, p.name)) if drafts else None


def remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
