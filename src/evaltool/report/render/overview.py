"""The outline of a learning-route overview: sessions, perspectives and roles, what comes back,
SDGs, and each follow-up thread from its first question to its closure.

Sections come in the order of the report layout (`templates/report-layout.yaml`, `route:`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from evaltool.report.contract import RouteSummary, Seen, Spread, Thread
from evaltool.report.render import report_count as _tn
from evaltool.report.render import report_text as _t
from evaltool.report.render.layout import ReportLayout
from evaltool.report.render.outline import (
    Block,
    BulletList,
    Document,
    Figure,
    Heading,
    Inlines,
    Item,
    Paragraph,
    Span,
    Table,
)
from evaltool.report.render.prose import long_date
from evaltool.report.render.story import colophon, head


def count_of(item: Seen) -> int:
    """In how many sessions a tag, phrase or SDG came back (`sessions` lists the latest)."""
    return item.get("count", len(item["sessions"]))


def omitted(summary: RouteSummary,
            what: Literal["sessions", "open_follow_ups", "closed_follow_ups"]) -> int:
    """How many sessions or follow-up threads a long route's overview does not list."""
    left_out = summary.get("omitted")
    return left_out[what] if left_out else 0


def _since(summary: RouteSummary) -> str | None:
    """The date of a long route's first session, which its list of sessions leaves out."""
    left_out = summary.get("omitted")
    return left_out["since"] if left_out and left_out["sessions"] else None


def route_outline(summary: RouteSummary, layout: ReportLayout) -> Document:
    language = summary["language"]
    routes = ", ".join(summary["routes"]) or _t("no_route", language)
    document = head(summary, _t("route_title", language, route=routes))
    sessions = summary["sessions"]
    if sessions:
        count = len(sessions) + omitted(summary, "sessions")
        since = _since(summary)
        document.add(Paragraph((_tn("md_route_intro", count, language,
                                    first=long_date(since or sessions[0]["date"], language),
                                    last=long_date(sessions[-1]["date"], language)),)))
    for entry in layout.route:
        document.add(*SECTIONS[entry.section](summary))
    document.add(*colophon(summary))
    return document


def _dates(summary: RouteSummary) -> dict[str, str]:
    return {s["id"]: long_date(s["date"], summary["language"]) for s in summary["sessions"]}


def _sessions(summary: RouteSummary) -> Iterator[Block]:
    language = summary["language"]
    sessions = summary["sessions"]
    yield Heading(2, (_t("sessions", language),))
    yield Table(
        head=tuple((_t(key, language),) for key in (
            "col_date", "col_number", "col_casus", "col_present", "col_judgement")),
        rows=tuple((
            (long_date(s["date"], language),), (str(s["session_number"] or ""),),
            (s["title"],), (str(s["present"]),),
            (s["judgement"]["label"] if s["judgement"] else "",)) for s in sessions),
        numeric=frozenset({1, 3}),
        narrow=tuple(Item((Span(long_date(s["date"], language), "strong"), " " + s["title"]))
                     for s in sessions))
    if since := _since(summary):
        yield Paragraph((_tn("more_sessions", omitted(summary, "sessions"), language,
                             shown=len(sessions), since=long_date(since, language)),),
                        kind="meta")


def _change(row: Spread, key: str) -> str:
    value = str(row["counts"][key])
    if row["change"] is not None and row["change"][key]:
        value += f" ({row['change'][key]:+d})"
    return value


def _roles_and_talents(summary: RouteSummary) -> Iterator[Block]:
    language = summary["language"]
    dates = _dates(summary)
    order = summary["quadrants"]["order"]
    per_session = summary["quadrants"]["per_session"]
    yield Heading(2, (_t("roles_and_talents", language),))
    yield Heading(3, (_t("quadrant_spread", language),))
    yield Figure("spread", summary, _t("spread_caption", language))
    yield Table(
        head=((_t("col_session", language),), *((q["label"],) for q in order)),
        rows=tuple(((dates[row["id"]],), *((_change(row, q["key"]),) for q in order))
                   for row in per_session),
        numeric=frozenset(range(1, len(order) + 1)),
        narrow=tuple(Item((Span(dates[row["id"]] + ":", "strong"), " " + ", ".join(
            f"{q['short']} {_change(row, q['key'])}" for q in order))) for row in per_session))
    yield Paragraph((_t("spread_note", language),), kind="meta")
    if not summary["roles"]:
        return
    labels = summary["orientations"]["labels"]
    keys = [k for k in labels if k != "both"]
    yield Heading(3, (_t("route_roles", language),))
    yield Table(
        head=((_t("col_role", language),), *((labels[k],) for k in keys)),
        rows=tuple(((r["label"],), *((str(r["counts"].get(k, 0)),) for k in keys))
                   for r in summary["roles"]),
        numeric=frozenset(range(1, len(keys) + 1)),
        narrow=tuple(Item((Span(r["label"] + ":", "strong"), " " + ", ".join(
            f"{labels[k]} {r['counts'].get(k, 0)}" for k in keys))) for r in summary["roles"]))
    yield Paragraph((_t("people_orientation", language),), kind="meta")
    rows = summary["orientations"]["per_session"]
    yield Table(
        head=((_t("col_session", language),), *((labels[k],) for k in labels)),
        rows=tuple(((dates[r["id"]],), *((str(r["counts"][k]),) for k in labels))
                   for r in rows),
        numeric=frozenset(range(1, len(labels) + 1)),
        narrow=tuple(Item((Span(dates[r["id"]] + ":", "strong"), " " + ", ".join(
            f"{labels[k]} {r['counts'][k]}" for k in labels))) for r in rows))


def _recurring(summary: RouteSummary) -> Iterator[Block]:
    language = summary["language"]
    recurring = summary["recurring"]
    yield Heading(2, (_t("recurring", language),))
    if recurring["tags"]:
        yield Paragraph((_t("recurring_tags", language),), kind="meta")
        yield BulletList(tuple(Item((
            Span("#" + tag["tag"], "strong"),
            " — " + _tn("in_sessions", count_of(tag), language)
            + " (" + ", ".join(k["label"] for k in tag["kinds"]) + ")"))
            for tag in recurring["tags"]))
    if recurring["phrases"]:
        yield Paragraph((_t("recurring_phrases", language),), kind="meta")
        yield BulletList(tuple(Item((
            f"“{phrase['phrase']}” — " + _tn("in_sessions", count_of(phrase), language),))
            for phrase in recurring["phrases"]))
    if not recurring["tags"] and not recurring["phrases"]:
        yield Paragraph((_t("nothing_recurring", language),))


def _sdgs(summary: RouteSummary) -> Iterator[Block]:
    language = summary["language"]
    if summary["sdgs"]:
        yield Heading(2, (_t("sdg_coverage", language),))
        yield BulletList(tuple(Item((
            Span(f"SDG {sdg['goal']}", "strong"),
            f" {sdg['label']}: " + _tn("in_sessions", count_of(sdg), language)))
            for sdg in summary["sdgs"]))


def _follow_ups(summary: RouteSummary) -> Iterator[Block]:
    """The counts, the threads drawn across the sessions, and each thread step by step."""
    language = summary["language"]
    fus = summary["follow_ups"]
    yield Heading(2, (_t("route_follow_ups", language),))
    as_of = long_date(fus["as_of"], language) if fus["as_of"] else "-"
    yield Paragraph((_t("follow_up_counts", language, opened=fus["opened"],
                        closed=fus["closed"], open=fus["open"], as_of=as_of),))
    if fus["items"]:
        yield Figure("threads", summary, _t("threads_caption", language))
    lists: tuple[tuple[str, bool, Literal["open_follow_ups", "closed_follow_ups"]], ...] = (
        ("still_open", False, "open_follow_ups"), ("closed", True, "closed_follow_ups"))
    for key, closed, what in lists:
        items = [item for item in fus["items"] if bool(item["closed_on"]) == closed]
        if not items:
            continue
        yield Heading(3, (_t(key, language),))
        listed = [_thread(item, language) for item in items]
        if more := omitted(summary, what):
            listed.append(Item((Span(_t("more_threads", language, count=more), "emph"),)))
        yield BulletList(tuple(listed))


def _where(session_number: int | None, date: str, language: str) -> str:
    if session_number:
        return _t("meeting_at", language, number=session_number, date=long_date(date, language))
    return long_date(date, language)


def _thread(item: Thread, language: str) -> Item:
    """A thread: its question, then each meeting that took it up, to its closure."""
    details = []
    days = item["age_days"] or 0  # None only without a date to count to: no threads then
    if item["closed_on"]:
        details.append(_tn("closed_after", days, language, status=item["status"]["label"]))
    else:
        details.append(_tn("open_for", days, language))
    if item["owner"]:
        details.append(_t("owner_is", language, owner=item["owner"]))
    steps = [Item((_where(item["opened_number"], item["opened_on"], language) + ": "
                   + _t("asked", language),))]
    for step in item["history"]:
        content: Inlines = (_where(step["session_number"], step["date"], language) + ": "
                            + step["status_label"],)
        if step["question"] != item["question"]:
            content += (" — ", step["question"])
        steps.append(Item(content))
    return Item((item["question"], " ", Span(f"({'; '.join(details)})", "meta")),
                (BulletList(tuple(steps)),))


SECTIONS: dict[str, Callable[[RouteSummary], Iterator[Block]]] = {
    "sessions": _sessions,
    "roles_and_talents": _roles_and_talents,
    "recurring": _recurring,
    "sdgs": _sdgs,
    "follow_ups": _follow_ups,
}
