"""Shared fixtures: the example session, a working folder, and running the CLI as a user
would (what tests give it is built in `inputs`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from evaltool import i18n
from evaltool.cli import _language_from, build_app
from evaltool.i18n import resolve_language, set_language
from evaltool.i18n.pofile import LOCALE_DIR, compile_all
from inputs import EXAMPLE, REPO, Turn, check_prompts, copy_example, typed_lines

__all__ = ["EXAMPLE", "REPO"]  # tests take them from here, as before inputs.py


class Script:
    """A terminal for the wizard's engine whose person answers from a rule: `answer(ask,
    n)` for the n-th question. What the wizard says is kept in `shown`; a refusal is kept
    too, and fails the test unless `refusals` allows it."""

    interactive = True

    def __init__(self, answer: Callable[[Any, int], str], *, refusals: bool = False) -> None:
        self.answer = answer
        self.refusals = refusals
        self.count = 0
        self.shown: list[str] = []
        self.asked: list[Any] = []

    def heading(self, progress: str, title: str, help: str | None) -> None:
        self.shown.append(f"{progress} · {title}")

    def say(self, text: str, style: str = "") -> None:
        self.shown.append(text)

    def lines(self, lines: list[str], style: str = "") -> None:
        self.shown += lines

    def ask(self, ask: Any) -> str:
        self.count += 1
        self.asked.append(ask)
        return self.answer(ask, self.count)

    def reject(self, ask: Any, message: str) -> bool:
        self.shown.append(f"✗ {message}")
        assert self.refusals, f"{ask.label}: {message}"
        return True

    def missing(self, ask: Any) -> None:
        raise AssertionError(ask.label)

    def entries(self, key: Any, lead: str | None = None) -> None:
        return None

    @property
    def unread(self) -> list[Turn]:
        """The answers of a `Typing` person that no question asked for."""
        return list(getattr(self.answer, "left", []))


class Typing:
    """A person at the wizard's engine who types these answers, each at its own prompt, in
    order; then Enter (yes to a yes/no question). A turn's prompt must be part of the label
    of the question it answers; what was never asked stays in `left`."""

    def __init__(self, *turns: Turn) -> None:
        self.left = list(turns)

    def __call__(self, ask: Any, n: int) -> str:
        if not self.left:
            return "y" if ask.kind == "confirm" else ""
        prompt, text = self.left.pop(0)
        assert prompt in ask.label, f"{text!r} was typed at {ask.label!r}, not at {prompt!r}"
        return text


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


Invoke = Callable[..., Result]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never write evaltool's digest cache into the home folder of who runs them."""
    monkeypatch.setenv("EVALTOOL_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def english() -> None:
    """Every test starts in English, whatever the test before it chose."""
    set_language("en")


THIRD = """\
msgid ""
msgstr ""
"Language: xx\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);\\n"

msgid "files.validate_help"
msgstr "XX: kontrolu la sesiojn."

msgid "report.list_two"
msgstr "{first} kaj {second}"

msgid "report.list_middle"
msgstr "{first}; {rest}"

msgid "report.list_end"
msgstr "{first} kaj {last}"

msgid "report.long_date"
msgstr "{day}-a de {month} {year}"

msgid "report.months"
msgstr "januaro,februaro,marto,aprilo,majo,junio,julio,aŭgusto,septembro,oktobro,novembro,decembro"

msgid "report.ordinals"
msgstr "unua,dua,tria"

msgid "report.ordinal_number"
msgstr "{number}-a"

msgid "report.with_article"
msgstr "la {label}"

msgid "core.yes_words"
msgstr "jes, j"

msgid "core.no_words"
msgstr "ne"

msgid "report.skipped"
msgid_plural "report.skipped"
msgstr[0] "XX unu: {count}"
msgstr[1] "XX du: {count}"
msgstr[2] "XX multaj: {count}"
"""


@pytest.fixture
def third_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throwaway language `xx`: one .po file in a folder of catalogs, compiled."""
    po = tmp_path / "xx" / "LC_MESSAGES" / "evaltool.po"
    po.parent.mkdir(parents=True)
    po.write_text(THIRD, encoding="utf-8")
    assert compile_all(tmp_path) == [po.with_suffix(".mo")]
    monkeypatch.setattr(i18n, "locale_dirs", [tmp_path, LOCALE_DIR])
    return tmp_path


@pytest.fixture
def example() -> Path:
    return EXAMPLE


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example in `tmp_path/sessions`, to be changed by the test."""
    return copy_example(tmp_path / "sessions")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder, the current one, as a facilitator's folder before the first session."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def workfolder(here: Path) -> Path:
    """The current folder, its `sessions/` holding the example session: the route so far."""
    copy_example(here / "sessions")
    return here


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run `evaltool ARGS` in-process; English unless `--lang` or `env` says otherwise."""

    def invoke(*args: str | os.PathLike[str], input: str | None = None,
               env: dict[str, str] | None = None) -> Result:
        arguments: Sequence[str] = [str(a) for a in args]
        environment = {"EVALTOOL_LANG": "en", **(env or {})}
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        set_language(resolve_language(_language_from(arguments)))
        runner = CliRunner()
        result = runner.invoke(build_app(), arguments, input=input, catch_exceptions=False)
        outcome = Result(result.exit_code, result.stdout, result.stderr)
        assert "Traceback" not in outcome.output
        return outcome

    return invoke


TypeIn = Callable[..., Result]


@pytest.fixture
def type_in(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> TypeIn:
    """Run `evaltool ARGS` with answers typed at its prompts: `type_in(turns, *args)`, each
    turn (what the prompt says, what is typed). Every answer must be read at its own prompt,
    and every one read, but the last `unread` (`env` as for `cli`)."""
    # Without a terminal every line the wizard reads comes through rich's Console.input:
    # there each answer meets the prompt it was read at.
    from rich.console import Console

    real = Console.input

    def run(turns: Sequence[Turn], *args: str | os.PathLike[str], unread: int = 0,
            env: dict[str, str] | None = None) -> Result:
        asked: list[str] = []

        def reading(self: Console, prompt: Any = "", **options: Any) -> str:
            line = real(self, prompt, **options)
            asked.append(str(prompt))
            return line

        with monkeypatch.context() as patched:
            patched.setattr(Console, "input", reading)
            result = cli(*args, input=typed_lines(turns), env=env)
        check_prompts(asked, turns, unread=unread)
        return result

    return run


def set_everywhere(data: Any, path: tuple[str, ...], make: Callable[[], object]) -> None:
    """Set the field at `path` (field names, as the session model nests them) in every entry
    of session data: lists and the mappings of participants, findings and follow-ups are
    walked through; each entry gets its own `make()`."""
    if isinstance(data, list):
        for item in data:
            set_everywhere(item, path, make)
        return
    if not isinstance(data, dict):
        return
    name, rest = path[0], path[1:]
    if not rest:
        data[name] = make()
    elif name in ("participants", "findings", "follow_ups"):
        for entry in data.get(name, {}).values():
            set_everywhere(entry, rest, make)
    elif data.get(name) is not None:
        set_everywhere(data[name], rest, make)
