"""Participants renamed and removed: what refers to them follows, or is named first."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Invoke
from evaltool.session.store import load_session
from test_wizard_problems import scripted


def learning_points_by(path: Path) -> list[str | None]:
    return [f.by for f in load_session(path).findings.values() if f.kind == "learning_point"]


def test_a_new_id_takes_every_reference_along(cli: Invoke, example_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    assert learning_points_by(example_copy) == ["toehoorder", "toehoorder"]
    scripted(monkeypatch, [("menu", "6"), ("Short id in the file", "verslaglegger")])
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert result.exit_code == 0, result.output
    assert "toehoorder is now verslaglegger; changed with it: the author of 2 findings" \
        in result.stdout
    session = load_session(example_copy)
    assert list(session.participants)[5] == "verslaglegger"
    assert learning_points_by(example_copy) == ["verslaglegger", "verslaglegger"]
    assert cli("validate", example_copy).exit_code == 0


def test_an_id_in_use_is_refused_with_the_reason(cli: Invoke, example_copy: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    before = example_copy.read_bytes()
    scripted(monkeypatch, [("menu", "6"), ("Short id in the file", "partner-po")])
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert "'partner-po' is used already; choose another" in result.stdout
    assert example_copy.read_bytes() == before  # then Enter: the id as it was


def test_removing_someone_others_refer_to_asks_first_and_says_what_goes(
        cli: Invoke, example_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = example_copy.read_bytes()
    asked = scripted(monkeypatch, [("menu", "-6"), ("toehoorder", "n")])
    cli("edit", example_copy, "--step", "setup", "--interactive")
    question = next(a.label for a in asked if a.kind == "confirm")
    assert question == ("Remove Partner in Publiek Ondernemen (toehoorder)? They are no "
                        "longer named as the author of 2 findings. (y/n)")
    assert example_copy.read_bytes() == before  # no: nothing went

    asked = scripted(monkeypatch, [("menu", "-1"), ("Projectleider", "y")])
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert result.exit_code == 0, result.output
    question = next(a.label for a in asked if a.kind == "confirm")
    assert "With them go their place in the NSOB model, 5 roles." in question
    assert "projectleider-ohv" not in load_session(example_copy).participants


def test_yes_removes_the_references_too(cli: Invoke, example_copy: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    scripted(monkeypatch, [("menu", "-6"), ("toehoorder", "y")])
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert result.exit_code == 0, result.output
    assert learning_points_by(example_copy) == [None, None]
    assert "Participant: 7 before, 6 now" in result.stdout
    assert cli("validate", example_copy).exit_code == 0


def test_someone_nothing_refers_to_goes_at_once(cli: Invoke, example_copy: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    asked = scripted(monkeypatch, [("menu", "-7")])  # the school's project leader
    result = cli("edit", example_copy, "--step", "setup", "--interactive")
    assert result.exit_code == 0, result.output
    assert not [a for a in asked if a.kind == "confirm"]
    assert "projectleider-school" not in load_session(example_copy).participants
