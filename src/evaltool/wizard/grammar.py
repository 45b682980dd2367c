"""The entry grammar: what a person types turned into values, and values shown as typed.

Pure: text in, plain values out (or `Invalid`, with a message in the user's language).
One answer is read as its type of question says (`evaltool.wizard.questions`); besides,
the grammar reads the quick forms of issue 10:

- an entry on one line, its other answers given by marks the template puts on questions:
  `;` (the next answers in order: `Beleidsadviseur Energie; Duurzaamheid`), `#` (tags at
  the end: `... #vertrouwen #draagvlak`), `!` (a flag, at the start: confidential),
  ` @` (a line from there on: the owner), ` ^` (an earlier follow-up by number) and `:`
  (a note after the first colon: `4: Draagt bij aan ...`);
- someone's roles on one line: `(1), adviseur*, co-creator, 11 intern @gedurende het proces`;
- the notes to those roles, one per role: `1: ...` lines (`evaltool.wizard.roles`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from evaltool.i18n import t
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard.data import explain, field_adapter
from evaltool.wizard.forms import Invalid, as_typed, numbered
from evaltool.wizard.prompter import visible
from evaltool.wizard.questions import answer_type
from evaltool.wizard.state import EarlierFollowUp

if TYPE_CHECKING:
    from evaltool.wizard.template import Part, Question

_SUFFIX_MARKS = ("@", "^")
"""Marks that start a part of the line from there on; a space comes before them, so an
e-mail address or `C^2` stays text."""


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
        return answer_type(question).read(self, question, raw, model=model, taken=taken)

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

    # -- showing ---------------------------------------------------------------------------

    def show(self, question: Question, value: Any) -> str:
        """A stored value as the person would type it (labels, not keys)."""
        return answer_type(question).show(self, question, value)

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
            value: Any = data.get(question.name)
            if question.mark == ";":
                positional.append("" if value is None else self.show(question, value))
            elif answer_type(question).empty(value):
                continue
            elif question.mark == "!":
                before = "! "
            elif question.mark == ":":
                after += f": {as_typed(self.show(question, value))}"
            elif question.mark == "#":
                after += " " + " ".join(f"#{tag}" for tag in value)
            elif question.mark in _SUFFIX_MARKS:
                after += f" {question.mark}{self.show(question, value)}"
            elif question.ask and not answer_type(question).names_entry:
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


