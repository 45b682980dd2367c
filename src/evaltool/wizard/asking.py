"""The wizard's side of the conversation: what it says and asks through the prompter.

An `Asker` keeps the answers of the step being asked: those given (in the wizard's
state, so that a draft holds them), those to be given again (a resume, or the step again
after `<`) and those taken back with `<`, each of which comes back as the answer ready to
be changed. It handles the keys that work at every question (`<`, `>`, `?`), and asks one
answer at a time (`question`): shown with what is there or its default, read by its type
of question, refused with the reason and asked again, or kept untouched on Enter.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from evaltool.i18n import t, yes_or_no
from evaltool.wizard.defaults import default
from evaltool.wizard.forms import Invalid, as_typed
from evaltool.wizard.prompter import Ask, Key, Recorded, key_text, visible
from evaltool.wizard.questions import answer_type

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard
    from evaltool.wizard.template import Part, Question, Step

LONG = 40
"""An answer longer than this is put on the line to be edited, not retyped."""

Help = Callable[[], list[str]]


SHORT_LIST = 60
"""A list of choices up to this many characters fits on a line: it is shown at every entry."""


class GoBack(Exception):
    """`<` at the first question of a step: to the previous step."""


class BackOne(Exception):
    """`<` after an answer in this step: that question again."""


class SkipStep(Exception):
    """`>` typed in a step that may be skipped."""


class Asker:
    """Says and asks what the wizard's steps need, through the wizard's prompter."""

    def __init__(self, wizard: Wizard, again: list[tuple[str, str]]) -> None:
        self.wizard = wizard
        self.prompter = wizard.prompter
        self.replay = Recorded(again)
        """Answers to be given again, in order, while they fit the questions."""
        self.taken_back: list[tuple[str, str]] = []
        """Answers taken back with `<`, in the order of the questions: each comes back as
        the answer ready to be changed, until it is answered again."""
        self.step: Step | None = None
        self.offered: set[str] = set()
        """The choices listed for the entry being asked (each once)."""
        self.muted = False
        self._replayed = False
        self._told_keys = False
        self._told_multiline = False

    # -- the answers of the step --------------------------------------------------------------

    def pending(self) -> list[tuple[str, str]]:
        """The answers still to be given again: what a draft keeps besides those given."""
        return [*self.replay.answers, *self.taken_back]

    def forget(self) -> None:
        """Another step: nothing to give again, nothing taken back."""
        self.replay = Recorded([])
        self.taken_back.clear()

    def back_one(self) -> None:
        """The step again from its start: its answers given again quietly, but the last,
        which is asked again with that answer ready to be changed."""
        answers = self.wizard.state.answers
        self.taken_back.insert(0, answers.pop())
        self.replay = Recorded(list(answers))
        answers.clear()
        self.muted = True

    def given_again(self, key: Key) -> str | None:
        """The answer to give again at `key`, if the answers to give again go this way."""
        again = self.replay.take(key)
        self._replayed = again is not None
        return again

    def record(self, key: Key, raw: str) -> None:
        text = key_text(key)
        self.taken_back = [(k, r) for k, r in self.taken_back if k != text]
        self.wizard.state.answers.append((text, raw))
        if not self._replayed:  # a given-again answer is in the draft already
            self.wizard.changed()

    # -- showing ------------------------------------------------------------------------------

    def say(self, text: str, style: str = "") -> None:
        if not self.muted:
            self.prompter.say(text, style)

    def lines(self, lines: list[str], style: str = "") -> None:
        if not self.muted:
            self.prompter.lines(lines, style)

    def heading(self, progress: str, title: str, help: str | None) -> None:
        if not self.muted:
            self.prompter.heading(progress, title, help)

    def open_step(self, step: Step, progress: str, *, reviewing: bool) -> None:
        """A step's heading, and the keys that work in it: in full the first time (and
        from the review), else on one short line."""
        self.step = step
        self.heading(progress, str(step.title), str(step.help) if step.help else None)
        if self.prompter.interactive and (not self._told_keys or reviewing):
            self._told_keys = True
            self.say(self._keys(step), "dim")
        elif self.prompter.interactive:
            self.say(t("wizard.keys_short_skip" if step.skippable else "wizard.keys_short"),
                     "dim")

    def _keys(self, step: Step) -> str:
        """The keys that work here; editing a file, Ctrl-C leaves the file as it was."""
        name = "wizard.keys_edit" if self.wizard.editing else "wizard.keys"
        return t(f"{name}_skip" if step.skippable else name)

    def offer(self, question: Question) -> None:
        """The choices, numbered: a short list (`1 present · 2 absent`) at every entry, a
        long one (the 17 SDGs, 19 roles) the first time a step asks for it, as it is a
        screen to read past at every entry; `?` shows it again."""
        offered = answer_type(question).offer(self.wizard.grammar, question)
        if offered is None or (offered[0] in self.offered and len(offered[1]) > SHORT_LIST):
            if answer_type(question).multiline and not self._told_multiline:
                self._told_multiline = True
                self.say(t("wizard.multiline"), "dim")
            return
        self.offered.add(offered[0])
        self.lines([t("wizard.choices") + " " + offered[1]], "cyan")

    # -- asking -------------------------------------------------------------------------------

    def input(self, ask: Ask, help: Help | None = None) -> str | None:
        """One raw answer: given again, or asked; `<`, `>` and `?` are handled here."""
        again = self.given_again(ask.key)
        if again is not None:
            if self.prompter.interactive:  # shown, so that what comes next has its context
                self.say(f"{ask.label}: {visible(again, one_line=True)}", "dim")
            return again
        self.muted = False
        back = next((raw for key, raw in self.taken_back if key == key_text(ask.key)), None)
        if back:
            ask = dataclasses.replace(ask, prefill=back, default=back)
        while True:
            raw = self.prompter.ask(ask)
            if raw is None or not self.prompter.interactive:
                return raw
            if raw in ("<", ">", "?"):
                self._key(raw, ask, help)
                continue
            return back if raw == "" and back else raw

    def _key(self, key: str, ask: Ask, help: Help | None) -> None:
        """`<` back (one question, or to the step before), `>` skip the step, `?` help."""
        if key == "<" and self.wizard.state.answers:
            raise BackOne
        if key == "<" and self.wizard.can_go_back():
            raise GoBack
        if key == "<":
            self.say(t("wizard.first_step"), "yellow")
        elif key == ">" and self.step is not None and self.step.skippable:
            raise SkipStep
        elif key == ">":
            self.prompter.reject(ask, t("wizard.cannot_skip"))
        else:
            self._help(ask, help)

    def _help(self, ask: Ask, help: Help | None) -> None:
        """More than the step's text: the question's own help, how it is typed, its choices."""
        if self.step is not None and self.step.help:
            self.say(str(self.step.help), "italic")
        extra = help() if help else ([ask.help] if ask.help else [])
        self.lines(extra or [t("wizard.help_none")], "italic")
        if self.step is not None:
            self.say(self._keys(self.step), "dim")

    def confirm(self, key: Key, label: str) -> bool:
        """A yes/no question (`No attention points? (y/n)`), asked until it is answered."""
        ask = Ask(key, label, help=t("wizard.help_confirm"), kind="confirm")
        while True:
            raw = self.input(ask)
            if raw is None:
                return True
            answer = yes_or_no(raw)
            if answer is not None:
                self.record(key, raw)
                return answer
            self.prompter.reject(ask, t("wizard.yes_or_no"))

    def question(self, key: Key, question: Question, *, entry: dict[str, Any],
                 model: type[BaseModel], current: Any = None, taken: set[str] | None = None,
                 may_end: bool = False, part: Part | None = None,
                 parse: Callable[[str], Any] | None = None, defaults: bool = True) -> Any:
        """One answer, checked; None when left empty (or missing from an answers file).

        With `may_end`, an empty answer ends a list instead of being refused; `parse` reads
        the answer instead of its type of question (the first answer of an entry, with its
        marks); without `defaults`, Enter leaves the answer out rather than take the
        template's."""
        grammar = self.wizard.grammar
        shown = grammar.show(question, current) if current is not None \
            else default(self.wizard, question, entry, taken) if defaults else None
        asked = Asked(self, key, question, current, shown, may_end=may_end,
                      read=parse or (lambda raw: grammar.convert(question, raw, model=model,
                                                                 taken=taken)))
        interactive = self.prompter.interactive
        if not question.ask and interactive:
            return current if current is not None else asked.read(shown) if shown else None
        if interactive and self.wizard.use_defaults and current is None and shown:
            return asked.taken_as_default(shown_as_typed=parse is not None)
        if interactive:
            self.offer(question)
        guide = self.wizard.guide
        return asked.answer(lambda: guide.help_lines(question, part, lead=may_end))


@dataclasses.dataclass
class Asked:
    """One question being asked: what is there, what Enter gives, how an answer is read."""

    asker: Asker
    key: Key
    question: Question
    current: Any
    shown: str | None
    """The answer as it is there (or as its default gives it), as it would be typed."""
    may_end: bool
    read: Callable[[str], Any]

    def taken_as_default(self, *, shown_as_typed: bool) -> Any:
        """`--defaults` in a terminal: the default taken without asking, and said."""
        asker, question = self.asker, self.question
        again = asker.given_again(self.key)
        given = again if again is not None else self.shown or ""
        value = self.read(given)
        shown = given if shown_as_typed else asker.wizard.grammar.show(question, value)
        asker.say(f"{question.label}: {shown}", "dim")
        asker.record(self.key, given)
        return value

    def answer(self, help: Help) -> Any:
        """Asked until an answer is accepted (or an answers file's is refused)."""
        question, shown, current = self.question, self.shown, self.current
        typed = as_typed(shown) if shown else None
        long = current is not None and shown is not None and (len(shown) > LONG or "\n" in shown)
        ask = Ask(self.key, str(question.label), shown,
                  str(question.help) if question.help else None,
                  multiline=answer_type(question).multiline, prefill=typed if long else None)
        while True:
            raw = self.asker.input(ask, help)
            if raw is None:  # an answers file without this answer
                if current is not None or not (shown and self._takes_default()):
                    if current is None and question.required:
                        self.asker.prompter.missing(ask)
                    return current
                raw = shown
            elif current is not None and raw in ("", typed):
                self.asker.record(self.key, raw)  # Enter, or the text left as it was: kept
                return current
            elif raw == "" and shown and not self.may_end:
                raw = shown
            done, value, ask = self._accepted(ask, raw)
            if done:
                return value

    def _takes_default(self) -> bool:
        """An answers file that leaves this answer out gets its default."""
        question = self.question
        return self.asker.wizard.use_defaults or not question.ask or \
            answer_type(question).names_entry

    def _accepted(self, ask: Ask, raw: str) -> tuple[bool, Any, Ask]:
        """(True, the value, _) for an answer taken, or (False, None, how to ask again)."""
        asker, question = self.asker, self.question
        interactive = asker.prompter.interactive
        if raw == "" or (raw == "-" and interactive and not question.required):
            if question.required and not self.may_end:
                again = asker.prompter.reject(ask, t("wizard.required",
                                                     label=str(question.label)))
                return (not again), None, ask
            asker.record(self.key, raw)
            return True, None, ask
        try:
            value = self.read(raw)
        except Invalid as problem:
            again = asker.prompter.reject(ask, str(problem))
            # What was typed is put back to be corrected, not typed again.
            return (not again), None, dataclasses.replace(ask, prefill=raw)
        asker.record(self.key, raw)
        if answer_type(question).echoed and value != raw.strip():
            asker.say(f"→ {value}", "dim")  # as it will be stored
        return True, value, ask
