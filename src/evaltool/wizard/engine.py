"""The step engine: a template walked through with a `Prompter`, giving session data.

The wizard knows no terminal and writes no file. It keeps its whole state in a
`WizardState` (the step it is at, the session data of the steps done, the answers
given in the current step, and those of steps left with `<` before they were done),
hands that state to `on_change` after every change (the command saves it as a draft),
and can start again from such a state: the answers of the unfinished step are given
again in order, so a resumed session equals one that was never interrupted.

`<` goes back one question: the step runs again from its start with its answers given
again quietly, but the last, which is asked again with that answer ready to be edited.
At the first question of a step, `<` goes to the step before. Every answer is checked at
once by the session schema's own rules; Enter on an answer that is there keeps it as it
is, never re-read (nothing changes that was not typed).

The parts of a step are asked by `evaltool.wizard.parts` (fields, lists, everyone in
turn, earlier follow-ups); names of people in what is typed are asked about by
`evaltool.wizard.mentions`; the review is `evaltool.wizard.review`; what text means is
`evaltool.wizard.grammar`.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from evaltool.i18n import t, yes_or_no
from evaltool.i18n.folding import fold
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard import mentions, review
from evaltool.wizard.data import (
    Entry,
    check_template,
    folded_equal,
    next_id,
    pruned,
    unique,
)
from evaltool.wizard.grammar import Grammar, Invalid, as_typed
from evaltool.wizard.guide import Guide
from evaltool.wizard.parts import fields, lists, people, threads
from evaltool.wizard.prompter import Ask, Key, Prompter, Recorded, key_text, visible
from evaltool.wizard.roles import Roles
from evaltool.wizard.slug import short_id
from evaltool.wizard.state import EarlierFollowUp, Route, WizardState
from evaltool.wizard.template import Part, Question, Step, Template, only_earlier

LONG = 40
"""An answer longer than this is put on the line to be edited, not retyped."""


class GoBack(Exception):
    """`<` at the first question of a step: to the previous step."""


class BackOne(Exception):
    """`<` after an answer in this step: that question again."""


class SkipStep(Exception):
    """`>` typed in a step that may be skipped."""


class Wizard:
    """Asks a template's steps through a prompter and returns the session data."""

    def __init__(self, template: Template, vocabulary: Vocabulary, prompter: Prompter, *,
                 state: WizardState | None = None, route: Route | None = None,
                 use_defaults: bool = False, today: dt.date | None = None,
                 on_change: Callable[[WizardState], None] | None = None,
                 editing: bool = False) -> None:
        check_template(template)
        self.template = template
        self.vocabulary = vocabulary
        self.prompter = prompter
        self.state = state or WizardState(template=template.name)
        self.route = route or Route()
        self.use_defaults = use_defaults
        self.today = today or dt.date.today()
        self.editing = editing
        self.on_change = on_change or (lambda state: None)
        self.grammar = Grammar(vocabulary, people=lambda: self.data.get("participants") or {},
                               earlier=lambda: self.earlier_for(self.data))
        self.roles = Roles(vocabulary)
        """Someone's roles on one line."""
        self.guide = Guide(self.grammar)
        """What `?` shows at a question."""
        # The answers of the unfinished step are given again, and recorded again as they are.
        self.replay = Recorded(list(self.state.answers))
        self.state.answers = []
        self.work: dict[str, Any] | None = None
        """The session data while a step runs (its parts change this copy)."""
        self.siblings: list[Entry] = []
        """The entries of the list being typed, for defaults that follow them."""
        self.offered: set[str] = set()
        self._step: Step | None = None
        self._taken_back: list[tuple[str, str]] = []
        """Answers taken back with `<`, in the order of the questions: each comes back as
        the answer ready to be changed, until it is answered again."""
        self._muted = False
        self._replayed = False
        self._told_keys = False
        self._told_multiline = False

    @property
    def data(self) -> dict[str, Any]:
        """The session data as it is now, with what the current step changed so far."""
        return self.work if self.work is not None else self.state.data

    def snapshot(self) -> WizardState:
        """The state as a draft keeps it: with the answers still to be given again."""
        pending = [*self.replay.answers, *self._taken_back]
        return dataclasses.replace(self.state, answers=self.state.answers + pending,
                                   held=dict(self.state.held))

    def _changed(self) -> None:
        self.on_change(self.snapshot())

    # -- walking the steps ------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        """Every step from the state's position on, then the review; the session data."""
        steps = self.template.steps
        if not self.prompter.interactive:
            mentions.from_answers(self)
        while True:
            if self.state.position >= len(steps):
                self._step = None
                try:
                    chosen = review.review(self)
                except (GoBack, BackOne):
                    self._move(self._previous(len(steps)), reviewing=False)
                    continue
                if chosen is None:
                    return self.state.data
                self._move(chosen, reviewing=True)
                continue
            step = steps[self.state.position]
            if not self.applicable(step):
                self._move(self.state.position + 1, reviewing=self.state.reviewing)
                continue
            try:
                self.run_step(step)
            except GoBack:
                kept = [*self.state.answers, *self.replay.answers, *self._taken_back]
                if kept:  # kept for when this step is back, never lost
                    self.state.held[step.name] = kept
                self._move(self._previous(self.state.position), reviewing=False)
                continue
            except SkipStep:
                pass
            after = len(steps) if self.state.reviewing else self.state.position + 1
            self._move(after, reviewing=False)

    def run_single(self, name: str) -> dict[str, Any]:
        """One step on the data already there (`evaltool edit --step NAME`)."""
        step = self.template.step(name)
        assert step is not None
        if not self.prompter.interactive:
            mentions.from_answers(self)
        self.state.position = self.template.steps.index(step)
        while True:
            try:
                self.run_step(step)
            except GoBack:
                self.say(t("wizard.first_step"), "yellow")
                self.state.answers.clear()
                continue
            except SkipStep:
                pass
            return self.state.data

    def _move(self, position: int, *, reviewing: bool) -> None:
        self.state.position = position
        self.state.reviewing = reviewing
        self.state.answers = []
        self.replay = Recorded([])
        self._taken_back.clear()
        self._changed()

    def _can_go_back(self) -> bool:
        if self.editing:
            return False  # one step only: there is nothing before it
        position = min(self.state.position, len(self.template.steps))
        return any(self.applicable(step) for step in self.template.steps[:position])

    def _previous(self, position: int) -> int:
        for index in range(min(position, len(self.template.steps)) - 1, -1, -1):
            if self.applicable(self.template.steps[index]):
                return index
        self.say(t("wizard.first_step"), "yellow")
        return position

    def applicable(self, step: Step) -> bool:
        """A step about earlier follow-ups only shows when there are some."""
        return not only_earlier(step) or bool(self.earlier_for(self.state.data))

    def shown_steps(self) -> list[Step]:
        return [step for step in self.template.steps if self.applicable(step)]

    def progress(self, step: Step) -> str:
        shown = self.shown_steps()
        number = shown.index(step) + 1 if step in shown else 0
        return t("wizard.step_of", n=number, total=len(shown))

    def run_step(self, step: Step) -> None:
        """Ask one step; its answers replace what the step held before."""
        self._step = step
        held = self.state.held.pop(step.name, None)
        if held:  # what was typed here before `<`: given again, as on a resume
            self.replay = Recorded(held)
        self.heading(self.progress(step), str(step.title), str(step.help) if step.help else None)
        if self.prompter.interactive and (not self._told_keys or self.state.reviewing):
            self._told_keys = True
            self.say(self._keys(step), "dim")
        elif self.prompter.interactive:
            self.say(t("wizard.keys_short_skip" if step.skippable else "wizard.keys_short"),
                     "dim")
        while True:
            self.work = copy.deepcopy(self.state.data)
            self.offered = set()
            try:
                for part in step.parts:
                    PARTS[part.kind](self, part, self.work)
            except BackOne:
                self._back_one()
                continue
            data, self.work = self.work, None
            self.state.data = pruned(data)
            mentions.commit(self)
            return

    def _back_one(self) -> None:
        """The step again from its start: its answers given again quietly, but the last,
        which is asked again with that answer ready to be changed."""
        self._taken_back.insert(0, self.state.answers.pop())
        self.replay = Recorded(self.state.answers)
        self.state.answers = []
        self._muted = True
        self.work = None
        self._changed()

    # -- showing ------------------------------------------------------------------------------

    def say(self, text: str, style: str = "") -> None:
        if not self._muted:
            self.prompter.say(text, style)

    def lines(self, lines: list[str], style: str = "") -> None:
        if not self._muted:
            self.prompter.lines(lines, style)

    def heading(self, progress: str, title: str, help: str | None) -> None:
        if not self._muted:
            self.prompter.heading(progress, title, help)

    # -- asking ------------------------------------------------------------------------------

    def input(self, ask: Ask, help: Callable[[], list[str]] | None = None) -> str | None:
        """One raw answer: given again, or asked; `<`, `>` and `?` are handled here."""
        again = self.replay.take(ask.key)
        self._replayed = again is not None
        if again is not None:
            if self.prompter.interactive:  # shown, so that what comes next has its context
                self.say(f"{ask.label}: {visible(again, one_line=True)}", "dim")
            return again
        self._muted = False
        back = next((raw for key, raw in self._taken_back if key == key_text(ask.key)), None)
        if back:
            ask = dataclasses.replace(ask, prefill=back, default=back)
        while True:
            raw = self.prompter.ask(ask)
            if raw is None or not self.prompter.interactive:
                return raw
            if raw == "<":
                if self.state.answers:
                    raise BackOne
                if self._can_go_back():
                    raise GoBack
                self.say(t("wizard.first_step"), "yellow")
                continue
            if raw == ">":
                if self._step is not None and self._step.skippable:
                    raise SkipStep
                self.prompter.reject(ask, t("wizard.cannot_skip"))
                continue
            if raw == "?":
                self._help(ask, help)
                continue
            if raw == "" and back:
                return back
            return raw

    def _help(self, ask: Ask, help: Callable[[], list[str]] | None) -> None:
        """More than the step's text: the question's own help, how it is typed, its choices."""
        if self._step is not None and self._step.help:
            self.say(str(self._step.help), "italic")
        extra = help() if help else ([ask.help] if ask.help else [])
        self.lines(extra or [t("wizard.help_none")], "italic")
        if self._step is not None:
            self.say(self._keys(self._step), "dim")

    def _keys(self, step: Step) -> str:
        """The keys that work here; editing a file, Ctrl-C leaves the file as it was."""
        name = "wizard.keys_edit" if self.editing else "wizard.keys"
        return t(f"{name}_skip" if step.skippable else name)

    def record(self, key: Key, raw: str) -> None:
        text = key_text(key)
        self._taken_back = [(k, r) for k, r in self._taken_back if k != text]
        self.state.answers.append((text, raw))
        if not self._replayed:  # a given-again answer is in the draft already
            self._changed()

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
        the answer instead of the grammar (the first answer of an entry, with its marks);
        without `defaults`, Enter leaves the answer out rather than take the template's."""
        label = str(question.label)
        interactive = self.prompter.interactive
        shown = self.grammar.show(question, current) if current is not None \
            else self.default(question, entry, taken) if defaults else None

        def convert(raw: str) -> Any:
            if parse is not None:
                return parse(raw)
            return self.grammar.convert(question, raw, model=model, taken=taken)

        if not question.ask and interactive:
            return current if current is not None else convert(shown) if shown else None
        if interactive and self.use_defaults and current is None and shown:
            again = self.replay.take(key)
            self._replayed = again is not None
            given = again if again is not None else shown
            value = convert(given)
            self.say(f"{label}: {self.grammar.show(question, value) if parse is None else given}",
                     "dim")
            self.record(key, given)
            return value
        typed = as_typed(shown) if shown else None
        long = current is not None and shown is not None and (len(shown) > LONG or "\n" in shown)
        ask = Ask(key, label, shown, str(question.help) if question.help else None,
                  multiline=question.type == "text", prefill=typed if long else None)
        if interactive:
            self.offer(question)
        guide = self.guide
        while True:
            raw = self.input(ask, lambda: guide.help_lines(question, part, lead=may_end))
            if raw is None:  # an answers file without this answer
                if current is not None:
                    return current
                if shown and (self.use_defaults or not question.ask or question.type == "id"):
                    raw = shown
                elif question.required:
                    self.prompter.missing(ask)
                    return None
                else:
                    return None
            elif current is not None and raw in ("", typed):
                self.record(key, raw)  # Enter, or the text left as it was: kept untouched
                return current
            elif raw == "" and shown and not may_end:
                raw = shown
            if raw == "" or (raw == "-" and interactive and not question.required):
                if question.required and not may_end:
                    if self.prompter.reject(ask, t("wizard.required", label=label)):
                        continue
                    return None
                self.record(key, raw)
                return None
            try:
                value = convert(raw)
            except Invalid as problem:
                if self.prompter.reject(ask, str(problem)):
                    ask = dataclasses.replace(ask, prefill=raw)  # to correct, not retype
                    continue
                return None
            self.record(key, raw)
            if question.type == "date" and value != raw.strip():
                self.say(f"→ {value}", "dim")  # as it will be stored
            return value

    def offer(self, question: Question) -> None:
        """The choices, numbered, the first time an entry asks for them."""
        category = question.vocabulary if question.type in ("choice", "choices") else \
            "sdgs" if question.type == "sdg" else None
        if category is None or category in self.offered:
            if question.type == "text" and not self._told_multiline:
                self._told_multiline = True
                self.say(t("wizard.multiline"), "dim")
            return
        self.offered.add(category)
        if category == "sdgs":
            options = " · ".join(f"{goal} {self.vocabulary.sdg_label(goal)}"
                                 for goal in self.vocabulary.sdgs)
        else:
            options = self.grammar.numbered(category)
        self.lines([t("wizard.choices") + " " + options], "cyan")

    # -- defaults that follow earlier answers -------------------------------------------------

    def default(self, question: Question, entry: dict[str, Any],
                taken: set[str] | None) -> str | None:
        default = question.default
        if default is None:
            return None
        if default == "{today}":
            return self.today.isoformat()
        if default == "{next_meeting}":
            return self.next_meeting()
        if default.startswith("@"):
            people = self.data.get("participants") or {}
            role = default[1:]
            return next((pid for pid, p in people.items() if p.get("session_role") == role),
                        None)
        if not (default.startswith("{") and default.endswith("}")):
            return self.grammar.show(question, default)
        kind, _, argument = default[1:-1].partition(":")
        if kind == "slug":
            source = entry.get(argument)
            return unique(short_id(str(source)), taken or set()) if source else None
        if kind == "next":
            return next_id(argument, taken or set())
        if kind == "casus":
            value = (self.data.get("casus") or {}).get(argument)
            return str(value) if value else None
        if kind == "side":
            name, _, own = argument.partition(":")
            side = self.side_of(entry.get(name), own or None)
            return self.grammar.show(question, side) if side else None
        return self.grammar.show(question, default)

    def next_meeting(self) -> str | None:
        """The number after the last meeting of this learning route (1 for the first)."""
        casus = self.data.get("casus") or {}
        route = fold(casus.get("learning_route") or "")
        if not route:
            return None
        date = str(casus.get("date") or "9999-12-31")
        earlier = [s for s in self.route.sessions if fold(s.learning_route or "") == route
                   and s.date <= date and s.id != self.data.get("id")]
        numbers = [s.session_number for s in earlier if s.session_number]
        return str(max(numbers, default=len(earlier)) + 1)

    def side_of(self, organisation: Any, own: str | None) -> str | None:
        """The side people from this organisation are on: as in this session's entries so
        far, or in earlier sessions; `own` for the casus' own organisation."""
        if not organisation:
            return None
        people = [data for _, data in self.siblings]
        people += list((self.data.get("participants") or {}).values())
        for person in people:
            if folded_equal(person.get("organisation"), str(organisation)) and \
                    person.get("affiliation"):
                return str(person["affiliation"])
        for session in reversed(self.route.sessions):
            for name, side in session.sides:
                if folded_equal(name, str(organisation)):
                    return side
        casus = self.data.get("casus") or {}
        return own if folded_equal(casus.get("organisation"), str(organisation)) else None

    # -- earlier sessions ---------------------------------------------------------------------

    def earlier_for(self, data: dict[str, Any]) -> list[EarlierFollowUp]:
        """The open follow-ups of earlier sessions of this session's learning route."""
        casus = data.get("casus") or {}
        route = fold(casus.get("learning_route") or "")
        date = str(casus.get("date") or "9999-12-31")
        own = data.get("id")
        return [item for item in self.route.follow_ups
                if fold(item.learning_route or "") == route and item.date <= date
                and item.session_id != own]



PARTS: dict[str, Callable[[Wizard, Part, dict[str, Any]], None]] = {
    "fields": fields.fields_part,
    "list": lists.list_part,
    "per_participant": people.per_participant,
    "earlier_follow_ups": threads.earlier_part,
}
"""Who asks each kind of part of a step."""
