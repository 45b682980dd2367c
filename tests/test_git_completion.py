"""Shell completion through Typer's own protocol, as bash runs it: commands, options, choices
and session file paths, in a separate process (the script `evaltool --show-completion` prints
calls evaltool with `_EVALTOOL_COMPLETE=complete_bash`, COMP_WORDS and COMP_CWORD)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def complete(line: str, cwd: Path) -> list[str]:
    words = line.split(" ")
    environment = {**os.environ, "_EVALTOOL_COMPLETE": "complete_bash",
                   "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1),
                   "EVALTOOL_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "evaltool"], env=environment, cwd=cwd,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout.splitlines()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    sessions = tmp_path / "sessions"
    (sessions / "2021").mkdir(parents=True)
    (sessions / ".drafts").mkdir()
    for name in ("2021-01-28-casus-a.yaml", "2021-03-04-casus-b.yaml", "notes.txt"):
        (sessions / name).write_text("x", encoding="utf-8")
    (sessions / "2021" / "2021-06-01-casus-c.yaml").write_text("x", encoding="utf-8")
    return tmp_path


def test_commands_complete(folder: Path) -> None:
    assert "fmt" in complete("evaltool f", folder)
    assert set(complete("evaltool d", folder)) >= {"diff"}
    assert "git-setup" in complete("evaltool git", folder)
    assert not any(name.startswith("git-") and name != "git-setup"
                   for name in complete("evaltool git", folder))  # helpers stay hidden


def test_options_and_their_choices_complete(folder: Path) -> None:
    assert complete("evaltool diff --f", folder) == ["--format"]
    assert complete("evaltool diff --format ", folder) == ["text", "markdown", "json"]
    assert "--check" in complete("evaltool fmt --", folder)


def test_session_files_complete(folder: Path) -> None:
    assert complete("evaltool fmt sessions/", folder) == [
        "sessions/2021/", "sessions/2021-01-28-casus-a.yaml", "sessions/2021-03-04-casus-b.yaml"]
    assert complete("evaltool fmt sessions/2021-03", folder) == [
        "sessions/2021-03-04-casus-b.yaml"]
    assert complete("evaltool diff sessions/2021-01-28-casus-a.yaml sessions/2021/", folder) \
        == ["sessions/2021/2021-06-01-casus-c.yaml"]
    assert complete("evaltool fmt sessions/.d", folder) == ["sessions/.drafts/"]
    assert complete("evaltool fmt s", folder) == ["sessions/"]


def test_the_install_script_names_the_protocol(folder: Path) -> None:
    # Typer finds the shell from the process tree; name it instead, so that the test does
    # not depend on the shell pytest was started from (sh, make, cron).
    environment = {**os.environ, "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = subprocess.run([sys.executable, "-m", "evaltool", "--show-completion", "bash"],
                            cwd=folder, env=environment, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert "_EVALTOOL_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _evaltool_completion evaltool" in result.stdout


def test_zsh_gets_the_same_session_files(folder: Path) -> None:
    environment = {**os.environ, "_EVALTOOL_COMPLETE": "complete_zsh",
                   "_TYPER_COMPLETE_ARGS": "evaltool fmt sessions/2021-03"}
    result = subprocess.run([sys.executable, "-m", "evaltool"], env=environment, cwd=folder,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "_arguments '*: :((\"sessions/2021-03-04-casus-b.yaml\"))'"
