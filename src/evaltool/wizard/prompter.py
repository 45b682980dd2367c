"""How the wizard asks: the `Prompter` protocol, a terminal (rich) and an answers file.

The wizard only calls these methods; it never reads stdin or prints itself. Each
question comes with a `key`, the place its answer has in an answers file
(`("participants", 2, "function")`), so the same steps run from a terminal, from a
file, or (for `--resume`) from the answers kept in a draft.
"""

from __future__ import annotations

import difflib
import re
import select
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from rich.console import Console
from rich.text import Text

from evaltool.errors import Problem
from evaltool.i18n import t
from evaltool.i18n.textsafe import reveal
from evaltool.i18n.textsafe import visible as mark
from evaltool.session.yamlreader import Document

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
    prefill: str | None = None
    """Text to put on the line for editing (an earlier answer, or one that was refused)."""


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

    Every character `textsafe` counts as unsafe (controls, bidi, zero-width) is shown as
    everywhere, `⟨U+XXXX⟩`; newlines stay (or become ` ⏎ ` on one line) and tabs become a
    space.
    """
    shown = reveal(text, mark).replace("\t", " ")
    if one_line:
        shown = shown.replace("\n", " ⏎ ")
    if limit is not None and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown


# --- the terminal ----------------------------------------------------------------------


class TerminalPrompter:
    """Questions in a terminal through rich; every text is printed as text, never markup.

    Where the platform has `readline` and both ends are a terminal, an answer can be
    edited on its line: an earlier answer, or one that was refused, is put there to be
    changed rather than typed again. Elsewhere such a text is shown whole above the
    question. Lines that arrive at once (a paste) come back as one answer, one line each;
    a line ended by `\\` goes on, and stays marked so (`\\` and a line break)."""

    interactive = True

    def __init__(self, console: Any = None, *, line_editor: Any = None) -> None:
        self.console = console or Console(highlight=False, emoji=False)
        self.editor = line_editor if line_editor is not None else _line_editor()

    def _print(self, text: str, style: str = "") -> None:
        self.console.print(Text(visible(text), style=style), overflow="fold")

    def heading(self, progress: str, title: str, help: str | None) -> None:
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
        """Each line wrapped to the terminal, its next lines indented under its text."""
        width = max(self.console.width, 10)
        for line in lines:
            for part in visible(line).split("\n"):
                lead = re.match(r"\s*(?:(?:[•✗·]|\d+\.)\s+)?", part)
                indent = " " * min(len(lead.group(0)) if lead else 0, width // 2)
                wrapped = textwrap.wrap(part, width, subsequent_indent=indent,
                                        break_on_hyphens=False, drop_whitespace=True) or [""]
                for piece in wrapped:
                    self._print(piece, style)

    def ask(self, ask: Ask) -> str:
        prompt = Text(visible(ask.label, one_line=True), style="bold")
        # Each line of a text to edit but the last ends in a backslash, as it was typed.
        parts = ask.prefill.split("\\\n") if ask.prefill else []
        prefills = [part + " \\" for part in parts[:-1]] + parts[-1:]
        shown = ask.default not in (None, "") and not (prefills and self.editor)
        if shown and ask.default is not None:
            prompt.append(f" [{visible(ask.default, one_line=True, limit=40)}]", style="cyan")
            if prefills and (len(ask.default) > 40 or "\n" in ask.default):
                # No line editing here: the whole text is shown, never only its start.
                self.lines([t("wizard.now", text=ask.default.replace("\\\n", "\n"))], "dim")
        prompt.append(": ")
        answer = self._read(prompt, prefills.pop(0) if prefills else None)
        if ask.multiline:
            while answer.endswith("\\"):
                more = self._read(Text("… ", style="dim"), prefills.pop(0) if prefills else None)
                answer = answer[:-1].rstrip() + "\\\n" + more
        while self._pending():  # a paste: the lines that came with this one
            answer += "\n" + self._read(Text(""), None)
        return answer.strip()

    def _read(self, prompt: Any, prefill: str | None) -> str:
        if self.editor is None:
            return str(self.console.input(prompt))
        editor = self.editor
        if prefill:
            editor.set_startup_hook(lambda: editor.insert_text(prefill))
        try:
            return input(self._escaped(prompt))
        finally:
            editor.set_startup_hook(None)

    def _escaped(self, prompt: Any) -> str:
        """The prompt as the terminal shows it, its colour codes marked as taking no room,
        so that readline keeps its cursor right on long or edited lines."""
        with self.console.capture() as capture:
            self.console.print(prompt, end="")
        return re.sub(r"(\x1b\[[0-9;]*m)", "\x01\\1\x02", capture.get())

    def _pending(self) -> bool:
        """More input is there already: the rest of a paste (no person types that fast)."""
        try:
            if not sys.stdin.isatty():
                return False
            return bool(select.select([sys.stdin], [], [], 0.03)[0])
        except (OSError, ValueError, AttributeError):
            return False

    def reject(self, ask: Ask, message: str) -> bool:
        self._print(f"✗ {message}", "red")
        return True

    def missing(self, ask: Ask) -> None:  # pragma: no cover - a terminal always answers
        pass

    def entries(self, key: Key, lead: str | None = None) -> None:
        return None


def _line_editor() -> Any:
    """`readline`, where the platform has it and both ends are a terminal; else None."""
    try:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return None
        # Imported only here: importing it changes how `input()` reads, for the whole
        # process, and some platforms lack it.
        import readline
    except (ImportError, OSError, ValueError, AttributeError):
        return None
    return readline


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
    notices: list[Problem] = field(default_factory=list)
    """What is worth saying at the end, but stops nothing (a likely name left undeclared)."""

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

    def note(self, key: Key, message: str, params: dict[str, object], hint: str) -> None:
        """A notice about the answer at `key`, with its place in the file."""
        line, column = self.document.locate(key) or (None, None)
        self.notices.append(Problem(message, {"field": dotted(key), **params},
                                    self.document.path, line, column, hint))

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

