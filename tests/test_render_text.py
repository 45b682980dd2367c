"""The terminal report: readable at 80 and at 40 columns, no colour unless on a terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from conftest import Invoke
from evaltool.report.render.text import console_for, render
from evaltool.report.summary import digest, route_summary, summarize_session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from inputs import ROUTE_FILES

PEOPLE = ["Projectleider Onderwijshuisvesting", "Programmeur Onderwijshuisvesting",
          "Beleidsadviseur Energie", "Subsidieadviseur", "Partner in Publiek Ondernemen",
          "Projectleider vanuit de school"]


def _print(summary: dict, width: int) -> str:
    stream = io.StringIO()
    console = console_for(stream, width=width, color=False)
    console.print(render(summary, width))
    return stream.getvalue()


def _flat(output: str) -> str:
    """The words of a report, whatever the wrapping and the table borders."""
    return " ".join(re.sub(r"[│┃║|┌┐└┘├┤┬┴┼─━]", " ", output).split())


@pytest.fixture(scope="module")
def session_summary() -> dict:
    example = Path(__file__).resolve().parents[1] / "sessions" / \
        "2021-01-28-casus-cornelis-musius.yaml"
    return summarize_session(load_session(example), load_vocabulary(), language="nl")


@pytest.fixture(scope="module")
def overview() -> dict:
    digests = [digest(load_session(p)) for p in ROUTE_FILES]
    return route_summary(digests, load_vocabulary(), language="en")


@pytest.mark.parametrize("width", [80, 40])
def test_one_session_fits_the_width_and_keeps_everyone(session_summary: dict,
                                                       width: int) -> None:
    output = _print(session_summary, width)
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in output  # nothing cut off
    flat = _flat(output).casefold()  # people by function, lower-case in running text
    for person in PEOPLE:
        assert person.casefold() in flat, (width, person)
    flat = _flat(output)
    for heading in ("Rollen en talenten", "Succesfactoren", "Aandachtspunten",
                    "Opbrengsten", "Reflectie en leerpunten van de toehoorder",
                    "Gespreksonderwerpen", "Vervolgvragen"):
        assert heading in flat, (width, heading)
    for quadrant in ("Presterende overheid", "Samenwerkende overheid", "Rechtmatige overheid",
                     "Responsieve overheid"):
        assert quadrant in flat
    # The axes are labelled; the border participants are marked as such.
    for axis in ("resultaatgericht", "waardegericht", "van binnen naar buiten",
                 "van buiten naar binnen"):
        assert axis in flat, (width, axis)
    assert "SDG 4 Kwaliteitsonderwijs" in flat
    assert "eigenaar: Publiek Ondernemers" in flat


def test_at_80_columns_the_map_is_a_grid_with_the_border_in_the_middle(
        session_summary: dict) -> None:
    output = _print(session_summary, 80)
    row = next(line for line in output.splitlines() if "Presterende overheid" in line)
    cells = [cell.strip() for cell in row.split("│")[1:-1]]
    assert cells == ["Presterende overheid", "op het grensvlak", "Samenwerkende overheid"]
    assert "stadsgericht + intern gericht" in _flat(output)


def test_at_40_columns_the_map_becomes_a_list_of_corners(session_summary: dict) -> None:
    output = _print(session_summary, 40)
    figure = output.split("Rollen en talenten")[1].split("De vier overheidsperspectieven")[0]
    assert "Presterende overheid" in figure and "┌" not in figure
    flat = _flat(output)
    assert "↖ Presterende overheid (van binnen naar buiten, resultaatgericht)" in flat
    assert "Op het grensvlak van presterend en samenwerkend 1. Projectleider " \
           "Onderwijshuisvesting" in flat


@pytest.mark.parametrize("width", [80, 40])
def test_the_overview_fits_the_width(overview: dict, width: int) -> None:
    output = _print(overview, width)
    assert max(len(line) for line in output.splitlines()) <= width
    assert "…" not in output  # nothing cut off
    flat = _flat(output)
    assert "Learning route Excellent Faciliteren: overview" in flat
    assert "22 April 2021: lawful 1 (+1), performing 2, networking 1 (-2), responsive 3 (+2)" \
        in flat or "1 (+1) 2 1 (-2) 3 (+2)" in flat
    assert "6 opened, 1 closed, 5 still open" in flat


def test_no_colour_when_not_a_terminal_or_no_color(cli: Invoke, example: Path) -> None:
    piped = cli("summarize", example)
    assert piped.exit_code == 0
    assert "\x1b[" not in piped.stdout
    forced = cli("summarize", example, env={"NO_COLOR": "1", "FORCE_COLOR": "1",
                                            "TERM": "xterm-256color"})
    assert "\x1b[" not in forced.stdout


def test_colour_on_a_real_terminal_unless_no_color(example: Path, tmp_path: Path) -> None:
    import os
    import sys

    import pexpect

    evaltool = Path(sys.executable).parent / "evaltool"
    command = f"{evaltool} summarize --width 80 {example}"
    env = {**os.environ, "TERM": "xterm-256color", "EVALTOOL_LANG": "en"}
    env.pop("NO_COLOR", None)
    coloured = pexpect.run(command, env=env, timeout=60, encoding="utf-8")
    assert "\x1b[" in coloured
    plain = pexpect.run(command, env={**env, "NO_COLOR": "1"}, timeout=60, encoding="utf-8")
    assert "\x1b[" not in plain
    assert "Performing government" in plain
