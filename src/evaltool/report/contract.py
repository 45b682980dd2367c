"""The summary contract: the data `summary` (with `privacy` and `cache`) hands the renderers.

A report is rendered from one of two shapes, `SessionSummary` (one session) and
`RouteSummary` (a learning route), told apart by `kind`; `Digest` is what an overview
keeps of one session, and what the cache stores per file. Every field is named and typed
here, so that strict mypy checks each lookup a renderer makes: no renderer reads a summary
as `dict[str, Any]`, and no row is a tuple read by position.

They are `TypedDict`s, plain dicts at run time, on purpose: the JSON report writes a
summary as it is, and the cache stores digests and overviews as JSON and reads them back
unchanged. Their JSON form is documented in docs/reports.md ("The JSON shape"): fields are
only ever added within `summary.FORMAT_VERSION` (reports) and `summary.DIGEST_VERSION`
(digests). A field added here is added there too.

This module imports nothing of evaltool: the renderers depend on it, not on `summary`.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict


class Labelled(TypedDict):
    """A vocabulary value: its stable key and its label in the report's language."""

    key: str
    label: str


class RedactionCounts(TypedDict):
    """What publication mode took out (`redactions.count_redactions`), for one session or
    summed over a route (`redactions.add_redactions`)."""

    names_replaced: int
    emails_removed: int
    phones_removed: int
    confidential_findings_left_out: int
    confidential_follow_ups_left_out: int
    notes_left_out: int
    participant_names_withheld: int


class Anonymisation(TypedDict):
    """The notice a published report carries (`privacy.anonymisation`)."""

    notice: str
    rules: list[str]
    redactions: RedactionCounts


class Internal(TypedDict):
    """What a copy that is not published says about itself."""

    notice: str


# --- one session -------------------------------------------------------------------------------


class Sdg(TypedDict):
    goal: int
    label: str
    note: str | None


class SessionInfo(TypedDict):
    id: str
    status: str
    title: str
    date: str
    organisation: str | None
    learning_route: str | None
    session_number: int | None
    description: str | None
    plan: str | None
    realised: str | None
    judgement: Labelled | None
    judgement_note: str | None
    sdgs: list[Sdg]


class Position(TypedDict):
    quadrants: list[Labelled]
    border: bool  # two quadrants: on the border between them
    note: str | None


class Role(TypedDict):
    role: str
    label: str  # the vocabulary's label, or what was typed for "other"
    orientation: Labelled
    phase: str | None
    note: str | None


class Participant(TypedDict):
    id: str
    number: int
    label: str  # by function, with a letter when two share one (and the name with --names)
    function: str
    name: str | None  # only with --names
    department: str | None
    organisation: str | None
    affiliation: Labelled | None
    attendance: Labelled
    session_role: Labelled
    position: Position | None
    orientation: Labelled | None
    usual_roles: list[Role]
    played_roles: list[Role]


class Axes(TypedDict):
    steering: dict[str, str]  # inside_out, outside_in → label
    focus: dict[str, str]  # result, value → label


class MapQuadrant(TypedDict):
    key: str
    label: str
    short: str
    column: int  # 0: inside-out (left), 1: outside-in
    row: int  # 0: result (top), 1: value
    participants: list[str]  # ids


Side = Literal["top", "bottom", "left", "right"]
"""Where a border lies: the vertical line in the top or bottom row, or the horizontal line
in the left or right column."""


class Border(TypedDict):
    quadrants: list[str]  # the two keys, in reading order
    side: Side
    participants: list[str]


class NsobMap(TypedDict):
    """The NSOB figure (`summary.nsob_map`); participants by id."""

    axes: Axes
    quadrants: list[MapQuadrant]
    borders: list[Border]
    unplaced: list[str]


class FindingItem(TypedDict):
    id: str
    text: str
    by: str | None  # the participant's label
    tags: list[str]
    confidential: bool


class FindingGroup(TypedDict):
    kind: str
    label: str  # the kind's plural label
    items: list[FindingItem]


class Origin(TypedDict):
    """Where the thread of a continued follow-up began; `question` and `status` are None
    when that session was not found."""

    ref: str
    session: str
    session_number: int | None
    date: str | None
    question: str | None
    status: Labelled | None


class FollowUp(TypedDict):
    id: str
    question: str
    owner: str | None
    due: str | None
    status: Labelled
    continues: str | None
    origin: Origin | None
    note: str | None
    confidential: bool


class SessionSummary(TypedDict):
    """Everything a one-session report shows (`summary.summarize_session`)."""

    format_version: int
    kind: Literal["session"]
    language: str
    public: bool
    anonymisation: Anonymisation | None
    session: SessionInfo
    participants: list[Participant]
    map: NsobMap
    findings: list[FindingGroup]
    follow_ups: list[FollowUp]
    reflection: str | None
    next_session: str | None
    notes: str | None  # the internal notes; None when published
    masthead: list[str] | None
    internal: NotRequired[Internal | None]  # set by the command, for every copy


# --- a learning route --------------------------------------------------------------------------


class RouteSession(TypedDict):
    id: str
    title: str
    date: str
    session_number: int | None
    learning_route: str | None
    status: str
    judgement: Labelled | None
    present: int
    absent: int
    findings: int


class QuadrantPlace(TypedDict):
    key: str
    label: str
    short: str
    row: int
    column: int


class Spread(TypedDict):
    """One session's people per quadrant, and the change since the session before."""

    id: str
    counts: dict[str, int]
    on_border: dict[str, int]
    change: dict[str, int] | None


class Quadrants(TypedDict):
    order: list[QuadrantPlace]
    per_session: list[Spread]


class RoleCount(TypedDict):
    key: str
    label: str
    counts: dict[str, int]  # orientation → people who played it so
    sessions: int


class OrientationRow(TypedDict):
    id: str
    counts: dict[str, int]


class Orientations(TypedDict):
    labels: dict[str, str]  # the vocabulary's orientations, then "both"
    per_session: list[OrientationRow]


class Seen(TypedDict):
    """In which sessions something came back: the latest ids, and `count` of all of them
    when some were left out."""

    sessions: list[str]
    count: NotRequired[int]


class TagCount(Seen):
    tag: str
    kinds: list[Labelled]


class PhraseCount(Seen):
    phrase: str


class SdgCount(Seen):
    goal: int
    label: str


class Recurring(TypedDict):
    tags: list[TagCount]
    phrases: list[PhraseCount]


class ThreadStep(TypedDict):
    """A later meeting that took a follow-up thread up."""

    ref: str
    session: str
    date: str
    session_number: int | None
    question: str
    status: str  # the key, as in format version 1
    status_label: str


class Thread(TypedDict):
    """A follow-up thread from its first question to its closure."""

    ref: str
    question: str
    owner: str | None
    due: str | None
    opened_in: str
    opened_on: str
    opened_number: int | None
    continues: str | None
    history: list[ThreadStep]
    status: Labelled
    closed_in: str | None
    closed_on: str | None
    age_days: int | None


class Threads(TypedDict):
    as_of: str | None
    opened: int
    closed: int
    open: int
    items: list[Thread]


class Omitted(TypedDict):
    """What the lists of a long route leave out."""

    sessions: int
    open_follow_ups: int
    closed_follow_ups: int
    since: str | None


class RouteSummary(TypedDict):
    """The learning-route overview (`summary.route_summary`)."""

    format_version: int
    kind: Literal["route"]
    language: str
    public: bool
    anonymisation: Anonymisation | None
    routes: list[str]
    as_of: str | None
    sessions: list[RouteSession]
    quadrants: Quadrants
    roles: list[RoleCount]
    orientations: Orientations
    recurring: Recurring
    sdgs: list[SdgCount]
    follow_ups: Threads
    omitted: NotRequired[Omitted]  # only on long routes
    masthead: NotRequired[list[str] | None]  # set by the command, for every copy
    internal: NotRequired[Internal | None]


Summary = SessionSummary | RouteSummary
"""What every report writer takes; `kind` tells the two apart."""


# --- what an overview keeps of one session -------------------------------------------------------


class Attendance(TypedDict):
    present: int
    absent: int


class DigestFinding(TypedDict):
    kind: str
    tags: list[str]
    phrases: list[str]  # word pairs and long words, of what worked and what was learnt


class DigestFollowUp(TypedDict):
    id: str
    question: str
    owner: str | None
    due: str | None
    status: str
    continues: str | None


class Digest(TypedDict):
    """The little of one session that an overview needs (`summary.digest`): vocabulary
    keys, counts, and texts with names replaced; no confidential item, no names."""

    digest_version: int
    id: str
    vocabulary: str
    status: str
    title: str
    date: str
    learning_route: str | None
    session_number: int | None
    judgement: str | None
    participants: Attendance
    positions: dict[str, int]  # "quadrant" or "first+second" (a border) → people
    orientations: dict[str, int]
    roles: dict[str, dict[str, int]]  # role ("other:<typed>" for a free one) → orientation
    sdgs: list[int]
    findings: list[DigestFinding]
    follow_ups: list[DigestFollowUp]
    redactions: RedactionCounts
    publishable: NotRequired[bool]  # set by the cache (`cache.digest_of_file`)
