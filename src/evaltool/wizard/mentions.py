"""People a session mentions who are not participants: asked about where free text is typed.

A published report names people by their function (participants) or by the label the
session gives them (`people`), and publication mode refuses a likely name of anyone else.
So after an answer to a free-text field (what `models.Kind` marks as text or owner; an
entry marked confidential is never published, and is left alone) the wizard looks for
likely names (`namefinder.likely_names`) that are neither a participant, a declared
person, nor in the session's or the vocabulary's `not_people`, and asks once per name:
declare the person (with the label the report uses, `de wethouder Onderwijs`), mark the
words as not a person (a school named after someone), or leave them (publication will
refuse them). Nothing typed changes.

These answers are answers like any other: recorded, given again on a resume or after
`<`, and what they declare lands in the step's data. A name left as it is is not asked
again in this session: within the step its answer says so, and when the step is done it
joins `WizardState.left`. An answers file is asked nothing: it may declare `people:` and
`not_people:` as a session file does, and each likely name it leaves undeclared becomes
a notice (`AnswersPrompter.notices`), never a refusal.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from evaltool.i18n import t
from evaltool.i18n.folding import fold_ascii
from evaltool.session import models
from evaltool.session.dutchnames import lists, mask, parse_name, shadow
from evaltool.session.fields import shapes
from evaltool.session.namefinder import RULE_NAMES, Finder, Known, NameMatcher, likely_names
from evaltool.session.values import Kind
from evaltool.wizard.data import explain, field_adapter, unique
from evaltool.wizard.forms import Invalid
from evaltool.wizard.prompter import AnswersPrompter, Ask, Key, visible
from evaltool.wizard.slug import short_id

if TYPE_CHECKING:
    from evaltool.wizard.engine import Wizard

KEY = "mentioned"
"""The first part of the key of every question about a name (`mentioned/jansen`)."""

CHECKED = (Kind.TEXT, Kind.OWNER)
_ARTICLE = re.compile(r"^\s*(?:de|het|een|the|an?)\s+", re.IGNORECASE)
PERSON, NOT_A_PERSON, LEAVE = "1", "2", "3"


@dataclass(frozen=True)
class Found:
    """A likely name in an answer: the words as typed, the rule that found them, and the
    name itself (without a title before it: "Jansen" of "wethouder Jansen")."""

    words: str
    rule: str
    name: str
    title: str | None = None

    @property
    def token(self) -> str:
        """The name as its questions' keys hold it: the same name, the same questions."""
        return " ".join(re.findall(r"[a-z0-9'.-]+", fold_ascii(self.name))) or "?"


# --- after an answer ----------------------------------------------------------------------


def check(wizard: Wizard, prefix: Key, model: type[BaseModel], values: Mapping[str, Any],
          before: Collection[Any] = ()) -> None:
    """Ask about (or, from an answers file, note) every likely name in the free-text
    `values` of an entry of `model`; texts in `before` (there already) are left alone."""
    kinds = shapes(model)
    if any(kinds[name].kind is Kind.SECRET and str(value).lower() == "true"
           for name, value in values.items() if name in kinds):
        return  # confidential: never published, so no one is named in public
    for name, value in values.items():
        shape = kinds.get(name)
        if shape is None or shape.kind not in CHECKED or not isinstance(value, str) or (
                value in before):
            continue
        for found in likely(wizard, value, shape.kind):
            if found.token in answered(wizard):
                continue
            if wizard.prompter.interactive:
                ask(wizard, found)
            else:
                notice(wizard, (*prefix, name), found)


def likely(wizard: Wizard, text: str, kind: Kind) -> list[Found]:
    """The likely names in `text` that the session does not know yet."""
    data = wizard.data
    known = known_people(data)
    words = [*(data.get("not_people") or []), *wizard.vocabulary.not_people]
    found = likely_names(text, not_people=words, known=known)
    if kind is Kind.OWNER and not found:
        # An owner is a person: a surname alone ("Bakker") is a name there.
        view = shadow(text)
        if not NameMatcher(known).hits(view, name_field=True)[0]:
            for hit in Finder(tuple(words)).name_field(view):
                start, end = view.span(hit.start, hit.end)
                found.append((text[start:end], hit.rule))
    return [_found(words, rule) for words, rule in found]


def _found(words: str, rule: str) -> Found:
    if rule == "title" and " " in words.strip():
        title, name = words.strip().split(None, 1)
        return Found(words, rule, name, title)
    return Found(words, rule, words)


def known_people(data: Mapping[str, Any]) -> list[Known]:
    """The participants with a name, and the declared people, as the name finder knows them."""
    found = []
    for group, label in (("participants", "function"), ("people", "label")):
        for pid, person in (data.get(group) or {}).items():
            if person.get("name"):
                found.append(Known(pid, str(person.get(label) or pid),
                                   parse_name(str(person["name"]))))
    return found


def answered(wizard: Wizard) -> set[str]:
    """The names asked about already: in this step so far, or left as they were before."""
    tokens = set(wizard.state.left)
    for key, _ in wizard.state.answers:
        parts = key.split("/")
        if parts[0] == KEY and len(parts) == 2:
            tokens.add(parts[1])
    return tokens


def commit(wizard: Wizard) -> None:
    """A step is done: the names it left as they were are not asked about again."""
    for key, raw in wizard.state.answers:
        parts = key.split("/")
        if parts[0] == KEY and len(parts) == 2 and raw in ("", LEAVE) and (
                parts[1] not in wizard.state.left):
            wizard.state.left.append(parts[1])


# --- in a terminal: one question per name --------------------------------------------------


def ask(wizard: Wizard, found: Found) -> None:
    """Who is this: a person (then the label a report uses), not a person, or left?"""
    shown = visible(found.words, one_line=True, limit=60)
    wizard.asker.say(t("wizard.names_found", word=shown, rule=rule_text(found.rule)), "yellow")
    wizard.asker.lines([t("wizard.names_choices")], "cyan")
    question = Ask((KEY, found.token), t("wizard.names_ask", word=shown),
                   help=t("wizard.names_help"))

    def help_lines() -> list[str]:
        return [t("wizard.names_help"), t("wizard.names_choices")]

    while True:
        raw = wizard.asker.input(question, help_lines)
        choice = (raw or "").strip() or LEAVE
        if choice not in (PERSON, NOT_A_PERSON, LEAVE):
            wizard.prompter.reject(question, t("wizard.names_bad"))
            continue
        wizard.asker.record(question.key, choice)
        break
    if choice == PERSON:
        label = ask_label(wizard, found, help_lines)
        pid = declare(wizard.data, found.name, label,
                      {ident for ident, _ in wizard.siblings if ident})
        wizard.asker.say(t("wizard.names_declared", word=visible(found.name, one_line=True),
                     label=visible(label, one_line=True), id=pid), "dim")
    elif choice == NOT_A_PERSON:
        wizard.data.setdefault("not_people", []).append(found.words.strip())
        wizard.asker.say(t("wizard.names_not_a_person", word=shown), "dim")
    else:
        wizard.asker.say(t("wizard.names_left", word=shown), "dim")


def ask_label(wizard: Wizard, found: Found, help_lines: Callable[[], list[str]]) -> str:
    """The label a published report puts where the name is: checked as the file checks
    it, and refused when it names the person (or anyone) itself."""
    title = found.title and fold_ascii(found.title) in lists().functions
    suggested = f"de {found.title.lower()}" if title and found.title else None
    question = Ask((KEY, found.token, "label"), t("wizard.names_label"), suggested,
                   help=t("wizard.names_help"))
    label_text = t("wizard.names_label")
    while True:
        raw = (wizard.asker.input(question, help_lines) or "").strip() or suggested or ""
        try:
            if not raw:
                raise Invalid(t("wizard.required", label=label_text))
            label = str(wizard.grammar.check(models.Person, "label", raw, label_text))
            if _names_someone(wizard, label, found.name):
                raise Invalid(t("wizard.names_label_names"))
        except Invalid as problem:
            wizard.prompter.reject(question, str(problem))
            question = dataclasses.replace(question, prefill=raw or None)
            continue
        wizard.asker.record(question.key, raw)
        return label


def _names_someone(wizard: Wizard, label: str, name: str) -> bool:
    parts = set(_words(name)) - lists().particle_words
    return bool(parts & set(_words(label))) or bool(likely(wizard, label, Kind.TEXT))


def _words(text: str) -> Iterator[str]:
    return (word for word in re.findall(r"[a-z0-9]+", fold_ascii(text)) if len(word) > 2)


def declare(data: dict[str, Any], name: str, label: str, taken: Collection[str] = ()) -> str:
    """A person the session mentions, under an id made from the label, unique among the
    participants and people (and the `taken` ids of entries not stored yet)."""
    taken = {*taken, *(data.get("participants") or {}), *(data.get("people") or {})}
    # Without its article: `wethouder-onderwijs` for "de wethouder Onderwijs".
    pid = unique(short_id(_ARTICLE.sub("", label)) or short_id(label) or "person", taken)
    data.setdefault("people", {})[pid] = {"name": name.strip(), "label": label}
    return pid


def rule_text(rule: str) -> str:
    """The rule that found a name, in words ("a title or function before it"), as
    publication mode names it when it refuses the name."""
    return t(RULE_NAMES[rule]) if rule in RULE_NAMES else rule


# --- an answers file: notices, and what it declares ------------------------------------------


def notice(wizard: Wizard, key: Key, found: Found) -> None:
    """A likely name in an answers file: a notice at the end, the name masked (a log of
    a script may be read by others), and where it is in the file."""
    prompter = wizard.prompter
    if isinstance(prompter, AnswersPrompter):
        prompter.note(key, "wizard.names_notice", {"word": mask(found.words),
                                                   "rule": rule_text(found.rule)},
                      "wizard.names_notice_hint")
    wizard.state.left.append(found.token)  # one notice per name, as one question


def from_answers(wizard: Wizard) -> None:
    """`people:` and `not_people:` of an answers file, as a session file has them; each
    checked as the file checks it, a wrong one said with its place."""
    prompter = wizard.prompter
    data = wizard.state.data
    index = 0
    while (pid := prompter.ask(Ask(("people", index), "people", kind="pick"))) is not None:
        index += 1
        person = {}
        for name in ("name", "label"):
            question = Ask(("people", pid, name), name)
            value = prompter.ask(question)
            if value is None:
                prompter.missing(question)
            else:
                person[name] = value
        if len(person) == 2 and _valid(wizard, "people", {pid: person}, ("people", pid)):
            data.setdefault("people", {})[pid] = person
    for number in range(prompter.entries(("not_people",), lead="words") or 0):
        key = ("not_people", number, "words")
        words = prompter.ask(Ask(key, "not_people"))
        kept = data.setdefault("not_people", [])
        if words and words not in kept and _valid(wizard, "not_people", [words], key[:2]):
            kept.append(words)


def _valid(wizard: Wizard, name: str, value: Any, key: Key) -> bool:
    try:
        field_adapter(models.Session, name).validate_python(value)
    except ValidationError as error:
        where = ".".join(str(part) for part in key)
        wizard.prompter.reject(Ask(key, where), explain(error, {(): where}, each=True))
        return False
    return True
