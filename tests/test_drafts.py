"""Drafts: private, git-ignored, whole, and enough to continue exactly where one stopped."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from conftest import Invoke
from evaltool.errors import FileProblemError, WriteError
from evaltool.wizard import drafts
from evaltool.wizard.engine import WizardState


def test_a_draft_round_trips_and_is_private(tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    folder = drafts.prepare(sessions)
    assert folder == sessions / ".drafts"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    state = WizardState(
        template="casus-evaluatie", position=3, reviewing=True,
        data={"casus": {"title": "Casus: 'quotes' & #hash", "date": "2021-01-28",
                        "session_number": "1", "description": "two\nlines"},
              "participants": {"a": {"function": "true", "roles": [{"role": "adviser"}]}}},
        answers=[("title", "x"), ("participants/#0/function", ""), ("due", "null")])
    path = drafts.new_path(sessions)
    drafts.save(path, state, "2026-01-01T10:00:00")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded, started = drafts.load(path)
    assert loaded == state
    assert started == "2026-01-01T10:00:00"
    assert drafts.latest(sessions) == path
    assert drafts.new_path(sessions) != path


def test_git_ignores_the_drafts(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    drafts.prepare(tmp_path / "sessions")
    path = drafts.new_path(tmp_path / "sessions")
    drafts.save(path, WizardState(template="casus-evaluatie"), "")
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                            cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert status == ""


def test_a_file_that_is_not_a_draft_is_refused(tmp_path: Path, example: Path) -> None:
    with pytest.raises(FileProblemError) as caught:
        drafts.load(example)
    assert "not a draft of evaltool" in str(caught.value)


def test_an_unwritable_sessions_folder_is_named_before_anything_is_asked(
        cli: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(WriteError):
        drafts.prepare(blocker / "sessions")
    result = cli("new-session", "--interactive", "--sessions-dir", blocker / "sessions",
                 input="Casus X\n")
    assert result.exit_code == 1
    assert "the sessions folder cannot be written" in result.stderr
    assert "nothing was asked yet" in result.stderr
    assert "Title" not in result.stdout
