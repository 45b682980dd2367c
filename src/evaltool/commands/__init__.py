"""The commands, one module per feature; each has `register(app)`. Keep them thin.

Shared option types live here so that every command spells them the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from evaltool.i18n import t

SessionsDirOption = Annotated[
    Path,
    typer.Option("--sessions-dir", envvar="EVALTOOL_SESSIONS", help=t("files.sessions_dir_help"),
                 file_okay=False),
]
DEFAULT_SESSIONS_DIR = Path("sessions")
