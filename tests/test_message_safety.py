"""Every message is safe to print: what a message quotes from a file or a command line
(keys, values, file names) never reaches the terminal raw.

A file could otherwise clear the screen, set the window title, make a live OSC-8 link,
reverse the text of the terminal or start a line that looks like another message, through
any command that names what is wrong with it. Every quoted text goes through the one
neutraliser (`evaltool.i18n.textsafe`) and is shown visibly: `⟨U+001B⟩`.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLE, Invoke
from evaltool.errors import Problem
from evaltool.i18n.pofile import LOCALE_DIR, read_mo
from inputs import edited

GOOD = EXAMPLE.read_text(encoding="utf-8")
# What a double-quoted YAML string can carry: escapes, bidi overrides, a new line.
HOSTILE = {
    "clear screen": ("\\e[2J\\e[H", "⟨U+001B⟩[2J"),
    "window title": ("\\e]0;pwned\\a", "⟨U+001B⟩]0;pwned⟨U+0007⟩"),
    "osc-8 link": ("\\e]8;;http://evil.example\\e\\\\klik\\e]8;;\\e\\\\", "⟨U+001B⟩]8;;"),
    "reversed text": ("\\u202eevitisop", "⟨U+202E⟩evitisop"),
    "a fake line": ("x\\nerror: all is well", "x⟨U+000A⟩error: all is well"),
    "c1 control": ("\\x9b2J", "⟨U+009B⟩2J"),
}


def unsafe(output: str) -> list[str]:
    """Characters that steer a terminal or hide text (newline is the only control allowed)."""
    return [ch for ch in output if ch != "\n" and (
        unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"))]


# Where quoted text shows up in a message: an unknown key, an unknown vocabulary word.
PLACES = {
    "key": lambda value: edited(GOOD, ("  title: Casus Cornelis Musius",
                                       f'  title: Casus Cornelis Musius\n  "ti{value}tle": x')),
    "word": lambda value: edited(GOOD, ("    affiliation: initiator",
                                        f'    affiliation: "{value}"'), first=True),
    "participant": lambda value: edited(GOOD, ("    kind: success_factor\n",
                                               f'    kind: success_factor\n    by: "{value}"\n'),
                                        first=True),
}


@pytest.mark.parametrize("command", ["validate", "summarize", "fmt", "fmt --check", "diff",
                                     "finalize"])
@pytest.mark.parametrize("place", list(PLACES))
@pytest.mark.parametrize("hostile", list(HOSTILE))
def test_a_file_cannot_steer_the_terminal_through_a_message(
        cli: Invoke, tmp_path: Path, command: str, place: str, hostile: str) -> None:
    escaped, shown = HOSTILE[hostile]
    path = tmp_path / "hostile.yaml"
    path.write_text(PLACES[place](escaped), encoding="utf-8")
    arguments = [*command.split(), path] if command != "diff" else ["diff", EXAMPLE, path]
    result = cli(*arguments)
    assert result.exit_code in (1, 2), result.output
    assert not unsafe(result.output), (unsafe(result.output), result.output)
    assert shown in result.output or place == "participant"  # an id is shown, not the value


@pytest.mark.parametrize("hostile", list(HOSTILE))
def test_an_answers_file_cannot_steer_the_terminal(cli: Invoke, tmp_path: Path,
                                                   hostile: str) -> None:
    escaped, shown = HOSTILE[hostile]
    answers = tmp_path / "answers.yaml"
    answers.write_text(f'template: casus-evaluatie\ntitle: Casus\ndate: 2021-01-28\n'
                       f'"succes{escaped}": x\njudgement: "{escaped}"\n', encoding="utf-8")
    result = cli("new-session", "--answers", answers, "--sessions-dir", tmp_path / "sessions")
    assert result.exit_code == 1, result.output
    assert not unsafe(result.output), result.output
    assert shown in result.output


HOSTILE_NAME = "sessie\x1b]0;pwned\x07\u202e.yaml"
SHOWN_NAME = "sessie⟨U+001B⟩]0;pwned⟨U+0007⟩⟨U+202E⟩.yaml"


def test_a_file_name_cannot_steer_the_terminal(cli: Invoke, tmp_path: Path) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_text(edited(GOOD, ("status: final", "status: half")), encoding="utf-8")
    for command in (["validate"], ["summarize"], ["fmt"], ["finalize"]):
        result = cli(*command, path)
        assert result.exit_code == 1
        assert not unsafe(result.output), (command, result.output)
        assert SHOWN_NAME in result.output


@pytest.mark.parametrize("command", [["fmt"], ["finalize"], ["summarize", "-o"]])
def test_a_file_name_in_a_success_message_is_safe_too(cli: Invoke, tmp_path: Path,
                                                      command: list[str]) -> None:
    path = tmp_path / HOSTILE_NAME
    path.write_text(edited(GOOD, ("status: final", "status: 'draft'")), encoding="utf-8")
    arguments = [*command, path] if command[0] != "summarize" else [*command, path, EXAMPLE]
    result = cli(*arguments)
    assert result.exit_code == 0, result.output
    assert not unsafe(result.output), result.output
    assert SHOWN_NAME in result.output


# Every message of every catalog, with every placeholder filled with hostile text.
ENGLISH = read_mo((LOCALE_DIR / "en" / "LC_MESSAGES" / "evaltool.mo").read_bytes())
MESSAGES = sorted(ENGLISH)


@given(st.text(min_size=1))
def test_no_message_lets_a_quoted_text_through(value: str) -> None:
    for name in MESSAGES:
        english = ENGLISH[name][-1]
        params = {field: value for field in re.findall(r"{(\w+)", english)}
        rendered = Problem(name, params, Path(value), 1, 1).render()
        assert not unsafe(rendered.replace("\n", "")), (name, rendered)
        assert "\n" not in rendered or "\n" in english, (name, rendered)
