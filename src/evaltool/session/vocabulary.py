"""The words of an evaluation (NSOB quadrants, roles, SDGs, ...) as loaded from data files.

Nothing here lists a quadrant or a role: they come from `templates/vocabularies/NAME.yaml`,
so a municipality can adapt them without touching code. Input accepts a key, a label
or an alias, in any case; files store keys.
"""

from __future__ import annotations

import difflib
import os
from functools import cache, cached_property
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from evaltool.fs import resources
from evaltool.i18n.folding import fold
from evaltool.i18n.labels import Words
from evaltool.session.loading import load_model
from evaltool.session.values import Version

DEFAULT_VOCABULARY = "delft"

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: Words
    short: Words | None = None
    plural: Words | None = None
    aliases: list[Word] = []


class Quadrant(Entry):
    tradition: Word
    steering: Literal["inside_out", "outside_in"]
    focus: Literal["result", "value"]


class Axes(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    steering: dict[Literal["inside_out", "outside_in"], Entry]
    focus: dict[Literal["result", "value"], Entry]


CATEGORIES = (
    "quadrants", "orientations", "roles", "session_roles", "attendance", "affiliations",
    "finding_kinds", "judgements", "follow_up_statuses",
)

# Keys that evaltool's own logic refers to; a vocabulary must keep them (labels are free).
_REQUIRED_KEYS = {
    "roles": {"other"},
    "session_roles": {"facilitator", "participant", "listener_reporter"},
    "attendance": {"present", "absent"},
    "finding_kinds": {"success_factor", "attention_point", "yield", "learning_point"},
    "follow_up_statuses": {"open", "done", "dropped"},
}


def _goal(value: object) -> object:
    return int(value) if isinstance(value, str) and value.isdigit() else value


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Version
    name: Key
    title: Words
    axes: Axes
    quadrants: dict[Key, Quadrant]
    orientations: dict[Key, Entry] = Field(min_length=1)
    roles: dict[Key, Entry] = Field(min_length=1)
    session_roles: dict[Key, Entry]
    attendance: dict[Key, Entry]
    affiliations: dict[Key, Entry] = Field(min_length=1)
    finding_kinds: dict[Key, Entry]
    judgements: dict[Key, Entry] = Field(min_length=1)
    follow_up_statuses: dict[Key, Entry]
    sdgs: dict[Annotated[int, Field(ge=1, le=17), BeforeValidator(_goal)], Words]
    filler_words: list[Word] = []
    """Words that say nothing in this domain ("organisatie"): never "repeated wording" in
    an overview (the languages' stopwords never are, either)."""
    # Words that are no one's name in any session of this vocabulary (a school named after
    # a person): publication mode does not refuse them (see `evaltool.report.privacy`).
    not_people: list[Word] = []

    @model_validator(mode="after")
    def _complete(self) -> Vocabulary:
        corners = {(q.steering, q.focus) for q in self.quadrants.values()}
        if len(self.quadrants) != 4 or len(corners) != 4:
            raise ValueError("quadrants: give exactly four, one in each corner of the figure")
        for category, keys in _REQUIRED_KEYS.items():
            missing = keys - set(getattr(self, category))
            if missing:
                raise ValueError(f"{category}: keep the keys {', '.join(sorted(missing))}")
        return self

    def entries(self, category: str) -> dict[str, Entry]:
        entries: dict[str, Entry] = getattr(self, category)
        return entries

    @cached_property
    def _index(self) -> dict[str, dict[str, str]]:
        index: dict[str, dict[str, str]] = {}
        for category in CATEGORIES:
            words: dict[str, str] = {}
            for key, entry in self.entries(category).items():
                names = [key, *entry.label.texts(), *entry.aliases]
                if entry.short:
                    names += entry.short.texts()
                for name in names:
                    words.setdefault(fold(name), key)
            index[category] = words
        return index

    def resolve(self, category: str, text: str) -> str | None:
        """The key that `text` names in `category` (key, label or alias, any case), if any."""
        if text in self.entries(category):
            return text
        return self._index[category].get(fold(text))

    def suggest(self, category: str, text: str) -> str | None:
        """The key the user most likely meant, for a 'did you mean' hint."""
        if key := self.resolve(category, text):
            return key
        close = difflib.get_close_matches(fold(text), list(self._index[category]), n=1, cutoff=0.6)
        return self._index[category][close[0]] if close else None

    def label(self, category: str, key: str, language: str | None = None) -> str:
        entry = self.entries(category).get(key)
        if entry is None:
            return key
        return entry.label.text(language)

    def short_label(self, category: str, key: str, language: str | None = None) -> str:
        entry = self.entries(category).get(key)
        if entry is None or entry.short is None:
            return self.label(category, key, language)
        return entry.short.text(language)

    def plural(self, category: str, key: str, language: str | None = None) -> str:
        entry = self.entries(category).get(key)
        if entry is None or entry.plural is None:
            return self.label(category, key, language)
        return entry.plural.text(language)

    def sdg_label(self, goal: int, language: str | None = None) -> str:
        labels = self.sdgs.get(goal)
        return labels.text(language) if labels else str(goal)

    def resolve_sdg(self, text: str) -> int | None:
        """4, "4", "SDG 4", "sdg4", "SDG-4" or a goal's name → 4."""
        folded = fold(str(text)).removeprefix("sdg").strip()
        if folded.isdigit() and int(folded) in self.sdgs:
            return int(folded)
        for goal, labels in self.sdgs.items():
            if folded in map(fold, labels.texts()):
                return goal
        return None

    def adjacent(self, first: str, second: str) -> bool:
        """Whether two quadrants share a border in the figure (not diagonal)."""
        a, b = self.quadrants[first], self.quadrants[second]
        return (a.steering == b.steering) != (a.focus == b.focus)


def load_vocabulary(name: str = DEFAULT_VOCABULARY) -> Vocabulary:
    """The vocabulary called `name`, from ./templates or the bundled templates.

    Found and read once per working directory: a command asks for it for every file."""
    return _vocabulary_in(name, os.getcwd())


@cache
def _vocabulary_in(name: str, folder: str) -> Vocabulary:
    """The vocabulary `name` as found from the working directory `folder`."""
    path = resources.find_template(f"vocabularies/{name}.yaml", kind="vocabulary", name=name)
    return load_model(path, Vocabulary)


def available_vocabularies() -> list[str]:
    return sorted({p.stem for p in resources.list_templates("vocabularies", "*.yaml")})
