"""The commands, one module per feature; each has `register(app)`. Keep them thin.

`report_error` prints an error the one way every command and the app's edge
(`evaltool.cli`) do.

Shared option types live here so that every command spells them the same way. No path is
checked by click for being readable (`readable=False`): evaltool reads it itself and says
what is wrong in its own words, with exit code 1, as for any other file it cannot use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

from evaltool.errors import EvaltoolError, UsageError
from evaltool.i18n import t
from evaltool.report.render.formats import Format

_SHARED: list[tuple[Any, str, str | None]] = []


def report_error(error: EvaltoolError) -> None:
    """Print an error the way every command does: `error: file:line:col: what — what to do`."""
    label = t("core.error")
    for line in error.lines():
        print(f"{label}: {line}", file=sys.stderr)


def shared(annotated: Any, help_key: str, metavar_key: str | None = None) -> None:
    """An option or argument type that several commands share is a module constant, made
    once per process: its help and metavar are given by `speak_shared`, in the language
    of the app being built."""
    _SHARED.append((get_args(annotated)[1], help_key, metavar_key))


def speak_shared() -> None:
    """The shared options' texts in the current language (before Typer copies them)."""
    for info, help_key, metavar_key in _SHARED:
        info.help = t(help_key)
        if metavar_key is not None:
            info.metavar = t(metavar_key)


SessionsDirOption = Annotated[
    Path,
    # The help says the default and the variable itself: no "[default: ...]" after it.
    typer.Option("--sessions-dir", envvar="EVALTOOL_SESSIONS", file_okay=False,
                 readable=False, show_default=False, show_envvar=False),
]
shared(SessionsDirOption, "files.sessions_dir_help", "cli.metavar_folder")
DEFAULT_SESSIONS_DIR = Path("sessions")


def color_wanted(choice: str = "auto") -> bool:
    """Colour for `always`; for `auto` only on a terminal (or git's pager), never with
    NO_COLOR or TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty() or os.environ.get("GIT_PAGER_IN_USE", "") in ("1", "true")
    except (AttributeError, ValueError):
        return False


def format_completion(allowed: list[str]) -> Callable[[str], list[str]]:
    """Shell completion of `--format`: the formats the command writes."""

    def complete(incomplete: str) -> list[str]:
        return [name for name in allowed if name.startswith(incomplete)]

    return complete


def check_format(value: str, allowed: list[str]) -> Format:
    """The format named by `--format`, if the command writes it."""
    if value not in allowed:
        raise UsageError.at("report.bad_format", hint="report.bad_format_hint",
                            value=value[:40], formats=", ".join(allowed))
    return Format(value)
