"""The wizard in a real pseudo-terminal: Ctrl-C midway, signals, and a resume that loses nothing."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

from evaltool.session.store import load_session
from evaltool.wizard import drafts

EVALTOOL = Path(sys.executable).parent / "evaltool"
TIMEOUT = 30

# (what the prompt says, what is typed): the start of a session, up to the plan; one
# participant on one line, one question by question.
START = [
    ("Title of the casus", "Casus in de terminal"),
    ("Date of the meeting", "1-2-2021"),
    ("Organisation", ""),
    ("Learning route", ""),
    ("Number of the meeting", "2"),
    ("Short description", "Een school \\"),
    ("… ", "en een wijk"),
    ("Function (Enter when everyone is listed)", "Beleidsadviseur Energie; Duurzaamheid"),
    ("Function (Enter when everyone is listed)", "Partner (toehoorder)"),
    ("Department or team", ""), ("Organisation", ""), ("Which side", ""), ("Attendance", ""),
    ("Role in this session", "3"), ("Name (may stay empty)", ""),
    ("Short id in the file", "toehoorder"),
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
    ("What was hard", ""), ("No attention points? (y/n)", "y"),
    ("Quadrant, or two", "samenwerkend"), ("Note", ""), ("Quadrant, or two", ""),
    ("Roles (in order", ">"),  # roles: skipped
    ("Talent or competence", ">"),  # talents: skipped
    ("Yield (Enter when done)", "Samen #"), ("Yield (Enter when done)", ""),
    ("Wish", ""), ("No wishes? (y/n)", "y"),
    ("Discussion topic", ""), ("No discussion topics? (y/n)", "y"),
    ("Follow-up question (Enter", "Hoe verder? @"), ("Follow-up question (Enter", ""),
    ("What goes on to the next session", ""),
    ("Reflection of the listener", ""), ("learning point", ""),
    ("No learning points? (y/n)", "y"),
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


def interrupt(child: pexpect.spawn, signum: int | None = None) -> None:
    """Ctrl-C as a person presses it (or the signal `signum`, as a closing terminal or a
    `kill` sends it), until the wizard says it stopped. CPython's readline notices a
    signal only while it waits for a key: one that comes in the instant between the
    prompt appearing and that wait is seen at the next key, so a person (and this test, on
    a busy machine) presses Ctrl-C again."""
    for _ in range(5):
        time.sleep(0.2)
        if signum is None:
            child.sendcontrol("c")
        else:
            child.kill(signum)
        if child.expect_exact(["Stopped.", pexpect.TIMEOUT], timeout=3) == 0:
            return
    raise AssertionError(f"The stop went unnoticed five times; the screen: {child.before!r}")


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
    interrupt(child)
    child.expect_exact(" Your answers are kept in sessions/.drafts/")
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
    interrupt(child, signum)
    assert finish(child) == code
    assert " Your answers are kept in" in child.before
    draft = next((tmp_path / "sessions" / ".drafts").glob("*.yaml"))
    assert "Casus in de terminal" in draft.read_text(encoding="utf-8")


def test_killed_at_the_first_question_after_a_resume_the_draft_still_holds_everything(
        tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, START[:3])
    child.expect_exact("Learning route")
    interrupt(child)
    assert finish(child) == 130
    draft = next((tmp_path / "sessions" / ".drafts").glob("*.yaml"))

    child = spawn(tmp_path, "--resume")
    child.expect_exact("Learning route")  # the answers are given again; now it asks
    child.kill(signal.SIGKILL)  # no handler runs: what is on disk is all there is
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    text = draft.read_text(encoding="utf-8")
    assert "answer: Casus in de terminal" in text and "answer: 1-2-2021" in text


# --- issue 10: drafts of their own, answers edited in place, a paste ------------------------


def test_two_wizards_started_together_keep_both_drafts_whole(tmp_path: Path) -> None:
    """Ten times, two wizards started at the same moment in one folder: each gets a draft
    of its own, and each draft holds that person's answers (the same second used to give
    them one file, and one person's answers were lost)."""
    for attempt in range(10):
        folder = tmp_path / str(attempt)
        folder.mkdir()
        first, second = spawn(folder), spawn(folder)
        for child, title in ((first, "Casus Een"), (second, "Casus Twee")):
            answer(child, [("Title of the casus", title)])
        for child in (first, second):
            child.expect_exact("Date of the meeting")
            interrupt(child)
        assert finish(first) == 130 and finish(second) == 130
        found = sorted((folder / "sessions" / ".drafts").glob("new-*.yaml"))
        assert len(found) == 2, attempt
        assert {drafts.load(path)[0].answers[0][1] for path in found} == {
            "Casus Een", "Casus Twee"}
        assert not list((folder / "sessions" / ".drafts").glob(".*.lock"))


def test_a_long_answer_is_edited_on_its_line_not_typed_again(tmp_path: Path,
                                                               example_copy: Path) -> None:
    """`edit --step plan`: the plan is on the line; End and a few words change it."""
    copy = example_copy
    env = {**os.environ, "EVALTOOL_LANG": "en", "COLUMNS": "100", "LINES": "40"}
    child = pexpect.spawn(str(EVALTOOL), ["edit", str(copy), "--step", "plan"], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=TIMEOUT, dimensions=(40, 100))
    child.expect_exact("The dream / the plan: ")
    child.expect_exact("impuls voor de wijk.")  # the text itself, ready to be changed
    child.send("\x05 En samen.\r")  # Ctrl-E: to the end of the line; then Enter
    child.expect_exact("(step: The dream / the plan)")
    assert finish(child) == 0
    plan = load_session(copy).casus.plan
    assert plan == ("De droom om de basisschool duurzaam te renoveren en daarmee bij te "
                    "dragen aan een impuls voor de wijk. En samen.")


def test_several_pasted_findings_become_several_findings(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, START + REST[:6])
    child.expect_exact("What worked (Enter when done)")
    # A paste, as the terminal sends it: marked as one, three lines, one with tags.
    child.send("\x1b[200~Vertrouwen in elkaar\nLef #moed\nDoorzetten\x1b[201~\r")
    answer(child, [("What worked (Enter when done)", "")])
    child.expect_exact("What was hard")
    interrupt(child)
    assert finish(child) == 130
    draft = next((tmp_path / "sessions" / ".drafts").glob("*.yaml"))
    state, _ = drafts.load(draft)
    texts = {item["text"]: item for item in state.data["findings"].values()}
    assert list(texts) == ["Vertrouwen in elkaar", "Lef", "Doorzetten"]
    assert texts["Lef"]["tags"] == ["moed"]


def test_back_one_question_puts_the_answer_on_the_line(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    answer(child, START[:2])
    answer(child, [("Organisation", "<")])  # back to the date, which is on the line again
    child.expect_exact("Date of the meeting")
    child.expect_exact("1-2-2021")
    child.send("\x08\x0822\r")  # two backspaces, then 22: 1-2-2022
    child.expect_exact("Organisation")
    interrupt(child)
    assert finish(child) == 130
    text = next((tmp_path / "sessions" / ".drafts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "answer: 1-2-2022" in text and "1-2-2021" not in text


def test_people_named_in_a_finding_and_as_an_owner_are_asked_about_in_dutch(
        tmp_path: Path, example_copy: Path) -> None:
    """In a Dutch terminal: a finding that names "wethouder Jansen" and a follow-up owned
    by "Fatima" each get the question who that is; `?` says why; the labels are kept."""
    copy = example_copy
    env = {**os.environ, "LANG": "nl_NL.UTF-8", "LC_ALL": "nl_NL.UTF-8", "COLUMNS": "100",
           "LINES": "40"}
    for name in ("EVALTOOL_LANG", "LANGUAGE", "LC_MESSAGES"):
        env.pop(name, None)

    def edit(step: str) -> pexpect.spawn:
        child = pexpect.spawn(str(EVALTOOL), ["edit", str(copy), "--step", step],
                              cwd=str(tmp_path), env=env, encoding="utf-8", timeout=TIMEOUT,
                              dimensions=(40, 100))
        child.delaybeforesend = 0.01
        return child

    child = edit("aandachtspunten")
    answer(child, [("Enter om door te gaan: ", "+"),
                   ("Wat was lastig (Enter als je klaar bent): ",
                    "De wethouder Jansen wilde eerst geen geld vrijmaken. #financiering"),
                   ("Wie is 'wethouder Jansen'? (1, 2 of Enter)", "?"),
                   ("de AVG en de Woo", "1"),  # `?` says why; then: a person
                   ("[de wethouder]", "de wethouder Onderwijs"),
                   ("als [de wethouder Onderwijs]", ""),
                   ("Wat was lastig (Enter als je klaar bent): ", "")])
    child.expect_exact("Bewaard")
    assert finish(child) == 0

    child = edit("vervolgvragen")
    answer(child, [("Enter om door te gaan: ", "+"),
                   ("Vervolgvraag (Enter als je klaar bent): ",
                    "Wie regelt het beheer van het schoolplein? @Fatima"),
                   ("Wie is 'Fatima'? (1, 2 of Enter)", "1"),
                   ("omschrijving zoals 'de wethouder Onderwijs')", "de directeur van de school"),
                   ("Vervolgvraag (Enter als je klaar bent): ", ""),
                   ("Wat gaat mee naar de volgende sessie", "")])
    child.expect_exact("Bewaard")
    assert finish(child) == 0
    session = load_session(copy)
    assert {pid: (p.name, p.label) for pid, p in session.people.items()} == {
        "wethouder-onderwijs": ("Jansen", "de wethouder Onderwijs"),
        "directeur-van-de-school": ("Fatima", "de directeur van de school")}
    assert [f.text for f in session.findings.values() if f.kind == "attention_point"][-1] \
        == "De wethouder Jansen wilde eerst geen geld vrijmaken."
    owners = [fu.owner for fu in session.follow_ups.values()]
    assert owners[-1] == "Fatima"  # as typed: the report puts the label there
