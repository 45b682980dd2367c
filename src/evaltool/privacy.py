"""Publication mode: what may leave a session file for a published report (AVG, Woo).

The rules (also printed in every published report, see `RULES`):

1. people appear only by their function, with a letter when two share a function;
2. names, e-mail addresses and phone numbers never appear: every form of every
   participant's name found in free text (full name, first name, surname with and
   without tussenvoegsel, initials, composed and decomposed Unicode) is replaced by
   that person's function in brackets; e-mail addresses and phone numbers are removed;
3. confidential findings and follow-ups are left out, and so are the internal notes;
4. absence is shown without a reason (the file never stores one);
5. when anything that looks like a participant's name survives (another case, other
   accents, an invisible character inside it), the report is refused, saying where.

Names are replaced case-sensitively (as written, with a capitalised tussenvoegsel, or
in capitals), because a surname can be an ordinary word ("Bos"); the check in rule 5
is case- and accent-blind, so such a word makes the command refuse rather than guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaltool.errors import EvaltoolError, Problem
from evaltool.summary import fingerprint, fold_name, person_labels

# Dutch (and a few Flemish, German, French) name particles; lower-case as in a full name.
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "onder", "bij",
    "aan", "uit", "uijt", "voor", "over", "tot", "d'", "du", "da", "di", "dos", "la", "le",
    "les", "von", "vom", "zu", "zum", "zur", "v.d.", "v/d", "vd", "el", "al", "ben", "bin",
    "ibn", "del", "della", "do", "das",
})

EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Phone numbers: an international (+31, 0031) or a national (0...) number of 9-12 digits,
# with spaces, dashes, dots or brackets between them. Dates and sums do not start so.
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?(?:\(?\d\)?[\s.\-/]?){9,13}(?!\w)")

RULE_KEYS = ("rule_function", "rule_names", "rule_confidential", "rule_absence",
             "rule_refuse")


class PublicationRefusedError(EvaltoolError):
    """A published report would still name a participant; nothing was written."""


@dataclass
class Person:
    """What the scrubber knows of one participant: how to show them and how to find them."""

    id: str
    label: str
    forms: list[str]
    parts: list[str]


def _initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[^\W\d_]\.?)+", word)) and (
        "." in word or len(word) == 1)


def _particle(word: str) -> bool:
    return word.casefold() in TUSSENVOEGSELS


def split_name(name: str) -> tuple[list[str], list[str], str]:
    """'Renée Jansen-de Vries' → (['Renée'], [], 'Jansen-de Vries');
    'Jacob ten Bosch' → (['Jacob'], ['ten'], 'Bosch').

    The surname starts at the first particle after the first word, at a double name
    joined by a particle ("Jansen-de"), or else is the last word.
    """
    words = unicodedata.normalize("NFC", name).replace(",", " ").split()
    if not words:
        return [], [], ""
    start = len(words) - 1
    for index in range(1, len(words)):
        word = words[index]
        if _particle(word) or any(_particle(part) for part in word.split("-")[1:]):
            start = index
            break
    given, rest = words[:start], words[start:]
    particles = []
    while len(rest) > 1 and _particle(rest[0]):
        particles.append(rest.pop(0))
    return given, particles, " ".join(rest)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def name_forms(name: str) -> tuple[list[str], list[str]]:
    """Every written form of `name` to replace, and the name parts to look for afterwards
    (see `_name_forms`; computed once per name, as people come back in many sessions)."""
    forms, parts = _name_forms(name)
    return list(forms), list(parts)


@functools.lru_cache(maxsize=4096)
def _name_forms(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every written form of `name` to replace, and the name parts to look for afterwards.

    Forms keep their case; parts are the first names and the surname's parts (without
    particles) that the survivor check looks for, in any case and spelling.
    """
    given, particles, surname = split_name(name)
    if not surname:
        return (), ()
    given_names = [g for g in given if not _initial(g)]
    letters: list[str] = []
    for g in given:
        if _initial(g):
            letters += [ch for ch in g if ch.isalpha()]
        else:
            letters += [part[0] for part in g.split("-") if part]
    tussen = " ".join(particles)
    surnames = [surname] + ([f"{tussen} {surname}", f"{_capitalised(tussen)} {surname}"]
                            if tussen else [])
    forms: set[str] = set(surnames)
    # Each half of a double name ("Jansen", "de Vries", "De Vries", "Vries").
    for segment in surname.split("-"):
        words = segment.split()
        if not words:
            continue
        forms.update({segment, _capitalised(segment)})
        core = [w for w in words if not _particle(w)]
        if core:
            forms.add(" ".join(core))
    first_forms = {" ".join(given), *(given_names[:1])} - {""}
    for first in first_forms:
        forms.update(f"{first} {s}" for s in surnames)
        forms.add(f"{first} {surname}")
        forms.add(f"{surname}, {first}")
        if tussen:
            forms.add(f"{surname}, {first} {tussen}")
    forms.update(g for g in given_names if len(g) >= 2)
    forms.update(part for g in given_names for part in g.split("-") if len(part) >= 2)
    core_words = [w for w in re.split(r"[-\s]+", surname) if w and not _particle(w)]
    if letters:
        dotted = "".join(f"{ch}." for ch in letters)
        for s in surnames:
            forms.update({f"{dotted} {s}", f"{dotted}{s}", f"{''.join(letters)} {s}"})
        forms.update({f"{dotted} {surname}", f"{surname}, {dotted}"})
        tussen_letters = [p[0] for p in particles]
        last = core_words[0][0] if core_words else surname[0]
        abbreviation = [*letters, *tussen_letters, last]
        lower_tussen = [*letters, *(t.lower() for t in tussen_letters), last]
        forms.update({
            "".join(f"{ch}." for ch in lower_tussen),
            "".join(f"{ch}." for ch in abbreviation).upper(),
        })
        if tussen_letters:
            forms.add("".join(lower_tussen))  # JtB
        if len(abbreviation) >= 3:
            forms.add("".join(abbreviation).upper())  # JTB; two letters (JB) is too common
    forms |= {f.upper() for f in forms if len(f) > 3}
    forms = {unicodedata.normalize("NFC", f) for f in forms if len(f.strip()) >= 2}
    parts = {p for g in given_names for p in g.split("-") if len(p) >= 2}
    parts |= {w for w in core_words if len(w) >= 2}
    return tuple(sorted(forms, key=lambda f: (-len(f), f))), tuple(sorted(parts))


_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)
def _key_words(forms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The longest run of word characters in each form of a name ("de Vries" → "Vries"),
    also with an "s" (the possessive: "Jansens plan"), and the forms made of single
    letters ("J.t.B."), which are looked for as they are."""
    words: set[str] = set()
    short: set[str] = set()
    for form in forms:
        word = max(_WORDS.findall(form), key=len, default="")
        if len(word) > 1:
            words.update((word, word + "s"))
        else:
            short.add(form)
    return frozenset(words), frozenset(short)


class Scrubber:
    """Replaces participants' names, e-mail addresses and phone numbers in free text."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = list(people)
        self.ids = {p.id: p.label for p in self.people}
        self.counts: Counter[str] = Counter()
        # A form can only match where the text has each of its words (the last one
        # perhaps with an "s") as a whole word: texts without the longest word of any form
        # (or without a form of initials) are left as they are, and the pattern of all
        # forms is made only when a text needs it.
        self._key_words: set[str] = set()
        self._short_forms: set[str] = set()
        for person in self.people:
            words, short = _key_words(tuple(person.forms))
            self._key_words |= words
            self._short_forms |= short
        self._compiled: re.Pattern[str] | None = None
        self._replacement: dict[str, str] = {}

    @property
    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            replacements: dict[str, set[str]] = {}
            for person in self.people:
                for form in person.forms:
                    replacements.setdefault(form, set()).add(person.label)
            # A form two people share ("Jan") becomes both functions: it was one of them.
            self._replacement = {form: "[" + " / ".join(sorted(labels)) + "]"
                                 for form, labels in replacements.items()}
            forms = sorted(self._replacement, key=lambda f: (-len(f), f))
            self._compiled = re.compile(r"(?<!\w)(" + "|".join(re.escape(f) for f in forms)
                                        + r")(?:['’]s|s)?(?!\w)")
        return self._compiled

    def _may_name(self, text: str) -> bool:
        """Whether a form of a name could be in `text` (never False when one is)."""
        if self._short_forms and any(form in text for form in self._short_forms):
            return True
        return not self._key_words.isdisjoint(_WORDS.findall(text))

    @classmethod
    def for_session(cls, session: Any) -> Scrubber:
        labels = person_labels(session.participants)
        people = []
        for participant_id, participant in session.participants.items():
            forms, parts = name_forms(participant.name) if participant.name else ([], [])
            people.append(Person(participant_id, labels[participant_id], forms, parts))
        return cls(people)

    def scrub(self, text: str) -> str:
        """`text` without names (each replaced by the function), e-mail addresses and phones."""
        value = unicodedata.normalize("NFC", text)
        if "@" in value:
            value, emails = EMAIL.subn("[e-mail]", value)
            self.counts["emails"] += emails
        if _DIGIT.search(value):
            value = PHONE.sub(self._phone, value)
        if self._may_name(value):
            value, names = self._pattern.subn(lambda m: self._replacement[m.group(1)], value)
            self.counts["names"] += names
        return value

    def _phone(self, match: re.Match[str]) -> str:
        digits = sum(ch.isdigit() for ch in match.group())
        text = match.group()
        if 9 <= digits <= 13 and (text.startswith(("+", "0", "(0"))):
            self.counts["phones"] += 1
            trailing = text[len(text.rstrip()):]
            return "[tel.]" + trailing
        return text

    def owner(self, owner: str) -> str:
        """A follow-up's owner: a participant id becomes the function, other text is scrubbed."""
        return self.ids.get(owner) or self.scrub(owner)

    def fingerprints(self) -> set[str]:
        return {fingerprint(part) for person in self.people for part in person.parts}

    def survivors(self, text: str) -> list[tuple[Person, str]]:
        """Name parts of participants still in `text`, in any case, accent or with hidden chars."""
        folded = fold_name(unicodedata.normalize("NFC", text))
        found = []
        for person in self.people:
            for part in person.parts:
                pattern = r"(?<!\w)" + re.escape(fold_name(part)) + r"(?:['’]s|s)?(?!\w)"
                if re.search(pattern, folded):
                    found.append((person, part))
        return found


@dataclass
class Redactions:
    """What publication mode took out, for the summary on stderr and in the report."""

    names: int = 0
    emails: int = 0
    phones: int = 0
    findings_left_out: int = 0
    follow_ups_left_out: int = 0
    notes_left_out: int = 0
    names_withheld: int = 0
    sessions: list[str] = field(default_factory=list)

    def add(self, other: Redactions) -> None:
        for name in ("names", "emails", "phones", "findings_left_out", "follow_ups_left_out",
                     "notes_left_out", "names_withheld"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.sessions += other.sessions

    def as_dict(self) -> dict[str, int]:
        return {
            "names_replaced": self.names,
            "emails_removed": self.emails,
            "phones_removed": self.phones,
            "confidential_findings_left_out": self.findings_left_out,
            "confidential_follow_ups_left_out": self.follow_ups_left_out,
            "notes_left_out": self.notes_left_out,
            "participant_names_withheld": self.names_withheld,
        }


def publish(session: Any) -> tuple[Any, Redactions, Scrubber]:
    """A copy of `session` fit for publication, what was taken out, and the scrubber used."""
    scrubber = Scrubber.for_session(session)

    def s(text: str | None) -> str | None:
        return scrubber.scrub(text) if text else text

    casus = session.casus
    new_casus = casus.model_copy(update={
        "title": s(casus.title), "organisation": s(casus.organisation),
        "learning_route": s(casus.learning_route),
        "description": s(casus.description), "plan": s(casus.plan),
        "realised": s(casus.realised), "judgement_note": s(casus.judgement_note),
        "sdgs": [sdg.model_copy(update={"note": s(sdg.note)}) for sdg in casus.sdgs],
    })
    participants = {}
    for participant_id, p in session.participants.items():
        position = (p.position.model_copy(update={"note": s(p.position.note)})
                    if p.position else None)
        roles = [r.model_copy(update={"label": s(r.label), "phase": s(r.phase),
                                      "note": s(r.note)}) for r in p.roles]
        participants[participant_id] = p.model_copy(update={
            "name": None, "department": s(p.department), "organisation": s(p.organisation),
            "position": position, "roles": roles,
        })
    findings = {fid: f.model_copy(update={"text": s(f.text)})
                for fid, f in session.findings.items() if not f.confidential}
    follow_ups = {
        fid: fu.model_copy(update={"question": s(fu.question),
                                   "owner": scrubber.owner(fu.owner) if fu.owner else None,
                                   "note": s(fu.note)})
        for fid, fu in session.follow_ups.items() if not fu.confidential
    }
    public = session.model_copy(update={
        "casus": new_casus, "participants": participants, "findings": findings,
        "follow_ups": follow_ups, "reflection": s(session.reflection),
        "next_session": s(session.next_session), "notes": None,
    })
    redactions = Redactions(
        names=scrubber.counts["names"], emails=scrubber.counts["emails"],
        phones=scrubber.counts["phones"],
        findings_left_out=len(session.findings) - len(findings),
        follow_ups_left_out=len(session.follow_ups) - len(follow_ups),
        notes_left_out=1 if session.notes else 0,
        names_withheld=sum(1 for p in session.participants.values() if p.name),
        sessions=[session.id],
    )
    return public, redactions, scrubber


def texts(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[
        tuple[tuple[str | int, ...], str, bool]]:
    """Every string in plain data (or a model's dump) with its place, keys included.

    Yields `(place, text, is_key)`; a mapping's key is at the place of its value.
    """
    if isinstance(value, str):
        yield loc, value, False
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*loc, key), key, True
            yield from texts(item, (*loc, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, (*loc, index))
    elif hasattr(value, "model_dump"):
        yield from texts(value.model_dump(mode="json"), loc)


# Fields that hold vocabulary keys, dates, numbers or flags: a name cannot hide in them.
_NOT_TEXT = {"schema_version", "vocabulary", "status", "date", "due", "kind", "quadrants",
             "role", "orientation", "attendance", "session_role", "affiliation", "judgement",
             "usual", "played", "goal", "confidential"}
# Ids that `neutral_ids` replaces before anything is shown.
_RENAMED = {"participants", "findings"}


def neutral_ids(public: Any) -> Any:
    """The published session with participants and findings renamed p1, p2... and f1, f2...

    Their ids are often made from a name ("jacob-ten-bosch"); follow-up ids stay, since
    later sessions refer to them (`continues`), and are checked like any text.
    """
    rename = {old: f"p{n}" for n, old in enumerate(public.participants, start=1)}
    findings = {
        f"f{n}": f.model_copy(update={"by": rename.get(f.by) if f.by else None})
        for n, f in enumerate(public.findings.values(), start=1)
    }
    participants = {rename[old]: p for old, p in public.participants.items()}
    return public.model_copy(update={"participants": participants, "findings": findings})


def check_session(public: Any, scrubber: Scrubber, path: Path | str) -> None:
    """Refuse (raise) when a participant's name survives anywhere in the published session."""
    found = []
    for loc, text, is_key in texts(public):
        if loc and loc[-1] in _NOT_TEXT and not is_key:
            continue
        if (is_key and len(loc) == 2 and loc[0] in _RENAMED) or loc[-1] == "by":
            continue
        for person, part in scrubber.survivors(text):
            found.append((loc, is_key, person, part))
    if not found:
        return
    locations = _locate(path, [(loc, is_key) for loc, is_key, _, _ in found])
    problems = []
    for (loc, _, person, part), where in zip(found, locations, strict=True):
        line, column = where if where else (None, None)
        problems.append(Problem("report.name_survives",
                                {"person": person.label, "word": part,
                                 "field": ".".join(str(x) for x in loc)},
                                path, line, column, "report.name_survives_hint"))
    raise PublicationRefusedError(*problems)


def _locate(path: Path | str, places: list[tuple[tuple[str | int, ...], bool]]) -> list[Any]:
    try:
        from evaltool.yamlsafe import read_document

        document = read_document(Path(path))
    except (EvaltoolError, OSError):
        return [None] * len(places)
    return [document.locate(loc, key=is_key) for loc, is_key in places]


def check_overview(summary: Mapping[str, Any], fingerprints: set[str]) -> None:
    """Refuse (raise) when a word of the overview is the name part of any participant."""
    if not fingerprints:
        return
    problems = []
    word = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
    for loc, text, is_key in texts(summary):
        if is_key or (loc and loc[-1] in _NOT_TEXT):
            continue
        for match in word.finditer(fold_name(text)):
            token = re.sub(r"(?:['’]s|s)$", "", match.group())
            if fingerprint(match.group()) in fingerprints or fingerprint(token) in fingerprints:
                problems.append(Problem("report.name_survives_overview",
                                        {"field": ".".join(str(x) for x in loc)},
                                        None, None, None, "report.name_survives_hint"))
                break
    if problems:
        raise PublicationRefusedError(*problems)


def anonymisation(redactions: Redactions, language: str) -> dict[str, Any]:
    """The notice a published report carries: that it was anonymised, and by which rules."""
    from evaltool.i18n import t

    return {
        "notice": t("report.anonymised_notice", language),
        "rules": [t(f"report.{key}", language) for key in RULE_KEYS],
        "redactions": redactions.as_dict(),
    }
