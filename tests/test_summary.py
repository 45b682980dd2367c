"""Summary data: the NSOB map of the example, digests, and the overview of a learning route."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from evaltool.report.summary import digest, person_labels, route_summary, summarize_session
from evaltool.session.store import load_session
from evaltool.session.vocabulary import load_vocabulary
from inputs import ROUTE_FILES

FIRST, SECOND, THIRD = ROUTE_FILES


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.fixture(scope="module")
def digests():
    return [digest(load_session(path)) for path in (FIRST, SECOND, THIRD)]


def test_the_map_puts_everyone_where_the_seed_says(example: Path, vocabulary) -> None:
    summary = summarize_session(load_session(example), vocabulary, language="nl")
    nsob = summary["map"]
    corners = {(q["row"], q["column"]): q for q in nsob["quadrants"]}
    # Performing top left, networking top right, lawful bottom left, responsive bottom right.
    assert corners[(0, 0)]["label"] == "Presterende overheid"
    assert corners[(0, 1)]["label"] == "Samenwerkende overheid"
    assert corners[(1, 0)]["label"] == "Rechtmatige overheid"
    assert corners[(1, 1)]["label"] == "Responsieve overheid"
    assert corners[(0, 1)]["participants"] == ["beleidsadviseur-energie"]
    assert corners[(1, 1)]["participants"] == ["partner-po"]
    # "op het grensvlak van presterende en samenwerkende overheid": the line between them.
    assert nsob["borders"] == [{
        "quadrants": ["performing_government", "networking_government"], "side": "top",
        "participants": ["projectleider-ohv", "programmeur-ohv"]}]
    assert nsob["unplaced"] == ["subsidieadviseur", "toehoorder", "projectleider-school"]
    assert nsob["axes"]["focus"]["result"] == "resultaatgericht"


def test_participants_are_shown_by_function_with_their_roles(example: Path, vocabulary) -> None:
    summary = summarize_session(load_session(example), vocabulary, language="en")
    people = {p["id"]: p for p in summary["participants"]}
    adviser = people["beleidsadviseur-energie"]
    assert adviser["label"] == "Beleidsadviseur Energie"
    assert adviser["name"] is None
    # From content adviser to financier and quality guardian, plus an internal process role.
    assert [r["role"] for r in adviser["played_roles"]] == [
        "adviser", "financier", "assessor", "process_facilitator"]
    assert adviser["orientation"]["key"] == "both"
    assert people["subsidieadviseur"]["orientation"]["key"] == "city"
    assert people["projectleider-school"]["attendance"]["label"] == "absent"
    # The usual role that was not played this time is usual only.
    leader = people["projectleider-ohv"]
    assert [r["role"] for r in leader["usual_roles"]] == ["financier", "adviser"]
    assert "financier" not in [r["role"] for r in leader["played_roles"]]


def test_two_people_with_one_function_get_a_letter_and_names_only_on_request() -> None:
    class P:
        def __init__(self, function: str, name: str | None = None) -> None:
            self.function, self.name = function, name

    people = {"a": P("Adviseur", "Jan Jansen"), "b": P("Adviseur"), "c": P("Jurist", "Els Bos")}
    assert person_labels(people) == {"a": "Adviseur A", "b": "Adviseur B", "c": "Jurist"}
    assert person_labels(people, names=True)["c"] == "Els Bos (Jurist)"


def test_findings_are_grouped_in_the_vocabularys_order(example: Path, vocabulary) -> None:
    summary = summarize_session(load_session(example), vocabulary, language="nl")
    kinds = [group["kind"] for group in summary["findings"]]
    assert kinds[:4] == ["success_factor", "attention_point", "yield", "learning_point"]
    yields = next(g for g in summary["findings"] if g["kind"] == "yield")
    assert yields["label"] == "Opbrengsten"
    assert len(yields["items"]) == 4


def test_a_digest_is_plain_data_without_names_or_confidential_text(digests) -> None:
    text = json.dumps(digests)
    assert json.loads(text) == digests
    # Session 2 names two participants, and mentions one in a finding.
    for word in ("Joost", "Berg", "Fatima", "Amrani"):
        assert word not in text
    # The owner given as a participant id is that participant's function.
    assert digests[1]["follow_ups"][0]["owner"] == "Wijkregisseur Buitenhof"
    # Findings keep no text, only the word pairs of what worked and what was learnt.
    assert all("text" not in f for d in digests for f in d["findings"])
    trekken = digests[1]["findings"][0]  # ouders-trekken
    assert "ouders trokken" in trekken["phrases"]
    assert not any("wijkregisseur" in p for p in trekken["phrases"])  # a replaced name
    # Session 3 has a confidential finding and internal notes.
    assert "afdelingshoofden" not in text
    assert "nog niet delen" not in text
    third = digests[2]
    assert third["redactions"]["confidential_findings_left_out"] == 1
    assert third["redactions"]["notes_left_out"] == 1
    assert digests[1]["redactions"]["participant_names_withheld"] == 2
    assert third["participants"] == {"present": 4, "absent": 1}


def test_the_route_overview_closes_a_follow_up_of_the_first_session(digests, vocabulary) -> None:
    summary = route_summary(digests, vocabulary, language="en")
    items = {item["ref"]: item for item in summary["follow_ups"]["items"]}
    closed = items["2021-01-28-casus-cornelis-musius#fu-1"]
    assert closed["closed_in"] == "2021-06-24-casus-zonnedaken-scholen"
    assert closed["status"]["key"] == "done"
    assert closed["age_days"] == 147  # 28 January to 24 June 2021
    # fu-4 was continued (still open) in the second session and not closed since.
    roles = items["2021-01-28-casus-cornelis-musius#fu-4"]
    assert roles["closed_on"] is None
    assert [h["session"] for h in roles["history"]] == ["2021-04-22-casus-groen-schoolplein"]
    assert roles["age_days"] == 147
    # The schoolyard question of session 2 was carried on, open, in session 3.
    yard = items["2021-04-22-casus-groen-schoolplein#fu-1"]
    assert yard["closed_on"] is None and yard["age_days"] == 63
    # 4 + 1 new in session 2 + 1 new in session 3; the continuations are no new threads.
    assert (summary["follow_ups"]["opened"], summary["follow_ups"]["closed"],
            summary["follow_ups"]["open"]) == (6, 1, 5)


def test_the_route_overview_shows_how_the_spread_over_quadrants_moved(digests,
                                                                      vocabulary) -> None:
    summary = route_summary(digests, vocabulary, language="en")
    rows = summary["quadrants"]["per_session"]
    order = ["lawful_government", "performing_government", "networking_government",
             "responsive_government"]
    # Session 1: two on the performing/networking border, one networking, one responsive.
    assert [rows[0]["counts"][k] for k in order] == [0, 2, 3, 1]
    assert rows[0]["change"] is None
    # Session 2: lawful/performing border, performing, networking/responsive border, two
    # responsive.
    assert [rows[1]["counts"][k] for k in order] == [1, 2, 1, 3]
    assert [rows[1]["change"][k] for k in order] == [1, 0, -2, 2]
    # Session 3: lawful, networking, the networking/responsive border, responsive.
    assert [rows[2]["counts"][k] for k in order] == [1, 0, 2, 2]
    sdgs = {s["goal"]: len(s["sessions"]) for s in summary["sdgs"]}
    assert sdgs == {3: 1, 4: 1, 7: 2, 11: 3, 13: 2, 17: 1}


def test_recurring_tags_and_wording_across_sessions(digests, vocabulary) -> None:
    summary = route_summary(digests, vocabulary, language="nl")
    tags = {t["tag"]: len(t["sessions"]) for t in summary["recurring"]["tags"]}
    assert tags["rollen"] == 3
    assert tags["motivatie"] == 3
    assert tags["procesbegeleiding"] == 3
    assert "beheer" not in tags  # an attention point, and only once
    phrases = {p["phrase"]: len(p["sessions"]) for p in summary["recurring"]["phrases"]}
    assert phrases["intrinsieke motivatie"] == 3


def test_roles_are_counted_city_facing_and_internal(digests, vocabulary) -> None:
    summary = route_summary(digests, vocabulary, language="en")
    roles = {r["key"]: r for r in summary["roles"]}
    # Played internally: decision guide by two in session 1, one each in sessions 2 and 3.
    assert roles["decision_guide"]["counts"] == {"city": 0, "internal": 4}
    assert roles["regulator"]["counts"] == {"city": 0, "internal": 2}
    assert roles["co_creator"]["sessions"] == 3


def test_the_overview_does_not_depend_on_the_order_of_the_files(digests, vocabulary) -> None:
    expected = route_summary(digests, vocabulary, language="en")
    shuffled = list(digests)
    random.Random(4).shuffle(shuffled)
    again = route_summary([json.loads(json.dumps(d)) for d in shuffled], vocabulary,
                          language="en")
    assert again == expected


def test_route_summary_takes_a_generator(vocabulary) -> None:
    produced = []

    def stream():
        for path in (FIRST, SECOND, THIRD):
            produced.append(path)
            yield digest(load_session(path))

    summary = route_summary(stream(), vocabulary, language="en")
    assert len(produced) == 3
    assert [s["session_number"] for s in summary["sessions"]] == [1, 2, 3]
