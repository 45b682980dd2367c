"""Follow-up threads: a new question may continue an open question of an earlier meeting of
the route, picked from a numbered list (it sets `continues: <session-id>#<follow-up-id>`)."""

from __future__ import annotations

from pathlib import Path

from conftest import TypeIn
from evaltool.session.store import load_session
from inputs import Turn
from test_wizard import NEW, minimal

MUSIUS = "2021-01-28-casus-cornelis-musius"
SECOND = Path("sessions/2021-04-22-casus-groen.yaml")
QUESTION = "Follow-up question"


def with_follow_ups(turns: list[Turn], *follow_ups: Turn) -> list[Turn]:
    """`turns` of a session without follow-ups, with these turns for them instead."""
    at = turns.index((QUESTION, ""))
    return [*turns[:at], *follow_ups, (QUESTION, ""), *turns[at + 2:]]


def second_meeting(*follow_ups: Turn) -> list[Turn]:
    """The second meeting of the route, as short as can be but for these turns for its
    follow-ups; first Enter (kept open) at each of the four open follow-ups of meeting 1."""
    turns = minimal("Casus Groen", "22-04-2021", "Wijkregisseur;")
    plan = turns.index(("The dream / the plan", "Plan"))
    turns[plan:plan] = [("Status now", ""), ("Note", "")] * 4
    return with_follow_ups(turns, *follow_ups)


def test_a_new_question_continues_an_earlier_one_picked_by_its_number(
        type_in: TypeIn, workfolder: Path) -> None:
    result = type_in(second_meeting(
        (QUESTION, "Verdieping op de rollen, nu over talenten. @Publiek Ondernemers ^4"),
        (QUESTION, "Wie beheert het plein? @Wijkregisseur")), *NEW)
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "Open questions of earlier meetings (a new question that continues one: end it " \
        "with ^number): 1. meeting 1, 2021-01-28: Is deze aanpak haalbaar" in said
    assert "4. meeting 1, 2021-01-28: Verdieping op de rollen" in said
    saved = load_session(SECOND)
    threads = {f.continues: f for f in saved.follow_ups.values() if f.continues}
    assert sorted(threads) == [f"{MUSIUS}#fu-{n}" for n in (1, 2, 3, 4)]  # one each
    assert threads[f"{MUSIUS}#fu-4"].question == "Verdieping op de rollen, nu over talenten."
    assert threads[f"{MUSIUS}#fu-4"].owner == "Publiek Ondernemers"
    assert threads[f"{MUSIUS}#fu-1"].question.startswith("Is deze aanpak haalbaar")
    new = [f for f in saved.follow_ups.values() if not f.continues]
    assert [(f.question, f.owner) for f in new] == [("Wie beheert het plein?", "Wijkregisseur")]


def test_question_by_question_it_is_asked_with_the_list(type_in: TypeIn,
                                                         workfolder: Path) -> None:
    result = type_in(second_meeting(
        (QUESTION, "Hoe houden we de motivatie vast?"), ("Owner", ""),
        ("Continues an earlier question", "3"), ("Due", "")), *NEW)
    assert result.exit_code == 0, result.output
    assert "Continues an earlier question (number; may stay empty)" in result.stdout
    saved = load_session(SECOND)
    thread = next(f for f in saved.follow_ups.values()
                  if f.continues == f"{MUSIUS}#fu-3")
    assert thread.question == "Hoe houden we de motivatie vast?"


def test_a_number_that_is_no_earlier_question_is_refused(type_in: TypeIn,
                                                          workfolder: Path) -> None:
    result = type_in(second_meeting((QUESTION, "Een vraag ^9"), (QUESTION, "Een vraag ^2")),
                     *NEW)
    assert result.exit_code == 0, result.output
    assert "'9' is not one of the earlier questions; type a number from 1 to 4" \
        in " ".join(result.stdout.split())


def test_without_earlier_questions_it_is_not_asked(type_in: TypeIn, here: Path) -> None:
    # one follow-up: its owner, then its due date
    turns = with_follow_ups(minimal("Casus Eerst", "2021-01-28", "A;"),
                            (QUESTION, "Een vraag"), ("Owner", ""), ("Due", ""))
    result = type_in(turns, *NEW)
    assert result.exit_code == 0, result.output
    assert "Continues an earlier question" not in result.stdout
    assert "Open questions of earlier meetings" not in result.stdout
