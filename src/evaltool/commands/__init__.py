"""The commands, one module per feature; each has `register(app)`. Keep them thin.

Shared option types live here so that every command spells them the same way. No path is
checked by click for being readable (`readable=False`): evaltool reads it itself and says
what is wrong in its own words, with exit code 1, as for any other file it cannot use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from evaltool.i18n import t
from evaltool.render.formats import Format

SessionsDirOption = Annotated[
    Path,
    typer.Option("--sessions-dir", envvar="EVALTOOL_SESSIONS", help=t("files.sessions_dir_help"),
                 file_okay=False, readable=False),
]
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
    from evaltool.errors import UsageError

    if value not in allowed:
        raise UsageError.at("report.bad_format", hint="report.bad_format_hint",
                            value=value[:40], formats=", ".join(allowed))
    return Format(value)
