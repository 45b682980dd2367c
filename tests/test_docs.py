"""The README and docs/ keep up with the tool (after sqlite-utils' docs test): every command
is documented with help in both languages, every command shown runs, every transcript is
what evaltool prints today (made by docs/transcripts.py), and every link leads somewhere."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shlex
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import typer

from conftest import REPO
from evaltool import __version__
from evaltool.cli import build_app
from evaltool.i18n import set_language

README = (REPO / "README.md").read_text(encoding="utf-8")
REGENERATE = "python docs/transcripts.py"


def _transcripts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("transcripts", REPO / "docs" / "transcripts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("transcripts", module)
    spec.loader.exec_module(module)
    return module


transcripts = _transcripts()
DOCUMENTS: list[str] = transcripts.documents()
TEXTS = {path: (REPO / path).read_text(encoding="utf-8") for path in DOCUMENTS}


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(build_app())
    return {name: command for name, command in group.commands.items() if not command.hidden}


COMMANDS = sorted(_commands())


# --- the README ---------------------------------------------------------------------------


def test_the_readme_is_short_and_leads_into_the_docs() -> None:
    assert len(README.splitlines()) <= 200
    for page in ("handleiding", "file-format", "git", "speed", "privacy", "architecture"):
        assert f"](docs/{page}.md)" in README, page


def test_the_readme_starts_with_the_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    first, second = (block.strip() for block in blocks[:2])
    assert "\n" not in first and "\n" not in second
    assert "pip install" in first and "evaltool " in first
    assert "'.[test]'" in second and "pytest" in second
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci[-1] == second
    # The first command runs evaltool on the bundled example session.
    example = shlex.split(first.split("&&")[-1])[-1]
    assert (REPO / example).is_file()
    # Nothing else comes before them but the title and what evaltool is for.
    assert README.index(first) < README.index("## ")


def test_the_readme_says_how_to_install_and_to_check_it() -> None:
    """pipx or uv, on every system, how `evaltool` gets on the PATH, and how to check."""
    for words in ("pipx install", "uv tool install", "pipx ensurepath", "uv tool update-shell",
                  "Windows", "PowerShell", "macOS", "Linux", "activate", "evaltool --version",
                  "command not found"):
        assert words in README, words


# --- every command, with help -------------------------------------------------------------


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_and_shown_in_the_docs(name: str) -> None:
    assert f"`evaltool {name}" in README
    assert any(f"evaltool {name}" in text for path, text in TEXTS.items()
               if path.startswith("docs/")), name


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_command_and_option_has_help(language: str) -> None:
    set_language(language)
    try:
        for name, command in _commands().items():
            assert command.help and command.help.strip(), name
            for parameter in command.params:
                if parameter.param_type_name == "option" and not parameter.hidden:
                    assert parameter.help, f"{name} {parameter.name}"
    finally:
        set_language("en")


# --- every command shown runs, every transcript is current --------------------------------


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_block_of_commands_runs_or_says_why_not(path: str) -> None:
    loose = transcripts.unmarked(path, TEXTS[path])
    assert not loose, (f"{loose}: mark each <!-- transcript -->, <!-- run --> or "
                       "<!-- not run: KIND — why --> (see docs/development.md)")
    for block in transcripts.blocks(path, TEXTS[path]):
        if block.kind == "not run":  # only what cannot run here, each saying why
            assert block.rest.split()[0] in transcripts.NOT_RUN, block.where


@pytest.mark.parametrize("path", [p for p in DOCUMENTS
                                  if re.search(r"<!-- (transcript|run)\b", TEXTS[p])])
def test_every_transcript_is_what_evaltool_prints(path: str) -> None:
    """Each block is run in a sandbox; a transcript that differs from the output fails."""
    _, stale = transcripts.regenerate(path)
    assert not stale, f"stale transcripts {stale}: make them anew with `{REGENERATE} {path}`"


def test_a_stale_transcript_is_found_and_made_anew() -> None:
    """The check itself: a wrong output is found, and the script writes the right one."""
    page = "<!-- transcript -->\n```text\n$ evaltool --version\nevaltool 0.0.0\n```\n"
    text, stale = transcripts.regenerate("docs/check.md", page)
    assert stale == ["docs/check.md:2"]
    assert f"$ evaltool --version\nevaltool {__version__}\n```" in text
    assert transcripts.regenerate("docs/check.md", text)[1] == []


def test_typed_answers_are_echoed_as_in_a_terminal_and_ctrl_c_stops() -> None:
    page = ("<!-- transcript\nkeys:\n  1: |\n    Casus Proef\n    ^C\nfails: [1]\n-->\n"
            "```text\n$ evaltool new-session\n```\n")
    text, _ = transcripts.regenerate("docs/check.md", page)
    assert "Title of the casus: Casus Proef\n" in text
    assert f"Date of the meeting [{transcripts.FIXED_TODAY.isoformat()}]: ^C\n" in text
    assert "Stopped. Your answers are kept in sessions/.drafts/new-20210201-101500.yaml" in text


def test_what_differs_from_day_to_day_is_normalised() -> None:
    sandbox = transcripts.Sandbox()
    try:
        day = dt.date(2030, 12, 31)
        output = (f"{sandbox.root}/team: {day.isoformat()}, new-20301231-235959.yaml, "
                  f"changed {day.isoformat()} 23:59; {sys.prefix}/bin/python  \n\n")
        assert transcripts.normalised(output, sandbox, day) == (
            "~/team: 2021-02-01, new-20210201-101500.yaml, changed 2021-02-01 10:15; "
            f"{transcripts.PIPX_VENV}/bin/python")
    finally:
        sandbox.close()


@pytest.mark.parametrize(("page", "said"), [
    ("<!-- not run -->\n```sh\nls\n```\n", "'not run:' says why"),
    ("<!-- not run: lazy -->\n```sh\nls\n```\n", "'not run:' says why"),
    ("<!-- transcript -->\n\n```text\n$ ls\n```\n", "not right above a fenced block"),
    ("<!-- transcript: [1] -->\n```text\n$ ls\n```\n", "a YAML mapping"),
])
def test_a_marker_that_cannot_work_is_an_error(page: str, said: str) -> None:
    with pytest.raises(transcripts.DocsError, match=re.escape(said)):
        transcripts.blocks("docs/check.md", page)


def test_a_command_that_fails_unannounced_is_an_error() -> None:
    page = "<!-- transcript -->\n```text\n$ evaltool validate missing.yaml\n```\n"
    with pytest.raises(transcripts.DocsError, match="ended with 1"):
        transcripts.regenerate("docs/check.md", page)


# --- every link leads somewhere -----------------------------------------------------------


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation out, spaces become `-`."""
    text = heading.strip().lower()
    kept = "".join(ch for ch in text if ch in " -_" or unicodedata.category(ch)[0] in "LN")
    return kept.replace(" ", "-")


def _anchors(text: str) -> set[str]:
    found: set[str] = set()
    without_code = re.sub(r"^```.*?^```$", "", text, flags=re.S | re.M)
    for heading in re.findall(r"^#{1,6} (.+)$", without_code, re.M):
        anchor = _anchor(heading)
        number = 0
        while (anchor if not number else f"{anchor}-{number}") in found:
            number += 1
        found.add(anchor if not number else f"{anchor}-{number}")
    return found


@pytest.mark.parametrize("path", DOCUMENTS)
def test_every_link_leads_somewhere(path: str) -> None:
    text = re.sub(r"^```.*?^```$", "", TEXTS[path], flags=re.S | re.M)
    here = (REPO / path).parent
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        file, _, anchor = target.partition("#")
        linked: Path = (here / file).resolve() if file else REPO / path
        assert linked.exists(), f"{path}: {target}"
        if anchor:
            assert anchor in _anchors(linked.read_text(encoding="utf-8")), f"{path}: {target}"
