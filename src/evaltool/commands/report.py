"""`evaltool summarize`: one session's summary, or the learning-route overview of many.

One file gives the session summary with the NSOB map; several files or a folder give
the overview, built from one small digest per file (`summary.digest`) so that no two
sessions are held at once. `digest_for_path` is the one place a per-file cache hooks in.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from evaltool.commands import (
    DEFAULT_SESSIONS_DIR,
    SessionsDirOption,
    check_format,
    color_wanted,
    format_completion,
)
from evaltool.i18n import t, tn
from evaltool.report.render.formats import Format, report_formats

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
        from evaltool.i18n import current_language

        chosen = check_format(output_format, REPORT_FORMATS)
        _check_options(public, names)
        if output is not None and str(output) == "-":
            output = None  # `-o -`: standard output, as with no -o at all
        language = current_language()
        targets = paths or [sessions_dir]
        guard = None
        if public:
            from evaltool.report.privacy import Guard

            guard = Guard()
        if len(targets) == 1 and not targets[0].is_dir():
            summary, failed = summarize_file(targets[0], language, public=public,
                                             names=names, route=route, guard=guard), 0
        elif guard is not None:
            # Publication mode reads every file anew and keeps nothing: what it needs to
            # check the output (the names) may not be cached.
            summary, failed = summarize_many(targets, language, public=True, route=route,
                                             guard=guard)
        else:
            from evaltool.report.cache import DigestCache

            with DigestCache(enabled=not no_cache) as cache:
                def compute() -> tuple[dict[str, Any], int]:
                    return summarize_many(targets, language, public=False, route=route,
                                          digest_of=cache.digest_for)

                summary, failed = cache.overview(targets, [language, route], compute)
        mark_copy(summary, language)
        write_report(summary, chosen, output, width, guard)
        if failed:
            print(tn("report.skipped", failed), file=sys.stderr)
            raise typer.Exit(1)


def mark_copy(summary: dict[str, Any], language: str) -> None:
    """What every report says about itself: the masthead of its learning route, and, when it
    is not published, that it is an internal copy (`internal` in JSON)."""
    routes = [summary["session"]["learning_route"]] if summary["kind"] == "session" \
        else summary["routes"]
    summary["masthead"] = masthead(routes, language)
    summary["internal"] = None if summary["public"] else {"notice": t(
        "report.internal_notice" if summary["kind"] == "session"
        else "report.internal_notice_route", language)}


def masthead(routes: list[str | None], language: str) -> list[str] | None:
    """The masthead lines of the template (`casus-evaluatie`, or ./templates' own copy of
    it) when it names every learning route of the report, or names none."""
    from evaltool.errors import EvaltoolError
    from evaltool.i18n import pick
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
    from evaltool.errors import UsageError

    if public and names:
        raise UsageError.at("report.names_and_public", hint="report.names_and_public_hint")


def _same_route(route: str | None, learning_route: str | None) -> bool:
    from evaltool.i18n.folding import fold

    return route is None or fold(route) == fold(learning_route or "")


def summarize_file(path: Path, language: str, *, public: bool, names: bool,
                   route: str | None,
                   digest_of: Callable[[Path], dict[str, Any]] | None = None,
                   guard: Any = None) -> dict[str, Any]:
    """The summary data of one session file (publication mode: anonymised and checked; the
    `guard` then learns what to check the finished output for).

    Follow-ups that continue earlier ones are traced back through the session files next
    to it (their digests: no confidential item, names replaced)."""
    from evaltool.errors import FileProblemError
    from evaltool.report.summary import summarize_session
    from evaltool.session.store import load_session
    from evaltool.session.vocabulary import load_vocabulary

    session = load_session(path)
    if not _same_route(route, session.casus.learning_route):
        raise FileProblemError.at("report.no_route_match", path=path,
                                  hint="report.no_route_match_hint", route=route,
                                  routes=session.casus.learning_route or "-")
    vocabulary = load_vocabulary(session.vocabulary)
    earlier = earlier_digests(path, session, digest_of or digest_for_path)
    if not public:
        return summarize_session(session, vocabulary, language=language, names=names,
                                 earlier=earlier)
    from evaltool.report.privacy import anonymisation, check_session, neutral_ids, publish

    published, redactions, scrubber = publish(session)
    check_session(published, scrubber, path)
    if guard is not None:
        guard.add(path, scrubber)
    # Earlier questions were scrubbed of their own session's names; these are scrubbed too.
    earlier = {key: {**d, "follow_ups": [{**fu, "question": scrubber.scrub(fu["question"])}
                                         for fu in d["follow_ups"]]}
               for key, d in earlier.items()}
    summary = summarize_session(neutral_ids(published), vocabulary, language=language,
                                earlier=earlier)
    summary["public"] = True
    summary["anonymisation"] = anonymisation(redactions, language)
    _report_redactions(summary["anonymisation"]["redactions"])
    return summary


def earlier_digests(path: Path, session: Any, digest_of: Callable[[Path], dict[str, Any]]
                    ) -> dict[str, dict[str, Any]]:
    """The digests of the sessions that the follow-ups of `session` continue, and of those
    they continue in turn: `<id>.yaml` next to the file, else any session file there. A
    session that is not found (or cannot be read) is left out: its follow-ups then show
    only the date in their reference."""
    from evaltool.errors import EvaltoolError
    from evaltool.session.store import iter_session_files

    wanted = [fu.continues.partition("#")[0] for fu in session.follow_ups.values()
              if fu.continues]
    found: dict[str, dict[str, Any]] = {}
    by_id: dict[str, Path] | None = None
    while wanted:
        session_id = wanted.pop()
        if session_id in found or session_id == session.id:
            continue
        candidate = path.parent / f"{session_id}.yaml"
        if not candidate.is_file():
            if by_id is None:  # the files are named otherwise: look inside each once
                by_id = {}
                for other in iter_session_files([path.parent]):
                    try:
                        by_id.setdefault(digest_of(other)["id"], other)
                    except EvaltoolError:
                        continue
            candidate = by_id.get(session_id, candidate)
        try:
            d = digest_of(candidate)
        except EvaltoolError:
            continue
        if d["id"] != session_id:
            continue
        found[session_id] = d
        wanted += [fu["continues"].partition("#")[0] for fu in d["follow_ups"]
                   if fu.get("continues")]
    return found


def digest_for_path(path: Path) -> dict[str, Any]:
    """The digest of one session file; raises `FileProblemError` for a bad file.

    This is the unit a per-file cache can keep (keyed by the file's path, size, mtime
    and `summary.DIGEST_VERSION`): it is plain JSON data, holds no confidential text and
    no names, and everything the overview needs, also in publication mode.
    """
    from evaltool.report.summary import digest
    from evaltool.session.store import load_session

    return digest(load_session(path))


def public_digest(path: Path, guard: Any) -> dict[str, Any]:
    """The digest of one session file in publication mode: refused (raised) when the file's
    own public report would be; its people are handed to `guard` for the output check."""
    from evaltool.report.privacy import check_session, publish
    from evaltool.report.summary import digest
    from evaltool.session.store import load_session

    session = load_session(path)
    published, _, scrubber = publish(session)
    check_session(published, scrubber, path)
    guard.add(path, scrubber)
    return digest(session)


def summarize_many(paths: list[Path], language: str, *, public: bool,
                   route: str | None, digest_of: Callable[[Path], dict[str, Any]] | None = None,
                   guard: Any = None) -> tuple[dict[str, Any], int]:
    """The learning-route overview of every session file under `paths`, and how many failed.

    `digest_of` (default `digest_for_path`) is where the per-file cache comes in. In
    publication mode (`guard` given) a file whose public report would be refused makes
    the whole overview refused, with every reason."""
    from evaltool.cli import report_error
    from evaltool.errors import FileProblemError
    from evaltool.report.privacy import PublicationRefusedError
    from evaltool.report.summary import RouteOverview
    from evaltool.session.store import iter_session_files
    from evaltool.session.vocabulary import DEFAULT_VOCABULARY, load_vocabulary

    overview: RouteOverview | None = None  # made with the vocabulary of the first session
    failed = 0
    routes_seen: set[str] = set()
    files: set[str] = set()
    ids: dict[str, str] = {}
    totals: dict[str, int] = {}
    refusals: list[Any] = []
    if guard is not None:
        def digest_of(path: Path) -> dict[str, Any]:
            return public_digest(path, guard)
    for path in iter_session_files(paths):
        resolved = os.path.realpath(path)
        if resolved in files:  # named twice, or a file inside a folder also named
            continue
        files.add(resolved)
        try:
            item = (digest_of or digest_for_path)(path)
            if item["id"] in ids:
                raise FileProblemError.at("report.duplicate_id", path=path,
                                          hint="report.duplicate_id_hint", id=item["id"],
                                          other=Path(ids[item["id"]]))
        except PublicationRefusedError as error:
            refusals += error.problems
            continue
        except FileProblemError as error:
            failed += 1
            report_error(error)
            continue
        ids[item["id"]] = str(path)
        routes_seen.add(item.get("learning_route") or "-")
        if not _same_route(route, item.get("learning_route")):
            continue
        if overview is None:
            vocabulary = load_vocabulary(item.get("vocabulary") or DEFAULT_VOCABULARY)
            overview = RouteOverview(vocabulary, language=language)
        overview.add(item)
        if public:
            for key, value in item["redactions"].items():
                totals[key] = totals.get(key, 0) + value
    if refusals:
        raise PublicationRefusedError(*refusals)
    if overview is None:
        from evaltool.errors import EvaltoolError

        if route is not None and routes_seen:
            raise EvaltoolError.at("report.no_route_match", hint="report.no_route_match_hint",
                                   route=route, routes=", ".join(sorted(routes_seen)))
        if failed:
            raise typer.Exit(1)
        raise EvaltoolError.at("report.nothing_to_summarize",
                               hint="report.nothing_to_summarize_hint")
    summary = overview.result()
    if public:
        from evaltool.report.privacy import anonymisation

        summary["public"] = True
        summary["anonymisation"] = anonymisation(totals, language)
        _report_redactions(totals)
    return summary, failed


def _report_redactions(counts: dict[str, int]) -> None:
    """One line of what publication mode did: each count in its plural form."""
    said = {key: t("report." + f"redacted_{key}", count=count) for key, count in counts.items()}
    print(t("report.redaction_summary", **said), file=sys.stderr)


def write_report(summary: dict[str, Any], output_format: Format, output: Path | None,
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
    from evaltool.i18n.textsafe import inline

    write_output(output, text.encode("utf-8"))
    print(t("report.written", path=inline(output)), file=sys.stderr)
