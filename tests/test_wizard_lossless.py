"""Lossless editing, as an invariant: a step run again keeps everything it does not change.

For every step of the template, on the example session and on each file of the route
fixture, running the step, opening every entry and accepting every value shown gives the
very same bytes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from evaltool.wizard.prompter import Ask, TerminalPrompter
from evaltool.wizard.template import load_template
from inputs import ROUTE_FILES

FILES = [EXAMPLE, *ROUTE_FILES]
STEPS = [step.name for step in load_template().steps]


def accepting(monkeypatch: pytest.MonkeyPatch) -> list[Ask]:
    """A person who opens every entry of every list, one after the other, and presses
    Enter at every question (and says yes to 'No ...? (y/n)')."""
    asked: list[Ask] = []
    done: set[object] = set()  # lists whose every entry was opened

    def ask(self: TerminalPrompter, question: Ask) -> str:
        asked.append(question)
        if question.kind == "confirm":
            return "y"
        if question.kind == "menu" and question.key[0] not in done:
            return str(question.key[-1] + 1)  # round n opens entry n + 1
        return ""

    def reject(self: TerminalPrompter, question: Ask, message: str) -> bool:
        assert question.kind == "menu", message  # only past the last entry
        done.add(question.key[0])
        return True

    monkeypatch.setattr(TerminalPrompter, "ask", ask)
    monkeypatch.setattr(TerminalPrompter, "reject", reject)
    return asked


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("source", FILES, ids=lambda p: f"{p.parent.name}/{p.stem[:16]}")
def test_a_step_run_again_and_accepted_as_shown_changes_no_byte(
        cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: Path,
        step: str) -> None:
    sessions = tmp_path / "sessions"
    sessions.mkdir()
    for other in source.parent.glob("*.yaml"):  # the route: its earlier follow-ups show
        shutil.copy(other, sessions / other.name)
    target = sessions / source.name
    before = target.read_bytes()
    asked = accepting(monkeypatch)
    result = cli("edit", target, "--step", step, "--interactive", "--sessions-dir", sessions)
    assert result.exit_code == 0, result.output
    assert "Nothing changed" in result.stdout
    assert target.read_bytes() == before
    assert asked or step == "earlier"  # the step did ask (earlier: only on a route)
