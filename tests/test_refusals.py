"""Every file the store refuses, through `evaltool validate`: exit 1, file:line:col, what to do."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, Invoke
from evaltool.session.models import SCHEMA_VERSION
from inputs import edited, session_text

GOOD = EXAMPLE.read_text(encoding="utf-8")


# name, file content (str or bytes), expected line, a fragment of the message
REFUSALS: list[tuple[str, str | bytes, int, str]] = [
    ("cp1252",
     edited(GOOD, ("coöperatieve", "co\udcf6perat")).encode("utf-8", "surrogateescape"),
     0, "looks like Windows-1252"),
    ("utf16", GOOD.encode("utf-16"), 1, "UTF-16"),
    ("latin1-garbage", b"schema_version: 1\ntitle: \xff\xfe\xfd\x81\n", 2, "not valid UTF-8"),
    ("tab-indent", edited(GOOD, ("  title: Casus", "\ttitle: Casus")), 0,
     "tab is used for indentation"),
    ("duplicate-key", edited(GOOD, ("  title: Casus Cornelis Musius\n",
                                    "  title: Casus Cornelis Musius\n  title: Other\n")),
     0, "duplicate key 'title'"),
    ("anchor", edited(GOOD, ("  title: Casus", "  title: &t Casus")), 0, "anchors"),
    ("alias", "schema_version: 1\nid: &i x\nstatus: *i\n", 2, "anchors"),
    ("alias-only", "schema_version: 1\nid: x\nstatus: *i\n", 3,
     "aliases (*name) are not allowed"),
    ("merge-key", "schema_version: 1\n<<: {id: x}\n", 2, "merge keys"),
    ("python-tag", "schema_version: 1\nid: !!python/object/apply:os.system [ls]\n", 2,
     "explicit tag !!python/object/apply"),
    ("include-tag", "schema_version: 1\nid: !include other.yaml\n", 2, "explicit tag !include"),
    ("str-tag", "schema_version: 1\nid: !!str x\n", 2, "explicit tag !!str"),
    ("yaml-1.1", "%YAML 1.1\n---\nschema_version: 1\n", 1, "%YAML"),
    ("tag-directive", "%TAG !e! tag:example.com,2000:\n---\nschema_version: 1\n", 1, "%YAML"),
    ("two-documents", GOOD + "---\nschema_version: 1\n", GOOD.count("\n") + 1,
     "more than one YAML document"),
    ("empty", "", 1, "the file is empty"),
    ("comment-only", "# nothing here yet\n\n", 1, "the file is empty"),
    ("top-level-list", "- schema_version: 1\n", 1, "top level must be a mapping"),
    ("top-level-text", "just some words\n", 1, "top level must be a mapping"),
    ("complex-key", "schema_version: 1\n? [a, b]\n: 1\n", 2, "a key must be plain text"),
    ("impossible-date", edited(GOOD, ("date: 2021-01-28", "date: 2021-02-30")), 0,
     "2021-02-30 is not a date that exists"),
    ("date-format", edited(GOOD, ("date: 2021-01-28", "date: 28-01-2021")), 0, "YYYY-MM-DD"),
    ("conflict-markers", edited(GOOD, ("  title: Casus Cornelis Musius\n",
                                       "<<<<<<< HEAD\n  title: A\n=======\n  title: B\n"
                                       ">>>>>>> other\n")), 0, "conflict marker"),
    ("conflict-in-quoted-text", 'schema_version: 1\nid: "x\n<<<<<<< HEAD\n"\n', 3,
     "conflict marker"),
    ("too-deep", "schema_version: 1\nid: " + "[" * 60 + "]" * 60 + "\n", 2, "nested more than"),
    ("syntax", "schema_version: 1\nid: {a: [1, 2\n", 3, "YAML syntax error"),
    ("unknown-key", edited(GOOD, ("participants:", "participant:")), 0,
     "unknown key 'participant' — did you mean participants?"),
    ("unknown-nested-key", edited(GOOD, ("    function: Subsidieadviseur", "    functie: x")), 0,
     "unknown key 'functie'"),
    ("typo-in-a-list-entry",
     edited(GOOD, ("      note: Duurzame energie.", "      noot: Duurzame")), 0,
     "unknown key 'noot' — did you mean note?"),
    ("typo-in-a-role", edited(GOOD, ("orientation: internal\n        note: Begeleiden",
                                     "orientaton: internal\n        note: Begeleiden")),
     0, "unknown key 'orientaton' — did you mean orientation?"),
    ("typo-in-a-participant",
     edited(GOOD, ("    function: Subsidieadviseur", "    functie: x")), 0,
     "unknown key 'functie' — did you mean function?"),
    ("control-character",
     edited(GOOD, ("title: Casus Cornelis Musius", "title: \"Casus\\x07\"")), 0,
     "control character U+0007"),
    ("blank-required-text", edited(GOOD, ("title: Casus Cornelis Musius", "title: '   '")), 0,
     "casus.title is empty"),
    ("empty-required-value", edited(GOOD, ("title: Casus Cornelis Musius", "title:")), 0,
     "casus.title is empty"),
    ("merge-key-in-nested-mapping",
     edited(GOOD, ("  title: Casus", "  <<: {a: 1}\n  title: Casus")), 0, "merge keys"),
    ("missing-version", edited(GOOD, (f"schema_version: {SCHEMA_VERSION}\n", "")), 1,
     "no schema_version"),
    ("newer-version", edited(GOOD, (f"schema_version: {SCHEMA_VERSION}", "schema_version: 99")),
     2, f"this evaltool reads up to {SCHEMA_VERSION}"),
    ("unknown-quadrant", edited(GOOD, ("- networking_government\n      note: Vanuit",
                                       "- netwerkende overheid\n      note: Vanuit")), 0,
     "did you mean networking_government?"),
    # A problem with the pair of quadrants is reported at the list, one line above the change.
    ("diagonal-border", edited(GOOD, ("        - networking_government\n      note: Opereert",
                                      "        - responsive_government\n      note: Opereert"),
                               first=True),
     GOOD.splitlines().index("        - networking_government"),
     "do not share a border"),
    ("other-without-label", edited(GOOD, ("role: subsidy_adviser", "role: other")), 0,
     "needs a label"),
    ("flag-not-boolean", edited(GOOD, ("usual: true", "usual: yes"), first=True), 0,
     "true or false"),
    ("number-not-number", edited(GOOD, ("session_number: 1", "session_number: one")), 0,
     "whole number"),
    ("octal-looking-number", edited(GOOD, ("session_number: 1", "session_number: 0123")), 0,
     "whole number"),
    ("unknown-participant", edited(GOOD, ("by: toehoorder", "by: luisteraar"), first=True), 0,
     "who is not among the participants"),
]


def _expected_line(name: str, content: str | bytes, line: int, fragment: str) -> int:
    """Where 0 is given, the line is found as the first line that differs from the example."""
    if line:
        return line
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    for number, (ours, good) in enumerate(zip(text.splitlines(), GOOD.splitlines(), strict=False),
                                          start=1):
        if ours != good:
            return number
    raise AssertionError(name)


@pytest.mark.parametrize(("name", "content", "line", "fragment"), REFUSALS,
                         ids=[r[0] for r in REFUSALS])
def test_refusal(cli: Invoke, tmp_path: Path, name: str, content: str | bytes, line: int,
                 fragment: str) -> None:
    path = tmp_path / f"{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert fragment in result.stderr
    expected = _expected_line(name, content, line, fragment)
    match = re.search(rf"^error: {re.escape(str(path))}:(\d+):(\d+): ", result.stderr, re.M)
    assert match, result.stderr
    lines = {int(m) for m in re.findall(rf"{re.escape(str(path))}:(\d+):", result.stderr)}
    assert expected in lines, (expected, result.stderr)
    assert " — " in result.stderr  # every refusal says what to do
    assert "0 valid, 1 invalid" in result.stdout


def test_every_problem_of_a_file_is_reported_at_once(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    path.write_text(edited(GOOD,
                           ("date: 2021-01-28", "date: 2021-13-01"),
                           ("  title: Casus", "  titel: Casus"),
                           ("status: final", "status: finished")), encoding="utf-8")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) >= 4
    for fragment in ("status must be one of", "unknown key 'titel'", "casus.title is missing",
                     "2021-13-01 is not a date"):
        assert fragment in result.stderr


def test_a_file_too_large_is_refused_before_parsing(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"schema_version: 1\nnotes: '" + b"x" * (3 * 1024 * 1024) + b"'\n")
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "too large" in result.stderr


def test_a_long_value_is_not_echoed_back(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(edited(GOOD, ("title: Casus Cornelis Musius", "title: " + "Casus " * 50_000)))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "too long" in result.stderr
    assert len(result.output) < 2_000


def test_text_that_looks_like_numbers_or_null_stays_text(cli: Invoke, tmp_path: Path) -> None:
    from evaltool.session.store import load_session

    path = tmp_path / EXAMPLE.name
    # Plain, as someone would type them: the writer would quote them.
    path.write_text(edited(GOOD,
                           ("title: Casus Cornelis Musius", "title: 2021"),
                           ("  organisation: Gemeente Delft\n  learning",
                            "  organisation: 0612345678\n  learning"),
                           ("function: Subsidieadviseur",
                            "function: Subsidieadviseur\n    name: Null"),
                           ("department: Duurzaamheid", "department: no"),
                           ("judgement_note: Het", "judgement_note: 1e10 Het")),
                    encoding="utf-8")
    assert cli("validate", path).exit_code == 0
    loaded = load_session(path)
    assert loaded.casus.title == "2021"
    assert loaded.casus.organisation == "0612345678"
    assert loaded.participants["subsidieadviseur"].name == "Null"
    assert loaded.participants["beleidsadviseur-energie"].department == "no"


def test_non_files_do_not_hang(cli: Invoke, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "folder.yaml" / EXAMPLE.name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "gone.yaml")
    result = cli("validate", fifo, tmp_path / "folder.yaml", tmp_path / "dangling.yaml")
    assert result.exit_code == 1
    assert f"{fifo}: not a regular file" in result.stderr
    assert "dangling.yaml: a symbolic link to a file that does not exist" in result.stderr
    assert "3 files checked: 1 valid, 2 invalid" in result.stdout


def test_every_good_file_is_still_checked_when_one_is_bad(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "sessions"
    (folder / ".drafts").mkdir(parents=True)
    (folder / EXAMPLE.name).write_text(GOOD, encoding="utf-8")
    (folder / "b.yaml").write_text("schema_version: 1\nid: [\n", encoding="utf-8")
    (folder / "c.yaml").write_text(session_text({"id": "c"}),
                                   encoding="utf-8")
    (folder / ".drafts" / "d.yaml").write_text("not: a session\n", encoding="utf-8")
    result = cli("validate", folder)
    assert result.exit_code == 1
    assert "3 files checked: 2 valid, 1 invalid" in result.stdout
    with_drafts = cli("validate", "--drafts", folder)
    assert "4 files checked: 2 valid, 2 invalid" in with_drafts.stdout


def test_validate_defaults_to_the_sessions_folder(cli: Invoke, example_copy: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(example_copy.parent.parent)
    assert cli("validate").exit_code == 0
    other = example_copy.parent.parent / "elsewhere"
    other.mkdir()
    result = cli("validate", env={"EVALTOOL_SESSIONS": str(other)})
    assert result.exit_code == 1  # an empty folder: nothing was checked
    assert "0 files checked" in result.stdout


def test_messages_in_dutch(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text("schema_version: 1\nid: x\nid: y\n", encoding="utf-8")
    result = cli("--lang", "nl", "validate", path)
    assert result.exit_code == 1
    assert f"fout: {path}:3:1: dubbele sleutel 'id' — houd er één over" in result.stderr


def test_drafts_are_checked_as_drafts(cli: Invoke, tmp_path: Path) -> None:
    from evaltool.wizard import drafts
    from evaltool.wizard.state import WizardState

    folder = tmp_path / "sessions"
    (folder / ".drafts").mkdir(parents=True)
    state = WizardState(template="casus-evaluatie", position=2, data={}, reviewing=False,
                        answers=[("title", "Casus X")])
    drafts.save(folder / ".drafts" / "new-1.yaml", state, "2021-01-28T10:00:00")
    result = cli("validate", "--drafts", folder)
    assert result.exit_code == 0
    assert "1 file checked: 1 valid, 0 invalid" in result.stdout
    (folder / ".drafts" / "new-2.yaml").write_text("position: x\n", encoding="utf-8")
    result = cli("validate", "--drafts", folder)
    assert "new-2.yaml:1:1: not a draft" in result.stderr


def test_two_files_with_one_id_are_refused(cli: Invoke, tmp_path: Path) -> None:
    """A copied session keeps the id it was copied from; later sessions could not tell."""
    folder = tmp_path / "sessions"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021-01-28-casus-cornelis-musius.yaml").write_text(GOOD, encoding="utf-8")
    copy = folder / "2021-03-01-kopie.yaml"  # a copy under another name ...
    copy.write_text(GOOD, encoding="utf-8")
    elsewhere = folder / "2021" / "2021-01-28-casus-cornelis-musius.yaml"  # ... or folder
    elsewhere.write_text(GOOD, encoding="utf-8")
    result = cli("validate", folder)
    assert result.exit_code == 1
    line = GOOD.splitlines().index("id: 2021-01-28-casus-cornelis-musius") + 1
    assert (f"{copy}:{line}:5: the id '2021-01-28-casus-cornelis-musius' is not the file's name "
            "'2021-03-01-kopie' — rename the file to 2021-01-28-casus-cornelis-musius.yaml, "
            "or set id: 2021-03-01-kopie") in result.stderr
    assert (f"{folder / '2021-01-28-casus-cornelis-musius.yaml'}:{line}:5: id "
            "'2021-01-28-casus-cornelis-musius' is also the id of "
            f"{elsewhere}") in result.stderr
    assert "3 files checked: 1 valid, 2 invalid" in result.stdout


def test_an_empty_folder_says_why_nothing_was_checked(cli: Invoke, tmp_path: Path) -> None:
    result = cli("validate", tmp_path)
    assert result.exit_code == 1
    assert f"no session files (*.yaml) in {tmp_path}" in result.stderr


# Raw control characters in the file itself (not escapes in quotes): libyaml's reader
# refuses them without a place, so evaltool finds them first. Columns count characters
# (the é before them is one), lines count every line break (LF, CR LF or CR).
CONTROLS = ["\x00", "\x07", "\x08", "\x1b", "\x7f", "\x0b", "\x0c", "\x80", "\x9b", "\x85",
            "\u2028", "\u2029", "\ufffe", "\uffff"]
LINE_ENDS = {"LF": "\n", "CR LF": "\r\n", "CR": "\r"}


@pytest.mark.parametrize("ending", list(LINE_ENDS))
@pytest.mark.parametrize("where", ["value", "comment", "key"])
@pytest.mark.parametrize("character", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_a_control_character_is_refused_with_its_place(cli: Invoke, tmp_path: Path,
                                                       character: str, where: str,
                                                       ending: str) -> None:
    lines = GOOD.split("\n")
    number = lines.index("  organisation: Gemeente Delft")
    if where == "value":
        lines[number] = f"  organisation: Gemeenté{character}Delft"
        column = len("  organisation: Gemeenté") + 1
    elif where == "comment":
        lines[number] = f"  organisation: Gemeente Delft  # é{character}"
        column = len("  organisation: Gemeente Delft  # é") + 1
    else:
        lines[number] = f"  organ{character}isation: Gemeente Delft"
        column = len("  organ") + 1
    path = tmp_path / "control.yaml"
    path.write_bytes(LINE_ENDS[ending].join(lines).encode("utf-8"))
    result = cli("validate", path)
    assert result.exit_code == 1
    assert (f"error: {path}:{number + 1}:{column}: the character U+{ord(character):04X} may not "
            "stand in a session file") in result.stderr, result.stderr
