"""The fast read path is libyaml, and it accepts and refuses exactly what the editing path does.

`store.load_session` (read-only, libyaml events) and `store.open_for_edit` (the same, plus
ruamel.yaml's round-trip tree for comments) must agree on every file: the same session,
or the same error at the same place. A save without the round-trip tree (a file with no
comments, blank lines or flow collections) must give the same bytes as one with it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from conftest import EXAMPLE
from evaltool.errors import FileProblemError
from evaltool.session import store
from evaltool.session import yamlreader as yamlsafe
from inputs import ROUTE_FILES, edited

GOOD = EXAMPLE.read_text(encoding="utf-8")


# What comes before the first participant's NSOB place (the second's is the same).
LEADER = ("    function: Projectleider Onderwijshuisvesting\n    department: Onderwijshuisvesting\n"
          "    organisation: Gemeente Delft\n    affiliation: municipality\n    position:\n")


def with_line(old: str, new: str) -> str:
    return edited(GOOD, (old, new))


# YAML 1.1 would read these as booleans, octal or hex numbers, infinity, null or a date:
# in a session file every one of them is the text that was written, or refused where a
# field wants a number, a date or true/false.
YAML11 = ["no", "off", "yes", "on", "0123", "1_000", "0x1F", ".inf", "~", "2021-01-28", "null",
          "True", "NO", "0o17", "+12", "1e3", "-.5", ":x", "12:30:00", "'quoted no'",
          '"0x1F"']

INPUTS: dict[str, str | bytes] = {
    "example": GOOD,
    **{f"title {value}": with_line("  title: Casus Cornelis Musius", f"  title: {value}")
       for value in YAML11},
    **{f"function {value}": with_line("    function: Subsidieadviseur", f"    function: {value}")
       for value in YAML11},
    **{f"session_number {value}": with_line("  session_number: 1", f"  session_number: {value}")
       for value in YAML11},
    **{f"usual {value}": with_line("        usual: true\n        played: false\n        note: ",
                                   f"        usual: {value}\n        played: false\n        note: ")
       for value in YAML11},
    **{f"date {value}": with_line("  date: 2021-01-28", f"  date: {value}") for value in YAML11},
    **{f"tag {value}": with_line("      - vertrouwen\n      - draagvlak\n",
                                 f"      - {value}\n      - draagvlak\n") for value in YAML11},
    **{f"due {value}": with_line("  fu-1:\n", f"  fu-1:\n    due: {value}\n")
       for value in YAML11},
    # hostile or odd files
    "bom": "\ufeff" + GOOD,
    "utf16": GOOD.encode("utf-16"),
    "cp1252": GOOD.encode("cp1252", "replace"),
    "nul byte": with_line("Casus Cornelis", "Casus\x00Cornelis"),
    "bell": with_line("  title: Casus Cornelis Musius", '  title: "Casus\\a"'),
    "nel": with_line("  title: Casus Cornelis Musius", "  title: Casus\x85Cornelis"),
    "line separator": with_line("  title: Casus Cornelis Musius", "  title: Casus\u2028Cornelis"),
    "crlf": edited(GOOD, ("\n", "\r\n"), every=True),
    "cr only": edited(GOOD, ("\n", "\r"), every=True),
    "no final newline": GOOD.rstrip("\n"),
    "explicit document": "---\n" + GOOD + "...\n",
    "two documents": GOOD + "---\nschema_version: 1\n",
    "directive": "%YAML 1.1\n---\n" + GOOD,
    "anchor and alias": with_line("\n  organisation: Gemeente Delft",
                                  "\n  organisation: &o Gemeente Delft\n  learning_route: *o"),
    "billion laughs": "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n",
    "python tag": "schema_version: 1\nid: !!python/object/apply:os.system [ls]\n",
    "str tag": with_line("  title: Casus Cornelis Musius", "  title: !!str Casus"),
    "merge key": "schema_version: 1\n<<: {id: x}\n",
    "quoted merge key": with_line("  title: Casus Cornelis Musius",
                                  "  title: Casus Cornelis Musius\n  '<<': x"),
    "duplicate key": with_line("  title: Casus Cornelis Musius",
                               "  title: Casus Cornelis Musius\n  title: Twee"),
    "complex key": "schema_version: 1\n? [a, b]\n: 1\n",
    "long key": "schema_version: 1\n" + "k" * 2000 + ": v\n",
    "deep": "schema_version: 1\nid: " + "[" * 100 + "]" * 100 + "\n",
    "tab indent": with_line("  title: Casus", "\ttitle: Casus"),
    "tab in text": with_line("  title: Casus Cornelis Musius", '  title: "Casus\\tCornelis"'),
    "tab in a plain value": with_line("  title: Casus Cornelis Musius",
                                      "  title: Casus\tCornelis Musius"),
    "tab before a comment": with_line("  title: Casus Cornelis Musius",
                                      "  title: Casus Cornelis Musius\t# werktitel"),
    "tab after a colon": with_line("  title: Casus Cornelis Musius",
                                   "  title:\tCasus Cornelis Musius"),
    "tab in a literal block": with_line("    Gedurende het", "    Gedurende\thet"),
    "tab in a comment": with_line("\nparticipants:", "\nparticipants:  # wie\ter waren"),
    "cr in the first line": with_line("schema.json\n", "schema.json\r"),
    "mixed line ends": "".join(line + ("\r\n", "\r", "\n")[number % 3]
                               for number, line in enumerate(GOOD.split("\n")[:-1])),
    "cr inside a plain value": with_line("  title: Casus Cornelis", "  title: Casus\rCornelis"),
    "cr inside a quoted value": with_line("  title: Casus Cornelis Musius",
                                          '  title: "Casus\rCornelis Musius"'),
    "cr inside a literal block": with_line("    Gedurende het", "    Gedurende\rhet"),
    "escape character": with_line("  title: Casus Cornelis", "  title: Casus\x1b[2JCornelis"),
    "delete character": with_line("  title: Casus Cornelis", "  title: Casus\x7fCornelis"),
    "form feed": with_line("  title: Casus Cornelis", "  title: Casus\x0cCornelis"),
    "vertical tab": with_line("  title: Casus Cornelis", "  title: Casus\x0bCornelis"),
    "c1 control": with_line("  title: Casus Cornelis", "  title: Casus\x9bCornelis"),
    "non-character": with_line("  title: Casus Cornelis", "  title: Casus\ufffeCornelis"),
    "paragraph separator": with_line("  title: Casus Cornelis", "  title: Casus\u2029Cornelis"),
    "conflict": with_line("  title: Casus Cornelis Musius\n",
                          "<<<<<<< HEAD\n  title: A\n=======\n  title: B\n>>>>>>> x\n"),
    "flow style": with_line(f"{LEADER}      quadrants:\n        - performing_government\n"
                            "        - networking_government\n",
                            f"{LEADER}      quadrants: [performing_government, "
                            "networking_government]\n"),
    "comments": with_line("\nparticipants:", "\n# wie er waren\n\nparticipants:  # allen"),
    "folded": with_line("  plan: De droom", "  plan: >\n    De droom"),
    "empty": "",
    "only a comment": "# niets\n",
    "top-level list": "- schema_version: 1\n",
    "unknown key": with_line("participants:", "participant:"),
    "newer version": with_line("schema_version: 2", "schema_version: 3"),
    "empty value": with_line("  title: Casus Cornelis Musius", "  title:"),
    "null-like keys": with_line("  title: Casus Cornelis Musius",
                                "  title: Casus Cornelis Musius\n  null: x\n  ~: y"),
    "syntax": "schema_version: 1\nid: {a: [1, 2\n",
    "unclosed quote": with_line("  title: Casus Cornelis Musius", '  title: "Casus'),
}


def outcome(load: Any, path: Path) -> tuple[str, Any]:
    """What a path gives: the session's data, or every problem with its place."""
    try:
        session = load(path)
    except FileProblemError as error:
        return "refused", [(p.key, p.line, p.column) for p in error.problems]
    session = getattr(session, "session", session)
    return "accepted", session.model_dump(mode="json")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / (name.replace(" ", "-").replace("/", "-") + ".yaml")
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
    return path


def formatted(path: Path) -> tuple[str, Any]:
    """What `evaltool fmt` makes of a path: the session its text reads as, or the refusal."""
    try:
        text = store.canonical_bytes(yamlsafe.read_bytes(path), path).decode("utf-8")
    except FileProblemError as error:
        return "refused", [(p.key, p.line, p.column) for p in error.problems]
    return "accepted", store.parse_session_text(text, path).model_dump(mode="json")


@pytest.mark.parametrize("name", list(INPUTS))
def test_read_only_editing_and_formatting_paths_agree(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, INPUTS[name])
    read_only = outcome(store.load_session, path)
    assert read_only == outcome(store.open_for_edit, path)
    assert read_only == formatted(path)  # and fmt never loses or changes what was read


def test_yaml_1_1_values_stay_the_text_that_was_written(tmp_path: Path) -> None:
    accepted = {}
    for value in YAML11:
        path = write(tmp_path, f"title {value}", INPUTS[f"title {value}"])
        kind, data = outcome(store.load_session, path)
        if kind == "accepted":
            accepted[value] = data["casus"]["title"]
    expected = {value: yaml.safe_load(f"x: {value}")["x"] for value in YAML11}
    assert accepted["no"] == "no" and expected["no"] is False  # what YAML 1.1 would do
    assert accepted["0123"] == "0123" and accepted["0x1F"] == "0x1F"
    assert accepted["2021-01-28"] == "2021-01-28" and accepted[".inf"] == ".inf"
    assert accepted["1_000"] == "1_000" and accepted["off"] == "off"
    assert accepted["~"] == "~" and accepted["null"] == "null"  # a text field keeps them


@pytest.mark.parametrize("value", ["0123", "1_000", "0x1F", ".inf", "yes", "1e3", "+12"])
def test_numbers_and_flags_are_never_guessed(tmp_path: Path, value: str) -> None:
    for field in ("session_number", "usual"):
        path = write(tmp_path, f"{field} {value}", INPUTS[f"{field} {value}"])
        assert outcome(store.load_session, path)[0] == "refused"


@pytest.mark.parametrize("kind", ["fifo", "directory", "dangling link", "too large"])
def test_paths_that_are_not_session_files(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling link":
        path.symlink_to(tmp_path / "nowhere.yaml")
    else:
        path.write_text(GOOD + "#" * (yamlsafe.MAX_BYTES + 1), encoding="utf-8")
    read_only = outcome(store.load_session, path)
    assert read_only[0] == "refused"
    assert read_only == outcome(store.open_for_edit, path)


# --- the C parser -----------------------------------------------------------------------------


def test_the_c_parser_is_what_reads_the_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from yaml._yaml import CParser

    assert yaml.__with_libyaml__ and yamlsafe.C_PARSER and yamlsafe._Parser is CParser
    made: list[type] = []

    class Watched(CParser):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            made.append(CParser)
            super().__init__(stream)

    monkeypatch.setattr(yamlsafe, "_Parser", Watched)
    store.load_session(EXAMPLE)
    assert made  # read_document builds its parser from yamlsafe._Parser


class PurePythonParser(Reader, Scanner, Parser):  # the fallback when libyaml is missing
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def parsed(text: str) -> tuple[str, Any]:
    try:
        return "accepted", yamlsafe.parse_text(text, Path("x.yaml"))
    except FileProblemError as error:
        problem = error.problems[0]
        return "refused", (problem.key, problem.line, problem.column)


def test_libyaml_and_the_pure_python_parser_give_the_same_data(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # PyYAML's pure-Python scanner refuses a tab between the words of a plain value or
    # before a comment, which YAML allows and libyaml (in PyYAML's wheels) reads.
    texts = [c for name, c in INPUTS.items() if isinstance(c, str) and name not in (
        "tab in a plain value", "tab before a comment", "tab after a colon")]
    with_c = [parsed(text) for text in texts]
    monkeypatch.setattr(yamlsafe, "_Parser", PurePythonParser)
    with_python = [parsed(text) for text in texts]
    assert with_c == with_python
    assert with_c[0][0] == "accepted" and sum(kind == "refused" for kind, _ in with_c) > 10


# --- a save is the canonical text, plus the file's comments and blank lines ------------------

EDITS = {
    "finding": lambda s: setattr(next(iter(s.findings.values())), "text", "Nieuw, één regel."),
    "description one line": lambda s: setattr(s.casus, "description", "Eén regel."),
    "description trailing spaces": lambda s: setattr(s.casus, "description", "een   \ntwee"),
    "plan two lines": lambda s: setattr(s.casus, "plan", "Plan\nover twee regels"),
}


def as_block(text: str, key: str, indicator: str) -> str:
    """The casus' `key` written as a block scalar with `indicator`, from either way the
    sources write it: a literal block, or one plain line."""
    if f"  {key}: |-\n" in text:
        return edited(text, (f"  {key}: |-\n", f"  {key}: {indicator}\n"))
    return edited(text, (f"  {key}: ", f"  {key}: {indicator}\n    "))


LAYOUTS = {
    "canonical": lambda text: text,
    "indented deeper": lambda text: edited(text, ("\n  ", "\n    "), every=True),
    "quoted": lambda text: edited(text, ("status: final", "status: 'final'")),
    "crlf": lambda text: edited(text, ("\n", "\r\n"), every=True),
    "cr only": lambda text: edited(text, ("\n", "\r"), every=True),
    "explicit document": lambda text: "---\n" + text,
    "no modeline": lambda text: text.split("\n", 1)[1],
    "folded description": lambda text: as_block(text, "description", ">-"),
    "kept newline": lambda text: as_block(text, "description", "|"),
    "literal plan": lambda text: edited(text, ("  plan: ", "  plan: |-\n    ")),
    "blank line": lambda text: edited(text, ("\nfindings:", "\n\nfindings:")),
    "comment": lambda text: edited(text, ("\nfindings:", "\nfindings:  # wat we vonden")),
}


def without_layout(text: str) -> str:
    """The text without comments and blank lines (what `dump_session` would write)."""
    lines = text.split("\n")
    kept = [lines[0]] + [line.split("  #")[0] for line in lines[1:]
                         if line.strip() and not line.lstrip().startswith("#")]
    return "\n".join(kept) + "\n"


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_save_is_the_canonical_text_with_the_files_comments(tmp_path: Path,
                                                              layout: str) -> None:
    sources = [EXAMPLE, ROUTE_FILES[-1]]
    for source in sources:
        text = LAYOUTS[layout](source.read_text(encoding="utf-8"))
        path = tmp_path / source.name
        for name, edit in EDITS.items():
            path.write_bytes(text.encode("utf-8"))
            editable = store.open_for_edit(path)
            edit(editable.session)
            store.save_session(editable.session, path, original=editable)
            saved = path.read_text(encoding="utf-8")
            assert without_layout(saved) == store.dump_session(editable.session), (source, name)
            if layout == "comment":
                assert "\nfindings:  # wat we vonden\n" in saved
            if layout == "blank line":
                assert "\n\nfindings:\n" in saved
