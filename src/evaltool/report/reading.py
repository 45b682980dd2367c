"""From session files to the data of a report: one session's summary, or the overview of a
learning route, in publication mode checked as it goes.

One file gives the session summary; several files or a folder give the overview, built
from one small digest per file (`summary.digest`), so that no two sessions are held at
once. A file named twice counts once; a file that cannot be read, or that repeats a
session id, is left out and returned as a problem (the command shows them), and the
overview is made of the rest. In publication mode a file whose own public report would be
refused refuses the whole overview, with every reason, and nothing is cached: what is
needed to check the output (the names) may not be kept. `digest_for_path` is the one
place a per-file cache hooks in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from evaltool.errors import EvaltoolError, FileProblemError, Problem
from evaltool.i18n.folding import fold
from evaltool.report.cache import DigestCache
from evaltool.report.contract import Digest, RouteSummary, Summary
from evaltool.report.privacy import (
    Guard,
    PublicationRefusedError,
    anonymisation,
    check_session,
    neutral_ids,
    publish,
)
from evaltool.report.redactions import NO_REDACTIONS, add_redactions
from evaltool.report.summary import RouteOverview, digest, summarize_session
from evaltool.session.models import Session
from evaltool.session.store import load_session
from evaltool.session.validation import SessionIds
from evaltool.session.vocabulary import DEFAULT_VOCABULARY, load_vocabulary
from evaltool.session.workspace import iter_session_files, session_path

DigestOf = Callable[[Path], Digest]


@dataclass
class Report:
    """The data of a report, and what a command shows and checks besides."""

    summary: Summary
    left_out: list[FileProblemError] = field(default_factory=list)
    """The files left out of an overview: what is wrong with each, one error per file."""
    guard: Guard | None = None
    """In publication mode: what the finished output is checked with (`Guard.check`)."""


def summarize_paths(paths: list[Path], language: str, *, public: bool, names: bool,
                    route: str | None, use_cache: bool = True) -> Report:
    """The report of one session file, or the overview of every session file under `paths`."""
    guard = Guard() if public else None
    if len(paths) == 1 and not paths[0].is_dir():
        summary = summarize_file(paths[0], language, public=public, names=names, route=route,
                                 guard=guard)
        return Report(summary, guard=guard)
    if guard is not None:
        summary, errors = summarize_many(paths, language, public=True, route=route,
                                         guard=guard)
        return Report(summary, errors, guard)
    left_out: list[FileProblemError] = []
    with DigestCache(enabled=use_cache) as cache:

        def compute() -> tuple[RouteSummary, int]:
            summary, errors = summarize_many(paths, language, public=False, route=route,
                                             digest_of=cache.digest_for)
            left_out.extend(errors)
            return summary, len(errors)

        # An overview read from the cache had no problems: it is kept only then.
        summary, _ = cache.overview(paths, [language, route], compute)
    return Report(summary, left_out)


def _same_route(route: str | None, learning_route: str | None) -> bool:
    return route is None or fold(route) == fold(learning_route or "")


def summarize_file(path: Path, language: str, *, public: bool, names: bool,
                   route: str | None, digest_of: DigestOf | None = None,
                   guard: Guard | None = None) -> Summary:
    """The summary data of one session file (publication mode: anonymised and checked; the
    `guard` then learns what to check the finished output for).

    Follow-ups that continue earlier ones are traced back through the session files next
    to it (their digests: no confidential item, names replaced)."""
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
    return summary


def earlier_digests(path: Path, session: Session, digest_of: DigestOf
                    ) -> dict[str, Digest]:
    """The digests of the sessions that the follow-ups of `session` continue, and of those
    they continue in turn: `<id>.yaml` next to the file, else any session file there. A
    session that is not found (or cannot be read) is left out: its follow-ups then show
    only the date in their reference."""
    wanted = [fu.continues.partition("#")[0] for fu in session.follow_ups.values()
              if fu.continues]
    found: dict[str, Digest] = {}
    by_id: dict[str, Path] | None = None
    while wanted:
        session_id = wanted.pop()
        if session_id in found or session_id == session.id:
            continue
        candidate = session_path(path.parent, session_id)
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
        wanted += [ref.partition("#")[0] for fu in d["follow_ups"]
                   if (ref := fu.get("continues"))]
    return found


def digest_for_path(path: Path) -> Digest:
    """The digest of one session file; raises `FileProblemError` for a bad file.

    This is the unit a per-file cache can keep (keyed by the file's path, size, mtime
    and `summary.DIGEST_VERSION`): it is plain JSON data, holds no confidential text and
    no names, and everything the overview needs, also in publication mode.
    """
    return digest(load_session(path))


def public_digest(path: Path, guard: Guard) -> Digest:
    """The digest of one session file in publication mode: refused (raised) when the file's
    own public report would be; its people are handed to `guard` for the output check."""
    session = load_session(path)
    published, _, scrubber = publish(session)
    check_session(published, scrubber, path)
    guard.add(path, scrubber)
    return digest(session)


def summarize_many(paths: list[Path], language: str, *, public: bool, route: str | None,
                   digest_of: DigestOf | None = None, guard: Guard | None = None
                   ) -> tuple[RouteSummary, list[FileProblemError]]:
    """The learning-route overview of every session file under `paths`, and what is wrong
    with each file left out.

    `digest_of` (default `digest_for_path`) is where the per-file cache comes in. In
    publication mode (`guard` given) a file whose public report would be refused makes
    the whole overview refused, with every reason. When no session is left to summarize,
    that is raised, after what is wrong with each file."""
    read: DigestOf = partial(public_digest, guard=guard) if guard is not None \
        else digest_of or digest_for_path
    overview: RouteOverview | None = None  # made with the vocabulary of the first session
    left_out: list[FileProblemError] = []
    refusals: list[Problem] = []
    routes_seen: set[str] = set()
    files: set[str] = set()
    ids = SessionIds()
    totals = NO_REDACTIONS
    for path in iter_session_files(paths):
        resolved = os.path.realpath(path)
        if resolved in files:  # named twice, or a file inside a folder also named
            continue
        files.add(resolved)
        try:
            item = read(path)
            if (other := ids.claim(item["id"], path)) is not None:
                raise FileProblemError.at("report.duplicate_id", path=path,
                                          hint="report.duplicate_id_hint", id=item["id"],
                                          other=other)
        except PublicationRefusedError as error:
            refusals += error.problems
            continue
        except FileProblemError as error:
            left_out.append(error)
            continue
        routes_seen.add(item.get("learning_route") or "-")
        if not _same_route(route, item.get("learning_route")):
            continue
        if overview is None:
            vocabulary = load_vocabulary(item.get("vocabulary") or DEFAULT_VOCABULARY)
            overview = RouteOverview(vocabulary, language=language)
        overview.add(item)
        if public:
            totals = add_redactions(totals, item["redactions"])
    # What went wrong with the files left out comes first, as it was met.
    problems = [problem for error in left_out for problem in error.problems]
    if refusals:
        raise PublicationRefusedError(*problems, *refusals)
    if overview is None:
        if route is not None and routes_seen:
            raise EvaltoolError(*problems, Problem(
                "report.no_route_match", {"route": route, "routes": ", ".join(
                    sorted(routes_seen))}, hint="report.no_route_match_hint"))
        if problems:
            raise FileProblemError(*problems)
        raise EvaltoolError.at("report.nothing_to_summarize",
                               hint="report.nothing_to_summarize_hint")
    summary = overview.result()
    if public:
        summary["public"] = True
        summary["anonymisation"] = anonymisation(totals, language)
    return summary, left_out
