"""`new-session` and `edit` stop alike, whatever stops them: Ctrl-C, end of input, SIGTERM or
SIGHUP. What was typed is kept in a draft (nothing typed: no draft), one calm line says how
to go on, the exit code tells how it stopped, the signal handlers are put back, the file
being edited is untouched, and the draft is free for the next wizard."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke
from evaltool.wizard import drafts
from evaltool.wizard.prompter import TerminalPrompter

STOPS = {"ctrl-c": 130, "end of input": 130, "SIGTERM": 143, "SIGHUP": 130}


def stopping(monkeypatch: pytest.MonkeyPatch, how: str, at: int) -> None:
    """The person answers every question with "Antwoord", and stops at question `at`."""
    asked: list[str] = []

    def ask(self: TerminalPrompter, question: Any) -> str:
        asked.append(question.label)
        if len(asked) < at:
            return "Antwoord"
        if how == "ctrl-c":
            raise KeyboardInterrupt
        if how == "end of input":
            raise EOFError
        os.kill(os.getpid(), getattr(signal, how))
        raise AssertionError("the signal did not stop the wizard")

    monkeypatch.setattr(TerminalPrompter, "ask", ask)


def run(cli: Invoke, command: str, example_copy: Path) -> Any:
    if command == "new-session":
        return cli("new-session", "--interactive",
                   "--sessions-dir", example_copy.parent)
    return cli("edit", example_copy, "--step", "afterwards", "--interactive")


@pytest.mark.parametrize("command", ["new-session", "edit"])
@pytest.mark.parametrize("how", list(STOPS))
@pytest.mark.parametrize("typed", [False, True], ids=["nothing typed", "typed"])
def test_a_stopped_wizard_keeps_what_was_typed_and_says_how_to_go_on(
        cli: Invoke, example_copy: Path, monkeypatch: pytest.MonkeyPatch, command: str,
        how: str, typed: bool) -> None:
    before = example_copy.read_bytes()
    handlers = {name: signal.getsignal(getattr(signal, name)) for name in ("SIGTERM", "SIGHUP")}
    stopping(monkeypatch, how, at=2 if typed else 1)
    result = run(cli, command, example_copy)

    assert result.exit_code == STOPS[how]
    assert {name: signal.getsignal(getattr(signal, name)) for name in handlers} == handlers
    assert example_copy.read_bytes() == before
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in result.output
    kept = sorted(drafts.folder(example_copy.parent).glob("*.yaml"))
    if not typed:
        assert kept == []
        assert message == ("Stopped. Nothing was typed yet, so no draft was kept."
                           if command == "new-session" else
                           f"Stopped; {example_copy} is unchanged.")
        return
    [draft] = kept
    assert "Antwoord" in draft.read_text(encoding="utf-8")
    assert not drafts.in_use(draft)  # the hold on it is released
    resume = (f"evaltool new-session --resume {draft}" if command == "new-session" else
              f"evaltool edit {example_copy} --step afterwards --resume")
    assert message.endswith(f"Your answers are kept in {draft}; continue with: {resume}")


@pytest.mark.parametrize("command", ["new-session", "edit"])
def test_an_answers_file_stopped_keeps_no_draft(cli: Invoke, example_copy: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                command: str) -> None:
    """Nothing was typed: the answers file is still there to run again."""
    from evaltool.wizard.engine import Wizard

    def stopped(self: Wizard, *args: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Wizard, "run", stopped)
    monkeypatch.setattr(Wizard, "run_single", stopped)
    answers = example_copy.parent.parent / "answers.yaml"
    answers.write_text("reflection: Nieuw.\n", encoding="utf-8")
    before = example_copy.read_bytes()
    result = cli(*(["new-session", "--sessions-dir", example_copy.parent]
                   if command == "new-session" else
                   ["edit", example_copy, "--step", "afterwards"]), "--answers", answers)
    assert result.exit_code == 130
    assert result.stderr.strip() == ("interrupted" if command == "new-session" else
                                     f"Stopped; {example_copy} is unchanged.")
    assert example_copy.read_bytes() == before
    assert list(drafts.folder(example_copy.parent).glob("*.yaml")) == []
