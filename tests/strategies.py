"""Hypothesis strategies for valid sessions, shared by the tests of the store and the writer.

Text is drawn from everything the schema allows (all but control characters other than
tab and newline, line/paragraph separators, byte-order marks, non-characters and
surrogates), with YAML's indicator characters and words that a YAML reader of either
version would take for something other than text mixed in.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from evaltool.session.models import (
    SCHEMA_VERSION,
    Finding,
    FollowUp,
    Participant,
    Person,
    Position,
    RoleInstance,
    Session,
)
from evaltool.session.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()

# What the schema allows in text: no control characters but tab and newline, no
# line/paragraph separators, no byte-order marks or non-characters, no surrogates.
_CHARACTERS = st.characters(
    blacklist_categories=("Cs", "Cc"),
    blacklist_characters="\u2028\u2029\ufeff\ufffe\uffff",
)
_ANY_TEXT = st.text(st.one_of(_CHARACTERS, st.sampled_from("\n\t :#'\"-|>&*!%@`{}[],?")),
                    min_size=1, max_size=60)
# Plain, these are not text to some YAML reader (1.1 or 1.2): written, they must stay text.
TYPED = ["no", "On", "yes", "off", "y", "true", "False", "~", "null", "0123", "0612345678",
         "1_000", "0x1F", "0o17", "0b101", "1e3", "1.5e3", "+12", "-.5", ".inf", ".NaN",
         "12:30", "12:30:00", "2021-01-28", "2021-01-28 12:00:00", "<<", "=", "-", "?", ":x",
         "---", "...", "- a", "a: b", "a #b", "'q'", '"q"', "#", "@x", "`x`", "%x", "!x",
         "&x", "*x", "|", ">", "[a]", "{a}", " lead", "trail ", "a\n b", "a \nb", "a\n\nb",
         "tab\there", "\u202eRTL", "nbsp\xa0space", "😀"]
TEXT = st.one_of(_ANY_TEXT, st.sampled_from(TYPED)).filter(lambda s: s.strip() != "")
LINE = TEXT.filter(lambda s: "\n" not in s)
IDS = st.one_of(st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True),
                st.sampled_from(["no", "on", "yes", "y", "null", "true", "0123", "1e3", "0o17",
                                 "0b1", "2021-01-28", "0612345678", "1-2"]))
TAGS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
                             blacklist_characters=",#[]{}\ufeff\ufffe\uffff\x85"),
               min_size=1, max_size=12).filter(lambda s: not any(c.isspace() for c in s))


def _keys(category: str) -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(VOCABULARY.entries(category)))


@st.composite
def positions(draw: st.DrawFn) -> Position:
    first = draw(_keys("quadrants"))
    neighbours = [q for q in VOCABULARY.quadrants if q != first and VOCABULARY.adjacent(first, q)]
    quadrants = [first] + draw(st.lists(st.sampled_from(neighbours), max_size=1))
    return Position(quadrants=quadrants, note=draw(st.none() | TEXT))


@st.composite
def roles(draw: st.DrawFn) -> RoleInstance:
    role = draw(_keys("roles"))
    usual = draw(st.booleans())
    return RoleInstance(
        role=role,
        label=draw(LINE) if role == "other" else draw(st.none() | LINE),
        orientation=draw(_keys("orientations")),
        usual=usual,
        played=True if not usual else draw(st.booleans()),
        phase=draw(st.none() | LINE),
        note=draw(st.none() | TEXT),
    )


participants = st.builds(
    Participant,
    name=st.none() | LINE,
    function=LINE,
    department=st.none() | LINE,
    organisation=st.none() | LINE,
    affiliation=st.none() | _keys("affiliations"),
    attendance=_keys("attendance"),
    session_role=_keys("session_roles"),
    position=st.none() | positions(),
    roles=st.lists(roles(), max_size=3),
)

findings = st.builds(
    Finding,
    kind=_keys("finding_kinds"),
    text=TEXT,
    tags=st.lists(TAGS, max_size=3),
    confidential=st.booleans(),
)

follow_ups = st.builds(
    FollowUp,
    question=TEXT,
    owner=st.none() | LINE,
    due=st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    status=_keys("follow_up_statuses"),
    continues=st.none() | st.just("2021-01-28-casus-cornelis-musius#fu-1"),
    note=st.none() | TEXT,
    confidential=st.booleans(),
)

people = st.builds(Person, name=LINE, label=LINE)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    data = {
        "schema_version": SCHEMA_VERSION,
        "id": draw(IDS),
        "status": draw(st.sampled_from(["draft", "final"])),
        "casus": {
            "title": draw(LINE),
            "date": draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
            "organisation": draw(st.none() | LINE),
            "learning_route": draw(st.none() | LINE),
            "session_number": draw(st.none() | st.integers(1, 999)),
            "description": draw(st.none() | TEXT),
            "plan": draw(st.none() | TEXT),
            "realised": draw(st.none() | TEXT),
            "judgement": draw(st.none() | _keys("judgements")),
            "sdgs": [{"goal": goal, "note": draw(st.none() | TEXT)}
                     for goal in draw(st.sets(st.integers(1, 17), max_size=4))],
        },
        "participants": (participant_map := draw(st.dictionaries(IDS, participants,
                                                                 max_size=4))),
        "people": draw(st.dictionaries(IDS.filter(lambda i: i not in participant_map),
                                       people, max_size=2)),
        "not_people": draw(st.lists(LINE, max_size=2, unique=True)),
        "findings": draw(st.dictionaries(IDS, findings, max_size=4)),
        "follow_ups": draw(st.dictionaries(IDS, follow_ups, max_size=3)),
        "reflection": draw(st.none() | TEXT),
        "notes": draw(st.none() | TEXT),
    }
    return Session.model_validate(data, context={"vocabulary": VOCABULARY})
