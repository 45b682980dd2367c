"""`evaltool new-session` as a facilitator uses it: typed in, from an answers file, resumed."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, Invoke, TypeIn
from evaltool.session.models import Session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard.data import session_answers
from evaltool.wizard.parts import kind_of
from evaltool.wizard.template import Question, load_template
from inputs import Turn, edit_file

ANSWERS = REPO / "templates" / "examples" / "answers-cornelis-musius.yaml"
STEM = "2021-01-28-casus-cornelis-musius"


NEW = ("new-session", "--interactive")
REVIEW = "Enter to save"
EXISTS = "exists already. o: overwrite, n: new name, c: cancel"


def typed(session: Session) -> list[Turn]:
    """What a facilitator types to enter `session` question by question, at which prompt
    (the guided path, without the quick one-line forms), each part as its kind walks it:
    Dutch labels for every choice, everyone in turn in the NSOB steps (roles with `+`, one
    by one), `y` when a list stays empty, a backslash to continue a paragraph."""
    vocabulary = load_vocabulary()
    data = session_answers(session)

    def text(question: Question, value: Any) -> str:
        if question.type == "choice":
            return vocabulary.label(question.vocabulary or "", value, "nl")
        if question.type == "choices":
            return ", ".join(vocabulary.short_label("quadrants", v, "nl") for v in value)
        if question.type == "flag":
            return "ja" if value == "true" else "nee"
        if question.type == "tags":
            return ", ".join(value)
        return str(value).replace("\n", "\\\n")

    def answer(question: Question, entry: dict[str, Any],
               ident: str | None) -> list[tuple[str, str]]:
        if not question.ask or any(entry.get(k) != v for k, v in question.when.items()) \
                or question.type == "earlier":
            return []
        value = ident if question.type == "id" else entry.get(question.name)
        if value is None:
            return [(str(question.label), "-" if question.default is not None else "")]
        first, *more = text(question, value).split("\n")  # a paragraph: one line each
        return [(str(question.label), first), *(("… ", line) for line in more)]

    turns = [turn for step in load_template().steps for part in step.parts
             for turn in kind_of(part).turns(part, data, answer)]
    return [*turns, (REVIEW, "")]


def nothing(lead: str, plural: str) -> list[Turn]:
    """An empty list: Enter at its first question, and yes, there are none."""
    return [(lead, ""), (f"No {plural}?", "y")]


def setup(title: str, date: str = "2021-02-01", *people: str) -> list[Turn]:
    """The first step: a title and a date, Enter for the organisation, the route, the
    number and the description, then everyone on one line each (with no one: saying so)."""
    turns = [("Title of the casus", title), ("Date of the meeting", date),
             ("Organisation", ""), ("Learning route", ""), ("Number of the meeting", ""),
             ("Short description", "")]
    return turns + ([*(("Function", person) for person in people), ("Function", "")] if people
                    else nothing("Function", "participants"))


PLAN = [("The dream / the plan", "Plan"), ("Realised", "Klaar"), ("Overall judgement", ""),
        ("Note on the judgement", "")]
"""The plan and what was realised, no judgement."""
END = [*nothing("Follow-up question", "follow-ups"), ("What goes on to the next session", ""),
       ("Reflection of the listener", ""), *nothing("learning point", "learning points"),
       (REVIEW, "")]
"""No follow-ups, nothing for the next session, no reflection or learning points; save."""


def minimal(title: str, date: str = "2021-02-01", *people: str) -> list[Turn]:
    """The fewest answers for a whole session: a title, a date, people on one line each, a
    plan and what was realised; every list left empty (saying so), nobody with an NSOB
    place or roles, the talents skipped; then Enter in the review, which saves."""
    turns = [*setup(title, date, *people), *PLAN]
    turns += [*nothing("SDG", "SDGs"), *nothing("What worked", "success factors"),
              *nothing("What was hard", "attention points")]
    turns += [("Quadrant", "")] * len(people) + [("Roles (in order", "")] * len(people)
    turns += [("Talent or competence", ">")]  # talents, mandate and motivation: skipped
    turns += [*nothing("Yield", "yields"), *nothing("Wish", "wishes"),
              *nothing("Discussion topic", "discussion topics")]
    return [*turns, *END]


def test_the_cornelis_musius_session_typed_in(cli: Invoke, type_in: TypeIn, here: Path,
                                              example: Path) -> None:
    expected = load_session(example)
    result = type_in(typed(expected), *NEW)
    assert result.exit_code == 0, result.output
    assert f"Saved sessions/{STEM}.yaml" in result.stdout
    assert "step 1 of 12 · Setup" in result.stdout
    saved = load_session(here / "sessions" / f"{STEM}.yaml")
    assert saved.status == "draft"
    # Finding ids are made from the text in a terminal (the example's were chosen by hand).
    assert list(saved.findings.values()) == list(expected.findings.values())
    assert "het-draagvlak-ontstond-mede" in saved.findings
    assert saved.model_copy(update={"status": "final", "findings": expected.findings}) == expected
    assert not list((here / "sessions" / ".drafts").glob("*.yaml"))  # the draft is gone
    assert cli("validate", "sessions").exit_code == 0


def test_the_answers_example_reproduces_the_example_session(
        cli: Invoke, here: Path, example: Path) -> None:
    result = cli("new-session", "--answers", ANSWERS)
    assert result.exit_code == 0, result.output
    saved = here / "sessions" / f"{STEM}.yaml"
    assert load_session(saved) == load_session(example).model_copy(update={"status": "draft"})
    assert cli("finalize", saved).exit_code == 0
    assert load_session(saved) == load_session(example)
    assert saved.read_bytes() == example.read_bytes()


def test_in_dutch(type_in: TypeIn, here: Path) -> None:
    result = type_in([("Titel van de casus", "Casus Nederlands"),
                      ("Datum van de bijeenkomst", "2021-03-01")], "--lang", "nl", *NEW)
    assert "stap 1 van 12 · Opzet" in result.stdout
    assert "Titel van de casus" in result.stdout
    assert "Je antwoorden staan in" in result.stderr


# --- refusing, validating, going back -------------------------------------------------------


def test_without_a_terminal_it_refuses_at_once(type_in: TypeIn, here: Path) -> None:
    result = type_in([("Title of the casus", "Casus")], "new-session", unread=1)
    assert result.exit_code == 2
    assert "no terminal to ask the questions in" in result.stderr
    assert "--answers FILE" in result.stderr
    assert result.stdout == ""
    assert not (here / "sessions").exists()


def test_every_answer_is_checked_at_once_and_asked_again(type_in: TypeIn, here: Path) -> None:
    turns = [
        # a control character, then ok
        ("Title of the casus", "Casus\x1b[31mRood"),
        ("Title of the casus", "[bold]Casus[/bold] $(whoami)"),
        # no such date, no date at all, fine
        ("Date of the meeting", "2021-02-30"), ("Date of the meeting", "30 febr 2021"),
        ("Date of the meeting", "2021-02-01"),
        ("Organisation", ""), ("Learning route", ""),
        # a count of 0, then text, then none
        ("Number of the meeting", "0"), ("Number of the meeting", "twee"),
        ("Number of the meeting", ""), ("Short description", ""),
        # the side refused, then given by number
        ("Function", "Projectleider"), ("Department or team", ""), ("Organisation", ""),
        ("Which side", "buitenaards"), ("Which side", "3"), ("Attendance", "afwezig"),
        ("Role in this session", "toehoorder"), ("Name", ""), ("Short id in the file", ""),
        ("Function", "Adviseur"), ("Department or team", ""), ("Organisation", ""),
        ("Which side", ""), ("Attendance", ""), ("Role in this session", ""), ("Name", ""),
        ("Short id in the file", "projectleider"), ("Short id in the file", ""),  # taken
        ("Function", ""),
    ]
    result = type_in(turns, *NEW)
    out = result.stdout
    assert "control character U+001B" in out
    assert "\x1b" not in out
    assert "no such date" not in out  # said in the user's words, not pydantic's
    assert "2021-02-30 is not a date that exists" in out
    assert "'30 febr 2021' is not a date; write it like 28-01-2021" in out
    assert "must be at least 1" in out and "must be a whole number" in out
    assert "'buitenaards' is not one of the choices" in out
    assert "'projectleider' is used already" in out
    draft = next((here / "sessions" / ".drafts").glob("*.yaml"))
    text = draft.read_text(encoding="utf-8")
    assert "[bold]Casus[/bold] $(whoami)" in text
    assert "external_partner" in text and "absent" in text and "listener_reporter" in text


def test_back_skip_and_help(type_in: TypeIn, here: Path) -> None:
    turns = [("Title of the casus", "?"), ("Title of the casus", "Casus Terug"),
             ("Date of the meeting", "2021-02-01"), ("Organisation", ""), ("Learning route", ""),
             ("Number of the meeting", ""), ("Short description", ""),
             ("Function", "Adviseur;"), ("Function", ""),  # end of participants
             # from the plan back to the setup: answers stay as defaults
             ("The dream / the plan", "<"),
             ("Title of the casus", ""), ("Date of the meeting", ""), ("Organisation", ""),
             ("Learning route", ""), ("Number of the meeting", ""), ("Short description", ""),
             ("Number to change, -number to remove, + to add", "+"),  # keep, then add
             ("Function", "Toetser;"), ("Function", ""),
             ("The dream / the plan", ">"),  # the plan cannot be skipped
             ("The dream / the plan", "Het plan"), ("Realised", "Gerealiseerd"),
             ("Overall judgement", "1"), ("Note on the judgement", ""),  # judgement by number
             ("SDG", ">")]  # SDGs can be skipped
    result = type_in(turns, *NEW)
    out = result.stdout
    assert "The casus, the date, the learning route" in out  # help after '?'
    assert "For example: Casus Cornelis Musius" in out  # and the question's own
    assert out.count("step 1 of 12 · Setup") == 2
    assert "Participants: what is there now" in out
    assert "this step cannot be skipped" in out
    assert "step 5 of 12 · Success factors" in out
    draft = next((here / "sessions" / ".drafts").glob("*.yaml"))
    text = draft.read_text(encoding="utf-8")
    assert "adviseur:" in text and "toetser:" in text
    assert "judgement: positive" in text
    assert "sdgs" not in text


def test_the_review_shows_everything_and_any_step_can_be_changed(
        type_in: TypeIn, here: Path) -> None:
    turns = setup("Casus Review", "2021-02-01", "Adviseur; ; ; ; ; toehoorder")
    turns += [("The dream / the plan", "Plan"), ("Realised", "Klaar"),
              ("Overall judgement", "positief"), ("Note on the judgement", ""),
              ("SDG", "4"), ("How it contributed", ""), ("SDG", "")]
    turns += [("What worked", "Vertrouwen"), ("Tags", "vertrouwen"), ("Confidential", ""),
              ("What worked", ""),
              ("What was hard", "Geld"), ("Tags", ""), ("Confidential", ""), ("What was hard", "")]
    # the NSOB place of the one participant: lawful, no note; a role question by question
    turns += [("Quadrant, or two on a border", "rechtmatig"), ("Note", "")]
    turns += [("Roles", "+"), ("Role", "financierder"),
              ("Facing the city or internal", "stadsgericht"), ("Is this the usual role", "ja"),
              ("Was this role played in this casus", "nee"), ("When in the project", "begin"),
              ("Note", ""), ("Role", "")]
    turns += [("Talent or competence", ""), ("No talents? (y/n)", "j"),
              ("About mandate", ""), ("No mandate? (y/n)", "j"),
              ("About intrinsic motivation", ""), ("No motivation? (y/n)", "j")]
    turns += [("Yield", "Samen"), ("Tags", ""), ("Confidential", ""), ("Yield", ""),
              ("Wish", ""), ("No wishes? (y/n)", "j"),
              ("Discussion topic", ""), ("No discussion topics? (y/n)", "j"),
              ("Follow-up question", "Vraag?"), ("Owner", "Team"), ("Due", "2021-06-01"),
              ("Follow-up question", ""), ("What goes on to the next session", "Vervolg")]
    turns += [("Reflection of the listener", "Reflectie"),
              ("The listener's learning point", "Leerpunt"), ("Tags", ""), ("Confidential", ""),
              ("The listener's learning point", "")]
    # the review: change step 2, back to the review, save
    turns += [(REVIEW, "2"), ("The dream / the plan", "Het nieuwe plan"), (REVIEW, "")]
    result = type_in(turns, *NEW)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Everything before it is saved") == 2
    assert "The dream / the plan: Het nieuwe plan" in out
    assert "• Adviseur: lawful" in out
    assert "• Adviseur: (financier) @begin" in out
    saved = load_session(here / "sessions" / "2021-02-01-casus-review.yaml")
    assert saved.casus.plan == "Het nieuwe plan"
    assert saved.casus.sdgs[0].goal == 4
    assert saved.participants["adviseur"].position.quadrants == ["lawful_government"]
    role = saved.participants["adviseur"].roles[0]
    assert (role.role, role.orientation, role.usual, role.played, role.phase) == (
        "financier", "city", True, False, "begin")
    assert saved.follow_ups["fu-1"].owner == "Team"
    learning = [f for f in saved.findings.values() if f.kind == "learning_point"]
    assert learning[0].by == "adviseur"  # the listener-reporter, without being asked
    assert saved.reflection == "Reflectie"


def test_at_twenty_columns_nothing_is_squashed(type_in: TypeIn, here: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    def echoing_input(prompt: str = "") -> str:
        """Enter ends the prompt's line, as in a terminal (which wraps what is typed itself)."""
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        sys.stdout.write("\n")
        return line.rstrip("\n")

    monkeypatch.setattr("builtins.input", echoing_input)
    turns = minimal("Casus Smal", "2021-02-01", "Beleidsadviseur Energie;")
    result = type_in(turns, *NEW, env={"COLUMNS": "20"})
    assert result.exit_code == 0, result.output
    out, saved = result.stdout.split("Saved ")
    assert all(len(line) <= 20 for line in out.splitlines()), out
    assert "…" not in out
    assert saved.startswith("sessions/2021-02-01-casus-smal.yaml")  # a path: not wrapped
    flat = " ".join(out.split())
    for words in ("Beleidsadviseur Energie", "Casus Smal", "Everything before it is saved",
                  "step 4 of 12 · Sustainable Development Goals (SDGs)"):
        assert all(word in flat for word in words.split())


# --- answers files ---------------------------------------------------------------------------


def test_missing_answers_are_listed_all_at_once(cli: Invoke, here: Path) -> None:
    answers = here / "answers.yaml"
    answers.write_text("learning_route: X\nparticipants:\n  - name: Anna\n"
                       "    sesion_role: toehoorder\nroles:\n  participant-1: []\n"
                       "judgement: fantastisch\n", encoding="utf-8")
    result = cli("new-session", "--answers", answers)
    assert result.exit_code == 1
    err = result.stderr
    assert f"{answers}: title is missing (Title of the casus)" in err
    assert "date is missing" in err
    assert f"{answers}:3:5: participants[1].function is missing" in err
    assert f"{answers}:7:12: 'fantastisch' is not one of the choices" in err
    assert f"{answers}:4:5: participants[1].sesion_role is not asked by this template" in err
    assert f"{answers}:6:3: roles.participant-1 is not asked" not in err
    assert not list((here / "sessions").glob("*.yaml"))


def test_a_misspelt_key_gets_a_suggestion(cli: Invoke, here: Path) -> None:
    answers = here / "answers.yaml"
    answers.write_text("titel: Casus\ndate: 2021-02-01\ntitle: Casus\n", encoding="utf-8")
    result = cli("new-session", "--answers", answers)
    assert result.exit_code == 1
    assert f"{answers}:1:1: titel is not asked by this template here — did you mean title?" \
        in result.stderr


def test_defaults_are_taken_when_asked_for(cli: Invoke, here: Path) -> None:
    answers = here / "answers.yaml"
    answers.write_text("title: Casus Standaard\n", encoding="utf-8")
    assert cli("new-session", "--answers", answers).exit_code == 1
    result = cli("new-session", "--answers", answers, "--defaults")
    assert result.exit_code == 0, result.output
    saved = next((here / "sessions").glob("*-casus-standaard.yaml"))
    session = load_session(saved)
    assert session.casus.organisation == "Gemeente Delft"
    assert session.casus.learning_route == "Excellent Faciliteren"


# --- the file: never overwritten by surprise ---------------------------------------------


def test_an_existing_file_is_not_overwritten_without_force(cli: Invoke, here: Path) -> None:
    assert cli("new-session", "--answers", ANSWERS).exit_code == 0
    saved = here / "sessions" / f"{STEM}.yaml"
    saved.write_text(saved.read_text() + "# mine\n")
    before = saved.read_bytes()
    result = cli("new-session", "--answers", ANSWERS)
    assert result.exit_code == 1
    assert "the file exists already — choose another name, or use --force" in result.stderr
    assert saved.read_bytes() == before
    assert cli("new-session", "--answers", ANSWERS, "--force").exit_code == 0
    assert saved.read_bytes() != before


def test_in_a_terminal_an_existing_file_asks(type_in: TypeIn, here: Path) -> None:
    saved = minimal("Casus Dubbel")
    assert type_in(saved, *NEW).exit_code == 0
    first = here / "sessions" / "2021-02-01-casus-dubbel.yaml"
    before = first.read_bytes()
    result = type_in([*saved, (EXISTS, "x"), (EXISTS, "n"), ("New name", "Tweede keer")], *NEW)
    assert result.exit_code == 0, result.output
    assert "exists already" in result.stdout and "type o, n or c" in result.stdout
    assert (here / "sessions" / "2021-02-01-tweede-keer.yaml").is_file()
    assert first.read_bytes() == before
    result = type_in([*saved, (EXISTS, "c")], *NEW)
    assert result.exit_code == 130
    assert "Not saved. Your answers are kept in" in result.stderr
    assert first.read_bytes() == before


def test_a_file_that_appears_at_the_last_moment_is_not_clobbered(
        cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaltool.session import store

    real = store.atomic_write
    target = here / "sessions" / f"{STEM}.yaml"

    def sneaky(path: Path, data: bytes, **kwargs: Any) -> None:
        if path.resolve() == target:
            path.write_text("someone else's\n")
        real(path, data, **kwargs)

    monkeypatch.setattr(store, "atomic_write", sneaky)
    result = cli("new-session", "--answers", ANSWERS)
    assert result.exit_code == 1
    assert "exists already" in result.stderr
    assert target.read_text() == "someone else's\n"


def test_a_failing_save_keeps_the_draft_and_the_old_file(
        cli: Invoke, type_in: TypeIn, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = here / "sessions" / "2021-02-01-casus-vol.yaml"
    turns = minimal("Casus Vol")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").split("/")[-1].startswith(".2021-02-01"):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    old.parent.mkdir()
    old.write_text("the old file\n")
    monkeypatch.setattr(os, "fsync", full)
    result = type_in([*turns, (EXISTS, "o")], *NEW)
    assert result.exit_code == 1
    assert "cannot write: No space left on device" in result.stderr
    assert "your answers are kept in sessions/.drafts/" in result.stderr
    assert old.read_text() == "the old file\n"
    assert [p.name for p in old.parent.iterdir() if p.name.startswith(".2021")] == []
    monkeypatch.setattr(os, "fsync", real_fsync)
    result = type_in([(REVIEW, ""), (EXISTS, "o")], *NEW, "--resume")
    assert result.exit_code == 0, result.output
    assert load_session(old).casus.plan == "Plan"
    assert not list((here / "sessions" / ".drafts").glob("*.yaml"))


# --- stopping and resuming -------------------------------------------------------------------


def test_end_of_input_keeps_the_draft_and_resume_equals_an_uninterrupted_run(
        type_in: TypeIn, here: Path, example: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    turns = typed(load_session(example))
    once = here / "once"
    once.mkdir()
    monkeypatch.chdir(once)
    assert type_in(turns, *NEW).exit_code == 0
    uninterrupted = once / "sessions" / f"{STEM}.yaml"
    monkeypatch.chdir(here)
    for cut in (10, 41, len(turns) - 30):  # in the setup, in the participants, in the roles
        result = type_in(turns[:cut], *NEW)
        assert result.exit_code == 130
        message = result.stderr.strip()
        assert message.startswith("Stopped. Your answers are kept in sessions/.drafts/new-")
        assert message.endswith(".yaml") and "\n" not in message
        draft = message.rsplit(" ", 1)[1]
        assert f"continue with: evaltool new-session --resume {draft}" in message
        result = type_in(turns[cut:], *NEW, "--resume", draft)
        assert result.exit_code == 0, result.output
        assert not Path(draft).exists()
        resumed = here / "sessions" / f"{STEM}.yaml"
        assert load_session(resumed) == load_session(uninterrupted)
        assert resumed.read_bytes() == uninterrupted.read_bytes()
        resumed.unlink()


@pytest.mark.parametrize(("stop", "code"), [
    ("interrupt", 130), ("SIGTERM", 143), ("SIGHUP", 130)])
def test_ctrl_c_and_signals_keep_the_draft(type_in: TypeIn, here: Path,
                                           monkeypatch: pytest.MonkeyPatch, stop: str,
                                           code: int) -> None:
    from evaltool.wizard.prompter import TerminalPrompter

    real = TerminalPrompter.ask
    asked: list[str] = []

    def ask(self: TerminalPrompter, question: Any) -> str:
        asked.append(question.label)
        if len(asked) == 3:
            if stop == "interrupt":
                raise KeyboardInterrupt
            os.kill(os.getpid(), getattr(signal, stop))
        return real(self, question)

    monkeypatch.setattr(TerminalPrompter, "ask", ask)
    before = {name: signal.getsignal(getattr(signal, name)) for name in ("SIGTERM", "SIGHUP")}
    # Stopped at the third question: its answer and the one after it are never read.
    result = type_in([("Title of the casus", "Casus Signaal"),
                      ("Date of the meeting", "2021-02-01"), ("Organisation", "Gemeente Delft"),
                      ("Learning route", "x")], *NEW, unread=2)
    assert result.exit_code == code
    assert result.stderr.startswith("Stopped. Your answers are kept in")
    assert {name: signal.getsignal(getattr(signal, name)) for name in before} == before
    draft = next((here / "sessions" / ".drafts").glob("*.yaml"))
    assert "answer: Casus Signaal" in draft.read_text()
    assert "answer: '2021-02-01'" in draft.read_text()


def test_resume_without_a_draft(cli: Invoke, here: Path) -> None:
    result = cli("new-session", "--interactive", "--resume")
    assert result.exit_code == 2
    assert "no draft to continue" in result.stderr


# --- earlier follow-ups ----------------------------------------------------------------------


def test_open_follow_ups_of_earlier_sessions_are_shown_and_closed(
        cli: Invoke, type_in: TypeIn, workfolder: Path) -> None:
    sessions = workfolder / "sessions"
    (sessions / "broken.yaml").write_text("schema_version: 1\nid: [\n")
    answers = workfolder / "second.yaml"
    answers.write_text(
        "title: Tweede casus\ndate: 2021-03-01\nlearning_route: excellent faciliteren\n"
        "earlier_follow_ups:\n"
        f"  {STEM}#fu-1: afgerond\n"
        f"  {STEM}#fu-2:\n    status: vervallen\n    note: Niet meer aan de orde.\n"
        f"  {STEM}#fu-3: open\n", encoding="utf-8")
    result = cli("new-session", "--answers", answers)
    assert result.exit_code == 0, result.output
    assert "warning: sessions/broken.yaml" in result.stderr and "(skipped)" in result.stderr
    second = load_session(sessions / "2021-03-01-tweede-casus.yaml")
    assert [(f.continues, f.status) for f in second.follow_ups.values()] == [
        (f"{STEM}#fu-1", "done"), (f"{STEM}#fu-2", "dropped"), (f"{STEM}#fu-3", "open")]
    assert second.follow_ups["fu-2"].note == "Niet meer aan de orde."
    assert second.follow_ups["fu-1"].question.startswith("Is deze aanpak haalbaar")

    # The third session sees fu-3 (kept open: now the second session's fu-3) and fu-4.
    turns = [("Title of the casus", "Derde casus"), ("Date of the meeting", "2021-04-01"),
             ("Organisation", ""), ("Learning route", ""), ("Number of the meeting", ""),
             ("Short description", ""), *nothing("Function", "participants"),
             ("Status now", "done"), ("Note", ""), ("Status now", "")]
    result = type_in(turns, *NEW)
    out = result.stdout
    assert "step 2 of 13 · Open follow-ups from earlier" in out
    assert "From 2021-03-01-tweede-casus: Hoe houd je" in out
    assert f"From {STEM}: Verdieping op de rollen" in out
    assert "Is deze aanpak haalbaar" not in out


# --- edit, finalize, templates -----------------------------------------------------------------


def test_edit_one_step_keeps_hand_written_comments(cli: Invoke, type_in: TypeIn,
                                                   here: Path) -> None:
    answers = here / "a.yaml"
    answers.write_text("title: Casus Later\ndate: 2021-02-01\nparticipants:\n"
                       "  - function: Toehoorder\n    session_role: toehoorder\n"
                       "plan: Plan\nrealised: Klaar\njudgement: positive\n"
                       "success_factors: [{text: Vertrouwen}]\nyields: [{text: Samen}]\n",
                       encoding="utf-8")
    assert cli("new-session", "--answers", answers).exit_code == 0
    saved = here / "sessions" / "2021-02-01-casus-later.yaml"
    edit_file(saved, ("  plan: Plan\n", "  # said by the alderman\n  plan: Plan\n"))
    result = cli("finalize", saved)
    assert result.exit_code == 1
    assert f"{saved}: not complete: Reflection of the listener (step afterwards) — add it " \
        f"with: evaltool edit {saved} --step afterwards" in result.stderr
    result = type_in([("Reflection of the listener", "Wat ik zag\\"), ("…", "en wat ik leerde"),
                      ("The listener's learning point", "Binnen is nodig"), ("Tags", "binnen"),
                      ("Confidential", ""), ("The listener's learning point", "")],
                     "edit", saved, "--step", "afterwards", "--interactive")
    assert result.exit_code == 0, result.output
    text = saved.read_text()
    assert "# said by the alderman" in text
    session = load_session(saved)
    assert session.reflection == "Wat ik zag\nen wat ik leerde"
    point = next(f for f in session.findings.values() if f.kind == "learning_point")
    assert (point.text, point.by, point.tags) == ("Binnen is nodig", "toehoorder", ["binnen"])
    result = cli("finalize", saved)
    assert result.exit_code == 0, result.output
    assert load_session(saved).status == "final"
    assert "# said by the alderman" in saved.read_text()
    assert cli("finalize", saved).stdout.strip().endswith("was final already.")
    assert cli("validate", saved).exit_code == 0


def test_edit_from_an_answers_file_and_an_unknown_step(cli: Invoke, example_copy: Path) -> None:
    result = cli("edit", example_copy, "--step", "nope", "--interactive")
    assert result.exit_code == 2
    assert "no step called 'nope'" in result.stderr
    assert "1. Setup (setup); 2. The dream / the plan (plan)" in result.stderr
    answers = example_copy.parent.parent / "plan.yaml"
    answers.write_text("plan: Een nieuwe droom.\n", encoding="utf-8")
    result = cli("edit", example_copy, "--step", "plan", "--answers", answers)
    assert result.exit_code == 0, result.output
    session = load_session(example_copy)
    assert session.casus.plan == "Een nieuwe droom."
    assert session.status == "final"
    assert len(session.findings) == 16
    assert result.stdout.startswith(f"Saved {example_copy} (step: The dream / the plan).")
    answers.write_text("plan: Een droom in het Nederlands.\n", encoding="utf-8")
    dutch = cli("--lang", "nl", "edit", example_copy, "--step", "2", "--answers", answers)
    assert f"Bewaard: {example_copy} (stap: De droom / het plan)." in dutch.stdout
    assert "plan)" not in dutch.stdout.replace("het plan)", "")  # the step's name, not its id


def test_templates_and_a_template_of_ones_own(cli: Invoke, type_in: TypeIn,
                                              here: Path) -> None:
    result = cli("templates")
    assert result.exit_code == 0
    assert "casus-evaluatie: Casus evaluation" in result.stdout
    own = here / "templates"
    own.mkdir()
    (own / "kort.yaml").write_text("""\
schema_version: 1
name: kort
label: {nl: Kort, en: Short}
steps:
  - name: yields
    title: {nl: Opbrengsten eerst, en: Yields first}
    parts:
      - kind: list
        name: yields
        target: findings
        label: {nl: Opbrengst, en: Yield}
        fixed: {kind: yield}
        questions:
          - {name: text, type: text, required: true, label: {nl: Opbrengst, en: Yield}}
          - {name: id, type: id, ask: false, default: "{slug:text}", label: {nl: Id, en: Id}}
  - name: casus
    title: {nl: Casus, en: Casus}
    parts:
      - kind: fields
        name: casus
        target: casus
        questions:
          - {name: title, type: line, required: true, label: {nl: Titel, en: Title}}
          - {name: date, type: date, required: true, label: {nl: Datum, en: Date}}
""", encoding="utf-8")
    assert "kort: Short (2 steps)" in cli("templates").stdout
    result = type_in([("Yield", "Samen leren"), ("Yield", ""), ("Title", "Eigen sjabloon"),
                      ("Date", "2021-05-01"), (REVIEW, "")], *NEW, "--template", "kort")
    assert result.exit_code == 0, result.output
    assert "step 1 of 2 · Yields first" in result.stdout
    session = load_session(here / "sessions" / "2021-05-01-eigen-sjabloon.yaml")
    assert session.findings["samen-leren"].kind == "yield"
    assert cli("new-session", "--template", "../etc", "--interactive").exit_code == 1


def test_a_broken_template_is_reported_with_its_line(cli: Invoke, here: Path) -> None:
    own = here / "templates"
    own.mkdir()
    (own / "stuk.yaml").write_text("schema_version: 1\nname: stuk\nlabel: {nl: S, en: S}\n"
                                   "steps:\n  - name: a\n    title: {nl: A, en: A}\n"
                                   "    parts: []\n", encoding="utf-8")
    result = cli("new-session", "--template", "stuk", "--interactive")
    assert result.exit_code == 1
    assert "stuk.yaml:7:12" in result.stderr


def test_defaults_in_a_terminal_are_taken_without_asking(type_in: TypeIn, here: Path) -> None:
    from datetime import date

    # The title, the description; a participant with a department and a name (the rest
    # have defaults); the rest as short as can be.
    turns = [("Title of the casus", "Casus Snel"), ("Short description", ""),
             ("Function", "Adviseur"), ("Department or team", ""), ("Name", "")]
    turns += minimal("", "", "one participant")[7:]
    result = type_in(turns, *NEW, "--defaults")
    assert result.exit_code == 0, result.output
    today = date.today().isoformat()
    assert f"Date of the meeting: {today}" in result.stdout
    assert "Organisation [Gemeente Delft]" not in result.stdout
    session = load_session(here / "sessions" / f"{today}-casus-snel.yaml")
    assert session.casus.organisation == "Gemeente Delft"
    assert session.participants["adviseur"].affiliation == "municipality"


def test_bidi_and_markup_in_what_was_typed_never_reach_the_terminal_raw(
        type_in: TypeIn, here: Path) -> None:
    title = "Casus \u202eevil\u202c [red]rood[/red]"
    result = type_in(minimal(title), *NEW)
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stdout
    assert "Title of the casus: Casus ⟨U+202E⟩evil⟨U+202C⟩ [red]rood[/red]" in result.stdout
    saved = next((here / "sessions").glob("2021-02-01-*.yaml"))
    assert load_session(saved).casus.title == title  # the file keeps what was typed


def test_an_interrupted_edit_keeps_what_was_typed(cli: Invoke, type_in: TypeIn,
                                                  example_copy: Path) -> None:
    before = example_copy.read_bytes()
    edit = ("edit", example_copy, "--step", "afterwards", "--interactive")
    result = type_in([("Reflection of the listener", "Een nieuwe reflectie \\"),
                      ("…", "over twee regels")], *edit)  # then the input ends
    assert result.exit_code == 130
    draft = example_copy.parent / ".drafts" / f"edit-{example_copy.stem}-afterwards.yaml"
    assert result.stderr.strip() == (
        f"Stopped; {example_copy} is unchanged. Your answers are kept in {draft}; "
        f"continue with: evaltool edit {example_copy} --step afterwards --resume")
    assert example_copy.read_bytes() == before
    assert "Een nieuwe reflectie" in draft.read_text(encoding="utf-8")
    # Resumed: the reflection is given again; the two learning points are kept as they are.
    result = type_in([("Number to change, -number to remove, + to add", "")], *edit, "--resume")
    assert result.exit_code == 0, result.output
    session = load_session(example_copy)
    assert session.reflection == "Een nieuwe reflectie\nover twee regels"
    assert len([f for f in session.findings.values() if f.kind == "learning_point"]) == 2
    assert session.status == "final"
    assert not draft.exists()
    assert cli("new-session", "--interactive", "--resume",
               "--sessions-dir", example_copy.parent).exit_code == 2  # not an edit's draft


def test_back_in_the_first_step_loses_nothing(type_in: TypeIn, here: Path) -> None:
    # `<` at the very first question; then back from the date to the title, kept by Enter.
    result = type_in([("Title of the casus", "<"), ("Title of the casus", "Casus Eerst"),
                      ("Date of the meeting", "<"), ("Title of the casus", ""),
                      ("Date of the meeting", "2021-02-01")], *NEW)
    assert "This is the first step." in result.stdout
    assert result.stdout.count("step 1 of 12 · Setup") == 1
    assert "Title of the casus [Casus Eerst]: " in result.stdout
    draft = next((here / "sessions" / ".drafts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "answer: Casus Eerst" in draft and "answer: '2021-02-01'" in draft


def test_the_wizard_core_returns_data_and_writes_nothing(here: Path) -> None:
    """The engine only talks to a Prompter; the command layer does the files."""
    from evaltool.session.yamlreader import Document, parse_text
    from evaltool.wizard.data import build_session
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.prompter import AnswersPrompter

    text = ("title: Casus Kern\ndate: 2021-02-01\nparticipants:\n  - function: Adviseur\n"
            "positions:\n  '1':\n    quadrants: 2, samenwerkend\n")
    document = Document(path=Path("answers.yaml"), text=text,
                        data=parse_text(text, Path("answers.yaml")))
    prompter = AnswersPrompter(document)
    changes: list[int] = []
    wizard = Wizard(load_template(), load_vocabulary(), prompter,
                    on_change=lambda state: changes.append(state.position))
    data = wizard.run()
    assert prompter.problems == [] and prompter.unused({}) == []
    session = build_session(data, session_id="2021-02-01-casus-kern",
                            vocabulary=load_vocabulary())
    assert session.participants["adviseur"].position.quadrants == [
        "performing_government", "networking_government"]  # by number and by label
    assert changes[-1] == len(load_template().steps)  # the state went to the review
    assert list(here.iterdir()) == []


# --- found in review: nothing typed is ever lost ----------------------------------------------


def test_a_resume_keeps_the_draft_whole_until_the_answers_are_given_again(
        cli: Invoke, type_in: TypeIn, here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Killed at the first question after --resume, the draft still holds every answer."""
    from evaltool.wizard.prompter import TerminalPrompter

    turns = [("Title of the casus", "Casus Heel"), ("Date of the meeting", "2021-02-01"),
             ("Organisation", ""), ("Learning route", ""), ("Number of the meeting", ""),
             ("Short description", "Een beschrijving"), ("Function", "Adviseur"),
             ("Department or team", ""), ("Organisation", ""), ("Which side", ""),
             ("Attendance", ""), ("Role in this session", ""), ("Name", "Anna")]
    result = type_in(turns, *NEW)  # the input ends in the middle of the participants
    assert result.exit_code == 130
    draft = next((here / "sessions" / ".drafts").glob("*.yaml"))
    before = draft.read_text(encoding="utf-8")
    assert "answer: Anna" in before

    on_disk: list[str] = []

    def killed(self: TerminalPrompter, question: Any) -> str:
        on_disk.append(draft.read_text(encoding="utf-8"))  # what a SIGKILL here leaves
        raise KeyboardInterrupt

    monkeypatch.setattr(TerminalPrompter, "ask", killed)
    result = cli("new-session", "--interactive", "--resume", draft)
    assert result.exit_code == 130
    for text in (*on_disk, draft.read_text(encoding="utf-8")):
        for answer in ("Casus Heel", "Een beschrijving", "Adviseur", "Anna"):
            assert f"answer: {answer}" in text
    assert "Name (may stay empty): Anna" in result.stdout  # given again, and shown


def test_back_keeps_what_was_typed_in_the_step_and_gives_it_again(
        type_in: TypeIn, here: Path) -> None:
    turns = [*setup("Casus Terug", "2021-02-01", "Adviseur; ; ; ; ; toehoorder"), *PLAN]
    turns += [("SDG", ">")]  # no SDGs
    turns += [("What worked", "Vertrouwen"), ("Tags", ""), ("Confidential", ""),
              ("What worked", "Lef"), ("Tags", "moed"), ("Confidential", "ja")]  # two factors
    # back over each answer of the step, one question at a time
    turns += [("What worked", "<"), ("Confidential", "<"), ("Tags", "<"), ("What worked", "<"),
              ("Confidential", "<"), ("Tags", "<")]
    turns += [("What worked", "<")]  # and back from its first question to the step before
    before_back = len(turns)
    turns += [("SDG", ">")]  # SDGs again: skipped again; the success factors come back
    result = type_in(turns, *NEW)
    assert result.exit_code == 130
    draft = next((here / "sessions" / ".drafts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "answer: Vertrouwen" in draft and "answer: Lef" in draft and "answer: moed" in draft
    out = result.stdout
    assert "Confidential (never published) [ja]: " in out  # back one: the answer is ready
    assert out.count("step 5 of 12 · Success factors") == 2
    assert "What worked (Enter when done): Vertrouwen" in out  # given again, shown
    # Stopped right after `<`, the draft keeps them too, and a resume gives them again.
    # Enter: not the draft, a new one
    result = type_in([("Number of a draft to continue it", ""), *turns[:before_back]], *NEW)
    assert result.exit_code == 130
    assert "Unfinished drafts:" in result.stdout
    draft_path = result.stderr.strip().rsplit(" ", 1)[1]
    assert "answer: Lef" in Path(draft_path).read_text(encoding="utf-8")
    rest = [("SDG", ">"), ("What worked", "")]  # the SDGs skipped; no more success factors
    # no attention points, NSOB place, roles; no talents
    rest += [*nothing("What was hard", "attention points"), ("Quadrant", ""), ("Roles", ""),
             ("Talent or competence", ">")]
    rest += [*nothing("Yield", "yields"), *nothing("Wish", "wishes"),  # nothing more; save
             *nothing("Discussion topic", "discussion topics"), *END]
    result = type_in(rest, *NEW, "--resume", draft_path)
    assert result.exit_code == 0, result.output
    saved = load_session(here / "sessions" / "2021-02-01-casus-terug.yaml")
    factors = [f for f in saved.findings.values() if f.kind == "success_factor"]
    assert [(f.text, f.tags, f.confidential) for f in factors] == [
        ("Vertrouwen", [], False), ("Lef", ["moed"], True)]


def test_a_key_of_another_step_names_that_step(cli: Invoke, example_copy: Path) -> None:
    answers = example_copy.parent.parent / "plan.yaml"
    answers.write_text("plan: Een nieuwe droom.\nrealised: Veel.\n", encoding="utf-8")
    before = example_copy.read_bytes()
    result = cli("edit", example_copy, "--step", "plan", "--answers", answers)
    assert result.exit_code == 1
    assert f"{answers}:2:1: realised belongs to step 'realised', which is not run here — " \
        "use --step realised for that step" in result.stderr
    assert "did you mean" not in result.stderr
    assert example_copy.read_bytes() == before


def test_templates_fails_on_a_broken_template_with_a_hint_about_templates(
        cli: Invoke, here: Path) -> None:
    own = here / "templates"
    own.mkdir()
    (own / "stuk.yaml").write_text("schema_version: 1\nname: stuk\nsteps:\n  - name: a\n"
                                   "    title: {nl: A, en: A}\n    parts: []\n", encoding="utf-8")
    result = cli("templates")
    assert result.exit_code == 1
    assert "casus-evaluatie: Casus evaluation" in result.stdout  # the good ones are listed
    assert "templates/stuk.yaml:1:1: label is missing — compare it with the bundled " \
        "template casus-evaluatie.yaml" in result.stderr
    assert "sessions/" not in result.stderr


def test_templates_counts_the_steps_as_the_wizard_does(cli: Invoke, type_in: TypeIn,
                                                        here: Path) -> None:
    line = cli("templates").stdout.splitlines()[0]
    assert line.endswith("(12 steps; +1 when earlier sessions left follow-ups open)")
    shown = type_in([("Title of the casus", "Casus Tellen")], *NEW).stdout
    assert "step 1 of 12 · Setup" in shown


def test_edit_with_an_answers_file_adds_to_a_list_and_says_so(
        cli: Invoke, example_copy: Path) -> None:
    def factors() -> list[str]:
        return [f.text for f in load_session(example_copy).findings.values()
                if f.kind == "success_factor"]

    before = factors()
    assert len(before) == 4
    answers = example_copy.parent.parent / "factors.yaml"
    answers.write_text("success_factors:\n  - text: Lef van de wethouder.\n", encoding="utf-8")
    result = cli("edit", example_copy, "--step", "success_factors", "--answers", answers)
    assert result.exit_code == 0, result.output
    assert factors() == [*before, "Lef van de wethouder."]
    assert "Success factor: 4 before, 5 now" in result.stdout


def test_sdgs_in_the_review_by_name_one_at_a_time_and_the_keys_on_a_reopened_step(
        type_in: TypeIn, here: Path) -> None:
    turns = setup("Casus SDG", "2021-02-01", "Adviseur; ; ; ; ; toehoorder")
    turns += [("The dream / the plan", "Plan"), ("Realised", "Klaar"),
              ("Overall judgement", "positief"), ("Note on the judgement", "")]
    # two SDGs at once are refused; then one at a time, by number and by name
    turns += [("SDG", "4, 7"), ("SDG", "4"), ("How it contributed", ""), ("SDG", "SDG 7"),
              ("How it contributed", ""), ("SDG", "")]
    turns += [("What worked", "Vertrouwen"), ("Tags", ""), ("Confidential", ""),
              ("What worked", ""), *nothing("What was hard", "attention points"),
              ("Quadrant", ""), ("Roles", ""), ("Talent or competence", ">")]
    turns += [("Yield", "Samen"), ("Tags", ""), ("Confidential", ""), ("Yield", ""),
              *nothing("Wish", "wishes"), *nothing("Discussion topic", "discussion topics")]
    # the review: open the SDGs, keep them, back to the review; save
    turns += [*END[:-1], (REVIEW, "4"), ("Number to change, -number to remove, + to add", ""),
              (REVIEW, "")]
    result = type_in(turns, *NEW)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "one SDG at a time: type 4 now; the next one is asked after its note" in out
    assert "• SDG 4 Quality Education" in out and "• SDG 7 Affordable and Clean Energy" in out
    assert out.count("Ctrl-C: stop") == 2  # at the start, and on the step opened again
    saved = load_session(here / "sessions" / "2021-02-01-casus-sdg.yaml")
    assert [s.goal for s in saved.casus.sdgs] == [4, 7]


def test_an_answers_file_may_list_sdgs_and_other_entries_as_plain_values(
        cli: Invoke, here: Path) -> None:
    answers = here / "answers.yaml"
    answers.write_text("title: Casus Kort\ndate: 2021-02-01\nparticipants: [Adviseur]\n"
                       "sdgs: [4, SDG 7]\nsuccess_factors: [Vertrouwen]\n", encoding="utf-8")
    result = cli("new-session", "--answers", answers, "--defaults")
    assert result.exit_code == 0, result.output
    session = load_session(here / "sessions" / "2021-02-01-casus-kort.yaml")
    assert [s.goal for s in session.casus.sdgs] == [4, 7]
    assert [p.function for p in session.participants.values()] == ["Adviseur"]
    assert [f.text for f in session.findings.values()] == ["Vertrouwen"]
