"""The steps of an evaluation: a template walked through with a `Prompter`, giving session data.

The wizard knows no terminal and writes no file. It keeps its whole state in a
`WizardState` (the step it is at, the session data of the steps done, the answers
given in the current step, and those of steps left with `<` before they were done),
hands that state to `on_change` after every change (the command saves it as a draft),
and can start again from such a state: the answers of the unfinished step are given
again in order, so a resumed session equals one that was never interrupted. A step left
with `<` gets its answers given again the same way when it comes back. Every answer is
checked at once by the session schema's own rules.

Session data is kept as plain text values (`"2021-01-28"`, `"true"`, `"4"`), exactly as
they read back from a draft; `models.validate_session` turns them into a `Session`.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from evaltool import models
from evaltool.errors import Problem, TemplateError
from evaltool.i18n import t, yes_or_no
from evaltool.prompter import Ask, Key, Prompter, Recorded, key_text, visible
from evaltool.slug import short_id
from evaltool.vocabulary import Vocabulary, fold
from evaltool.wizard_template import Part, Question, Step, Template, only_earlier

Entry = tuple[str | None, dict[str, Any]]
"""One entry of a list part: its id (for a mapping such as findings) and its data."""

CONTINUES = "continues"


class GoBack(Exception):
    """`<` typed: to the previous step."""


class SkipStep(Exception):
    """`>` typed in a step that may be skipped."""


class Invalid(Exception):
    """An answer that breaks a rule; the text says which, in the user's language."""


@dataclass
class WizardState:
    """Everything needed to continue: what a draft holds."""

    template: str
    position: int = 0
    data: dict[str, Any] = field(default_factory=dict)
    answers: list[tuple[str, str]] = field(default_factory=list)
    reviewing: bool = False
    """The current step was opened from the review: go back there when it is done."""
    held: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Answers of a step left with `<` before it was done: given again when it is back."""


@dataclass(frozen=True)
class EarlierFollowUp:
    """An open follow-up of an earlier session, as shown at the start of a new one."""

    ref: str
    session_id: str
    date: str
    learning_route: str | None
    question: str
    owner: str | None


# --- the wizard --------------------------------------------------------------------------


class Wizard:
    def __init__(self, template: Template, vocabulary: Vocabulary, prompter: Prompter, *,
                 state: WizardState | None = None, earlier: Iterable[EarlierFollowUp] = (),
                 use_defaults: bool = False, today: dt.date | None = None,
                 on_change: Callable[[WizardState], None] | None = None,
                 editing: bool = False) -> None:
        self.template = template
        self.vocabulary = vocabulary
        self.prompter = prompter
        self.state = state or WizardState(template=template.name)
        self.earlier = list(earlier)
        self.use_defaults = use_defaults
        self.today = today or dt.date.today()
        self.editing = editing
        self.on_change = on_change or (lambda state: None)
        # The answers of the unfinished step are given again, and recorded again as they are.
        self.replay = Recorded(list(self.state.answers))
        self.state.answers = []
        self._step: Step | None = None
        self._offered: set[str] = set()
        self._replayed = False
        self._told_keys = False
        self._told_multiline = False
        check_template(template)

    def snapshot(self) -> WizardState:
        """The state as a draft keeps it: with the answers still to be given again."""
        return dataclasses.replace(self.state, answers=self.state.answers + self.replay.answers,
                                   held=dict(self.state.held))

    def _changed(self) -> None:
        self.on_change(self.snapshot())

    # -- walking the steps --

    def run(self) -> dict[str, Any]:
        """Every step from the state's position on, then the review; the session data."""
        steps = self.template.steps
        while True:
            if self.state.position >= len(steps):
                self._step = None
                try:
                    chosen = self.review()
                except GoBack:
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
                if self.state.answers:  # kept for when this step is back, never lost
                    self.state.held[step.name] = list(self.state.answers)
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
        self.state.position = self.template.steps.index(step)
        while True:
            try:
                self.run_step(step)
            except GoBack:
                self.prompter.say(t("wizard.first_step"), "yellow")
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
        self.prompter.say(t("wizard.first_step"), "yellow")
        return position

    def applicable(self, step: Step) -> bool:
        """A step about earlier follow-ups only shows when there are some."""
        return not only_earlier(step) or bool(self._earlier_for(self.state.data))

    def progress(self, step: Step) -> str:
        shown = [s for s in self.template.steps if self.applicable(s)]
        number = shown.index(step) + 1 if step in shown else 0
        return t("wizard.step_of", n=number, total=len(shown))

    def run_step(self, step: Step) -> None:
        """Ask one step; its answers replace what the step held before."""
        self._step = step
        self._offered = set()
        held = self.state.held.pop(step.name, None)
        if held:  # what was typed here before `<`: given again, as on a resume
            self.replay = Recorded(held)
        self.prompter.heading(self.progress(step), str(step.title),
                              str(step.help) if step.help else None)
        if self.prompter.interactive and (not self._told_keys or self.state.reviewing):
            self._told_keys = True
            self.prompter.say(self._keys(step), "dim")
        elif self.prompter.interactive:
            self.prompter.say(t("wizard.keys_short_skip" if step.skippable
                                else "wizard.keys_short"), "dim")
        work = copy.deepcopy(self.state.data)
        for part in step.parts:
            if part.kind == "fields":
                self._fields(part, work)
            elif part.kind == "list":
                self._list(part, work)
            elif part.kind == "per_participant":
                self._per_participant(part, work)
            else:
                self._earlier(part, work)
        self.state.data = _pruned(work)

    # -- asking --

    def _input(self, ask: Ask) -> str | None:
        again = self.replay.take(ask.key)
        self._replayed = again is not None
        if again is not None:
            if self.prompter.interactive:  # shown, so that what comes next has its context
                self.prompter.say(f"{ask.label}: {visible(again, one_line=True)}", "dim")
            return again
        while True:
            raw = self.prompter.ask(ask)
            if raw is None or not self.prompter.interactive:
                return raw
            if raw == "<":
                if self._can_go_back():
                    raise GoBack
                self.prompter.say(t("wizard.first_step"), "yellow")
                continue
            if raw == ">":
                if self._step is not None and self._step.skippable:
                    raise SkipStep
                self.prompter.reject(ask, t("wizard.cannot_skip"))
                continue
            if raw == "?":
                if self._step is not None and self._step.help:
                    self.prompter.say(str(self._step.help), "italic")
                if ask.help:
                    self.prompter.say(ask.help, "italic")
                if self._step is not None:
                    self.prompter.say(self._keys(self._step), "dim")
                continue
            return raw

    def _keys(self, step: Step) -> str:
        """The keys that work here; editing a file, Ctrl-C leaves the file as it was."""
        name = "wizard.keys_edit" if self.editing else "wizard.keys"
        return t(f"{name}_skip" if step.skippable else name)

    def _record(self, key: Key, raw: str) -> None:
        self.state.answers.append((key_text(key), raw))
        if not self._replayed:  # a given-again answer is in the draft already
            self._changed()

    def _question(self, key: Key, question: Question, *, entry: dict[str, Any],
                  model: type[BaseModel], current: Any = None,
                  taken: set[str] | None = None, may_end: bool = False) -> Any:
        """One answer, checked; None when left empty (or missing from an answers file).

        With `may_end`, an empty answer ends a list instead of being refused."""
        label = str(question.label)
        shown_default = (self._show(question, current) if current is not None
                         else self._default(question, entry, taken))
        interactive = self.prompter.interactive
        if not question.ask and interactive:
            return self._convert(question, shown_default, entry, model, taken) \
                if shown_default else None
        if interactive and self.use_defaults and current is None and shown_default:
            again = self.replay.take(key)
            self._replayed = again is not None
            given = again if again is not None else shown_default
            value = self._convert(question, given, entry, model, taken)
            self.prompter.say(f"{label}: {self._show(question, value)}", "dim")
            self._record(key, given)
            return value
        ask = Ask(key, label, shown_default, str(question.help) if question.help else None,
                  multiline=question.type == "text")
        if interactive:
            self._offer(question)
        while True:
            raw = self._input(ask)
            if raw is None:  # an answers file without this answer
                if current is not None:
                    return current
                if shown_default and (self.use_defaults or not question.ask
                                      or question.type == "id"):
                    raw = shown_default
                elif question.required:
                    self.prompter.missing(ask)
                    return None
                else:
                    return None
            elif raw == "" and shown_default and not may_end:
                raw = shown_default
            if raw == "" or (raw == "-" and interactive and not question.required):
                if question.required and not may_end:
                    if self.prompter.reject(ask, t("wizard.required", label=label)):
                        continue
                    return None
                self._record(key, raw)
                return None
            try:
                value = self._convert(question, raw, entry, model, taken)
            except Invalid as problem:
                if self.prompter.reject(ask, str(problem)):
                    continue
                return None
            self._record(key, raw)
            return value

    # -- the kinds of part --

    def _fields(self, part: Part, work: dict[str, Any]) -> None:
        target = _container(work, part.target, create=True)
        model = model_at(part.target)
        for question in part.questions:
            value = self._question((question.name,), question, entry=target, model=model,
                                   current=target.get(question.name))
            if value is None:
                target.pop(question.name, None)
            else:
                target[question.name] = value

    def _list(self, part: Part, work: dict[str, Any]) -> None:
        owned = owned_entries(part, work)
        taken = self._taken(part, work)
        entries = self._entries(part, (part.name,), owned, model_at(part.target), taken)
        self._store(part, work, entries)

    def _entries(self, part: Part, prefix: Key, owned: list[Entry], model: type[BaseModel],
                 taken: set[str]) -> list[Entry]:
        """The entries of a list: the ones there (kept, changed or removed), plus new ones.

        An answers file adds its entries to the ones there (`edit --step yields --answers
        FILE` adds yields); changing or removing entries is done in a terminal."""
        if not self.prompter.interactive:
            count = self.prompter.entries(prefix, lead=part.questions[0].name)
            entries = list(owned)
            for index in range(count or 0):
                entry = self._entry(part, (*prefix, index), None, model,
                                    taken | _others(entries))
                if entry is not None:
                    entries.append(entry)
            return entries
        entries = list(owned)
        if entries:
            entries, add = self._menu(part, prefix, entries, model, taken)
            if not add:
                return entries
        while True:
            entry = self._entry(part, (*prefix, len(entries)), None, model,
                                taken | _others(entries), lead_ends=True)
            if entry is None:
                return entries
            entries.append(entry)

    def _menu(self, part: Part, prefix: Key, entries: list[Entry], model: type[BaseModel],
              taken: set[str]) -> tuple[list[Entry], bool]:
        """What is there already: keep it, change or remove an entry, or add more."""
        round_ = 0
        while True:
            self.prompter.say(t("wizard.list_now", label=str(part.label)), "bold")
            self.prompter.lines([f"{n}. {self._summary(part, data)}"
                                 for n, (_, data) in enumerate(entries, 1)])
            ask = Ask((*prefix, "menu", round_), t("wizard.menu_ask"), kind="menu")
            raw = self._input(ask)
            round_ += 1
            if raw in (None, "", "+"):
                if raw is not None:
                    self._record(ask.key, raw)
                return entries, raw == "+"
            remove = raw.startswith("-")
            number = raw[1:].strip() if remove else raw
            if not (number.isdigit() and 1 <= int(number) <= len(entries)):
                self.prompter.reject(ask, t("wizard.menu_bad", count=len(entries)))
                continue
            self._record(ask.key, raw)
            index = int(number) - 1
            if remove:
                del entries[index]
                continue
            ident, data = entries[index]
            others = taken | _others(entries[:index] + entries[index + 1:])
            changed = self._entry(part, (*prefix, "change", round_), (ident, data), model,
                                  others)
            if changed is not None:
                entries[index] = changed

    def _entry(self, part: Part, prefix: Key, existing: Entry | None, model: type[BaseModel],
               taken: set[str], *, lead_ends: bool = False) -> Entry | None:
        """One entry, asked question by question and then checked as a whole."""
        old_id, old = existing if existing else (None, {})
        while True:
            mark = len(self.state.answers)
            entry: dict[str, Any] = {}
            ident: str | None = old_id
            for position, question in enumerate(part.questions):
                if any(str(entry.get(name)) != value for name, value in question.when.items()):
                    continue
                current = old_id if question.type == "id" else old.get(question.name)
                value = self._question((*prefix, question.name), question, entry=entry,
                                       model=model, current=current, taken=taken,
                                       may_end=position == 0 and lead_ends)
                if position == 0 and value is None and lead_ends:
                    return None
                if question.type == "id":
                    ident = value
                elif value is not None:
                    entry[question.name] = value
            data = {**part.fixed, **entry}
            if old.get(CONTINUES):
                data[CONTINUES] = old[CONTINUES]
            try:
                model.model_validate(data, context={"vocabulary": self.vocabulary})
            except ValidationError as error:
                message = explain(error, self._labels(part))
                if self.prompter.reject(Ask(prefix, str(part.label)), message):
                    del self.state.answers[mark:]
                    self._changed()
                    continue
                return None
            if _needs_id(part) and not ident:
                ident = _unique(short_id(str(entry.get("text") or entry.get("function") or
                                             part.name)) or part.name, taken)
            return ident, data

    def _per_participant(self, part: Part, work: dict[str, Any]) -> None:
        people: dict[str, Any] = work.get("participants") or {}
        if not people:
            self.prompter.say(t("wizard.no_participants"), "yellow")
            return
        model = model_at(f"participants.{part.target}")
        order = list(people)
        round_ = 0
        while True:
            if self.prompter.interactive:
                self.prompter.lines([
                    f"{n}. {'✓' if people[pid].get(part.target) else '·'} "
                    f"{self._person(pid, people[pid])}" for n, pid in enumerate(order, 1)])
            ask = Ask((part.name, round_), t("wizard.pick", label=str(part.label)), kind="pick")
            raw = self._input(ask)
            round_ += 1
            if not raw:
                if raw == "":
                    self._record(ask.key, raw)
                return
            pid = self._participant(raw, people)
            if pid is None:
                self.prompter.reject(ask, t("wizard.no_such_participant",
                                            value=visible(raw, one_line=True, limit=40),
                                            count=len(order)))
                continue
            if self.prompter.interactive:
                self._record(ask.key, raw)
                self.prompter.say(self._person(pid, people[pid]), "bold")
            person = people[pid]
            if part.repeat:
                owned: list[Entry] = [(None, item) for item in person.get(part.target) or []]
                entries = self._entries(part, (part.name, raw), owned, model, set())
                if entries:
                    person[part.target] = [data for _, data in entries]
                else:
                    person.pop(part.target, None)
            else:
                current = person.get(part.target)
                entry = self._entry(part, (part.name, raw), (None, current or {}), model,
                                    set())
                if entry is not None:
                    person[part.target] = entry[1]

    def _earlier(self, part: Part, work: dict[str, Any]) -> None:
        items = self._earlier_for(work)
        follow_ups: dict[str, Any] = work.get(part.target) or {}
        before: dict[str, tuple[str | None, dict[str, Any]]] = {
            str(data[CONTINUES]): (ident, data) for ident, data in follow_ups.items()
            if data.get(CONTINUES)}
        decided: list[Entry] = []
        model = model_at(part.target)
        for item in items:
            self.prompter.say("")
            self.prompter.say(t("wizard.earlier_item", session=item.session_id,
                                question=item.question), "bold")
            old_id, old = before.get(item.ref, (None, {}))
            entry: dict[str, Any] = {}
            for question in part.questions:
                value = self._question((part.name, item.ref, question.name), question,
                                       entry=entry, model=model,
                                       current=old.get(question.name))
                if value is not None:
                    entry[question.name] = value
            if "status" not in entry:
                if old_id:
                    decided.append((old_id, old))
                continue  # not decided: it stays open where it is
            data = {"question": item.question, **({"owner": item.owner} if item.owner else {}),
                    **entry, CONTINUES: item.ref}
            decided.append((old_id, data))
        rest = {ident: data for ident, data in follow_ups.items() if not data.get(CONTINUES)}
        result: dict[str, Any] = {}
        taken = set(rest) | {ident for ident, _ in decided if ident}
        for ident, data in decided:
            if ident is None:
                ident = _next_id("fu-", taken)
                taken.add(ident)
            result[ident] = data
        result.update(rest)
        if result:
            work[part.target] = result
        else:
            work.pop(part.target, None)

    def _earlier_for(self, data: dict[str, Any]) -> list[EarlierFollowUp]:
        casus = data.get("casus") or {}
        route = fold(casus.get("learning_route") or "")
        date = str(casus.get("date") or "9999-12-31")
        own = data.get("id")
        return [item for item in self.earlier
                if fold(item.learning_route or "") == route and item.date <= date
                and item.session_id != own]

    # -- the parts' own entries --

    def _taken(self, part: Part, work: dict[str, Any]) -> set[str]:
        container = _container(work, part.target)
        if isinstance(container, dict):
            return {ident for ident, item in container.items() if not _mine(part, item)}
        return set()

    def _store(self, part: Part, work: dict[str, Any], entries: list[Entry]) -> None:
        *parents, name = part.target.split(".")
        holder = _container(work, ".".join(parents), create=True)
        container = holder.get(name)
        if not _needs_id(part):
            holder[name] = [data for _, data in entries]
            return
        result: dict[str, Any] = {}
        placed = False
        for ident, item in (container or {}).items():
            if _mine(part, item):
                if not placed:
                    result.update({i: d for i, d in entries if i})
                    placed = True
                continue
            result[ident] = item
        if not placed:
            result.update({i: d for i, d in entries if i})
        holder[name] = result

    # -- turning text into values --

    def _convert(self, question: Question, raw: str, entry: dict[str, Any],
                 model: type[BaseModel], taken: set[str] | None) -> Any:
        kind = question.type
        label = str(question.label)
        if kind == "choice":
            return self._choice(question, raw)
        if kind == "choices":
            keys = [self._choice(question, part) for part in _split(raw)]
            if question.max and len(keys) > question.max:
                raise Invalid(t("wizard.too_many", label=label, max=question.max))
            if len(set(keys)) != len(keys):
                raise Invalid(t("wizard.twice", label=label))
            self._check(model, question.name, keys, label)
            return keys
        if kind == "flag":
            flag = yes_or_no(raw)
            if flag is None:
                raise Invalid(t("wizard.not_a_flag", label=label))
            return "true" if flag else "false"
        if kind == "sdg":
            goal = self.vocabulary.resolve_sdg(raw)
            if goal is None and len(_split(raw)) > 1:  # each SDG gets its own note
                raise Invalid(t("wizard.one_sdg", first=_split(raw)[0]))
            if goal is None:
                raise Invalid(t("wizard.not_an_sdg", value=visible(raw, one_line=True,
                                                                   limit=40)))
            if taken and str(goal) in taken:
                raise Invalid(t("wizard.twice", label=label))
            return str(goal)
        if kind == "tags":
            tags = _split(raw)
            for tag in tags:
                if not _TAG.fullmatch(tag):
                    raise Invalid(t("wizard.bad_tag", tag=visible(tag, one_line=True,
                                                                  limit=40)))
            return tags
        if kind == "id":
            try:
                ident = TypeAdapter(models.Id).validate_python(raw)
            except ValidationError as error:
                raise Invalid(explain(error, {(): label})) from None
            if taken and ident in taken:
                raise Invalid(t("wizard.id_taken", id=ident))
            return ident
        if kind == "participant":
            people = (self.state.data.get("participants") or {})
            pid = self._participant(raw, people)
            if pid is None:
                raise Invalid(t("wizard.no_such_participant", value=visible(raw, limit=40),
                                count=len(people)))
            return pid
        value = self._check(model, question.name, raw, label)
        return plain(value)

    def _offer(self, question: Question) -> None:
        """The choices, numbered, the first time a step asks for them."""
        category = question.vocabulary if question.type in ("choice", "choices") else \
            "sdgs" if question.type == "sdg" else None
        if category is None or category in self._offered:
            if question.type == "text" and not self._told_multiline:
                self._told_multiline = True
                self.prompter.say(t("wizard.multiline"), "dim")
            return
        self._offered.add(category)
        if category == "sdgs":
            options = [f"{goal} {self.vocabulary.sdg_label(goal)}" for goal in self.vocabulary.sdgs]
        else:
            options = [f"{n} {self.vocabulary.label(category, key)}"
                       for n, key in enumerate(self.vocabulary.entries(category), 1)]
        self.prompter.say(t("wizard.choices") + " " + " · ".join(options), "cyan")

    def _check(self, model: type[BaseModel], name: str, value: Any, label: str) -> Any:
        try:
            return field_adapter(model, name).validate_python(
                value, context={"vocabulary": self.vocabulary})
        except ValidationError as error:
            raise Invalid(explain(error, {(): label})) from None

    def _choice(self, question: Question, raw: str) -> str:
        category = question.vocabulary or ""
        keys = list(self.vocabulary.entries(category))
        text = raw.strip()
        if text.isdigit() and 1 <= int(text) <= len(keys):
            return keys[int(text) - 1]
        key = self.vocabulary.resolve(category, text)
        if key is not None:
            return key
        numbered = ", ".join(f"{n} {self.vocabulary.label(category, k)}"
                             for n, k in enumerate(keys, 1))
        suggestion = self.vocabulary.suggest(category, text)
        if suggestion:
            raise Invalid(t("wizard.not_a_choice_suggest", value=visible(text, limit=40),
                            suggestion=self.vocabulary.label(category, suggestion),
                            choices=numbered))
        raise Invalid(t("wizard.not_a_choice", value=visible(text, limit=40), choices=numbered))

    def _default(self, question: Question, entry: dict[str, Any],
                 taken: set[str] | None) -> str | None:
        default = question.default
        if default is None:
            return None
        if default == "{today}":
            return self.today.isoformat()
        if default.startswith("{slug:") and default.endswith("}"):
            source = entry.get(default[6:-1])
            return _unique(short_id(str(source)), taken or set()) if source else None
        if default.startswith("{next:") and default.endswith("}"):
            return _next_id(default[6:-1], taken or set())
        if default.startswith("@"):
            people = self.state.data.get("participants") or {}
            role = default[1:]
            return next((pid for pid, p in people.items() if p.get("session_role") == role),
                        None)
        return self._show(question, default)

    def _show(self, question: Question, value: Any) -> str:
        """A stored value as the person would type it (labels, not keys)."""
        if question.type == "choice" and question.vocabulary:
            return self.vocabulary.label(question.vocabulary, str(value))
        if question.type == "choices" and question.vocabulary and isinstance(value, list):
            return ", ".join(self.vocabulary.short_label(question.vocabulary, str(v))
                             for v in value)
        if question.type == "flag":
            return t("wizard.yes") if yes_or_no(str(value)) else t("wizard.no")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def _participant(self, raw: str, people: dict[str, Any]) -> str | None:
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

    def _labels(self, part: Part) -> dict[tuple[Any, ...], str]:
        labels: dict[tuple[Any, ...], str] = {(q.name,): str(q.label) for q in part.questions}
        labels[()] = str(part.label or "")
        return labels

    # -- showing --

    def _person(self, pid: str, person: dict[str, Any]) -> str:
        name = person.get("name")
        function = person.get("function") or pid
        return f"{function} ({name})" if name else str(function)

    def _summary(self, part: Part, data: dict[str, Any]) -> str:
        questions = [q for q in part.questions if q.ask and q.type != "id"]
        lead = questions[0]
        text = self._show(lead, data.get(lead.name, ""))
        if lead.type == "sdg" and text.isdigit():
            text = f"SDG {text} {self.vocabulary.sdg_label(int(text))}"
        extra = [self._show(q, data[q.name]) for q in questions[1:]
                 if q.name in data and q.type in ("choice", "choices", "line")]
        shown = visible(text, one_line=True)
        return f"{shown} ({', '.join(visible(e, one_line=True) for e in extra)})" \
            if extra else shown

    def review_sections(self) -> list[tuple[str, list[str]]]:
        """Every applicable step with what it holds now, as plain lines (no tables)."""
        data = self.state.data
        sections = []
        for step in self.template.steps:
            if not self.applicable(step):
                continue
            lines: list[str] = []
            for part in step.parts:
                lines += self._part_lines(part, data)
            sections.append((str(step.title), lines or [t("wizard.nothing_yet")]))
        return sections

    def _part_lines(self, part: Part, data: dict[str, Any]) -> list[str]:
        if part.kind == "fields":
            target = _container(data, part.target) or {}
            return [f"{q.label}: {visible(self._show(q, target[q.name]))}"
                    for q in part.questions if q.name in target]
        if part.kind == "list":
            return [f"• {self._summary(part, item)}" for _, item in owned_entries(part, data)]
        if part.kind == "earlier_follow_ups":
            status = part.questions[0]
            return [f"• {visible(item.get('question', ''), one_line=True, limit=80)} → "
                    f"{self._show(status, item.get('status'))}"
                    for item in (data.get(part.target) or {}).values() if item.get(CONTINUES)]
        lines = []
        for pid, person in (data.get("participants") or {}).items():
            value = person.get(part.target)
            if not value:
                continue
            items = value if isinstance(value, list) else [value]
            shown = "; ".join(self._summary(part, item) for item in items)
            lines.append(f"• {visible(self._person(pid, person), one_line=True)}: {shown}")
        return lines

    def review(self) -> int | None:
        """Show everything; None to save, or the index of a step to change."""
        if not self.prompter.interactive:
            return None
        steps = [s for s in self.template.steps if self.applicable(s)]
        while True:
            self.prompter.heading(t("wizard.review"), t("wizard.review_title"), None)
            for number, (title, lines) in enumerate(self.review_sections(), 1):
                self.prompter.say(f"{number}. {title}", "bold")
                self.prompter.lines(["   " + line.replace("\n", "\n   ") for line in lines])
            problems = self.problems()
            for problem in problems:
                self.prompter.say(f"✗ {problem}", "red")
            ask = Ask(("review",), t("wizard.review_ask"), kind="review")
            raw = self._input(ask)
            if not raw and not problems:
                return None
            if raw and raw.isdigit() and 1 <= int(raw) <= len(steps):
                return self.template.steps.index(steps[int(raw) - 1])
            self.prompter.reject(ask, t("wizard.review_bad", count=len(steps)))

    def problems(self) -> list[str]:
        """What keeps the data from being a valid session (normally nothing)."""
        try:
            build_session(self.state.data, session_id="check", vocabulary=self.vocabulary)
        except ValidationError as error:
            return [explain(error, {}, each=True)]
        return []


# --- building and checking sessions ------------------------------------------------------


def build_session(data: dict[str, Any], *, session_id: str, vocabulary: Vocabulary,
                  status: str = "draft") -> models.Session:
    """The wizard's data as a session: every rule of the file applied once more."""
    full = {"schema_version": str(models.SCHEMA_VERSION), "id": session_id,
            "vocabulary": vocabulary.name, "status": status, **data}
    return models.validate_session(full, vocabulary)


def session_answers(session: models.Session) -> dict[str, Any]:
    """A session's data in the wizard's plain form (to edit one step of it)."""
    data: dict[str, Any] = plain(models.session_data(session))
    for key in ("schema_version", "id", "vocabulary", "status"):
        data.pop(key, None)
    return data


def missing_for_final(template: Template, session: models.Session,
                      vocabulary: Vocabulary) -> list[tuple[str, str]]:
    """(step, what) for each thing the template asks before a session may be final."""
    data = session_answers(session)
    missing: list[tuple[str, str]] = []
    for step in template.steps:
        for part in step.parts:
            if part.kind == "fields":
                target = _container(data, part.target) or {}
                missing += [(step.name, str(q.label)) for q in part.questions
                            if q.final and q.name not in target]
            elif part.kind == "list" and part.min_final:
                if len(owned_entries(part, data)) < part.min_final:
                    missing.append((step.name, t("wizard.at_least", count=part.min_final,
                                                 label=str(part.label))))
    people = data.get("participants") or {}
    setup = template.steps[0].name
    for role in template.final_session_roles:
        if not any(p.get("session_role") == role for p in people.values()):
            missing.append((next((s.name for s in template.steps for p in s.parts
                                  if p.target == "participants"), setup),
                            t("wizard.needs_role", role=vocabulary.label("session_roles",
                                                                          role))))
    return missing


def earlier_follow_ups(paths: Iterable[Path]) -> tuple[list[EarlierFollowUp], list[Problem]]:
    """The open follow-ups in these session files, and a problem for each unreadable file.

    A follow-up is open when its status is open and no other session continues it: a
    session that keeps one open records a continuation, which is then the open one.
    """
    from evaltool.errors import EvaltoolError
    from evaltool.store import load_session

    sessions = []
    problems: list[Problem] = []
    for path in paths:
        try:
            sessions.append(load_session(path))
        except EvaltoolError as error:
            problems += error.problems[:1]
    continued = {fu.continues for s in sessions for fu in s.follow_ups.values() if fu.continues}
    found = []
    for session in sorted(sessions, key=lambda s: (s.casus.date, s.id)):
        for ident, follow_up in session.follow_ups.items():
            ref = f"{session.id}#{ident}"
            if follow_up.status == "open" and ref not in continued:
                found.append(EarlierFollowUp(ref, session.id, session.casus.date.isoformat(),
                                             session.casus.learning_route, follow_up.question,
                                             follow_up.owner))
    return found, problems


# --- helpers -----------------------------------------------------------------------------


def check_template(template: Template) -> None:
    """Every question must name a field of the place its part writes to."""
    for step in template.steps:
        for part in step.parts:
            target = f"participants.{part.target}" if part.kind == "per_participant" \
                else part.target
            try:
                model = model_at(target)
            except KeyError:
                raise TemplateError.at("wizard.template_target", step=step.name,
                                       part=part.name, target=target) from None
            for question in part.questions:
                if question.type != "id" and question.name not in model.model_fields:
                    raise TemplateError.at("wizard.template_field", step=step.name,
                                           question=question.name, model=model.__name__)


def model_at(target: str) -> type[BaseModel]:
    """`casus` → Casus, `participants` → Participant, `participants.roles` → RoleInstance."""
    from evaltool.store import _inner_model

    current: type[BaseModel] = models.Session
    for name in filter(None, target.split(".")):
        info = current.model_fields[name]
        inner = _inner_model(info.annotation)
        if inner is None:
            raise KeyError(name)
        current = inner
    return current


_ADAPTERS: dict[tuple[type[BaseModel], str], TypeAdapter[Any]] = {}


def field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    """A validator for one field of a model, with the same rules as the whole file."""
    from typing import Annotated

    if (model, name) not in _ADAPTERS:
        info = model.model_fields[name]
        annotation = Annotated[(info.annotation, *info.metadata)] if info.metadata \
            else info.annotation
        _ADAPTERS[(model, name)] = TypeAdapter(annotation)  # type: ignore[arg-type]
    return _ADAPTERS[(model, name)]


def explain(error: ValidationError, labels: dict[tuple[Any, ...], str], *,
            each: bool = False) -> str:
    """Pydantic's complaints in the user's language, naming the question, not the key."""
    from evaltool.i18n import has_text

    texts = []
    for item in error.errors(include_url=False):
        kind = item["type"]
        params: dict[str, Any] = dict(item.get("ctx") or {})
        if "min_length" in params:  # "at least 1 item": the plural form follows the number
            params["count"] = params["min_length"]
        loc = tuple(item["loc"])
        label = labels.get(loc[:1]) or labels.get(()) or ".".join(str(p) for p in loc)
        params["field"] = label
        params.setdefault("where", label)
        if has_text(f"problems.{kind}"):
            try:
                text = t(f"problems.{kind}", **params)
                if has_text(f"problems.{kind}_hint"):
                    text += " — " + t(f"problems.{kind}_hint", **params)
            except (KeyError, IndexError):
                text = f"{label}: {item['msg']}"
        else:
            text = f"{label}: {item['msg']}"
        texts.append(text)
        if not each:
            break
    return "; ".join(texts)


def plain(value: Any) -> Any:
    """Values as they read back from YAML: text, lists and mappings of text."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return None
    return str(value)


_TAG = re.compile(r"[^\s,#\[\]{}]{1,40}")


def _split(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _container(data: dict[str, Any], target: str, *, create: bool = False) -> Any:
    current: Any = data
    for name in filter(None, target.split(".")):
        if not isinstance(current, dict):
            return None
        if name not in current:
            if not create:
                return None
            current[name] = {}
        current = current[name]
    return current


def owned_entries(part: Part, data: dict[str, Any]) -> list[Entry]:
    """The entries of a list part among everything at its target."""
    container = _container(data, part.target)
    if isinstance(container, list):
        return [(None, item) for item in container]
    if isinstance(container, dict):
        return [(ident, item) for ident, item in container.items() if _mine(part, item)]
    return []


def _others(entries: list[Entry]) -> set[str]:
    """What other entries hold already: their ids, and their SDG goals."""
    return {ident for ident, _ in entries if ident} | {
        str(data["goal"]) for _, data in entries if "goal" in data}


def _mine(part: Part, item: dict[str, Any]) -> bool:
    return not item.get(CONTINUES) and all(str(item.get(k)) == v for k, v in part.fixed.items())


def _needs_id(part: Part) -> bool:
    return part.kind == "list" and _is_mapping_target(part.target)


def _is_mapping_target(target: str) -> bool:
    *parents, name = target.split(".")
    model = model_at(".".join(parents))
    annotation = model.model_fields[name].annotation
    return getattr(annotation, "__origin__", None) is dict


def _unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def _next_id(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}{number}" in taken:
        number += 1
    return f"{prefix}{number}"


def _pruned(data: Any) -> Any:
    """Without empty mappings and lists, which the file leaves out as well."""
    if isinstance(data, dict):
        pruned = {k: _pruned(v) for k, v in data.items()}
        return {k: v for k, v in pruned.items() if v not in ({}, [], None)}
    if isinstance(data, list):
        return [_pruned(v) for v in data]
    return data
