"""Publication mode (`--public`): no name, address or confidential item gets out."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Invoke
from evaltool.privacy import Person, Scrubber, name_forms, split_name
from evaltool.summary import fold_name

ROUTE = Path(__file__).resolve().parent / "fixtures" / "route"

NAMES = {
    "projectleider-ohv": "Jacob ten Bosch",
    "beleidsadviseur-energie": "Renée Jansen-de Vries",
    "partner-po": "Agnes van der Linden",
    "toehoorder": "Peter Tangel",
    "projectleider-school": "Kees Brouwer",
}
PARTS = ["jacob", "bosch", "renee", "jansen", "vries", "agnes", "linden", "peter", "tangel",
         "kees", "brouwer"]

# The names in many forms, in free text that a reporter could have written.
MENTIONS = (
    "Jacob ten Bosch en Ten Bosch zelf, J. ten Bosch, J.t.B. en JtB; Bosch, J. schreef het. "
    "Jacobs idee werd door RENÉE JANSEN-DE VRIES gesteund; mevrouw Jansen-de Vries en "
    "De Vries (Jansen) noemden ook Rene\u0301e. Agnes van der Linden, A. van der Linden en "
    "Van der Linden; Peter zei dat P. Tangel gelijk had. Kees Brouwer kon niet komen. "
    "Mail jacob.tenbosch@delft.nl of bel 06-12345678 of +31 15 260 2222."
)


def _with_names(example: Path, target: Path, mentions: str = MENTIONS) -> Path:
    text = example.read_text(encoding="utf-8")
    for participant_id, name in NAMES.items():
        text = text.replace(f"  {participant_id}:\n    function:",
                            f"  {participant_id}:\n    name: {name}\n    function:", 1)
    text = text.replace("    text: Eigenaarschap.\n",
                        f"    text: \"{mentions}\"\n", 1)
    text = text.replace(
        "findings:\n",
        "findings:\n  geheim:\n    kind: attention_point\n"
        "    text: Spanning in het team van de wethouder.\n    confidential: true\n", 1)
    text = text.replace(
        "    owner: Publiek Ondernemers\n",
        "    owner: Publiek Ondernemers\n  fu-5:\n    question: Gesprek met de wethouder.\n"
        "    owner: projectleider-ohv\n    note: Bel Jacob op 015-2602222.\n"
        "  fu-6:\n    question: Vertrouwelijke kwestie rond een subsidie.\n"
        "    confidential: true\n", 1)
    text += "notes: Interne notitie van Peter, niet delen.\n"
    target.write_text(text, encoding="utf-8")
    return target


def _names_left(output: str) -> list[str]:
    folded = fold_name(output)
    return [part for part in PARTS if re.search(rf"(?<!\w){part}", folded)]


def test_public_report_has_no_name_in_any_form(cli: Invoke, example: Path,
                                               tmp_path: Path) -> None:
    session = _with_names(example, tmp_path / "named.yaml")
    for output_format in ("markdown", "text", "html", "json"):
        result = cli("summarize", "--public", "--format", output_format, session)
        assert result.exit_code == 0, result.output
        assert _names_left(result.stdout) == [], output_format
        assert "delft.nl" not in result.stdout
        assert "12345678" not in result.stdout and "260 2222" not in result.stdout
        assert "2602222" not in result.stdout
    markdown = cli("summarize", "--public", "--format", "markdown", session).stdout
    # Each name became the person's function.
    # Seven in the texts, and the eighth in a follow-up's note ("Bel Jacob op ...").
    assert markdown.count("\\[Projectleider Onderwijshuisvesting\\]") == 8
    assert "Bel \\[Projectleider Onderwijshuisvesting\\] op \\[tel.\\]" in markdown
    assert "\\[Beleidsadviseur Energie\\]" in markdown
    assert "\\[Partner in Publiek Ondernemen (toehoorder)\\] gelijk had" in markdown
    assert "\\[e-mail\\]" in markdown and "\\[tel.\\]" in markdown


def test_public_report_leaves_out_confidential_items_and_says_so(cli: Invoke, example: Path,
                                                                 tmp_path: Path) -> None:
    session = _with_names(example, tmp_path / "named.yaml")
    result = cli("summarize", "--public", "--format", "markdown", session)
    assert result.exit_code == 0, result.output
    assert "Spanning in het team" not in result.stdout
    assert "Vertrouwelijke kwestie" not in result.stdout
    assert "Interne notitie" not in result.stdout
    assert "Gesprek met de wethouder" in result.stdout  # not confidential
    # The owner given as a participant id is shown as that participant's function.
    assert "owner: Projectleider Onderwijshuisvesting" in result.stdout
    assert "anonymised for publication" in result.stdout
    # The redaction summary goes to stderr.
    assert "1 confidential finding and 1 confidential follow-up left out" in result.stderr
    assert "5 participant names withheld, 1 internal note left out" in result.stderr
    dutch = cli("--lang", "nl", "summarize", "--public", "-f", "markdown", session)
    assert "geanonimiseerd (AVG/Woo)" in dutch.stdout
    assert "geanonimiseerd:" in dutch.stderr


def test_without_public_names_show_only_when_asked(cli: Invoke, example: Path,
                                                   tmp_path: Path) -> None:
    session = _with_names(example, tmp_path / "named.yaml", mentions="Eigenaarschap.")
    plain = cli("summarize", "--width", "100", session)
    assert plain.exit_code == 0
    assert "Jacob ten Bosch" not in plain.stdout
    named = cli("summarize", "--names", "--width", "100", session)
    assert "Jacob ten Bosch (Projectleider Onderwijshuisvesting)" in named.stdout
    both = cli("summarize", "--names", "--public", session)
    assert both.exit_code == 2
    assert "--names and --public exclude each other" in both.stderr


def test_refuses_when_a_name_survives_and_says_where(cli: Invoke, example: Path,
                                                     tmp_path: Path) -> None:
    for survivor in ("zoals jacob al zei", "volgens Renee", "door Ja\u200bcob",
                     "mevrouw Van der linden"):
        session = _with_names(example, tmp_path / "named.yaml",
                              mentions=f"Eigenaarschap, {survivor}.")
        target = tmp_path / "report.md"
        result = cli("summarize", "--public", "-f", "markdown", "-o", target, session)
        assert result.exit_code == 1, survivor
        assert result.stdout == ""
        assert not target.exists()
        line = next(n for n, text in enumerate(session.read_text().splitlines(), 1)
                    if survivor in text)
        assert re.search(rf"^error: {re.escape(str(session))}:{line}:\d+: the name of a "
                         r"participant \(.+\) is still there after anonymising: '\w+' in "
                         r"findings\.eigenaarschap\.text — nothing was written", result.stderr,
                         re.M), result.stderr


def test_two_people_sharing_a_function_get_pseudonyms(cli: Invoke, example: Path,
                                                      tmp_path: Path) -> None:
    session = _with_names(example, tmp_path / "named.yaml",
                          mentions="Eigenaarschap volgens Jacob en Agnes.")
    text = session.read_text(encoding="utf-8").replace(
        "function: Programmeur Onderwijshuisvesting",
        "function: Projectleider Onderwijshuisvesting")
    session.write_text(text, encoding="utf-8")
    result = cli("summarize", "--public", "-f", "markdown", session)
    assert result.exit_code == 0, result.output
    # In running text, by function with their letter: "de projectleider Onderwijshuisvesting A".
    assert "projectleider Onderwijshuisvesting A" in result.stdout
    assert "projectleider Onderwijshuisvesting B" in result.stdout
    assert "volgens \\[Projectleider Onderwijshuisvesting A\\] en" in result.stdout


def test_public_overview_refuses_a_name_from_another_session(cli: Invoke,
                                                             tmp_path: Path) -> None:
    route = tmp_path / "route"
    shutil.copytree(ROUTE, route)
    fine = cli("summarize", "--public", "-f", "markdown", route)
    assert fine.exit_code == 0, fine.output
    assert _names_left(fine.stdout) == []
    assert "Joost" not in fine.stdout and "Fatima" not in fine.stdout
    # Session 3 does not know Fatima, a participant of session 2: its digest keeps her name.
    third = route / "2021-06-24-casus-zonnedaken-scholen.yaml"
    third.write_text(third.read_text(encoding="utf-8").replace(
        "worden ontschot?", "worden ontschot, vraagt Fatima?"), encoding="utf-8")
    refused = cli("summarize", "--public", "-f", "markdown", route)
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert "a participant's name is still in the overview, in follow_ups.items." in \
        refused.stderr


def test_name_forms_cover_particles_initials_and_double_names() -> None:
    assert split_name("Jacob ten Bosch") == (["Jacob"], ["ten"], "Bosch")
    assert split_name("Renée Jansen-de Vries") == (["Renée"], [], "Jansen-de Vries")
    assert split_name("A.M. van der Linden") == (["A.M."], ["van", "der"], "Linden")
    forms, parts = name_forms("A.M. van der Linden")
    assert {"A.M. van der Linden", "Van der Linden", "A.M.v.d.L.", "AMvdL",
            "Linden"} <= set(forms)
    assert parts == ["Linden"]  # initials are no name part to look for on their own


_LETTERS = "abcdefghijklmnoprstuvwzéëèïöü"
_word = st.text(alphabet=_LETTERS, min_size=3, max_size=9).map(str.capitalize)


@settings(max_examples=150, deadline=None)
@given(first=_word, particle=st.sampled_from(["", "van", "de", "van der", "ten", "in 't"]),
       surname=_word, pick=st.integers(min_value=0, max_value=10_000),
       decomposed=st.booleans())
def test_any_written_form_of_a_name_is_replaced(first: str, particle: str, surname: str,
                                                pick: int, decomposed: bool) -> None:
    name = " ".join(part for part in (first, particle, surname) if part)
    forms, parts = name_forms(name)
    form = forms[pick % len(forms)]
    if decomposed:
        form = unicodedata.normalize("NFD", form)
    scrubber = Scrubber([Person("p", "Adviseur", forms, parts)])
    text = scrubber.scrub(f"Volgens {form} ging het goed; {form}s plan werkte.")
    assert scrubber.survivors(text) == [], (name, form, text)
    assert "[Adviseur]" in text


@pytest.mark.parametrize("text", ["Jansens plan werkte.", "Anouks plan werkte.",
                                  "Het plan van A.J. werkte.", "JANSEN belde."])
def test_a_name_is_found_in_a_text_that_has_only_one_form_of_it(text: str) -> None:
    forms, parts = name_forms("Anouk Jansen-Bakker")
    scrubber = Scrubber([Person("p", "Adviseur", forms, parts)])
    scrubbed = scrubber.scrub(text)
    assert "[Adviseur]" in scrubbed and scrubber.survivors(scrubbed) == [], scrubbed


def test_ids_made_of_names_do_not_get_out(cli: Invoke, example: Path, tmp_path: Path) -> None:
    session = _with_names(example, tmp_path / "named.yaml", mentions="Eigenaarschap.")
    text = session.read_text(encoding="utf-8")
    text = text.replace("projectleider-ohv", "jacob-ten-bosch").replace(
        "  juiste-mens-juiste-rol:", "  idee-van-renee:")
    session.write_text(text, encoding="utf-8")
    for output_format in ("json", "html"):
        result = cli("summarize", "--public", "-f", output_format, session)
        assert result.exit_code == 0, result.output
        assert _names_left(result.stdout) == [], output_format
    data = json.loads(cli("summarize", "--public", "-f", "json", session).stdout)
    assert [p["id"] for p in data["participants"]] == [f"p{n}" for n in range(1, 8)]
    learning = next(g for g in data["findings"] if g["kind"] == "learning_point")
    assert {item["by"] for item in learning["items"]} == {
        "Partner in Publiek Ondernemen (toehoorder)"}
    # A follow-up id stays (later sessions refer to it), so a name in it is refused.
    session.write_text(text.replace("  fu-5:", "  fu-jacob:"), encoding="utf-8")
    refused = cli("summarize", "--public", "-f", "json", session)
    assert refused.exit_code == 1
    line = next(n for n, row in enumerate(session.read_text().splitlines(), 1)
                if row == "  fu-jacob:")
    assert f"{session}:{line}:3: the name of a participant" in refused.stderr
    assert "in follow_ups.fu-jacob" in refused.stderr
