"""Drafts: private, git-ignored, whole, and enough to continue exactly where one stopped."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

from conftest import Invoke, TypeIn
from evaltool.errors import FileProblemError, WriteError
from evaltool.wizard import drafts
from evaltool.wizard.state import WizardState


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
    path = drafts.create(sessions, WizardState("casus-evaluatie"), "2026-01-01T10:00:00")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    drafts.save(path, state, "2026-01-01T10:00:00")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded, started = drafts.load(path)
    assert loaded == state
    assert started == "2026-01-01T10:00:00"
    [listed] = drafts.listing(sessions)
    assert (listed.path, listed.title, listed.date, listed.position) == (
        path, "Casus: 'quotes' & #hash", "2021-01-28", 3)


def test_git_ignores_the_drafts(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    drafts.prepare(tmp_path / "sessions")
    path = drafts.create(tmp_path / "sessions", WizardState(template="casus-evaluatie"), "")
    lock = drafts.hold(path)
    assert lock is not None
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                            cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert status == ""


def test_a_file_that_is_not_a_draft_is_refused(tmp_path: Path, example: Path) -> None:
    with pytest.raises(FileProblemError) as caught:
        drafts.load(example)
    assert "not a draft of evaltool" in str(caught.value)


def test_an_unwritable_sessions_folder_is_named_before_anything_is_asked(
        type_in: TypeIn, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(WriteError):
        drafts.prepare(blocker / "sessions")
    result = type_in([("Title of the casus", "Casus X")], "new-session", "--interactive",
                     "--sessions-dir", blocker / "sessions", unread=1)  # never asked
    assert result.exit_code == 1
    assert "the sessions folder cannot be written" in result.stderr
    assert "nothing was asked yet" in result.stderr
    assert "Title" not in result.stdout


def test_every_wizard_gets_its_own_draft_even_in_the_same_second(tmp_path: Path) -> None:
    import datetime as dt

    drafts.prepare(tmp_path)
    now = dt.datetime(2021, 1, 28, 14, 30)
    made = [drafts.create(tmp_path, WizardState(template="casus-evaluatie", answers=[
        ("title", f"Casus {n}")]), "", now=now) for n in range(3)]
    assert [p.name for p in made] == ["new-20210128-143000.yaml", "new-20210128-143000-2.yaml",
                                      "new-20210128-143000-3.yaml"]
    assert [drafts.load(p)[0].answers for p in made] == [
        [("title", f"Casus {n}")] for n in range(3)]


def test_a_draft_held_by_a_wizard_is_in_use_until_it_lets_go(tmp_path: Path) -> None:
    drafts.prepare(tmp_path)
    path = drafts.create(tmp_path, WizardState(template="casus-evaluatie"), "")
    assert not drafts.in_use(path)
    lock = drafts.hold(path)
    assert lock is not None
    assert drafts.in_use(path)
    assert drafts.hold(path) is None  # a second wizard does not get it
    assert drafts.listing(tmp_path)[0].in_use
    lock.release()
    assert not drafts.in_use(path)
    again = drafts.hold(path)
    assert again is not None
    again.release()
    assert sorted(p.name for p in (tmp_path / ".drafts").iterdir()) == [
        ".gitignore", path.name]  # no lock left behind


def test_a_draft_of_the_first_kind_reads_its_line_breaks_as_typed(tmp_path: Path) -> None:
    """Before drafts said `evaltool_draft: '2'`, a line ended by a backslash was kept as a
    bare line break, which now stands for a pasted line: such a draft still reads right."""
    path = tmp_path / "new-1.yaml"
    path.write_text("evaltool_draft: '1'\ntemplate: casus-evaluatie\nanswers:\n"
                    "- key: description\n  answer: \"een\\ntwee\"\n", encoding="utf-8")
    state, _ = drafts.load(path)
    assert state.answers == [("description", "een\\\ntwee")]


def test_evaltool_drafts_lists_and_removes_but_never_one_in_use(
        cli: Invoke, tmp_path: Path) -> None:
    sessions = tmp_path / "sessions"
    assert "No drafts in" in cli("drafts", "--sessions-dir", sessions).stdout
    drafts.prepare(sessions)
    first = drafts.create(sessions, WizardState("casus-evaluatie", answers=[
        ("title", "Casus Een")]), "")
    second = drafts.create(sessions, WizardState("casus-evaluatie", position=13, data={
        "casus": {"title": "Casus Twee", "date": "2021-02-01"}}), "")
    result = cli("--lang", "nl", "drafts", "--sessions-dir", sessions)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("1. Casus") for line in lines)
    assert any("Casus Een · - · stap 1 van 12: Opzet" in line for line in lines)
    assert any("Casus Twee · 2021-02-01 · overzicht" in line for line in lines)
    lock = drafts.hold(first)
    assert lock is not None
    result = cli("drafts", "--remove", str(first), "--sessions-dir", sessions)
    assert result.exit_code == 2
    assert "this draft is open in another wizard" in result.stderr
    result = cli("new-session", "--interactive", "--resume", first)
    assert result.exit_code == 2  # a second wizard on the same draft: refused
    assert "this draft is open in another wizard" in result.stderr
    lock.release()
    result = cli("drafts", "--remove", str(first), "--remove", str(second),
                 "--sessions-dir", sessions)
    assert result.exit_code == 0
    assert f"Removed {first}" in result.stdout and f"Removed {second}" in result.stdout
    assert not first.exists() and not second.exists()
    result = cli("drafts", "--remove", "7", "--sessions-dir", sessions)
    assert result.exit_code == 2
    assert "'7' is not one of the drafts — see the list with: evaltool drafts" in result.stderr
