"""The reports tell the meeting's story: every note typed, where each follow-up came from,
unmistakably internal or public, in the order the layout gives, in good Dutch and English."""

from __future__ import annotations

import html
import json
import re
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
import stopwordsiso
from pydantic import BaseModel

from conftest import Invoke, set_everywhere
from evaltool.report.render import prose
from evaltool.session.models import Session
from evaltool.session.store import load_session
from inputs import ROUTE, copy_route, edited, write_session

HUMAN = ("text", "markdown", "html")


def _flat(output: str) -> str:
    """The words of a report, whatever the wrapping, borders and markup around them."""
    output = re.sub(r"<[^>]+>", " ", output)
    return " ".join(re.sub(r"[│┃║|┌┐└┘├┤┬┴┼─━*\\>]", " ", output).split())


def _note_paths(model: type[BaseModel], path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every field of the session model that holds a note, found by walking the model:
    a field called `note`, `notes` or `*_note`, at any depth, in lists and mappings."""
    found = []
    for name, field in model.model_fields.items():
        if name == "note" or name == "notes" or name.endswith("_note"):
            found.append((*path, name))
        for inner in _models_in(field.annotation):
            found += _note_paths(inner, (*path, name))
    return found


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _noted_session(example: Path, target: Path) -> tuple[Path, dict[str, bool]]:
    """The example with a unique word in every note field of every entry, a confidential
    follow-up with a note, and the internal notes; returns {word: confidential}."""
    from evaltool.session.store import dump_session

    data = load_session(example).model_dump(mode="json", exclude_none=True)
    data["follow_ups"]["fu-geheim"] = {"question": "Vertrouwelijke vraag.",
                                       "confidential": True}
    notes: dict[str, bool] = {}
    for path in _note_paths(Session):
        counter = iter(range(1000))

        def make(path: tuple[str, ...] = path, counter: Any = counter) -> str:
            word = f"Notitie{'X'.join(path).replace('_', '')}{next(counter)}"
            notes[word] = False
            return f"Zo gezegd: {word}."

        set_everywhere(data, path, make)
    # Confidential: the session's internal notes, and the confidential follow-up's note.
    for text in (data["notes"], data["follow_ups"]["fu-geheim"]["note"]):
        notes[text.removeprefix("Zo gezegd: ").rstrip(".")] = True
    session = Session.model_validate(data)
    target.write_text(dump_session(session), encoding="utf-8")
    return target, notes


def test_the_model_walk_finds_the_notes() -> None:
    paths = _note_paths(Session)
    # The walk, not a hand list, decides; these are what the schema holds today.
    assert {("casus", "judgement_note"), ("casus", "sdgs", "note"),
            ("participants", "position", "note"), ("participants", "roles", "note"),
            ("follow_ups", "note"), ("notes",)} <= set(paths)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_note_appears_in_every_human_readable_format(cli: Invoke, example: Path,
                                                           tmp_path: Path,
                                                           language: str) -> None:
    session, notes = _noted_session(example, tmp_path / "noted.yaml")
    assert sum(notes.values()) == 2 and len(notes) > 15
    for output_format in HUMAN:
        internal = cli("--lang", language, "summarize", "-f", output_format, "--width", "200",
                       session)
        public = cli("--lang", language, "summarize", "--public", "-f", output_format,
                     "--width", "200", session)
        assert internal.exit_code == 0 and public.exit_code == 0, internal.output
        flat_internal, flat_public = _flat(internal.stdout), _flat(public.stdout)
        mark = "VERTROUWELIJK" if language == "nl" else "CONFIDENTIAL"
        for word, confidential in notes.items():
            assert word in flat_internal, (output_format, word)
            if not confidential:
                assert word in flat_public, (output_format, word)
                continue
            assert word not in public.stdout, (output_format, word)
            # Marked: the confidential mark stands before it, in the same item or section.
            before = flat_internal[:flat_internal.index(word)]
            assert mark in before[-300:], (output_format, word, before[-300:])
        assert mark not in public.stdout


def test_the_roles_are_told_in_prose_with_dutch_grammar(cli: Invoke, example: Path) -> None:
    markdown = cli("--lang", "nl", "summarize", "-f", "markdown", example).stdout
    section = markdown.split("## Rollen en talenten")[1].split("\n## ")[0]
    assert ("**De projectleider Onderwijshuisvesting** werkt op het grensvlak van de "
            "presterende overheid en de samenwerkende overheid.") in section
    assert "**De beleidsadviseur Energie** werkt vanuit de samenwerkende overheid." in section
    assert ("In dit project waren dat de rollen van adviseur (stadsgericht, begin), daarna "
            "financierder en toetser / kwaliteitsbewaker (stadsgericht, gedurende het proces), "
            "daarna procesbegeleider (intern gericht, gedurende het proces).") in section
    assert "Gebruikelijk zijn de rollen van financierder en adviseur (stadsgericht)." in section
    # Every position and role note of the example, word for word.
    data = load_session(example)
    for participant in data.participants.values():
        if participant.position and participant.position.note:
            assert participant.position.note in section
        for role in participant.roles:
            if role.note:
                assert role.note in section
    opening = markdown.split("\n\n")[4]  # after the notice, masthead, title, byline
    assert ("Aanwezig waren de projectleider Onderwijshuisvesting, de programmeur "
            "Onderwijshuisvesting, de beleidsadviseur Energie, de subsidieadviseur, de partner "
            "in Publiek Ondernemen en de partner in Publiek Ondernemen (toehoorder).") in opening
    assert "De projectleider vanuit de school kon niet aanwezig zijn." in opening


@pytest.mark.parametrize(("label", "language", "expected"), [
    ("Projectleider Onderwijshuisvesting", "nl", "de projectleider Onderwijshuisvesting"),
    ("Bestuurslid energiecoöperatie", "nl", "het bestuurslid energiecoöperatie"),
    ("Afdelingshoofd Onderwijs", "nl", "het afdelingshoofd Onderwijs"),
    ("GGD-arts", "nl", "de GGD-arts"),
    ("Juridisch adviseur", "nl", "de juridisch adviseur"),
    ("Samenwerkende overheid", "nl", "de samenwerkende overheid"),
    ("Subsidieadviseur", "en", "the subsidieadviseur"),
    ("ICT'er", "nl", "de ICT'er"),
])
def test_functions_in_running_text(label: str, language: str, expected: str) -> None:
    assert prose.with_article(label, language) == expected


def test_ordinals_and_lists_in_both_languages() -> None:
    assert [prose.ordinal(n, "nl") for n in (1, 2, 3, 21)] == ["eerste", "tweede", "derde",
                                                               "21e"]
    assert [prose.ordinal(n, "en") for n in (1, 12, 21, 22, 111)] == [
        "first", "twelfth", "21st", "22nd", "111th"]
    assert prose.joined(["a", "b", "c"], "nl") == "a, b en c"
    assert prose.joined(["a", "b"], "en") == "a and b"


def test_a_continued_follow_up_says_where_it_came_from(cli: Invoke, tmp_path: Path) -> None:
    folder = copy_route(tmp_path / "sessions")
    third = folder / "2021-06-24-casus-zonnedaken-scholen.yaml"
    dutch = cli("--lang", "nl", "summarize", "-f", "markdown", third).stdout
    assert "### Uit eerdere bijeenkomsten" in dutch and "### Nieuw in deze bijeenkomst" in dutch
    # The thread's own question, its meeting and its status then and now.
    assert ("- Is deze aanpak haalbaar voor de andere scholen die nog gerenoveerd moeten "
            "worden? *(uit bijeenkomst 1, 28 januari 2021; toen open, nu afgerond)*") in dutch
    assert "uit bijeenkomst 2, 22 april 2021; eigenaar: Wijkregisseur Buitenhof; nog steeds " \
           "open" in dutch
    english = cli("summarize", "-f", "markdown", third).stdout
    assert "*(from meeting 1, 28 January 2021; then open, now done)*" in english
    assert "#fu-" not in dutch + english  # never the technical reference
    data = json.loads(cli("summarize", "-f", "json", third).stdout)
    origin = data["follow_ups"][0]["origin"]
    assert origin["session"] == "2021-01-28-casus-cornelis-musius"
    assert origin["session_number"] == 1 and origin["status"]["key"] == "open"
    # Files named otherwise are found by their id; a missing one still gives its date.
    (folder / "2021-01-28-casus-cornelis-musius.yaml").rename(folder / "eerste.yaml")
    renamed = cli("--lang", "nl", "summarize", "-f", "markdown", third).stdout
    assert "uit bijeenkomst 1, 28 januari 2021; toen open, nu afgerond" in renamed
    (folder / "eerste.yaml").unlink()
    missing = cli("--lang", "nl", "summarize", "-f", "markdown", third).stdout
    assert "*(uit de bijeenkomst van 28 januari 2021; nu afgerond)*" in missing


def test_the_overview_tells_each_thread_meeting_by_meeting(cli: Invoke) -> None:
    dutch = cli("--lang", "nl", "summarize", "-f", "markdown", ROUTE).stdout
    closed = dutch.split("### Afgerond")[1]
    assert "*(afgerond na 147 dagen)*\n  - bijeenkomst 1, 28 januari 2021: gesteld\n" \
           "  - bijeenkomst 3, 24 juni 2021: afgerond — De aanpak met een vaste werkwijze" in closed
    html = cli("summarize", "-f", "html", ROUTE).stdout
    assert html.count('<g class="thread"') == 6  # one line per thread in the drawing


def test_internal_and_public_copies_differ_at_a_glance(cli: Invoke, example: Path) -> None:
    internal = {fmt: cli("--lang", "nl", "summarize", "-f", fmt, example).stdout
                for fmt in ("text", "markdown", "html", "json")}
    public = {fmt: cli("--lang", "nl", "summarize", "--public", "-f", fmt, example).stdout
              for fmt in ("text", "markdown", "html", "json")}
    assert internal["text"].startswith("INTERN — niet publiceren.")
    assert internal["markdown"].startswith("> **INTERN — niet publiceren.**")
    assert re.search(r"<main>\s*<div class=\"internal\" role=\"note\"><p><strong>INTERN",
                     internal["html"])
    assert '<meta name="robots" content="noindex, nofollow">' in internal["html"]
    assert json.loads(internal["json"])["internal"]["notice"].startswith("Deze versie is niet")
    for fmt, output in public.items():
        assert "INTERN" not in output and "noindex" not in output, fmt
    assert json.loads(public["json"])["internal"] is None
    # The rules of the published copy close it, in a colophon; they do not open it.
    markdown = public["markdown"]
    assert markdown.index("## Over dit verslag") > markdown.index("## Volgende bijeenkomst")
    from evaltool.i18n import t

    assert markdown.rstrip().endswith(t("privacy.rule_refuse", "nl"))
    assert '<footer class="colophon">' in public["html"]


def test_the_overview_is_marked_internal_too(cli: Invoke) -> None:
    assert cli("summarize", ROUTE).stdout.startswith("INTERNAL — do not publish.")
    assert not cli("summarize", "--public", ROUTE).stdout.startswith("INTERNAL")


def _headings(output: str, fmt: str) -> list[str]:
    if fmt == "markdown":
        return [line.lstrip("#").strip() for line in output.splitlines()
                if re.match(r"#{2,3} ", line)]
    if fmt == "html":
        return [html.unescape(re.sub(r"<[^>]+>", "", h))
                for h in re.findall(r"<h[23]>(.*?)</h[23]>", output)]
    return []


def test_one_section_order_in_every_format_taken_from_the_layout(
        cli: Invoke, example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from evaltool.report.render.layout import _read

    markdown = cli("summarize", "-f", "markdown", example).stdout
    html = cli("summarize", "-f", "html", example).stdout
    text = cli("summarize", "-f", "text", "--width", "200", example).stdout
    order = _headings(markdown, "markdown")
    assert order == _headings(html, "html")
    positions = [text.index(f"\n{heading}") for heading in order]
    assert positions == sorted(positions)
    # A municipality's own layout: yields first, wishes as a section of their own.
    (tmp_path / "templates").mkdir()
    layout = (Path(__file__).resolve().parents[1] / "templates" / "report-layout.yaml")
    own = edited(layout.read_text(encoding="utf-8"),
                 ("  - findings: [yield]\n  - section: other_findings\n",
                  "  - section: other_findings\n"),
                 ("  - section: opening\n", "  - section: opening\n  - findings: [yield]\n"),
                 ("findings: [talent, mandate, motivation, wish, discussion_topic]",
                  "findings: [talent, mandate, motivation, discussion_topic]"))
    (tmp_path / "templates" / "report-layout.yaml").write_text(own, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _read.cache_clear()
    try:
        mine = _headings(cli("summarize", "-f", "markdown", example).stdout, "markdown")
        assert mine[0] == "Yields"
        assert mine.index("Wishes") > mine.index("Roles and talents")
        assert mine == _headings(cli("summarize", "-f", "html", example).stdout, "html")
    finally:
        _read.cache_clear()


def test_the_masthead_comes_from_the_template(cli: Invoke, example: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from evaltool.wizard.template import _template_at

    dutch = cli("--lang", "nl", "summarize", "-f", "markdown", example).stdout
    assert "**Excellent faciliteren! · Leerroute · Publiek Ondernemen**" in dutch
    other = tmp_path / "andere.yaml"
    write_session(other, {"casus.learning_route": "Wijkgericht Werken"}, source=example)
    assert "· Publiek Ondernemen**" not in cli("summarize", "-f", "markdown", other).stdout
    # Another municipality writes its own, for its own route, without code changes.
    (tmp_path / "templates").mkdir()
    bundled = Path(__file__).resolve().parents[1] / "templates" / "casus-evaluatie.yaml"
    (tmp_path / "templates" / "casus-evaluatie.yaml").write_text(
        edited(bundled.read_text(encoding="utf-8"),
               ("learning_routes: [Excellent Faciliteren]",
                "learning_routes: [Wijkgericht Werken]"),
               ("- {nl: Excellent faciliteren!, en: Excellent faciliteren!}",
                "- {nl: Samen in de wijk, en: Together in the neighbourhood}")),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _template_at.cache_clear()
    try:
        mine = cli("--lang", "nl", "summarize", "-f", "markdown", other).stdout
        assert "**Samen in de wijk · Leerroute · Publiek Ondernemen**" in mine
    finally:
        _template_at.cache_clear()


def test_the_overview_has_no_stopwords_and_keeps_free_labels(cli: Invoke) -> None:
    data = json.loads(cli("--lang", "nl", "summarize", "-f", "json", ROUTE).stdout)
    stop = stopwordsiso.stopwords(["nl", "en"])
    phrases = [p["phrase"] for p in data["recurring"]["phrases"]]
    assert phrases
    for phrase in phrases:
        assert not set(phrase.split()) & stop, phrase
        assert "organisatie" not in phrase  # the vocabulary's filler words
    labels = [r["label"] for r in data["roles"]]
    assert "trekker van het initiatief" in labels and "anders" not in labels


def test_singular_and_plural_in_both_languages(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "een"
    folder.mkdir()
    shutil.copy(ROUTE / "2021-01-28-casus-cornelis-musius.yaml", folder)
    dutch = cli("--lang", "nl", "summarize", "-f", "markdown", folder).stdout
    assert "1 evaluatiebijeenkomst, op 28 januari 2021." in dutch
    assert "in 1 bijeenkomst" in dutch and "(en)" not in dutch
    english = cli("summarize", "-f", "markdown", ROUTE).stdout
    assert "3 evaluation meetings, from 28 January 2021 to 24 June 2021." in english
    assert "in 1 session" in english and "in 3 sessions" in english
    assert "(s)" not in english


def test_one_date_style_in_every_report(cli: Invoke, example: Path) -> None:
    for target in (example, ROUTE):
        for fmt in HUMAN:
            output = cli("summarize", "-f", fmt, target).stdout
            # No ISO date outside the technical attributes of the drawings.
            visible = re.sub(r'data-[a-z-]+="[^"]*"', "", output)
            assert not re.search(r"\b20\d\d-\d\d-\d\d\b", visible), (target.name, fmt)
