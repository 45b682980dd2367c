"""Commands about session files themselves: `validate` and `schema`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from evaltool.commands import DEFAULT_SESSIONS_DIR, SessionsDirOption
from evaltool.i18n import t


def register(app: typer.Typer) -> None:
    @app.command(help=t("files.validate_help"))
    def validate(
        paths: Annotated[list[Path] | None, typer.Argument(
            help=t("files.validate_paths_help"), show_default=False)] = None,
        drafts: Annotated[bool, typer.Option("--drafts", help=t("files.drafts_help"))] = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        from evaltool import drafts as draft_files
        from evaltool.cli import report_error
        from evaltool.errors import FileProblemError
        from evaltool.store import iter_session_files, load_session

        checked = invalid = 0
        for path in iter_session_files(paths or [sessions_dir], drafts=drafts):
            checked += 1
            try:
                if path.parent.name == draft_files.FOLDER:
                    draft_files.load(path)  # a draft holds answers so far, not a session
                else:
                    load_session(path)
            except FileProblemError as error:
                invalid += 1
                report_error(error)
        print(t("files.validate_summary", checked=checked, valid=checked - invalid,
                invalid=invalid))
        if invalid or not checked:
            raise typer.Exit(1)

    @app.command(help=t("files.schema_help"))
    def schema() -> None:
        from evaltool.schema import session_schema_json

        sys.stdout.write(session_schema_json())
