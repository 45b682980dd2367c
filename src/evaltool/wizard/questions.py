"""The types of question (`Question.type`): how an answer of each is read, shown and helped.

One class per type, registered in `TYPES` (as copier's `Question` casts an answer by a
table of types). The base class is a line of text checked by the session's own rule for
its field; a type says only what differs: how the text becomes a value (a date written
the Dutch way, a choice by number or label, an SDG, tags, a participant, an earlier
follow-up), how a value is shown as it would be typed, what `?` says about it, the
choices offered the first time it is asked, and a few traits the wizard asks of it. A
new type is one class here and its name in `evaltool.wizard.template.QuestionType`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from evaltool.i18n import t, yes_or_no
from evaltool.session import models
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard.data import explain, plain
from evaltool.wizard.forms import (
    Invalid,
    is_no,
    is_yes,
    iso_date,
    paragraphs,
    participant,
    split_list,
)
from evaltool.wizard.prompter import visible

if TYPE_CHECKING:
    from evaltool.wizard.grammar import Grammar
    from evaltool.wizard.guide import Guide
    from evaltool.wizard.template import Question

_TAG = re.compile(r"[^\s,#\[\]{}]{1,40}")


class AnswerType:
    """A line of text (`line`), checked by the rule of its field in the session."""

    help: ClassVar[str | None] = "wizard.help_line"
    """The message that says how an answer is typed (shown by `?`)."""
    multiline: ClassVar[bool] = False
    """Typed on several lines (a line ended by `\\` goes on)."""
    echoed: ClassVar[bool] = False
    """The value as it is stored is said back when it differs from what was typed."""
    summarised: ClassVar[bool] = False
    """Shown, after the first answer, in the one-line summary of a list's entry."""
    names_entry: ClassVar[bool] = False
    """The answer is the entry's id (its key in the file), not one of its fields."""
    once_per_list: ClassVar[bool] = False
    """Each value at most once in a list (an SDG)."""
    needs_vocabulary: ClassVar[bool] = False
    """The template names the vocabulary category its choices come from."""

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        """The value of an answer, checked by the rules of the file; or `Invalid`."""
        return plain(grammar.check(model, question.name, raw, str(question.label)))

    def show(self, grammar: Grammar, question: Question, value: Any) -> str:
        """A stored value as the person would type it."""
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)

    def headline(self, grammar: Grammar, question: Question, value: Any) -> str:
        """The value as it starts a list entry's summary."""
        return self.show(grammar, question, value)

    def help_lines(self, guide: Guide, question: Question) -> list[str]:
        """What `?` says about answers of this type."""
        return [t(self.help)] if self.help else []

    def offer(self, grammar: Grammar, question: Question) -> tuple[str, str] | None:
        """The choices listed the first time an entry asks for them: (what they are, the
        numbered list); None when there are none."""
        return None

    def empty(self, value: Any) -> bool:
        """Nothing to show of the value on an entry's one line."""
        return value in (None, [], "")

    def available(self, grammar: Grammar) -> bool:
        """Whether the question can be asked at all (an earlier follow-up needs one)."""
        return True


class Text(AnswerType):
    """Paragraphs: a line ended by `\\` goes on on the next."""

    help = "wizard.help_text"
    multiline = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        return super().read(grammar, question, paragraphs(raw), model=model, taken=taken)


class Date(AnswerType):
    """A date, written the Dutch way or as ISO (`22-04-2021`, `22 april 2021`)."""

    help = "wizard.help_date"
    echoed = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        date = iso_date(raw)
        if date is None:
            raise Invalid(t("wizard.not_a_date", label=str(question.label),
                            value=visible(raw, one_line=True, limit=40)))
        return super().read(grammar, question, date, model=model, taken=taken)


class Count(AnswerType):
    """A whole number."""

    help = "wizard.help_count"


class ShortText(AnswerType):
    """A line that says what an entry is about (a function, an organisation)."""

    summarised = True


class Choice(AnswerType):
    """One key of a vocabulary category, by number, key, label or alias."""

    help = None
    summarised = True
    needs_vocabulary = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        return grammar.choice(question.vocabulary or "", raw)

    def show(self, grammar: Grammar, question: Question, value: Any) -> str:
        return grammar.vocabulary.label(question.vocabulary or "", str(value))

    def help_lines(self, guide: Guide, question: Question) -> list[str]:
        category = question.vocabulary or ""
        lines = [t("wizard.choices") + " " + guide.grammar.numbered(category)]
        if category == "quadrants":
            lines += guide.nsob_figure()
        return lines

    def offer(self, grammar: Grammar, question: Question) -> tuple[str, str] | None:
        category = question.vocabulary or ""
        return category, grammar.numbered(category)


class Choices(Choice):
    """Several keys of a category, by commas; the model's rules between them apply."""

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        label = str(question.label)
        keys = [grammar.choice(question.vocabulary or "", part) for part in split_list(raw)]
        if question.max and len(keys) > question.max:
            raise Invalid(t("wizard.too_many", label=label, max=question.max))
        if len(set(keys)) != len(keys):
            raise Invalid(t("wizard.twice", label=label))
        # The rules between the values (two quadrants must be neighbours) are the
        # model's: checked here, at this answer, not after the next one.
        grammar.check_with_model(model, {question.name: keys}, question.name, label)
        return keys

    def show(self, grammar: Grammar, question: Question, value: Any) -> str:
        if not isinstance(value, list):
            return str(value)
        return ", ".join(grammar.vocabulary.short_label(question.vocabulary or "", str(v))
                         for v in value)

    def help_lines(self, guide: Guide, question: Question) -> list[str]:
        lines = super().help_lines(guide, question)
        if question.vocabulary != "quadrants":
            lines.append(t("wizard.help_choices", max=question.max or 9))
        return lines


def sdg_list(vocabulary: Vocabulary) -> str:
    """Every SDG with its number: `1 Geen armoede · 2 Geen honger ...`."""
    return " · ".join(f"{goal} {vocabulary.sdg_label(goal)}" for goal in vocabulary.sdgs)


class Sdg(AnswerType):
    """A sustainable development goal, by number or name; each once in a list."""

    help = None
    once_per_list = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        goal = grammar.vocabulary.resolve_sdg(raw)
        if goal is None and len(split_list(raw)) > 1:  # each SDG gets its own note
            raise Invalid(t("wizard.one_sdg", first=split_list(raw)[0]))
        if goal is None:
            raise Invalid(t("wizard.not_an_sdg", value=visible(raw, one_line=True, limit=40)))
        if taken and str(goal) in taken:
            raise Invalid(t("wizard.twice", label=str(question.label)))
        return str(goal)

    def headline(self, grammar: Grammar, question: Question, value: Any) -> str:
        text = self.show(grammar, question, value)
        return f"SDG {text} {grammar.vocabulary.sdg_label(int(text))}" if text.isdigit() \
            else text

    def help_lines(self, guide: Guide, question: Question) -> list[str]:
        return [t("wizard.help_sdg"), sdg_list(guide.grammar.vocabulary)]

    def offer(self, grammar: Grammar, question: Question) -> tuple[str, str] | None:
        return "sdgs", sdg_list(grammar.vocabulary)


class Flag(AnswerType):
    """Yes or no, in any language evaltool speaks; stored as `true`/`false`."""

    help = "wizard.help_flag"

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        flag = yes_or_no(raw)
        if flag is None:
            raise Invalid(t("wizard.not_a_flag", label=str(question.label)))
        return "true" if flag else "false"

    def show(self, grammar: Grammar, question: Question, value: Any) -> str:
        return t("wizard.yes") if is_yes(value) else t("wizard.no")

    def empty(self, value: Any) -> bool:
        return super().empty(value) or is_no(value)


class Tags(AnswerType):
    """Short words by commas (`vertrouwen, draagvlak`)."""

    help = "wizard.help_tags"
    summarised = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        tags = split_list(raw)
        for tag in tags:
            if not _TAG.fullmatch(tag):
                raise Invalid(t("wizard.bad_tag", tag=visible(tag, one_line=True, limit=40)))
        return tags


class Id(AnswerType):
    """The id of an entry (`vertrouwen-in-de`), not taken by another of the list."""

    help = "wizard.help_id"
    names_entry = True

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        try:
            ident = TypeAdapter(models.Id).validate_python(raw.strip())
        except ValidationError as error:
            raise Invalid(explain(error, {(): str(question.label)})) from None
        if taken and ident in taken:
            raise Invalid(t("wizard.id_taken", id=ident))
        return ident


class Participant(AnswerType):
    """A participant by number, id, function or name; stored as their id."""

    help = "wizard.help_participant"

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        people = grammar.people()
        pid = participant(raw, people)
        if pid is None:
            raise Invalid(t("wizard.no_such_participant", value=visible(raw, limit=40),
                            count=len(people)))
        return pid


class Earlier(AnswerType):
    """An open follow-up of an earlier session, by its number in the list shown."""

    help = None

    def read(self, grammar: Grammar, question: Question, raw: str, *,
             model: type[BaseModel], taken: set[str] | None) -> Any:
        items = grammar.earlier()
        text = raw.strip().lstrip("^").strip()
        if text.isdigit() and 1 <= int(text) <= len(items):
            return items[int(text) - 1].ref
        if any(item.ref == text for item in items):
            return text
        raise Invalid(t("wizard.no_such_earlier", value=visible(raw, limit=40),
                        count=len(items)))

    def show(self, grammar: Grammar, question: Question, value: Any) -> str:
        number = next((n for n, item in enumerate(grammar.earlier(), 1) if item.ref == value),
                      None)
        return str(number) if number else str(value)

    def help_lines(self, guide: Guide, question: Question) -> list[str]:
        return [t("wizard.help_earlier"), *guide.earlier_lines()]

    def available(self, grammar: Grammar) -> bool:
        return bool(grammar.earlier())


TYPES: dict[str, AnswerType] = {
    "line": ShortText(), "text": Text(), "date": Date(), "count": Count(), "choice": Choice(),
    "choices": Choices(), "sdg": Sdg(), "flag": Flag(), "tags": Tags(), "id": Id(),
    "participant": Participant(), "earlier": Earlier(),
}
"""Each type of question a template may name, and what it is."""


def answer_type(question: Question) -> AnswerType:
    """What the type of `question` is."""
    return TYPES[question.type]
