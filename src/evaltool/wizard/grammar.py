"""The entry grammar: what a person types turned into values, and values shown as typed.

Pure: text in, plain values out (or `Invalid`, with a message in the user's language).
Besides one answer per question it reads the quick forms of issue 10:

- an entry on one line, its other answers given by marks the template puts on questions:
  `;` (the next answers in order: `Beleidsadviseur Energie; Duurzaamheid`), `#` (tags at
  the end: `... #vertrouwen #draagvlak`), `!` (a flag, at the start: confidential),
  ` @` (a line from there on: the owner), ` ^` (an earlier follow-up by number) and `:`
  (a note after the first colon: `4: Draagt bij aan ...`);
- someone's roles on one line: `(1), adviseur*, co-creator, 11 intern @gedurende het proces`;
- the notes to those roles, one per role: `1: ...` lines;
- dates written the Dutch way (`22-04-2021`, `22/4/2021`, `22 april 2021`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from evaltool.i18n import t, yes_or_no
from evaltool.i18n.folding import fold
from evaltool.session import models
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard.data import explain, field_adapter, plain
from evaltool.wizard.prompter import visible
from evaltool.wizard.state import EarlierFollowUp
from evaltool.wizard.template import Part, Question


def is_yes(value: object) -> bool:
    """A yes in the user's language (or any evaltool speaks), or `true`/`1`."""
    return yes_or_no(str(value)) is True


def is_no(value: object) -> bool:
    """A no in the user's language (or any evaltool speaks), or `false`/`0`."""
    return yes_or_no(str(value)) is False


_TAG = re.compile(r"[^\s,#\[\]{}]{1,40}")
_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2,
    "maart": 3, "march": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "augustus": 8,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "oktober": 10,
    "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_SUFFIX_MARKS = ("@", "^")
"""Marks that start a part of the line from there on; a space comes before them, so an
e-mail address or `C^2` stays text."""


class Invalid(Exception):
    """An answer that breaks a rule; the text says which, in the user's language."""


def iso_date(raw: str) -> str | None:
    """`22-04-2021`, `22/4/21`, `22.4.2021`, `22 april 2021` or `2021-04-22` → `2021-04-22`.

    None when the text is no date at all. A day that does not exist (`30-02-2021`) comes
    back as `2021-02-30`, so that the session's own check names it as the person wrote it."""
    text = raw.strip().lower()
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})", text):
        day, month, year = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{1,2})\.?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})", text):
        day, year = int(match.group(1)), int(match.group(3))
        if match.group(2) not in _MONTHS:
            return None
        month = _MONTHS[match.group(2)]
    else:
        return None
    if year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def numbered(vocabulary: Vocabulary, category: str, joint: str = " · ") -> str:
    """The choices of a category as they are offered: `1 adviseur · 2 projectleider ...`."""
    return joint.join(f"{n} {vocabulary.label(category, key)}"
                      for n, key in enumerate(vocabulary.entries(category), 1))


def split_list(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def typed_lines(raw: str) -> list[str]:
    """The lines of an answer: a line ended by `\\` and a pasted line both end one."""
    return re.split(r"\\\n|\n", raw)


def paragraphs(raw: str) -> str:
    """A typed answer as text: a line ended by `\\` goes on on the next line."""
    return raw.replace("\\\n", "\n")


def pasted(raw: str) -> list[str]:
    """The lines of a paste (several lines arrived at once); one line when it was typed."""
    return [line for line in re.split(r"(?<!\\)\n", raw) if line.strip()] or [raw]


def as_typed(text: str) -> str:
    """Text with line breaks as they are typed: each line but the last ends in `\\`."""
    return text.replace("\n", "\\\n")


@dataclass
class Line:
    """The first answer of an entry, with the other answers its marks gave."""

    lead: str
    given: dict[str, str] = field(default_factory=dict)
    complete: bool = False
    """A mark was used: the questions the line does not answer are not asked."""


class Grammar:
    """Turns typed text into the plain values of a session, and back."""

    def __init__(self, vocabulary: Vocabulary, *,
                 people: Callable[[], dict[str, Any]] = dict,
                 earlier: Callable[[], list[EarlierFollowUp]] = list) -> None:
        self.vocabulary = vocabulary
        self.people = people
        self.earlier = earlier

    # -- one answer ----------------------------------------------------------------------

    def convert(self, question: Question, raw: str, *, model: type[BaseModel],
                taken: set[str] | None = None) -> Any:
        """The value of one answer, checked by the rules of the file."""
        kind = question.type
        label = str(question.label)
        if kind == "choice":
            return self.choice(question.vocabulary or "", raw)
        if kind == "choices":
            keys = [self.choice(question.vocabulary or "", part) for part in split_list(raw)]
            if question.max and len(keys) > question.max:
                raise Invalid(t("wizard.too_many", label=label, max=question.max))
            if len(set(keys)) != len(keys):
                raise Invalid(t("wizard.twice", label=label))
            # The rules between the values (two quadrants must be neighbours) are the
            # model's: checked here, at this answer, not after the next one.
            self.check_with_model(model, {question.name: keys}, question.name, label)
            return keys
        if kind == "flag":
            flag = yes_or_no(raw)
            if flag is None:
                raise Invalid(t("wizard.not_a_flag", label=label))
            return "true" if flag else "false"
        if kind == "sdg":
            return self._sdg(raw, label, taken)
        if kind == "tags":
            return self.tags(raw)
        if kind == "id":
            try:
                ident = TypeAdapter(models.Id).validate_python(raw.strip())
            except ValidationError as error:
                raise Invalid(explain(error, {(): label})) from None
            if taken and ident in taken:
                raise Invalid(t("wizard.id_taken", id=ident))
            return ident
        if kind == "participant":
            people = self.people()
            pid = participant(raw, people)
            if pid is None:
                raise Invalid(t("wizard.no_such_participant", value=visible(raw, limit=40),
                                count=len(people)))
            return pid
        if kind == "earlier":
            return self._earlier(raw)
        if kind == "date":
            date = iso_date(raw)
            if date is None:
                raise Invalid(t("wizard.not_a_date", label=label,
                                value=visible(raw, one_line=True, limit=40)))
            raw = date
        if kind == "text":
            raw = paragraphs(raw)
        value = self.check(model, question.name, raw, label)
        return plain(value)

    def check(self, model: type[BaseModel], name: str, value: Any, label: str) -> Any:
        try:
            return field_adapter(model, name).validate_python(
                value, context={"vocabulary": self.vocabulary})
        except ValidationError as error:
            raise Invalid(explain(error, {(): label}, vocabulary=self.vocabulary)) from None

    def check_with_model(self, model: type[BaseModel], data: dict[str, Any], name: str,
                         label: str) -> None:
        """The model's own rules for one field, run on what the entry holds so far:
        problems of other fields (not asked yet) wait for their own answers."""
        try:
            model.model_validate(data, context={"vocabulary": self.vocabulary})
        except ValidationError as error:
            mine = [item for item in error.errors(include_url=False)
                    if tuple(item["loc"])[:1] == (name,) and item["type"] != "missing"]
            if mine:
                raise Invalid(explain(mine, {(name,): label},
                                      vocabulary=self.vocabulary)) from None

    def choice(self, category: str, raw: str) -> str:
        """A vocabulary key from its number, key, label or alias, in any case."""
        keys = list(self.vocabulary.entries(category))
        text = raw.strip()
        if text.isdigit() and 1 <= int(text) <= len(keys):
            return keys[int(text) - 1]
        key = self.vocabulary.resolve(category, text)
        if key is not None:
            return key
        numbered = self.numbered(category, ", ")
        suggestion = self.vocabulary.suggest(category, text)
        if suggestion:
            raise Invalid(t("wizard.not_a_choice_suggest", value=visible(text, limit=40),
                            suggestion=self.vocabulary.label(category, suggestion),
                            choices=numbered))
        raise Invalid(t("wizard.not_a_choice", value=visible(text, limit=40), choices=numbered))

    def numbered(self, category: str, joint: str = " · ") -> str:
        return numbered(self.vocabulary, category, joint)

    def tags(self, raw: str) -> list[str]:
        tags = split_list(raw)
        for tag in tags:
            if not _TAG.fullmatch(tag):
                raise Invalid(t("wizard.bad_tag", tag=visible(tag, one_line=True, limit=40)))
        return tags

    def _sdg(self, raw: str, label: str, taken: set[str] | None) -> str:
        goal = self.vocabulary.resolve_sdg(raw)
        if goal is None and len(split_list(raw)) > 1:  # each SDG gets its own note
            raise Invalid(t("wizard.one_sdg", first=split_list(raw)[0]))
        if goal is None:
            raise Invalid(t("wizard.not_an_sdg", value=visible(raw, one_line=True, limit=40)))
        if taken and str(goal) in taken:
            raise Invalid(t("wizard.twice", label=label))
        return str(goal)

    def _earlier(self, raw: str) -> str:
        items = self.earlier()
        text = raw.strip().lstrip("^").strip()
        if text.isdigit() and 1 <= int(text) <= len(items):
            return items[int(text) - 1].ref
        if any(item.ref == text for item in items):
            return text
        raise Invalid(t("wizard.no_such_earlier", value=visible(raw, limit=40),
                        count=len(items)))

    # -- showing ---------------------------------------------------------------------------

    def show(self, question: Question, value: Any) -> str:
        """A stored value as the person would type it (labels, not keys)."""
        if question.type == "choice" and question.vocabulary:
            return self.vocabulary.label(question.vocabulary, str(value))
        if question.type == "choices" and question.vocabulary and isinstance(value, list):
            return ", ".join(self.vocabulary.short_label(question.vocabulary, str(v))
                             for v in value)
        if question.type == "flag":
            return t("wizard.yes") if is_yes(value) else t("wizard.no")
        if question.type == "earlier":
            items = self.earlier()
            number = next((n for n, item in enumerate(items, 1) if item.ref == value), None)
            return str(number) if number else str(value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    # -- an entry on one line ------------------------------------------------------------------

    def split_line(self, part: Part, raw: str) -> Line:
        """The first answer of an entry, and the answers its marks give for the others."""
        marks: dict[str, Question] = {q.mark: q for q in part.questions[1:] if q.mark}
        if not marks:
            return Line(raw)
        line = Line(raw.strip())
        if ";" in marks and ";" in line.lead:
            first, *rest = line.lead.split(";")
            line.lead, line.complete = first.strip(), True
            self._positional([q for q in part.questions[1:] if q.mark == ";"], rest, line)
        if "!" in marks and line.lead.startswith("!"):
            line.lead = line.lead[1:].lstrip()
            line.given[marks["!"].name], line.complete = "yes", True
        if ":" in marks and ":" in line.lead:
            line.lead, note = (part.strip() for part in line.lead.split(":", 1))
            line.given[marks[":"].name], line.complete = note, True
        wanted = "".join(re.escape(mark) for mark in _SUFFIX_MARKS if mark in marks)
        found = list(re.finditer(rf"(?:^|\s)([{wanted}])", line.lead)) if wanted else []
        if found:
            for match, after in itertools.zip_longest(found, found[1:]):
                end = after.start() if after else len(line.lead)
                line.given[marks[match.group(1)].name] = line.lead[match.end():end].strip()
            line.lead, line.complete = line.lead[:found[0].start()].strip(), True
        if "#" in marks and (tags := re.search(r"(?:^|\s)(#[^\s#]*(?:\s+#[^\s#]*)*)\s*$",
                                               line.lead)):
            words = [word[1:] for word in tags.group(1).split() if word[1:]]
            line.given[marks["#"].name] = ", ".join(words)
            line.lead, line.complete = line.lead[:tags.start()].strip(), True
        return line

    def show_line(self, part: Part, data: dict[str, Any]) -> str | None:
        """An entry as it is typed on one line (`presterend, samenwerkend: ...`); None when
        one of its answers has no mark to be given by."""
        lead = part.questions[0]
        if lead.name not in data:
            return None
        text = as_typed(self.show(lead, data[lead.name]))
        positional: list[str] = []
        before, after = "", ""
        for question in part.questions[1:]:
            value = data.get(question.name)
            if question.mark == ";":
                positional.append("" if value is None else self.show(question, value))
            elif value in (None, [], "") or (question.type == "flag" and is_no(value)):
                continue
            elif question.mark == "!":
                before = "! "
            elif question.mark == ":":
                after += f": {as_typed(self.show(question, value))}"
            elif question.mark == "#":
                after += " " + " ".join(f"#{tag}" for tag in value)
            elif question.mark in _SUFFIX_MARKS:
                after += f" {question.mark}{self.show(question, value)}"
            elif question.ask and question.type != "id":
                return None
        while positional and not positional[-1]:
            positional.pop()
        middle = "; " + "; ".join(positional) if positional else ""
        return f"{before}{text}{middle}{after}"

    def _positional(self, questions: list[Question], values: list[str], line: Line) -> None:
        """`;`-parts answer the next questions in order; a word that is no choice of its
        question but one of a later question's choices goes there (`...; ; ; toehoorder`)."""
        position = 0
        for value in (value.strip() for value in values):
            if position >= len(questions):
                if value:
                    raise Invalid(t("wizard.too_many_parts", count=len(questions),
                                    names="; ".join(str(q.label) for q in questions)))
                continue
            if value and questions[position].type == "choice" and \
                    self._resolves(questions[position], value) is None:
                later = next((index for index in range(position + 1, len(questions))
                              if questions[index].type == "choice"
                              and self._resolves(questions[index], value)), None)
                position = later if later is not None else position
            if value:
                line.given[questions[position].name] = value
            position += 1

    def _resolves(self, question: Question, value: str) -> str | None:
        return self.vocabulary.resolve(question.vocabulary or "", value)


def participant(raw: str, people: dict[str, Any]) -> str | None:
    """A participant by number, id, function or name."""
    order = list(people)
    text = raw.strip()
    if text.isdigit() and 1 <= int(text) <= len(order):
        return order[int(text) - 1]
    if text in people:
        return text
    wanted = fold(text)
    for pid, person in people.items():
        if wanted and wanted in (fold(person.get("function") or ""),
                                 fold(person.get("name") or "")):
            return pid
    return None


def in_sentence(label: str) -> str:
    """A name within a sentence: `Aandachtspunten` → `aandachtspunten`; `SDG's` stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def person_label(pid: str, person: dict[str, Any]) -> str:
    """`Function (Name)`, or the function, as lists of participants show them."""
    name = person.get("name")
    function = person.get("function") or pid
    return f"{function} ({name})" if name else str(function)
