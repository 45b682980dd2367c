"""A first start: `evaltool init`, which prepares a folder for a learning route."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from evaltool.i18n import t


def register(app: typer.Typer) -> None:
    @app.command(help=t("start.init_help"), short_help=t("start.init_short"))
    def init(
        folder: Annotated[Path, typer.Argument(
            help=t("start.folder_help"), metavar=t("cli.metavar_folder"),
            show_default=False)] = Path("."),
        git: Annotated[bool, typer.Option("--git", help=t("start.git_help"))] = False,
    ) -> None:
        from evaltool.git.setup import prepare

        report = prepare(folder, git=git, readme=t("start.readme"))
        for key, params in report.steps:
            print(t(key, **params))
        print(t("start.done") if folder == Path(".") else
              t("start.done_elsewhere", path=folder))
