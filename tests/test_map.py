"""The NSOB map: numbers readable at WCAG AA contrast, border people on the border, and the
map in the Markdown report too."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from conftest import Invoke
from evaltool.report.render.svg import render_map
from evaltool.report.summary import summarize_session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from inputs import ROUTE_FILES, write_session

SVG = "{http://www.w3.org/2000/svg}"


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _figure(session: Path) -> ElementTree.Element:
    summary = summarize_session(load_session(session), load_vocabulary(), language="nl")
    people = {p["id"]: p for p in summary["participants"]}
    svg = render_map(summary["map"], people, "nl")
    return ElementTree.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ',
                                              1))


def test_the_contrast_check_knows_the_old_failure() -> None:
    # Black digits on the blue half of the old half-filled marker: 3.7:1, below AA.
    assert _contrast("#000000", "#1f6f8b") < 4.5 < _contrast("#000000", "#ffffff")


def test_every_number_on_the_map_stands_on_its_own_disc_at_aa_contrast(example: Path) -> None:
    for session in (example, *ROUTE_FILES):
        figure = _figure(session)
        markers = figure.iter(f"{SVG}g")
        checked = 0
        for group in markers:
            if group.get("class") != "marker":
                continue
            shapes = list(group)
            disc = next(s for s in shapes if s.get("class") == "disc")
            digits = shapes[-1]
            # The number is drawn last, on the disc, which is drawn over the ring.
            assert digits.tag == f"{SVG}text" and shapes.index(disc) == len(shapes) - 2
            assert float(disc.get("r", 0)) >= 7
            assert _contrast(digits.get("fill", ""), disc.get("fill", "")) >= 4.5
            checked += 1
        assert checked >= 5, session


def test_border_markers_are_centred_on_the_border_line(example: Path) -> None:
    figure = _figure(example)
    quadrants = {g.get("data-quadrant"): g.find(f"{SVG}rect") for g in figure.iter(f"{SVG}g")
                 if g.get("class") == "quadrant"}
    performing, networking = quadrants["performing_government"], quadrants["networking_government"]
    line = float(performing.get("x")) + float(performing.get("width"))
    assert line == float(networking.get("x"))
    border = next(g for g in figure.iter(f"{SVG}g") if g.get("class") == "border")
    discs = [c for c in border.iter(f"{SVG}circle") if c.get("class") == "disc"]
    assert len(discs) == 2
    assert all(float(disc.get("cx")) == line for disc in discs)


def test_the_markdown_report_carries_the_map(cli: Invoke, example: Path) -> None:
    markdown = cli("--lang", "nl", "summarize", "-f", "markdown", example).stdout
    grid = re.search(r"^```text\n(.*?)\n```$", markdown, re.S | re.M)
    assert grid, markdown[:500]
    rows = grid.group(1).splitlines()
    row = next(line for line in rows if "Presterende overheid" in line)
    assert [cell.strip() for cell in row.split("│")[1:-1]] == [
        "Presterende overheid", "op het grensvlak", "Samenwerkende overheid"]
    assert "1. Projectleider" in grid.group(1) and "5. Partner in Publiek" in grid.group(1)
    assert max(len(line) for line in rows) <= 80


def test_a_backtick_fence_in_a_label_cannot_end_the_map(cli: Invoke, example: Path,
                                                       tmp_path: Path) -> None:
    session = tmp_path / "fence.yaml"
    write_session(session, {"participants.beleidsadviseur-energie.function":
                            "Beleidsadviseur ```` Energie"}, source=example)
    markdown = cli("summarize", "-f", "markdown", session).stdout
    assert "`````text\n" in markdown  # a fence longer than any run of backticks inside
