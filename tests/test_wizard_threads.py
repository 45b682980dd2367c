"""Follow-up threads: a new question may continue an open question of an earlier meeting of
the route, picked from a numbered list (it sets `continues: <session-id>#<follow-up-id>`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke
from evaltool.session.store import load_session

MUSIUS = "2021-01-28-casus-cornelis-musius"


@pytest.fixture
def route(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / example.name).write_bytes(example.read_bytes())
    return tmp_path / "sessions"


def second_meeting(*follow_ups: str) -> list[str]:
    lines = ["Casus Groen", "22-04-2021", "", "", "", "", "Wijkregisseur;", ""]
    lines += ["", ""] * 4  # the four open follow-ups of meeting 1: Enter (kept open)
    lines += ["Plan", "Klaar", "", "", "", "y", "", "y", "", "y", "", "", ">"]
    lines += ["", "y"] * 3
    lines += [*follow_ups, "", ""]  # the follow-ups, done; nothing for the next session
    return [*lines, "", "", "y", ""]  # no reflection nor learning points; save


def test_a_new_question_continues_an_earlier_one_picked_by_its_number(
        cli: Invoke, route: Path) -> None:
    result = cli("new-session", "--interactive", input="\n".join(second_meeting(
        "Verdieping op de rollen, nu over talenten. @Publiek Ondernemers ^4",
        "Wie beheert het plein? @Wijkregisseur")) + "\n")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "Open questions of earlier meetings (a new question that continues one: end it " \
        "with ^number): 1. meeting 1, 2021-01-28: Is deze aanpak haalbaar" in said
    assert "4. meeting 1, 2021-01-28: Verdieping op de rollen" in said
    saved = load_session(route / "2021-04-22-casus-groen.yaml")
    threads = {f.continues: f for f in saved.follow_ups.values() if f.continues}
    assert sorted(threads) == [f"{MUSIUS}#fu-{n}" for n in (1, 2, 3, 4)]  # one each
    assert threads[f"{MUSIUS}#fu-4"].question == "Verdieping op de rollen, nu over talenten."
    assert threads[f"{MUSIUS}#fu-4"].owner == "Publiek Ondernemers"
    assert threads[f"{MUSIUS}#fu-1"].question.startswith("Is deze aanpak haalbaar")
    new = [f for f in saved.follow_ups.values() if not f.continues]
    assert [(f.question, f.owner) for f in new] == [("Wie beheert het plein?", "Wijkregisseur")]


def test_question_by_question_it_is_asked_with_the_list(cli: Invoke, route: Path) -> None:
    result = cli("new-session", "--interactive", input="\n".join(second_meeting(
        "Hoe houden we de motivatie vast?", "", "3", "")) + "\n")
    assert result.exit_code == 0, result.output
    assert "Continues an earlier question (number; may stay empty)" in result.stdout
    saved = load_session(route / "2021-04-22-casus-groen.yaml")
    thread = next(f for f in saved.follow_ups.values()
                  if f.continues == f"{MUSIUS}#fu-3")
    assert thread.question == "Hoe houden we de motivatie vast?"


def test_a_number_that_is_no_earlier_question_is_refused(cli: Invoke, route: Path) -> None:
    result = cli("new-session", "--interactive", input="\n".join(second_meeting(
        "Een vraag ^9", "Een vraag ^2")) + "\n")
    assert result.exit_code == 0, result.output
    assert "'9' is not one of the earlier questions; type a number from 1 to 4" \
        in " ".join(result.stdout.split())


def test_without_earlier_questions_it_is_not_asked(cli: Invoke, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    lines = ["Casus Eerst", "2021-01-28", "", "", "", "", "A;", "", "Plan", "Klaar", "", "",
             "", "y", "", "y", "", "y", "", "", ">", "", "y", "", "y", "", "y",
             "Een vraag", "", "", "", "", "", "", "y", ""]
    result = cli("new-session", "--interactive", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "Continues an earlier question" not in result.stdout
    assert "Open questions of earlier meetings" not in result.stdout
