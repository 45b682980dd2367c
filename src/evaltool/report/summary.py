"""Pure computations from sessions to summary data: one session, its digest, a learning route.

Nothing here prints, reads files or imports pydantic: a `Session` is only read through
its attributes. The results are plain, JSON-serialisable dicts of the shapes typed in
`evaltool.report.contract` (documented in docs/reports.md, "The JSON shape", and versioned
by `FORMAT_VERSION`); renderers in `evaltool.report.render` lay them out.

Many sessions are combined in two steps so that no two session models are ever held
at once: `digest(session)` keeps the little an overview needs (counts, keys, texts
already scrubbed of names, no confidential items) as plain data that can be cached
per file, and `route_summary(digests)` combines any number of digests.
"""

from __future__ import annotations

import datetime as dt
import functools
import heapq
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from evaltool.i18n import pick
from evaltool.report.contract import (
    Axes,
    Border,
    Digest,
    DigestFollowUp,
    FindingGroup,
    FindingItem,
    FollowUp,
    Labelled,
    MapQuadrant,
    NsobMap,
    OrientationRow,
    Origin,
    Participant,
    Position,
    Recurring,
    Role,
    RoleCount,
    RouteSession,
    RouteSummary,
    Seen,
    SessionSummary,
    Side,
    Spread,
    Thread,
    Threads,
    ThreadStep,
)
from evaltool.report.people import person_labels
from evaltool.report.redactions import count_redactions

FORMAT_VERSION = 1
"""The version of the summary data's shape (`format_version` in JSON output)."""

DIGEST_VERSION = 3
"""The version of a digest's shape; a cache must drop digests of another version.
2: repeated wording leaves out stopwords; a free role label ("other") is kept as typed.
3: no name fingerprints (the cache holds nothing made of a name)."""

CLOSED_STATUSES = ("done", "dropped")
# Findings whose recurrence the route overview reports: what worked and what was learnt.
RECURRING_KINDS = ("success_factor", "yield", "learning_point")
MAX_PHRASES = 10


def _labelled(vocabulary: Any, category: str, key: str, language: str) -> Labelled:
    return {"key": key, "label": vocabulary.label(category, key, language)}


def _label(vocabulary: Any, category: str, key: str | None, language: str) -> Labelled | None:
    return None if key is None else _labelled(vocabulary, category, key, language)


def orientation_of(roles: Iterable[Any]) -> str | None:
    """'city', 'internal' or 'both' from the roles played (the usual ones if none played)."""
    roles = list(roles)
    chosen = [r for r in roles if r.played] or roles
    kinds: set[str] = {r.orientation for r in chosen}
    if not kinds:
        return None
    if len(kinds) == 1:
        return next(iter(kinds))
    return "both"


# --- one session ---------------------------------------------------------------------------


def summarize_session(session: Any, vocabulary: Any, *, language: str,
                      names: bool = False,
                      earlier: Mapping[str, Digest] | None = None) -> SessionSummary:
    """Everything a one-session report shows, labelled in `language`.

    `earlier` holds the digests of earlier sessions by id (see `digest`): a follow-up that
    continues one of theirs gets its `origin`, the meeting where its thread began.
    """
    labels = person_labels(session.participants, names=names)
    participants: list[Participant] = []
    for number, (participant_id, p) in enumerate(session.participants.items(), start=1):
        position: Position | None = None
        if p.position is not None:
            position = {
                "quadrants": [_labelled(vocabulary, "quadrants", q, language)
                              for q in p.position.quadrants],
                "border": len(p.position.quadrants) == 2,
                "note": p.position.note,
            }
        orientation = orientation_of(p.roles)
        participants.append({
            "id": participant_id,
            "number": number,
            "label": labels[participant_id],
            "function": p.function,
            "name": p.name if names else None,
            "department": p.department,
            "organisation": p.organisation,
            "affiliation": _label(vocabulary, "affiliations", p.affiliation, language),
            "attendance": _labelled(vocabulary, "attendance", p.attendance, language),
            "session_role": _labelled(vocabulary, "session_roles", p.session_role, language),
            "position": position,
            "orientation": _orientation_label(vocabulary, orientation, language),
            "usual_roles": [_role(vocabulary, r, language) for r in p.roles if r.usual],
            "played_roles": [_role(vocabulary, r, language) for r in p.roles if r.played],
        })
    casus = session.casus
    return {
        "format_version": FORMAT_VERSION,
        "kind": "session",
        "language": language,
        "public": False,
        "anonymisation": None,
        "session": {
            "id": session.id,
            "status": session.status,
            "title": casus.title,
            "date": casus.date.isoformat(),
            "organisation": casus.organisation,
            "learning_route": casus.learning_route,
            "session_number": casus.session_number,
            "description": casus.description,
            "plan": casus.plan,
            "realised": casus.realised,
            "judgement": _label(vocabulary, "judgements", casus.judgement, language),
            "judgement_note": casus.judgement_note,
            "sdgs": [{"goal": sdg.goal, "label": vocabulary.sdg_label(sdg.goal, language),
                      "note": sdg.note} for sdg in casus.sdgs],
        },
        "participants": participants,
        "map": nsob_map(session.participants, vocabulary, language),
        "findings": _findings(session, vocabulary, labels, language),
        "follow_ups": [_follow_up(fu_id, fu, labels, earlier or {}, vocabulary, language)
                       for fu_id, fu in session.follow_ups.items()],
        "reflection": session.reflection,
        "next_session": session.next_session,
        "notes": session.notes,
        "masthead": None,
    }


def _follow_up(fu_id: str, fu: Any, labels: Mapping[str, str], earlier: Mapping[str, Digest],
               vocabulary: Any, language: str) -> FollowUp:
    return {
        "id": fu_id,
        "question": fu.question,
        "owner": labels.get(fu.owner, fu.owner) if fu.owner else None,
        "due": fu.due.isoformat() if fu.due else None,
        "status": _labelled(vocabulary, "follow_up_statuses", fu.status, language),
        "continues": fu.continues,
        "origin": _origin(fu.continues, earlier, vocabulary, language) if fu.continues else None,
        "note": fu.note,
        "confidential": fu.confidential,
    }


_SESSION_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})-")


def _origin(ref: str, earlier: Mapping[str, Digest], vocabulary: Any,
            language: str) -> Origin:
    """Where the thread of a continued follow-up began: the first question of the chain of
    `continues` references, its meeting, and its status then. Without that session's
    digest, the date in the session id (`<date>-<slug>`) is all that is known."""
    session_id, _, fu_id = ref.partition("#")
    found: tuple[Digest, DigestFollowUp] | None = None
    seen: set[str] = set()
    while ref not in seen:  # a chain that loops back is followed once
        seen.add(ref)
        session_id, _, fu_id = ref.partition("#")
        d = earlier.get(session_id)
        item = None if d is None else next(
            (fu for fu in d.get("follow_ups", []) if fu["id"] == fu_id), None)
        if d is None or item is None:
            break
        found = (d, item)
        following = item.get("continues")
        if not following:
            break
        ref = following
    if found is None:
        date = _SESSION_DATE.match(session_id)
        return {"ref": ref, "session": session_id, "session_number": None,
                "date": date.group(1) if date else None, "question": None, "status": None}
    d, item = found
    return {"ref": f"{d['id']}#{item['id']}", "session": d["id"],
            "session_number": d.get("session_number"), "date": d["date"],
            "question": item["question"],
            "status": _label(vocabulary, "follow_up_statuses", item["status"], language)}


def _orientation_label(vocabulary: Any, orientation: str | None,
                       language: str) -> Labelled | None:
    if orientation is None:
        return None
    if orientation == "both":
        keys = list(vocabulary.entries("orientations"))
        return {"key": "both",
                "label": " + ".join(vocabulary.label("orientations", k, language) for k in keys)}
    return _label(vocabulary, "orientations", orientation, language)


def _role(vocabulary: Any, role: Any, language: str) -> Role:
    label = role.label if role.role == "other" and role.label else vocabulary.label(
        "roles", role.role, language)
    return {
        "role": role.role,
        "label": label,
        "orientation": _labelled(vocabulary, "orientations", role.orientation, language),
        "phase": role.phase,
        "note": role.note,
    }


def _findings(session: Any, vocabulary: Any, labels: Mapping[str, str],
              language: str) -> list[FindingGroup]:
    """The findings grouped by kind, in the vocabulary's order of kinds."""
    groups: list[FindingGroup] = []
    for kind in vocabulary.entries("finding_kinds"):
        items: list[FindingItem] = [
            {"id": finding_id, "text": f.text, "by": labels.get(f.by) if f.by else None,
             "tags": list(f.tags), "confidential": f.confidential}
            for finding_id, f in session.findings.items() if f.kind == kind
        ]
        if items:
            groups.append({"kind": kind, "label": vocabulary.plural("finding_kinds", kind,
                                                                    language),
                           "items": items})
    return groups


def nsob_map(participants: Mapping[str, Any], vocabulary: Any,
             language: str) -> NsobMap:
    """The NSOB figure: four quadrants in their corners, the border between neighbours.

    Columns follow the `steering` axis (inside-out left, outside-in right), rows the
    `focus` axis (result top, value bottom), as the vocabulary places each quadrant.
    A participant on the border of two quadrants sits on the line between them: `side`
    names that line ("top"/"bottom" for the vertical line in that row, "left"/"right"
    for the horizontal line in that column).
    """
    column = {"inside_out": 0, "outside_in": 1}
    row = {"result": 0, "value": 1}
    quadrants: list[MapQuadrant] = []
    place: dict[str, MapQuadrant] = {}
    for key, quadrant in vocabulary.quadrants.items():
        entry: MapQuadrant = {
            "key": key,
            "label": vocabulary.label("quadrants", key, language),
            "short": vocabulary.short_label("quadrants", key, language),
            "column": column[quadrant.steering],
            "row": row[quadrant.focus],
            "participants": [],
        }
        quadrants.append(entry)
        place[key] = entry
    quadrants.sort(key=lambda q: (q["row"], q["column"]))
    borders: dict[tuple[str, str], Border] = {}
    unplaced = []
    for participant_id, participant in participants.items():
        if participant.position is None:
            unplaced.append(participant_id)
            continue
        keys = participant.position.quadrants
        if len(keys) == 1:
            place[keys[0]]["participants"].append(participant_id)
            continue
        first, second = sorted(keys, key=lambda k: (place[k]["row"], place[k]["column"]))
        a, b = place[first], place[second]
        if a["row"] == b["row"]:
            side: Side = "top" if a["row"] == 0 else "bottom"
        else:
            side = "left" if a["column"] == 0 else "right"
        border = borders.setdefault((first, second), {
            "quadrants": [first, second], "side": side, "participants": []})
        border["participants"].append(participant_id)
    axes: Axes = {
        "steering": {k: _axis(vocabulary, "steering", k, language)
                     for k in ("inside_out", "outside_in")},
        "focus": {k: _axis(vocabulary, "focus", k, language) for k in ("result", "value")},
    }
    return {"axes": axes, "quadrants": quadrants, "borders": list(borders.values()),
            "unplaced": unplaced}


def _axis(vocabulary: Any, axis: str, key: str, language: str) -> str:
    entry = getattr(vocabulary.axes, axis)[key]
    return pick(entry.label.model_dump(), language)


# --- digests: what an overview keeps of one session ------------------------------------------


def digest(session: Any, *, scrubber: Any = None) -> Digest:
    """The part of one session that a learning-route overview needs, as plain data.

    Language-independent (vocabulary keys, no labels), JSON-serialisable, and safe to
    cache next to the file: no confidential finding or follow-up, no participant names
    (the texts kept, titles and follow-up questions, are scrubbed by `evaltool.report.privacy`,
    which replaces every form of a participant's name, e-mail addresses and phone
    numbers), no finding text (only its word pairs, for recurring wording), only counts
    of people. A published overview is checked as a whole (`privacy.Guard`).
    """
    if scrubber is None:
        # Only here: publication mode walks the models with pydantic, and this module is
        # imported without it (tests/test_summarize_cli.py).
        from evaltool.report.privacy import Scrubber

    if scrubber is None:
        scrubber = Scrubber.for_session(session)
    scrub = scrubber.scrub
    casus = session.casus
    present = [p for p in session.participants.values() if p.attendance != "absent"]
    positions: Counter[str] = Counter()
    orientations: Counter[str] = Counter()
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for participant in present:
        if participant.position is not None:
            positions["+".join(participant.position.quadrants)] += 1
        orientation = orientation_of(participant.roles)
        if orientation:
            orientations[orientation] += 1
        for role in participant.roles:
            if role.played:  # a free label ("other") is kept as typed, names replaced
                key = f"other:{scrub(role.label)}" if role.role == "other" and role.label \
                    else role.role
                roles[key][role.orientation] += 1
    return {
        "digest_version": DIGEST_VERSION,
        "id": session.id,
        "vocabulary": session.vocabulary,
        "status": session.status,
        "title": scrub(casus.title),
        "date": casus.date.isoformat(),
        "learning_route": casus.learning_route,
        "session_number": casus.session_number,
        "judgement": casus.judgement,
        "participants": {"present": len(present),
                         "absent": len(session.participants) - len(present)},
        "positions": dict(sorted(positions.items())),
        "orientations": dict(sorted(orientations.items())),
        "roles": {role: dict(sorted(counts.items())) for role, counts in sorted(roles.items())},
        "sdgs": sorted(sdg.goal for sdg in casus.sdgs),
        # Only what the overview counts: kinds, tags, and the wording of what worked and
        # what was learnt as word pairs (computed here once per file, not per overview).
        "findings": [
            {"kind": f.kind, "tags": list(f.tags),
             "phrases": sorted(phrases(scrub(f.text))) if f.kind in RECURRING_KINDS else []}
            for f in session.findings.values() if not f.confidential
        ],
        "follow_ups": [
            {"id": fu_id, "question": scrub(fu.question),
             "owner": scrubber.owner(fu.owner) if fu.owner else None,
             "due": fu.due.isoformat() if fu.due else None, "status": fu.status,
             "continues": fu.continues}
            for fu_id, fu in session.follow_ups.items() if not fu.confidential
        ],
        "redactions": count_redactions(session, scrubber),
    }


def digest_is_publishable(session: Any, scrubber: Any) -> bool:
    """Whether the texts a digest keeps of `session` (its title, its follow-ups' questions
    and owners, the findings whose wording it counts) hold nothing publication mode would
    refuse, once scrubbed by `scrubber` (a `privacy.Scrubber`)."""
    texts_kept = [session.casus.title]
    for follow_up in session.follow_ups.values():
        if not follow_up.confidential:
            texts_kept.append(follow_up.question)
            if follow_up.owner:
                texts_kept.append(scrubber.owner(follow_up.owner))
    texts_kept += [finding.text for finding in session.findings.values()
                   if not finding.confidential and finding.kind in RECURRING_KINDS]
    return not any(scrubber.problems(scrubber.scrub(text)) for text in texts_kept)


# --- many sessions: the learning-route overview ------------------------------------------------

MAX_LISTED = 50
"""Sessions (and open or closed follow-up threads, and session ids per tag, phrase or SDG)
listed in detail; a longer route says how many more there are (`omitted`, `count`)."""
MAX_CANDIDATES = 20_000
"""Distinct phrases followed at once; beyond that, phrases seen in one session are dropped."""


SessionKey = tuple[str, int, str]
"""The order of sessions in an overview: (date, number, id), read by unpacking it. A plain
tuple: sorting them is the overview's hot path, and Python sorts exact tuples fastest."""


def session_order(item: Digest) -> SessionKey:
    return (item["date"], item.get("session_number") or 0, item["id"])


class _Latest:
    """The latest `MAX_LISTED` session keys of one tag, phrase or goal, and how many."""

    __slots__ = ("count", "keys")

    def __init__(self) -> None:
        self.count = 0
        self.keys: list[SessionKey] = []

    def add(self, key: SessionKey) -> None:
        self.count += 1
        self.keys.append(key)
        if len(self.keys) >= 2 * MAX_LISTED:
            self.keys = sorted(self.keys)[-MAX_LISTED:]

    def out(self) -> Seen:
        """`sessions` (ids in session order) and, when some were left out, `count`."""
        ids = [session_id for _, _, session_id in sorted(self.keys)[-MAX_LISTED:]]
        return {"sessions": ids} if len(ids) == self.count else {"sessions": ids,
                                                                  "count": self.count}


class _Listed(NamedTuple):
    """What the overview keeps of a session it may list: its row of the sessions' table,
    and its people per quadrant (in the vocabulary's order) and per orientation."""

    title: str
    date: str
    session_number: int | None
    learning_route: str | None
    status: str
    judgement: str | None
    present: int
    absent: int
    findings: int
    counts: tuple[int, ...]
    on_border: tuple[int, ...]
    orientations: tuple[int, ...]


class _FollowUpRow(NamedTuple):
    """A follow-up of a digest (`DigestFollowUp`) as threading reads it: kept packed as
    one JSON text of lists per session between `add` and `result` (far smaller than its
    dicts, and quicker to read back), unpacked into these named tuples."""

    id: str
    question: str
    owner: str | None
    due: str | None
    status: str
    continues: str | None

    @staticmethod
    def pack(follow_ups: list[DigestFollowUp]) -> str:
        return json.dumps([[fu["id"], fu["question"], fu.get("owner"), fu.get("due"),
                            fu["status"], fu.get("continues")] for fu in follow_ups],
                          ensure_ascii=False)

    @classmethod
    def unpack(cls, packed: str) -> list[_FollowUpRow]:
        return [cls(*values) for values in json.loads(packed)]


@dataclass
class _Thread:
    """A follow-up thread while its follow-ups are read in session order."""

    opened: SessionKey
    first: _FollowUpRow
    last: SessionKey
    latest: _FollowUpRow
    owner: str | None
    due: str | None
    history: list[ThreadStep] = field(default_factory=list)


class RouteOverview:
    """The learning-route overview as a streaming fold: `add` one digest at a time, then
    `result()`. Keeps bounded aggregates (counters, the latest `MAX_LISTED` sessions), and
    per follow-up only what threading needs, never the digests themselves.
    """

    def __init__(self, vocabulary: Any, *, language: str) -> None:
        self.vocabulary = vocabulary
        self.language = language
        self.quadrant_keys = list(vocabulary.quadrants)
        self.orientation_keys = [*vocabulary.entries("orientations"), "both"]
        self.count = 0
        self.routes: set[str] = set()
        self.first: str | None = None  # the date of the first session
        self.last: str | None = None  # and of the latest
        self.latest: list[tuple[SessionKey, _Listed]] = []  # a heap
        self.role_totals: dict[str, Counter[str]] = defaultdict(Counter)
        self.role_sessions: Counter[str] = Counter()
        self.tags: dict[str, _Latest] = defaultdict(_Latest)
        self.tag_kinds: dict[str, set[str]] = defaultdict(set)
        self.phrases: dict[str, _Latest] = defaultdict(_Latest)
        self.phrase_limit = MAX_CANDIDATES
        self.sdgs: dict[int, _Latest] = defaultdict(_Latest)
        self.threading = _Threading(vocabulary, language)

    def add(self, d: Digest) -> None:
        key = session_order(d)
        self.count += 1
        if d.get("learning_route"):
            self.routes.add(d["learning_route"] or "")
        self.first = min(self.first or d["date"], d["date"])
        self.last = max(self.last or d["date"], d["date"])
        # The one before the first listed session is kept too, for its change.
        heapq.heappush(self.latest, (key, self._listed(d)))
        if len(self.latest) > MAX_LISTED + 1:
            heapq.heappop(self.latest)
        for role, role_counts in d["roles"].items():
            self.role_totals[role].update(role_counts)
            self.role_sessions[role] += 1
        self._add_wording(key, d)
        for goal in d["sdgs"]:
            self.sdgs[goal].add(key)
        self.threading.add(key, d)

    def _listed(self, d: Digest) -> _Listed:
        counts = dict.fromkeys(self.quadrant_keys, 0)
        border = dict.fromkeys(self.quadrant_keys, 0)
        for combination, number in d["positions"].items():
            keys = combination.split("+")
            for quadrant in keys:
                if quadrant in counts:
                    counts[quadrant] += number
                    if len(keys) == 2:
                        border[quadrant] += number
        orientations = d.get("orientations", {})
        return _Listed(
            title=d["title"], date=d["date"], session_number=d.get("session_number"),
            learning_route=d.get("learning_route"), status=d["status"],
            judgement=d.get("judgement"), present=d["participants"]["present"],
            absent=d["participants"]["absent"], findings=len(d["findings"]),
            counts=tuple(counts.values()), on_border=tuple(border.values()),
            orientations=tuple(orientations.get(k, 0) for k in self.orientation_keys))

    def _add_wording(self, key: SessionKey, d: Digest) -> None:
        """The tags and wording of what worked and what was learnt, once per session."""
        tags: set[str] = set()
        wording: set[str] = set()
        for finding in d["findings"]:
            if finding["kind"] not in RECURRING_KINDS:
                continue
            for tag in finding["tags"]:
                tags.add(tag.casefold())
                self.tag_kinds[tag.casefold()].add(finding["kind"])
            wording.update(finding["phrases"])
        for tag in tags:
            self.tags[tag].add(key)
        for phrase in wording:
            self.phrases[phrase].add(key)
        if len(self.phrases) > self.phrase_limit:  # drop wording seen in one session only
            self.phrases = defaultdict(_Latest, {
                p: seen for p, seen in self.phrases.items() if seen.count >= 2})
            self.phrase_limit = max(MAX_CANDIDATES, 2 * len(self.phrases))

    def result(self) -> RouteSummary:
        vocabulary, language = self.vocabulary, self.language
        quadrant_keys = self.quadrant_keys
        kept = sorted(self.latest)
        listed = kept[-MAX_LISTED:]
        previous = dict(zip(quadrant_keys, kept[0][1].counts, strict=True)) if (
            len(kept) > len(listed)) else None
        sessions: list[RouteSession] = []
        spread: list[Spread] = []
        per_orientation: list[OrientationRow] = []
        for (_, _, session_id), row in listed:
            counts = dict(zip(quadrant_keys, row.counts, strict=True))
            change = ({k: counts[k] - previous[k] for k in quadrant_keys}
                      if previous is not None else None)
            previous = counts
            spread.append({"id": session_id, "counts": counts,
                           "on_border": dict(zip(quadrant_keys, row.on_border, strict=True)),
                           "change": change})
            sessions.append({
                "id": session_id, "title": row.title, "date": row.date,
                "session_number": row.session_number, "learning_route": row.learning_route,
                "status": row.status,
                "judgement": _label(vocabulary, "judgements", row.judgement, language),
                "present": row.present, "absent": row.absent, "findings": row.findings,
            })
            per_orientation.append({"id": session_id, "counts": dict(
                zip(self.orientation_keys, row.orientations, strict=True))})
        as_of = self.last
        follow_ups, threads_counted = self.threading.result(as_of)
        summary: RouteSummary = {
            "format_version": FORMAT_VERSION,
            "kind": "route",
            "language": language,
            "public": False,
            "anonymisation": None,
            "routes": sorted(self.routes),
            "as_of": as_of,
            "sessions": sessions,
            "quadrants": {
                "order": [{"key": k, "label": vocabulary.label("quadrants", k, language),
                           "short": vocabulary.short_label("quadrants", k, language),
                           "row": 0 if vocabulary.quadrants[k].focus == "result" else 1,
                           "column": (0 if vocabulary.quadrants[k].steering == "inside_out"
                                      else 1)}
                          for k in quadrant_keys],
                "per_session": spread,
            },
            "roles": self._roles(),
            "orientations": {"labels": self._orientation_labels(),
                             "per_session": per_orientation},
            "recurring": self._recurring(),
            "sdgs": [{"goal": goal, "label": vocabulary.sdg_label(goal, language),
                      **seen.out()} for goal, seen in sorted(self.sdgs.items())],
            "follow_ups": follow_ups,
        }
        omitted = {"sessions": self.count - len(sessions),
                   "open_follow_ups": max(0, threads_counted[False] - MAX_LISTED),
                   "closed_follow_ups": max(0, threads_counted[True] - MAX_LISTED)}
        if any(omitted.values()):  # only on long routes: what the lists leave out
            summary["omitted"] = {
                "sessions": omitted["sessions"], "open_follow_ups": omitted["open_follow_ups"],
                "closed_follow_ups": omitted["closed_follow_ups"],
                "since": self.first}
        return summary

    def _roles(self) -> list[RoleCount]:
        vocabulary, language = self.vocabulary, self.language
        orientations = list(vocabulary.entries("orientations"))
        totals = self.role_totals
        rows: list[RoleCount] = []
        keys = list(vocabulary.roles)

        def place(role: str) -> int:
            key = role.partition(":")[0]
            return keys.index(key) if key in keys else len(keys)

        for role in sorted(totals, key=lambda r: (-sum(totals[r].values()), place(r), r)):
            key, _, typed = role.partition(":")
            rows.append({
                "key": key,
                "label": typed or vocabulary.label("roles", key, language),
                "counts": {o: totals[role].get(o, 0) for o in orientations},
                "sessions": self.role_sessions[role],
            })
        return rows

    def _orientation_labels(self) -> dict[str, str]:
        labels = {k: self.vocabulary.label("orientations", k, self.language)
                  for k in self.orientation_keys[:-1]}
        labels["both"] = " + ".join(labels.values())
        return labels

    def _recurring(self) -> Recurring:
        """Tags and wording that come back in the success factors and learnings of 2+
        sessions."""
        vocabulary, language = self.vocabulary, self.language
        kinds = list(vocabulary.entries("finding_kinds"))
        # Words the vocabulary calls filler ("organisatie") are no finding of their own.
        filler = {word.casefold() for word in getattr(vocabulary, "filler_words", ())}
        repeated = [(phrase, seen) for phrase, seen in self.phrases.items()
                    if seen.count >= 2 and filler.isdisjoint(phrase.split())]
        # A long word inside a repeated pair says nothing more: keep the pair.
        pair_words = {word for phrase, _ in repeated if " " in phrase
                      for word in phrase.split()}
        repeated = [(phrase, seen) for phrase, seen in repeated
                    if " " in phrase or phrase not in pair_words]
        repeated.sort(key=lambda item: (-item[1].count, -len(item[0]), item[0]))
        return {
            "tags": [
                {"tag": tag, **seen.out(),
                 "kinds": [_labelled(vocabulary, "finding_kinds", k, language)
                           for k in kinds if k in self.tag_kinds[tag]]}
                for tag, seen in sorted(self.tags.items(), key=lambda item: (-item[1].count,
                                                                             item[0]))
                if seen.count >= 2
            ],
            "phrases": [{"phrase": phrase, **seen.out()} for phrase, seen in
                        repeated[:MAX_PHRASES]],
        }


class _Threading:
    """The follow-ups of a route, threaded: per session only what threading needs (packed
    rows), then, at the end, each thread from its opening to its latest item."""

    def __init__(self, vocabulary: Any, language: str) -> None:
        self.vocabulary = vocabulary
        self.language = language
        self.follow_ups: list[tuple[SessionKey, str]] = []  # packed by `_FollowUpRow.pack`
        self.continued: set[str] = set()  # what follow-ups continue ("<session-id>#<fu-id>")

    def add(self, key: SessionKey, d: Digest) -> None:
        if d["follow_ups"]:  # threads need every session in order: kept small until then
            self.follow_ups.append((key, _FollowUpRow.pack(d["follow_ups"])))
            for fu in d["follow_ups"]:
                if continues := fu.get("continues"):
                    self.continued.add(continues)

    def _threads_in_order(self, ordered: list[tuple[SessionKey, str]]
                          ) -> Iterator[tuple[int, SessionKey, _FollowUpRow]]:
        """Each follow-up in session order with its thread's number (numbered in order of
        opening); only refs that a later follow-up continues are remembered. A follow-up
        continues only one of an earlier day (as `validate` requires): a reference to its
        own session, a later one or one not there starts a thread of its own."""
        thread_of: dict[str, tuple[int, str]] = {}  # ref → (thread, date of the session)
        opened = 0
        for key, packed in ordered:
            date, _, session_id = key
            for fu in _FollowUpRow.unpack(packed):
                found = thread_of.get(fu.continues) if fu.continues else None
                if found is not None and found[1] < date:
                    number = found[0]
                else:
                    number, opened = opened, opened + 1
                ref = f"{session_id}#{fu.id}"
                if ref in self.continued:
                    thread_of[ref] = (number, date)
                yield number, key, fu

    def result(self, as_of: str | None) -> tuple[Threads, dict[bool, int]]:
        """Follow-up threads: opened in one session, continued or closed by later ones, and
        how many threads are closed (True) and open (False).

        A later follow-up with `continues: "<session-id>#<fu-id>"` belongs to that thread;
        the thread is closed when its latest item has status done or dropped. A first pass
        finds each follow-up's thread and how each thread ends; the second builds only the
        threads that are listed (the first `MAX_LISTED` still open and closed).
        """
        ordered = sorted(self.follow_ups)
        ends_closed: list[bool] = []  # per thread: whether its latest item closed it
        for number, _, fu in self._threads_in_order(ordered):
            if number == len(ends_closed):
                ends_closed.append(False)
            ends_closed[number] = fu.status in CLOSED_STATUSES
        listed: set[int] = set()
        counted = {True: 0, False: 0}  # closed → how many threads
        for number, closed in enumerate(ends_closed):
            counted[closed] += 1
            if counted[closed] <= MAX_LISTED:
                listed.add(number)
        threads: dict[int, _Thread] = {}
        for number, key, fu in self._threads_in_order(ordered):
            if number not in listed:
                continue
            thread = threads.get(number)
            if thread is None:
                threads[number] = _Thread(key, fu, key, fu, fu.owner, fu.due)
                continue
            date, session_number, session_id = key
            thread.history.append({
                "ref": f"{session_id}#{fu.id}", "session": session_id, "date": date,
                "session_number": session_number or None, "question": fu.question,
                "status": fu.status,  # the key, as in format version 1
                "status_label": self.vocabulary.label("follow_up_statuses", fu.status,
                                                      self.language)})
            thread.last, thread.latest = key, fu
            thread.owner = fu.owner or thread.owner
            thread.due = fu.due or thread.due
        return {
            "as_of": as_of,
            "opened": len(ends_closed),
            "closed": counted[True],
            "open": counted[False],
            "items": [self._thread(thread, as_of) for thread in threads.values()],
        }, counted

    def _thread(self, thread: _Thread, as_of: str | None) -> Thread:
        opened_on, opened_number, opened_in = thread.opened
        last_on, _, last_in = thread.last
        closed = thread.latest.status in CLOSED_STATUSES
        closed_on = last_on if closed else None
        return {
            "ref": f"{opened_in}#{thread.first.id}",
            "question": thread.first.question,
            "owner": thread.owner,
            "due": thread.due,
            "opened_in": opened_in,
            "opened_on": opened_on,
            "opened_number": opened_number or None,
            "continues": thread.first.continues,
            "history": thread.history,
            "status": _labelled(self.vocabulary, "follow_up_statuses", thread.latest.status,
                                self.language),
            "closed_in": last_in if closed else None,
            "closed_on": closed_on,
            "age_days": _days(opened_on, closed_on or as_of),
        }


def route_summary(digests: Iterable[Digest], vocabulary: Any, *,
                  language: str) -> RouteSummary:
    """The learning-route overview of any number of digests, labelled in `language`.

    Ages of open follow-ups are counted up to the date of the latest session in the
    overview (`as_of`), so that the same files always give the same report. Digests are
    taken one at a time (`RouteOverview`); none is kept.
    """
    overview = RouteOverview(vocabulary, language=language)
    for d in digests:
        overview.add(d)
    return overview.result()


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_REPLACED = re.compile(r"\[[^\]]*\]")


def phrases(text: str) -> set[str]:
    """The word pairs (each word of 4+ letters) and long words (9+) in a text, folded.

    Stopwords of Dutch and English (a maintained list: `stopwordsiso`) are no wording of
    their own: a pair with one ("kunnen faciliteren") or a long one ("verschillende") is
    left out. A bracketed replacement of a name ("[Adviseur]") is no wording either.
    """
    text = _REPLACED.sub(" ", unicodedata.normalize("NFC", text))
    stop = stopwords()
    words = [w.casefold() for w in _WORD.findall(text)]
    found = {w for w in words if len(w) >= 9 and w not in stop}
    found |= {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)
              if len(a) >= 4 and len(b) >= 4 and a not in stop and b not in stop}
    return found


@functools.cache
def stopwords() -> frozenset[str]:
    """Dutch and English stopwords, folded (the reports' two languages)."""
    import stopwordsiso  # only here: 50 ms to import, and one session's summary needs none

    return frozenset(word.casefold() for word in stopwordsiso.stopwords(["nl", "en"]))


def _days(start: str, end: str | None) -> int | None:
    if end is None:
        return None
    return (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days
