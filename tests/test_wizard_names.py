"""People named in what is typed: the wizard asks who they are, once, and loses nothing.

A facilitator types "De wethouder Jansen wilde eerst niet" into a finding, or gives a
follow-up to "Fatima". A published report may not carry those names (issue 12): the
wizard asks right there whether it is someone spoken of (then the label the report
uses), no person at all (a school named after someone), or to leave it (publication will
refuse it, and says so). An answers file is asked nothing: it gets a notice per name.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from conftest import Invoke, Script, Typing
from evaltool.i18n import t
from evaltool.session import fields, store
from evaltool.session.dutchnames import mask
from evaltool.session.models import Kind
from evaltool.session.vocabulary import load_vocabulary
from evaltool.wizard import drafts
from evaltool.wizard.data import build_session, model_at
from evaltool.wizard.engine import Wizard
from evaltool.wizard.prompter import Ask
from evaltool.wizard.state import WizardState
from evaltool.wizard.template import load_template
from inputs import Turn

TEMPLATE = load_template()
VOCABULARY = load_vocabulary()
HERE = Path(__file__).resolve().parent
ORDINARY = [line.strip() for line in
            (HERE / "data" / "ordinary_sentences.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]

BASE: dict[str, Any] = {
    "casus": {"title": "Casus Groen schoolplein", "date": "2021-04-22"},
    "participants": {
        "wijkregisseur": {"function": "Wijkregisseur Buitenhof", "name": "Joost van der Berg"},
        "toehoorder": {"function": "Partner (toehoorder)", "session_role": "listener_reporter"},
    },
}


HARD = "What was hard"
WHO = "Who is"
LABEL = "How reports name them"


def run(step: str, *turns: Turn, data: dict[str, Any] = BASE,
        refusals: bool = False) -> tuple[dict[str, Any], Script]:
    """One step, typed in a terminal (Enter after the given answers)."""
    script = Script(Typing(*turns), refusals=refusals)
    wizard = Wizard(TEMPLATE, VOCABULARY, script, editing=True,
                    state=WizardState(TEMPLATE.name, data=copy.deepcopy(data)))
    done = wizard.run_single(step)
    assert script.unread == []
    return done, script


def name_questions(script: Script) -> list[Ask]:
    """The questions "Who is ...?" (not the label asked after them)."""
    return [ask for ask in script.asked if ask.key[0] == "mentioned" and len(ask.key) == 2]


def texts(data: dict[str, Any]) -> list[str]:
    return [finding["text"] for finding in data.get("findings", {}).values()]


def publish(cli: Invoke, tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "session.yaml"
    session = build_session(data, session_id="2021-04-22-casus-groen", vocabulary=VOCABULARY)
    store.save_session(session, path)
    return cli("summarize", "--public", "--width", "200", path)


# --- the three answers ------------------------------------------------------------------------


def test_a_person_declared_is_named_by_their_label_in_public(cli: Invoke,
                                                             tmp_path: Path) -> None:
    typed = "De wethouder Jansen wilde eerst niet. #draagvlak"
    data, script = run("attention_points", (HARD, typed), (WHO, "1"),
                       (LABEL, "de wethouder Onderwijs"))
    [asked] = name_questions(script)
    assert asked.label == "Who is 'wethouder Jansen'? (1, 2 or Enter)"
    assert f"'wethouder Jansen' looks like the name of someone the session does not know " \
           f"yet ({t('privacy.rule_title')})." in script.shown
    assert data["people"] == {"wethouder-onderwijs": {"name": "Jansen",
                                                         "label": "de wethouder Onderwijs"}}
    assert texts(data) == ["De wethouder Jansen wilde eerst niet."]  # as typed
    result = publish(cli, tmp_path, data)
    assert result.exit_code == 0, result.output
    assert "De [de wethouder Onderwijs] wilde eerst niet." in result.stdout
    assert "Jansen" not in result.stdout


def test_a_function_before_the_name_is_offered_as_the_label(cli: Invoke) -> None:
    data, script = run("follow_ups", ("Follow-up question", "Hoe verder? @burgemeester Dijkstra"),
                       (WHO, "1"), (LABEL, ""))
    labels = [ask for ask in script.asked if ask.key[-1] == "label"]
    assert labels[0].default == "de burgemeester"
    assert data["people"] == {"burgemeester": {"name": "Dijkstra",
                                                  "label": "de burgemeester"}}
    assert data["follow_ups"]["fu-1"]["owner"] == "burgemeester Dijkstra"


def test_words_that_are_no_one_are_marked_so_and_published_as_they_are(
        cli: Invoke, tmp_path: Path) -> None:
    typed = "De school Hugo de Groot kreeg een groen plein. #groen"
    data, script = run("success_factors", ("What worked", typed), (WHO, "2"))
    assert [ask.label for ask in name_questions(script)] == [
        "Who is 'Hugo de Groot'? (1, 2 or Enter)"]
    assert data["not_people"] == ["Hugo de Groot"]
    assert "people" not in data
    result = publish(cli, tmp_path, data)
    assert result.exit_code == 0, result.output
    assert "De school Hugo de Groot kreeg een groen plein." in result.stdout


def test_a_name_left_as_it_is_is_said_to_be_refused_later_and_asked_once(
        cli: Invoke, tmp_path: Path) -> None:
    script = Script(Typing((HARD, "Fatima regelde de sleutels. #beheer"), (WHO, ""),
                           (HARD, "Fatima belde de school. #beheer"), (HARD, ""),
                           ("Yield", "Zonder Fatima was er niets gebeurd. #beheer")))
    wizard = Wizard(TEMPLATE, VOCABULARY, script, editing=True,
                    state=WizardState(TEMPLATE.name, data=copy.deepcopy(BASE)))
    wizard.run_single("attention_points")
    data = wizard.run_single("yields")  # a later step of the same session
    assert [ask.key for ask in name_questions(script)] == [("mentioned", "fatima")]
    assert "→ 'Fatima' stays as typed; a public report (summarize --public) refuses it " \
           "until the session file declares it under people or not_people." in script.shown
    assert wizard.state.left == ["fatima"]
    assert "people" not in data and "not_people" not in data
    assert len(texts(data)) == 3  # nothing typed is lost
    result = publish(cli, tmp_path, data)
    assert result.exit_code != 0
    assert "'F…a'" in result.output and "Fatima" not in result.output


def test_back_and_help_work_at_the_name_question_as_everywhere() -> None:
    typed = "Fatima regelde de sleutels. #beheer"
    data, script = run("attention_points", (HARD, typed), (WHO, "?"), (WHO, "<"), (HARD, ""),
                       (WHO, "x"), (WHO, "2"), refusals=True)
    retyped = [ask for ask in script.asked if ask.key[-1] == "text" and ask.prefill]
    assert retyped[0].prefill == typed  # `<`: the answer before, on the line to change
    assert t("wizard.names_help") in script.shown  # `?`: why this matters
    assert "AVG" in t("wizard.names_help") and "Woo" in t("wizard.names_help")
    assert f"✗ {t('wizard.names_bad')}" in script.shown  # "x" is no answer here
    assert data["not_people"] == ["Fatima"]
    assert texts(data) == ["Fatima regelde de sleutels."]


def test_a_label_that_names_the_person_is_refused_and_asked_again() -> None:
    data, script = run("attention_points", (HARD, "Mevrouw Yilmaz twijfelde. #x"), (WHO, "1"),
                       (LABEL, "mevrouw Yilmaz"), (LABEL, "de wethouder Dijkstra"),
                       (LABEL, "de beleidsmedewerker Groen"), refusals=True)
    assert script.shown.count(f"✗ {t('wizard.names_label_names')}") == 2
    labels = [ask for ask in script.asked if ask.key[-1] == "label"]
    assert [ask.prefill for ask in labels] == [None, "mevrouw Yilmaz", "de wethouder Dijkstra"]
    assert data["people"] == {"beleidsmedewerker-groen": {
        "name": "Yilmaz", "label": "de beleidsmedewerker Groen"}}


def test_the_question_is_asked_in_the_users_language() -> None:
    from evaltool.i18n import set_language

    set_language("nl")
    _, script = run("attention_points", ("Wat was lastig", "Fatima regelde de sleutels. #beheer"),
                    ("Wie is", ""))
    assert [ask.label for ask in name_questions(script)] == [
        "Wie is 'Fatima'? (1, 2 of Enter)"]
    assert "'Fatima' lijkt de naam van iemand die de sessie nog niet kent (een voornaam)." \
        in script.shown


# --- no question where there is no one new ----------------------------------------------------

CONTROL = "Fenna belde de school. #beheer"
"""Someone the session does not know, typed after: the one question there is."""


@pytest.mark.parametrize(("text", "extra"), [
    ("Joost van der Berg zorgde voor de juiste contacten. #x", {}),  # a participant
    ("De wethouder Jansen wilde eerst niet. #x",
     {"people": {"wethouder": {"name": "Jansen", "label": "de wethouder Onderwijs"}}}),
    ("De school Hugo de Groot kreeg een plein. #x", {"not_people": ["Hugo de Groot"]}),
    ("Basisschool Cornelis Musius deed mee. #x", {}),  # the vocabulary's not_people
    ("! Fatima was er die dag niet bij. #x", {}),  # confidential: never published
], ids=["participant", "declared", "not-people", "vocabulary", "confidential"])
def test_no_question_for_who_the_session_knows(text: str, extra: dict[str, Any]) -> None:
    data, script = run("attention_points", (HARD, text), (HARD, CONTROL), data={**BASE, **extra})
    assert [ask.key for ask in name_questions(script)] == [("mentioned", "fenna")]
    assert len(texts(data)) == 2
    assert data.get("people") == extra.get("people")


def test_no_question_for_ordinary_dutch_sentences_with_surname_words() -> None:
    pasted = "\n".join([*ORDINARY, CONTROL])  # one finding a line
    data, script = run("attention_points", (HARD, pasted))
    assert [ask.key for ask in name_questions(script)] == [("mentioned", "fenna")]
    assert len(texts(data)) == len(ORDINARY) + 1 > 200


def test_text_kept_as_it_was_is_not_asked_about_again() -> None:
    data = {**BASE, "casus": {**BASE["casus"], "plan": "Fatima had een droom."}}
    after, script = run("plan", ("The dream / the plan", ""), data=data)  # Enter: kept
    assert name_questions(script) == []
    assert after["casus"]["plan"] == "Fatima had een droom."
    after, script = run("plan", ("The dream / the plan", "Fatima en Joost hadden een droom."),
                        (WHO, ""), data=data)
    assert len(name_questions(script)) == 1  # changed: read again


# --- which fields: their kind decides ---------------------------------------------------------

CHECKED = (Kind.TEXT, Kind.OWNER)
NAMED = {Kind.TEXT: "Fatima zei ja", Kind.OWNER: "Fatima", Kind.NAME: "Fatima el Amrani",
         Kind.TAG: "Fatima"}
QUESTIONS = [(step.name, part, question) for step in TEMPLATE.steps for part in step.parts
             if part.kind in ("fields", "list") and not step.name == "earlier"
             for question in part.questions
             if question.ask and question.type in ("text", "line", "tags")]


@pytest.mark.parametrize(("step", "part", "question"), QUESTIONS,
                         ids=[f"{s}.{p.name}.{q.name}" for s, p, q in QUESTIONS])
def test_every_free_text_field_and_only_those_is_asked_about(step: str, part: Any,
                                                             question: Any) -> None:
    kind = fields.shapes(model_at(part.target))[question.name].kind
    assert kind in NAMED
    lead = part.questions[0]
    done: set[str] = set()

    def answer(ask: Ask, n: int) -> str:
        if ask.kind == "confirm":
            return "y"
        if ask.kind == "menu":  # the participants there: add one
            return "" if ask.key[-1] else "+"
        name = ask.key[-1]
        if name == question.name and ask.key[0] != "mentioned" and "typed" not in done:
            done.add("typed")
            return NAMED[kind]
        if name == lead.name and lead is not question and "lead" not in done:
            done.add("lead")
            return "4" if lead.type == "sdg" else "Iets"
        return ""

    script = Script(answer)
    Wizard(TEMPLATE, VOCABULARY, script, editing=True,
           state=WizardState(TEMPLATE.name, data=copy.deepcopy(BASE))).run_single(step)
    assert "typed" in done
    assert bool(name_questions(script)) == (kind in CHECKED)


# --- an answers file: a notice, never a question, never a refusal ------------------------------

ANSWERS = """\
template: casus-evaluatie
title: Casus Groen schoolplein
date: 2021-04-22
participants:
  - function: Wijkregisseur Buitenhof
    name: Joost van der Berg
    id: wijkregisseur
plan: Joost van der Berg en wethouder Jansen wilden een groen plein.
realised: De school Hugo de Groot kreeg het plein.
judgement: positief
success_factors: [Vertrouwen]
follow_ups:
  - question: Wie doet het beheer?
    owner: Fatima
"""
DECLARED = """\
people:
  wethouder-onderwijs: {name: Jansen, label: de wethouder Onderwijs}
  directeur: {name: Fatima, label: de directeur van de school}
not_people: [Hugo de Groot]
"""


def test_an_answers_file_gets_a_notice_per_name_and_the_session_is_saved(
        cli: Invoke, here: Path) -> None:
    Path("answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = cli("new-session", "--answers", "answers.yaml")
    assert result.exit_code == 0, result.output
    notices = result.stderr.splitlines()
    assert notices == [
        f"note: answers.yaml:8:7: '{mask('wethouder Jansen')}' in plan looks like the name of "
        f"someone the session does not know ({t('privacy.rule_title')}) — "
        f"{t('wizard.names_notice_hint')}",
        f"note: answers.yaml:9:11: '{mask('Hugo de Groot')}' in realised looks like the name "
        f"of someone the session does not know ({t('privacy.rule_given_name')}) — "
        f"{t('wizard.names_notice_hint')}",
        f"note: answers.yaml:14:12: '{mask('Fatima')}' in follow_ups[1].owner looks like the "
        f"name of someone the session does not know ({t('privacy.rule_given_name')}) — "
        f"{t('wizard.names_notice_hint')}"]
    assert "people:" in notices[0] and "not_people:" in notices[0]
    for name in ("Jansen", "Hugo", "Fatima"):
        assert name not in result.output  # a script's log is read by others
    saved = store.load_session(Path("sessions/2021-04-22-casus-groen-schoolplein.yaml"))
    assert saved.casus.plan == "Joost van der Berg en wethouder Jansen wilden een groen plein."


def test_an_answers_file_declares_people_and_not_people_as_a_session_file_does(
        cli: Invoke, here: Path) -> None:
    Path("answers.yaml").write_text(ANSWERS + DECLARED, encoding="utf-8")
    result = cli("new-session", "--answers", "answers.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    path = Path("sessions/2021-04-22-casus-groen-schoolplein.yaml")
    saved = store.load_session(path)
    assert {pid: (p.name, p.label) for pid, p in saved.people.items()} == {
        "wethouder-onderwijs": ("Jansen", "de wethouder Onderwijs"),
        "directeur": ("Fatima", "de directeur van de school")}
    assert saved.not_people == ["Hugo de Groot"]
    public = cli("summarize", "--public", "--width", "200", path)
    assert public.exit_code == 0, public.output
    assert "[de wethouder Onderwijs]" in public.stdout
    assert "[de directeur van de school]" in public.stdout


@pytest.mark.parametrize(("declared", "message"), [
    ("people:\n  Wethouder X: {name: Jansen, label: de wethouder}\n",
     "answers.yaml:16:16: people.Wethouder X is not a valid identifier"),
    ("people:\n  wethouder: {name: Jansen}\n",
     "answers.yaml:16:14: people.wethouder.label is missing"),
    ("people:\n  wijkregisseur: {name: Jansen, label: de wethouder}\n",
     "answers.yaml:7:9: 'wijkregisseur' is used already"),
    ("not_people: Hugo de Groot\n", "answers.yaml:15:13: not_people must be a list"),
    ("not_peopel: [Hugo de Groot]\n", "answers.yaml:15:1: not_peopel is not asked by this "
                                       "template here — did you mean not_people?"),
], ids=["bad-id", "no-label", "participant-id", "not-a-list", "misspelt"])
def test_what_an_answers_file_declares_is_checked_with_its_place(
        cli: Invoke, here: Path, declared: str,
        message: str) -> None:
    Path("answers.yaml").write_text(ANSWERS + declared, encoding="utf-8")
    result = cli("new-session", "--answers", "answers.yaml")
    assert result.exit_code != 0
    assert message in result.stderr


# --- a draft remembers what was left ----------------------------------------------------------


def test_a_draft_keeps_the_names_left_and_a_resume_does_not_ask_again(tmp_path: Path) -> None:
    state = WizardState(TEMPLATE.name, position=6, data=copy.deepcopy(BASE), left=["fatima"])
    drafts.prepare(tmp_path)
    path = drafts.create(tmp_path, state, "2021-04-22T10:00:00")
    loaded, _ = drafts.load(path)
    assert loaded.left == ["fatima"]
    script = Script(Typing((HARD, "Fatima belde de school. #beheer")))
    wizard = Wizard(TEMPLATE, VOCABULARY, script, state=loaded, editing=True)
    data = wizard.run_single("attention_points")
    assert name_questions(script) == []
    assert texts(data) == ["Fatima belde de school."]


def test_the_review_shows_who_was_declared_and_what_is_no_one() -> None:
    data = {**BASE, "people": {"wethouder": {"name": "Jansen", "label": "de wethouder Onderwijs"}},
            "not_people": ["Hugo de Groot"]}
    script = Script(Typing(("Enter to save", "")))
    state = WizardState(TEMPLATE.name, position=len(TEMPLATE.steps), data=copy.deepcopy(data))
    assert Wizard(TEMPLATE, VOCABULARY, script, state=state).run() == data
    assert "Spoken of, not taking part (people): de wethouder Onderwijs (Jansen)" in script.shown
    assert "Not a person (not_people): Hugo de Groot" in script.shown
