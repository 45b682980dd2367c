"""The command line: a thin Typer layer over evaltool's core, and the one edge for errors.

Only typer and the text catalogs are imported here; every command imports the heavy
parts (pydantic, ruamel.yaml, rich) when it runs, so `evaltool --help` stays fast.
Commands live in `evaltool.commands.*`, one module per feature, each with `register(app)`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from evaltool import __version__
from evaltool.errors import EvaltoolError, InterruptedByUser
from evaltool.i18n import available_languages, match_language, resolve_language, set_language, t

COMMAND_MODULES = ("files", "wizard", "report", "git")


def report_error(error: EvaltoolError) -> None:
    """Print an error the way every command does: `error: file:line:col: what — what to do`."""
    label = t("core.error")
    for line in error.lines():
        print(f"{label}: {line}", file=sys.stderr)


class _InYourLanguage:
    """Typer's own options (--help, completion) explained in the user's language too."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("cli.help_help")
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if param.name in ("install_completion", "show_completion"):
                param.help = t(f"cli.{param.name}_help")
        return params


class EvaltoolCommand(_InYourLanguage, TyperCommand):
    """Every evaltool command."""


class EvaltoolGroup(_InYourLanguage, TyperGroup):
    """Catches evaltool's errors once, for every command, also under CliRunner."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except InterruptedByUser as error:
            print(str(error), file=sys.stderr)
            raise SystemExit(error.exit_code) from None
        except EvaltoolError as error:
            report_error(error)
            raise SystemExit(error.exit_code) from None
        except KeyboardInterrupt:
            print(t("core.interrupted"), file=sys.stderr)
            raise SystemExit(130) from None


def _version(value: bool) -> None:
    if value:
        print(f"evaltool {__version__}")
        raise typer.Exit()


class EvaltoolTyper(typer.Typer):
    """A Typer app whose commands are `EvaltoolCommand`s."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", EvaltoolCommand)
        return super().command(*args, **kwargs)


def build_app() -> typer.Typer:
    """The Typer app, with help texts in the current language."""
    app = EvaltoolTyper(
        cls=EvaltoolGroup,
        name="evaltool",
        help=t("cli.app_help"),
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_show_locals=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main_options(
        lang: Annotated[str | None, typer.Option(
            "--lang", help=t("cli.lang_help", languages=", ".join(available_languages())),
            metavar="|".join(available_languages()))] = None,
        version: Annotated[bool, typer.Option(
            "--version", help=t("cli.version_help"), callback=_version,
            is_eager=True)] = False,
    ) -> None:
        if lang is not None and match_language(lang) is None:
            raise typer.BadParameter(t("cli.bad_lang", value=lang,
                                       languages=", ".join(available_languages())),
                                     param_hint="--lang")
        set_language(resolve_language(lang))

    from importlib import import_module

    for name in COMMAND_MODULES:
        import_module(f"evaltool.commands.{name}").register(app)
    return app


def _language_from(argv: Sequence[str]) -> str | None:
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1]
    return None


def language_first(argv: Sequence[str]) -> list[str]:
    """`--lang` is an option of evaltool itself, but people also write it after the
    command (`evaltool summarize --lang nl ...`): move it to the front."""
    arguments = list(argv)
    for index, argument in enumerate(arguments[:-1]):
        if argument == "--":
            break
        if argument == "--lang" and index > 0:
            value = arguments[index + 1]
            del arguments[index:index + 2]
            return ["--lang", value, *arguments]
    for index, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument.startswith("--lang=") and index > 0:
            del arguments[index]
            return [argument, *arguments]
    return arguments


def main(argv: Sequence[str] | None = None) -> None:
    """The `evaltool` console script."""
    arguments = language_first(sys.argv[1:] if argv is None else argv)
    set_language(resolve_language(_language_from(arguments)))
    build_app()(args=arguments, prog_name="evaltool")
