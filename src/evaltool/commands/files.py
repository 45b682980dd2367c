"""Commands about session files themselves: `validate` and `schema`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from evaltool.commands import DEFAULT_SESSIONS_DIR, SessionsDirOption, report_error
from evaltool.i18n import t
from evaltool.i18n.textsafe import inline


def register(app: typer.Typer) -> None:
    @app.command(help=t("files.validate_help"), short_help=t("files.validate_short"))
    def validate(
        paths: Annotated[list[Path] | None, typer.Argument(
            help=t("files.validate_paths_help"), show_default=False,
            metavar=t("cli.metavar_path"), readable=False)] = None,
        drafts: Annotated[bool, typer.Option("--drafts", help=t("files.drafts_help"))] = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        from evaltool.session.validation import check_files
        from evaltool.wizard.drafts import load as read_draft

        checked = invalid = 0
        for _path, error in check_files(paths or [sessions_dir],
                                        read_draft=read_draft if drafts else None):
            checked += 1
            if error is not None:
                invalid += 1
                report_error(error)
        if not checked:
            where = ", ".join(inline(p) for p in paths or [sessions_dir])
            print(t("files.nothing_to_check", where=where), file=sys.stderr)
        print(t("files.validate_summary", count=checked, valid=checked - invalid,
                invalid=invalid))
        if invalid or not checked:
            raise typer.Exit(1)

    @app.command(help=t("files.schema_help"), short_help=t("files.schema_short"))
    def schema() -> None:
        from evaltool.session.schema import session_schema_json

        sys.stdout.write(session_schema_json())
