"""How the wizard asks: the `Prompter` protocol, a terminal (rich) and an answers file.

The wizard only calls these methods; it never reads stdin or prints itself. Each
question comes with a `key`, the place its answer has in an answers file
(`("participants", 2, "function")`), so the same steps run from a terminal, from a
file, or (for `--resume`) from the answers kept in a draft.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from evaltool.errors import Problem
from evaltool.render.safe import reveal
from evaltool.yamlsafe import Document

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Ask:
    """One question as the wizard puts it."""

    key: Key
    label: str
    default: str | None = None
    help: str | None = None
    multiline: bool = False
    kind: Literal["value", "pick", "menu", "review", "confirm"] = "value"


class Prompter(Protocol):
    interactive: bool

    def heading(self, progress: str, title: str, help: str | None) -> None: ...

    def say(self, text: str, style: str = "") -> None: ...

    def lines(self, lines: list[str], style: str = "") -> None: ...

    def ask(self, ask: Ask) -> str | None:
        """The raw answer; None when there is none to give (an answers file without it).
        Raises KeyboardInterrupt or EOFError when the person stops."""

    def reject(self, ask: Ask, message: str) -> bool:
        """Tell that an answer was not accepted; True means: ask again."""

    def missing(self, ask: Ask) -> None:
        """A required answer is not there (answers file): remember it for the list."""

    def entries(self, key: Key, lead: str | None = None) -> int | None:
        """How many entries an answers file gives for the list at `key`; None when it does
        not mention that list (a terminal: ask until an empty answer). An entry may be a
        plain value, short for the answer to the `lead` question (`- 4` for `- goal: 4`)."""


# --- showing text people typed, safely ------------------------------------------------


def visible(text: str, *, one_line: bool = False, limit: int | None = None) -> str:
    """Text as it may reach a terminal: no escape sequences, no bidi or zero-width tricks.

    Every character `render.safe` counts as unsafe (controls, bidi, zero-width) is shown as
    `<U+XXXX>`; newlines stay (or become ` ⏎ ` on one line) and tabs become a space.
    """
    shown = reveal(text, lambda codepoint: f"<U+{codepoint:04X}>").replace("\t", " ")
    if one_line:
        shown = shown.replace("\n", " ⏎ ")
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


# --- the terminal ----------------------------------------------------------------------


class TerminalPrompter:
    """Questions in a terminal through rich; every text is printed as text, never markup."""

    interactive = True

    def __init__(self, console: Any = None) -> None:
        from rich.console import Console

        self.console = console or Console(highlight=False, emoji=False)

    def _print(self, text: str, style: str = "") -> None:
        from rich.text import Text

        self.console.print(Text(visible(text), style=style), overflow="fold")

    def heading(self, progress: str, title: str, help: str | None) -> None:
        from rich.text import Text

        self.console.print()
        line = Text(visible(progress), style="dim")
        line.append(" · ", style="dim")
        line.append(visible(title), style="bold")
        self.console.print(line, overflow="fold")
        if help:
            self._print(help, "italic")

    def say(self, text: str, style: str = "") -> None:
        self._print(text, style)

    def lines(self, lines: list[str], style: str = "") -> None:
        for line in lines:
            self._print(line, style)

    def ask(self, ask: Ask) -> str:
        from rich.text import Text

        prompt = Text(visible(ask.label, one_line=True), style="bold")
        if ask.default not in (None, ""):
            prompt.append(f" [{visible(ask.default, one_line=True, limit=40)}]", style="cyan")
        prompt.append(": ")
        answer = self.console.input(prompt)
        if ask.multiline:
            # A line ending in a backslash goes on: how a paragraph break is typed.
            while answer.endswith("\\"):
                answer = answer[:-1].rstrip() + "\n" + self.console.input(Text("… ", style="dim"))
        return answer.strip()

    def reject(self, ask: Ask, message: str) -> bool:
        self._print(f"✗ {message}", "red")
        return True

    def missing(self, ask: Ask) -> None:  # pragma: no cover - a terminal always answers
        pass

    def entries(self, key: Key, lead: str | None = None) -> None:
        return None


# --- an answers file -------------------------------------------------------------------


@dataclass
class AnswersPrompter:
    """Answers from a YAML file (`--answers`): every problem is kept, none stops the run."""

    document: Document
    ignore: tuple[str, ...] = ("template",)
    problems: list[Problem] = field(default_factory=list)
    used: set[Key] = field(default_factory=set)
    leads: dict[Key, str] = field(default_factory=dict)
    """For each list: the question a plain-value entry answers."""

    interactive = False

    def heading(self, progress: str, title: str, help: str | None) -> None:
        pass

    def say(self, text: str, style: str = "") -> None:
        pass

    def lines(self, lines: list[str], style: str = "") -> None:
        pass

    def _lookup(self, key: Key) -> Any:
        value: Any = self.document.data
        for depth, part in enumerate(key):
            if isinstance(value, dict) and isinstance(part, str) and part in value:
                value = value[part]
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            elif isinstance(value, str) and depth == len(key) - 1 and part == "status":
                return value  # `ref: done` is short for `ref: {status: done}`
            elif isinstance(value, str) and depth == len(key) - 1 and \
                    self.leads.get(key[:-2]) == part:
                return value  # `- 4` is short for `- goal: 4`
            else:
                return None
            self._use(key[: depth + 1])
        return value

    def _use(self, key: Key) -> None:
        for end in range(1, len(key) + 1):
            self.used.add(key[:end])

    def ask(self, ask: Ask) -> str | None:
        if ask.kind == "pick":
            *where, index = ask.key
            container = self._lookup(tuple(where))
            if isinstance(container, dict) and isinstance(index, int) and index < len(container):
                name = list(container)[index]
                self._use((*where, name))
                return str(name)
            if container is not None and not isinstance(container, dict) and index == 0:
                self._shape(tuple(where), "wizard.answers_need_mapping")
            return None
        if ask.kind != "value":
            return None  # menus, the review and confirmations: the file's answers stand
        value = self._lookup(ask.key)
        if value is None:
            return None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return ", ".join(value)
        if not isinstance(value, str):
            self._shape(ask.key, "wizard.answers_need_text")
            return None
        return value.strip()

    def entries(self, key: Key, lead: str | None = None) -> int | None:
        """How many entries the file gives for a list at `key` (a wrong shape is a problem)."""
        value = self._lookup(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(
                isinstance(v, dict) or (lead and isinstance(v, str)) for v in value):
            self._shape(key, "wizard.answers_need_list")
            return 0
        if lead:
            self.leads[key] = lead
        return len(value)

    def _shape(self, key: Key, message: str) -> None:
        line, column = self.document.locate(key) or (None, None)
        self.problems.append(Problem(message, {"field": dotted(key)}, self.document.path,
                                     line, column))

    def reject(self, ask: Ask, message: str) -> bool:
        line, column = self.document.locate(ask.key) or (None, None)
        self.problems.append(Problem("wizard.answer_problem", {"message": message},
                                     self.document.path, line, column))
        return False

    def missing(self, ask: Ask) -> None:
        where = ask.key[:-1]
        line, column = (self.document.locate(where) if where else None) or (None, None)
        self.problems.append(Problem("wizard.answer_missing",
                                     {"field": dotted(ask.key), "label": ask.label},
                                     self.document.path, line, column,
                                     "wizard.answer_missing_hint"))

    def unused(self, known: dict[str, str]) -> list[Problem]:
        """Keys in the file that no question asked for: misspelt, in the wrong place, or of
        a step that did not run (`known` maps each top-level key to its step)."""
        problems = []
        for key in _keys(self.document.data):
            if key in self.used or key[0] in self.ignore:
                continue
            if len(key) > 1 and key[:-1] not in self.used:
                continue  # its parent is reported already
            line, column = self.document.locate(key, key=True) or (None, None)
            name = str(key[-1])
            if len(key) == 1 and known.get(name):
                problems.append(Problem(
                    "wizard.answers_other_step", {"field": name, "step": known[name]},
                    self.document.path, line, column, "wizard.answers_other_step_hint"))
                continue
            close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6) \
                if len(key) == 1 else []
            if close:
                problems.append(Problem(
                    "wizard.answers_unknown", {"field": dotted(key), "suggestion": close[0]},
                    self.document.path, line, column, "wizard.answers_unknown_suggest"))
            else:
                problems.append(Problem("wizard.answers_unknown", {"field": dotted(key)},
                                        self.document.path, line, column,
                                        "wizard.answers_unknown_hint"))
        return problems


def _keys(data: Any, prefix: Key = ()) -> Iterator[Key]:
    if isinstance(data, dict):
        for name, value in data.items():
            yield (*prefix, name)
            yield from _keys(value, (*prefix, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _keys(value, (*prefix, index))


def dotted(key: Key) -> str:
    """`("participants", 2, "function")` → `participants[3].function` (counting from 1)."""
    text = ""
    for part in key:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += ("." if text else "") + str(part)
    return text


# --- what was typed before (resume) ----------------------------------------------------


@dataclass
class Recorded:
    """Answers given before (kept in a draft) are given again, in order, while they fit."""

    answers: list[tuple[str, str]]

    def take(self, key: Key) -> str | None:
        if self.answers and self.answers[0][0] == key_text(key):
            return self.answers.pop(0)[1]
        self.answers.clear()  # the steps went another way: ask from here on
        return None


def key_text(key: Key) -> str:
    return "/".join(str(part) if isinstance(part, str) else f"#{part}" for part in key)

