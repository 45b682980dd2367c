"""The four problems a facilitator met in a real meeting (issue 10), each as first seen.

1. A correction silently deleted data: opening a participant and pressing Enter on every
   field removed their NSOB position, its note and all their roles.
2. Too many prompts: 274 answers for the Musius meeting (tests/test_wizard_keys.py pins
   the quick path at 90 or fewer).
3. A stray Enter ended a list step, with no question asked.
4. Drafts were easy to lose: never mentioned, kept empty, chosen silently, shared by two
   wizards started in the same second.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke, TypeIn
from evaltool.session.store import load_session
from evaltool.wizard import drafts
from evaltool.wizard.prompter import Ask, TerminalPrompter
from evaltool.wizard.state import WizardState
from test_wizard import NEW, setup

DRAFT = "Number of a draft to continue it, or Enter for a new session"


def scripted(monkeypatch: pytest.MonkeyPatch, rules: list[tuple[str, str]], *,
             stop: bool = False) -> list[Ask]:
    """A terminal whose person answers by the prompt: the first rule whose text is in the
    prompt's label (or is its kind) is used up; any other prompt gets Enter, a yes/no
    question a yes. With `stop`, Ctrl-C is pressed at the first prompt after the last
    rule was used. Returns every question asked."""
    asked: list[Ask] = []
    pending = list(rules)
    stopping = False

    def ask(self: TerminalPrompter, question: Ask) -> str:
        nonlocal stopping
        asked.append(question)
        if stopping:
            raise KeyboardInterrupt
        for index, (text, answer) in enumerate(pending):
            if text in question.label or text == question.kind:
                del pending[index]
                stopping = stop and not pending
                return answer
        return "y" if question.kind == "confirm" else ""

    monkeypatch.setattr(TerminalPrompter, "ask", ask)
    return asked


# --- 1. a correction keeps everything it does not change ---------------------------------


def test_opening_a_participant_and_pressing_enter_everywhere_changes_nothing(
        cli: Invoke, example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: the participant lost their NSOB place, its note and their five roles."""
    before = example_copy.read_bytes()
    scripted(monkeypatch, [("menu", "1")])  # open participant 1, then Enter on every field
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert result.exit_code == 0, result.output
    assert "Nothing changed" in result.stdout
    assert example_copy.read_bytes() == before


def test_the_same_correction_from_the_review_screen_keeps_position_and_roles(
        cli: Invoke, tmp_path: Path, example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaltool.wizard.data import session_answers
    from evaltool.wizard.template import load_template

    monkeypatch.chdir(tmp_path)
    sessions = tmp_path / "sessions"
    drafts.prepare(sessions)
    expected = load_session(example)
    state = WizardState("casus-evaluatie", position=len(load_template().steps),
                        data=session_answers(expected))
    draft = drafts.create(sessions, state, "2021-01-28T10:00:00")
    # In the review: open step 1, open participant 1, Enter everywhere, save.
    scripted(monkeypatch, [("review", "1"), ("menu", "1")])
    result = cli("new-session", "--interactive", "--resume", draft)
    assert result.exit_code == 0, result.output
    saved = load_session(sessions / example.name)
    assert saved.participants == expected.participants
    assert saved.model_copy(update={"status": "final"}) == expected


# --- 3. a stray Enter at the start of a list asks once ----------------------------------------


START = [("Title of the casus", "Casus Enter"), ("Date of the meeting", "2021-02-01"),
         ("Function", "Adviseur; Team"), ("Function", "Toehoorder; ; ; toehoorder"),
         ("The dream", "Plan"), ("Realised", "Klaar"),
         ("What worked", "Vertrouwen #vertrouwen")]


def test_a_stray_enter_at_the_start_of_a_list_asks_before_moving_on(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: Enter at "What was hard" moved on to the NSOB step; the attention points
    step (not one that may be skipped) went by empty."""
    asked = scripted(monkeypatch, [*START, ("What was hard", ""), ("No attention points", "n"),
                                   ("What was hard", "De financiering #geld")], stop=True)
    result = cli("new-session", "--interactive")
    assert result.exit_code == 130
    labels = [a.label for a in asked]
    first = next(n for n, label in enumerate(labels) if "What was hard" in label)
    assert labels[first + 1] == "No attention points? (y/n)"
    assert "What was hard" in labels[first + 2]
    draft = next((here / "sessions" / ".drafts").glob("*.yaml")).read_text()
    assert "De financiering #geld" in draft


def test_yes_leaves_the_list_empty_and_goes_on(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = scripted(monkeypatch, [*START, ("What was hard", ""), ("No attention points", "y")],
                     stop=True)
    cli("new-session", "--interactive")
    labels = [a.label for a in asked]
    assert sum("No attention points" in label for label in labels) == 1
    assert labels[-1].startswith("Quadrant")  # the next step, the NSOB model


# --- 4. drafts you cannot lose ----------------------------------------------------------------


def test_ctrl_c_at_the_very_first_prompt_keeps_no_empty_draft(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: an empty draft stayed, and `--resume` later took it."""

    def stop(self: TerminalPrompter, question: Ask) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(TerminalPrompter, "ask", stop)
    result = cli("new-session", "--interactive")
    assert result.exit_code == 130
    assert list((here / "sessions" / ".drafts").glob("*.yaml")) == []
    assert result.stderr.strip() == "Stopped. Nothing was typed yet, so no draft was kept."


def test_new_session_names_an_unfinished_draft_and_offers_it(
        type_in: TypeIn, here: Path) -> None:
    """Before: a second `new-session` never mentioned the first one's draft."""
    result = type_in([*setup("Casus Eerder", "28-01-2021", "Adviseur;"),
                      ("The dream / the plan", "Plan")], *NEW)  # on to the step after the plan
    assert result.exit_code == 130
    result = type_in([(DRAFT, "1")], *NEW)  # continue draft 1
    out = result.stdout
    assert "Unfinished drafts:" in out
    assert "1. Casus Eerder · 2021-01-28 · step 3 of 12: Realised · last changed" in out
    assert "step 3 of 12 · Realised" in out  # continued where it was
    assert len(list((here / "sessions" / ".drafts").glob("*.yaml"))) == 1


def test_resume_with_several_drafts_asks_or_refuses_and_lists_them(
        cli: Invoke, type_in: TypeIn, here: Path) -> None:
    """Before: `--resume` silently took the newest draft, an empty one."""
    type_in([("Title of the casus", "Casus Een")], *NEW)
    type_in([(DRAFT, ""), ("Title of the casus", "Casus Twee")], *NEW)  # Enter: a new one
    assert len(list((here / "sessions" / ".drafts").glob("new-*.yaml"))) == 2
    result = cli("new-session", "--resume")  # no terminal: refused, with the list
    assert result.exit_code == 2
    assert "2 unfinished drafts: which one?" in result.stderr
    assert "Casus Een" in result.stderr and "Casus Twee" in result.stderr
    result = type_in([(DRAFT, "2")], *NEW, "--resume")  # the older one
    assert result.exit_code == 130
    assert "Title of the casus: Casus Een" in result.stdout


def test_two_wizards_started_together_each_keep_their_own_draft(
        type_in: TypeIn, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two drafts made in the same second get two names. The race as first seen (two
    wizards that both chose `new-<second>.yaml` before either wrote it, so one person's
    answers were lost) needs two processes: tests/test_wizard_pty.py starts two real
    ones at once, ten times, and finds one shared draft on the code before the fix."""
    import datetime as dt

    class Frozen(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Frozen:
            return cls(2021, 1, 28, 14, 30)

    monkeypatch.setattr(dt, "datetime", Frozen)
    type_in([("Title of the casus", "Casus A")], *NEW)
    type_in([(DRAFT, ""), ("Title of the casus", "Casus B")], *NEW)  # Enter: a new one
    found = sorted((here / "sessions" / ".drafts").glob("new-*.yaml"))
    assert [p.name for p in found] == ["new-20210128-143000-2.yaml", "new-20210128-143000.yaml"]
    assert {drafts.load(p)[0].answers[0][1] for p in found} == {"Casus A", "Casus B"}
