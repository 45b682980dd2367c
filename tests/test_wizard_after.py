"""After the last step: the review, what comes next, and `edit` finding the step to run."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke, TypeIn
from evaltool.session.store import load_session
from evaltool.wizard import drafts
from evaltool.wizard.data import session_answers
from evaltool.wizard.state import WizardState
from evaltool.wizard.template import load_template
from test_wizard import NEW, REVIEW, minimal
from test_wizard_keys import keystrokes

# --- what comes next -------------------------------------------------------------------------


def test_a_complete_session_points_to_finalize_and_the_report(cli: Invoke, here: Path) -> None:
    result = cli("new-session", "--interactive", input="\n".join(keystrokes()) + "\n")
    path = "sessions/2021-01-28-casus-cornelis-musius.yaml"
    assert result.stdout.strip().splitlines()[-3:] == [
        f"Enter to save, or a step's number to change it: Saved {path}",
        f"Complete: make it final with: evaltool finalize {path}",
        f"The report: evaltool summarize {path}"]


def test_an_incomplete_one_says_what_is_missing_and_which_step_adds_it(
        type_in: TypeIn, here: Path) -> None:
    result = type_in(minimal("Casus Half", "2021-02-01", "Adviseur;"), *NEW)
    path = "sessions/2021-02-01-casus-half.yaml"
    assert result.stdout.strip().splitlines()[-4:] == [
        f"Enter to save, or a step's number to change it: Saved {path}",
        "Before it can be final: a participant with the role listener-reporter (Setup); "
        "Overall judgement (Realised); at least 1 × Success factor (Success factors); at "
        "least 1 × Yield (Yields); Reflection of the listener (Afterwards)",
        f"Add it with: evaltool edit {path} --step setup",
        f"The report: evaltool summarize {path}"]


# --- the review ------------------------------------------------------------------------------


def review_of(here: Path, data: dict[str, object]) -> Path:
    sessions = here / "sessions"
    drafts.prepare(sessions)
    state = WizardState("casus-evaluatie", position=len(load_template().steps), data=data)
    return drafts.create(sessions, state, "")


def test_the_review_marks_confidential_items_names_each_list_and_what_final_needs(
        type_in: TypeIn, here: Path, example: Path) -> None:
    data = session_answers(load_session(example))
    data.pop("reflection")
    data["findings"]["kennis-delen"]["confidential"] = "true"
    draft = review_of(here, data)
    result = type_in([(REVIEW, "x"), (REVIEW, "12")], *NEW, "--resume", draft)
    said = " ".join(result.stdout.split())
    assert "Yields (4): • De projectleider met zijn kennis" in said
    assert "Wishes (1): • De ervaring en kennis die ieder afzonderlijk" in said
    assert "(samenwerking, integraal-werken, confidential)" in said
    assert "• SDG 4 Quality Education: Draagt bij aan het verbeteren van educatie" in said
    assert "Still needed before it can be final: Reflection of the listener (Afterwards)" in said
    # A wrong answer: said under a short question again, not above the whole review again.
    assert result.stdout.count("Everything before it is saved") == 1
    assert "✗ type a number from 1 to 12, or Enter to save" in said
    assert "step 12 of 12 · Afterwards" in said


def test_wrapped_lines_of_the_review_are_indented_under_their_text(
        type_in: TypeIn, here: Path, example: Path) -> None:
    draft = review_of(here, session_answers(load_session(example)))
    result = type_in([(REVIEW, "x")], *NEW, "--resume", draft, env={"COLUMNS": "60"})
    lines = result.stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "• Het draagvlak ontstond" in line)
    assert lines[start].startswith("   • ")
    assert lines[start + 1].startswith("     ") and lines[start + 1].strip()  # under the text
    assert all(len(line) <= 60 for line in lines[start:start + 20])


# --- edit finds its step ----------------------------------------------------------------------


@pytest.mark.parametrize(("wanted", "step"), [
    ("2", "step 2 of 12 · The dream / the plan"), ("plan", "step 2 of 12"),
    ("Realised", "step 3 of 12 · Realised"), ("gerealiseerd", "step 3 of 12 · Realised"),
    ("de droom / het plan", "step 2 of 12"), ("naderhand", "step 12 of 12 · Afterwards"),
    ("Rollen, stap 2", "step 8 of 12 · Roles, step 2"),
])
def test_edit_takes_a_step_by_number_title_or_name(cli: Invoke, example_copy: Path,
                                                   wanted: str, step: str) -> None:
    result = cli("edit", example_copy, "--step", wanted, "--interactive", input="\n" * 30)
    assert result.exit_code == 0, result.output
    assert step in result.stdout


def test_edit_refuses_a_step_it_cannot_tell(cli: Invoke, example_copy: Path) -> None:
    result = cli("edit", example_copy, "--step", "rollen", "--interactive")
    assert result.exit_code == 2
    assert "no step called 'rollen'" in result.stderr
    assert "7. Roles, step 1: place in the NSOB model (positions); 8. Roles, step 2" \
        in result.stderr


def test_edit_without_a_step_lists_them_and_asks(cli: Invoke, type_in: TypeIn,
                                                 example_copy: Path) -> None:
    result = cli("edit", example_copy)  # no terminal: the list, in the error
    assert result.exit_code == 2
    assert "which step? Use --step with a number, title or name" in result.stderr
    assert "1. Setup (setup); 2. The dream / the plan (plan)" in result.stderr
    result = type_in([("Welke stap", "zz"), ("Welke stap", "3"), ("Gerealiseerd", ""),
                      ("Oordeel over het geheel", ""), ("Toelichting op het oordeel", "")],
                     "--lang", "nl", "edit", example_copy, "--interactive")
    assert result.exit_code == 0, result.output
    assert "De stappen:" in result.stdout and "3. Gerealiseerd (realised)" in result.stdout
    assert "✗ typ een nummer van 1 tot en met 12" in result.stdout
    assert "stap 3 van 12 · Gerealiseerd" in result.stdout
