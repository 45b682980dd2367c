"""Quick entry: a participant, their roles and a finding on one line; dates the Dutch way;
defaults that follow earlier answers; the choices for every entry; an answer to edit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Script, TypeIn, Typing
from evaltool.i18n import set_language
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard.engine import Wizard
from evaltool.wizard.forms import Invalid, iso_date
from evaltool.wizard.grammar import Grammar
from evaltool.wizard.roles import Roles
from evaltool.wizard.state import EarlierSession, Route, WizardState
from evaltool.wizard.template import load_template
from inputs import Turn

VOCABULARY = load_vocabulary()
GRAMMAR = Grammar(VOCABULARY)
ROLES = Roles(VOCABULARY)
CASUS = [("Title of the casus", "Casus Snel"), ("Date of the meeting", "1-2-2021"),
         ("Organisation", "Gemeente Delft"), ("Learning route", "Excellent Faciliteren"),
         ("Number of the meeting", ""), ("Short description", "")]
ONE_BY_ONE = ["Department or team", "Organisation", "Which side", "Attendance",
              "Role in this session", "Name (may stay empty)", "Short id in the file"]


def setup(*turns: Turn, route: Route | None = None,
          refusals: bool = False) -> tuple[dict[str, Any], Script]:
    """The setup step typed in: the casus, then these turns for the participants, then
    Enter at the next function: everyone is there."""
    script = Script(Typing(*CASUS, *turns, ("Function", "")), refusals=refusals)
    wizard = Wizard(load_template(), VOCABULARY, script, route=route,
                    today=dt.date(2021, 2, 1))
    data = wizard.run_single("setup")
    assert script.unread == []
    return data, script


def one_by_one(function: str, *answers: str) -> list[Turn]:
    """A participant question by question: the function, then the answers to the rest."""
    return [("Function", function), *zip(ONE_BY_ONE, answers, strict=True)]


# --- a participant on one line ----------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("Beleidsadviseur Energie; Duurzaamheid",
     {"function": "Beleidsadviseur Energie", "department": "Duurzaamheid",
      "organisation": "Gemeente Delft", "affiliation": "municipality",
      "attendance": "present", "session_role": "participant"}),
    ("Projectleider vanuit de school; ; Schoolbestuur; initiatiefnemer; afwezig",
     {"function": "Projectleider vanuit de school", "organisation": "Schoolbestuur",
      "affiliation": "initiator", "attendance": "absent", "session_role": "participant"}),
    # A word that is no side but a role in the session goes to the role.
    ("Partner in Publiek Ondernemen (toehoorder); ; ; toehoorder",
     {"function": "Partner in Publiek Ondernemen (toehoorder)", "organisation": "Gemeente Delft",
      "affiliation": "municipality", "attendance": "present",
      "session_role": "listener_reporter"}),
    ("Adviseur; ; Woonbedrijf; 3; ; gespreksleider; Anna de Vries",
     {"function": "Adviseur", "organisation": "Woonbedrijf", "affiliation": "external_partner",
      "attendance": "present", "session_role": "facilitator", "name": "Anna de Vries"}),
    ("Subsidieadviseur;",
     {"function": "Subsidieadviseur", "organisation": "Gemeente Delft",
      "affiliation": "municipality", "attendance": "present", "session_role": "participant"}),
])
def test_a_participant_on_one_line(line: str, expected: dict[str, str]) -> None:
    data, script = setup(("Function", line))
    [person] = data["participants"].values()
    assert person == expected
    assert len(script.asked) == len(CASUS) + 2  # the line, and the Enter after it


def test_without_a_semicolon_the_questions_come_one_by_one() -> None:
    data, script = setup(*one_by_one("Adviseur", "Ruimte", "", "", "", "", "Piet", ""))
    assert data["participants"]["adviseur"]["department"] == "Ruimte"
    assert data["participants"]["adviseur"]["name"] == "Piet"
    labels = [ask.label for ask in script.asked[len(CASUS):]]
    assert labels[1:8] == ONE_BY_ONE


def test_the_side_follows_the_organisation_typed_before() -> None:
    data, _ = setup(("Function", "Directeur; ; Stichting Scholen; initiatiefnemer"),
                    ("Function", "Conciërge; ; stichting scholen"))
    assert data["participants"]["concierge"]["affiliation"] == "initiator"
    # And from an earlier session of the route, when this one has no one from there yet.
    route = Route((EarlierSession("2021-01-28-x", "2021-01-28", "Excellent Faciliteren", 1,
                                  (("Woonbedrijf", "external_partner"),)),))
    data, _ = setup(("Function", "Adviseur; ; Woonbedrijf;"), route=route)
    assert data["participants"]["adviseur"]["affiliation"] == "external_partner"


def test_the_organisation_left_empty_follows_the_side_typed_after_it() -> None:
    """`Bewoner; ; ; initiatiefnemer`: the casus' organisation (the municipality) is no
    default for someone the line puts on another side; it is for someone on its side."""
    data, script = setup(("Function", "Bewoner; ; ; initiatiefnemer"),
                         ("Function", "Wijkregisseur; Wijkzaken; ; gemeente"),
                         ("Function", "Directeur; ; ; externe partner; afwezig"))
    people = data["participants"]
    assert "organisation" not in people["bewoner"]
    assert people["bewoner"]["affiliation"] == "initiator"
    assert people["wijkregisseur"]["organisation"] == "Gemeente Delft"
    assert "organisation" not in people["directeur"]
    assert people["directeur"]["attendance"] == "absent"  # a literal default stays a default
    assert "→ Bewoner (initiator, present, participant)" in "\n".join(script.shown)


def test_a_wrong_part_refuses_the_line_and_keeps_it_to_correct() -> None:
    data, script = setup(("Function", "Adviseur; ; ; buitenaards"),
                         ("Function", "Adviseur; ; ; extern"), refusals=True)
    assert "✗ 'buitenaards' is not one of the choices" in "\n".join(script.shown)
    again = script.asked[len(CASUS) + 1]
    assert again.prefill == "Adviseur; ; ; buitenaards"  # on the line, to be corrected
    assert data["participants"]["adviseur"]["affiliation"] == "external_partner"
    data, script = setup(("Function", "A; b; c; gemeente; aanwezig; deelnemer; Naam; te veel"),
                         ("Function", "A;"), refusals=True)
    assert "more parts than questions: after the first come Department or team; " \
        "Organisation; Which side; Attendance; Role in this session; Name (may stay empty)" \
        in "\n".join(script.shown)


def test_a_short_list_of_choices_is_shown_for_every_entry_not_only_the_first() -> None:
    _, script = setup(*one_by_one("Adviseur", "", "", "", "", "", "", ""),
                      *one_by_one("Toetser", "", "", "", "", "", "", ""))
    shown = "\n".join(script.shown)
    assert shown.count("Choose by number or name: 1 municipality · 2 initiator") == 2
    assert shown.count("Choose by number or name: 1 present · 2 absent") == 2


def stepped(step: str, *turns: Turn, data: dict[str, Any] | None = None) -> str:
    """What the wizard showed while `turns` were typed in `step`."""
    script = Script(Typing(*turns))
    Wizard(load_template(), VOCABULARY, script,
           state=WizardState("casus-evaluatie", data=data or {}), editing=True).run_single(step)
    assert script.unread == []
    return "\n".join(script.shown)


def test_a_long_list_of_choices_is_shown_once_a_step_and_again_with_a_question_mark() -> None:
    """The 17 SDGs and the 19 roles are a screen each: shown before every entry they were
    read past (9 and 5 lines) in a real meeting; now once a step, and `?` shows them again."""
    sdgs = "1 No Poverty · 2 Zero Hunger"
    shown = stepped("sdgs", ("SDG", "4:"), ("SDG", "7:"), ("SDG", "11:"), ("SDG", ""))
    assert shown.count(sdgs) == 1
    shown = stepped("sdgs", ("SDG", "4:"), ("SDG", "?"), ("SDG", "7:"), ("SDG", ""))
    assert shown.count(sdgs) == 2
    people = {"participants": {"a": {"function": "A"}, "b": {"function": "B"},
                               "c": {"function": "C"}}}
    roles = "Roles: 1 adviser · 2 project leader"
    shown = stepped("roles", ("Roles", "adviseur"), ("Notes", ""), ("Roles", "toetser"),
                    ("Notes", ""), ("Roles", ""), data=people)
    assert shown.count(roles) == 1
    shown = stepped("roles", ("Roles", "adviseur"), ("Notes", ""), ("Roles", "?"),
                    ("Roles", "toetser"), ("Notes", ""), ("Roles", ""), data=people)
    assert shown.count(roles) == 1
    assert shown.count("Choose by number or name: 1 adviser · 2 project leader") == 1  # `?`


# --- a finding, an SDG, a follow-up, a place on one line; a paste ------------------------------


def run_step(step: str, *turns: Turn, data: dict[str, Any] | None = None) -> dict[str, Any]:
    script = Script(Typing(*turns))
    wizard = Wizard(load_template(), VOCABULARY, script,
                    state=WizardState("casus-evaluatie", data=data or {}), editing=True)
    done = wizard.run_single(step)
    assert script.unread == []
    return done


def test_a_finding_with_its_tags_and_confidential_on_one_line() -> None:
    data = run_step("success_factors",
                    ("What worked", "! Het schoolbestuur betaalde mee. #geld #samen"),
                    ("What worked", ""))
    [finding] = data["findings"].values()
    assert finding == {"kind": "success_factor", "text": "Het schoolbestuur betaalde mee.",
                       "tags": ["geld", "samen"], "confidential": "true"}
    # no tags; nothing more asked
    data = run_step("success_factors", ("What worked", "Vertrouwen #"), ("What worked", ""))
    assert list(data["findings"].values()) == [
        {"kind": "success_factor", "text": "Vertrouwen", "confidential": "false"}]


def test_pasted_lines_are_entries_of_their_own_and_a_backslash_keeps_one() -> None:
    data = run_step("success_factors", ("What worked", "Vertrouwen\nLef #moed\n! Geld"),
                    ("What worked", ""))
    assert [(f["text"], f.get("tags"), f["confidential"]) for f in data["findings"].values()] \
        == [("Vertrouwen", None, "false"), ("Lef", ["moed"], "false"), ("Geld", None, "true")]
    data = run_step("success_factors", ("What worked", "Eerst dit\\\nen dan dat"),
                    ("Tags", ""), ("Confidential", ""), ("What worked", ""))
    assert [f["text"] for f in data["findings"].values()] == ["Eerst dit\nen dan dat"]


def test_an_sdg_a_place_and_a_follow_up_on_one_line() -> None:
    data = run_step("sdgs", ("SDG", "4: Beter onderwijs."), ("SDG", "SDG 7:"), ("SDG", ""))
    assert data["casus"]["sdgs"] == [{"goal": "4", "note": "Beter onderwijs."}, {"goal": "7"}]
    data = run_step("follow_ups", ("Follow-up question", "Wie beheert het plein? @Wijkregisseur"),
                    ("Follow-up question", ""), ("What goes on to the next session", ""))
    assert list(data["follow_ups"].values()) == [
        {"question": "Wie beheert het plein?", "owner": "Wijkregisseur"}]
    people = {"participants": {"a": {"function": "A"}}}
    data = run_step("positions", ("Quadrant", "presterend, samenwerkend: Vanuit beleid."),
                    data=people)
    assert data["participants"]["a"]["position"] == {
        "quadrants": ["performing_government", "networking_government"],
        "note": "Vanuit beleid."}


# --- roles on one line ----------------------------------------------------------------------


@pytest.mark.parametrize(("line", "expected"), [
    ("(financierder), adviseur*, projectleider, co-creator, begeleider besluitvorming intern",
     [{"role": "financier", "orientation": "city", "usual": "true", "played": "false"},
      {"role": "adviser", "orientation": "city", "usual": "true"},
      {"role": "project_leader", "orientation": "city"},
      {"role": "co_creator", "orientation": "city"},
      {"role": "decision_guide", "orientation": "internal"}]),
    ("adviseur* @begin, financierder @gedurende het proces, toetser, 9 intern @",
     [{"role": "adviser", "orientation": "city", "usual": "true", "phase": "begin"},
      {"role": "financier", "orientation": "city", "phase": "gedurende het proces"},
      {"role": "assessor", "orientation": "city", "phase": "gedurende het proces"},
      {"role": "process_facilitator", "orientation": "internal"}]),
    ("anders: trekker van het initiatief, guide of internal decision making internal",
     [{"role": "other", "label": "trekker van het initiatief", "orientation": "city"},
      {"role": "decision_guide", "orientation": "internal"}]),
])
def test_roles_on_one_line(line: str, expected: list[dict[str, str]]) -> None:
    assert ROLES.read(line, "city") == expected


@pytest.mark.parametrize(("line", "message"), [
    ("financieder", "'financieder' is not a role; did you mean financier?"),
    ("anders", "'anders' needs a name of its own: anders: the name"),
    ("buitenaards", "'buitenaards' is not a role; type a number or a name from the list, or "
                    "other: its name"),
    ("99", "'99' is not a role"),
])
def test_a_role_that_is_not_one_is_named(line: str, message: str) -> None:
    with pytest.raises(Invalid) as refused:
        ROLES.read(line, "city")
    assert str(refused.value).startswith(message)


ROLE = st.fixed_dictionaries({
    "role": st.sampled_from([key for key in VOCABULARY.roles if key != "other"]),
    "orientation": st.sampled_from(list(VOCABULARY.orientations)),
}, optional={"phase": st.sampled_from(["begin", "gedurende het proces", "na de oplevering"])})
FLAGS = st.sampled_from([{}, {"usual": "true"}, {"usual": "true", "played": "false"}])
OTHER = st.builds(lambda label, o: {"role": "other", "label": label, "orientation": o},
                  st.sampled_from(["trekker", "contactpersoon extern", "kwartiermaker"]),
                  st.sampled_from(list(VOCABULARY.orientations)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.builds(lambda r, f: {**r, **f}, ROLE, FLAGS), OTHER),
                min_size=1, max_size=6),
       st.sampled_from(["nl", "en"]))
def test_any_roles_shown_on_one_line_read_back_the_same(roles: list[dict[str, str]],
                                                       language: str) -> None:
    set_language(language)
    line = ROLES.show(roles, "city")
    assert line is not None
    assert ROLES.read(line, "city") == roles


@pytest.mark.parametrize("language", ["en", "nl"])
def test_question_mark_at_the_roles_explains_the_notation_with_an_example(
        language: str) -> None:
    set_language(language)
    people = {"participants": {"a": {"function": "Adviseur"}}}
    roles = "Rollen" if language == "nl" else "Roles"
    notes = "Toelichting bij deze rollen" if language == "nl" else "Notes to these roles"
    script = Script(Typing((roles, "?"), (roles, "adviseur*"), (notes, "")))
    Wizard(load_template(), VOCABULARY, script, editing=True,
           state=WizardState("casus-evaluatie", data=people)).run_single("roles")
    shown = "\n".join(script.shown)
    if language == "nl":
        assert "Zet * achter de gebruikelijke rol" in shown
        assert "Bijvoorbeeld: (financierder), adviseur*, projectleider" in shown
    else:
        assert "Add * for the usual role" in shown
        assert "For example: (financier), adviser*, project leader" in shown


def test_one_question_for_the_notes_of_all_roles() -> None:
    people = {"participants": {"a": {"function": "A"}, "b": {"function": "B"}}}
    data = run_step("roles", ("Roles", "(1), adviseur*, co-creator"),
                    ("Notes to these roles", "1: Gebruikelijk.\\\n3: Samen."),
                    ("Roles", "partner"), ("Notes to these roles", "Alleen deze."), data=people)
    roles = data["participants"]["a"]["roles"]
    assert [r.get("note") for r in roles] == ["Gebruikelijk.", None, "Samen."]
    assert data["participants"]["b"]["roles"] == [
        {"role": "partner", "orientation": "city", "note": "Alleen deze."}]


@pytest.mark.parametrize(("notes", "message"), [
    ("Zonder nummer", "start with the number of the role: 1: ... (there are 2 roles)"),
    ("3: Te ver", "there is no role 3; the roles are numbered 1 to 2"),
    ("1: Een\\\n1: Twee", "role 1 has two notes; put them in one"),
])
def test_notes_that_do_not_fit_the_roles_are_refused(notes: str, message: str) -> None:
    with pytest.raises(Invalid) as refused:
        ROLES.read_notes(notes, 2)
    assert str(refused.value) == message


# --- dates the Dutch way, defaults that follow ---------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("2021-04-22", "2021-04-22"), ("22-04-2021", "2021-04-22"), ("22-4-2021", "2021-04-22"),
    ("22/4/2021", "2021-04-22"), ("22.4.21", "2021-04-22"), ("22 april 2021", "2021-04-22"),
    ("22 Apr 2021", "2021-04-22"), ("1 mei 2021", "2021-05-01"), ("1 oktober 2021",
                                                                  "2021-10-01"),
    ("30-02-2021", "2021-02-30"),  # no such day: said by the session's own check
    ("22 floreal 2021", None), ("2021/04", None), ("volgende week", None),
])
def test_dates_typed_the_dutch_way(typed: str, stored: str | None) -> None:
    assert iso_date(typed) == stored


def test_a_dutch_date_is_shown_back_as_it_is_stored(type_in: TypeIn, here: Path) -> None:
    dutch = ("--lang", "nl", "new-session", "--interactive")
    result = type_in([("Titel van de casus", "Casus Datum"),
                      ("Datum van de bijeenkomst", "22 april 2021")], *dutch)
    assert "Datum van de bijeenkomst: 2021-04-22" not in result.stdout  # not given again
    draft = next((here / "sessions" / ".drafts").glob("*.yaml")).read_text()
    assert "answer: 22 april 2021" in draft  # what was typed is kept as typed
    result = type_in([("Nummer van een concept", "1"), ("Organisatie", ""), ("Leerroute", ""),
                      ("Nummer van de bijeenkomst", ""), ("Korte beschrijving", "")], *dutch)
    assert "Datum van de bijeenkomst: 22 april 2021" in result.stdout
    assert "→ 2021-04-22" in result.stdout


def test_the_meeting_number_follows_the_route(type_in: TypeIn, workfolder: Path) -> None:
    new = ("new-session", "--interactive")
    result = type_in([("Title of the casus", "Casus Twee"), ("Date of the meeting", "2021-04-22"),
                      ("Organisation", ""), ("Learning route", "")], *new)
    assert "Number of the meeting in the learning route [2]" in result.stdout
    result = type_in([("Number of a draft to continue it", ""),  # Enter: a new one
                      ("Title of the casus", "Casus Eigen"), ("Date of the meeting", "2021-04-22"),
                      ("Organisation", ""), ("Learning route", "Een andere route")], *new)
    assert "Number of the meeting in the learning route [1]" in result.stdout


# --- a long answer, edited rather than typed again ----------------------------------------------


def test_without_line_editing_a_long_answer_is_shown_whole(type_in: TypeIn,
                                                            example_copy: Path) -> None:
    result = type_in([("The dream / the plan", "")],
                     "edit", example_copy, "--step", "plan", "--interactive")
    assert result.exit_code == 0, result.output
    assert ("Now: De droom om de basisschool duurzaam te renoveren en daarmee bij te dragen "
            "aan een impuls voor de wijk.") in " ".join(result.stdout.split())
    assert "Nothing changed" in result.stdout
