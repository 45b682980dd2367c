"""Commands for keeping sessions in git: `fmt`, `diff`, `git-setup`, and the helpers git runs."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from evaltool.commands import (
    DEFAULT_SESSIONS_DIR,
    SessionsDirOption,
    check_format,
    color_wanted,
    format_completion,
    report_error,
    shared,
)
from evaltool.errors import EvaltoolError, FileProblemError
from evaltool.i18n import t
from evaltool.i18n.textsafe import inline
from evaltool.report.render.formats import Format, diff_formats
from evaltool.session.workspace import SUFFIX, iter_session_files

DIFF_FORMATS = [str(fmt) for fmt in diff_formats()]


def complete_session_paths(incomplete: str) -> list[str]:
    """Shell completion: folders and session files (*.yaml) that start with what was typed:
    the files `evaltool` takes from a folder, no other."""
    typed = os.path.expanduser(incomplete)
    folder, prefix = os.path.split(typed)
    try:
        entries = sorted(os.scandir(folder or "."), key=lambda entry: entry.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        if entry.name.startswith(".") and not prefix.startswith("."):
            continue
        shown = os.path.join(folder, entry.name) if folder else entry.name
        if entry.is_dir():
            found.append(shown + "/")
        elif entry.name.endswith(SUFFIX):
            found.append(shown)
    return found


SessionPaths = Annotated[list[Path] | None, typer.Argument(
    show_default=False, autocompletion=complete_session_paths, readable=False)]
shared(SessionPaths, "git.fmt_paths_help", "cli.metavar_path")


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def register(app: typer.Typer) -> None:
    @app.command(help=t("git.fmt_help"), short_help=t("git.fmt_short"))
    def fmt(
        paths: SessionPaths = None,
        check: Annotated[bool, typer.Option("--check", help=t("git.fmt_check_help"))] = False,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
    ) -> None:
        from evaltool.fs.atomic import digest
        from evaltool.session.store import atomic_write, canonical_bytes
        from evaltool.session.yamlreader import read_bytes

        checked = changed = invalid = 0
        for path in iter_session_files(paths or [sessions_dir]):
            checked += 1
            try:
                raw = read_bytes(path)
                formatted = canonical_bytes(raw, path)
            except FileProblemError as error:
                invalid += 1
                report_error(error)
                continue
            if formatted == raw:
                continue
            changed += 1
            if check:
                print(t("git.fmt_would_change", path=inline(path)))
                continue
            try:  # never over a change made while we formatted
                atomic_write(path, formatted, expected=digest(raw))
            except EvaltoolError as error:
                invalid += 1
                report_error(error)
                continue
            print(t("git.fmt_changed", path=inline(path)))
        if not checked:
            raise FileProblemError.at("git.no_files", where=", ".join(
                str(p) for p in (paths or [sessions_dir])), hint="git.no_files_hint")
        summary = "git.fmt_check_summary" if check else "git.fmt_summary"
        reformatted = t("git.would_reformat", count=changed) if check else changed
        print(t(summary, count=checked, changed=reformatted, invalid=invalid,
                unchanged=checked - changed - invalid), file=sys.stderr)
        if invalid or (check and changed):
            raise typer.Exit(1)

    @app.command(help=t("git.diff_help"), short_help=t("git.diff_short"))
    def diff(
        old: Annotated[Path, typer.Argument(help=t("git.diff_old_help"), readable=False,
                                            metavar=t("cli.metavar_old"),
                                            autocompletion=complete_session_paths)],
        new: Annotated[Path, typer.Argument(help=t("git.diff_new_help"), readable=False,
                                            metavar=t("cli.metavar_new"),
                                            autocompletion=complete_session_paths)],
        output_format: Annotated[str, typer.Option(
            "--format", help=t("git.format_help"), metavar="|".join(DIFF_FORMATS),
            autocompletion=format_completion(DIFF_FORMATS))] = "text",
        color: Annotated[Color, typer.Option("--color", help=t("git.color_help"),
                                             metavar="|".join(Color))] = Color.auto,
        public: Annotated[bool, typer.Option("--public", help=t("git.diff_public_help"))
                          ] = False,
    ) -> None:
        from evaltool.git.diffrender import render_changes
        from evaltool.git.semdiff import diff_sessions
        from evaltool.session.store import load_session
        from evaltool.session.vocabulary import load_vocabulary

        output = check_format(output_format, DIFF_FORMATS)
        try:
            before, after = load_session(old), load_session(new)
        except FileProblemError as error:
            error.exit_code = 2  # like diff(1): 0 the same, 1 different, 2 trouble
            raise
        guard = None
        if public:
            from evaltool.report.privacy import public_versions

            before, after, guard = public_versions(before, after, old, new)
        changes = diff_sessions(before, after)
        vocabulary = load_vocabulary(after.vocabulary)
        text = render_changes(changes, vocabulary, old=str(old), new=str(new),
                              output=output.value, color=color_wanted(color.value))
        if output is Format.TEXT and not changes:
            text = t("git.no_changes") + "\n"
        if guard is not None:
            guard.check(text, output.value)
        sys.stdout.write(text)
        raise typer.Exit(1 if changes else 0)

    @app.command("git-setup", help=t("git.git_setup_help"), short_help=t("git.git_setup_short"))
    def git_setup(sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR) -> None:
        from evaltool.git.setup import set_up

        report = set_up(Path.cwd(), sessions_dir)
        for key, params in report.steps:
            print(t(key, **params))
        print(t("git.setup_done", pattern=report.pattern))

    @app.command("git-textconv", hidden=True, help=t("git.helper_help"))
    def git_textconv(path: Path) -> None:
        from evaltool.git.drivers import textconv

        sys.stdout.write(textconv(path))

    @app.command("git-diff-driver", hidden=True, help=t("git.helper_help"),
                 context_settings={"ignore_unknown_options": True})
    def git_diff_driver(arguments: Annotated[list[str], typer.Argument()]) -> None:
        from evaltool.git.drivers import external_diff

        sys.stdout.write(external_diff(arguments, color=color_wanted("auto")))

    @app.command("git-merge-driver", hidden=True, help=t("git.helper_help"))
    def git_merge_driver(base: Path, ours: Path, theirs: Path,
                         marker_size: Annotated[int, typer.Argument()] = 7,
                         name: Annotated[str, typer.Argument()] = "") -> None:
        from evaltool.git.drivers import merge_driver

        raise typer.Exit(merge_driver(base, ours, theirs, marker_size, name))
