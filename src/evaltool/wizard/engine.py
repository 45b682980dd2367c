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

Each part of a step is asked by its kind (`evaltool.wizard.parts`); what is said and
asked goes through the `Asker` (`evaltool.wizard.asking`); names of people in what is
typed are asked about by `evaltool.wizard.mentions`; the review is
`evaltool.wizard.review`; what text means is `evaltool.wizard.grammar`.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable, Collection, Mapping
from typing import Any

from pydantic import BaseModel

from evaltool.i18n import t
from evaltool.session.vocabulary import Vocabulary
from evaltool.wizard import mentions, review
from evaltool.wizard.asking import Asker, BackOne, GoBack, SkipStep
from evaltool.wizard.data import Entry, pruned
from evaltool.wizard.grammar import Grammar
from evaltool.wizard.guide import Guide
from evaltool.wizard.parts import check_template, kind_of
from evaltool.wizard.prompter import Key, Prompter, Recorded
from evaltool.wizard.roles import Roles
from evaltool.wizard.state import Route, WizardState
from evaltool.wizard.template import Step, Template, only_earlier


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
                               earlier=lambda: self.route.open_for(self.data))
        self.roles = Roles(vocabulary)
        """Someone's roles on one line."""
        self.guide = Guide(self.grammar)
        """What `?` shows at a question."""
        # The answers of the unfinished step are given again, and recorded again as they are.
        self.asker = Asker(self, list(self.state.answers))
        self.state.answers = []
        self.work: dict[str, Any] | None = None
        """The session data while a step runs (its parts change this copy)."""
        self.siblings: list[Entry] = []
        """The entries of the list being typed, for defaults that follow them."""

    @property
    def data(self) -> dict[str, Any]:
        """The session data as it is now, with what the current step changed so far."""
        return self.work if self.work is not None else self.state.data

    def snapshot(self) -> WizardState:
        """The state as a draft keeps it: with the answers still to be given again."""
        return dataclasses.replace(self.state,
                                   answers=self.state.answers + self.asker.pending(),
                                   held=dict(self.state.held))

    def changed(self) -> None:
        """Something was answered: the state goes to `on_change` (a draft is saved)."""
        self.on_change(self.snapshot())

    def ask_about_names(self, key: Key, model: type[BaseModel], values: Mapping[str, Any],
                        before: Collection[Any] = ()) -> None:
        """Who each likely name in these free-text answers of an entry of `model` is (in
        a terminal), or a notice of it (an answers file); see `evaltool.wizard.mentions`."""
        mentions.check(self, key, model, values, before)

    # -- walking the steps ------------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        """Every step from the state's position on, then the review; the session data."""
        steps = self.template.steps
        if not self.prompter.interactive:
            mentions.from_answers(self)
        while True:
            if self.state.position >= len(steps):
                chosen = self._review()
                if chosen is None:
                    return self.state.data
                self._move(*chosen)
                continue
            step = steps[self.state.position]
            if not self.applicable(step):
                self._move(self.state.position + 1, reviewing=self.state.reviewing)
                continue
            try:
                self.run_step(step)
            except GoBack:
                kept = [*self.state.answers, *self.asker.pending()]
                if kept:  # kept for when this step is back, never lost
                    self.state.held[step.name] = kept
                self._move(self._previous(self.state.position), reviewing=False)
                continue
            except SkipStep:
                pass
            after = len(steps) if self.state.reviewing else self.state.position + 1
            self._move(after, reviewing=False)

    def _review(self) -> tuple[int, bool] | None:
        """The review: None to save, or where to go (a step to change; `<`: the last)."""
        self.asker.step = None
        try:
            chosen = review.review(self)
        except (GoBack, BackOne):
            return self._previous(len(self.template.steps)), False
        return None if chosen is None else (chosen, True)

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
                self.asker.say(t("wizard.first_step"), "yellow")
                self.state.answers.clear()
                continue
            except SkipStep:
                pass
            return self.state.data

    def _move(self, position: int, reviewing: bool) -> None:
        self.state.position = position
        self.state.reviewing = reviewing
        self.state.answers = []
        self.asker.forget()
        self.changed()

    def can_go_back(self) -> bool:
        """Whether `<` at a step's first question has a step to go back to."""
        if self.editing:
            return False  # one step only: there is nothing before it
        position = min(self.state.position, len(self.template.steps))
        return any(self.applicable(step) for step in self.template.steps[:position])

    def _previous(self, position: int) -> int:
        for index in range(min(position, len(self.template.steps)) - 1, -1, -1):
            if self.applicable(self.template.steps[index]):
                return index
        self.asker.say(t("wizard.first_step"), "yellow")
        return position

    def applicable(self, step: Step) -> bool:
        """A step about earlier follow-ups only shows when there are some."""
        return not only_earlier(step) or bool(self.route.open_for(self.state.data))

    def shown_steps(self) -> list[Step]:
        return [step for step in self.template.steps if self.applicable(step)]

    def progress(self, step: Step) -> str:
        shown = self.shown_steps()
        number = shown.index(step) + 1 if step in shown else 0
        return t("wizard.step_of", n=number, total=len(shown))

    def run_step(self, step: Step) -> None:
        """Ask one step; its answers replace what the step held before."""
        held = self.state.held.pop(step.name, None)
        if held:  # what was typed here before `<`: given again, as on a resume
            self.asker.replay = Recorded(held)
        self.asker.open_step(step, self.progress(step), reviewing=self.state.reviewing)
        while True:
            self.work = copy.deepcopy(self.state.data)
            self.asker.offered = set()
            try:
                for part in step.parts:
                    kind_of(part).ask(self, part, self.work)
            except BackOne:
                self.asker.back_one()
                self.work = None
                self.changed()
                continue
            data, self.work = self.work, None
            self.state.data = pruned(data)
            mentions.commit(self)
            return
