"""Publication mode: what may leave a session file for a published report (AVG, Woo).

The rules (also printed in every published report, see `RULE_KEYS`):

1. people appear only by their function (participants) or by the label the session gives
   them (`people`: a wethouder, a school's director), with a letter when two share one;
2. names, e-mail addresses and phone numbers never appear: every form of a participant's
   or a declared person's name in free text (see `evaltool.session.namefinder` for the Dutch name
   rules) is replaced by that function or label in brackets; e-mail addresses and phone
   numbers are removed;
3. confidential findings and follow-ups are left out, and so are the internal notes;
4. absence is shown without a reason, and a health or other special-category reason
   (AVG art. 9) next to a person or an absence is never published;
5. when a name survives, or a likely name of someone the session does not declare is
   found, anywhere in the data or in the finished output (every format, the HTML head and
   attributes, JSON, the overview's phrases), nothing is written: the refusal says where
   (file:line:col), by which rule, with the word masked, and the three ways out.

What is scrubbed and checked is decided by each field's kind (`models.Kind`), never by a
list of field names: see `evaltool.session.fields`.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from evaltool.errors import EvaltoolError, FileProblemError, Problem
from evaltool.i18n import every_text, t
from evaltool.i18n.folding import asciify, fold_ascii
from evaltool.report.contract import Anonymisation, RedactionCounts
from evaltool.report.people import person_labels
from evaltool.report.redactions import count_redactions
from evaltool.session.dutchnames import Shadow, lists, mask, parse_name, shadow
from evaltool.session.fields import DROP, Place, id_parts, texts, transform
from evaltool.session.models import Session
from evaltool.session.namefinder import (
    RULE_NAMES,
    Finder,
    Hit,
    Known,
    NameMatcher,
    person_marks,
    special_categories,
)
from evaltool.session.store import load_session
from evaltool.session.values import Kind
from evaltool.session.vocabulary import available_vocabularies, load_vocabulary
from evaltool.session.yamlreader import read_document

# An address, also an internal one without a top-level domain ("j.jansen@gemeente"), or
# written "jan(at)delft.nl".
EMAIL = re.compile(r"[\w.+%-]+(?:@[\w-]+(?:\.[\w-]+)*|\s*[\[({]at[\])}]\s*[\w-]+(?:\.[\w-]+)+)")
_AT = ("@", "(at)", "[at]", "{at}")
# Phone numbers (on the ASCII shadow, where every kind of dash and space is plain): an
# international (+31, 0031) or a national (0...) number of 9-13 digits, with spaces,
# dashes, dots, slashes or brackets between the groups. Dates and sums do not start so.
PHONE = re.compile(r"(?<![\w+])(?:\+|00|\(0|0)(?:[\s.\-/()]{0,3}\d){8,13}(?!\w)")
_DIGIT = re.compile(r"\d")
_CAPITAL = re.compile(r"[A-Z]")
_COUNTED = ("names", "emails", "phones")

RULE_KEYS = ("privacy.rule_function", "privacy.rule_names", "privacy.rule_confidential",
             "privacy.rule_absence", "privacy.rule_refuse")


class PublicationRefusedError(EvaltoolError):
    """A published report would still name someone, or say why they were absent."""


# --- replacing --------------------------------------------------------------------------------


class Scrubber:
    """Replaces known people's names, e-mail addresses and phone numbers in free text, and
    finds what must not be published (`problems`)."""

    def __init__(self, people: Iterable[Known], *, not_people: Iterable[str] = (),
                 marks: Iterable[str] = ()) -> None:
        self.people = list(people)
        self.ids = {p.id: p.label for p in self.people}
        self.matcher = NameMatcher(self.people)
        self.not_people = tuple(not_people)
        self.marks = tuple(marks)  # words that stand for a person here (the functions)
        self._marks = person_marks(self.marks)
        self.replacements: set[str] = set()  # what names were replaced by ("[Adviseur]")
        self._scrubbed: dict[tuple[str, bool], tuple[str, tuple[int, ...]]] = {}
        # The same text comes back many times (labels, notes, a report's every format).
        self._checked: dict[tuple[str, bool, bool, frozenset[str]],
                            list[tuple[str, str, str]]] = {}
        self.counts: Counter[str] = Counter()

    @classmethod
    def for_session(cls, session: Any) -> Scrubber:
        """The scrubber of a session's participants and declared people. Their functions
        and labels are scrubbed first: "Secretaris van wethouder Dijkstra" must not bring
        a name back where it replaces one."""
        people = getattr(session, "people", {})
        not_people = [*getattr(session, "not_people", []),
                      *_vocabulary_not_people(session.vocabulary)]
        labels: dict[str, str] = {**person_labels(session.participants),
                                  **{pid: person.label for pid, person in people.items()}}
        named = [(pid, parse_name(p.name))
                 for pid, p in [*session.participants.items(), *people.items()] if p.name]
        known = [Known(pid, labels[pid], name) for pid, name in named]
        first = cls(known, not_people=not_people)
        scrubbed = {pid: first.scrub(label) for pid, label in labels.items()}
        if scrubbed != labels:
            # A label named someone. Inside a label, a name becomes that person's label only
            # when it names no one itself, else a neutral word: never a label inside a label
            # inside a label, which grows with every round and can bring a name back.
            someone = t("privacy.someone")
            plain = [Known(pid, labels[pid] if scrubbed[pid] == labels[pid] else someone, name)
                     for pid, name in named]
            second = cls(plain, not_people=not_people)
            labels = {pid: second.scrub(label) for pid, label in labels.items()}
            known = [Known(pid, labels[pid], name) for pid, name in named]
        marks = [*labels.values(), *(p.function for p in session.participants.values())]
        return cls(known, not_people=not_people, marks=marks)

    def scrub(self, text: str, *, name_field: bool = False) -> str:
        """`text` without names (each replaced by the function or label), e-mail addresses
        and phone numbers. A `name_field` starts with a name where it has one (an owner)."""
        key = (text, name_field)
        known = self._scrubbed.get(key)
        if known is None:  # the same text comes back (notes, labels, phases)
            before = [self.counts[c] for c in _COUNTED]
            result = self._scrub(text, name_field)
            known = self._scrubbed[key] = (result, tuple(
                self.counts[c] - b for c, b in zip(_COUNTED, before, strict=True)))
        elif any(known[1]):
            for counted, extra in zip(_COUNTED, known[1], strict=True):
                self.counts[counted] += extra
        return known[0]

    def _scrub(self, text: str, name_field: bool) -> str:
        value = text
        if any(at in value for at in _AT):
            value, emails = EMAIL.subn("[e-mail]", value)
            self.counts["emails"] += emails
        if _DIGIT.search(value):
            value = self._replace(value, self._phones(shadow(value)), "[tel.]", "phones")
        view = shadow(value)
        if self.matcher.candidates(view.text):
            found, _ = self.matcher.hits(view, name_field=name_field)
            value = self._replace_people(view, found)
        return value

    @staticmethod
    def _phones(view: Shadow) -> list[tuple[int, int]]:
        spans = []
        for match in PHONE.finditer(view.text):
            digits = sum(ch.isdigit() for ch in match.group())
            if 9 <= digits <= 13:
                end = match.end()
                while end > match.start() and not view.text[end - 1].isalnum():
                    end -= 1  # a closing bracket or space is not part of the number
                spans.append(view.span(match.start(), end))
        return spans

    def _replace(self, text: str, spans: list[tuple[int, int]], by: str, count: str) -> str:
        for start, end in reversed(spans):
            text = text[:start] + by + text[end:]
            self.counts[count] += 1
        return text

    def _replace_people(self, view: Shadow, found: list[Hit]) -> str:
        text = view.original
        for hit in reversed(found):
            start, end = view.span(hit.start, hit.end)
            labels = sorted({self.people[n].label for n in hit.people})
            replacement = "[" + " / ".join(labels) + "]"
            self.replacements.add(replacement)
            text = text[:start] + replacement + text[end:]
            self.counts["names"] += 1
        return text

    def owner(self, owner: str) -> str:
        """A follow-up's owner: a participant's or a person's id becomes the function or
        label; other text is scrubbed."""
        return self.ids.get(owner) or self.scrub(owner, name_field=True)

    def tag(self, tag: str) -> Any:
        """A finding's tag: left out when it holds a name (a tag is a keyword, not text)."""
        scrubbed = self.scrub(tag)
        if scrubbed != tag:
            return DROP
        return tag

    def problems(self, text: str, *, special: bool = True, name_field: bool = False,
                 known_words: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
        """What in (already scrubbed) `text` must not be published: (rule, shown word,
        detail), the word masked when it is a name. In a `name_field` (an owner) a given
        name or surname standing alone is taken for a name too."""
        key = (text, special, name_field, known_words)
        if key not in self._checked:
            self._checked[key] = self._problems(text, special, name_field, known_words)
        return self._checked[key]

    def _problems(self, text: str, special: bool, name_field: bool,
                  known_words: frozenset[str]) -> list[tuple[str, str, str]]:
        view = shadow(text)
        if "[" in view.text:  # what stands where a name was is no name ("[Adviseur BO]")
            blanked = view.text
            for replacement in self.replacements:
                if replacement in text:
                    blanked = blanked.replace(asciify(replacement), "#" * len(
                        asciify(replacement)))
            view = Shadow(blanked, view.original, view.origin)
        found: list[tuple[str, str, str]] = []
        covered: list[tuple[int, int]] = []
        known, others = self.matcher.hits(view, name_field=name_field) if (
            self.matcher.candidates(view.text)) else ([], [])
        for hit in known:
            found.append(("name_survives", mask(view.text[hit.start:hit.end]),
                          self.people[hit.people[0]].label))
            covered.append((hit.start, hit.end))
        finder = Finder(self.not_people, known_words)
        # Every rule of the finder needs a capital letter: most texts of a report have one,
        # but most strings of its JSON do not.
        capitals = _CAPITAL.search(view.text) is not None
        likely: list[tuple[int, int]] = []
        for hit in [*(finder.hits(view) if capitals else []),
                    *(finder.name_field(view) if name_field and capitals else []), *others]:
            # Inside a known name it is that name; reaching beyond one, it is someone else
            # (reported once, by the widest rule).
            if not any(s <= hit.start and hit.end <= e for s, e in covered) and not any(
                    s < hit.end and hit.start < e for s, e in likely):
                found.append(("likely_name", mask(hit.word), hit.rule))
                likely.append((hit.start, hit.end))
        if special:
            for category, word, _, _ in special_categories(view, self._marks):
                found.append(("special_category", word, category))
        return found


@functools.cache
def _vocabulary_not_people(name: str) -> tuple[str, ...]:
    """The vocabulary's words that are no one's name (a school named after a person)."""
    try:
        return tuple(load_vocabulary(name).not_people)
    except FileProblemError:
        return ()


# --- what was taken out -----------------------------------------------------------------------


def publish(session: Any) -> tuple[Any, RedactionCounts, Scrubber]:
    """A copy of `session` fit for publication, what was taken out, and the scrubber used.

    Each field is treated by its kind: free text and tags scrubbed, names and internal
    text left out, entries marked confidential dropped; nothing else is touched.
    """
    scrubber = Scrubber.for_session(session)

    def visit(kind: Kind, value: Any, place: Place) -> Any:
        if kind is Kind.TEXT:
            return scrubber.scrub(value)
        if kind is Kind.OWNER:
            return scrubber.owner(value)
        if kind is Kind.TAG:
            return scrubber.tag(value)
        if kind in (Kind.NAME, Kind.CONFIDENTIAL):
            return DROP
        return value

    public = transform(session, visit)
    return public, count_redactions(session, scrubber), scrubber


# Ids that `neutral_ids` replaces before anything is shown (often made of a name).
_RENAMED = {"participants", "findings", "people"}


def neutral_ids(public: Any) -> Any:
    """The published session with participants and findings renamed p1, p2... and f1, f2...

    Their ids are often made from a name ("jacob-ten-bosch"); follow-up ids stay, since
    later sessions refer to them (`continues`), and are checked like any text. Declared
    people are not shown at all: their labels stand in the texts.
    """
    rename = {old: f"p{n}" for n, old in enumerate(public.participants, start=1)}
    findings = {
        f"f{n}": f.model_copy(update={"by": rename.get(f.by) if f.by else None})
        for n, f in enumerate(public.findings.values(), start=1)
    }
    participants = {rename[old]: p for old, p in public.participants.items()}
    return public.model_copy(update={"participants": participants, "findings": findings,
                                     "people": {}, "not_people": []})


def public_versions(old: Any, new: Any, old_path: Path, new_path: Path) -> tuple[
        Any, Any, Guard]:
    """Two versions of a session as `diff --public` shows them: each published and checked
    (refused like `summarize --public`), participants and findings renamed alike in both
    (p1, f1, ... in order of appearance, so a renamed id is not a change), and a guard
    for the finished diff."""
    guard = Guard()
    published: list[Any] = []
    for session, path in ((old, old_path), (new, new_path)):
        if session is None:
            published.append(None)
            continue
        public, _, scrubber = publish(session)
        check_session(public, scrubber, path)
        guard.add(path, scrubber)
        published.append(public)
    sides = [p for p in published if p is not None]
    people = _numbered([key for side in reversed(sides) for key in side.participants], "p")
    findings = _numbered([key for side in reversed(sides) for key in side.findings], "f")
    renamed = [None if side is None else side.model_copy(update={
        "participants": {people[k]: v for k, v in side.participants.items()},
        "findings": {findings[k]: f.model_copy(update={"by": people.get(f.by) if f.by else None})
                     for k, f in side.findings.items()},
        "people": {}, "not_people": []}) for side in published]
    return renamed[0], renamed[1], guard


def _numbered(keys: list[str], letter: str) -> dict[str, str]:
    numbers: dict[str, str] = {}
    for key in keys:
        numbers.setdefault(key, f"{letter}{len(numbers) + 1}")
    return numbers


# --- refusing ---------------------------------------------------------------------------------

_CHECKED = {Kind.TEXT, Kind.OWNER, Kind.TAG, Kind.ID, Kind.REFERENCE}


def session_problems(public: Any, scrubber: Scrubber) -> list[tuple[Place, bool, str, str, str]]:
    """Everything in a published session that must not be published: (place, is_key, rule,
    shown word, detail) for each."""
    found = []
    for place, kind, text, is_key in texts(public):
        if kind not in _CHECKED or (is_key and len(place) == 2 and place[0] in _RENAMED):
            continue
        if kind is Kind.REFERENCE and place[-1] == "by":
            continue  # renamed with the participants
        for rule, word, detail in scrubber.problems(text, special=kind is Kind.TEXT,
                                                    name_field=kind is Kind.OWNER):
            found.append((place, is_key, rule, word, detail))
    return found


def check_session(public: Any, scrubber: Scrubber, path: Path | str) -> None:
    """Refuse (raise) when anything in the published session must not be published."""
    found = session_problems(public, scrubber)
    if not found:
        return
    locations = _locate(path, [(place, is_key) for place, is_key, *_ in found])
    problems = [_problem(rule, word, detail, path, place, where)
                for (place, _, rule, word, detail), where in zip(found, locations, strict=True)]
    raise PublicationRefusedError(*problems)


def _problem(rule: str, word: str, detail: str, path: Path | str | None, place: Place,
             where: Any) -> Problem:

    line, column = where if where else (None, None)
    field_name = _shown(place, word) if place else t("privacy.in_output")
    if rule == "special_category":
        label = lists().categories[detail][0]
        return Problem("privacy.special_category", {"word": word, "field": field_name,
                                                    "category": label.text()},
                       path, line, column, "privacy.special_category_hint")
    if rule == "name_survives":
        return Problem("privacy.name_survives", {"word": word, "field": field_name,
                                                 "person": detail},
                       path, line, column, "privacy.name_survives_hint")
    return Problem("privacy.likely_name", {"word": word, "field": field_name,
                                           "rule": t(RULE_NAMES[detail])},
                   path, line, column, "privacy.likely_name_hint")


def _shown(place: Place, word: str) -> str:
    """A refused text's place, an id in it masked when it may hold the refused `word`
    (shown masked): an id made of the very name (`fu-jacob`, or a finding's id the wizard
    made from its text) would give it away. file:line:col says where the text is."""
    return ".".join(mask(str(part)) if is_id and _may_hold(str(part), word) else str(part)
                    for part, is_id in zip(place, id_parts(Session, place), strict=True))


def _may_hold(identifier: str, word: str) -> bool:
    """Whether some run of the id's words masks as `word` does: "fu-jan-de-vries" may hold
    'J…s'. A false alarm only masks an id that needed no masking."""
    tokens = [token for token in re.split(r"[\W_]+", identifier) if token]
    target = word.casefold()
    return any(mask("".join(tokens[i:j])).casefold() == target
               for i in range(len(tokens)) for j in range(i + 1, len(tokens) + 1))


def _locate(path: Path | str, places: list[tuple[Place, bool]]) -> list[Any]:
    try:
        document = read_document(Path(path))
    except (EvaltoolError, OSError):
        return [None] * len(places)
    return [document.locate(place, key=is_key) for place, is_key in places]


# --- the finished output ----------------------------------------------------------------------


class _HtmlText(HTMLParser):
    """The texts of an HTML page a reader or a search engine sees: text, title, attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self._skip += 1
        self.parts += [value for name, value in attrs if value and name not in (
            "style", "class", "id", "viewbox", "d", "points", "transform", "href", "xmlns",
            "http-equiv", "charset", "lang")]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")


def output_texts(text: str, output_format: str) -> list[str]:
    """The pieces of a rendered report as a reader sees them, to be checked one by one."""
    if output_format == "json":  # every string, keys too, as a reader of the JSON sees it
        return [json.loads(f'"{raw}"') if "\\" in raw else raw
                for raw in dict.fromkeys(_JSON_STRING.findall(text))]
    if output_format == "html":
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        return parser.parts
    if output_format == "markdown":
        return [_MARKDOWN_ESCAPE.sub(r"\1", line) for line in text.split("\n")]
    return text.split("\n\n")


def _json_strings(value: Any, place: Place = ()) -> Iterator[tuple[Place, str, bool]]:
    if isinstance(value, str):
        yield place, value, False
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield (*place, key), str(key), True
            yield from _json_strings(item, (*place, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, (*place, index))


@functools.cache
def tool_words() -> frozenset[str]:
    """Every word evaltool itself writes in a report (its catalogs, the vocabularies): no
    one's name, even where a given name is spelt alike."""
    words: set[str] = set()

    def add(text: str) -> None:
        words.update(re.findall(r"[a-z]+", fold_ascii(text)))

    for text in every_text():
        add(text)
    for name in available_vocabularies():
        for _, text, _ in _json_strings(load_vocabulary(name).model_dump(mode="json")):
            add(text)
    return frozenset(words)


class Guard:
    """Checks a finished public output for every known name of every session in it, and
    for likely names of anyone else. Keeps only the people (not the sessions); to say
    where a word was written, a refused output's files are read again."""

    def __init__(self) -> None:
        self.people: list[Known] = []
        self.not_people: list[str] = []
        self.marks: list[str] = []
        self.paths: list[Path] = []
        self.replacements: set[str] = set()

    def add(self, path: Path, scrubber: Scrubber) -> None:
        self.replacements |= scrubber.replacements
        self.people += scrubber.people
        self.not_people += scrubber.not_people
        self.marks += scrubber.marks
        self.paths.append(path)

    def check(self, text: str, output_format: str) -> None:
        """Refuse (raise) when the output names anyone; say where it came from if known."""
        scrubber = Scrubber(self.people, not_people=dict.fromkeys(self.not_people),
                            marks=self.marks)
        scrubber.replacements = self.replacements
        known = tool_words()
        found: dict[tuple[str, str, str], None] = {}
        for piece in dict.fromkeys(output_texts(text, output_format)):
            for problem in scrubber.problems(piece, special=False, known_words=known):
                found.setdefault(problem)
        if found:
            raise PublicationRefusedError(*(self._problem(*problem) for problem in found))

    def _problem(self, rule: str, word: str, detail: str) -> Problem:
        """The refusal at the place in a session file where the word was written, if found
        there (compared masked: the check keeps nothing it may not keep)."""
        for path in self.paths:
            try:
                public, _, scrubber = publish(load_session(path))
            except EvaltoolError:
                continue
            for place, kind, text, is_key in texts(public):
                if kind in _CHECKED and any(
                        (r, w) == (rule, word) for r, w, _ in scrubber.problems(
                            text, special=False, known_words=tool_words())):
                    where = _locate(path, [(place, is_key)])[0]
                    return _problem(rule, word, detail, path, place, where)
        return _problem(rule, word, detail, None, (), None)


def anonymisation(redactions: RedactionCounts, language: str) -> Anonymisation:
    """The notice a published report carries: that it was anonymised, and by which rules."""
    return {
        "notice": t("report.anonymised_notice", language),
        "rules": [t(key, language) for key in RULE_KEYS],
        "redactions": redactions,
    }
