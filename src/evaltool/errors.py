"""The evaltool error family: what went wrong, where, and what to do about it.

Errors carry a message key and keyword arguments; the text is looked up in the
user's language only when the error is shown, by the one edge in `evaltool.cli`. What a
message quotes from a file or a command line (keys, values, file names) may hold escape
sequences; `Problem.render` shows every such character visibly (`evaltool.i18n.textsafe`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from evaltool.i18n import t
from evaltool.i18n.textsafe import inline


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, at a place in it."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    path: Path | str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def location(self) -> str:
        parts = [inline(self.path)] if self.path is not None else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        params = {name: _quoted(value) for name, value in self.params.items()}
        text = t(self.key, **params)
        if self.hint:
            text = f"{text} — {t(self.hint, **params)}"
        where = self.location()
        return f"{where}: {text}" if where else text


def _quoted(value: object) -> object:
    """A parameter as a message may show it: numbers as they are, text made visible."""
    if isinstance(value, (int, float)):
        return value
    return inline(value)


class EvaltoolError(Exception):
    """Base of every error that is the user's to fix; never shown with a traceback."""

    exit_code = 1

    def __init__(self, *problems: Problem) -> None:
        super().__init__(problems[0].render() if problems else "")
        self.problems = list(problems)

    @classmethod
    def at(
        cls,
        message: str,
        /,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        **params: object,
    ) -> Self:
        return cls(Problem(message, params, path, line, column, hint))

    def lines(self) -> list[str]:
        return [problem.render() for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class UsageError(EvaltoolError):
    """The command was called wrongly (a missing or clashing option)."""

    exit_code = 2


class FileProblemError(EvaltoolError):
    """A file could not be read, parsed or validated."""


class SessionInvalidError(FileProblemError):
    """A session file breaks the schema; carries every problem found, each with its line."""


class TemplateError(FileProblemError):
    """A vocabulary or wizard template is missing or broken."""


class WriteError(EvaltoolError):
    """A file could not be written; the old file and any draft are untouched."""


class ChangedOnDiskError(WriteError):
    """The file changed on disk after evaltool read it (a second edit, an editor, git), in a
    way this save cannot combine with: nothing was written."""


class InterruptedByUser(EvaltoolError):
    """Ctrl-C, end of input or a signal; what was typed is kept in a draft."""

    exit_code = 130

    def __init__(self, *problems: Problem, exit_code: int = 130) -> None:
        super().__init__(*problems)
        self.exit_code = exit_code
