"""The command line: a thin Typer layer over evaltool's core, and the one edge for errors.

Only typer and the text catalogs are imported here; every command imports the heavy
parts (pydantic, yaml, rich) when it runs, so `evaltool --help` stays fast.
Commands live in `evaltool.commands.*`, one module per feature, each with `register(app)`.

What Typer (and click) write themselves speaks the user's language too: their texts are
looked up in the `frame` catalog (`evaltool.i18n.frame_gettext`), both where the library
marks them for gettext and where evaltool's command classes lay out the help.
"""

from __future__ import annotations

import gettext
import os
import re
import sys
from collections.abc import Sequence
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
from typer.core import TyperCommand, TyperGroup

from evaltool import __version__
from evaltool.commands import report_error, speak_shared
from evaltool.errors import EvaltoolError, InterruptedByUser
from evaltool.i18n import (
    available_languages,
    frame_gettext,
    frame_ngettext,
    frame_texts,
    match_language,
    resolve_language,
    set_language,
    t,
)
from evaltool.session.workspace import SESSIONS, has_sessions

COMMAND_MODULES = ("start", "files", "wizard", "report", "git")
# The order of the work: prepare a folder once, then per meeting record, change, finish,
# report and compare; after those the helpers for files and git.
COMMAND_ORDER = ("init", "new-session", "drafts", "edit", "finalize", "summarize", "diff",
                 "templates", "validate", "fmt", "schema", "git-setup")


def speak_frame() -> None:
    """Typer and click mark their own texts for gettext (`from gettext import gettext as
    _`); those names in their loaded modules now look in the `frame` catalog, in the
    user's language. Explicit and for this process only: gettext's own functions read
    the language from the environment, and setting LANGUAGE there would reach git and
    every other program evaltool starts."""
    ours = {"_": (gettext.gettext, frame_gettext), "gettext": (gettext.gettext, frame_gettext),
            "ngettext": (gettext.ngettext, frame_ngettext)}
    for name, module in list(sys.modules.items()):
        if module is None or name.partition(".")[0] not in ("typer", "click"):
            continue
        for attribute, (original, replacement) in ours.items():
            if getattr(module, attribute, None) is original:
                setattr(module, attribute, replacement)


def _shown_default(param: Any) -> str | None:
    """The default a help line shows, as Typer shows it: not for flags or empty ones."""
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return shown
    default = getattr(param, "default", None)
    if not shown or getattr(param, "is_flag", False) or default in (None, "", (), []) \
            or callable(default):
        return None
    return str(default.value if isinstance(default, Enum) else default)


def help_row(param: Any) -> tuple[str, str] | None:
    """One line of the Arguments or Options section: the names with the value's name
    (always the parameter's metavar, in the user's language), then its help and what
    Typer would add in brackets, in the user's language."""
    if getattr(param, "hidden", False):
        return None
    metavar = param.metavar or (param.name or "").upper()
    if param.param_type_name == "option":
        def dashes(name: str) -> int:
            return len(name) - len(name.lstrip("-/"))

        names = ", ".join(sorted(param.opts, key=dashes))
        if param.secondary_opts:
            names += " / " + ", ".join(sorted(param.secondary_opts, key=dashes))
        if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            names += f" {metavar}"
    else:
        names = metavar if param.nargs == 1 or metavar.endswith("...") else f"{metavar}..."
    extra = []
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if envvar:
        var = envvar if isinstance(envvar, str) else ", ".join(envvar)
        extra.append(frame_gettext("env var: {var}").format(var=var))
    default = _shown_default(param)
    if default is not None:
        extra.append(frame_gettext("default: {default}").format(default=default))
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        extra.append(f"{low}–{high}")
    if param.required:
        extra.append(frame_gettext("required"))
    help_text = param.help or ""
    if extra:
        help_text = f"{help_text}  [{'; '.join(extra)}]".strip()
    return names, help_text


def _usage_error() -> type[Exception]:
    """The click exception class for a mistake on the command line (Typer's own click, in
    Typer versions that bring one)."""
    click: Any = getattr(typer.core, "_click", None) or import_module("click")
    found: type[Exception] = click.exceptions.UsageError
    return found


# Usage errors that Typer's own click writes without marking them, known by how they
# begin: "Missing argument 'OLD'.", "No such option: --x (Possible options: --y)".
_ERROR_STARTS = ("Missing argument", "Missing option", "Missing parameter",
                 "No such option: {name}")


def error_message(message: str) -> str:
    """A usage error's message in the user's language: its known start and the list of
    possible options, else a text of the `frame` catalog with its values filled in
    ("Option '--step' requires an argument.") whole; else as it is."""
    for msgid in _ERROR_STARTS:
        start = msgid.split("{")[0]
        if message.startswith(start):
            possible = "(Possible options: {options})"
            message = frame_gettext(msgid).split("{")[0] + message[len(start):]
            return message.replace(possible.split("{")[0],
                                   frame_gettext(possible).split("{")[0])
    for english, translated in frame_texts():
        names = re.findall(r"\{[^{}]*\}", english)
        if not names:
            continue
        parts = re.split(r"\{[^{}]*\}", english)
        found = re.fullmatch("(.+?)".join(map(re.escape, parts)), message, re.S)
        if found is not None and all(name in translated for name in names):
            for name, value in zip(names, found.groups(), strict=True):
                translated = translated.replace(name, value)
            return translated
    return message


def speak_usage_error(error: Exception) -> None:
    """A mistake on the command line shown the way click shows it ("Usage: ...", "Try ...
    for help.", "Error: ..."), with those words in the user's language."""
    if not isinstance(error, _usage_error()) or type(error).__name__ == "NoArgsIsHelpError":
        return

    def show(file: Any = None) -> None:
        stream = file or sys.stderr
        ctx = getattr(error, "ctx", None)
        if ctx is not None:
            hint = frame_gettext("Try '{command} {option}' for help.").format(
                command=ctx.command_path, option=ctx.help_option_names[0])
            print(ctx.get_usage(), hint, "", sep="\n", file=stream)
        message = error_message(error.format_message())  # type: ignore[attr-defined]
        print(frame_gettext("Error: {message}").format(message=message), file=stream)

    error.show = show  # type: ignore[attr-defined]


class _InYourLanguage:
    """Every command's help and usage errors in the user's language: the frame through the
    `frame` catalog, the help of the options Typer adds (--help, completion) through
    evaltool's own."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = [frame_gettext(piece) for piece in self.collect_usage_pieces(ctx)]  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              frame_gettext("Usage:") + " ")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            row = help_row(param)
            if row is not None and param.param_type_name in rows:
                rows[param.param_type_name].append(row)
        for title, kind in (("Arguments", "argument"), ("Options", "option")):
            if rows[kind]:
                with formatter.section(frame_gettext(title)):
                    formatter.write_dl(rows[kind])

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except Exception as error:
            speak_usage_error(error)
            raise

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

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # `evaltool` alone: the help, and where
            ctx.meta["first_steps"] = _first_steps()  # to begin if nothing is here yet
        rest: list[str] = super().parse_args(ctx, args)
        return rest

    def format_epilog(self, ctx: Any, formatter: Any) -> None:
        super().format_epilog(ctx, formatter)
        if ctx.meta.get("first_steps"):
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(ctx.meta["first_steps"])

    def list_commands(self, ctx: Any) -> list[str]:
        names: list[str] = super().list_commands(ctx)
        order = {name: index for index, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda name: order.get(name, len(order)))

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.short_help or command.get_short_help_str(80)))
        if rows:
            with formatter.section(frame_gettext("Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _usage_error() as error:
            speak_usage_error(error)
            raise
        except InterruptedByUser as error:
            print(str(error), file=sys.stderr)
            raise SystemExit(error.exit_code) from None
        except EvaltoolError as error:
            report_error(error)
            raise SystemExit(error.exit_code) from None
        except KeyboardInterrupt:
            print(t("core.interrupted"), file=sys.stderr)
            raise SystemExit(130) from None


def _first_steps() -> str | None:
    """What to do first, when the sessions folder (EVALTOOL_SESSIONS, else ./sessions)
    holds no session file yet: `init`, or, once it made the folder, the first meeting."""
    folder = Path(os.environ.get("EVALTOOL_SESSIONS") or SESSIONS)
    if has_sessions(folder):
        return None
    return t("start.first_meeting" if folder.is_dir() else "start.first_steps")


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
        invoke_without_command=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_show_locals=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def main_options(
        ctx: typer.Context,
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
        if ctx.invoked_subcommand is None:  # `evaltool --lang nl`: as `evaltool` alone
            ctx.meta["first_steps"] = _first_steps()
            print(ctx.get_help())
            raise typer.Exit(0)


    for name in COMMAND_MODULES:
        import_module(f"evaltool.commands.{name}").register(app)
    speak_shared()
    speak_frame()
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
