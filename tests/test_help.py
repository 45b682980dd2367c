"""`--help` in the user's language all the way down, in the order of the work, and fitting:
no English word of Typer's or click's frame in Dutch help, no description cut off."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import Invoke
from evaltool import i18n
from evaltool.cli import build_app
from evaltool.i18n.pofile import LOCALE_DIR, read_po

# Placeholders: {name}, %(name)s, and rich's colour tags ("[blue]...[/]").
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|\[/?(?:blue|red|green|yellow|bold|dim)?\]")


def _package_files(name: str) -> list[Path]:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return []
    return sorted(Path(spec.origin).parent.rglob("*.py"))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


@cache
def library_texts() -> tuple[frozenset[str], frozenset[str]]:
    """From the installed typer and click, with ast: the texts they mark for gettext
    (`_()`, `gettext()`, `ngettext()`), and every other string they hold (not docstrings)."""
    marked: set[str] = set()
    other: set[str] = set()
    for path in [*_package_files("typer"), *_package_files("click")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in ("_", "gettext", "ngettext"):
                    marked.update(arg.value for arg in node.args[:2]
                                  if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
        skip = _docstrings(tree)
        other.update(node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                     and isinstance(node.value, str) and id(node) not in skip)
    return frozenset(marked), frozenset(other - marked)


def fragments(text: str) -> set[str]:
    """The words of a library text between its placeholders: "default: {default}" →
    "default:"; pieces without a word of two letters are no words of the frame."""
    pieces = (piece.strip(" \n\t'\"()[],.;") for piece in PLACEHOLDER.split(text))
    return {piece for piece in pieces if re.search(r"[^\W\d_]{2}", piece)}


def _occurs(fragment: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(fragment) + r"(?![\w-])", text) is not None


COMMANDS = sorted(name for name, command in
                  typer.main.get_command(build_app()).commands.items()  # type: ignore[attr-defined]
                  if not command.hidden)
PAGES = [(), *((name,) for name in COMMANDS)]


def _help(cli: Invoke, language: str, page: tuple[str, ...]) -> str:
    result = cli("--lang", language, *page, "--help", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.stdout


def _own_words() -> str:
    """Everything evaltool itself may write in a Dutch help page: its catalogs, and the
    Dutch of the frame catalog ("argument" is a Dutch word too)."""
    return "\n".join([*i18n.every_text(), *(dutch for _, dutch in i18n.frame_texts("nl"))])


def frame_words(english_help: str) -> set[str]:
    """The words of typer's and click's frame in one English help page: what the libraries
    mark for gettext, and their other strings as far as this page shows them; words that
    evaltool's own texts use (a choice such as "text") are evaltool's, not the frame's."""
    marked, other = library_texts()
    own = _own_words()
    words = set().union(*map(fragments, marked))
    words |= {word for word in set().union(*map(fragments, other))
              if _occurs(word, english_help)}
    # Option names ("--help") are typed as they are in every language.
    return {word for word in words if not _occurs(word, own) and not word.startswith("-")}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: " ".join(page) or "evaltool")
def test_dutch_help_has_no_english_word_of_the_frame(cli: Invoke,
                                                     page: tuple[str, ...]) -> None:
    english = _help(cli, "en", page)
    words = frame_words(english)
    # The check sees the frame where it is English: the usage line, the section titles.
    seen = sorted(word for word in words if _occurs(word, english))
    assert len(seen) >= 3, seen
    dutch = _help(cli, "nl", page)
    assert sorted(word for word in words if _occurs(word, dutch)) == []


def test_every_text_typer_and_click_mark_has_a_dutch_translation() -> None:
    frame = read_po((LOCALE_DIR / "nl" / "LC_MESSAGES" / "frame.po").read_text(
        encoding="utf-8"))
    marked, _ = library_texts()
    known = set(frame.entries) | {entry.plural for entry in frame.entries.values()}
    assert sorted(marked - known) == []
    for entry in frame.entries.values():  # the libraries fill in the same placeholders
        english = PLACEHOLDER.findall(entry.msgid + (entry.plural or ""))
        assert set(PLACEHOLDER.findall("".join(entry.strings))) <= set(english), entry.msgid


def test_the_frame_speaks_dutch_in_this_process_only(cli: Invoke) -> None:
    import gettext

    locale = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
    before = {name: os.environ.get(name) for name in locale}
    assert "Gebruik:" in _help(cli, "nl", ("summarize",))
    assert "Usage:" in _help(cli, "en", ("summarize",))
    # No LANGUAGE or LC_* set for git or any other program evaltool starts.
    assert {name: os.environ.get(name) for name in locale} == before
    assert gettext.gettext("Usage:") == "Usage:"  # gettext's own lookup is untouched


def test_a_mistake_on_the_command_line_is_framed_in_dutch(cli: Invoke) -> None:
    result = cli("--lang", "nl", "diff")
    assert result.exit_code == 2
    assert result.stderr.startswith("Gebruik: evaltool diff [OPTIES] {OUD} {NIEUW}\n"
                                    "Probeer 'evaltool diff -h' voor hulp.\n\nFout: ")


# --- help that fits, in the order of the work ------------------------------------------------


def _commands_listed(text: str, title: str) -> list[str]:
    section = text.split(f"\n{title}:\n", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ")
            and not line.startswith("   ")]


@pytest.mark.parametrize(("language", "title"), [("en", "Commands"), ("nl", "Opdrachten")])
def test_commands_are_listed_in_the_order_of_the_work_and_fit(cli: Invoke, language: str,
                                                              title: str) -> None:
    text = _help(cli, language, ())
    listed = _commands_listed(text, title)
    work = ["init", "new-session", "edit", "finalize", "summarize", "diff"]
    helpers = ["templates", "validate", "fmt", "schema", "git-setup"]
    assert [name for name in listed if name in work + helpers] == work + helpers
    section = text.split(f"\n{title}:\n", 1)[1]
    assert "..." not in section
    # One line per command: a description that needs a second line is too long.
    assert len(section.strip().splitlines()) == len(listed)


def _parameters(language: str) -> dict[str, Any]:
    i18n.set_language(language)
    group: Any = typer.main.get_command(build_app())
    found = {f"evaltool {param.name}": param
             for param in group.get_params(typer.Context(group))}
    for name, command in group.commands.items():
        if not command.hidden:
            found[f"{name} (help)"] = command
            found.update({f"{name} {param.name}": param
                          for param in command.get_params(typer.Context(command))})
    return found


def test_every_command_option_and_argument_is_explained_in_each_language() -> None:
    english, dutch = _parameters("en"), _parameters("nl")
    i18n.set_language("en")
    assert english.keys() == dutch.keys()
    for name, thing in english.items():
        assert thing.help and dutch[name].help and thing.help != dutch[name].help, name
        metavar = getattr(thing, "metavar", None)
        if metavar and "|" not in metavar:  # a choice is typed as it is in every language
            assert dutch[name].metavar != metavar, name


@pytest.mark.parametrize("mistake", [("diff",), ("summarize", "--foo"), ("edit", "x", "--step"),
                                     ("nosuch",), ("diff", "a", "b", "c")],
                         ids=lambda mistake: " ".join(mistake))
def test_mistakes_on_the_command_line_are_told_in_dutch(cli: Invoke,
                                                        mistake: tuple[str, ...]) -> None:
    english = cli("--lang", "en", *mistake, env={"COLUMNS": "80"})
    dutch = cli("--lang", "nl", *mistake, env={"COLUMNS": "80"})
    assert english.exit_code == dutch.exit_code == 2
    words = frame_words(english.stderr)
    assert [word for word in words if _occurs(word, english.stderr)]  # the check sees them
    assert sorted(word for word in words if _occurs(word, dutch.stderr)) == []
