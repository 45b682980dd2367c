"""A first start: `evaltool init` prepares a folder for a learning route, and `evaltool`
alone, where nothing is recorded yet, says what to do first."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, Invoke

ANSWERS = REPO / "templates" / "examples" / "answers-cornelis-musius.yaml"


@pytest.fixture
def no_git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """git sees neither the machine's configuration nor a repository around tmp_path."""
    for variable in list(os.environ):
        if variable.startswith("GIT_"):
            monkeypatch.delenv(variable)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.delenv("EVALTOOL_SESSIONS", raising=False)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file() and ".git" not in path.parts}


def test_init_prepares_a_folder_and_the_first_session_goes_in(
        cli: Invoke, tmp_path: Path, no_git_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    route = tmp_path / "leerroute"
    result = cli("--lang", "nl", "init", route)
    assert result.exit_code == 0, result.output
    assert (route / "sessions").is_dir()
    readme = (route / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Evaluaties van onze leerroute") and "evaltool new-session" in readme
    # The schema where every session file's first line sends an editor.
    assert (route / "sessions" / ".." / "templates" / "session.schema.json").is_file()
    assert "geen git-repository" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == (
        f"Klaar. Ga naar {route} en leg de eerste bijeenkomst vast met: evaltool new-session")
    monkeypatch.chdir(route)
    made = cli("new-session", "--answers", ANSWERS)
    assert made.exit_code == 0, made.output
    assert cli("validate").exit_code == 0


def test_init_again_changes_nothing_and_overwrites_nothing(
        cli: Invoke, here: Path, no_git_config: None) -> None:
    (here / "README.md").write_text("# Our own README\n", encoding="utf-8")
    first = cli("init")
    assert first.exit_code == 0, first.output
    assert (here / "README.md").read_text(encoding="utf-8") == "# Our own README\n"
    assert "README.md is there already and stays as it is" in first.stdout
    before = _files(here)
    again = cli("init")
    assert again.exit_code == 0, again.output
    assert _files(here) == before
    assert "sessions is there already" in again.stdout


def test_init_with_git_makes_a_repository_that_understands_session_files(
        cli: Invoke, here: Path, no_git_config: None) -> None:
    result = cli("init", "--git")
    assert result.exit_code == 0, result.output
    assert (here / ".git").is_dir()
    assert "sessions/**/*.yaml diff=evaltool merge=evaltool" in (
        here / ".gitattributes").read_text(encoding="utf-8")
    driver = subprocess.run(["git", "config", "--local", "--get", "merge.evaltool.driver"],
                            capture_output=True, text=True, check=True).stdout
    assert "git-merge-driver" in driver
    # In a repository already, git-setup is part of init without being asked.
    assert "git config" not in cli("init").stdout.replace("already set: git config", "")


def test_init_refuses_a_file_where_the_folder_should_be(cli: Invoke, tmp_path: Path) -> None:
    taken = tmp_path / "route"
    taken.write_text("not a folder", encoding="utf-8")
    result = cli("init", taken)
    assert result.exit_code != 0
    assert f"error: {taken}" in result.stderr
    assert taken.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(("args", "said"), [
    ((), "There are no session files here yet. Begin with evaltool init"),
    (("--lang", "nl"), "Hier staan nog geen sessiebestanden. Begin met evaltool init"),
])
def test_evaltool_alone_in_an_empty_folder_says_what_to_do_first(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
        said: str) -> None:
    monkeypatch.delenv("EVALTOOL_SESSIONS", raising=False)
    result = cli(*args)
    assert said in " ".join(result.output.split())
    (here / "sessions").mkdir()
    (here / "sessions" / "one.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    assert "evaltool init" not in cli(*args).output


@pytest.mark.parametrize(("args", "said"), [
    ((), "This folder is ready for a learning route. Record the first meeting with "
         "evaltool new-session"),
    (("--lang", "nl"), "Deze map is klaar voor een leerroute. Leg de eerste bijeenkomst vast "
                       "met evaltool new-session"),
])
def test_evaltool_alone_after_init_says_to_record_the_first_meeting(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
        said: str) -> None:
    """Once `init` made sessions/, beginning with `evaltool init` is no longer the advice."""
    monkeypatch.delenv("EVALTOOL_SESSIONS", raising=False)
    assert cli("init").exit_code == 0
    output = " ".join(cli(*args).output.split())
    assert said in output
    assert "Begin with evaltool init" not in output and "Begin met evaltool init" not in output
