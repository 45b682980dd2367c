"""`evaltool diff OLD NEW`: what a reviewer needs, matched by id, in text, Markdown and JSON.

Each case edits the example session the way a team member would, and compares the
output with a golden file in tests/golden/diff/ (reviewed by hand). To regenerate the
golden files after a deliberate change: EVALTOOL_UPDATE_GOLDEN=1 pytest tests/test_diff.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from inputs import edited

GOLDEN = Path(__file__).parent / "golden" / "diff"
UPDATE = os.environ.get("EVALTOOL_UPDATE_GOLDEN") == "1"
ORIGINAL = EXAMPLE.read_text(encoding="utf-8")


CASES: dict[str, str] = {
    # NSOB positions and roles played.
    "roles": edited(
        ORIGINAL,
        ("      quadrants:\n        - networking_government\n      note: Vanuit",
         "      quadrants:\n        - performing_government\n        - networking_government\n"
         "      note: Vanuit"),
        ("        phase: gedurende het proces\n        note: Een stadsgerichte",
         "        phase: gedurende het proces\n      - role: financier\n"
         "        orientation: internal\n        phase: during\n        note: Een stadsgerichte"),
        ("      - role: connector\n        orientation: city",
         "      - role: connector\n        orientation: internal"),
        ("      - role: decision_guide\n        orientation: internal\n  beleidsadviseur",
         "  beleidsadviseur"),
    ),
    # Follow-up questions: a status, a reworded question, an added and a removed one.
    "follow_ups": edited(
        ORIGINAL,
        ("  fu-2:\n    question: De kennis en ervaring van de projectleider zijn met zijn "
         "pensionering verdwenen.",
         "  fu-2:\n    status: done\n    question: De kennis en ervaring van de projectleider "
         "zijn met zijn vertrek verdwenen."),
        ("  fu-3:\n    question: Hoe houd je voor vervolgtrajecten zowel de expertise als de "
         "(intrinsieke) motivatie vast?\n", ""),
        ("    owner: Publiek Ondernemers\n",
         "    owner: Team Publiek Ondernemen\n  fu-5:\n    question: Wie neemt de kennis over?\n"
         "    owner: Schoolbestuur\n    due: 2021-06-01\n"),
    ),
    # Findings: a reworded success factor, a new wish, one removed, a kind and tags changed.
    "findings": edited(
        ORIGINAL,
        ("text: Belangrijk moment voor de gemeente was dat het schoolbestuur ook zelf flink in "
         "de buidel tastte.",
         "text: Beslissend voor de gemeente was dat het schoolbestuur ook zelf flink in "
         "de buidel tastte."),
        ("  eigenaarschap:\n    kind: discussion_topic\n    text: Eigenaarschap.\n    tags:\n"
         "      - eigenaarschap\n", ""),
        ("  ontschotten-budgetten:\n    kind: discussion_topic",
         "  ontschotten-budgetten:\n    kind: wish"),
        ("    tags:\n      - mandaat\n      - rollen\n",
         "    tags:\n      - mandaat\n      - talenten\n    confidential: true\n"),
        ("follow_ups:\n",
         "  vaker-evalueren:\n    kind: wish\n    text: Elk kwartaal een casus evalueren.\n"
         "follow_ups:\n"),
    ),
    # The casus itself, its SDGs and the session's status.
    "casus": edited(
        ORIGINAL,
        ("status: final\n", "status: draft\n"),
        ("  session_number: 1\n", ""),
        ("  judgement: positive\n", "  judgement: mixed\n"),
        ("    - goal: 7\n      note: Duurzame energie.\n", ""),
        ("      note: Draagt bij aan het verbeteren van educatie en leeromgeving.\n",
         "      note: Draagt bij aan beter onderwijs.\n    - goal: 13\n"),
        ("reflection: De toehoorder deed verslag en heeft naderhand gereflecteerd",
         "reflection: De toehoorder deed verslag, sprak twee deelnemers na afloop en heeft "
         "daarna gereflecteerd"),
    ),
    # Who was there.
    "participants": edited(
        ORIGINAL,
        ("  projectleider-school:\n    function: Projectleider vanuit de school\n"
         "    organisation: Schoolbestuur\n    affiliation: initiator\n    attendance: absent\n",
         "  wethouder:\n    function: Wethouder Onderwijs\n    organisation: Gemeente Delft\n"),
        ("  subsidieadviseur:\n    function: Subsidieadviseur\n",
         "  subsidieadviseur:\n    name: Sam\n    function: Adviseur subsidies\n"
         "    attendance: absent\n"),
    ),
}

FORMATS = {"text": "txt", "markdown": "md", "json": "json"}


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with EVALTOOL_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), name


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)

    def write(new_text: str, old_text: str = ORIGINAL) -> tuple[str, str]:
        Path("old.yaml").write_text(old_text, encoding="utf-8")
        Path("new.yaml").write_text(new_text, encoding="utf-8")
        return "old.yaml", "new.yaml"

    return write


@pytest.mark.parametrize("output", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_golden_outputs(cli: Invoke, pair, case: str, output: str) -> None:  # type: ignore[no-untyped-def]
    old, new = pair(CASES[case])
    result = cli("diff", old, new, "--format", output)
    assert result.exit_code == 1, result.output
    check_golden(f"{case}.en.{FORMATS[output]}", result.stdout)


@pytest.mark.parametrize("case", ["roles", "follow_ups", "findings"])
def test_golden_outputs_in_dutch(cli: Invoke, pair, case: str) -> None:  # type: ignore[no-untyped-def]
    old, new = pair(CASES[case])
    result = cli("--lang", "nl", "diff", old, new)
    assert result.exit_code == 1, result.output
    check_golden(f"{case}.nl.txt", result.stdout)


def test_the_sentences_a_reviewer_reads(cli: Invoke, pair) -> None:  # type: ignore[no-untyped-def]
    lines = cli("diff", *pair(CASES["roles"])).stdout.splitlines()
    assert ("participant `beleidsadviseur-energie`: role added: financier (internal, during)"
            in lines)
    assert ("NSOB position of `beleidsadviseur-energie`: networking → on the border "
            "performing/networking") in lines
    assert ("participant `partner-po`: role connector: orientation city-facing → internal"
            in lines)
    assert ("participant `programmeur-ohv`: role removed: guide of internal decision making "
            "(internal)") in lines
    lines = cli("diff", *pair(CASES["follow_ups"])).stdout.splitlines()
    assert "follow-up `fu-2`: status open → done" in lines
    assert "    De kennis en ervaring van de projectleider zijn met zijn [-pensionering-]" \
           "{+vertrek+} verdwenen. Hoe vang je dit op, …" in lines
    lines = cli("diff", *pair(CASES["findings"])).stdout.splitlines()
    assert "success factor `schoolbestuur-financiert-mee`: text changed:" in lines
    assert ("    [-Belangrijk moment-]{+Beslissend+} voor de gemeente was dat het schoolbestuur "
            "ook …") in lines


def test_vocabulary_labels_come_in_the_users_language(cli: Invoke, pair) -> None:  # type: ignore[no-untyped-def]
    lines = cli("--lang", "nl", "diff", *pair(CASES["roles"])).stdout.splitlines()
    assert ("deelnemer `beleidsadviseur-energie`: rol toegevoegd: financierder "
            "(intern gericht, during)") in lines
    assert ("NSOB-positie van `beleidsadviseur-energie`: samenwerkend → op het grensvlak "
            "presterend/samenwerkend") in lines
    lines = cli("diff", *pair(CASES["follow_ups"]), env={"EVALTOOL_LANG": "nl"}).stdout
    assert "vervolgvraag `fu-2`: status open → afgerond" in lines.splitlines()


def test_reordering_is_not_a_change(cli: Invoke, pair) -> None:  # type: ignore[no-untyped-def]
    reordered = edited(
        ORIGINAL,
        # Two participants swap places, two roles swap, two quadrants swap, two tags swap.
        ("  subsidieadviseur:\n    function: Subsidieadviseur\n    organisation: Gemeente Delft\n"
         "    affiliation: municipality\n    roles:\n      - role: subsidy_adviser\n"
         "        orientation: city\n        usual: true\n", ""),
        ("  beleidsadviseur-energie:\n",
         "  subsidieadviseur:\n    function: Subsidieadviseur\n    organisation: Gemeente Delft\n"
         "    affiliation: municipality\n    roles:\n      - role: subsidy_adviser\n"
         "        orientation: city\n        usual: true\n  beleidsadviseur-energie:\n"),
        ("      - role: partner\n        orientation: city\n      - role: connector\n",
         "      - role: connector\n"),
        ("        note: Ook buiten de gemeentelijke organisatie gezocht naar mogelijkheden om het "
         "initiatief te faciliteren, vooral naar financiering.\n",
         "        note: Ook buiten de gemeentelijke organisatie gezocht naar mogelijkheden om het "
         "initiatief te faciliteren, vooral naar financiering.\n      - role: partner\n"
         "        orientation: city\n"),
        ("    tags:\n      - vertrouwen\n      - draagvlak\n",
         "    tags:\n      - draagvlak\n      - vertrouwen\n"),
        ("  programmeur-ohv:\n    function: Programmeur Onderwijshuisvesting\n"
         "    department: Onderwijshuisvesting\n    organisation: Gemeente Delft\n"
         "    affiliation: municipality\n    position:\n      quadrants:\n"
         "        - performing_government\n        - networking_government\n",
         "  programmeur-ohv:\n    function: Programmeur Onderwijshuisvesting\n"
         "    department: Onderwijshuisvesting\n    organisation: Gemeente Delft\n"
         "    affiliation: municipality\n    position:\n      quadrants:\n"
         "        - networking_government\n        - performing_government\n"),
    )
    assert reordered != ORIGINAL
    result = cli("diff", *pair(reordered))
    assert result.exit_code == 0, result.output
    assert result.stdout == "no changes\n"
    as_json = json.loads(cli("diff", *pair(reordered), "--format", "json").stdout)
    assert as_json["equal"] is True and as_json["changes"] == []


def test_json_names_every_change_by_id(cli: Invoke, pair) -> None:  # type: ignore[no-untyped-def]
    result = cli("diff", *pair(CASES["follow_ups"]), "--format", "json")
    document = json.loads(result.stdout)
    assert document["equal"] is False
    status = next(c for c in document["changes"] if c["field"] == "status")
    assert status == {"section": "follow_up", "action": "changed", "id": "fu-2", "item": None,
                      "field": "status", "old": "open", "new": "done", "confidential": False,
                      "text": "follow-up `fu-2`: status open → done"}
    added = next(c for c in document["changes"] if c["action"] == "added")
    assert added["id"] == "fu-5" and added["new"]["due"] == "2021-06-01"


def test_colour_only_when_asked_or_in_a_terminal(
        cli: Invoke, pair, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from evaltool.commands import color_wanted as _color_wanted

    old, new = pair(CASES["follow_ups"])
    assert "\x1b[" not in cli("diff", old, new).stdout  # not a terminal
    coloured = cli("diff", old, new, "--color", "always").stdout
    assert "status \x1b[31mopen\x1b[0m → \x1b[32mdone\x1b[0m" in coloured
    assert "\x1b[" not in cli("diff", old, new, "--color", "never").stdout
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert _color_wanted("auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _color_wanted("auto") is False


def test_user_text_is_shown_safely(cli: Invoke, pair) -> None:  # type: ignore[no-untyped-def]
    sneaky = edited(ORIGINAL, ("    text: Eigenaarschap.\n",
                               "    text: '[bold red]Eigenaarschap[/bold red] <b>*nu*</b> "
                               "\u202eesrever'\n"))
    text = cli("diff", *pair(sneaky)).stdout
    assert "[bold red]Eigenaarschap[/bold red] <b>*nu*</b> ⟨U+202E⟩esrever" in text
    assert "\u202e" not in text and "\x1b" not in text
    markdown = cli("diff", *pair(sneaky), "--format", "markdown").stdout
    assert "\\[bold red\\]Eigenaarschap\\[/bold red\\] &lt;b&gt;\\*nu\\*&lt;/b&gt;" in markdown
    assert "<b>" not in markdown and "\u202e" not in markdown


def test_exit_codes_like_diff(cli: Invoke, pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    old, new = pair(ORIGINAL)
    same = cli("diff", old, new)
    assert (same.exit_code, same.stdout) == (0, "no changes\n")
    assert cli("diff", *pair(CASES["casus"])).exit_code == 1
    Path("broken.yaml").write_text(edited(ORIGINAL, ("status: final", "status: klaar")),
                                   encoding="utf-8")
    trouble = cli("diff", "old.yaml", "broken.yaml")
    assert trouble.exit_code == 2
    assert "error: broken.yaml:5:9: status" in trouble.stderr
    missing = cli("diff", "old.yaml", "nowhere.yaml")
    assert missing.exit_code == 2 and "error: nowhere.yaml: no such file" in missing.stderr
