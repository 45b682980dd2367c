"""The overview of a long learning route: a streaming fold that lists a bounded part."""

from __future__ import annotations

import copy
import random

import pytest

from evaltool.report.privacy import Scrubber
from evaltool.report.render.markdown import render as render_markdown
from evaltool.report.render.text import render_to_string
from evaltool.report.summary import MAX_LISTED, RouteOverview, digest, route_summary
from evaltool.session.dutchnames import parse_name
from evaltool.session.namefinder import Known
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from inputs import ROUTE_FILES

COUNT = MAX_LISTED * 2 + 7


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="module")
def many():
    """COUNT digests made from the three of the route fixture, one session a week."""
    base = [digest(load_session(path)) for path in ROUTE_FILES]
    result = []
    for number in range(COUNT):
        item = copy.deepcopy(base[number % 3])
        item["id"] = f"s{number:04d}"
        item["date"] = f"{2000 + number // 50}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        item["session_number"] = number + 1
        for fu in item["follow_ups"]:
            fu["continues"] = None
        result.append(item)
    return result


def test_a_long_route_lists_the_latest_sessions_and_counts_them_all(many, vocabulary) -> None:
    summary = route_summary(many, vocabulary, language="en")
    assert len(summary["sessions"]) == MAX_LISTED
    assert summary["omitted"]["sessions"] == COUNT - MAX_LISTED
    latest = sorted(many, key=lambda d: (d["date"], d["session_number"], d["id"]))
    assert [s["id"] for s in summary["sessions"]] == [d["id"] for d in latest[-MAX_LISTED:]]
    assert summary["omitted"]["since"] == latest[0]["date"]
    # The first listed session still shows its change from the one before it.
    assert summary["quadrants"]["per_session"][0]["change"] is not None
    # Counts stay exact: each fixture session tags "rollen", so every session does.
    tags = {t["tag"]: t for t in summary["recurring"]["tags"]}
    assert tags["rollen"]["count"] == COUNT
    assert len(tags["rollen"]["sessions"]) == MAX_LISTED
    goals = {s["goal"]: s for s in summary["sdgs"]}
    assert goals[11]["count"] == COUNT  # every fixture session has SDG 11
    fus = summary["follow_ups"]
    opened = sum(len(d["follow_ups"]) for d in many)
    assert fus["opened"] == opened and fus["open"] + fus["closed"] == opened
    shown_open = [i for i in fus["items"] if not i["closed_on"]]
    assert len(shown_open) == MAX_LISTED
    assert summary["omitted"]["open_follow_ups"] == fus["open"] - MAX_LISTED
    roles = {r["key"]: r for r in summary["roles"]}
    assert roles["co_creator"]["sessions"] == COUNT


def test_a_long_route_does_not_depend_on_the_order_of_the_files(many, vocabulary) -> None:
    shuffled = list(many)
    random.Random(6).shuffle(shuffled)
    assert route_summary(shuffled, vocabulary, language="en") == route_summary(
        many, vocabulary, language="en")


def test_the_fold_keeps_a_bounded_number_of_sessions(many, vocabulary) -> None:
    overview = RouteOverview(vocabulary, language="en")
    for item in many:
        overview.add(item)
        assert len(overview.latest) <= MAX_LISTED + 1
        assert all(len(seen.keys) < 2 * MAX_LISTED for seen in overview.tags.values())


def test_reports_of_a_long_route_say_what_they_leave_out(many, vocabulary) -> None:
    summary = route_summary(many, vocabulary, language="en")
    text = render_to_string(summary, 100)
    assert f"{COUNT} evaluation meetings, from" in text
    assert f"{COUNT - MAX_LISTED} earlier sessions" in text
    assert "more, not listed." in text
    markdown = render_markdown(summary)
    assert f"{COUNT} evaluation meetings" in markdown
    assert f"in {COUNT} sessions" in markdown


def test_the_scrubber_looks_only_where_a_name_can_be() -> None:
    scrubber = Scrubber([Known("p", "Adviseur", parse_name("Jacob ten Bosch"))])
    plain = "Een tekst zonder namen, ook niet van de bos."
    assert scrubber.matcher.candidates(plain) == []  # no pattern is even tried on it
    assert scrubber.scrub(plain) == plain
    assert scrubber.scrub("Volgens J.t.B. en dhr. Bosch' plan") == (
        "Volgens [Adviseur] en [Adviseur]' plan")
    assert scrubber.scrub("JtB en Ten Boschs idee") == "[Adviseur] en [Adviseur] idee"
