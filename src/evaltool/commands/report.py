"""`evaltool summarize`: one session's summary, or the learning-route overview of many.

The command parses, asks the report core for the data (`evaltool.report.reading`), says
what was left out and what publication mode did, and writes the report; the masthead
comes from the wizard's template, which only the command layer may combine with a report.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from evaltool.commands import (
    DEFAULT_SESSIONS_DIR,
    SessionsDirOption,
    check_format,
    color_wanted,
    format_completion,
    report_error,
)
from evaltool.errors import EvaltoolError, UsageError
from evaltool.i18n import current_language, pick, t, tn
from evaltool.i18n.textsafe import inline
from evaltool.report.render.formats import Format, report_formats

if TYPE_CHECKING:
    from evaltool.report.contract import RedactionCounts, Summary

REPORT_FORMATS = [str(fmt) for fmt in report_formats()]


def register(app: typer.Typer) -> None:
    @app.command(help=t("report.summarize_help"), short_help=t("report.summarize_short"))
    def summarize(
        paths: Annotated[list[Path] | None, typer.Argument(
            help=t("report.paths_help"), show_default=False,
            metavar=t("cli.metavar_path"), readable=False)] = None,
        output_format: Annotated[str, typer.Option(
            "--format", "-f", help=t("report.format_help"),
            metavar="|".join(REPORT_FORMATS),
            autocompletion=format_completion(REPORT_FORMATS))] = "text",
        output: Annotated[Path | None, typer.Option(
            "--output", "-o", help=t("report.output_help"), metavar=t("cli.metavar_file"),
            readable=False)] = None,
        public: Annotated[bool, typer.Option("--public", help=t("report.public_help"))] = False,
        names: Annotated[bool, typer.Option("--names", help=t("report.names_help"))] = False,
        route: Annotated[str | None, typer.Option(
            "--route", help=t("report.route_help"), metavar=t("cli.metavar_name"))] = None,
        width: Annotated[int | None, typer.Option(
            "--width", help=t("report.width_help"), metavar=t("cli.metavar_number"), min=30,
            max=1000)] = None,
        sessions_dir: SessionsDirOption = DEFAULT_SESSIONS_DIR,
        no_cache: Annotated[bool, typer.Option("--no-cache", help=t("cache.no_cache_help"))
                            ] = False,
    ) -> None:
        from evaltool.report.reading import summarize_paths

        chosen = check_format(output_format, REPORT_FORMATS)
        _check_options(public, names)
        if output is not None and str(output) == "-":
            output = None  # `-o -`: standard output, as with no -o at all
        language = current_language()
        report = summarize_paths(paths or [sessions_dir], language, public=public, names=names,
                                 route=route, use_cache=not no_cache)
        for error in report.left_out:
            report_error(error)
        if (anonymised := report.summary["anonymisation"]) is not None:
            _report_redactions(anonymised["redactions"])
        mark_copy(report.summary, language)
        write_report(report.summary, chosen, output, width, report.guard)
        if report.left_out:
            print(tn("report.skipped", len(report.left_out)), file=sys.stderr)
            raise typer.Exit(1)


def mark_copy(summary: Summary, language: str) -> None:
    """What every report says about itself: the masthead of its learning route, and, when it
    is not published, that it is an internal copy (`internal` in JSON)."""
    routes: list[str | None] = [summary["session"]["learning_route"]] if (
        summary["kind"] == "session") else list(summary["routes"])
    summary["masthead"] = masthead(routes, language)
    summary["internal"] = None if summary["public"] else {"notice": t(
        "report.internal_notice" if summary["kind"] == "session"
        else "report.internal_notice_route", language)}


def masthead(routes: list[str | None], language: str) -> list[str] | None:
    """The masthead lines of the template (`casus-evaluatie`, or ./templates' own copy of
    it) when it names every learning route of the report, or names none."""
    from evaltool.i18n.folding import fold
    from evaltool.wizard.template import load_template

    try:
        template = load_template()
    except EvaltoolError:  # a broken template is reported by `evaltool templates`
        return None
    head = template.masthead
    if head is None or not routes:
        return None
    wanted = {fold(route) for route in head.learning_routes}
    if wanted and not all(route and fold(route) in wanted for route in routes):
        return None
    return [pick(line.model_dump(), language) for line in head.lines]


def _check_options(public: bool, names: bool) -> None:
    if public and names:
        raise UsageError.at("report.names_and_public", hint="report.names_and_public_hint")


def _report_redactions(counts: RedactionCounts) -> None:
    """One line of what publication mode did: each count in its plural form."""
    said = {key: t("report." + f"redacted_{key}", count=count) for key, count in counts.items()}
    print(t("report.redaction_summary", **said), file=sys.stderr)


def write_report(summary: Summary, output_format: Format, output: Path | None,
                 width: int | None, guard: Any = None) -> None:
    """Render `summary` and print it, or write it to `output` all at once.

    In publication mode the `guard` checks the finished output, whatever its format,
    before a byte of it is shown or written."""
    from evaltool.report.render.formats import report_writer

    if output_format is Format.TEXT and output is None:
        from evaltool.report.render.text import console_for, render

        console = console_for(sys.stdout, width=width, color=color_wanted())
        width = width or console.width
        if console.is_terminal:  # in colour, laid out for the terminal as it is
            if guard is not None:
                guard.check(report_writer(output_format)(summary, width), str(output_format))
            console.print(render(summary, width))
            return
    text = report_writer(output_format)(summary, width or 80)
    if guard is not None:
        guard.check(text, str(output_format))
    if output is None:
        sys.stdout.write(text)
        return
    from evaltool.fs.atomic import write_output

    write_output(output, text.encode("utf-8"))
    print(t("report.written", path=inline(output)), file=sys.stderr)
