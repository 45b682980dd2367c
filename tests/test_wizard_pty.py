"""The wizard in a real pseudo-terminal: Ctrl-C midway, signals, and a resume that loses nothing."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pexpect
import pytest

from evaltool.store import load_session

EVALTOOL = Path(sys.executable).parent / "evaltool"
TIMEOUT = 30

# (what the prompt says, what is typed): the start of a session, up to the plan.
START = [
    ("Title of the casus", "Casus in de terminal"),
    ("Date of the meeting", "2021-02-01"),
    ("Organisation", ""),
    ("Learning route", ""),
    ("Number of the meeting", "2"),
    ("Short description", "Een school \\"),
    ("… ", "en een wijk"),
    ("Function (Enter when everyone is listed)", "Beleidsadviseur Energie"),
    ("Name (may stay empty)", ""), ("Short id in the file", ""), ("Department or team", ""),
    ("Organisation", ""), ("Which side", ""), ("Attendance", ""), ("Role in this session", ""),
    ("Function (Enter when everyone is listed)", "Partner (toehoorder)"),
    ("Name (may stay empty)", ""), ("Short id in the file", "toehoorder"),
    ("Department or team", ""), ("Organisation", ""), ("Which side", ""), ("Attendance", ""),
    ("Role in this session", "3"),
    ("Function (Enter when everyone is listed)", ""),
    ("The dream / the plan", "De droom"),
]
# The rest, from the step after the plan to the review.
REST = [
    ("Realised", "Gerealiseerd"), ("Overall judgement", "positief"),
    ("Note on the judgement", ""),
    ("SDG (number or name", "7"), ("How it contributed", ""), ("SDG (number or name", ""),
    ("What worked", "Vertrouwen"), ("Tags", "vertrouwen"), ("Confidential", ""),
    ("What worked", ""),
    ("What was hard", ""),
    ("participant number", "1"), ("Quadrant, or two", "samenwerkend"), ("Note", ""),
    ("participant number", ""),
    ("participant number", ">"),  # roles: skipped
    ("Talent or competence", ""), ("About mandate", ""), ("About intrinsic motivation", ""),
    ("Yield (Enter when done)", "Samen"), ("Tags", ""), ("Confidential", ""),
    ("Yield (Enter when done)", ""), ("Wish", ""), ("Discussion topic", ""),
    ("Follow-up question", "Hoe verder?"), ("Owner", ""), ("Due", ""),
    ("Follow-up question", ""), ("What goes on to the next session", ""),
    ("Reflection of the listener", ""), ("learning point", ""),
    ("Enter to save", ""),
]


def spawn(cwd: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "EVALTOOL_LANG": "en", "COLUMNS": "100", "LINES": "40"}
    env.pop("EVALTOOL_SESSIONS", None)
    child = pexpect.spawn(str(EVALTOOL), ["new-session", *args], cwd=str(cwd), env=env,
                          encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100))
    child.delaybeforesend = 0.01  # each answer waits for its prompt anyway
    return child


def answer(child: pexpect.spawn, steps: list[tuple[str, str]]) -> None:
    for prompt, text in steps:
        child.expect_exact(prompt)
        child.sendline(text)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None, child.signalstatus
    return int(child.exitstatus)


def test_ctrl_c_midway_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    once, twice = tmp_path / "once", tmp_path / "twice"
    once.mkdir()
    twice.mkdir()

    child = spawn(once)
    answer(child, START + REST)
    child.expect_exact("Saved sessions/2021-02-01-casus-in-de-terminal.yaml")
    assert finish(child) == 0

    child = spawn(twice)
    answer(child, START)
    child.expect_exact("Realised")
    child.sendcontrol("c")
    child.expect_exact("Stopped. Your answers are kept in sessions/.drafts/")
    assert finish(child) == 130
    said = child.before + child.after if isinstance(child.after, str) else child.before
    assert "Traceback" not in said
    drafts = list((twice / "sessions" / ".drafts").glob("*.yaml"))
    assert len(drafts) == 1
    assert (drafts[0].stat().st_mode & 0o777) == 0o600
    assert "De droom" in drafts[0].read_text(encoding="utf-8")

    child = spawn(twice, "--resume")
    child.expect_exact("step 3 of 12")  # exactly where it stopped (in colour: two parts)
    child.expect_exact("Realised")
    answer(child, REST)
    child.expect_exact("Saved sessions/2021-02-01-casus-in-de-terminal.yaml")
    assert finish(child) == 0
    assert not list((twice / "sessions" / ".drafts").glob("*.yaml"))

    first = once / "sessions" / "2021-02-01-casus-in-de-terminal.yaml"
    second = twice / "sessions" / "2021-02-01-casus-in-de-terminal.yaml"
    assert load_session(second) == load_session(first)
    assert second.read_bytes() == first.read_bytes()
    session = load_session(second)
    assert session.casus.description == "Een school\nen een wijk"
    assert session.participants["toehoorder"].session_role == "listener_reporter"


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 130)])
def test_a_signal_keeps_the_draft(tmp_path: Path, signum: int, code: int) -> None:
    child = spawn(tmp_path)
    answer(child, START[:2])
    child.expect_exact("Organisation")
    child.kill(signum)
    assert finish(child) == code
    assert "Stopped. Your answers are kept in" in child.before
    draft = next((tmp_path / "sessions" / ".drafts").glob("*.yaml"))
    assert "Casus in de terminal" in draft.read_text(encoding="utf-8")


def test_killed_at_the_first_question_after_a_resume_the_draft_still_holds_everything(
        tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, START[:3])
    child.expect_exact("Learning route")
    child.sendcontrol("c")
    assert finish(child) == 130
    draft = next((tmp_path / "sessions" / ".drafts").glob("*.yaml"))

    child = spawn(tmp_path, "--resume")
    child.expect_exact("Learning route")  # the answers are given again; now it asks
    child.kill(signal.SIGKILL)  # no handler runs: what is on disk is all there is
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    text = draft.read_text(encoding="utf-8")
    assert "answer: Casus in de terminal" in text and "answer: '2021-02-01'" in text
